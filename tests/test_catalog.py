"""The built-in catalog against the contract (plan/targets.md), and catalog files."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.printed import printed
from xmqc_kpi.catalogs import (
    THRESHOLD_KINDS,
    Catalog,
    CatalogError,
    CatalogProblem,
    catalog,
    catalog_json_schema,
    dump_catalog,
    load_catalog,
    plan_text,
)
from xmqc_kpi.formulas import Ratio, ratio
from xmqc_kpi.indicator import Clause, Indicator, Input, Responsible
from xmqc_kpi.interpretation import DEPARTMENT_ALIASES
from xmqc_kpi.text import using_language
from xmqc_kpi.thresholds import All, AtLeast, BelowBenchmark, Monitored, TopAmongPeers, Trend


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """The messages compared here are the English ones (Chinese is the default)."""
    with using_language("en"):
        yield


# ---------------------------------------------------------------------------------------------
# The contract, copied from plan/targets.md (the source of truth; not read at test time).

ABSOLUTE = (
    "school_quality_base_reception_days",
    "agri_standardized_production_rate",
    "ccc_certified_sampling_pass_rate",
    "port_who_core_capacity_rate",
    "food_trade_safety_demo_zones",
    "special_enforcement_campaigns",
    "quality_analysis_releases",
    "quality_certificates_per_10k_employed",
    "mandatory_standard_compliance_rate",
    "national_sampling_pass_rate",
    "provincial_sampling_pass_rate",
    "municipal_sampling_pass_rate",
    "export_inspection_pass_rate",
    "production_license_coverage",
    "ccc_certificate_coverage",
    "local_agri_product_pass_rate",
    "key_food_sampling_pass_rate",
    "large_medium_project_first_acceptance_rate",
    "other_project_first_acceptance_rate",
    "new_building_energy_standard_rate",
    "affordable_housing_supervision_coverage",
    "affordable_housing_first_acceptance_rate",
    "quality_funding_ratio",
)
BELOW_NATIONAL_AVERAGE = (
    "export_overseas_notification_ratio",
    "special_equipment_death_rate",
    "consumer_complaint_rate",
)
PEER_RANKS = {
    "brand_titles_per_100m_gdp": "全国同级城市",
    "quality_award_enterprises": "全国同级城市",
    "import_nonconformity_detection_rate": "全国城市",
    "export_legal_inspection_pass_rate": "全国城市",
    "service_satisfaction_index_rank": "全国同等城市",
    "citizen_quality_satisfaction_rank": "全国创建城市",
}
TRENDS = {
    "made_in_xiamen_market_share_trend": "rising",
    "market_metrology_coverage_trend": "rising",
    "energy_saving_building_share_trend": "rising",
    "industrialized_construction_share_trend": "rising",
    "consumer_complaint_rate_trend": "falling",
    "service_satisfaction_trend": "rising",
    "citizen_quality_satisfaction_trend": "rising",
}
#: Each trend's declared reading and ceiling (percent shares stop at 100 %).
TREND_READINGS: dict[str, tuple[str, int | None]] = {
    "made_in_xiamen_market_share_trend": ("year_on_year", 100),
    "market_metrology_coverage_trend": ("window", 100),
    "energy_saving_building_share_trend": ("window", 100),
    "industrialized_construction_share_trend": ("year_on_year", 100),
    "consumer_complaint_rate_trend": ("year_on_year", None),
    "service_satisfaction_trend": ("year_on_year", None),
    "citizen_quality_satisfaction_trend": ("year_on_year", None),
}
MONITORED = (
    "old_elevator_assessment_coverage",
    "non_standard_production_share",
    "export_product_safety_demo_zones",
)
CONTRACT_ORDER = (*ABSOLUTE, *BELOW_NATIONAL_AVERAGE, *PEER_RANKS, *TRENDS, *MONITORED)
CONTRACT_IDS = frozenset(CONTRACT_ORDER)

#: Absolute thresholds: id -> (kind, value, unit); ``None`` value for ``all`` (= 100 %).
ABSOLUTE_THRESHOLDS: dict[str, tuple[str, int | None, str | None]] = {
    "school_quality_base_reception_days": ("at_least", 36, "day"),
    "agri_standardized_production_rate": ("at_least", 30, "percent"),
    "ccc_certified_sampling_pass_rate": ("at_least", 95, "percent"),
    "port_who_core_capacity_rate": ("all", None, None),
    "food_trade_safety_demo_zones": ("at_least", 1, "count"),
    "special_enforcement_campaigns": ("at_least", 1, "count"),
    "quality_analysis_releases": ("at_least", 2, "count"),
    "quality_certificates_per_10k_employed": ("at_least", 2, "per_10k_persons"),
    "mandatory_standard_compliance_rate": ("all", None, None),
    "national_sampling_pass_rate": ("at_least", 94, "percent"),
    "provincial_sampling_pass_rate": ("at_least", 94, "percent"),
    "municipal_sampling_pass_rate": ("at_least", 96, "percent"),
    "export_inspection_pass_rate": ("at_least", 99, "percent"),
    "production_license_coverage": ("all", None, None),
    "ccc_certificate_coverage": ("all", None, None),
    "local_agri_product_pass_rate": ("at_least", 95, "percent"),
    "key_food_sampling_pass_rate": ("at_least", 95, "percent"),
    "large_medium_project_first_acceptance_rate": ("all", None, None),
    "other_project_first_acceptance_rate": ("at_least", 98, "percent"),
    "new_building_energy_standard_rate": ("all", None, None),
    "affordable_housing_supervision_coverage": ("all", None, None),
    "affordable_housing_first_acceptance_rate": ("all", None, None),
    "quality_funding_ratio": ("at_least", 1, "permille"),
}

#: Display units other than percent.
DISPLAY_UNITS = {
    "quality_funding_ratio": "permille",
    "quality_certificates_per_10k_employed": "per_10k_persons",
    "special_equipment_death_rate": "deaths_per_10k_units",
    "consumer_complaint_rate": "per_10k_persons",
    "consumer_complaint_rate_trend": "per_10k_persons",
    "brand_titles_per_100m_gdp": "per_yi_yuan",
    "school_quality_base_reception_days": "day",
    "food_trade_safety_demo_zones": "count",
    "special_enforcement_campaigns": "count",
    "quality_analysis_releases": "count",
    "quality_award_enterprises": "count",
    "export_product_safety_demo_zones": "count",
    "service_satisfaction_index_rank": "index_point",
    "service_satisfaction_trend": "index_point",
    "citizen_quality_satisfaction_rank": "index_point",
    "citizen_quality_satisfaction_trend": "index_point",
}

#: Input variables and their default units.
INPUTS: dict[str, dict[str, str]] = {
    "school_quality_base_reception_days": {"school_base_reception_days": "day"},
    "agri_standardized_production_rate": {"agri_standardized_area": "mu", "agri_total_area": "mu"},
    "ccc_certified_sampling_pass_rate": {
        "ccc_sampled_batches": "count",
        "ccc_passed_batches": "count",
    },
    "port_who_core_capacity_rate": {"class1_ports": "count", "class1_ports_certified": "count"},
    "food_trade_safety_demo_zones": {"food_trade_safety_demo_zones": "count"},
    "special_enforcement_campaigns": {"special_enforcement_campaigns": "count"},
    "quality_analysis_releases": {"quality_analysis_releases": "count"},
    "quality_certificates_per_10k_employed": {
        "quality_professional_certificates": "count",
        "employed_persons": "person",
    },
    "mandatory_standard_compliance_rate": {
        "mandatory_items_checked": "count",
        "mandatory_items_compliant": "count",
    },
    "national_sampling_pass_rate": {
        "national_sampled_batches": "count",
        "national_passed_batches": "count",
    },
    "provincial_sampling_pass_rate": {
        "provincial_sampled_batches": "count",
        "provincial_passed_batches": "count",
    },
    "municipal_sampling_pass_rate": {
        "municipal_sampled_batches": "count",
        "municipal_passed_batches": "count",
    },
    "export_inspection_pass_rate": {
        "export_inspected_batches": "count",
        "export_passed_batches": "count",
    },
    "production_license_coverage": {
        "license_required_producers": "count",
        "licensed_producers": "count",
    },
    "ccc_certificate_coverage": {
        "ccc_catalogue_products": "count",
        "ccc_certified_products": "count",
    },
    "local_agri_product_pass_rate": {"local_agri_sampled": "count", "local_agri_passed": "count"},
    "key_food_sampling_pass_rate": {
        "key_food_sampled_batches": "count",
        "key_food_passed_batches": "count",
    },
    "large_medium_project_first_acceptance_rate": {
        "large_medium_projects_accepted": "count",
        "large_medium_projects_first_pass": "count",
    },
    "other_project_first_acceptance_rate": {
        "other_projects_accepted": "count",
        "other_projects_first_pass": "count",
    },
    "new_building_energy_standard_rate": {
        "new_buildings_started": "count",
        "new_buildings_energy_compliant": "count",
    },
    "affordable_housing_supervision_coverage": {
        "affordable_housing_started": "count",
        "affordable_housing_supervised": "count",
    },
    "affordable_housing_first_acceptance_rate": {
        "affordable_housing_accepted": "count",
        "affordable_housing_first_pass": "count",
    },
    "quality_funding_ratio": {"quality_funding": "yuan", "general_budget_revenue": "yuan"},
    "export_overseas_notification_ratio": {
        "export_overseas_notifications": "count",
        "export_batches": "count",
    },
    "special_equipment_death_rate": {
        "special_equipment_deaths": "person",
        "special_equipment_units": "count",
    },
    "consumer_complaint_rate": {"consumer_complaints": "count", "resident_population": "person"},
    "brand_titles_per_100m_gdp": {"brand_titles": "count", "gdp": "yuan"},
    "quality_award_enterprises": {"quality_award_enterprises": "count"},
    "import_nonconformity_detection_rate": {
        "import_legal_inspection_batches": "count",
        "import_nonconforming_batches": "count",
    },
    "export_legal_inspection_pass_rate": {
        "export_legal_inspection_batches": "count",
        "export_legal_inspection_passed": "count",
    },
    "service_satisfaction_index_rank": {"service_satisfaction_index": "index_point"},
    "citizen_quality_satisfaction_rank": {"citizen_quality_satisfaction": "index_point"},
    "made_in_xiamen_market_share_trend": {"made_in_xiamen_market_share": "percent"},
    "market_metrology_coverage_trend": {
        "vegetable_markets": "count",
        "vegetable_markets_four_unified": "count",
    },
    "energy_saving_building_share_trend": {
        "energy_saving_building_area": "meter ** 2",
        "building_floor_area": "meter ** 2",
    },
    "industrialized_construction_share_trend": {
        "industrialized_construction_area": "meter ** 2",
        "new_construction_area": "meter ** 2",
    },
    "consumer_complaint_rate_trend": {
        "consumer_complaints": "count",
        "resident_population": "person",
    },
    "service_satisfaction_trend": {"service_satisfaction_index": "index_point"},
    "citizen_quality_satisfaction_trend": {"citizen_quality_satisfaction": "index_point"},
    "old_elevator_assessment_coverage": {
        "elevators_over_15y": "count",
        "elevators_over_15y_assessed": "count",
    },
    "non_standard_production_share": {"producers": "count", "producers_without_standard": "count"},
    "export_product_safety_demo_zones": {"export_product_safety_demo_zones": "count"},
}

#: Spot checks (抽查, 抽检): the only ratios with a confidence interval.
SAMPLED = frozenset(
    {
        "ccc_certified_sampling_pass_rate",
        "national_sampling_pass_rate",
        "provincial_sampling_pass_rate",
        "municipal_sampling_pass_rate",
        "local_agri_product_pass_rate",
        "key_food_sampling_pass_rate",
    }
)
#: Ratios whose numerator is not a subset of the denominator.
NOT_PART_OF_WHOLE = frozenset(
    {
        "quality_funding_ratio",
        "quality_certificates_per_10k_employed",
        "special_equipment_death_rate",
        "consumer_complaint_rate",
        "consumer_complaint_rate_trend",
        "brand_titles_per_100m_gdp",
        "export_overseas_notification_ratio",
    }
)

#: Clauses as (table, body); ``None`` table for the funding target.
CLAUSES = {
    "school_quality_base_reception_days": ("1.3.1", "3"),
    "agri_standardized_production_rate": ("2.2.2", "9"),
    "ccc_certified_sampling_pass_rate": ("2.4.2", "11"),
    "port_who_core_capacity_rate": ("2.5.1", "12"),
    "food_trade_safety_demo_zones": ("2.6.1", "13"),
    "special_enforcement_campaigns": ("3.2.3", "15"),
    "quality_analysis_releases": ("3.4.3", "17"),
    "quality_certificates_per_10k_employed": ("4.4.2", "21"),
    "mandatory_standard_compliance_rate": ("5.1.1", "22"),
    "national_sampling_pass_rate": ("5.1.2", "22"),
    "provincial_sampling_pass_rate": ("5.1.2", "22"),
    "municipal_sampling_pass_rate": ("5.1.2", "22"),
    "export_inspection_pass_rate": ("5.1.3", "22"),
    "production_license_coverage": ("5.1.4", "22"),
    "ccc_certificate_coverage": ("5.1.4", "22"),
    "local_agri_product_pass_rate": ("5.2.3", "23"),
    "key_food_sampling_pass_rate": ("5.2.3", "23"),
    "large_medium_project_first_acceptance_rate": ("6.1.1", "26"),
    "other_project_first_acceptance_rate": ("6.1.1", "26"),
    "new_building_energy_standard_rate": ("6.2.1", "27"),
    "affordable_housing_supervision_coverage": ("6.3.1", "28"),
    "affordable_housing_first_acceptance_rate": ("6.3.1", "28"),
    "quality_funding_ratio": (None, "五(三)"),
    "export_overseas_notification_ratio": ("5.3.3", "24"),
    "special_equipment_death_rate": ("5.4.1", "25"),
    "consumer_complaint_rate": ("7.4.1", "34"),
    "brand_titles_per_100m_gdp": ("4.1.1", "18"),
    "quality_award_enterprises": ("4.2.1", "19"),
    "import_nonconformity_detection_rate": ("5.3.2", "24"),
    "export_legal_inspection_pass_rate": ("5.3.2", "24"),
    "service_satisfaction_index_rank": ("7.4.1", "34"),
    "citizen_quality_satisfaction_rank": ("8.4.1", "38"),
    "made_in_xiamen_market_share_trend": ("4.1.2", "18"),
    "market_metrology_coverage_trend": ("2.3.4", "10"),
    "energy_saving_building_share_trend": ("6.2.1", "27"),
    "industrialized_construction_share_trend": ("6.2.1", "27"),
    "consumer_complaint_rate_trend": ("7.4.1", "34"),
    "service_satisfaction_trend": ("7.4.1", "34"),
    "citizen_quality_satisfaction_trend": ("8.4.1", "38"),
    "old_elevator_assessment_coverage": ("5.4.3", "25"),
    "non_standard_production_share": ("2.2.2", "9"),
    "export_product_safety_demo_zones": ("5.3.3", "24"),
}

DEADLINE_2014_06 = frozenset(
    {
        "quality_award_enterprises",
        "citizen_quality_satisfaction_rank",
        "citizen_quality_satisfaction_trend",
    }
)
DEADLINE_INHERITED = frozenset(
    {
        "agri_standardized_production_rate",
        "non_standard_production_share",
        "export_inspection_pass_rate",
    }
)
#: Blank 责任单位 cells: the row the units are inherited from.
RESPONSIBLE_INHERITED = {
    "agri_standardized_production_rate": "2.2.1",
    "non_standard_production_share": "2.2.1",
    "special_enforcement_campaigns": "3.2.1",
    "quality_analysis_releases": "3.4.1",
    "quality_certificates_per_10k_employed": "4.4.1",
    "made_in_xiamen_market_share_trend": "4.1.1",
    "national_sampling_pass_rate": "5.1.1",
    "provincial_sampling_pass_rate": "5.1.1",
    "municipal_sampling_pass_rate": "5.1.1",
    "export_inspection_pass_rate": "5.1.1",
    "production_license_coverage": "5.1.1",
    "ccc_certificate_coverage": "5.1.1",
    "local_agri_product_pass_rate": "5.2.1",
    "key_food_sampling_pass_rate": "5.2.1",
    "import_nonconformity_detection_rate": "5.3.1",
    "export_legal_inspection_pass_rate": "5.3.1",
    "export_overseas_notification_ratio": "5.3.1",
    "export_product_safety_demo_zones": "5.3.1",
    "old_elevator_assessment_coverage": "5.4.1",
}
#: The first unit listed for each indicator (the table names no lead: see test_declarations.py).
FIRST_UNITS = {
    **dict.fromkeys(CONTRACT_ORDER, "市质监局"),
    "school_quality_base_reception_days": "市教育局",
    "agri_standardized_production_rate": "市实施标准化战略领导小组办公室",
    "non_standard_production_share": "市实施标准化战略领导小组办公室",
    "port_who_core_capacity_rate": "厦门检验检疫局",
    "food_trade_safety_demo_zones": "厦门检验检疫局",
    "special_enforcement_campaigns": "市整规办",
    "quality_certificates_per_10k_employed": "市公务员局",
    "local_agri_product_pass_rate": "市食安办",
    "key_food_sampling_pass_rate": "市食安办",
    **dict.fromkeys(
        (
            "large_medium_project_first_acceptance_rate",
            "other_project_first_acceptance_rate",
            "new_building_energy_standard_rate",
            "affordable_housing_supervision_coverage",
            "affordable_housing_first_acceptance_rate",
            "energy_saving_building_share_trend",
            "industrialized_construction_share_trend",
        ),
        "市建设局",
    ),
    "quality_funding_ratio": "市财政局",
    **dict.fromkeys(
        (
            "export_overseas_notification_ratio",
            "import_nonconformity_detection_rate",
            "export_legal_inspection_pass_rate",
            "export_product_safety_demo_zones",
        ),
        "厦门检验检疫局",
    ),
    **dict.fromkeys(
        (
            "consumer_complaint_rate",
            "consumer_complaint_rate_trend",
            "service_satisfaction_index_rank",
            "service_satisfaction_trend",
        ),
        "市发改委",
    ),
    "brand_titles_per_100m_gdp": "市经发局",
    "made_in_xiamen_market_share_trend": "市经发局",
    "citizen_quality_satisfaction_rank": "质量强市办",
    "citizen_quality_satisfaction_trend": "质量强市办",
}

BUILTIN = catalog()


def by_id(indicator_id: str) -> Indicator:
    return BUILTIN[indicator_id]


# ---------------------------------------------------------------------------------------------
# The plan's text


def table_text() -> str:
    """The decomposition table (the attachment), flattened to one line in the source."""
    text = plan_text()
    return text[text.index("序号 目标类别") :]


def body_text() -> str:
    text = plan_text()
    return text[: text.index("附件:")]


def table_row(clause: str) -> str:
    """The text of one sub-item of the table, up to the next sub-item."""
    table = table_text()
    start = table.index(f"{clause}、")
    following = re.compile(r"\d+\.\d+\.\d+、").search(table, start + len(clause) + 1)
    return table[start : following.start() if following else len(table)]


def body_item(body: str) -> str:
    """The paragraph of one body item (``"22"``), or of a section-五 measure (``"五(三)"``)."""
    if body.isdigit():
        match = re.search(rf"^{body}、.*$", body_text(), re.MULTILINE)
    else:
        section, sub = body[0], body[1:]
        text = body_text()
        match = re.search(
            rf"^{re.escape(sub)}.*$", text[text.index(f"{section}、") :], re.MULTILINE
        )
    assert match is not None, body
    return match.group(0)


def test_plan_text_is_the_published_notice() -> None:
    text = plan_text()
    assert "厦府〔2013〕98号" in text
    assert "2013年3月30日" in text
    assert "厦门市创建全国质量强市示范城市目标任务分解表" in text
    assert text == resources.files("xmqc_kpi").joinpath("data/plan.txt").read_text("utf-8")
    assert "98号" in resources.files("xmqc_kpi").joinpath("data/PLAN_SOURCE.md").read_text("utf-8")


# ---------------------------------------------------------------------------------------------
# The built-in catalog against the contract


def test_exactly_the_contract_ids_in_contract_order() -> None:
    assert len(CONTRACT_ORDER) == 42
    assert set(BUILTIN.ids) == CONTRACT_IDS
    assert BUILTIN.ids == CONTRACT_ORDER
    assert len(BUILTIN) == 42


def test_counts_by_kind() -> None:
    kinds = Counter(item.threshold.kind for item in BUILTIN)
    assert kinds["at_least"] + kinds["all"] == 23
    assert kinds["below_benchmark"] == 3
    assert kinds["top_among_peers"] == 6
    assert kinds["trend"] == 7
    assert kinds["monitored"] == 3
    assert sum(kinds.values()) == 42


@pytest.mark.parametrize("indicator_id", ABSOLUTE)
def test_absolute_thresholds(indicator_id: str) -> None:
    kind, number, unit = ABSOLUTE_THRESHOLDS[indicator_id]
    threshold = by_id(indicator_id).threshold
    if kind == "all":
        assert threshold == All()
    else:
        assert threshold == AtLeast(number, unit)
        assert isinstance(threshold, AtLeast)
        assert isinstance(threshold.value, Decimal)


def test_relative_thresholds() -> None:
    for indicator_id in BELOW_NATIONAL_AVERAGE:
        assert by_id(indicator_id).threshold == BelowBenchmark()
        assert by_id(indicator_id).direction == "lower"
    for indicator_id, peer_group in PEER_RANKS.items():
        threshold = by_id(indicator_id).threshold
        assert threshold == TopAmongPeers(peer_group=peer_group)
        assert isinstance(threshold, TopAmongPeers)
        assert threshold.cutoff(10) == 2  # the default: top 20 %, rounded up
        assert by_id(indicator_id).direction == "higher"
    for indicator_id, direction in TRENDS.items():
        threshold = by_id(indicator_id).threshold
        assert isinstance(threshold, Trend)
        assert threshold.direction == direction
        reading, ceiling = TREND_READINGS[indicator_id]
        assert (threshold.reading, threshold.ceiling) == (reading, ceiling)
    for indicator_id in MONITORED:
        assert by_id(indicator_id).threshold == Monitored()


@pytest.mark.parametrize("indicator_id", CONTRACT_ORDER)
def test_display_unit_and_decimals(indicator_id: str) -> None:
    indicator = by_id(indicator_id)
    unit = DISPLAY_UNITS.get(indicator_id, "percent")
    assert indicator.unit == unit
    expected_decimals = {
        "percent": 2,
        "permille": 3,
        "per_10k_persons": 3,
        "deaths_per_10k_units": 3,
        "per_yi_yuan": 3,
        "day": 0,
        "count": 0,
        "index_point": 1,
    }[unit]
    assert indicator.decimals == expected_decimals


@pytest.mark.parametrize("indicator_id", CONTRACT_ORDER)
def test_inputs_and_default_units(indicator_id: str) -> None:
    indicator = by_id(indicator_id)
    assert indicator.input_units == INPUTS[indicator_id]
    for item in indicator.inputs:
        assert item.label_zh, item.name
        assert item.label_en, item.name
        assert item.description, item.name


def test_a_variable_shared_by_indicators_is_declared_once() -> None:
    declarations: dict[str, set[Input]] = {}
    for indicator in BUILTIN:
        for item in indicator.inputs:
            declarations.setdefault(item.name, set()).add(item)
    assert {name: len(found) for name, found in declarations.items() if len(found) > 1} == {}
    assert set(declarations) == {name for names in INPUTS.values() for name in names}


def test_sampled_and_part_of_whole() -> None:
    ratios = {item.id: item.formula for item in BUILTIN if isinstance(item.formula, Ratio)}
    assert {i for i, formula in ratios.items() if formula.sampled} == SAMPLED
    assert {i for i, formula in ratios.items() if not formula.part_of_whole} == NOT_PART_OF_WHOLE
    assert {item.id for item in BUILTIN if item.sampled} == SAMPLED


def test_import_nonconformity_detection_rate_reads_higher_as_better() -> None:
    indicator = by_id("import_nonconformity_detection_rate")
    assert indicator.direction == "higher"
    assert "higher" in indicator.interpretation.lower()
    assert indicator.formula == ratio(
        "import_nonconforming_batches", "import_legal_inspection_batches"
    )


@pytest.mark.parametrize("indicator_id", CONTRACT_ORDER)
def test_clause(indicator_id: str) -> None:
    table, body = CLAUSES[indicator_id]
    clause = by_id(indicator_id).clause  # where its quote stands: test_declarations.py
    assert (clause.table, clause.body) == (table, body)


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_quote_is_exact_plan_wording_of_its_clause(indicator: Indicator) -> None:
    # the plan's words as printed (tests/printed.py): 出口商品境外通报比率（通报次数/出口批次）
    assert indicator.quote in printed(plan_text())
    places = [body_item(indicator.clause.body)]
    if indicator.clause.table is not None:
        places.append(table_row(indicator.clause.table))
    assert any(indicator.quote in printed(place) for place in places)


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_table_clause_is_in_the_table(indicator: Indicator) -> None:
    clause = indicator.clause
    if clause.table is None:
        assert clause.body == "五(三)"
        assert "(三)加大经费投入" in body_text()
        assert "五、组织实施" in body_text()
    else:
        assert f" {clause.table}、" in table_text()
        assert re.search(rf"^{clause.body}、", body_text(), re.MULTILINE)


@pytest.mark.parametrize("indicator_id", CONTRACT_ORDER)
def test_deadline(indicator_id: str) -> None:
    indicator = by_id(indicator_id)
    if indicator_id == "quality_funding_ratio":
        expected = None
    elif indicator_id in DEADLINE_2014_06:
        expected = "2014-06"
    else:
        expected = "2013-12"
    assert indicator.deadline == expected
    assert indicator.deadline_inherited == (indicator_id in DEADLINE_INHERITED)


@pytest.mark.parametrize("indicator_id", CONTRACT_ORDER)
def test_responsible(indicator_id: str) -> None:
    responsible = by_id(indicator_id).responsible
    assert responsible.units[0] == FIRST_UNITS[indicator_id]
    assert responsible.inherited_from == RESPONSIBLE_INHERITED.get(indicator_id)
    if responsible.inherited_from is not None:  # the units come from that row of the table
        row = table_row(responsible.inherited_from)
        for unit in responsible.units:  # under its canonical name or an alias (质监局)
            aliases = [alias for alias, name in DEPARTMENT_ALIASES.items() if name == unit]
            assert any(spelling in row for spelling in [unit, *aliases]), unit


@pytest.mark.parametrize(
    "indicator",
    [item for item in BUILTIN if item.threshold.kind not in {"at_least", "all"}],
    ids=lambda item: item.id,
)
def test_vague_wording_is_interpreted(indicator: Indicator) -> None:
    assert indicator.interpretation
    if isinstance(indicator.threshold, TopAmongPeers):
        assert "20 %" in indicator.interpretation
        assert indicator.threshold.peer_group in indicator.interpretation


@pytest.mark.parametrize(
    ("indicator_id", "words"),
    [
        ("local_agri_product_pass_rate", "95以上%"),
        ("brand_titles_per_100m_gdp", "称号数量占城市GDP比例"),
        ("national_sampling_pass_rate", "国家、省级"),
        ("provincial_sampling_pass_rate", "国家、省级"),
        ("production_license_coverage", "two indicators"),
        ("ccc_certificate_coverage", "two indicators"),
        ("special_equipment_death_rate", "市质监"),
        ("school_quality_base_reception_days", "each base"),
        ("special_enforcement_campaigns", "at least one"),
        ("export_product_safety_demo_zones", "2.6.1"),
        ("export_inspection_pass_rate", "blank"),
        ("agri_standardized_production_rate", "blank"),
        ("quality_funding_ratio", "every year"),
    ],
)
def test_known_discrepancies_are_stated(indicator_id: str, words: str) -> None:
    assert words in by_id(indicator_id).interpretation


# ---------------------------------------------------------------------------------------------
# Catalog behaviour


def test_catalog_is_cached() -> None:
    assert catalog() is catalog()


def test_indexing_and_membership() -> None:
    rate = BUILTIN["municipal_sampling_pass_rate"]
    assert rate.id == "municipal_sampling_pass_rate"
    assert "municipal_sampling_pass_rate" in BUILTIN
    assert rate in BUILTIN
    assert "no_such_indicator" not in BUILTIN
    assert 3 not in BUILTIN
    assert rate.model_copy(update={"decimals": 4}) not in BUILTIN
    assert list(BUILTIN) == [BUILTIN[i] for i in BUILTIN.ids]


def test_key_error_names_close_matches() -> None:
    with pytest.raises(KeyError, match="did you mean 'municipal_sampling_pass_rate'"):
        BUILTIN["municipal_sampling_rate"]
    with pytest.raises(KeyError, match=r"no indicator 'zzz' in the catalog \(42 indicators"):
        BUILTIN["zzz"]
    position: Any = 0
    with pytest.raises(TypeError, match="by id"):
        BUILTIN[position]


def test_filter_by_section() -> None:
    products = BUILTIN.filter(section="5")
    assert isinstance(products, Catalog)
    assert len(products) == 15
    assert all((item.clause.table or "").startswith("5.") for item in products)
    assert BUILTIN.filter(section=5) == products
    assert BUILTIN.filter(section="五").ids == ("quality_funding_ratio",)
    assert len(BUILTIN.filter(section="9")) == 0
    assert sum(len(BUILTIN.filter(section=s)) for s in BUILTIN.sections) == 42
    assert BUILTIN.sections == ("1", "2", "3", "4", "5", "6", "7", "8", "五")


def test_filter_by_kind() -> None:
    assert BUILTIN.filter(kind="trend").ids == tuple(TRENDS)
    assert BUILTIN.filter(kind="monitored").ids == MONITORED
    assert len(BUILTIN.filter(kind="above")) == 0
    with pytest.raises(ValueError, match="unknown threshold kind 'at-least'"):
        BUILTIN.filter(kind="at-least")
    assert set(THRESHOLD_KINDS) >= {item.threshold.kind for item in BUILTIN}


def test_filter_by_responsible_unit() -> None:
    ciq = BUILTIN.filter(responsible="厦门检验检疫局")
    assert "port_who_core_capacity_rate" in ciq
    assert "export_product_safety_demo_zones" in ciq  # inherited units count too
    assert "school_quality_base_reception_days" in ciq  # not only the lead unit
    assert "consumer_complaint_rate" not in ciq
    # the plan writes 市质监局 and, further along a list, 质监局: both spellings match both
    assert BUILTIN.filter(responsible="市质监局") == BUILTIN.filter(responsible="质监局")
    assert "quality_certificates_per_10k_employed" in BUILTIN.filter(responsible="市质监局")
    assert len(BUILTIN.filter(responsible="市委宣传部")) == 0
    with pytest.raises(ValueError, match="responsible"):
        BUILTIN.filter(responsible=" ")


def test_filters_combine() -> None:
    chosen = BUILTIN.filter(section="6", kind="all", responsible="市建设局")
    assert chosen.ids == (
        "large_medium_project_first_acceptance_rate",
        "new_building_energy_standard_rate",
        "affordable_housing_supervision_coverage",
        "affordable_housing_first_acceptance_rate",
    )
    assert BUILTIN.filter() == BUILTIN


def test_duplicate_ids_are_rejected() -> None:
    rate = BUILTIN["municipal_sampling_pass_rate"]
    with pytest.raises(CatalogError) as caught:
        Catalog([rate, BUILTIN["quality_funding_ratio"], rate])
    assert caught.value.problems == (
        CatalogProblem(
            entry=2,
            id="municipal_sampling_pass_rate",
            field="id",
            code="catalog_duplicate_id",
            params={"first": 0, "first_ordinal": 1},
        ),
    )
    with pytest.raises(TypeError, match="entry 0 is str"):
        Catalog(["municipal_sampling_pass_rate"])  # type: ignore[list-item]


def test_catalog_is_immutable_and_hashable() -> None:
    with pytest.raises(AttributeError, match="immutable"):
        BUILTIN._indicators = ()
    with pytest.raises(AttributeError, match="immutable"):
        BUILTIN.extra = 1
    assert Catalog(BUILTIN) == BUILTIN
    assert hash(Catalog(BUILTIN)) == hash(BUILTIN)
    assert Catalog() != BUILTIN
    assert len(Catalog()) == 0
    assert "42 indicators" in repr(BUILTIN)


# ---------------------------------------------------------------------------------------------
# Files


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    path = dump_catalog(BUILTIN, tmp_path / f"catalog{suffix}")
    assert path == tmp_path / f"catalog{suffix}"
    assert load_catalog(path) == BUILTIN
    some = BUILTIN.filter(kind="top_among_peers")
    assert load_catalog(dump_catalog(some, str(tmp_path / f"peers{suffix}"))) == some


def test_round_trip_keeps_a_custom_cut_off(tmp_path: Path) -> None:
    base = BUILTIN["quality_award_enterprises"]
    top3 = base.model_copy(update={"threshold": TopAmongPeers(peer_group="全国同级城市", top_n=3)})
    custom = Catalog([top3])
    for suffix in (".json", ".yaml"):
        loaded = load_catalog(dump_catalog(custom, tmp_path / f"c{suffix}"))
        assert loaded == custom
        threshold = loaded["quality_award_enterprises"].threshold
        assert isinstance(threshold, TopAmongPeers)
        assert threshold.cutoff(100) == 3


def test_dumped_files_are_plain_data(tmp_path: Path) -> None:
    text = dump_catalog(BUILTIN, tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    assert "!!python" not in text
    assert "市级监督抽查合格率达96%以上" in text  # Chinese is written as is, not escaped
    document = json.loads(dump_catalog(BUILTIN, tmp_path / "c.json").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in document["indicators"]] == list(CONTRACT_ORDER)


def test_dump_rejects_other_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.json, \.yaml or \.yml"):
        dump_catalog(BUILTIN, tmp_path / "catalog.toml")


HANDWRITTEN_TOML = """
[[indicators]]
id = "municipal_sampling_pass_rate"
title_zh = "市级监督抽查合格率"
title_en = "Municipal supervision sampling pass rate"
unit = "percent"
quote = "市级监督抽查合格率达96%以上"
deadline = "2013-12"

