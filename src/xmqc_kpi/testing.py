"""Hypothesis strategies and assertion helpers for property-testing a catalog of indicators.

A city that writes its own catalog can property-test it in a few lines::

    from hypothesis import given
    from xmqc_kpi.testing import boundary_cases

    @given(boundary_cases(my_indicator))
    def test_boundaries(case):
        case.check()  # the engine's verdict is the exact one

The module needs `hypothesis <https://hypothesis.works>`_, an optional extra:
``pip install 'xmqc_kpi[testing]'``.

What it offers:

* :func:`input_frames` — valid wide frames (``region``, ``period``, one column per input
  variable) for one indicator, a list or a catalog, with values often placed exactly on, one
  step above or one step below each threshold;
* :func:`boundary_cases` — one judged row per example with its exactly known expected status;
* :func:`unit_variants` — the same quantities rescaled into other convertible units, with the
  ``units=`` mapping that declares them;
* :func:`reference_tables` — benchmarks and peers tables placed around a frame's values;
* :func:`exact_value`, :func:`expected_status` and :func:`expected_statuses` — an exact
  reference, in :class:`fractions.Fraction`, written independently of the engine;
* :func:`assert_evaluations_equal` — compares two evaluations assessment by assessment.

**Exactness.** Every number these strategies put into a frame is exact as a float: counts are
integers below 10**12 (far below 2**53), other values are decimals of at most 15 significant
digits, which a float reproduces when printed — the form in which the engine reads a float
(0.94 is 94/100). An expected status is therefore the exact comparison of the numbers in the
frame, not an approximation of it.

**Steps.** "One step" above or below a target is one unit of the variable that moves: one
batch (the numerator, or one more or one fewer in the denominator) for a ratio of counts, one
day for a value in days, 0.01 for a value in other units (finer when the target has more
decimals). A variable whose default unit converts into another common unit by a factor that is
not a decimal (1 亩 = 1/15 hectare) moves in whole multiples of what keeps it a decimal in every
such unit (3 亩 = 0.2 hectare), so that :func:`unit_variants` can always rescale it exactly.

Examples
--------
>>> from fractions import Fraction
>>> import xmqc_kpi as kpi
>>> rate = kpi.catalog()["national_sampling_pass_rate"]  # ≥ 94 %
>>> expected_status(rate, {"national_sampled_batches": 50, "national_passed_batches": 47})
<Status.MET: 'met'>
>>> expected_status(rate, {"national_sampled_batches": 50, "national_passed_batches": 46})
<Status.NOT_MET: 'not_met'>
>>> exact_value(rate, {"national_sampled_batches": 50, "national_passed_batches": 47})
Fraction(94, 1)
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypedDict, cast

import numpy as np
import pandas as pd

try:
    from hypothesis import strategies as st
    from hypothesis.strategies import SearchStrategy
except ImportError as _missing:  # pragma: no cover - exercised by a test that hides hypothesis
    raise ImportError(
        "xmqc_kpi.testing needs hypothesis, which is not installed: pip install 'xmqc_kpi[testing]'"
    ) from _missing

from .engine import evaluate
from .formulas import Ratio, Value
from .indicator import Indicator
from .results import Evaluation, Language, Status
from .template import accepted_units
from .units import exact_factor, normalise_unit

__all__ = [
    "DEFAULT_PERIODS",
    "DEFAULT_REGIONS",
    "PLACEMENTS",
    "BoundaryCase",
    "Placement",
    "References",
    "assert_evaluations_equal",
    "boundary_cases",
    "exact_value",
    "expected_status",
    "expected_statuses",
    "input_frames",
    "reference_tables",
    "unit_variants",
]

#: Where a generated value lies relative to its target (threshold, benchmark, cut-off member's
#: value or the previous period's value): exactly on it, one step above, one step below, or
#: anywhere (no relation to the target; ratios may then have a zero denominator).
Placement = Literal["on", "above", "below", "anywhere"]

#: Every placement, in shrinking order ("on" is the simplest example).
PLACEMENTS: tuple[Placement, ...] = ("on", "below", "above", "anywhere")

#: Regions of the frames :func:`input_frames` generates unless told otherwise.
DEFAULT_REGIONS: tuple[str, ...] = ("思明区", "湖里区")
#: Periods of the frames :func:`input_frames` generates unless told otherwise.
DEFAULT_PERIODS: tuple[int, ...] = (2013, 2014)

#: The subject region of :func:`boundary_cases`.
_SUBJECT = "厦门市"
#: Largest count the strategies write (exact as a float, with room for unit factors).
_LIMIT = 10**12
#: Largest display value drawn "anywhere" (values are at most 10**6 display units).
_LARGEST = 10**6

Inputs = dict[str, Fraction]
Number = int | float | str | Decimal | Fraction


class References(TypedDict, total=False):
    """The reference tables :func:`xmqc_kpi.evaluate` takes besides the data (``**references``)."""

    benchmarks: pd.DataFrame
    peers: pd.DataFrame


# --------------------------------------------------------------------------- exact reference


def _exact(raw: object) -> Fraction | None:
    """A cell as the exact number it stands for; ``None`` when it is missing.

    Floats are read as the decimal they print as (``0.94`` is 94/100), as a person reads them.
    """
    if raw is None or raw is pd.NA:
        return None
    if isinstance(raw, Fraction):
        return raw
    if isinstance(raw, bool | np.bool_):
        raise TypeError(f"not a number: {raw!r}")
    if isinstance(raw, int | np.integer):
        return Fraction(int(raw))
    if isinstance(raw, Decimal):
        return None if raw.is_nan() else Fraction(raw)
    if isinstance(raw, str):
        return Fraction(raw)
    number = float(cast(float, raw))
    if math.isnan(number):
        return None
    return Fraction(repr(number))


def _cell(row: Mapping[str, object] | pd.Series, name: str) -> Fraction | None:
    return _exact(row.get(name)) if name in row else None


def _scale(indicator: Indicator) -> Fraction:
    """The exact factor from the formula's natural unit to the indicator's display unit."""
    natural = indicator.formula.natural_unit(indicator.input_units)
    return exact_factor(natural, indicator.unit)


def _display(indicator: Indicator, values: Mapping[str, Fraction | None]) -> Fraction | None:
    """The exact display value of inputs given in their default units (``None``: undefined)."""
    formula = indicator.formula
    if isinstance(formula, Value):
        value = values.get(formula.input)
        return None if value is None else value * _scale(indicator)
    numerator, denominator = values.get(formula.numerator), values.get(formula.denominator)
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator * _scale(indicator)


def exact_value(
    indicator: Indicator,
    row: Mapping[str, object] | pd.Series,
    *,
    units: Mapping[str, str] | None = None,
) -> Fraction | None:
    """The exact value of one row in the indicator's display unit.

    Parameters
    ----------
    indicator
        The indicator.
    row
        Input variable → number (a dict, or a row of a wide frame). Floats are read as the
        decimals they print as. A number under the indicator's id is a value reported directly,
        used when an input is missing, as the engine does.
    units
        Variable → unit the row's number is given in (default: the declared unit).

    Returns
    -------
    fractions.Fraction or None
        ``None`` when an input is missing or the denominator is zero.

    Examples
    --------
    >>> import xmqc_kpi as kpi
    >>> funding = kpi.catalog()["quality_funding_ratio"]  # ‰ of the budget revenue
    >>> exact_value(funding, {"quality_funding": 11, "general_budget_revenue": "1.1"},
    ...             units={"quality_funding": "万元", "general_budget_revenue": "亿元"})
    Fraction(1, 1)
    """
    given = dict(units or {})
    defaults = indicator.input_units
    values: dict[str, Fraction | None] = {}
    for name in indicator.formula.inputs:
        raw = _cell(row, name)
        unit = given.get(name, defaults[name])
        values[name] = None if raw is None else raw * exact_factor(unit, defaults[name])
    if any(value is None for value in values.values()):
        direct = _cell(row, indicator.id)
        if direct is None:
            return None
        return direct * exact_factor(given.get(indicator.id, indicator.unit), indicator.unit)
    return _display(indicator, values)


def _bound_target(indicator: Indicator) -> Fraction | None:
    """The fixed number the indicator's kind compares with, if it has one."""
    return indicator.threshold.target(indicator.unit)


