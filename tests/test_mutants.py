"""Unit tests written to kill mutants that survived ``make mutation``.

Each test asserts real behaviour with hand-computed values; the comment above it names the
mutants (``module.function``: the mutation) it kills. Mutants that cannot change behaviour
are listed in ``tests/mutation_equivalents.md`` instead.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from tests.factories import (
    all_comply,
    awards,
    death_rate,
    funding_ratio,
    make,
    pass_rate,
    satisfaction,
)
from xmqc_kpi import DataError, evaluate
from xmqc_kpi.formulas import ratio, value
from xmqc_kpi.indicator import Indicator
from xmqc_kpi.intervals import Z_95, wilson_interval
from xmqc_kpi.judging import ABOVE, AT_LEAST, decide
from xmqc_kpi.thresholds import Above, All, AtLeast, AtMost, Below, TopAmongPeers, Trend
from xmqc_kpi.units import unit_symbol


def one(frame: pd.DataFrame) -> pd.Series:
    assert len(frame) == 1
    return frame.iloc[0]


# --------------------------------------------------------------------------- formulas


# formulas.ratio: the default ``sampled=False`` turned into ``True``.
def test_a_ratio_is_not_sampled_unless_declared() -> None:
    assert ratio("passed", "sampled").sampled is False
    assert ratio("passed", "sampled").part_of_whole is True
    assert ratio("passed", "sampled", sampled=True).sampled is True


# formulas.Ratio.compute: ``np.where(None, np.nan, …)`` would show the numerator as the value
# of a zero denominator.
def test_a_zero_denominator_gives_nan_and_is_flagged() -> None:
    output = ratio("part", "whole").compute(
        {"part": np.array([3.0, 1.0]), "whole": np.array([0.0, 4.0])}
    )
    assert np.isnan(output.value[0])
    assert output.value[1] == 0.25
    assert output.zero_denominator.tolist() == [True, False]


# --------------------------------------------------------------------------- thresholds


# thresholds._exact_decimal: ``isinstance(number, bool) or …`` turned into ``and`` (True would
# be read as 1), and its message replaced by None.
@pytest.mark.parametrize("number", [True, False, [1], 1 + 2j])
def test_a_threshold_value_must_be_a_decimal_number(number: object) -> None:
    with pytest.raises(ValidationError, match="a threshold is a decimal number"):
        AtLeast.model_validate({"value": number})


# Above/AtMost/Below.__init__: the value or the unit replaced by None or dropped, or the extra
# keywords dropped (so an unknown keyword would be ignored instead of rejected). AtMost and
# Below are only ever built at import time by the catalog, where no test "calls" them.
@pytest.mark.parametrize("kind", [AtLeast, Above, AtMost, Below])
def test_each_bound_keeps_its_value_and_unit(kind: type[AtLeast | Above | AtMost | Below]) -> None:
    bound = kind(5, "percent")
    assert (bound.value, bound.unit) == (Decimal(5), "percent")
    assert kind("0.5").value == Decimal("0.5")
    assert kind("0.5").unit is None
    with pytest.raises(ValidationError, match="colour"):
        kind(5, "percent", colour="red")


# thresholds._exact_decimal: a float read through ``Decimal(number)`` (its binary value),
# ``Decimal(None)`` or ``Decimal(str(None))``; the messages for unreadable and infinite numbers
# replaced. _Bound.target: ``unit is not None`` and ``number / exact_factor(…)``.
def test_a_threshold_is_the_decimal_as_written_converted_exactly() -> None:
    assert AtLeast(0.94).value == Decimal("0.94")
    assert AtLeast(0.94, "dimensionless").target("percent") == 94
    assert AtLeast(1, "permille").target("dimensionless") == Fraction(1, 1000)
    assert AtLeast(96).target("percent") == 96
    with pytest.raises(ValidationError, match="cannot read 'abc' as a decimal number"):
        AtLeast("abc")
    with pytest.raises(ValidationError, match=r"Value error, a threshold must be finite \["):
        AtLeast("inf")


# --------------------------------------------------------------------------- units


def test_a_unit_without_a_chinese_symbol_is_written_by_its_name() -> None:
    # units.unit_symbol: ``_SYMBOLS.get(name, None)`` or ``.get(name)``.
    assert unit_symbol("kilogram") == "kilogram"
    assert unit_symbol("万元") == "万元"
    assert unit_symbol("%") == "%"


# --------------------------------------------------------------------------- values given directly


def test_a_value_given_directly_is_used_only_where_inputs_are_missing() -> None:
    # engine._compute: ``direct = any_absent | …`` would let a given 99 % override 47 of 50,
    # and ``np.where(None, np.nan, …)`` would show the one input present beside a direct value.
    data = pd.DataFrame(
        {
            "period": [2013, 2014, 2015],
            "sampled": [50, np.nan, 50],
            "passed": [47, 47, np.nan],
            "pass_rate": [99.0, 99.0, 98.0],
        }
    )
    frame = evaluate(pass_rate(), data).to_frame()
    assert frame["value"].tolist() == [94.0, 99.0, 98.0]
    assert frame["direct"].tolist() == [False, True, True]
    assert frame["numerator"].tolist()[0] == 47
    assert frame["denominator"].tolist()[0] == 50
    assert frame[["numerator", "denominator"]].iloc[1:].isna().all().all()


def test_a_direct_share_above_100_percent_is_an_error_only_for_a_part_of_a_whole() -> None:
    # engine._compute: the check run for any direct column (``… or isinstance(…)``), its bound
    # moved (``hundred / (1 + NEAR)``, ``* (1 - NEAR)``, ``* (2 + NEAR)``), its row or message
    # replaced.
    assert evaluate(pass_rate(), pd.DataFrame({"period": [2013], "pass_rate": [100.0]})).to_frame()[
        "status"
    ].tolist() == ["met"]
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), pd.DataFrame({"period": [2013], "pass_rate": [150.0]}))
    (problem,) = caught.value.problems
    assert (problem.column, problem.row) == ("pass_rate", 0)
    assert (problem.code, problem.params) == ("share_above_whole", {"value": "150"})
    # funding ÷ revenue is not a part of a whole: 1500 ‰ is a valid value
    frame = evaluate(funding_ratio(), pd.DataFrame({"period": [2013], "funding_ratio": [1500.0]}))
    assert frame.to_frame()["status"].tolist() == ["met"]


def test_a_part_exceeding_a_small_whole_by_a_hair_is_an_error() -> None:
    # engine._check_part_of_whole: ``denominator > 1`` would leave 0.500000000001 of 0.5 (within
    # NEAR in floats) to the float comparison, which does not see it.
    data = pd.DataFrame({"period": [2013], "sampled": [0.5], "passed": [0.500000000001]})
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), data)
    assert caught.value.codes == ("part_exceeds_whole",)


# --------------------------------------------------------------------------- intervals, engine


def sampled_rate(threshold: AtMost | Above | Below) -> Indicator:
    return make(
        "defect_rate",
        ratio("defects", "sampled", sampled=True),
        [("sampled", "count"), ("defects", "count")],
        "percent",
        threshold,
    )


def test_an_upper_limit_is_conclusive_when_the_whole_interval_is_on_one_side() -> None:
    # engine._interval: the ``le``/``lt`` branch (``conclusive = None``, ``np.where(None, …)``,
    # either side replaced or dropped). Wilson 95 % intervals: 2/1000 is 0.05–0.73 %, 40/1000
    # is 2.95–5.41 %, 100/1000 is 8.29–12.02 %, 55/1000 is 4.25–7.10 %; the limit is 5 %.
    data = pd.DataFrame(
        {"period": [2012, 2013, 2014, 2015], "sampled": 1000, "defects": [2, 40, 100, 55]}
    )
    frame = evaluate(sampled_rate(AtMost(5, "percent")), data).to_frame()
    assert frame["status"].tolist() == ["met", "met", "not_met", "not_met"]
    assert frame["conclusive"].tolist() == [True, False, True, False]


def test_a_strict_floor_is_judged_on_the_lower_bound() -> None:
    # engine._interval: ``op in ("ge", "XXgtXX")`` sends ``gt`` to the upper-limit branch.
    # 950/1000 is 95 % with the interval 93.47–96.22 %, all above 90 %.
    data = pd.DataFrame({"period": [2013], "sampled": [1000], "defects": [950]})
    row = one(evaluate(sampled_rate(Above(90, "percent")), data).to_frame())
    assert (row["status"], row["conclusive"]) == ("met", True)


def test_a_clear_miss_is_conclusive_and_a_missing_row_has_no_interval() -> None:
    # engine._interval: ``np.where(ok, low >= t, None)`` (a miss never conclusive) and
    # ``counted = known | ~direct`` (a missing row would get a verdict on its interval).
    # 900/1000 is 90 % with the interval 88.0–91.7 %, all below 96 %.
    data = pd.DataFrame({"period": [2013, 2014], "sampled": [1000, np.nan], "passed": [900, 5]})
    frame = evaluate(pass_rate(96), data).to_frame()
    assert frame["status"].tolist() == ["not_met", "insufficient_data"]
    assert frame["conclusive"].iloc[0]
    assert pd.isna(frame["conclusive"].iloc[1])


def test_wilson_interval_never_goes_above_one() -> None:
    # intervals.wilson_interval: the upper clip of the upper bound removed (``None``, ``2.0``):
    # for 16 of 16 the centre plus the half-width is 1.0000000000000002 in floats.
    low, high = wilson_interval(np.array([16.0]), np.array([16.0]))
    assert high[0] == 1
    assert low[0] == pytest.approx(16 / (16 + Z_95**2))


# --------------------------------------------------------------------------- decide


def test_decide_re_decides_exactly_only_the_near_unsettled_rows() -> None:
    # engine.decide: ``< NEAR * scale`` (two zeros are near too), ``NEAR / scale``,
    # ``near = ~settled`` and ``near |= ~settled``. Row 0 (0 against 0) is near, row 1 is near
    # but settled, rows 2 and 3 are far apart relative to their size.
    asked: list[int] = []

    def exact(row: int) -> Fraction:
        asked.append(row)
        return Fraction(row)

    value = np.array([0.0, 1.0, 2e-12, 100.0])
    target = np.array([0.0, 1.0 + 1e-12, 1e-12, 100.5])
    settled = np.array([False, True, False, False])
    result = decide(value, target, AT_LEAST, exact, lambda _row: Fraction(0), settled)
    assert asked == [0]
    assert result.tolist() == [True, False, True, False]


def test_decide_keeps_the_float_verdict_where_an_exact_value_is_unknown() -> None:
    # engine.decide: ``left is not None or right is not None`` would compare None exactly.
    result = decide(np.array([1.0]), 1.0, AT_LEAST, lambda _row: None, lambda _row: Fraction(1))
    assert result.tolist() == [True]
    result = decide(np.array([1.0]), 1.0, ABOVE, lambda _row: Fraction(1), lambda _row: None)
    assert result.tolist() == [False]


# --------------------------------------------------------------------------- benchmarks


def test_two_benchmarks_for_one_period_are_an_error() -> None:
    # engine._lookup: the duplicate check disabled (``bool(None)``), the duplicated row replaced
    # by None, or the second duplicated row looked up instead of the first.
    data = pd.DataFrame({"period": [2012], "deaths": [5], "units": [100_000]})
    bench = pd.DataFrame(
        {"period": [2012, 2012], "indicator_id": "death_rate", "value": [0.5, 0.6]}
    )
    with pytest.raises(DataError) as caught:
        evaluate(death_rate(), data, benchmarks=bench)
    assert caught.value.codes == ("duplicate_benchmark",)
    assert "two benchmarks for death_rate in period 2012" in caught.value.render("en")
    # engine._lookup: the problem's column replaced (None, dropped, "XXperiodXX", "PERIOD").
    assert [p.column for p in caught.value.problems] == ["period"]


def test_a_value_equal_to_its_benchmark_is_decided_exactly() -> None:
    # engine._benchmark: the exact benchmark withheld (``position >= 0 and False``) or withheld
    # for the first benchmark (``position > 0``, ``position >= 1``). In floats 3 ÷ 10,000 × 10,000
    # is 2.9999999999999996, below the benchmark 3.0; exactly it equals it, so it is not below.
    data = pd.DataFrame({"period": [2012, 2013], "deaths": [3, 3], "units": [10_000, 10_000]})
    bench = pd.DataFrame({"period": [2012, 2013], "indicator_id": "death_rate", "value": [3, 3]})
    frame = evaluate(death_rate(), data, benchmarks=bench).to_frame()
    assert frame["status"].tolist() == ["not_met", "not_met"]
    assert frame["reason"].tolist() == ["not_below_benchmark", "not_below_benchmark"]


# --------------------------------------------------------------------------- peers


def peers_of(
    values: list[float], names: list[str] | None = None, period: int = 2013
) -> pd.DataFrame:
    names = names or [f"城市{i}" for i in range(len(values))]
    return pd.DataFrame(
        {"period": period, "indicator_id": "awards", "peer": names, "value": values}
    )


def rank_row(value: float, peers: pd.DataFrame, **how: object) -> pd.Series:
    data = pd.DataFrame({"region": ["厦门市"], "period": [2013], "award_count": [value]})
    return one(evaluate(awards(**how), data, peers=peers).to_frame())  # type: ignore[arg-type]


def test_the_bar_is_the_last_member_of_the_top_group() -> None:
    # engine._rank: the bar's offset (``cutoff + 1``, ``cutoff - 2``, ``start - bar_offset``),
    # the bar withheld (``has_bar = None``, ``np.where(None, …)``), the sort order of values
    # reversed (``ascending=[True, higher]`` or omitted). 10 members, top 2: the bar is 44.
    row = rank_row(45, peers_of([50, 44, 40, 30, 20, 10, 5, 3, 2]))
    assert (row["rank"], row["group_size"], row["cutoff_rank"]) == (2, 10, 2)
    assert row["threshold"] == 44
    assert row["margin"] == 1


def test_the_bar_skips_the_subject_listed_among_its_peers() -> None:
    # engine._rank: the subject's own place ignored (``self_pairs = None``,
    # ``np.flatnonzero(None)``) or compared wrongly (``bar_offset = cutoff - 1 - …``,
    # ``< cutoff - 1``, ``<= cutoff - 2``). 9 members, top ⌈1.8⌉ = 2; sorted best first the
    # list is 50, 45 (厦门市 itself), 44, … so the bar, the second of the others, is 44.
    names = ["a", "b", "c", "d", "e", "f", "g", "h", "厦门市"]
    row = rank_row(45, peers_of([50, 44, 40, 30, 20, 10, 5, 3, 45], names))
    assert (row["rank"], row["group_size"], row["cutoff_rank"]) == (2, 9, 2)
    assert row["threshold"] == 44


def test_a_subject_below_the_bar_does_not_move_it() -> None:
    # engine._rank: ``self_rank_in_list <= cutoff + 1``: 厦门市 is third (offset 2) of the
    # sorted list, after the top 2, so the bar stays at the second value, 48.
    names = ["a", "b", "厦门市", "d", "e", "f", "g", "h"]
    row = rank_row(45, peers_of([50, 48, 45, 44, 40, 30, 20, 10], names))
    assert (row["rank"], row["group_size"], row["cutoff_rank"], row["status"]) == (
        3,
        8,
        2,
        "not_met",
    )
    assert row["threshold"] == 48


def test_with_exactly_cutoff_peers_the_bar_is_the_last_of_them() -> None:
    # engine._rank: ``n_peers > cutoff`` and ``len(peer_value) - 2``: top 2 of 3 members, two
    # peers, so the bar is the second (last) peer, 40.
    row = rank_row(45, peers_of([50, 40]), top_n=2)
    assert (row["rank"], row["group_size"], row["cutoff_rank"]) == (2, 3, 2)
    assert row["threshold"] == 40


def test_with_fewer_peers_than_the_cutoff_there_is_no_bar() -> None:
    # engine._rank: ``len(peer_value) + 1`` indexes past the last peer. Top 3 of 3 members:
    # the subject is in the top group whatever its value, and there is no bar to reach.
    row = rank_row(1, peers_of([50, 40]), top_n=3)
    assert (row["rank"], row["group_size"], row["cutoff_rank"], row["status"]) == (3, 3, 3, "met")
    assert pd.isna(row["threshold"])


def test_lower_is_better_counts_the_lower_peers() -> None:
    # engine._rank: ``"gt" if higher or True``: with lower better, 2 among 1, 5, 8 is second
    # (only 1 is better); counting the higher ones would make it third.
    row = rank_row(2, peers_of([1, 5, 8]), direction="lower", top_n=1)
    assert (row["rank"], row["group_size"], row["status"]) == (2, 4, "not_met")
    assert row["threshold"] == 1


def test_peers_of_each_period_rank_only_that_period() -> None:
    # engine._rank: periods sorted descending (``ascending=[False, …]``), pairs taken from the
    # wrong period (``start - offsets``), and ``bincount`` without ``minlength`` (the last row,
    # 2014, has no peers).
    data = pd.DataFrame(
        {"region": "厦门市", "period": [2012, 2013, 2014], "award_count": [30, 30, 30]}
    )
    peers = pd.concat([peers_of([10, 20], period=2012), peers_of([40, 50, 60], period=2013)])
    frame = evaluate(awards(top_n=1), data, peers=peers).to_frame()
    assert frame["rank"].tolist()[:2] == [1, 4]
    assert pd.isna(frame["rank"].iloc[2])
    assert frame["group_size"].tolist()[:2] == [3, 4]
    assert frame["threshold"].tolist()[:2] == [20, 60]
    assert frame["status"].tolist() == ["met", "not_met", "insufficient_data"]


def test_a_peer_tied_exactly_is_not_better() -> None:
    # engine._rank: the exact values withheld from ``decide`` (``lambda pair: None`` for the
    # peer or for the subject). 0.0051 万 is exactly 51, but 0.0051 × 10,000 is
    # 51.00000000000001 in floats; a tie takes the best rank, so 厦门市 is first.
    peers = peers_of([0.0051, 10]).assign(unit=["wan_tai", "count"])
    row = rank_row(51, peers, top_n=1)
    assert (row["rank"], row["status"]) == (1, "met")


def test_the_comparison_names_the_top_group() -> None:
    # thresholds.TopAmongPeers.describe_cutoff: ``top_fraction / 100`` or ``* 101``.
    data = pd.DataFrame({"period": [2013], "award_count": [3]})
    evaluation = evaluate(awards(), data)
    assert evaluation.to_frame("en")["comparison"].tolist() == ["rank ≤ top 20%"]
    assert evaluation.to_frame("zh")["comparison"].tolist() == ["名次 ≤ 前 20%"]
    assert TopAmongPeers(peer_group="全国", top_fraction="0.05").describe_cutoff() == "top 5%"
    assert TopAmongPeers(peer_group="全国", top_n=3).describe_cutoff() == "top 3"


# --------------------------------------------------------------------------- trends


def test_a_series_starts_at_its_first_reported_value() -> None:
    # engine._trend: ``reported = np.where(None, …)`` starts the series at the region's first
    # row even when it is missing, so 2013 would be a gap instead of the first period.
    data = pd.DataFrame({"period": [2012, 2013, 2014], "score": [np.nan, 80.0, 81.0]})
    frame = evaluate(satisfaction(), data).to_frame()
    assert frame["reason"].tolist() == ["missing_input", "too_few_periods", "trend_holds"]
    assert frame["status"].tolist() == ["insufficient_data", "insufficient_data", "met"]


def test_a_missing_previous_value_is_a_gap() -> None:
    # engine._trend: ``~consecutive | isnan(previous) & isnan(value)`` would judge 82 against
    # a missing 2013 as a broken step instead of a gap.
    data = pd.DataFrame({"period": [2012, 2013, 2014, 2015], "score": [80.0, np.nan, 82, 83]})
    frame = evaluate(satisfaction(), data).to_frame()
    assert frame["reason"].tolist() == [
        "too_few_periods",
        "missing_input",
        "gap_in_periods",
        "gap_in_periods",
    ]


def test_the_explanation_names_the_step_that_broke_the_trend() -> None:
    # engine._trend: ``_last_broken`` withheld (``np.where(None, …)`` for ``last_broken`` or
    # for the column): the text would blame 2012 instead of the 2013 → 2014 step.
    data = pd.DataFrame({"period": [2012, 2013, 2014, 2015], "score": [80.0, 82.0, 81.0, 83.0]})
    frame = evaluate(satisfaction(), data).to_frame()
    assert frame["status"].tolist() == ["insufficient_data", "met", "not_met", "not_met"]
    assert "2014 年未高于 2013 年" in frame.loc[3, "explanation"]
    assert "2014 年未高于 2013 年" in frame.loc[2, "explanation"]


def test_the_explanation_names_the_gap() -> None:
    # engine._trend: ``_last_gap`` withheld (``np.where(None, …)``): 2015 must still point at
    # the gap before 2014, not at itself.
    data = pd.DataFrame({"period": [2012, 2013, 2014, 2015], "score": [80.0, np.nan, 82, 83]})
    frame = evaluate(satisfaction(), data).to_frame()
    assert "2014 年与上一期之间数据缺失或不连续" in frame.loc[3, "explanation"]


def count_trend() -> Indicator:
    return make("n", value("n"), [("n", "count")], "count", Trend(direction="rising"))


def test_a_rise_too_small_for_floats_is_decided_exactly() -> None:
    # engine._trend: the previous row's exact value withheld (``lambda row: None``,
    # ``row > 0 and False``, ``row > 1``) or taken from the next row (``row + 1``).
    # 10**17, 10**17 + 1 and 10**17 + 2 are one float, but each exceeds the one before.
    data = pd.DataFrame({"period": [2012, 2013, 2014], "n": [10**17, 10**17 + 1, 10**17 + 2]})
    frame = evaluate(count_trend(), data).to_frame()
    assert frame["status"].tolist() == ["insufficient_data", "met", "met"]


# --------------------------------------------------------------------------- all comply


def test_equal_floats_beyond_2_53_are_not_taken_as_exact() -> None:
    # engine._equal_counts: ``limit = float(2**54)`` would trust floats up to 2**54, where
    # 2**53 + 3 and 2**53 + 4 are one float: 100 % in floats, not exactly.
    data = pd.DataFrame({"period": [2013], "total": [2**53 + 4], "compliant": [2**53 + 3]})
    row = one(evaluate(all_comply(), data).to_frame())
    assert row["value"] == 100
    assert (row["status"], row["reason"]) == ("not_met", "not_all_comply")


# --------------------------------------------------------------------------- formulas, exact


def test_a_ratio_is_exact_for_a_denominator_of_one() -> None:
    # formulas.Ratio.compute_exact: ``denominator == 1`` in place of ``== 0``.
    formula = ratio("part", "whole")
    assert formula.compute_exact({"part": Fraction(3, 10), "whole": Fraction(1)}) == Fraction(3, 10)
    assert formula.compute_exact({"part": Fraction(3), "whole": Fraction(0)}) is None


# --------------------------------------------------------------------------- intervals


def test_wilson_interval_of_one_trial() -> None:
    # intervals.wilson_interval: ``trials > 1`` would give NaN for a single trial. For 1 of 1
    # the interval is [1 / (1 + z²), 1]; for no trial it is NaN.
    low, high = wilson_interval(np.array([1.0, 0.0]), np.array([1.0, 0.0]))
    assert low[0] == pytest.approx(1 / (1 + Z_95**2))
    assert high[0] == 1
    assert np.isnan(low[1])
    assert np.isnan(high[1])


def test_wilson_interval_never_goes_below_zero() -> None:
    # intervals.wilson_interval: the lower clip removed (``np.clip(centre - half, None, 1.0)``):
    # for 0 of 27 the centre minus the half-width is -6.9e-18 in floats.
    low, high = wilson_interval(np.array([0.0]), np.array([27.0]))
    assert low[0] == 0
    assert high[0] == pytest.approx(Z_95**2 / (27 + Z_95**2))


def test_all_comply_without_one_of_its_inputs_is_missing_input() -> None:
    # engine._equal_counts: the early return for an absent input column broken
    # (``np.zeros(None, …)``, ``np.zeros(dtype=bool)``, float zeros that ``~`` rejects).
    data = pd.DataFrame({"period": [2013], "total": [40]})
    row = one(evaluate(all_comply(), data).to_frame())
    assert (row["status"], row["reason"]) == ("insufficient_data", "missing_input")


def test_all_comply_on_a_value_reported_directly() -> None:
    # engine._equal_counts: the early return for a formula that is not a ratio broken
    # (``np.zeros(None, …)``, ``np.zeros(dtype=bool)``, float zeros that ``~`` rejects).
    share = make("share", value("share"), [("share", "percent")], "percent", All())
    frame = evaluate(share, pd.DataFrame({"period": [2013, 2014], "share": [100, 99.5]}))
    assert frame.to_frame()["status"].tolist() == ["met", "not_met"]


@pytest.mark.parametrize(
    ("threshold", "defects", "status", "conclusive"),
    [
        # 0 of 20: the interval starts at exactly 0 %; ≥ 0 % holds over all of it.
        (AtLeast(0, "percent"), 0, "met", True),
        # 20 of 20: the interval ends at exactly 100 %; ≤ 100 % holds over all of it.
        (AtMost(100, "percent"), 20, "met", True),
        # 20 of 20 is not above 100 %, and neither is any point of the interval.
        (Above(100, "percent"), 20, "not_met", True),
        # 0 of 20 is not below 0 %, and neither is any point of the interval.
        (Below(0, "percent"), 0, "not_met", True),
    ],
)
def test_an_interval_that_ends_exactly_on_the_target_is_judged_by_the_comparison(
    threshold: AtLeast | AtMost | Above | Below, defects: int, status: str, conclusive: bool
) -> None:
    # engine._interval (mutants 45, 46, 54, 55, which showed that a strict threshold's miss
    # was judged like an inclusive one): a Wilson bound equal to the target is on the side
    # of whichever comparison includes it — ≥ and ≤ for a met rate, "not above" (≤) and
    # "not below" (≥) for a miss of > and <.
    indicator = make(
        "edge_rate",
        ratio("defects", "sampled", sampled=True),
        [("sampled", "count"), ("defects", "count")],
        "percent",
        threshold,
    )
    data = pd.DataFrame({"period": [2013], "sampled": [20], "defects": [defects]})
    row = one(evaluate(indicator, data).to_frame())
    assert (row["status"], bool(row["conclusive"])) == (status, conclusive)


def test_equal_floats_of_a_non_integer_whole_are_decided_exactly() -> None:
    # engine._equal_counts: ``floor(denominator) == denominator`` → ``!=`` (mutant 21) would
    # settle these as equal. 0.00459 万台 is exactly 45.9 units, below the 45.900000000000006
    # counted, though 0.00459 × 10000.0 is the float 45.900000000000006.
    data = pd.DataFrame({"period": [2013], "total": [45.900000000000006], "compliant": [0.00459]})
    row = one(evaluate(all_comply(), data, units={"compliant": "万台"}).to_frame())
    assert row["status"] == "not_met"


def test_equal_floats_after_a_non_integer_unit_factor_are_decided_exactly() -> None:
    # engine._equal_counts: ``column is None or any(factor not integral)`` → ``and`` (mutant 25)
    # would settle these as equal. Both inputs are declared in 万个; the compliant count is given
    # in 个, a factor of 1/10000. 29999.999999999996 个 is exactly 2.9999999999999996 万个,
    # short of the 3 万个 counted, though 29999.999999999996 × 0.0001 is the float 3.0.
    indicator = make(
        "all_comply_wan",
        ratio("compliant", "total"),
        [("total", "wan_count"), ("compliant", "wan_count")],
        "percent",
        All(),
    )
    data = pd.DataFrame({"period": [2013], "total": [3], "compliant": [29999.999999999996]})
    assert 29999.999999999996 * 0.0001 == 3.0
    row = one(evaluate(indicator, data, units={"compliant": "count"}).to_frame())
    assert (row["numerator"], row["denominator"]) == (3.0, 3.0)
    assert row["status"] == "not_met"


def test_a_strict_upper_limit_met_is_judged_on_the_upper_bound() -> None:
    # engine._interval: the ``lt`` branch's ``np.where(ok, high < t, …)`` with ``ok`` or the
    # met side replaced by None (mutants 70, 71). 10/1000 is 1 % with the interval
    # 0.54–1.83 %, all below 5 %: met, and conclusive.
    data = pd.DataFrame({"period": [2013], "sampled": [1000], "defects": [10]})
    row = one(evaluate(sampled_rate(Below(5, "percent")), data).to_frame())
    assert (row["status"], bool(row["conclusive"])) == ("met", True)


def test_a_whole_near_the_float_limit_does_not_overflow_the_part_of_whole_check() -> None:
    # engine._check_part_of_whole: ``errstate(over="ignore")`` dropped (mutants 4, 6):
    # the largest float × (1 + 1e-9) overflows; pytest turns the overflow warning into an error.
    largest = float(np.finfo(np.float64).max)
    data = pd.DataFrame({"period": [2013], "total": [largest], "compliant": [largest]})
    row = one(evaluate(all_comply(), data).to_frame())
    assert row["status"] == "met"
