"""Every built-in indicator evaluated on hand-built rows, grouped by threshold kind.

Registry-driven, like scikit-learn's metric tests: the catalog is iterated and each indicator
is checked against expectations computed here with :class:`fractions.Fraction`, from the
contract's display units (hard-coded below), never from the library's own conversions.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TypedDict

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xmqc_kpi import (
    All,
    AtLeast,
    Indicator,
    Ratio,
    Trend,
    Value,
    catalog,
    dump_catalog,
    evaluate,
    load_catalog,
    sample_data,
)

CATALOG = catalog()

#: One display unit as a plain ratio of the formula's inputs in their default units.
ONE_DISPLAY_UNIT: dict[str, Fraction] = {
    "percent": Fraction(1, 100),
    "permille": Fraction(1, 1000),
    "per_10k_persons": Fraction(1, 10_000),  # per person
    "deaths_per_10k_units": Fraction(1, 10_000),  # deaths (persons) per unit of equipment
    "per_yi_yuan": Fraction(1, 10**8),  # per yuan
    "count": Fraction(1),
    "day": Fraction(1),
    "index_point": Fraction(1),
}

#: Default input units that have other spellings: alternative -> default units in one of it.
ALTERNATIVE_UNITS: dict[str, dict[str, int]] = {
    "yuan": {"yuan": 1, "万元": 10**4, "亿元": 10**8},
    "person": {"person": 1, "万人": 10**4},
    "mu": {"mu": 1, "公顷": 15},
    "meter ** 2": {"meter ** 2": 1, "平方米": 1, "m²": 1},
}

#: A typical display value for kinds without a number (benchmarks, peers, trends, monitored).
TYPICAL: dict[str, Fraction] = {
    "percent": Fraction(50),
    "permille": Fraction(1),
    "per_10k_persons": Fraction(2),
    "deaths_per_10k_units": Fraction(36, 100),
    "per_yi_yuan": Fraction(1, 2),
    "count": Fraction(5),
    "day": Fraction(36),
    "index_point": Fraction(80),
}

SUBJECT = "厦门市"
Inputs = dict[str, Fraction]


def of_kind(*kinds: str) -> list[Indicator]:
    return [indicator for indicator in CATALOG if indicator.threshold.kind in kinds]


def ids(indicators: Sequence[Indicator]) -> list[str]:
    return [indicator.id for indicator in indicators]


def target_of(indicator: Indicator) -> Fraction:
    """The threshold in the display unit (all the plan's bounds are written in it)."""
    threshold = indicator.threshold
    if isinstance(threshold, All):
        return Fraction(1) / ONE_DISPLAY_UNIT[indicator.unit]
    if isinstance(threshold, AtLeast):
        assert threshold.unit in (None, indicator.unit)
        return Fraction(threshold.value)
    return TYPICAL[indicator.unit]


def inputs_for(indicator: Indicator, display: Fraction, scale: int = 1) -> Inputs:
    """Inputs (default units) whose value is exactly ``display``; ``scale`` multiplies a ratio."""
    formula = indicator.formula
    if isinstance(formula, Value):
        return {formula.input: display}
    assert isinstance(formula, Ratio)
    plain = display * ONE_DISPLAY_UNIT[indicator.unit]
    return {
        formula.numerator: Fraction(plain.numerator * scale),
        formula.denominator: Fraction(plain.denominator * scale),
    }


def displayed(indicator: Indicator, inputs: Mapping[str, Fraction]) -> Fraction:
    """The indicator's exact value in its display unit."""
    formula = indicator.formula
    if isinstance(formula, Value):
        return inputs[formula.input]
    assert isinstance(formula, Ratio)
    plain = inputs[formula.numerator] / inputs[formula.denominator]
    return plain / ONE_DISPLAY_UNIT[indicator.unit]


def nudge(indicator: Indicator, inputs: Inputs, step: int) -> Inputs:
    """Move the numerator (or the value) by ``step``: -1 is just below."""
    formula = indicator.formula
    name = formula.input if isinstance(formula, Value) else formula.numerator
    assert name is not None
    return {**inputs, name: inputs[name] + step}


def wide(rows: Sequence[tuple[str, int, Mapping[str, Fraction]]]) -> pd.DataFrame:
    """A wide frame from (region, period, inputs); every number must be exact as a float."""
    columns = sorted({name for _, _, inputs in rows for name in inputs})
    for _, _, inputs in rows:
        assert all(Fraction(float(v)) == v and abs(v) < 2**53 for v in inputs.values())
    return pd.DataFrame(
        {
            "region": [region for region, _, _ in rows],
            "period": [period for _, period, _ in rows],
            **{c: [float(inputs[c]) for _, _, inputs in rows] for c in columns},
        }
    )


def verdicts(frame: pd.DataFrame, key: str = "region") -> dict[object, tuple[str, str]]:
    """(status, reason) by region (or by period), whatever the order of the rows."""
    pairs = zip(frame["status"].astype(str), frame["reason"].astype(str), strict=True)
    return dict(zip(frame[key], pairs, strict=True))


def rows_of(frame: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    return frame.loc[frame["indicator_id"] == indicator.id].reset_index(drop=True)


def test_every_kind_of_the_catalog_is_covered_here() -> None:
    covered = {"at_least", "all", "below_benchmark", "top_among_peers", "trend", "monitored"}
    assert {indicator.threshold.kind for indicator in CATALOG} == covered
    assert set(ONE_DISPLAY_UNIT) >= {indicator.unit for indicator in CATALOG}


# --------------------------------------------------------------------------- bounds


@pytest.mark.parametrize("indicator", of_kind("at_least"), ids=ids(of_kind("at_least")))
def test_at_least_includes_the_boundary(indicator: Indicator) -> None:
    target = target_of(indicator)
    small = inputs_for(indicator, target, scale=3)
    cases: list[tuple[Inputs, str]] = [(small, "met"), (nudge(indicator, small, -1), "not_met")]
    if isinstance(indicator.formula, Ratio):
        # a denominator near 10**12: just below differs from the target by less than 1e-12
        large = inputs_for(indicator, target, scale=10**12 // target.denominator // 10**4)
        cases += [(large, "met"), (nudge(indicator, large, -1), "not_met")]
    data = wide([(f"r{n}", 2013, inputs) for n, (inputs, _) in enumerate(cases)])
    frame = evaluate(indicator, data).to_frame()
    reasons = {"met": "meets_minimum", "not_met": "below_minimum"}
    assert verdicts(frame) == {
        f"r{n}": (status, reasons[status]) for n, (_, status) in enumerate(cases)
    }
    values = dict(zip(frame["region"], frame["value"], strict=True))
    expected = {f"r{n}": float(displayed(indicator, inputs)) for n, (inputs, _) in enumerate(cases)}
    assert values == pytest.approx(expected, rel=1e-12)
    assert frame["threshold"].tolist() == pytest.approx([float(target)] * len(cases))


@pytest.mark.parametrize("indicator", of_kind("all"), ids=ids(of_kind("all")))
def test_all_needs_every_unit(indicator: Indicator) -> None:
    formula = indicator.formula
    assert isinstance(formula, Ratio)

    def counts(part: int, whole: int) -> Inputs:
        return {formula.numerator: Fraction(part), formula.denominator: Fraction(whole)}

    data = wide(
        [
            ("every", 2013, counts(40, 40)),
            ("one_short", 2013, counts(39, 40)),
            ("one_short_of_many", 2013, counts(10**12 - 1, 10**12)),
            ("none_to_count", 2013, counts(0, 0)),
        ]
    )
    frame = evaluate(indicator, data).to_frame()
    assert verdicts(frame) == {
        "every": ("met", "all_comply"),
        "one_short": ("not_met", "not_all_comply"),
        "one_short_of_many": ("not_met", "not_all_comply"),
        "none_to_count": ("insufficient_data", "zero_denominator"),
    }
    assert frame["threshold"].tolist() == pytest.approx([float(target_of(indicator))] * 4)


# --------------------------------------------------------------------------- national average


@pytest.mark.parametrize(
    "indicator", of_kind("below_benchmark"), ids=ids(of_kind("below_benchmark"))
)
def test_below_benchmark_is_strict_and_needs_a_benchmark(indicator: Indicator) -> None:
    average = Fraction("0.36")
    equal = inputs_for(indicator, average, scale=10**6)
    formula = indicator.formula
    assert isinstance(formula, Ratio)
    assert indicator.direction == "lower"
    lower = {**equal, formula.denominator: equal[formula.denominator] + 1}
    assert displayed(indicator, lower) < average == displayed(indicator, equal)
    data = wide([(SUBJECT, 2013, equal), ("思明区", 2013, lower), ("湖里区", 2014, equal)])
    benchmarks = pd.DataFrame({"period": [2013], "indicator_id": [indicator.id], "value": [0.36]})
    frame = evaluate(indicator, data, benchmarks=benchmarks).to_frame()
    assert verdicts(frame) == {
        SUBJECT: ("not_met", "not_below_benchmark"),
        "思明区": ("met", "below_benchmark"),
        "湖里区": ("insufficient_data", "no_benchmark"),
    }


# --------------------------------------------------------------------------- peers

PEER_VALUE = Fraction(50)


def peer_rows(period: int, better: int, ties: int) -> list[tuple[int, str, float]]:
    """Nine other cities: ``better`` above the subject's 50, ``ties`` equal, the rest below."""
    worse = 9 - better - ties
    values = [PEER_VALUE + 1 + n for n in range(better)] + [PEER_VALUE] * ties
    values += [PEER_VALUE - 1 - n for n in range(worse)]
    return [(period, f"城市{n}", float(v)) for n, v in enumerate(values)]


def peers_frame(indicator: Indicator, rows: Sequence[tuple[int, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": [p for p, _, _ in rows],
            "indicator_id": indicator.id,
            "peer": [name for _, name, _ in rows],
            "value": [v for _, _, v in rows],
        }
    )


@pytest.mark.parametrize(
    "indicator", of_kind("top_among_peers"), ids=ids(of_kind("top_among_peers"))
)
def test_top_among_peers_default_cutoff_is_two_of_ten(indicator: Indicator) -> None:
    subject = inputs_for(indicator, PEER_VALUE, scale=7)
    periods = [2013, 2014, 2015, 2016, 2017]
    data = wide([(SUBJECT, period, subject) for period in periods])
    table = (
        peer_rows(2013, better=1, ties=0)  # 2nd of 10
        + peer_rows(2014, better=2, ties=0)  # 3rd of 10
        + peer_rows(2015, better=1, ties=1)  # tied 2nd and 3rd: the best rank, 2nd
        + peer_rows(2017, better=1, ties=0)
        + [(2017, SUBJECT, float(PEER_VALUE))]  # the subject listed too: counted once
    )  # 2016: no peers at all
    frame = evaluate(indicator, data, peers=peers_frame(indicator, table)).to_frame()
    assert verdicts(frame, key="period") == {
        2013: ("met", "in_top_group"),
        2014: ("not_met", "outside_top_group"),
        2015: ("met", "in_top_group"),
        2016: ("insufficient_data", "no_peers"),
        2017: ("met", "in_top_group"),
    }
    judged = frame.loc[frame["period"] != 2016].set_index("period")
    assert judged["rank"].to_dict() == {2013: 2, 2014: 3, 2015: 2, 2017: 2}
    assert judged["group_size"].tolist() == [10] * 4
    assert judged["cutoff_rank"].tolist() == [2] * 4


def test_a_higher_import_nonconformity_detection_rate_ranks_first() -> None:
    indicator = CATALOG["import_nonconformity_detection_rate"]
    subject = inputs_for(indicator, PEER_VALUE, scale=7)
    data = wide([(SUBJECT, 2013, subject), (SUBJECT, 2014, subject)])
    table = peer_rows(2013, better=0, ties=0) + peer_rows(2014, better=9, ties=0)
    frame = evaluate(indicator, data, peers=peers_frame(indicator, table)).to_frame()
    assert frame.set_index("period")["rank"].to_dict() == {2013: 1, 2014: 10}
    assert verdicts(frame, key="period") == {
        2013: ("met", "in_top_group"),
        2014: ("not_met", "outside_top_group"),
    }


# --------------------------------------------------------------------------- trends


@pytest.mark.parametrize("indicator", of_kind("trend"), ids=ids(of_kind("trend")))
def test_trend_moves_strictly_every_period(indicator: Indicator) -> None:
    threshold = indicator.threshold
    steps = [Fraction(10), Fraction(20), Fraction(30), Fraction(30)]  # the last step is flat
    assert isinstance(threshold, Trend)
    if threshold.direction == "falling":
        steps = [Fraction(40) - s for s in steps]
    # different scales per period: the flat step is equal in value, not in inputs
    rows = [(SUBJECT, 2011 + n, inputs_for(indicator, s, scale=n + 1)) for n, s in enumerate(steps)]
    frame = evaluate(indicator, wide(rows)).to_frame()
    assert verdicts(frame, key="period") == {
        2011: ("insufficient_data", "too_few_periods"),
        2012: ("met", "trend_holds"),
        2013: ("met", "trend_holds"),
        2014: ("not_met", "trend_broken"),
    }


def test_the_complaint_rate_must_fall() -> None:
    assert CATALOG["consumer_complaint_rate_trend"].threshold == CATALOG[
        "consumer_complaint_rate_trend"
    ].threshold.model_copy(update={"direction": "falling"})


# --------------------------------------------------------------------------- monitored


@pytest.mark.parametrize("indicator", of_kind("monitored"), ids=ids(of_kind("monitored")))
def test_monitored_reports_the_value_without_a_verdict(indicator: Indicator) -> None:
    inputs = inputs_for(indicator, Fraction(4), scale=5)
    frame = evaluate(indicator, wide([(SUBJECT, 2013, inputs)])).to_frame()
    assert verdicts(frame) == {SUBJECT: ("not_assessed", "monitored")}
    assert frame["value"].tolist() == pytest.approx([4.0])


# --------------------------------------------------------------------------- properties

REGIONS = ("思明区", "湖里区")
PERIODS = (2013, 2014, 2015)
EVERY_INDICATOR = st.sampled_from(list(CATALOG))


def multiple_of(unit: str) -> int:
    """What a value in ``unit`` must be a multiple of to be whole in every alternative."""
    return math.lcm(*ALTERNATIVE_UNITS.get(unit, {unit: 1}).values())


@st.composite
def inputs_of(draw: st.DrawFn, indicator: Indicator) -> Inputs:
    """One row of inputs, often on or next to the threshold, whole in every alternative unit."""
    formula = indicator.formula
    near = draw(st.booleans())
    if isinstance(formula, Value):
        if near:
            return nudge(
                indicator, inputs_for(indicator, target_of(indicator)), draw(st.integers(-1, 1))
            )
        return {formula.input: Fraction(draw(st.integers(0, 200)))}
    assert isinstance(formula, Ratio)
    if near:
        inputs = inputs_for(indicator, target_of(indicator), draw(st.integers(1, 1000)))
        inputs = nudge(indicator, inputs, draw(st.integers(-1, 1)))
    else:
        whole = draw(st.integers(1, 10**6))
        part = draw(st.integers(0, whole if formula.part_of_whole else 10**6))
        inputs = {formula.numerator: Fraction(part), formula.denominator: Fraction(whole)}
    inputs = {name: max(v, Fraction(0)) for name, v in inputs.items()}
    if formula.part_of_whole:
        top = inputs[formula.denominator]
        inputs[formula.numerator] = min(inputs[formula.numerator], top)
    units = indicator.input_units
    scale = math.lcm(
        *(
            multiple_of(units[name]) // math.gcd(multiple_of(units[name]), int(v))
            for name, v in inputs.items()
        )
    )
    return {name: v * scale for name, v in inputs.items()}


@st.composite
def panels(draw: st.DrawFn, indicator: Indicator) -> pd.DataFrame:
    rows = [(r, p, draw(inputs_of(indicator))) for r in REGIONS for p in PERIODS]
    return wide(rows)


class References(TypedDict, total=False):
    """The reference tables :func:`evaluate` takes besides the data."""

    benchmarks: pd.DataFrame
    peers: pd.DataFrame


def context(indicator: Indicator) -> References:
    """Benchmarks or peers for the kinds that need them, around the indicator's typical value."""
    kind = indicator.threshold.kind
    typical = float(target_of(indicator))
    if kind == "below_benchmark":
        return {
            "benchmarks": pd.DataFrame(
                {"period": PERIODS, "indicator_id": indicator.id, "value": typical}
            )
        }
    if kind == "top_among_peers":
        rows = [(p, f"城市{n}", typical * n / 5) for p in PERIODS for n in range(1, 10)]
        return {"peers": peers_frame(indicator, rows)}
    return {}


JUDGED_COLUMNS = ["indicator_id", "region", "period", "status", "reason", "rank", "group_size"]


def convertible(indicator: Indicator) -> bool:
    return any(unit in ALTERNATIVE_UNITS for unit in indicator.input_units.values())


@given(st.sampled_from([i for i in CATALOG if convertible(i)]), st.data())
def test_unit_invariance(indicator: Indicator, data: st.DataObject) -> None:
    base = data.draw(panels(indicator))
    units = {
        name: data.draw(st.sampled_from(sorted(ALTERNATIVE_UNITS[unit])), label=name)
        for name, unit in indicator.input_units.items()
        if unit in ALTERNATIVE_UNITS
    }
    rescaled = base.copy()
    for name, unit in units.items():
        factor = ALTERNATIVE_UNITS[indicator.input_units[name]][unit]
        assert (base[name] % factor == 0).all()
        rescaled[name] = base[name] // factor
    first = evaluate(indicator, base, **context(indicator)).to_frame()
    second = evaluate(indicator, rescaled, units=units, **context(indicator)).to_frame()
    pd.testing.assert_frame_equal(first[JUDGED_COLUMNS], second[JUDGED_COLUMNS])
    for column in ("value", "threshold", "numerator", "denominator"):
        np.testing.assert_allclose(first[column], second[column], rtol=1e-12)


@given(EVERY_INDICATOR, st.data(), st.randoms(use_true_random=False))
def test_pure_and_row_order_invariant(
    indicator: Indicator, data: st.DataObject, shuffle: random.Random
) -> None:
    frame = data.draw(panels(indicator))
    references = context(indicator)
    given_tables = [
        frame,
        *(t for t in (references.get("benchmarks"), references.get("peers")) if t is not None),
    ]
    copies = [table.copy(deep=True) for table in given_tables]
    first = evaluate(indicator, frame, **references).to_frame()
    for table, copy in zip(given_tables, copies, strict=True):
        pd.testing.assert_frame_equal(table, copy)
    order = list(range(len(frame)))
    shuffle.shuffle(order)
    shuffled = evaluate(indicator, frame.iloc[order], **references).to_frame()
    pd.testing.assert_frame_equal(shuffled, first)


def bystander(indicator: Indicator) -> tuple[Indicator, pd.DataFrame]:
    """Another indicator with its own input, met at every row."""
    other = CATALOG["school_quality_base_reception_days"]
    if other.id == indicator.id:
        other = CATALOG["quality_analysis_releases"]
    name = other.input_names[0]
    return other, pd.DataFrame({name: [float(target_of(other))] * (len(REGIONS) * len(PERIODS))})


@given(EVERY_INDICATOR, st.data())
def test_a_missing_input_is_insufficient_data_for_that_row_only(
    indicator: Indicator, data: st.DataObject
) -> None:
    frame = data.draw(panels(indicator))
    other, extra = bystander(indicator)
    frame = pd.concat([frame, extra], axis=1)
    name = data.draw(st.sampled_from(indicator.formula.inputs), label="input")
    references = context(indicator)
    if data.draw(st.booleans(), label="drop the column"):
        frame = frame.drop(columns=[name])
        missing = [True] * len(frame)
    else:
        row = data.draw(st.integers(0, len(frame) - 1), label="row")
        frame.loc[row, name] = np.nan
        missing = [n == row for n in range(len(frame))]
        # the result is sorted by region then period, as the frame already is
    result = evaluate([indicator, other], frame, **references).to_frame()
    mine = rows_of(result, indicator)
    assert mine["reason"].eq("missing_input").tolist() == missing
    assert mine.loc[missing, "status"].eq("insufficient_data").all()
    assert rows_of(result, other)["status"].eq("met").all()


@given(st.sampled_from(of_kind("at_least", "at_most", "below_benchmark")), st.data())
def test_improving_in_the_indicators_direction_never_loses_met(
    indicator: Indicator, data: st.DataObject
) -> None:
    inputs = data.draw(inputs_of(indicator))
    step = data.draw(st.integers(1, 10**6), label="step")
    formula = indicator.formula
    if isinstance(formula, Ratio) and indicator.direction == "lower":
        better = {**inputs, formula.denominator: inputs[formula.denominator] + step}
    else:
        better = nudge(indicator, inputs, step if indicator.direction == "higher" else -step)
        if isinstance(formula, Ratio) and formula.part_of_whole:
            whole = better[formula.denominator]
            better[formula.numerator] = min(better[formula.numerator], whole)
    assert (displayed(indicator, better) - displayed(indicator, inputs)) * (
        1 if indicator.direction == "higher" else -1
    ) >= 0
    frame = wide([(REGIONS[0], 2013, inputs), (REGIONS[1], 2013, better)])
    result = evaluate(indicator, frame, **context(indicator)).to_frame()
    assert result["status"].tolist() != ["met", "not_met"]


# --------------------------------------------------------------------------- catalog files


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_dumped_catalog_evaluates_like_the_builtin_one(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"c{suffix}"
    dump_catalog(CATALOG, path)
    loaded = load_catalog(path)
    assert loaded.ids == CATALOG.ids
    pd.testing.assert_frame_equal(
        evaluate(loaded, **sample_data()).to_frame(),
        evaluate(CATALOG, **sample_data()).to_frame(),
    )


# --------------------------------------------------------------------------- the sample


def test_the_sample_evaluates_deterministically() -> None:
    first = evaluate(catalog(), **sample_data())
    second = evaluate(catalog(), **sample_data())
    pd.testing.assert_frame_equal(first.to_frame(), second.to_frame())
    text = first.to_json()
    assert text == second.to_json()
    assert SUBJECT in text
    assert re.search(r"[\u4e00-\u9fff]", text)
    assert "\\u" not in text
    assert len(first) == len(CATALOG) * len(sample_data()["data"])
