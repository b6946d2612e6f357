"""The engine's row-by-row functions for a few rows give their column versions' answers.

Each function the small-input path (``_small.is_small``) takes one row at a time is checked
against the same call through the batch (numpy) path on generated rows: values with ties,
near-ties within a few ulps, NaN and infinities, regions in runs, periods with gaps.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import xmqc_kpi as kpi
from tests.batch_path import batch_path
from xmqc_kpi.engine import _any_part_near_whole
from xmqc_kpi.judging import (
    ABOVE,
    AT_LEAST,
    AT_MOST,
    BELOW,
    EQUAL,
    NEAR,
    References,
    Subject,
    Verdict,
    decide,
    decide_rows,
)
from xmqc_kpi.plausibility import _fractional
from xmqc_kpi.progress import _standing, _standing_rows
from xmqc_kpi.results import Reason
from xmqc_kpi.thresholds import TopAmongPeers, Trend

CATALOG = kpi.catalog()
#: Values that tie, nearly tie (within NEAR, exactly apart) and cannot be compared.
VALUES = st.sampled_from(
    [0.0, -0.0, 0.3, 0.1 + 0.2, 1.0, 1.0 + 1e-12, 2.0, 96.0, 96.00000000001, 100.0, 1e308]
)
VALUES |= st.sampled_from([math.nan, math.inf, -math.inf])
COMPARATORS = st.sampled_from([AT_LEAST, ABOVE, AT_MOST, BELOW, EQUAL])


def exact_of(values: list[float]) -> Any:
    """Each row's exact value: the decimal its float prints as (``None``: not finite)."""
    return lambda row: Fraction(repr(values[row])) if math.isfinite(values[row]) else None


def same(left: npt.NDArray[Any], right: npt.NDArray[Any]) -> bool:
    """Equal dtype and elements (NaN equal to NaN)."""
    if left.dtype != right.dtype or left.shape != right.shape:
        return False
    if left.dtype == object:
        return bool(left.tolist() == right.tolist())
    return left.tobytes() == right.tobytes()


def same_verdict(small: Verdict, batch: Verdict) -> None:
    for name in ("reason", "compared_with", "equal", "rank", "group_size", "cutoff_rank"):
        left, right = getattr(small, name), getattr(batch, name)
        assert (left is None) == (right is None), name
        if left is not None:
            assert same(np.asarray(left), np.asarray(right)), name
    for name in ("series_start", "cited_row"):
        left, right = getattr(small, name), getattr(batch, name)
        assert (left is None) == (right is None), name
        if left is not None:
            assert same(left, right), name


@st.composite
def panels(draw: st.DrawFn, max_rows: int = 8) -> dict[str, Any]:
    """Rows sorted by region then period: values, regions in runs, periods with gaps."""
    runs = draw(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=3))
    regions, ordinals = [], []
    for number, length in enumerate(runs):
        period = draw(st.integers(min_value=40, max_value=44))
        for _ in range(length):
            regions.append(f"r{number}")
            ordinals.append(period)
            period += draw(st.sampled_from([1, 1, 1, 2]))
    rows = len(regions)
    values = draw(st.lists(VALUES, min_size=rows, max_size=rows))
    return {"region": regions, "ordinal": ordinals, "value": values}


def subject_of(indicator: kpi.Indicator, panel: dict[str, Any], **references: Any) -> Subject:
    rows = len(panel["value"])
    value = np.array(panel["value"], dtype=np.float64)
    return Subject(
        indicator=indicator,
        value=value,
        exact=exact_of(panel["value"]),
        known=~np.isnan(value),
        numerator=np.full(rows, np.nan),
        denominator=np.full(rows, np.nan),
        direct=np.zeros(rows, dtype=bool),
        region=np.array(panel["region"], dtype=object),
        ordinal=np.array(panel["ordinal"], dtype=np.int64),
        equal_counts=lambda: np.zeros(rows, dtype=bool),
        references=references,
        freq="Y-DEC",
    )


# --------------------------------------------------------------------------- decide


@settings(max_examples=300, deadline=None)
@given(
    pairs=st.lists(st.tuples(VALUES, VALUES, st.booleans()), min_size=0, max_size=6),
    comparator=COMPARATORS,
    scalar=st.booleans(),
    settle=st.booleans(),
)
def test_decide_rows_equals_the_column_decision(
    pairs: list[tuple[float, float, bool]], comparator: Any, scalar: bool, settle: bool
) -> None:
    values = [left for left, _, _ in pairs]
    targets = [right for _, right, _ in pairs]
    if scalar and pairs:
        targets = [targets[0]] * len(pairs)
    value = np.array(values, dtype=np.float64)
    target: Any = targets[0] if scalar and pairs else np.array(targets, dtype=np.float64)
    settled = np.array([flag for _, _, flag in pairs], dtype=bool) if settle else None
    arguments = (value, target, comparator, exact_of(values), exact_of(targets), settled)
    with batch_path():
        batch = decide(*arguments)
    assert same(decide_rows(*arguments), batch)
    assert same(decide(*arguments), batch)  # the dispatch takes the rows for a few rows


def test_decide_rows_settles_near_ties_exactly() -> None:
    value = np.array([0.1 + 0.2, 96.00000000001, 1.0])
    target = np.array([0.3, 96.0, 1.0 + 2 * NEAR])
    exact = exact_of([0.3, 96.00000000001, 1.0])
    decided = decide_rows(value, target, AT_LEAST, exact, exact_of([0.3, 96.0, 1.0 + 2 * NEAR]))
    assert decided.tolist() == [True, True, False]


# --------------------------------------------------------------------------- trends

