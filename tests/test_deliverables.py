"""The deliverable kind: completed by a deadline year, 0 for not yet completed."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import xmqc_kpi as kpi
from xmqc_kpi import panel
from xmqc_kpi.catalogs import (
    CatalogError,
    catalog,
    catalog_json_schema,
    dump_catalog,
    load_catalog,
    plan_of,
)
from xmqc_kpi.deliverables import FIRST_YEAR, LAST_YEAR, Deliverable
from xmqc_kpi.indicator import Clause, Indicator, Input, Responsible
from xmqc_kpi.indicators.plan import XIAMEN_PLAN
from xmqc_kpi.indicators.supplementary import (
    ECFA_CERTIFICATE_EXCHANGE,
    NATIONAL_METROLOGY_TESTING_CENTRES,
    NATIONAL_SERVICE_STANDARDIZATION_PILOTS,
)
from xmqc_kpi.judging import Subject
from xmqc_kpi.template import accepted_units, input_template
from xmqc_kpi.testing import boundary_cases, expected_status, expected_statuses
from xmqc_kpi.text.kinds import describe_threshold, kind_name, kind_words
from xmqc_kpi.text.statuses import reason_word
from xmqc_kpi.thresholds import reason_status
from xmqc_kpi.units import normalise_unit

COLUMN = "centre_year"


def centre(by: int = 2015) -> Indicator:
    """A metrology centre due by the end of ``by`` (the plan's own is due by 2013)."""
    return Indicator(
        id="centre",
        clause=Clause(table="2.3.2", body="10"),
        title_zh="国家级现代产业计量测试中心",
        title_en="National modern-industry metrology testing centre",
        formula=kpi.value(COLUMN),
        inputs=(Input(name=COLUMN, unit="dimensionless", label_zh="建成年份（未建成填0）"),),
        unit="dimensionless",
        threshold=Deliverable(by=by),
        quote="国家级现代产业计量测试中心",
        deadline=f"{by}-12",
        responsible=Responsible(units=("市质监局", "市财政局")),
        decimals=0,
    )


def judged(
    values: list[float | None], periods: list[int], as_of: str | None = None
) -> pd.DataFrame:
    """The frame of ``centre()`` over one region per value, with its explanations."""
    data = pd.DataFrame(
        {
            "region": [f"区{n}" for n in range(len(values))],
            "period": periods,
            COLUMN: pd.array(values, dtype="Float64"),
        }
    )
    result = kpi.evaluate(centre(), data, as_of=as_of)
    frame = result.to_frame("en")
    frame["zh"] = list(result.explanations("zh"))
    frame["en"] = list(result.explanations("en"))
    return frame


# --------------------------------------------------------------------------- verdicts


def test_completed_before_the_deadline_year_is_met() -> None:
    row = judged([2014], [2015]).iloc[0]
    assert (row["status"], row["reason"]) == ("met", "completed_by_deadline")
    assert row["threshold"] == 2015
    assert row["margin"] == 1  # a year to spare
    assert "已于 2014 年建成，早于完成时限 2015 年底" in row["zh"]
    assert row["zh"].endswith("，达标。")
    assert "was built in 2014, before the deadline at the end of 2015" in row["en"]
    assert row["en"].endswith(", met.")


def test_completed_in_the_deadline_year_itself_is_met() -> None:
    row = judged([2015], [2015]).iloc[0]
    assert (row["status"], row["equals_threshold"]) == ("met", True)
    assert "在完成时限 2015 年底之内（含当年" in row["zh"]
    assert "the year itself counts" in row["en"]


def test_completed_after_the_deadline_is_late_and_not_met() -> None:
    row = judged([2016], [2016]).iloc[0]
    assert (row["status"], row["reason"]) == ("not_met", "completed_late")
    assert row["margin"] == -1
    assert "于 2016 年建成，晚于完成时限 2015 年底，逾期建成" in row["zh"]
    assert row["zh"].endswith("，未达标。")
    assert "after the deadline at the end of 2015: late" in row["en"]


def test_not_completed_when_the_deadline_has_passed_is_not_met() -> None:
    row = judged([0], [2016], as_of="2016").iloc[0]
    assert (row["status"], row["reason"], row["due"]) == ("not_met", "not_completed", True)
    assert np.isnan(row["threshold"])  # 0 is not a year: nothing to compare, no margin
    assert np.isnan(row["margin"])
    assert "截至 2016 年未建成，完成时限为 2015 年底" in row["zh"]
    assert "not built by 2016, with the deadline at the end of 2015" in row["en"]


def test_not_completed_before_the_deadline_is_not_met_and_not_due() -> None:
    row = judged([0], [2014], as_of="2014").iloc[0]
    assert (row["status"], row["due"]) == ("not_met", False)
    assert row["reason"] == "not_completed_before_deadline"
    assert "截至 2014 年" in row["zh"]
    assert "尚未到期" in row["zh"]
    assert "未达标" in row["zh"]


@pytest.mark.parametrize("value", [None, np.nan])
def test_missing_is_insufficient_data_never_met(value: float | None) -> None:
    row = judged([value], [2015]).iloc[0]
    assert (row["status"], row["reason"]) == ("insufficient_data", "missing_input")


@pytest.mark.parametrize("value", [1.5, 13, 1, FIRST_YEAR - 1, LAST_YEAR + 1, 2014.5])
def test_a_value_that_is_not_a_year_is_insufficient_data(value: float) -> None:
    row = judged([value], [2015]).iloc[0]
    assert (row["status"], row["reason"]) == ("insufficient_data", "not_a_completion_year")
    assert "既不是建成年份（1949–2100 年之间的整数），也不是表示尚未建成的 0" in row["zh"]
    assert "is neither the year it was built" in row["en"]


def test_the_first_and_last_years_are_years() -> None:
    frame = judged([FIRST_YEAR, LAST_YEAR], [2015, 2015])
    assert frame["reason"].tolist() == ["completed_by_deadline", "completed_late"]


def test_the_years_are_those_a_period_may_be_in() -> None:
    assert (FIRST_YEAR, LAST_YEAR) == (panel.FIRST_YEAR, panel.LAST_YEAR)


# --------------------------------------------------------------------------- the judge itself


def subject(values: list[float], periods: list[int], exact: list[Fraction | None]) -> Subject:
    """What the engine hands a judge: annual periods (ordinal = year − 1970), one region each."""
    rows = len(values)
    return Subject(
        indicator=centre(),
        value=np.array(values, dtype=np.float64),
        exact=lambda row: exact[row],
        known=np.ones(rows, dtype=bool),
        numerator=np.array(values, dtype=np.float64),
        denominator=np.full(rows, np.nan),
        direct=np.zeros(rows, dtype=bool),
        region=np.array([f"区{n}" for n in range(rows)], dtype=object),
        ordinal=np.array([year - 1970 for year in periods], dtype=np.int64),
        equal_counts=lambda: np.zeros(rows, dtype=bool),
        freq="Y-DEC",
    )


def test_the_judge_tells_not_yet_due_from_the_periods_end() -> None:
    # deadline the end of 2015: a 2014 row is before it, 2015 and 2016 rows are not
    verdict = Deliverable(by=2015).judge(subject([0, 0, 0], [2014, 2015, 2016], [Fraction(0)] * 3))
    assert verdict.reason.tolist() == [
        "not_completed_before_deadline",
        "not_completed",
        "not_completed",
    ]
    assert reason_status("not_completed_before_deadline") is kpi.Status.NOT_MET


def test_quarterly_periods_are_before_the_deadline_until_its_last_quarter() -> None:
    quarters = pd.PeriodIndex(["2015Q3", "2015Q4"], freq="Q-DEC")
    base = subject([0, 0], [2015, 2015], [Fraction(0)] * 2)
    verdict = Deliverable(by=2015).judge(
        Subject(
            **{
                **base.__dict__,
                "ordinal": quarters.asi8.astype(np.int64),
                "freq": "Q-DEC",
            }
        )
    )
    assert verdict.reason.tolist() == ["not_completed_before_deadline", "not_completed"]


def test_without_a_calendar_not_completed_claims_no_deadline_state() -> None:
    base = subject([0], [2014], [Fraction(0)])
    verdict = Deliverable(by=2015).judge(Subject(**{**base.__dict__, "freq": None}))
    assert verdict.reason.tolist() == ["not_completed"]


def test_a_year_within_float_tolerance_is_decided_exactly() -> None:
    # 2014 + 10⁻²⁰ is the float 2014.0, but not a whole year
    nearly = Fraction(2014) + Fraction(1, 10**20)
    verdict = Deliverable(by=2015).judge(
        subject([2014.0, 2014.0], [2015, 2015], [nearly, Fraction(2014)])
    )
    assert verdict.reason.tolist() == ["not_a_completion_year", "completed_by_deadline"]


def test_not_yet_due_words_say_so_in_both_languages() -> None:
    kind = Deliverable(by=2015)
    fields = {
        "title": "国家级现代产业计量测试中心",
        "period": "2014 年",
        "ref": "分解表 2.3.2",
        **kind.describe_fields("dimensionless", "zh"),
    }
    words = kind_words("deliverable")
    zh = words.say("not_completed_before_deadline", "zh", status="未达标", **fields)
    assert zh == (
        "国家级现代产业计量测试中心截至 2014 年尚未建成；完成时限为 2015 年底，尚未到期"
        "（分解表 2.3.2），暂未达标。"
    )
    en_fields = {**fields, "period": "2014", **kind.describe_fields("dimensionless", "en")}
    en = words.say("not_completed_before_deadline", "en", status="not met", **en_fields)
    assert "not yet built by 2014; the deadline at the end of 2015 has not come yet" in en
    assert en.endswith("not met so far.")
    assert reason_word("not_completed_before_deadline", "zh") == "尚未完成（未到期）"


# --------------------------------------------------------------------------- the oracle


def test_the_exact_reference_agrees_by_hand() -> None:
    indicator = centre()
    statuses = {
        year: expected_status(indicator, {COLUMN: year}).value for year in (2014, 2015, 2016, 0, 13)
    }
    assert statuses == {
        2014: "met",
        2015: "met",
        2016: "not_met",
        0: "not_met",
        13: "insufficient_data",
    }
    assert expected_status(indicator, {COLUMN: None}).value == "insufficient_data"


CELLS = st.one_of(
    st.sampled_from([0, 1, 13, 2014, 2015, 2016, FIRST_YEAR, LAST_YEAR, LAST_YEAR + 1]),
    st.integers(0, 3000),
    st.fractions(min_value=0, max_value=3000, max_denominator=8),
    st.none(),
)


@given(st.lists(st.tuples(st.integers(2010, 2018), CELLS), min_size=1, max_size=12))
def test_the_engine_agrees_with_the_exact_reference(cells: list[tuple[int, object]]) -> None:
    periods = [period for period, _ in cells]
    values = [None if v is None else float(v) for _, v in cells]  # type: ignore[arg-type]
    data = pd.DataFrame(
        {
            "region": [f"区{n}" for n in range(len(cells))],
            "period": periods,
            COLUMN: pd.array(values, dtype="Float64"),
        }
    )
    got = kpi.evaluate(centre(), data).to_frame()["status"].tolist()
    want = expected_statuses(centre(), data)["status"].tolist()
    assert got == want


@pytest.mark.parametrize(
    "indicator",
    [
        centre(),
        NATIONAL_METROLOGY_TESTING_CENTRES,
        NATIONAL_SERVICE_STANDARDIZATION_PILOTS,
        ECFA_CERTIFICATE_EXCHANGE,
    ],
    ids=lambda item: item.id,
)
@given(data=st.data())
def test_boundary_cases_of_the_deliverables(indicator: Indicator, data: st.DataObject) -> None:
    data.draw(boundary_cases(indicator)).check()


# --------------------------------------------------------------------------- catalogs


CENTRE_TOML = """
[[indicators]]
id = "centre"
title_zh = "国家级现代产业计量测试中心"
title_en = "National modern-industry metrology testing centre"
unit = "dimensionless"
quote = "国家级现代产业计量测试中心"
deadline = "2015-12"
decimals = 0
clause = { table = "2.3.2", body = "10" }
formula = { kind = "value", input = "centre_year" }
inputs = [{ name = "centre_year", unit = "dimensionless", label_zh = "建成年份（未建成填0）" }]
threshold = { kind = "deliverable", by = 2015 }
responsible = { units = ["市质监局", "市财政局"] }
"""


def test_a_toml_catalog_reads_the_kind(tmp_path: Path) -> None:
    # TOML is read, not written (dump_catalog writes JSON and YAML)
    path = tmp_path / "centre.toml"
    path.write_text(CENTRE_TOML, encoding="utf-8")
    loaded = load_catalog(path)
    assert list(loaded) == [centre()]
    assert loaded["centre"].direction == "lower"  # implied: an earlier year is better
    path.write_text(CENTRE_TOML.replace("by = 2015", "by = 13"), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert "threshold" in str(caught.value)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_catalog_file_round_trips_the_kind(tmp_path: Path, suffix: str) -> None:
    indicators = [
        centre(),
        NATIONAL_METROLOGY_TESTING_CENTRES,
        NATIONAL_SERVICE_STANDARDIZATION_PILOTS.model_copy(
            update={"threshold": Deliverable(by=2013, done="completed")}
        ),
    ]
    path = dump_catalog(indicators, tmp_path / f"deliverables{suffix}")
    loaded = load_catalog(path)
    assert list(loaded) == indicators
    assert loaded["centre"].threshold == Deliverable(by=2015)
    assert "deliverable" in path.read_text(encoding="utf-8")


def test_the_json_schema_covers_the_kind() -> None:
    schema = catalog_json_schema()
    definition = schema["$defs"]["Deliverable"]
    assert definition["required"] == ["by"]
    assert definition["properties"]["by"]["minimum"] == FIRST_YEAR
    assert definition["properties"]["done"]["enum"] == ["built", "completed"]
    mapping = schema["$defs"]["Indicator"]["properties"]["threshold"]["discriminator"]["mapping"]
    assert mapping["deliverable"] == "#/$defs/Deliverable"


def test_a_deliverable_is_shown_as_a_plain_number() -> None:
    declared = centre().model_dump()
    declared["inputs"][0]["unit"] = "percent"
    with pytest.raises(ValueError, match="a deliverable's value is a year"):
        Indicator.model_validate({**declared, "unit": "percent"})


# --------------------------------------------------------------------------- words


def test_the_threshold_report_entry_in_both_languages() -> None:
    zh = describe_threshold(centre(), "zh")
    assert zh.target == "2015 年底前建成"
    assert zh.text.startswith("在 2015 年底前建成：填报建成年份，不晚于 2015 年即达标")
    assert "填 0 表示尚未建成" in zh.text
    assert "空白为数据不足" in zh.text
    en = describe_threshold(centre(), "en")
    assert en.target == "built by the end of 2015"
    assert "0 means not yet built" in en.text
    assert kind_name("deliverable", "zh") == "按期完成（交付）"
    assert kpi.evaluate(centre(), pd.DataFrame({"period": [2015], COLUMN: [2014]})).to_frame("zh")[
        "comparison"
    ].tolist() == ["建成年份 ≤ 2015"]


def test_completed_wording_for_what_is_not_built() -> None:
    policy = centre().model_copy(update={"threshold": Deliverable(by=2015, done="completed")})
    result = kpi.evaluate(policy, pd.DataFrame({"period": [2016], COLUMN: [2016]}))
    assert "于 2016 年完成，晚于完成时限 2015 年底，逾期完成" in result.explanations("zh")[0]
    assert "was completed in 2016" in result.explanations("en")[0]


def test_the_kind_words_its_direction_and_units_for_the_threshold_report() -> None:
    words = kind_words("deliverable")
    assert (words.say("direction", "zh"), words.say("direction", "en")) == (
        "越早越好",
        "earlier is better",
    )
    assert (words.say("unit", "zh"), words.say("unit", "en")) == ("年份", "year")
    assert words.say("input_unit", "zh", done="完成") == "年份（0 表示尚未完成）"
    assert words.say("input_unit", "en", done="built") == "year (0 = not yet built)"


def test_the_template_offers_a_year_no_share_unit() -> None:
    # 2014 written with % would be read as 20.14: the year's row offers its own unit only
    inputs = [ECFA_CERTIFICATE_EXCHANGE, NATIONAL_METROLOGY_TESTING_CENTRES]
    form = input_template(inputs, periods=[2013], regions=["厦门市"], lang="zh")
    assert form["accepted_units"].tolist() == ["无量纲", "无量纲"]  # a Chinese name, no pint code
    assert normalise_unit("无量纲") == "dimensionless"  # that reads back as a plain number
    assert accepted_units("percent", "zh") == ("%", "‰", "无量纲")  # shares unchanged


# --------------------------------------------------------------------------- plan_of


def test_plan_of_built_in_indicators_with_supplementary_ones_is_the_xiamen_plan() -> None:
    extended = catalog(supplementary=True)
    assert plan_of([NATIONAL_METROLOGY_TESTING_CENTRES]) is XIAMEN_PLAN
    mixed = [extended["national_sampling_pass_rate"], *list(extended)[42:]]
    assert plan_of(mixed) is XIAMEN_PLAN
    assert plan_of(list(extended)) is XIAMEN_PLAN


def test_plan_of_a_changed_supplementary_indicator_is_unknown() -> None:
    changed = NATIONAL_METROLOGY_TESTING_CENTRES.model_copy(
        update={"threshold": Deliverable(by=2015)}
    )
    assert plan_of([changed]) is None
    assert plan_of([centre()]) is None
    assert plan_of([]) is None


# --------------------------------------------------------------------------- the sample


def test_the_sample_has_the_supplementary_rows_its_readme_describes() -> None:
    extended = catalog(supplementary=True)
    chosen = list(extended)[42:]
    frame = kpi.evaluate(chosen, **kpi.sample_data(), as_of="2015-12-31").to_frame()
    city = frame[frame["region"] == "厦门市"]
    statuses = {
        indicator_id: rows.sort_values("period")["status"].tolist()
        for indicator_id, rows in city.groupby("indicator_id", observed=True)
    }
    assert statuses == {
        "national_metrology_testing_centres": ["not_met", "not_met", "not_met", "not_met"],
        "manufacturing_quality_competitiveness_trend": [
            "insufficient_data",
            "met",
            "not_met",
            "met",
        ],
        "national_service_standardization_pilots": ["not_met", "met", "met", "met"],
        "ecfa_certificate_exchange": ["not_met", "not_met", "not_met", "not_met"],
    }
    ecfa = city[city["indicator_id"] == "ecfa_certificate_exchange"].sort_values("period")
    assert ecfa["reason"].tolist() == ["not_completed_before_deadline"] + ["not_completed"] * 3
    centre_reasons = city[city["indicator_id"] == "national_metrology_testing_centres"]
    assert centre_reasons.sort_values("period")["reason"].tolist()[2:] == ["completed_late"] * 2
    districts = frame[frame["region"] != "厦门市"]
    assert set(districts["status"]) == {"insufficient_data"}  # city-level: no district rows