[indicators.clause]
table = "5.1.2"
body = "22"

[indicators.formula]
kind = "ratio"
numerator = "municipal_passed_batches"
denominator = "municipal_sampled_batches"
sampled = true

[[indicators.inputs]]
name = "municipal_sampled_batches"
unit = "count"
label_zh = "市级监督抽查批次"

[[indicators.inputs]]
name = "municipal_passed_batches"
unit = "count"
label_zh = "市级监督抽查合格批次"

[indicators.threshold]
kind = "at_least"
value = 96.0
unit = "%"

[indicators.responsible]
units = ["市质监局", "厦门检验检疫局", "各区政府"]
inherited_from = "5.1.1"

[[indicators]]
id = "quality_funding_ratio"
title_zh = "质量发展经费占年财政一般预算收入比例"
title_en = "Quality funding ratio"
unit = "permille"
quote = "经费数额不低于厦门市年财政一般预算收入1‰"
decimals = 3
clause = { body = "五(三)" }
formula = { kind = "ratio", numerator = "quality_funding", denominator = "general_budget_revenue", part_of_whole = false }
inputs = [
    { name = "quality_funding", unit = "万元", label_zh = "质量发展经费投入" },
    { name = "general_budget_revenue", unit = "亿元", label_zh = "年财政一般预算收入" },
]
threshold = { kind = "at_least", value = "0.1", unit = "percent" }
responsible = { units = ["市财政局"] }
"""  # noqa: E501 - TOML inline tables are one line


def test_load_handwritten_toml(tmp_path: Path) -> None:
    path = tmp_path / "catalog.toml"
    path.write_text(HANDWRITTEN_TOML, encoding="utf-8")
    loaded = load_catalog(path)
    assert loaded.ids == ("municipal_sampling_pass_rate", "quality_funding_ratio")
    assert loaded["municipal_sampling_pass_rate"] == Indicator(
        id="municipal_sampling_pass_rate",
        clause=Clause(table="5.1.2", body="22"),
        title_zh="市级监督抽查合格率",
        title_en="Municipal supervision sampling pass rate",
        formula=ratio("municipal_passed_batches", "municipal_sampled_batches", sampled=True),
        inputs=(
            Input(name="municipal_sampled_batches", unit="count", label_zh="市级监督抽查批次"),
            Input(name="municipal_passed_batches", unit="count", label_zh="市级监督抽查合格批次"),
        ),
        unit="percent",
        threshold=AtLeast("96.0", "%"),
        quote="市级监督抽查合格率达96%以上",
        deadline="2013-12",
        responsible=Responsible(
            units=("市质监局", "厦门检验检疫局", "各区政府"), inherited_from="5.1.1"
        ),
    )
    funding = loaded["quality_funding_ratio"]
    assert funding.clause.section == "五"
    assert funding.deadline is None
    threshold = funding.threshold
    assert isinstance(threshold, AtLeast)
    assert threshold.value == Decimal("0.1")  # read as written, not as the nearest double
    assert threshold.target("permille") == 1


def valid_entry(indicator_id: str = "municipal_sampling_pass_rate") -> dict[str, Any]:
    dumped: dict[str, Any] = BUILTIN[indicator_id].model_dump(mode="json")
    return dumped


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def set_path(entry: dict[str, Any], dotted: str, new: object) -> None:
    *parents, last = dotted.split(".")
    target: Any = entry
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if new is _DELETE:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = new


_DELETE = object()


@pytest.mark.parametrize(
    ("change", "new", "field", "message"),
    [
        ("decimals", "two", "decimals", "valid integer"),
        ("title_zh", 12, "title_zh", "valid string"),
        ("formula.kind", "product", "formula", "'product'"),
        ("threshold.kind", "at_least_sometimes", "threshold", "'at_least_sometimes'"),
        ("quote", _DELETE, "quote", "Field required"),
        ("inputs.0.unit", _DELETE, "inputs[0].unit", "Field required"),
        ("threshold.unit", "day", "threshold", "'day' does not convert to 'percent'"),
        ("threshold.value", "ninety-six", "threshold.at_least.value", "not a decimal"),
        ("threshold.value", True, "threshold.at_least.value", "number"),
        ("inputs.1.unit", "widgets", "inputs[1].unit", "unknown unit 'widgets'"),
        ("unit", "day", "unit", "not convertible to 'day'"),
        ("formula.numerator", "passed", "formula", "undeclared inputs ['passed']"),
        ("deadline", "2013-13", "deadline", "pattern"),
        ("colour", "red", "colour", "Extra inputs"),
    ],
)
def test_malformed_entry_names_entry_and_field(
    tmp_path: Path, change: str, new: object, field: str, message: str
) -> None:
    broken = valid_entry()
    set_path(broken, change, new)
    document = {"indicators": [valid_entry("quality_funding_ratio"), broken]}
    with pytest.raises(CatalogError) as caught:
        load_catalog(write_json(tmp_path / "bad.json", document))
    problems = caught.value.problems
    assert len(problems) == 1, problems
    (problem,) = problems
    assert (problem.entry, problem.id, problem.field) == (1, "municipal_sampling_pass_rate", field)
    assert message in problem.message
    assert f"entry 1 (id 'municipal_sampling_pass_rate'), field '{field}'" in str(caught.value)
    assert "bad.json" in str(caught.value)


def test_duplicate_ids_in_a_file(tmp_path: Path) -> None:
    entries = [valid_entry(), valid_entry("quality_funding_ratio"), valid_entry()]
    with pytest.raises(CatalogError) as caught:
        load_catalog(write_json(tmp_path / "dup.json", {"indicators": entries}))
    assert caught.value.problems == (
        CatalogProblem(
            entry=2,
            id="municipal_sampling_pass_rate",
            field="id",
            code="catalog_duplicate_id",
            params={"first": 0, "first_ordinal": 1},
        ),
    )


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    entries = [valid_entry(i) for i in CONTRACT_ORDER[:6]]
    entries[0]["decimals"] = -1
    del entries[1]["title_en"]
    entries[2]["formula"]["kind"] = "sum"
    entries[3]["title_zh"] = None
    entries[4]["threshold"]["unit"] = "yuan"
    entries[5]["id"] = entries[4]["id"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"indicators": entries}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    located = [(p.entry, p.id, p.field) for p in caught.value.problems]
    assert located == [
        (0, "school_quality_base_reception_days", "decimals"),
        (1, "agri_standardized_production_rate", "title_en"),
        (2, "ccc_certified_sampling_pass_rate", "formula"),
        (3, "port_who_core_capacity_rate", "title_zh"),
        (4, "food_trade_safety_demo_zones", "threshold"),
        (5, "food_trade_safety_demo_zones", "id"),
    ]
    assert str(caught.value).startswith("6 problems in catalog file")
    assert "unit 'yuan' does not convert to 'count'" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.json", '{"indicators": [', "not valid JSON"),
        ("bad.toml", "indicators = [", "not valid TOML"),
        ("bad.yaml", "indicators: [\n", "not valid YAML"),
        ("code.yaml", "indicators: !!python/object/apply:os.getcwd []\n", "not valid YAML"),
        ("list.json", "[]", "mapping with an 'indicators' list"),
        ("empty.yaml", "", "mapping with an 'indicators' list"),
        ("none.json", "{}", "field 'indicators': Field required"),
        ("extra.json", '{"indicators": [], "version": 2}', "field 'version'"),
        ("entry.json", '{"indicators": ["x"]}', "entry 0: Input should be"),
        ("catalog.ini", "[indicators]", "unsupported suffix"),
    ],
)
def test_malformed_files(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=re.escape(message)):
        load_catalog(path)


def test_unreadable_files(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("indicators: []  # café".encode("latin-1"))
    with pytest.raises(CatalogError, match="not UTF-8 text"):
        load_catalog(latin1)
    with pytest.raises(FileNotFoundError):
        load_catalog(tmp_path / "missing.json")


def test_an_empty_catalog_file_is_an_empty_catalog(tmp_path: Path) -> None:
    assert load_catalog(write_json(tmp_path / "empty.json", {"indicators": []})) == Catalog()


# ---------------------------------------------------------------------------------------------
# JSON Schema of the file format

SCHEMA_FILE = Path(__file__).parent.parent / "src" / "xmqc_kpi" / "data" / "catalog.schema.json"


def test_shipped_schema_is_up_to_date() -> None:
    """Regenerate with ``XMQC_KPI_REGENERATE=1 pytest tests/test_catalog.py -k schema``."""
    schema = catalog_json_schema()
    if os.environ.get("XMQC_KPI_REGENERATE") == "1":
        SCHEMA_FILE.write_text(
            json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    shipped = resources.files("xmqc_kpi").joinpath("data/catalog.schema.json").read_text("utf-8")
    assert json.loads(shipped) == schema, "run XMQC_KPI_REGENERATE=1 pytest -k schema"


def test_schema_describes_the_file_format() -> None:
    schema = catalog_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["indicators"]
    assert schema["additionalProperties"] is False
    indicator = schema["$defs"]["Indicator"]
    assert {"id", "formula", "threshold", "quote"} <= set(indicator["required"])
    kinds = set(indicator["properties"]["threshold"]["discriminator"]["mapping"])
    assert kinds == set(THRESHOLD_KINDS)