def _needs(indicator: Indicator, table: str) -> bool:
    return table in type(indicator.threshold).needs


def _over_series(indicator: Indicator) -> bool:
    return type(indicator.threshold).over_series


def expected_status(
    indicator: Indicator,
    row: Mapping[str, object] | pd.Series,
    *,
    units: Mapping[str, str] | None = None,
    benchmark: Number | None = None,
    peers: Iterable[Number | None] | None = None,
    previous: Number | None = None,
) -> Status:
    """The status the plan's rules give one row, computed exactly with fractions.

    A reference to compare the engine with, written independently of it: the row's exact
    value (:func:`exact_value`) is compared with the threshold's exact target.

    Parameters
    ----------
    indicator
        The indicator.
    row
        Input variable → number, as for :func:`exact_value`.
    units
        Variable → unit of the row's numbers (default: the declared units).
    benchmark
        For :class:`~xmqc_kpi.BelowBenchmark`: the benchmark of the row's period, in the display
        unit. Without one the status is insufficient data, never met.
    peers
        For :class:`~xmqc_kpi.TopAmongPeers`: the values of the *other* members of the peer
        group (the subject excluded), in the display unit. Without any the status is
        insufficient data. The rank is one plus the number of peers strictly better.
    previous
        For :class:`~xmqc_kpi.Trend`: the value of the period just before, in the display unit.
        The status is that of a window of these two consecutive periods; without a previous
        value it is insufficient data (too few periods).

    Returns
    -------
    Status
        ``insufficient_data`` when an input is missing or the denominator is zero,
        ``not_assessed`` for a monitored indicator, otherwise ``met`` or ``not_met``.

    Examples
    --------
    >>> import xmqc_kpi as kpi
    >>> ports = kpi.catalog()["port_who_core_capacity_rate"]  # 达到100%: all of them
    >>> expected_status(ports, {"class1_ports": 4, "class1_ports_certified": 4}).value
    'met'
    >>> expected_status(ports, {"class1_ports": 4, "class1_ports_certified": 3}).value
    'not_met'
    >>> deaths = kpi.catalog()["special_equipment_death_rate"]  # < national average, strictly
    >>> row = {"special_equipment_deaths": 9, "special_equipment_units": 250_000}  # 0.36
    >>> expected_status(deaths, row, benchmark="0.36").value
    'not_met'
    >>> expected_status(deaths, row, benchmark="0.37").value, expected_status(deaths, row).value
    ('met', 'insufficient_data')
    """
    value = exact_value(indicator, row, units=units)
    if value is None:
        return Status.INSUFFICIENT_DATA
    context = {
        "target": _bound_target(indicator),
        "benchmark": _exact(benchmark),
        "peers": [_exact(p) for p in peers or ()],
        "previous": _exact(previous),
        "direction": indicator.direction,
    }
    return indicator.threshold.expected(value, context)