TRENDS = st.sampled_from(
    [
        Trend(direction="rising"),
        Trend(direction="falling"),
        Trend(direction="rising", window=2),
        Trend(direction="falling", window=3),
        Trend(direction="rising", reading="year_on_year"),
        Trend(direction="rising", ceiling=100),
        Trend(direction="rising", window=2, ceiling=100),
    ]
)


@settings(max_examples=300, deadline=None)
@given(panel=panels(), trend=TRENDS)
def test_trend_judged_row_by_row_equals_the_columns(panel: dict[str, Any], trend: Trend) -> None:
    indicator = CATALOG["market_metrology_coverage_trend"]
    subject = subject_of(indicator, panel)
    with batch_path():
        batch = trend.judge(subject)
    small = trend.judge(subject)
    same_verdict(small, batch)


def test_trend_row_by_row_points_at_the_step_that_broke_it() -> None:
    panel = {"region": ["a"] * 4, "ordinal": [43, 44, 45, 46], "value": [1.0, 2.0, 2.0, 3.0]}
    verdict = Trend(direction="rising").judge(
        subject_of(CATALOG["service_satisfaction_trend"], panel)
    )
    assert verdict.reason.tolist() == [
        Reason.TOO_FEW_PERIODS.value,
        Reason.TREND_HOLDS.value,
        Reason.TREND_BROKEN.value,
        Reason.TREND_BROKEN.value,
    ]
    assert verdict.cited_row is not None
    assert verdict.cited_row.tolist() == [-1, -1, 2, 2]


# --------------------------------------------------------------------------- peers


@st.composite
def peer_tables(draw: st.DrawFn, panel: dict[str, Any]) -> References:
    """Peers of some of the panel's periods, some named like its regions (the subject)."""
    names = st.sampled_from([*sorted(set(panel["region"])), "p1", "p2", 7])
    periods = sorted(set(panel["ordinal"]))
    ordinals = st.sampled_from([*periods[: draw(st.integers(1, len(periods)))], 39])
    finite = st.one_of(VALUES.filter(math.isfinite), st.integers(0, 9).map(float))
    entries = draw(st.lists(st.tuples(ordinals, names, finite), min_size=2, max_size=12))
    rows = pd.DataFrame(
        {
            "ordinal": [ordinal for ordinal, _, _ in entries],
            "peer": pd.Series([name for _, name, _ in entries], dtype=object),
            "value": [value for _, _, value in entries],
            "exact": pd.Series([Fraction(repr(v)) for _, _, v in entries], dtype=object),
        }
    )
    return References(rows=rows, position=np.full(len(panel["value"]), -1, dtype=np.intp))


RANKINGS = st.sampled_from(
    [
        TopAmongPeers(peer_group="g"),
        TopAmongPeers(peer_group="g", top_n=2),
        TopAmongPeers(peer_group="g", top_fraction=Fraction(1, 2)),
        TopAmongPeers(peer_group="g", top_fraction=1),
    ]
)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), kind=RANKINGS, lower=st.booleans())
def test_peers_ranked_row_by_row_equal_the_pairs(
    data: st.DataObject, kind: TopAmongPeers, lower: bool
) -> None:
    panel = data.draw(panels())
    peers = data.draw(peer_tables(panel))
    indicator = CATALOG["quality_award_enterprises"]
    if lower:
        indicator = indicator.model_copy(update={"direction": "lower"})
    subject = subject_of(indicator, panel, peers=peers)
    with batch_path():
        batch = kind.judge(subject)
    same_verdict(kind.judge(subject), batch)


# --------------------------------------------------------------------------- progress

REASONS = st.sampled_from([reason.value for reason in Reason])


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    target=st.one_of(st.none(), st.sampled_from([94.0, 0.0, 1e308, 96.00000000001])),
)
def test_standing_row_by_row_equals_the_columns(data: st.DataObject, target: float | None) -> None:
    panel = data.draw(panels())
    rows = len(panel["value"])
    subject = subject_of(CATALOG["national_sampling_pass_rate"], panel)
    known = np.array(data.draw(st.lists(st.booleans(), min_size=rows, max_size=rows)))
    subject = Subject(**{**subject.__dict__, "known": known})
    reason = np.array(data.draw(st.lists(REASONS, min_size=rows, max_size=rows)), dtype=object)
    left = np.array(data.draw(st.lists(st.integers(-12, 36), min_size=rows, max_size=rows)))
    with np.errstate(all="ignore"):
        batch = _standing(subject, reason, left, target)
    for small, column in zip(_standing_rows(subject, reason, left, target), batch, strict=True):
        assert same(small, column)


# --------------------------------------------------------------------------- plausibility


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.one_of(VALUES, st.floats(), st.just(2.5)), max_size=6))
def test_fractional_counts_row_by_row_equal_the_columns(values: list[float]) -> None:
    array = np.array(values, dtype=np.float64)
    with batch_path():
        batch = _fractional(array)
    assert same(_fractional(array), batch)


@settings(max_examples=300, deadline=None)
@given(pairs=st.lists(st.tuples(VALUES, VALUES), max_size=6))
def test_part_near_whole_in_python_floats_equals_numpy(pairs: list[tuple[float, float]]) -> None:
    part = np.array([p for p, _ in pairs], dtype=np.float64)
    whole = np.array([w for _, w in pairs], dtype=np.float64)
    with np.errstate(all="ignore"):
        larger = part > whole * (1 + NEAR)
        close = ~larger & (part >= whole * (1 - NEAR)) & (whole > 0)
    assert _any_part_near_whole(part, whole) == bool((larger | close).any())
