"""The supplementary indicators: checkable clauses of the plan outside the 42 of the target list."""

from __future__ import annotations

import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi.catalogs import plan_text
from xmqc_kpi.deliverables import Deliverable
from xmqc_kpi.indicator import Indicator
from xmqc_kpi.indicators.supplementary import (
    ECFA_CERTIFICATE_EXCHANGE,
    MANUFACTURING_QUALITY_COMPETITIVENESS_TREND,
    NATIONAL_METROLOGY_TESTING_CENTRES,
    NATIONAL_SERVICE_STANDARDIZATION_PILOTS,
    SUPPLEMENTARY_INDICATORS,
)
from xmqc_kpi.interpretation import NOT_INDICATORS
from xmqc_kpi.reports.threshold_report import threshold_report

IDS = (
    "national_metrology_testing_centres",
    "manufacturing_quality_competitiveness_trend",
    "national_service_standardization_pilots",
    "ecfa_certificate_exchange",
)


def test_the_default_catalog_keeps_exactly_the_42() -> None:
    assert len(kpi.catalog()) == 42
    assert not set(IDS) & set(kpi.catalog().ids)


def test_supplementary_catalog_is_the_42_followed_by_the_4() -> None:
    extended = kpi.catalog(supplementary=True)
    assert len(extended) == 46
    assert extended.ids[:42] == kpi.catalog().ids
    assert extended.ids[42:] == IDS
    assert extended.plan == kpi.catalog().plan


@pytest.mark.parametrize("indicator", SUPPLEMENTARY_INDICATORS, ids=lambda item: item.id)
def test_quote_is_exact_plan_wording(indicator: Indicator) -> None:
    assert indicator.quote in plan_text()  # the plan's text as bundled with the package


def test_clauses_deadlines_and_units_as_the_plan_states_them() -> None:
    centres, competitiveness, pilots, ecfa = SUPPLEMENTARY_INDICATORS
    assert (centres.clause.table, centres.clause.body) == ("2.3.2", "10")
    assert (competitiveness.clause.table, competitiveness.clause.body) == ("4.1.2", "18")
    assert (pilots.clause.table, pilots.clause.body) == ("7.1.1", "31")
    assert (ecfa.clause.table, ecfa.clause.body) == ("9.6.2", "44")
    assert {item.deadline for item in SUPPLEMENTARY_INDICATORS} == {"2013-12"}
    assert centres.responsible.units == ("市质监局", "市财政局")
    assert pilots.responsible.units == ("市发改委", "市质监局")
    # the table's 9.6.2 row: 「……便利两岸通关。 厦门检验检疫局 2013年12月」
    assert ecfa.responsible.units == ("厦门检验检疫局",)
    assert ecfa.responsible.inherited_from is None
    # 4.1.2's cell is blank: 4.1.1's units; body item 18 names its leads (牵头)
    assert competitiveness.responsible.inherited_from == "4.1.1"
    assert competitiveness.responsible.body_leads == ("市经发局", "市质监局", "市工商局")


def test_they_are_no_longer_listed_as_not_indicators() -> None:
    quotes = {entry.quote for entry in NOT_INDICATORS}
    assert not quotes & {item.quote for item in SUPPLEMENTARY_INDICATORS}
    assert not {entry.clause for entry in NOT_INDICATORS} & {"2.3.2", "4.1.2", "7.1.1"}


def test_the_rest_of_9_6_2_stays_a_considered_clause() -> None:
    # 9.6.2's ECFA exchange is a deliverable; its 扩大对台认证领域和采信范围 sets no number
    (rest,) = [entry for entry in NOT_INDICATORS if entry.clause == "9.6.2"]
    assert rest.quote == "扩大对台认证领域和采信范围"
    assert rest.quote in plan_text()
    assert rest.body == ECFA_CERTIFICATE_EXCHANGE.clause.body
    assert "补充指标" in rest.reason_zh
    assert "supplementary indicator" in rest.reason_en
    assert rest.quote not in ECFA_CERTIFICATE_EXCHANGE.quote


def _statuses(indicator: Indicator, column: str, values: list[float]) -> list[str]:
    frame = pd.DataFrame(
        {"region": "厦门市", "period": range(2012, 2012 + len(values)), column: values}
    )
    result = kpi.evaluate(indicator, frame).to_frame()
    return list(result.sort_values("period")["status"])


def test_competitiveness_rising_year_on_year_is_met() -> None:
    # the published Xiamen values: 88.15 (2012) → 88.72 (2013)
    statuses = _statuses(
        MANUFACTURING_QUALITY_COMPETITIVENESS_TREND,
        "manufacturing_quality_competitiveness_index",
        [88.15, 88.72],
    )
    assert statuses == ["insufficient_data", "met"]