def expected_statuses(
    indicators: Indicator | Iterable[Indicator],
    data: pd.DataFrame,
    *,
    benchmarks: pd.DataFrame | None = None,
    peers: pd.DataFrame | None = None,
    units: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The exact expected status of every indicator at every row of a wide frame.

    :func:`expected_status` applied row by row, with each row's benchmark and peers looked up
    in the tables (display units; no ``unit`` column) and trends judged over the region's
    periods up to the row, within the trend's window: the first period, a missing value or a
    gap (periods must be integers, e.g. years) is insufficient data.

    Returns
    -------
    pandas.DataFrame
        ``indicator_id``, ``region``, ``period``, ``status`` (a :class:`~xmqc_kpi.Status`
        value), in the engine's order: by indicator as given, then region and period.

    Examples
    --------
    >>> import pandas as pd
    >>> import xmqc_kpi as kpi
    >>> trend = kpi.catalog()["service_satisfaction_trend"]
    >>> data = pd.DataFrame({"region": "厦门市", "period": [2013, 2014, 2015],
    ...                      "service_satisfaction_index": [80.0, 81.5, 81.5]})
    >>> expected_statuses(trend, data)["status"].tolist()
    ['insufficient_data', 'met', 'not_met']
    """
    chosen = _as_indicators(indicators)
    frame = data.reset_index(drop=True)
    region = frame["region"] if "region" in frame.columns else pd.Series([None] * len(frame))
    records: list[dict[str, object]] = [
        {str(name): cell for name, cell in row.items()}
        | {"region": region.iloc[position], "period": frame["period"].iloc[position]}
        for position, row in enumerate(frame.to_dict("records"))
    ]
    parts: list[dict[str, object]] = []
    for indicator in chosen:
        order = sorted(
            range(len(records)),
            key=lambda i: (str(records[i]["region"] or ""), records[i]["period"]),
        )
        values = [exact_value(indicator, records[i], units=units) for i in order]
        for place, i in enumerate(order):
            record = records[i]
            if _over_series(indicator):
                status = _series_status(indicator, [records[j] for j in order], values, place)
            else:
                status = expected_status(
                    indicator,
                    record,
                    units=units,
                    benchmark=_lookup_benchmark(benchmarks, indicator, record["period"]),
                    peers=_lookup_peers(peers, indicator, record["period"], record["region"]),
                )
            parts.append(
                {
                    "indicator_id": indicator.id,
                    "region": record["region"],
                    "period": record["period"],
                    "status": status.value,
                }
            )
    return pd.DataFrame(parts, columns=["indicator_id", "region", "period", "status"])


def _lookup_benchmark(
    table: pd.DataFrame | None, indicator: Indicator, period: object
) -> Fraction | None:
    if table is None:
        return None
    rows = table.loc[(table["indicator_id"] == indicator.id) & (table["period"] == period)]
    return None if rows.empty else _exact(rows["value"].iloc[0])


def _lookup_peers(
    table: pd.DataFrame | None, indicator: Indicator, period: object, region: object
) -> list[Fraction | None]:
    if table is None:
        return []
    rows = table.loc[
        (table["indicator_id"] == indicator.id)
        & (table["period"] == period)
        & (table["peer"].astype(str) != str(region))
    ]
    return [_exact(v) for v in rows["value"]]


def _series_status(
    indicator: Indicator,
    records: Sequence[Mapping[str, object]],
    values: Sequence[Fraction | None],
    place: int,
) -> Status:
    """A series kind at ``records[place]``, given its region's periods up to it (sorted)."""
    value = values[place]
    if value is None:
        return Status.INSUFFICIENT_DATA
    region = records[place]["region"]
    start = place
    while start > 0 and records[start - 1]["region"] == region:
        start -= 1
    series: list[tuple[int, Fraction | None]] = []
    for step in range(start, place + 1):
        period = records[step]["period"]
        if not isinstance(period, int | np.integer):
            raise ValueError("expected_statuses judges series over integer periods (years) only")
        series.append((int(period), values[step]))
    context = {"series": series, "direction": indicator.direction}
    return indicator.threshold.expected(value, context)


# --------------------------------------------------------------------------- placing values


def _float_exact(number: Fraction) -> bool:
    """Whether a float holds ``number`` in the form the engine reads it (its printed decimal).

    >>> _float_exact(Fraction(1, 4)), _float_exact(Fraction(1, 3)), _float_exact(Fraction(10**400))
    (True, False, False)
    """
    try:
        as_float = float(number)
    except OverflowError:  # beyond the float range: no float holds it
        return False
    return math.isfinite(as_float) and Fraction(repr(as_float)) == number


def _odd_part(denominator: int) -> int:
    """``denominator`` without its factors 2 and 5 (what keeps a quotient from being decimal)."""
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator


def _grain(unit: str) -> int:
    """The smallest whole step in ``unit`` that is a decimal in every accepted unit of it."""
    return math.lcm(
        1, *(_odd_part(exact_factor(unit, other).denominator) for other in accepted_units(unit))
    )


def _value_step(unit: str) -> Fraction:
    """One step of a value reported directly: 1 for counts and days, else 0.01."""
    return Fraction(1) if normalise_unit(unit) in {"count", "day"} else Fraction(1, 100)


def _place(
    draw: st.DrawFn, indicator: Indicator, target: Fraction, placement: Placement
) -> Inputs | None:
    """Inputs whose display value is on, one step above or one step below ``target``."""
    formula = indicator.formula
    units = indicator.input_units
    wanted = target / _scale(indicator)  # the plain value of the formula
    if isinstance(formula, Value):
        step = _value_step(units[formula.input])
        for _ in range(12):
            if (wanted / step).denominator == 1:
                break
            step /= 10
        moved = {"on": wanted, "above": wanted + step, "below": wanted - step}[placement]
        if (wanted / step).denominator != 1 or moved < 0 or not _float_exact(moved):
            return None
        return {formula.input: moved}
    assert isinstance(formula, Ratio)
    whole = formula.part_of_whole
    if wanted < 0 or (whole and wanted > 1):
        return None
    p, q = wanted.numerator, wanted.denominator
    g_num, g_den = _grain(units[formula.numerator]), _grain(units[formula.denominator])
    unit_step = math.lcm(g_num // math.gcd(g_num, p), g_den // math.gcd(g_den, q))
    lowest = 1
    if placement == "above" and whole and p < q:  # room for one more in the numerator
        lowest = -(-g_num // ((q - p) * unit_step))
    highest = max(lowest, _LIMIT // (max(p, q) * unit_step))
    multiple = unit_step * draw(st.integers(lowest, highest), label="multiple")
    num, den = p * multiple, q * multiple
    if max(num, den) + max(g_num, g_den) >= 2**53:
        return None
    if placement == "on":
        return {formula.numerator: Fraction(num), formula.denominator: Fraction(den)}
    options: list[tuple[int, int]] = []
    if placement == "below":
        if num >= g_num:
            options.append((num - g_num, den))
        if num > 0:
            options.append((num, den + g_den))
    else:
        if not whole or num + g_num <= den:
            options.append((num + g_num, den))
        if num > 0 and den > g_den and (not whole or num <= den - g_den):
            options.append((num, den - g_den))
    if not options:
        return None
    num, den = draw(st.sampled_from(options), label="moved")
    return {formula.numerator: Fraction(num), formula.denominator: Fraction(den)}


def _anywhere(
    draw: st.DrawFn, indicator: Indicator, fixed: Mapping[str, Fraction], *, known: bool = False
) -> Inputs:
    """Inputs not in ``fixed`` anywhere in their range (``known``: never a zero denominator)."""
    formula = indicator.formula
    units = indicator.input_units
    out: Inputs = {}
    if isinstance(formula, Value):
        if formula.input not in fixed:
            step = _value_step(units[formula.input])
            out[formula.input] = step * draw(st.integers(0, 10**6), label=formula.input)
    else:
        g_num, g_den = _grain(units[formula.numerator]), _grain(units[formula.denominator])
        num = fixed.get(formula.numerator)
        den = fixed.get(formula.denominator)
        if den is None:
            smallest = 1 if known else 0
            if num is not None and formula.part_of_whole:
                smallest = max(smallest, math.ceil(num / g_den))
            den = g_den * Fraction(draw(st.integers(smallest, max(smallest, 10**9 // g_den))))
            out[formula.denominator] = den
        if num is None:
            if formula.part_of_whole:
                top = int(den) // g_num
            else:  # a display value of at most 10**6 (counts of 10**9 over 1 are no data)
                largest = max(den, Fraction(1)) * _LARGEST / _scale(indicator)
                top = min(10**9, math.floor(largest)) // g_num
            out[formula.numerator] = g_num * Fraction(draw(st.integers(0, top)))
    for item in indicator.inputs:  # declared inputs the formula does not use
        if item.name not in fixed and item.name not in out:
            out[item.name] = _grain(item.unit) * Fraction(draw(st.integers(0, 10**6)))
    return out


def _draw_inputs(
    draw: st.DrawFn,
    indicator: Indicator,
    fixed: Mapping[str, Fraction],
    target: Fraction | None,
    placements: Sequence[Placement],
    *,
    known: bool = False,
) -> tuple[Placement, Inputs]:
    """Draw a placement and the inputs that realise it (anywhere when it cannot be realised)."""
    if target is not None and not any(name in fixed for name in indicator.input_names):
        placement = draw(st.sampled_from(placements), label="placement")
        if placement != "anywhere":
            placed = _place(draw, indicator, target, placement)
            if placed is not None:
                return placement, {**_anywhere(draw, indicator, placed), **placed}
    return "anywhere", _anywhere(draw, indicator, fixed, known=known)


def _draw_target(draw: st.DrawFn, indicator: Indicator) -> Fraction:
    """A target for kinds whose comparison value is data (benchmark, cut-off member's value)."""
    formula = indicator.formula
    scale = _scale(indicator)
    if isinstance(formula, Value):
        step = _value_step(indicator.input_units[formula.input])
        return scale * step * draw(st.integers(1, 10**4), label="target")
    if formula.part_of_whole:
        return scale * Fraction(draw(st.integers(0, 10**4), label="target"), 10**4)
    return Fraction(draw(st.integers(1, 10**4), label="target"), 100)


def _nearby(number: Fraction) -> Fraction:
    """One step in the last decimal place of ``number`` (at least the second place)."""
    places = 2
    while (number * 10**places).denominator != 1 and places < 15:
        places += 1
    return Fraction(1, 10**places)


# --------------------------------------------------------------------------- frames


def _as_indicators(indicators: Indicator | Iterable[Indicator]) -> tuple[Indicator, ...]:
    if isinstance(indicators, Indicator):
        return (indicators,)
    if isinstance(indicators, str | bytes) or not isinstance(indicators, Iterable):
        raise TypeError(
            "indicators must be an Indicator, an iterable of them or a catalog, "
            f"not {type(indicators).__name__}"
        )
    chosen = tuple(indicators)
    wrong = sorted({type(item).__name__ for item in chosen if not isinstance(item, Indicator)})
    if wrong:
        raise TypeError(f"indicators must be Indicator objects, not {wrong}")
    if not chosen:
        raise ValueError("no indicators given")
    ids = [item.id for item in chosen]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"indicators given twice: {repeated}")
    return chosen


def _labels(values: Sequence[Any], name: str) -> tuple[Any, ...]:
    labels = (values,) if isinstance(values, str | int) else tuple(values)
    if not labels:
        raise ValueError(f"{name} is empty: give at least one")
    if len(set(labels)) != len(labels):
        raise ValueError(f"{name} has repeated labels: {list(labels)}")
    return labels


def _variables(chosen: Sequence[Indicator]) -> dict[str, str]:
    """Every input variable of the indicators, in order of first use, with its default unit."""
    variables: dict[str, str] = {}
    for indicator in chosen:
        for item in indicator.inputs:
            variables.setdefault(item.name, item.unit)
    return variables


def _column(values: Sequence[Fraction | None]) -> list[int] | list[float]:
    """A frame column: integers when every value is a whole number, else floats (NaN: None)."""
    for value in values:
        assert value is None or _float_exact(value), f"{value} is not exact as a float"
    if all(value is not None and value.denominator == 1 for value in values):
        return [int(cast(Fraction, value)) for value in values]
    return [float("nan") if value is None else float(value) for value in values]


def _frame(
    rows: Sequence[tuple[object, object, Mapping[str, Fraction | None]]], names: Iterable[str]
) -> pd.DataFrame:
    columns: dict[str, Any] = {
        "region": [region for region, _, _ in rows],
        "period": [period for _, period, _ in rows],
    }
    for name in names:
        columns[name] = _column([values.get(name) for _, _, values in rows])
    return pd.DataFrame(columns)


def input_frames(
    indicators: Indicator | Iterable[Indicator],
    *,
    regions: Sequence[str] = DEFAULT_REGIONS,
    periods: Sequence[int | str] = DEFAULT_PERIODS,
    boundary: bool = True,
    missing: bool = False,
) -> SearchStrategy[pd.DataFrame]:
    """Valid wide input frames for one indicator, several, or a catalog.

    One row per region and period (every combination, sorted by region then period), columns
    ``region``, ``period`` and every input variable of the indicators, in order of first use.
    Counts are whole numbers, non-negative, with the numerator at most the denominator where
    the ratio is part of a whole; a ratio's denominator may be zero (insufficient data).

    With ``boundary`` each row of each indicator is drawn on, one step above or one step below
    its target, or anywhere: the threshold for the bound kinds, the previous period's value for
    a trend (a flat, rising or falling step). Benchmarks and peers are data, drawn around a
    frame's values by :func:`reference_tables`. A variable shared by several indicators gets
    one value, placed by the first indicator that uses it.

    Parameters
    ----------
    indicators
        An :class:`~xmqc_kpi.Indicator`, an iterable of them or a catalog.
    regions, periods
        The rows' keys. Periods are taken as consecutive, in the order given.
    boundary
        Place values around the targets; ``False``: anywhere.
    missing
        Leave some cells empty (NaN), which gives insufficient data.

    Returns
    -------
    hypothesis.strategies.SearchStrategy[pandas.DataFrame]
        Frames to pass to :func:`xmqc_kpi.evaluate` as they are.

    Raises
    ------
    TypeError, ValueError
        Straight away, for something that is not an indicator, no indicators, repeated ids, or
        empty or repeated regions or periods.

    Examples
    --------
    >>> from hypothesis import find
    >>> import xmqc_kpi as kpi
    >>> rate = kpi.catalog()["municipal_sampling_pass_rate"]  # ≥ 96 %
    >>> frame = find(input_frames(rate, regions=["思明区"], periods=[2013]),
    ...              lambda f: f.loc[0, "municipal_passed_batches"] > 0)
    >>> frame.to_dict("records")
    [{'region': '思明区', 'period': 2013, 'municipal_sampled_batches': 25, 'municipal_passed_batches': 24}]
    """  # noqa: E501 - a doctest's expected output is one line
    chosen = _as_indicators(indicators)
    keys = (_labels(regions, "regions"), _labels(periods, "periods"))
    placements: tuple[Placement, ...] = PLACEMENTS if boundary else ("anywhere",)
    return _frames(chosen, keys, placements, missing)


@st.composite
def _frames(
    draw: st.DrawFn,
    chosen: tuple[Indicator, ...],
    keys: tuple[tuple[str, ...], tuple[int | str, ...]],
    placements: tuple[Placement, ...],
    missing: bool,
) -> pd.DataFrame:
    regions, periods = keys
    rows: list[tuple[object, object, dict[str, Fraction | None]]] = []
    for region in regions:
        previous: dict[str, Fraction | None] = {}
        for period in periods:
            values: dict[str, Fraction] = {}
            for indicator in chosen:
                target = _bound_target(indicator)
                if _over_series(indicator):
                    target = previous.get(indicator.id)
                values.update(_draw_inputs(draw, indicator, values, target, placements)[1])
            cells: dict[str, Fraction | None] = dict(values)
            if missing:
                for name in cells:
                    if draw(st.integers(0, 5), label=f"{name} missing") == 5:
                        cells[name] = None
            for indicator in chosen:
                previous[indicator.id] = _display(indicator, cells)
            rows.append((region, period, cells))
    return _frame(rows, _variables(chosen))


# --------------------------------------------------------------------------- boundary cases


@dataclass(frozen=True, eq=False, repr=False)
class BoundaryCase:
    """One judged row with its exactly known expected status.

    ``data`` holds one row (``region`` 厦门市, ``period`` 2013), or for a trend two consecutive
    periods of which the second is judged; ``benchmarks`` and ``peers`` are the reference
    tables the case needs (``None`` otherwise).
    """

    indicator: Indicator
    #: Where the judged value lies relative to ``target``.
    placement: Placement
    #: The judged row's inputs, exact, in their default units.
    inputs: Mapping[str, Fraction]
    #: The judged row's exact value in the display unit (``None``: zero denominator).
    value: Fraction | None
    #: What the value is placed against, in the display unit: the threshold, the benchmark,
    #: the value of the peer group's cut-off member, or the previous period's value.
    target: Fraction | None
    #: The status the plan's rules give, from :func:`expected_status`.
    expected: Status
    data: pd.DataFrame = field(repr=False)
    benchmarks: pd.DataFrame | None = field(default=None, repr=False)
    peers: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def references(self) -> References:
        """The reference tables, ready for ``evaluate(..., **case.references)``."""
        tables: References = {}
        if self.benchmarks is not None:
            tables["benchmarks"] = self.benchmarks
        if self.peers is not None:
            tables["peers"] = self.peers
        return tables

    def evaluate(self) -> Evaluation:
        """Evaluate the case's indicator on its data and reference tables."""
        return evaluate(self.indicator, self.data, **self.references)

    def __repr__(self) -> str:
        inputs = {name: _plain(value) for name, value in self.inputs.items()}
        return (
            f"BoundaryCase(indicator_id={self.indicator.id!r}, placement={self.placement!r}, "
            f"inputs={inputs}, value={_plain(self.value)}, target={_plain(self.target)}, "
            f"expected={self.expected.value!r})"
        )

    def check(self) -> None:
        """Assert that the engine gives the judged row the expected status.

        Raises
        ------
        AssertionError
            Naming the indicator, the inputs, the exact value and target, and both statuses.
        """
        frame = self.evaluate().to_frame("en")
        judged = frame.iloc[-1]
        if str(judged["status"]) != self.expected.value:
            inputs = ", ".join(f"{name}={value}" for name, value in self.inputs.items())
            raise AssertionError(
                f"{self.indicator.id} ({self.indicator.threshold.kind}, {self.placement} "
                f"target {self.target}): inputs {inputs} give exactly {self.value} "
                f"{self.indicator.unit}, so {self.expected.value!r} is expected; the engine "
                f"says {judged['status']!r} ({judged['reason']}): {judged['explanation']}"
            )


def boundary_cases(
    indicator: Indicator, *, placements: Collection[Placement] = PLACEMENTS
) -> SearchStrategy[BoundaryCase]:
    """Judged rows placed on, just above and just below the indicator's target.

    The target is the threshold for the bound kinds (≥ 94 %: 47 of 50 is on it, 46 of 50 one
    batch below; 达到100%: n of n is on it, n − 1 of n below), a drawn benchmark for
    :class:`~xmqc_kpi.BelowBenchmark` (equal is not met), the value of the peer group's
    cut-off member for :class:`~xmqc_kpi.TopAmongPeers` (a tie takes the better rank), and the
    previous period's value for a :class:`~xmqc_kpi.Trend` (a flat step is not met). A
    monitored indicator's rows are anywhere. Multiples are drawn up to denominators of 10**12,
    where one batch moves a rate by less than the float tolerance, so the engine's exact path
    is exercised too.

    Parameters
    ----------
    indicator
        The indicator.
    placements
        The placements to draw from; a placement that the target does not allow (one batch
        above 100 %) falls back to ``"anywhere"``, and the case records the one used.

    Returns
    -------
    hypothesis.strategies.SearchStrategy[BoundaryCase]
        Cases whose ``expected`` status is exact; ``case.check()`` compares the engine.

    Examples
    --------
    >>> from hypothesis import find
    >>> import xmqc_kpi as kpi
    >>> rate = kpi.catalog()["national_sampling_pass_rate"]  # ≥ 94 %
    >>> case = find(boundary_cases(rate, placements=["below"]), lambda c: True)
    >>> case
    BoundaryCase(indicator_id='national_sampling_pass_rate', placement='below', inputs={'national_passed_batches': 46, 'national_sampled_batches': 50}, value=92, target=94, expected='not_met')
    >>> case.check()
    """  # noqa: E501 - a doctest's expected output is one line
    if not isinstance(indicator, Indicator):
        raise TypeError(f"indicator must be an Indicator, not {type(indicator).__name__}")
    chosen = tuple(dict.fromkeys(placements))
    unknown = sorted(set(chosen) - set(PLACEMENTS))
    if not chosen or unknown:
        raise ValueError(f"placements must be some of {list(PLACEMENTS)}, not {list(placements)}")
    return _cases(indicator, chosen)


def _plain(number: Fraction | None) -> object:
    """A fraction shown as an int or a decimal where it is one (for readable reprs)."""
    if number is None or number.denominator != 1:
        return number if number is None or not _float_exact(number) else float(number)
    return int(number)


@st.composite
def _cases(
    draw: st.DrawFn, indicator: Indicator, placements: tuple[Placement, ...]
) -> BoundaryCase:
    threshold = indicator.threshold
    benchmarks: pd.DataFrame | None = None
    peers: pd.DataFrame | None = None
    rows: list[tuple[object, object, Mapping[str, Fraction | None]]] = []
    if _over_series(indicator):
        first = _anywhere(draw, indicator, {}, known=True)
        target = _display(indicator, first)
        rows.append((_SUBJECT, 2013, first))
    else:
        target = _bound_target(indicator)
        if target is None and (_needs(indicator, "benchmarks") or _needs(indicator, "peers")):
            target = _draw_target(draw, indicator)
    placement, inputs = _draw_inputs(draw, indicator, {}, target, placements)
    rows.append((_SUBJECT, 2013 + len(rows), inputs))
    value = _display(indicator, inputs)
    expected = expected_status(indicator, inputs, previous=target)
    if _needs(indicator, "benchmarks"):
        assert target is not None
        benchmarks = pd.DataFrame(
            {"period": [2013], "indicator_id": [indicator.id], "value": [float(target)]}
        )
        expected = expected_status(indicator, inputs, benchmark=target)
    elif _needs(indicator, "peers"):
        assert target is not None
        values = _peer_values(draw, indicator, threshold, target, value)
        peers = pd.DataFrame(
            {
                "period": 2013,
                "indicator_id": indicator.id,
                "peer": [f"城市{n}" for n in range(len(values))],
                "value": [float(v) for v in values],
            }
        )
        expected = expected_status(indicator, inputs, peers=values)
    return BoundaryCase(
        indicator=indicator,
        placement=placement,
        inputs=inputs,
        value=value,
        target=target,
        expected=expected,
        data=_frame(rows, indicator.input_names),
        benchmarks=benchmarks,
        peers=peers,
    )


def _peer_values(
    draw: st.DrawFn,
    indicator: Indicator,
    threshold: Any,
    target: Fraction,
    value: Fraction | None,
) -> list[Fraction]:
    """Other members: those better than the cut-off member, the member at ``target``, the rest.

    The peers better than the cut-off member are better than the subject too, and the rest no
    better than the subject, so the subject ranks at the cut-off when on or above the target
    (in the indicator's direction) and just outside it when below.
    """
    others = draw(st.integers(1, 9), label="peers")
    cutoff = threshold.cutoff(others + 1)
    step = _nearby(target)
    if isinstance(indicator.formula, Value):  # whole counts stay whole
        step = max(step, _value_step(indicator.input_units[indicator.formula.input]))
        step *= _scale(indicator)
        while (target / step).denominator != 1:
            step /= 10
    higher = indicator.direction == "higher"
    sign = 1 if higher else -1
    subject = target if value is None else value
    best = max(target, subject) if higher else min(target, subject)
    worst = min(target, subject) if higher else max(target, subject)
    better = [best + sign * step * (n + 1) for n in range(min(cutoff - 1, others))]
    rest = [worst - sign * step * (n + 1) for n in range(others - len(better) - 1)]
    members = [*better, target, *rest][:others]
    return [max(member, Fraction(0)) for member in members]


# --------------------------------------------------------------------------- references


def reference_tables(
    indicators: Indicator | Iterable[Indicator],
    frame: pd.DataFrame,
    *,
    units: Mapping[str, str] | None = None,
) -> SearchStrategy[References]:
    """Benchmarks and peers tables placed around the values of ``frame``.

    For each :class:`~xmqc_kpi.BelowBenchmark` indicator and period, the benchmark is absent
    (insufficient data), exactly one region's value that period, one step above or below it,
    or anywhere. For each :class:`~xmqc_kpi.TopAmongPeers` indicator and period, zero to nine
    peers (none: insufficient data), each tied with a region's value, one step from it or
    anywhere, and sometimes a peer named like a region (the subject itself, counted once).
    Values are in the display unit and exact as floats; other kinds need no tables, and
    without them these two kinds are insufficient data, never met.

    Returns
    -------
    hypothesis.strategies.SearchStrategy[References]
        ``{"benchmarks": ..., "peers": ...}`` (only the tables some indicator needs), for
        ``evaluate(indicators, frame, **references)``.
    """
    chosen = _as_indicators(indicators)
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a pandas DataFrame, not {type(frame).__name__}")
    return _references(chosen, frame, dict(units or {}))


@st.composite
def _references(
    draw: st.DrawFn, chosen: tuple[Indicator, ...], frame: pd.DataFrame, units: dict[str, str]
) -> References:
    regions = frame["region"] if "region" in frame.columns else pd.Series([None] * len(frame))
    periods = list(dict.fromkeys(frame["period"].tolist()))
    bench_rows: list[dict[str, object]] = []
    peer_rows: list[dict[str, object]] = []
    for indicator in chosen:
        if not (_needs(indicator, "benchmarks") or _needs(indicator, "peers")):
            continue
        for period in periods:
            rows = frame.loc[frame["period"] == period]
            values = [
                v
                for _, row in rows.iterrows()
                if (v := exact_value(indicator, row, units=units)) is not None and _float_exact(v)
            ]
            if _needs(indicator, "benchmarks"):
                if draw(st.booleans(), label="benchmark given"):
                    bench = _around(draw, indicator, values)
                    bench_rows.append(
                        {"period": period, "indicator_id": indicator.id, "value": float(bench)}
                    )
                continue
            for n in range(draw(st.integers(0, 9), label="peers")):
                peer = _around(draw, indicator, values)
                peer_rows.append(
                    {
                        "period": period,
                        "indicator_id": indicator.id,
                        "peer": f"城市{n}",
                        "value": float(peer),
                    }
                )
            named = [r for r in regions.loc[rows.index] if r is not None]
            if len(named) > 0 and draw(st.booleans(), label="subject listed"):
                peer = _around(draw, indicator, values)
                peer_rows.append(
                    {
                        "period": period,
                        "indicator_id": indicator.id,
                        "peer": draw(st.sampled_from(named)),
                        "value": float(peer),
                    }
                )
    tables: References = {}
    if bench_rows:
        tables["benchmarks"] = pd.DataFrame(bench_rows)
    if peer_rows:
        tables["peers"] = pd.DataFrame(peer_rows)
    return tables


def _around(draw: st.DrawFn, indicator: Indicator, values: Sequence[Fraction]) -> Fraction:
    """A display value equal to one of ``values``, one step from it, or anywhere."""
    if values and draw(st.integers(0, 3), label="near a value") < 3:
        value = draw(st.sampled_from(values))
        step = _nearby(value)
        moved = value + step * draw(st.integers(-1, 1), label="steps")
        if moved >= 0 and _float_exact(moved):
            return moved
        return value
    return _draw_target(draw, indicator)


# --------------------------------------------------------------------------- units


def unit_variants(
    indicators: Indicator | Iterable[Indicator], frame: pd.DataFrame
) -> SearchStrategy[tuple[pd.DataFrame, dict[str, str]]]:
    """The same quantities rescaled into other convertible units, with the ``units=`` mapping.

    Each input variable column of ``frame`` (in its declared default unit) is rewritten in a
    unit drawn from the common units of its dimension (yuan, 万元, 亿元; m², 亩, hectare;
    person, 万人; percent, permille, dimensionless …). A unit is only drawn for a column when
    every number of it converts *exactly*: the exact factor (:func:`xmqc_kpi.units.exact_factor`)
    times the exact number must be a decimal that a float reproduces when printed, so that
    ``evaluate(ind, frame)`` and ``evaluate(ind, rescaled, units=mapping)`` see the same
    quantities and must agree. (:func:`input_frames` draws numbers that convert exactly into
    every common unit of their variable.) The default unit is drawn too, and comes first, so
    that examples shrink towards the original frame.

    Returns
    -------
    hypothesis.strategies.SearchStrategy[tuple[pandas.DataFrame, dict[str, str]]]
        A new frame (``frame`` is not changed) and variable → unit for the columns rewritten.

    Examples
    --------
    >>> from hypothesis import find
    >>> import pandas as pd
    >>> import xmqc_kpi as kpi
    >>> funding = kpi.catalog()["quality_funding_ratio"]
    >>> frame = pd.DataFrame({"period": [2013], "quality_funding": [8_000_000],
    ...                       "general_budget_revenue": [8_000_000_000]})
    >>> rescaled, units = find(unit_variants(funding, frame),
    ...                        lambda v: v[1].get("general_budget_revenue") == "亿元")
    >>> units, float(rescaled.loc[0, "general_budget_revenue"])
    ({'general_budget_revenue': '亿元'}, 80.0)
    """
    chosen = _as_indicators(indicators)
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a pandas DataFrame, not {type(frame).__name__}")
    variables = _variables(chosen)
    choices: dict[str, list[tuple[str, list[float] | list[int]]]] = {}
    for name, default in variables.items():
        if name not in frame.columns:
            continue
        cells = [_exact(raw) for raw in frame[name].tolist()]
        for unit in accepted_units(default):
            factor = exact_factor(default, unit)
            moved = [None if c is None else c * factor for c in cells]
            if all(m is None or _float_exact(m) for m in moved):
                same = normalise_unit(unit) == normalise_unit(default)
                column = frame[name].tolist() if same else _column(moved)
                choices.setdefault(name, []).append((unit, column))
    return _variants(frame, variables, choices)


@st.composite
def _variants(
    draw: st.DrawFn,
    frame: pd.DataFrame,
    variables: Mapping[str, str],
    choices: Mapping[str, list[tuple[str, list[float] | list[int]]]],
) -> tuple[pd.DataFrame, dict[str, str]]:
    rescaled = frame.copy()
    units: dict[str, str] = {}
    for name, options in choices.items():
        unit, column = draw(st.sampled_from(options), label=name)
        if normalise_unit(unit) != normalise_unit(variables[name]):
            rescaled[name] = pd.Series(column, index=frame.index)
            units[name] = unit
    return rescaled, units


# --------------------------------------------------------------------------- assertions

#: Columns compared with a tolerance (floats computed through unit factors).
_FLOAT_COLUMNS = ("value", "threshold", "numerator", "denominator", "margin", "ci_low", "ci_high")
_KEYS = ("indicator_id", "region", "period")


def _normal(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        return _normal(value.item())
    return value


def _sorted_frame(frame: pd.DataFrame) -> pd.DataFrame:
    key = [
        (str(i), "" if r is None or r is pd.NA else str(r), str(p))
        for i, r, p in zip(frame["indicator_id"], frame["region"], frame["period"], strict=True)
    ]
    order = sorted(range(len(frame)), key=key.__getitem__)
    return frame.iloc[order].reset_index(drop=True)


def _close(left: object, right: object, scale: float, rtol: float) -> bool:
    if left is None or right is None:
        return left is None and right is None
    a, b = float(cast(float, left)), float(cast(float, right))
    return abs(a - b) <= rtol * max(abs(a), abs(b), scale)


def assert_evaluations_equal(
    left: Evaluation,
    right: Evaluation,
    *,
    check_explanations: bool = True,
    check_order: bool = False,
    rtol: float = 1e-9,
    lang: Language = "en",
    max_shown: int = 5,
) -> None:
    """Assert that two evaluations hold the same assessments.

    Assessments are matched by (indicator, region, period) — in the given order with
    ``check_order``, else after sorting both — and every column of
    :meth:`~xmqc_kpi.Evaluation.to_frame` is compared: statuses, reasons, ranks and other
    labels exactly; values, thresholds, margins, inputs and intervals to a relative tolerance
    ``rtol`` (a margin relative to its value and threshold), so that the same quantities given
    in another unit compare equal. Explanations quote the inputs as given, units included:
    pass ``check_explanations=False`` to compare evaluations of rescaled data.

    Raises
    ------
    AssertionError
        Listing the assessments that only one side has, or the first ``max_shown`` that differ
        with every differing column.

    Examples
    --------
    >>> import pandas as pd
    >>> import xmqc_kpi as kpi
    >>> ports = kpi.catalog()["port_who_core_capacity_rate"]  # 达到100%
    >>> def run(certified):
    ...     data = pd.DataFrame({"period": [2013], "class1_ports": [4],
    ...                          "class1_ports_certified": [certified]})
    ...     return kpi.evaluate(ports, data)
    >>> assert_evaluations_equal(run(4), run(4))
    >>> assert_evaluations_equal(run(4), run(3), check_explanations=False)
    Traceback (most recent call last):
        ...
    AssertionError: evaluations differ in 1 of 1 assessments:
      port_who_core_capacity_rate, region None, period 2013:
        value: 100.0 != 75.0
        status: 'met' != 'not_met'
        reason: 'all_comply' != 'not_all_comply'
        numerator: 4.0 != 3.0
        margin: 0.0 != -25.0
    """
    for name, evaluation in (("left", left), ("right", right)):
        if not isinstance(evaluation, Evaluation):
            raise TypeError(f"{name} must be an Evaluation, not {type(evaluation).__name__}")
    # whether a value equals its threshold shows in the margin already: not a second difference
    frames = [e.to_frame(lang).drop(columns=["equals_threshold"]) for e in (left, right)]
    if not check_explanations:
        frames = [frame.drop(columns=["explanation"]) for frame in frames]
    if not check_order:
        frames = [_sorted_frame(frame) for frame in frames]
    a, b = (
        [{str(k): _normal(v) for k, v in r.items()} for r in f.to_dict("records")] for f in frames
    )
    keys_a = [tuple(str(row[k]) for k in _KEYS) for row in a]
    keys_b = [tuple(str(row[k]) for k in _KEYS) for row in b]
    if keys_a != keys_b:
        only_left = [k for k in keys_a if k not in set(keys_b)]
        only_right = [k for k in keys_b if k not in set(keys_a)]
        message = [f"evaluations hold different assessments ({len(a)} left, {len(b)} right)"]
        if only_left:
            message.append(f"  only left: {', '.join(map(str, only_left[:max_shown]))}")
        if only_right:
            message.append(f"  only right: {', '.join(map(str, only_right[:max_shown]))}")
        if not only_left and not only_right:
            message.append("  the same assessments in another order (check_order=True)")
        raise AssertionError("\n".join(message))
    differences: list[str] = []
    count = 0
    for row_a, row_b in zip(a, b, strict=True):
        lines = []
        for column, x in row_a.items():
            y = row_b.get(column)
            if column in _FLOAT_COLUMNS:
                scale = 0.0
                if column == "margin":
                    scale = max(
                        abs(float(cast(float, v)))
                        for v in (row_a["value"], row_a["threshold"], 0.0)
                        if v is not None
                    )
                same = _close(x, y, scale, rtol)
            else:
                same = x == y
            if not same:
                lines.append(f"    {column}: {x!r} != {y!r}")
        if lines:
            count += 1
            if count <= max_shown:
                where = f"region {row_a['region']}, period {row_a['period']}"
                differences += [f"  {row_a['indicator_id']}, {where}:", *lines]
    if count:
        more = f" (showing the first {max_shown})" if count > max_shown else ""
        header = f"evaluations differ in {count} of {len(a)} assessments{more}:"
        raise AssertionError("\n".join([header, *differences]))
