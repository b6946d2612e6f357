"""Hand-computed cases for every threshold kind, the boundaries, and bad input."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from tests.factories import (
    all_comply,
    awards,
    death_rate,
    funding_ratio,
    monitored_share,
    pass_rate,
    satisfaction,
)
from xmqc_kpi import DataError, Reason, Status, evaluate


def one(frame: pd.DataFrame) -> pd.Series:
    assert len(frame) == 1
    return frame.iloc[0]


def rate_row(passed: float, sampled: float, target: int = 94) -> pd.Series:
    data = pd.DataFrame({"period": [2013], "sampled": [sampled], "passed": [passed]})
    return one(evaluate(pass_rate(target), data).to_frame())


@pytest.mark.parametrize(
    ("passed", "sampled", "target", "status"),
    [
        (47, 50, 94, "met"),
        (19, 20, 95, "met"),
        (49, 50, 98, "met"),
        (46, 50, 94, "not_met"),
        (1160, 1200, 96, "met"),
        (23_999, 25_000, 96, "not_met"),
        (24_000, 25_000, 96, "met"),
        (10**17 - 1, 10**17, 99, "met"),
    ],
)
def test_at_least_boundaries(passed: int, sampled: int, target: int, status: str) -> None:
    assert rate_row(passed, sampled, target)["status"] == status


def test_exactly_at_threshold_says_so() -> None:
    row = rate_row(47, 50)
    assert row["value"] == pytest.approx(94.0)
    assert row["margin"] == pytest.approx(0.0)
    assert "47 ÷ 50 = 94.00%" in row["explanation"]
    assert "恰好达到目标 94%" in row["explanation"]
    assert row["reason"] == Reason.MEETS_MINIMUM


def test_shown_digits_never_contradict_the_verdict() -> None:
    row = rate_row(23_999, 25_000, 96)
    assert "95.996%" in row["explanation"]
    assert "未达标" in row["explanation"]


def test_wilson_interval_and_conclusiveness() -> None:
    row = rate_row(1160, 1200, 96)
    assert round(row["ci_low"], 2) == 95.49
    assert round(row["ci_high"], 2) == 97.54
    assert row["conclusive"] is np.False_ or row["conclusive"] is False  # 95.49 < 96
    wide = rate_row(47, 50)
    assert not wide["conclusive"]
    sure = rate_row(9_900, 10_000, 94)
    assert sure["conclusive"]


def test_all_requires_every_unit() -> None:
    data = pd.DataFrame(
        {
            "period": [2012, 2013, 2014],
            "total": [1000, 40, 10**17],
            "compliant": [999, 40, 10**17 - 1],
        }
    )
    frame = evaluate(all_comply(), data).to_frame()
    assert frame["status"].tolist() == ["not_met", "met", "not_met"]
    explanation = str(frame.loc[0, "explanation"])
    assert "未达到目标 100%" in explanation
    assert "尚差 1，未达标。" in explanation
    assert explanation.count("达标") == 1  # one verdict per sentence


@pytest.mark.parametrize(
    ("compliant", "total", "status", "shortfall"),
    [
        (10**30 - 1, 10**30, "not_met", "尚差 1，"),
        (10**30, 10**30, "met", None),
    ],
)
def test_counts_beyond_int64_stay_exact(
    compliant: int, total: int, status: str, shortfall: str | None
) -> None:
    """Python ints too large for int64 are compared and printed exactly, not as floats."""
    data = pd.DataFrame({"period": [2013], "total": [total], "compliant": [compliant]})
    row = one(evaluate(all_comply(), data).to_frame())
    assert row["status"] == status
    assert f"{compliant} ÷ {total}" in row["explanation"]
    if shortfall is not None:
        assert shortfall in row["explanation"]


def test_a_numerator_beyond_int64_exceeding_its_denominator_is_an_error() -> None:
    """10**30 + 1 of 10**30 looks equal in floats; the exact check still catches it."""
    data = pd.DataFrame({"period": [2013], "sampled": [10**30], "passed": [10**30 + 1]})
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), data)
    assert caught.value.codes == ("part_exceeds_whole",)


def test_unsigned_counts_beyond_int64_are_not_negative() -> None:
    """uint64 counts from 2**63 on are read as the integers they are, not wrapped negative."""
    data = pd.DataFrame(
        {
            "period": [2013],
            "sampled": np.array([2**63 + 10], dtype=np.uint64),
            "passed": np.array([2**63], dtype=np.uint64),
        }
    )
    row = one(evaluate(pass_rate(100), data).to_frame())
    assert row["status"] == "not_met"
    assert f"{2**63} ÷ {2**63 + 10}" in row["explanation"]


def test_int64_counts_beyond_float_precision_print_exactly() -> None:
    """10**17 − 1 of 10**17 meets ≥ 99 % and is printed digit for digit."""
    row = rate_row(10**17 - 1, 10**17, target=99)
    assert row["status"] == "met"
    assert "99999999999999999 ÷ 100000000000000000" in row["explanation"]


def test_complex_numbers_are_a_data_error() -> None:
    data = pd.DataFrame({"period": [2013], "sampled": [50 + 1j], "passed": [47]})
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), data)
    assert caught.value.codes == ("value_complex",)
    assert caught.value.problems[0].column == "sampled"


@pytest.mark.parametrize(
    ("funding", "revenue", "units", "status"),
    [
        (800, 80, {"funding": "万元", "revenue": "亿元"}, "met"),
        (11, 1.1, {"funding": "万元", "revenue": "亿元"}, "met"),
        (8_000_000, 8_000_000_000, {}, "met"),
        (799, 80, {"funding": "万元", "revenue": "亿元"}, "not_met"),
    ],
)
def test_funding_converts_units_exactly(
    funding: float, revenue: float, units: dict[str, str], status: str
) -> None:
    data = pd.DataFrame({"period": [2013], "funding": [funding], "revenue": [revenue]})
    row = one(evaluate(funding_ratio(), data, units=units).to_frame())
    assert row["status"] == status
    assert 0.0 < row["value"] < 2.0


def test_funding_explanation_shows_units_as_given() -> None:
    data = pd.DataFrame({"period": [2013], "funding": [800], "revenue": [80]})
    row = one(
        evaluate(funding_ratio(), data, units={"funding": "万元", "revenue": "亿元"}).to_frame()
    )
    assert "800 万元 ÷ 80 亿元 = 1.000‰" in row["explanation"]


@pytest.mark.parametrize(
    ("direct", "unit", "status"),
    [
        (94, None, "met"),
        (0.94, "dimensionless", "met"),
        (0.9399, "1", "not_met"),
        (94.0, "%", "met"),
    ],
)
def test_value_reported_directly(direct: float, unit: str | None, status: str) -> None:
    data = pd.DataFrame({"period": [2013], "pass_rate": [direct]})
    units = {"pass_rate": unit} if unit else None
    row = one(evaluate(pass_rate(), data, units=units).to_frame())
    assert row["status"] == status
    assert bool(row["direct"])
    assert np.isnan(row["ci_low"])


def test_a_plain_fraction_above_one_is_an_error() -> None:
    data = pd.DataFrame({"period": [2013], "pass_rate": [96.5]})
    with pytest.raises(DataError, match="pass_rate"):
        evaluate(pass_rate(), data, units={"pass_rate": "dimensionless"})


def test_below_benchmark_is_strict() -> None:
    data = pd.DataFrame(
        {"period": [2012, 2013, 2014, 2015], "deaths": [5, 5, 6, 1], "units": [100_000] * 4}
    )
    bench = pd.DataFrame(
        {"period": [2012, 2013, 2014], "indicator_id": "death_rate", "value": [0.517, 0.5, 0.39]}
    )
    frame = evaluate(death_rate(), data, benchmarks=bench).to_frame()
    assert frame["status"].tolist() == ["met", "not_met", "not_met", "insufficient_data"]
    assert frame["reason"].tolist()[-1] == Reason.NO_BENCHMARK
    assert "未“低于”" in frame.loc[1, "explanation"]
    assert "未提供 2015 年全国平均水平" in frame.loc[3, "explanation"]


def test_benchmark_in_another_unit() -> None:
    data = pd.DataFrame({"period": [2012], "deaths": [5], "units": [100_000]})
    bench = pd.DataFrame(
        {
            "period": [2012],
            "indicator_id": "death_rate",
            "value": [0.00005],
            "unit": ["person / count"],
        }
    )
    row = one(evaluate(death_rate(), data, benchmarks=bench).to_frame())
    assert row["status"] == "not_met"  # 0.5 per 10,000 equals the benchmark
    assert row["threshold"] == pytest.approx(0.5)


def test_without_benchmarks_never_met() -> None:
    data = pd.DataFrame({"period": [2012], "deaths": [0], "units": [100_000]})
    assert one(evaluate(death_rate(), data).to_frame())["status"] == "insufficient_data"


def peer_table(values: list[float], names: list[str] | None = None) -> pd.DataFrame:
    names = names or [f"城市{i}" for i in range(len(values))]
    return pd.DataFrame({"period": 2013, "indicator_id": "awards", "peer": names, "value": values})


def test_rank_top_fifth_rounded_up() -> None:
    data = pd.DataFrame({"region": ["厦门市"], "period": [2013], "award_count": [45]})
    peers = peer_table([50, 44, 40, 30, 20, 10, 5, 3, 2])  # 10 in all, top 2
    row = one(evaluate(awards(), data, peers=peers).to_frame())
    assert (row["status"], row["rank"], row["group_size"], row["cutoff_rank"]) == ("met", 2, 10, 2)
    assert "排第 2 名" in row["explanation"]


def test_rank_ties_take_the_best_rank_and_subject_counts_once() -> None:
    data = pd.DataFrame({"region": ["厦门市"], "period": [2013], "award_count": [44]})
    peers = peer_table([50, 44, 44, 30, 45], ["a", "b", "c", "d", "厦门市"])
    row = one(evaluate(awards(), data, peers=peers).to_frame())
    # the 厦门市 peer row is the subject: group = 4 others + subject = 5, cut-off ⌈1⌉ = 1
    assert (row["rank"], row["group_size"], row["cutoff_rank"]) == (2, 5, 1)
    assert row["status"] == "not_met"


def test_rank_lower_is_better_and_top_n() -> None:
    data = pd.DataFrame({"period": [2013], "award_count": [3]})
    peers = peer_table([1, 2, 5, 8])
    row = one(evaluate(awards("lower", top_n=3), data, peers=peers).to_frame())
    assert (row["rank"], row["cutoff_rank"], row["status"]) == (3, 3, "met")


def test_rank_without_peers_is_insufficient() -> None:
    data = pd.DataFrame({"period": [2013], "award_count": [3]})
    row = one(evaluate(awards(), data).to_frame())
    assert (row["status"], row["reason"]) == ("insufficient_data", "no_peers")


def test_trend_rising() -> None:
    data = pd.DataFrame(
        {
            "region": ["甲"] * 4 + ["乙"] * 3,
            "period": [2012, 2013, 2014, 2015, 2012, 2013, 2015],
            "score": [80.0, 81.0, 81.0, 83.0, 70.0, 71.0, 72.0],
        }
    )
    frame = evaluate(satisfaction(), data).to_frame()
    got = list(zip(frame["region"], frame["period"], frame["status"], frame["reason"], strict=True))
    assert got == [
        ("乙", 2012, "insufficient_data", "too_few_periods"),
        ("乙", 2013, "met", "trend_holds"),
        ("乙", 2015, "insufficient_data", "gap_in_periods"),
        ("甲", 2012, "insufficient_data", "too_few_periods"),
        ("甲", 2013, "met", "trend_holds"),
        ("甲", 2014, "not_met", "trend_broken"),
        ("甲", 2015, "not_met", "trend_broken"),
    ]
    assert "80.0 分、81.0 分、81.0 分" in frame.loc[5, "explanation"]


def test_trend_window_and_falling() -> None:
    data = pd.DataFrame({"period": [2012, 2013, 2014, 2015], "score": [5.0, 5.0, 4.0, 3.0]})
    frame = evaluate(satisfaction("falling", window=2), data).to_frame()
    assert frame["status"].tolist() == ["insufficient_data", "not_met", "met", "met"]


def test_monitored_never_gives_a_verdict() -> None:
    data = pd.DataFrame({"period": [2013, 2014], "whole": [400, np.nan], "part": [120, 1]})
    frame = evaluate(monitored_share(), data).to_frame()
    assert frame["status"].tolist() == ["not_assessed", "insufficient_data"]
    assert "仅作监测" in frame.loc[0, "explanation"]


def test_missing_inputs_and_zero_denominator() -> None:
    data = pd.DataFrame({"period": [2012, 2013], "sampled": [0, np.nan], "passed": [0, 3]})
    frame = evaluate(pass_rate(), data).to_frame()
    assert frame["reason"].tolist() == ["zero_denominator", "missing_input"]
    assert set(frame["status"]) == {Status.INSUFFICIENT_DATA}
    absent = evaluate(pass_rate(), pd.DataFrame({"period": [2013], "sampled": [5]})).to_frame()
    assert absent.loc[0, "reason"] == "missing_input"
    assert "passed" in absent.loc[0, "explanation"]


def test_long_and_template_forms_match_wide() -> None:
    wide = pd.DataFrame(
        {"region": ["A", "A"], "period": [2012, 2013], "funding": [800, 700], "revenue": [80, 80]}
    )
    units = {"funding": "万元", "revenue": "亿元"}
    expected = evaluate(funding_ratio(), wide, units=units).to_frame()
    long = wide.melt(id_vars=["region", "period"], var_name="variable", value_name="value")
    long["unit"] = long["variable"].map(units)
    got = evaluate(funding_ratio(), long).to_frame()
    pd.testing.assert_frame_equal(got, expected)
    template = pd.DataFrame(
        {
            "variable": ["funding", "revenue"],
            "label_zh": ["经费", "收入"],
            "unit": ["万元", "亿元"],
            "region": ["A", "A"],
            "2012": [800, 80],
            "2013": [700, 80],
        }
    )
    pd.testing.assert_frame_equal(evaluate(funding_ratio(), template).to_frame(), expected)


def test_due_follows_as_of() -> None:
    data = pd.DataFrame({"period": [2013], "sampled": [50], "passed": [47]})
    assert bool(one(evaluate(pass_rate(), data, as_of="2013-12-31").to_frame())["due"])
    assert not bool(one(evaluate(pass_rate(), data, as_of="2013-06-30").to_frame())["due"])
    assert pd.isna(one(evaluate(pass_rate(), data).to_frame())["due"])


def test_quarterly_periods() -> None:
    data = pd.DataFrame({"period": ["2013Q4", "2014Q1"], "score": [1.0, 2.0]})
    frame = evaluate(satisfaction(), data).to_frame()
    assert frame["period"].tolist() == ["2013Q4", "2014Q1"]
    assert frame["status"].tolist() == ["insufficient_data", "met"]


def test_english_explanations() -> None:
    data = pd.DataFrame({"period": [2013], "sampled": [1200], "passed": [1160]})
    row = one(evaluate(pass_rate(96), data).to_frame(lang="en"))
    assert row["explanation"].startswith("Test indicator pass_rate = 1160 ÷ 1200 = 96.67%")
    assert "conclusive" in row["explanation"]


def test_json_keeps_chinese_and_round_trips_types() -> None:
    data = pd.DataFrame({"region": ["思明区"], "period": [2013], "sampled": [50], "passed": [47]})
    result = evaluate(pass_rate(), data)
    text = result.to_json()
    assert "思明区" in text
    assert "\\u" not in text
    payload = json.loads(text)
    assert payload["assessments"][0]["status"] == "met"
    assessment = next(iter(result))
    assert assessment.status is Status.MET
    assert assessment.responsible == ("市质监局", "厦门检验检疫局")


@pytest.mark.parametrize(
    ("frame", "column", "row", "fragment"),
    [
        (pd.DataFrame({"sampled": [1], "passed": [1]}), "period", None, "no 'period' column"),
        (
            pd.DataFrame({"period": [2013, None], "sampled": [1, 1], "passed": [1, 1]}),
            "period",
            1,
            "missing period",
        ),
        (
            pd.DataFrame({"period": [2013, 2013], "sampled": [1, 1], "passed": [1, 1]}),
            "period",
            1,
            "given again",
        ),
        (
            pd.DataFrame({"period": [2013], "sampled": ["约1200"], "passed": [1]}),
            "sampled",
            0,
            "not a number",
        ),
        (
            pd.DataFrame({"period": [2013], "sampled": [-5], "passed": [1]}),
            "sampled",
            0,
            "negative",
        ),
        (
            pd.DataFrame({"period": [2013], "sampled": [np.inf], "passed": [1]}),
            "sampled",
            0,
            "infinite",
        ),
        (pd.DataFrame({"period": [2013], "sampled": [5], "passed": [6]}), "passed", 0, "exceeds"),
        (
            pd.DataFrame({"period": ["later"], "sampled": [5], "passed": [5]}),
            "period",
            0,
            "cannot read",
        ),
    ],
)
def test_bad_input_names_column_and_row(
    frame: pd.DataFrame, column: str, row: object, fragment: str
) -> None:
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), frame)
    problems = caught.value.problems
    assert any(
        p.column == column and p.row == row and fragment in p.message_in("en") for p in problems
    )
    assert isinstance(caught.value, ValueError)


def test_every_problem_is_listed_at_once() -> None:
    frame = pd.DataFrame({"period": [2013, 2014], "sampled": ["x", -1], "passed": [1, 1]})
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), frame)
    assert len(caught.value.problems) == 2


def test_cell_problems_and_a_part_above_its_whole_are_listed_together() -> None:
    """Text, a negative count and 6 passed of 5 sampled, in one DataError, row by row."""
    frame = pd.DataFrame(
        {"period": [2013, 2014, 2015], "sampled": ["x", 5, -1], "passed": [1, 6, 1]}
    )
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), frame)
    found = {(p.column, p.row): p.code for p in caught.value.problems}
    assert set(found) == {("sampled", 0), ("sampled", 2), ("passed", 1)}
    assert (found["sampled", 0], found["sampled", 2]) == ("value_not_number", "value_negative")


def test_unknown_unit_is_a_data_error() -> None:
    frame = pd.DataFrame({"period": [2013], "funding": [1], "revenue": [1]})
    with pytest.raises(DataError, match="funding"):
        evaluate(funding_ratio(), frame, units={"funding": "万斤"})
    with pytest.raises(DataError) as caught:
        evaluate(funding_ratio(), frame, units={"funding": "万人"})
    assert caught.value.codes == ("unit_not_convertible",)


# --------------------------------------------------------------------------- found by fuzzing


@pytest.mark.parametrize("dtype", ["int64", "object", "Int64"])
def test_counts_beyond_float_precision_stay_exact_in_any_dtype(dtype: str) -> None:
    """10**17 − 1 of 10**17 is not 100 %, whether the column is int64, object or Int64.

    Object and nullable Int64 columns (with an empty cell) used to be read as floats,
    in which both counts are 1e17.
    """
    empty = None if dtype == "object" else pd.NA
    cells = 1 if dtype == "int64" else 2
    data = pd.DataFrame(
        {
            "period": [2013, 2014][:cells],
            "total": pd.array([10**17, empty][:cells], dtype=dtype),
            "compliant": pd.array([10**17 - 1, empty][:cells], dtype=dtype),
        }
    )
    frame = evaluate(all_comply(), data).to_frame()
    assert frame["status"].tolist() == ["not_met", "insufficient_data"][:cells]
    assert "99999999999999999 ÷ 100000000000000000" in frame.loc[0, "explanation"]


@pytest.mark.parametrize("empty", [None, pd.NA, np.nan])
def test_huge_counts_beside_empty_cells(empty: object) -> None:
    """An object column of 10**30 and an empty cell: no TypeError, the empty row lacks data."""
    data = pd.DataFrame(
        {
            "period": [2013, 2014],
            "total": pd.Series([10**30, empty], dtype=object),
            "compliant": pd.Series([10**30 - 1, 1], dtype=object),
        }
    )
    frame = evaluate(all_comply(), data).to_frame()
    assert frame["status"].tolist() == ["not_met", "insufficient_data"]
    assert "None" not in frame.loc[1, "explanation"]


def test_a_number_beyond_floats_is_a_data_error() -> None:
    data = pd.DataFrame(
        {"period": [2013], "sampled": pd.Series([10**400], dtype=object), "passed": [1]}
    )
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), data)
    assert caught.value.codes == ("value_too_large",)
    assert caught.value.problems[0].column == "sampled"


@pytest.mark.parametrize("period", ["", "NaT", 10**30, 1e20])
def test_unreadable_periods_are_data_errors(period: object) -> None:
    """An empty string reads as NaT and 10**30 overflows a year: both are problems, not crashes."""
    data = pd.DataFrame({"period": [period], "sampled": [50], "passed": [47]})
    with pytest.raises(DataError, match="period"):
        evaluate(pass_rate(), data)


@pytest.mark.parametrize(
    ("passed", "sampled"),
    [(1e299, 1e300), (5e-324, 5e-324), (0, 7), (7, 7), (10**17 - 1, 10**17)],
)
def test_wilson_interval_never_overflows_and_holds_the_value(passed: float, sampled: float) -> None:
    """Huge and subnormal sample sizes give no overflow warning; low ≤ value ≤ high exactly."""
    row = rate_row(passed, sampled)
    assert row["ci_low"] <= row["value"] <= row["ci_high"]


def test_a_numerator_beyond_a_subnormal_denominator_is_only_a_data_error() -> None:
    """1 passed of 5e-324 sampled: the share overflows, but only the DataError is raised."""
    data = pd.DataFrame({"period": [2013], "sampled": [5e-324], "passed": [1]})
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), data)
    assert caught.value.codes == ("part_exceeds_whole",)


def test_a_ratio_beyond_floats_is_infinite_and_judged_exactly() -> None:
    """1e308 yuan of 1e-10 yuan is 1e321 ‰: infinite as a float, shown as ∞, and met."""
    data = pd.DataFrame({"period": [2013], "funding": [1e308], "revenue": [1e-10]})
    evaluation = evaluate(funding_ratio(), data)
    row = one(evaluation.to_frame())
    assert row["value"] == np.inf
    assert row["status"] == "met"
    assert "∞‰" in row["explanation"]
    assert "∞‰" in one(evaluation.to_frame("en"))["explanation"]


def test_a_share_reported_just_above_100_percent_is_an_error() -> None:
    """100.00000001 % is above 100 %: within the float tolerance, but exactly above."""
    data = pd.DataFrame({"period": [2013], "pass_rate": [100.00000001]})
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), data)
    assert caught.value.codes == ("share_above_whole",)
    assert "100.00000001" in caught.value.render("en")
    exact = pd.DataFrame({"period": [2013], "pass_rate": [100.0]})
    assert one(evaluate(pass_rate(), exact).to_frame())["value"] == 100.0


@pytest.mark.parametrize("dtype", ["object", "int64"])
def test_long_form_keeps_huge_counts_exact_beside_missing_variables(dtype: str) -> None:
    """A long frame's huge counts beside a missing variable are not rounded through floats."""
    long = pd.DataFrame(
        {
            "period": [2013, 2013, 2014],
            "variable": ["total", "compliant", "total"],
            "value": pd.Series([10**17, 10**17 - 1, 5], dtype=dtype),
        }
    )
    frame = evaluate(all_comply(), long).to_frame()
    assert frame["status"].tolist() == ["not_met", "insufficient_data"]