def test_competitiveness_dip_fails_its_own_year_only() -> None:
    statuses = _statuses(
        MANUFACTURING_QUALITY_COMPETITIVENESS_TREND,
        "manufacturing_quality_competitiveness_index",
        [88.15, 88.72, 88.72, 89.0],
    )
    assert statuses == ["insufficient_data", "met", "not_met", "met"]


@pytest.mark.parametrize(
    ("indicator", "column"),
    [
        (NATIONAL_SERVICE_STANDARDIZATION_PILOTS, "national_service_standardization_pilot_year"),
        (NATIONAL_METROLOGY_TESTING_CENTRES, "national_metrology_testing_centre_year"),
    ],
)
def test_built_by_the_deadline_year_2013(indicator: Indicator, column: str) -> None:
    # 2012–2015: not built, built in 2013 (the deadline year), built in 2012, built late in 2014
    assert _statuses(indicator, column, [0, 2013, 2012, 2014]) == [
        "not_met",
        "met",
        "met",
        "not_met",
    ]


def test_ecfa_exchange_completed_by_the_deadline_year_2013() -> None:
    # 2012–2015: not achieved, achieved in 2013 (the deadline year), in 2012, late in 2014
    statuses = _statuses(
        ECFA_CERTIFICATE_EXCHANGE, "ecfa_certificate_exchange_year", [0, 2013, 2012, 2014]
    )
    assert statuses == ["not_met", "met", "met", "not_met"]


def test_ecfa_exchange_is_worded_as_completed_not_built() -> None:
    frame = pd.DataFrame(
        {"region": "厦门市", "period": [2015], "ecfa_certificate_exchange_year": [0]}
    )
    result = kpi.evaluate(ECFA_CERTIFICATE_EXCHANGE, frame)
    assert result.to_frame()["reason"].tolist() == ["not_completed"]
    assert "未完成" in result.explanations("zh")[0]
    assert "建成" not in result.explanations("zh")[0]
    assert "not completed by 2015" in result.explanations("en")[0]


@pytest.mark.parametrize(
    "indicator",
    [
        NATIONAL_METROLOGY_TESTING_CENTRES,
        NATIONAL_SERVICE_STANDARDIZATION_PILOTS,
        ECFA_CERTIFICATE_EXCHANGE,
    ],
)
def test_deliverables_are_due_in_their_deadline_year(indicator: Indicator) -> None:
    assert isinstance(indicator.threshold, Deliverable)
    assert indicator.deadline == f"{indicator.threshold.by}-12"
    assert indicator.unit == "dimensionless"


def test_supplementary_indicators_evaluate_in_the_extended_catalog() -> None:
    frame = pd.DataFrame(
        {
            "region": "厦门市",
            "period": [2012, 2013],
            "manufacturing_quality_competitiveness_index": [88.15, 88.72],
            "national_service_standardization_pilot_year": [0, 2013],
            "national_metrology_testing_centre_year": [0, 0],
            "ecfa_certificate_exchange_year": [0, 2012],
        }
    )
    extended = kpi.catalog(supplementary=True)
    chosen = [extended[name] for name in IDS]
    result = kpi.evaluate(chosen, frame).to_frame()
    latest = result[result["period"] == 2013].set_index("indicator_id")["status"]
    assert latest.to_dict() == {
        "national_metrology_testing_centres": "not_met",
        "manufacturing_quality_competitiveness_trend": "met",
        "national_service_standardization_pilots": "met",
        "ecfa_certificate_exchange": "met",
    }


def test_threshold_report_has_the_supplementary_section() -> None:
    report = threshold_report(format="md", lang="zh")
    assert "## 补充指标（方案条款中可检查、未列入目标清单的事项）" in report
    section = report[report.index("## 补充指标") : report.index("## 已研究但未列为指标的条款")]
    for item in SUPPLEMENTARY_INDICATORS:
        assert f"{item.clause.table} {item.title_zh}" in section
        assert item.quote in section
    assert section.count("#### ") == 4


def test_threshold_report_in_english_names_the_section() -> None:
    report = threshold_report(format="md", lang="en")
    assert "## Supplementary indicators" in report
    for item in SUPPLEMENTARY_INDICATORS:
        assert item.title_en in report


def test_extended_catalog_report_lists_each_indicator_once() -> None:
    report = threshold_report(kpi.catalog(supplementary=True), format="md", lang="zh")
    assert "## 补充指标" not in report
    for name in IDS:
        assert report.count(f"`{name}`") == 1


def test_custom_catalog_report_has_no_supplementary_section() -> None:
    rate = kpi.catalog()["national_sampling_pass_rate"]
    custom = rate.model_copy(update={"deadline": "2020-12"})
    assert "补充指标" not in threshold_report([custom], format="md", lang="zh")
