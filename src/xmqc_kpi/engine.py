"""``evaluate(indicators, data)``: every indicator over every (region, period) at once.

The engine is pure: it reads only its arguments, never mutates them, and returns an immutable
:class:`~xmqc_kpi.results.Evaluation`. Each indicator is computed over whole columns with
numpy; a verdict is decided in floats and, for the few rows within a few ulps of their
threshold, settled exactly in rational arithmetic from the decimals the caller wrote, so that
47 of 50 meets 94 % and 11 万元 against 1.1 亿元 is exactly 1 ‰.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache, partial
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .errors import DataError, DataProblem
from .formulas import Ratio
from .indicator import Indicator
from .intervals import wilson_interval
from .panel import Panel, benchmark_like, read_panel
from .results import FRAME_COLUMNS, REASON_DTYPE, STATUS_DTYPE, Evaluation, Reason, Status
from .thresholds import (
    Above,
    All,
    AtLeast,
    AtMost,
    Below,
    BelowBenchmark,
    Monitored,
    TopAmongPeers,
    Trend,
)
from .units import exact_factor, float_factor, normalise_unit

__all__ = ["evaluate"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
ExactAt = Callable[[int], Fraction | None]

#: Relative distance within which a float comparison is re-decided exactly.
NEAR = 1e-9

_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "ge": lambda a, b: a >= b,
    "gt": lambda a, b: a > b,
    "le": lambda a, b: a <= b,
    "lt": lambda a, b: a < b,
    "eq": lambda a, b: a == b,
}


def evaluate(
    indicators: Indicator | Iterable[Indicator],
    data: pd.DataFrame,
    *,
    benchmarks: pd.DataFrame | None = None,
    peers: pd.DataFrame | None = None,
    units: Mapping[str, str] | None = None,
    as_of: dt.date | str | pd.Timestamp | None = None,
) -> Evaluation:
    """Assess each indicator at each (region, period) of ``data``.

    Parameters
    ----------
    indicators
        One :class:`~xmqc_kpi.Indicator`, any iterable of them, or a catalog.
    data
        A wide frame (``region``, ``period``, one column per input variable), a long frame
        (``region``, ``period``, ``variable``, ``value``, optional ``unit``) or a filled input
        template. A column named after an indicator's id gives its value directly.
    benchmarks
        ``period``, ``indicator_id``, ``value`` (display unit, or an optional ``unit`` column):
        the national averages for thresholds relative to them.
    peers
        ``period``, ``indicator_id``, ``peer``, ``value`` (same unit rule): the peer group for
        rank thresholds. A peer named like the subject region is the subject, counted once.
    units
        Variable name → unit string, overriding the declared default (``{"gdp": "亿元"}``).
    as_of
        The evaluation date; each assessment then says whether its deadline has passed.

    Returns
    -------
    Evaluation
        One assessment per indicator and (region, period), sorted by indicator, region, period.

    Raises
    ------
    DataError
        Listing every structural problem of the data, each with its column and row.

    Examples
    --------
    >>> import pandas as pd
    >>> import xmqc_kpi as kpi
    >>> rate = kpi.catalog()["national_sampling_pass_rate"]
    >>> data = pd.DataFrame({"period": [2013], "national_sampled_batches": [50],
    ...                      "national_passed_batches": [47]})
    >>> row = kpi.evaluate(rate, data).to_frame().iloc[0]
    >>> float(row["value"]), row["status"]
    (94.0, 'met')
    """
    chosen = _as_indicators(indicators)
    variables = _variables(chosen)
    problems: list[DataProblem] = []  # every problem found, raised together at the end
    panel = read_panel(
        data, variables=variables, units=_with_header_units(data, units), deferred=problems
    )
    display = {indicator.id: indicator.unit for indicator in chosen}
    bench = _reference(
        benchmarks, "benchmarks", ("period", "indicator_id", "value"), display, panel
    )
    peer_table = _reference(
        peers, "peers", ("period", "indicator_id", "peer", "value"), display, panel
    )
    when = _as_date(as_of)
    parts = [_assess(indicator, panel, bench, peer_table, when, problems) for indicator in chosen]
    if problems:
        raise DataError(problems)
    table = _stack(chosen, parts, panel)
    from .explain import render_explanations

    return Evaluation(
        table,
        explain=partial(render_explanations, chosen),
        as_of=when,
        indicators=chosen,
        inputs=partial(_inputs_frame, panel),
    )


# --------------------------------------------------------------------------- arguments


def _with_header_units(
    data: pd.DataFrame, units: Mapping[str, str] | None
) -> Mapping[str, str] | None:
    """``units`` plus the units a file's headers gave (``data.attrs["units"]``, see read_data).

    A header unit that contradicts ``units`` for the same variable is a :class:`DataError`.
    """
    header = data.attrs.get("units") if isinstance(data, pd.DataFrame) else None
    if not isinstance(header, Mapping) or not header:
        return units
    given = dict(units or {})
    problems = [
        DataProblem(
            column=str(name),
            row=None,
            message=f"the header gives the unit {unit!r} but units= says {given[name]!r}",
        )
        for name, unit in header.items()
        if name in given and normalise_unit(str(given[name])) != normalise_unit(str(unit))
    ]
    if problems:
        raise DataError(problems)
    return {**{str(k): str(v) for k, v in header.items()}, **given}


def _as_indicators(indicators: Indicator | Iterable[Indicator]) -> tuple[Indicator, ...]:
    chosen = (indicators,) if isinstance(indicators, Indicator) else tuple(indicators)
    for item in chosen:
        if not isinstance(item, Indicator):
            raise TypeError(f"indicators must be Indicator objects, not {type(item).__name__}")
    ids = [i.id for i in chosen]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"indicators given twice: {duplicates}")
    return chosen


def _variables(chosen: tuple[Indicator, ...]) -> dict[str, str]:
    """Every column name the indicators can read, with its default unit."""
    variables: dict[str, str] = {}
    for indicator in chosen:
        for item in indicator.inputs:
            variables.setdefault(item.name, item.unit)
        variables.setdefault(indicator.id, indicator.unit)
    return variables


def _reference(
    table: pd.DataFrame | None,
    name: str,
    required: tuple[str, ...],
    display: Mapping[str, str],
    panel: Panel,
) -> pd.DataFrame | None:
    if table is None:
        return None
    return benchmark_like(
        table, name=name, required=required, display_units=display, freq=panel.freq
    )


def _as_date(as_of: dt.date | str | pd.Timestamp | None) -> dt.date | None:
    if as_of is None:
        return None
    if isinstance(as_of, pd.Timestamp):
        return as_of.date()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    try:
        return pd.Timestamp(as_of).date()
    except (ValueError, TypeError) as exc:
        raise ValueError(f"as_of: cannot read {as_of!r} as a date") from exc


def _due(deadline: str | None, when: dt.date | None) -> bool | None:
    """Whether ``when`` has reached the end of the deadline month."""
    if deadline is None or when is None:
        return None
    year, month = (int(part) for part in deadline.split("-"))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return when >= last


# --------------------------------------------------------------------------- exact decisions


def decide(
    value: FloatArray,
    target: FloatArray | float,
    op: str,
    exact_value: ExactAt,
    exact_target: ExactAt,
    settled: BoolArray | None = None,
) -> BoolArray:
    """``value <op> target`` row by row, exact where floats are too close to tell.

    Rows whose value and target agree to within :data:`NEAR` (relative) are re-decided with
    the exact rationals that ``exact_value`` and ``exact_target`` give for that row, unless
    ``settled`` marks the float comparison as already exact there.
    """
    targets = np.broadcast_to(np.asarray(target, dtype=np.float64), value.shape)
    with np.errstate(invalid="ignore"):
        result: BoolArray = np.asarray(_OPS[op](value, targets), dtype=bool)
        scale = np.maximum(np.abs(value), np.abs(targets))
        near = np.abs(value - targets) <= NEAR * scale
    if settled is not None:
        near &= ~settled
    for row in np.flatnonzero(near):
        left, right = exact_value(int(row)), exact_target(int(row))
        if left is not None and right is not None:
            result[row] = bool(_OPS[op](left, right))
    return result


@dataclass(frozen=True)
class _Computed:
    """An indicator's value over the panel, with what the explanation needs."""

    value: FloatArray
    missing: BoolArray
    zero_denominator: BoolArray
    direct: BoolArray
    numerator: FloatArray
    denominator: FloatArray
    exact: ExactAt


def _compute(
    indicator: Indicator, panel: Panel, problems: list[DataProblem]
) -> tuple[_Computed, dict[str, Any]]:
    rows = len(panel)
    nan = np.full(rows, np.nan)
    units = indicator.input_units
    columns: dict[str, FloatArray] = {}
    absent: dict[str, BoolArray] = {}
    for name, unit in units.items():
        column = panel.columns.get(name)
        columns[name] = nan if column is None else column.to(unit)
        absent[name] = np.isnan(columns[name])
    formula = indicator.formula
    natural = formula.natural_unit(units)
    with np.errstate(over="ignore"):  # 1e308 yuan of 1e-10 yuan is beyond floats: inf
        output = formula.compute(columns)
        value = output.value * float_factor(natural, indicator.unit)
    any_absent = np.logical_or.reduce([absent[n] for n in formula.inputs])
    direct_column = panel.columns.get(indicator.id)
    if direct_column is not None:
        direct_values = direct_column.to(indicator.unit)
        direct = any_absent & ~np.isnan(direct_values)
        value = np.where(direct, direct_values, value)
    else:
        direct = np.zeros(rows, dtype=bool)
    zero = output.zero_denominator & ~direct
    missing = np.isnan(value) & ~zero
    numerator = columns[formula.numerator] if formula.numerator else nan
    denominator = columns[formula.denominator] if formula.denominator else nan

    scale = exact_factor(natural, indicator.unit)

    def exact(row: int) -> Fraction | None:
        if direct[row]:
            assert direct_column is not None
            return direct_column.exact(row, indicator.unit)
        if missing[row] or zero[row]:
            return None
        values = {n: panel.columns[n].exact(row, units[n]) for n in formula.inputs}
        result = formula.compute_exact(values)
        return None if result is None else result * scale

    if isinstance(formula, Ratio) and formula.part_of_whole:
        _check_part_of_whole(indicator, panel, numerator, denominator, problems)
    if direct_column is not None and isinstance(formula, Ratio) and formula.part_of_whole:
        # exactly: a share of 100.00000001 % is above 100 % too
        whole = exact_factor("dimensionless", indicator.unit)
        shares = np.where(direct, value, np.nan)  # only direct rows can be re-decided
        above = decide(shares, float(whole), "gt", exact, lambda _row: whole)
        for row in np.flatnonzero(above):
            problems.append(
                DataProblem(
                    column=indicator.id,
                    row=panel.labels[row],
                    message=f"a share above 100 % ({value[row]:.12g} {indicator.unit}); "
                    "if it is a percentage, give its unit",
                )
            )

    given = _given_inputs(indicator, panel)
    return (
        _Computed(
            value=value,
            missing=missing,
            zero_denominator=zero,
            direct=direct,
            numerator=np.where(direct, np.nan, numerator),
            denominator=np.where(direct, np.nan, denominator),
            exact=exact,
        ),
        {**given, "_missing": _missing_names(indicator, absent, any_absent & ~direct)},
    )


def _equal_counts(indicator: Indicator, panel: Panel, computed: _Computed) -> BoolArray:
    """Rows where numerator = denominator is already exact in floats (so 100 % is exact).

    That holds when both are integers below 2**53 obtained from integers by integer unit
    factors: such floats are the integers themselves.
    """
    formula = indicator.formula
    if not isinstance(formula, Ratio):
        return np.zeros(len(panel), dtype=bool)
    limit = float(2**53)
    numerator, denominator = computed.numerator, computed.denominator
    exact = (
        (numerator == denominator)
        & (np.abs(denominator) < limit)
        & (np.floor(denominator) == denominator)
        & ~computed.direct
    )
    for name in formula.inputs:
        column = panel.columns.get(name)
        if column is None or any(
            exact_factor(unit, indicator.input_units[name]).denominator != 1
            for unit in column.units
        ):
            return np.zeros(len(panel), dtype=bool)
    return np.asarray(exact, dtype=bool)


def _check_part_of_whole(
    indicator: Indicator,
    panel: Panel,
    numerator: FloatArray,
    denominator: FloatArray,
    problems: list[DataProblem],
) -> None:
    """Record a problem for each row whose numerator exceeds its denominator, exactly.

    Floats decide the clear cases; the rows within :data:`NEAR` of equality (huge counts such
    as 10**30 + 1 of 10**30, which floats cannot tell apart) are compared as fractions.
    """
    formula = indicator.formula
    assert isinstance(formula, Ratio)
    assert formula.denominator is not None
    with np.errstate(invalid="ignore", over="ignore"):
        larger = numerator > denominator * (1 + NEAR)
        close = ~larger & (numerator >= denominator * (1 - NEAR)) & (denominator > 0)
    unit = indicator.input_units[formula.numerator]
    part = panel.columns.get(formula.numerator)
    whole = panel.columns.get(formula.denominator)
    if part is not None and whole is not None:
        for row in np.flatnonzero(close):
            larger[row] = part.exact(int(row), unit) > whole.exact(int(row), unit)
    for row in np.flatnonzero(larger):
        problems.append(
            DataProblem(
                column=formula.numerator,
                row=panel.labels[row],
                message=f"{formula.numerator} ({numerator[row]:g}) exceeds "
                f"{formula.denominator} ({denominator[row]:g})",
            )
        )


def _given_inputs(indicator: Indicator, panel: Panel) -> dict[str, Any]:
    """Numerator and denominator as the caller gave them, with the unit they were given in."""
    result: dict[str, Any] = {}
    rows = len(panel)
    formula = indicator.formula
    for role, name in (
        ("num", formula.numerator or formula.inputs[0]),
        ("den", formula.denominator),
    ):
        column = panel.columns.get(name) if name is not None else None
        if column is None:
            result[f"_{role}_given"] = np.full(rows, np.nan)
            result[f"_{role}_unit"] = np.full(rows, "", dtype=object)
        else:
            result[f"_{role}_given"] = _as_given(column.raw)
            result[f"_{role}_unit"] = column.given_unit()
    return result


def _as_given(raw: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Raw inputs for the explanation: floats, or Python ints where a float would round.

    Counts from 2**53 on (10**17 − 1 batches) print exactly only as integers.
    """
    huge = raw.dtype == object or (
        raw.dtype.kind in "iu" and len(raw) > 0 and int(np.abs(raw).max()) >= 2**53
    )
    return raw.astype(object) if huge else raw.astype(np.float64)


def _missing_names(
    indicator: Indicator, absent: Mapping[str, BoolArray], missing: BoolArray
) -> npt.NDArray[np.object_]:
    names = np.full(len(missing), "", dtype=object)
    if not missing.any():
        return names
    for name in indicator.formula.inputs:
        flag = absent[name] & missing
        names = np.where(flag & (names != ""), names + "," + name, np.where(flag, name, names))
    return names


# --------------------------------------------------------------------------- threshold kinds

_BOUND_OPS: dict[type, tuple[str, Reason, Reason]] = {
    AtLeast: ("ge", Reason.MEETS_MINIMUM, Reason.BELOW_MINIMUM),
    Above: ("gt", Reason.ABOVE_FLOOR, Reason.NOT_ABOVE_FLOOR),
    AtMost: ("le", Reason.WITHIN_MAXIMUM, Reason.ABOVE_MAXIMUM),
    Below: ("lt", Reason.BELOW_LIMIT, Reason.NOT_BELOW_LIMIT),
    All: ("eq", Reason.ALL_COMPLY, Reason.NOT_ALL_COMPLY),
}


def _assess(
    indicator: Indicator,
    panel: Panel,
    bench: pd.DataFrame | None,
    peers: pd.DataFrame | None,
    when: dt.date | None,
    problems: list[DataProblem],
) -> dict[str, Any]:
    """One indicator over every row: the columns of its part of the table."""
    rows = len(panel)
    computed, extra = _compute(indicator, panel, problems)
    value = computed.value
    threshold = indicator.threshold
    sign = 1.0 if indicator.direction == "higher" else -1.0
    status = np.full(rows, Status.INSUFFICIENT_DATA.value, dtype=object)
    reason = np.where(
        computed.zero_denominator, Reason.ZERO_DENOMINATOR.value, Reason.MISSING_INPUT.value
    ).astype(object)
    target = np.full(rows, np.nan)
    ci_low = np.full(rows, np.nan)
    ci_high = np.full(rows, np.nan)
    conclusive: Any = _missing_bools(rows)
    rank: Any = _missing_ints(rows)
    group_size: Any = _missing_ints(rows)
    cutoff: Any = _missing_ints(rows)
    known = ~(computed.missing | computed.zero_denominator)

    if isinstance(threshold, tuple(_BOUND_OPS)):
        op, good, bad = _BOUND_OPS[type(threshold)]
        exact_target = threshold.target(indicator.unit)  # type: ignore[union-attr]
        target[:] = float(exact_target)
        settled = _equal_counts(indicator, panel, computed) if isinstance(threshold, All) else None
        ok = decide(value, target, op, computed.exact, lambda _row: exact_target, settled)
        extra["_equal"] = decide(
            value, target, "eq", computed.exact, lambda _row: exact_target, settled
        )
        status[known] = np.where(ok[known], Status.MET.value, Status.NOT_MET.value)
        reason[known] = np.where(ok[known], good.value, bad.value)
        if indicator.sampled:
            ci_low, ci_high, conclusive = _interval(
                indicator, computed, op, ok, known, exact_target
            )
    elif isinstance(threshold, BelowBenchmark):
        target, has, exact_at = _benchmark(indicator, panel, bench)
        ok = decide(value, target, "lt", computed.exact, exact_at)
        extra["_equal"] = decide(value, target, "eq", computed.exact, exact_at)
        judged = known & has
        status[judged] = np.where(ok[judged], Status.MET.value, Status.NOT_MET.value)
        reason[judged] = np.where(
            ok[judged], Reason.BELOW_BENCHMARK.value, Reason.NOT_BELOW_BENCHMARK.value
        )
        reason[known & ~has] = Reason.NO_BENCHMARK.value
    elif isinstance(threshold, TopAmongPeers):
        ranking = _rank(indicator, threshold, panel, computed, peers)
        judged = known & (ranking.group_size > 1)
        ok = ranking.rank <= ranking.cutoff
        status[judged] = np.where(ok[judged], Status.MET.value, Status.NOT_MET.value)
        reason[judged] = np.where(
            ok[judged], Reason.IN_TOP_GROUP.value, Reason.OUTSIDE_TOP_GROUP.value
        )
        reason[known & ~(ranking.group_size > 1)] = Reason.NO_PEERS.value
        target = ranking.bar
        has_group = ranking.group_size > 1
        rank = pd.array(np.where(known & has_group, ranking.rank, -1), dtype="Int64")
        rank[~(known & has_group)] = pd.NA
        group_size = pd.array(ranking.group_size, dtype="Int64")
        group_size[~has_group] = pd.NA
        cutoff = pd.array(ranking.cutoff, dtype="Int64")
        cutoff[~has_group] = pd.NA
    elif isinstance(threshold, Trend):
        trend = _trend(threshold, panel, computed)
        target = trend.previous
        status[known] = trend.status[known]
        reason[known] = trend.reason[known]
        extra.update(trend.text)
    else:
        assert isinstance(threshold, Monitored)
        status[known] = Status.NOT_ASSESSED.value
        reason[known] = Reason.MONITORED.value

    deadline = indicator.deadline
    due = _due(deadline, when)
    return {
        "value": value,
        "threshold": target,
        "status": _categorical(status, STATUS_DTYPE),
        "reason": _categorical(reason, REASON_DTYPE),
        "numerator": computed.numerator,
        "denominator": computed.denominator,
        "margin": sign * (value - target),
        "ci_low": ci_low,
        "ci_high": ci_high,
        "conclusive": conclusive,
        "rank": rank,
        "group_size": group_size,
        "cutoff_rank": cutoff,
        "direct": computed.direct,
        "due": _missing_bools(rows) if due is None else pd.array(np.full(rows, due)),
        **extra,
    }


#: Columns that hold one value per indicator, stored as categoricals over the indicators.
_PER_INDICATOR: dict[str, Callable[[Indicator], str | None]] = {
    "unit": lambda indicator: indicator.unit,
    "comparison": lambda indicator: _comparison(indicator),
    "deadline": lambda indicator: indicator.deadline,
    "responsible": lambda indicator: "、".join(indicator.responsible.units),
}


def _stack(
    chosen: tuple[Indicator, ...], parts: list[dict[str, Any]], panel: Panel
) -> pd.DataFrame:
    """The evaluation's table: the indicators' parts one below the other, in one pass.

    Columns are concatenated as arrays (no frame per indicator); a column that only some
    kinds have (``_equal``, a trend's ``_row``) is missing (NaN) for the others. Region and
    period repeat the panel's keys; the per-indicator texts are categoricals.
    """
    rows, count = len(panel), len(chosen)
    codes = np.repeat(np.arange(count, dtype=np.int64), rows)
    tiled = np.tile(np.arange(rows), count)
    keys = pd.DataFrame({"region": panel.region, "period": _period_labels(panel)})
    columns: dict[str, Any] = {
        "indicator_id": pd.Categorical.from_codes(
            codes, dtype=_categories(tuple(i.id for i in chosen), ordered=True)
        ),
        "region": keys["region"].array.take(tiled),
        "period": keys["period"].array.take(tiled),
    }
    for name, of in _PER_INDICATOR.items():
        texts = [of(indicator) for indicator in chosen]
        uniques = list(dict.fromkeys(t for t in texts if t is not None))
        lookup = np.array(
            [uniques.index(t) if t is not None else -1 for t in texts], dtype=np.int64
        )
        columns[name] = pd.Categorical.from_codes(
            lookup[codes] if count else codes, dtype=_categories(tuple(uniques))
        )
    names = dict.fromkeys(name for part in parts for name in part)
    for name in names:
        columns[name] = _concat([part.get(name) for part in parts], rows)
    if not parts:  # nothing evaluated: the columns still exist, with their dtypes
        columns["status"] = pd.Categorical([], dtype=STATUS_DTYPE)
        columns["reason"] = pd.Categorical([], dtype=REASON_DTYPE)
        for name in FRAME_COLUMNS:
            columns.setdefault(name, np.empty(0))
    columns["_indicator"] = codes
    return pd.DataFrame(columns)


def _categorical(values: npt.NDArray[np.object_], dtype: pd.CategoricalDtype) -> pd.Categorical:
    """Status or reason texts as a categorical, coded once per distinct text (a handful)."""
    lookup = {value: code for code, value in enumerate(dtype.categories)}
    codes = np.full(len(values), -1, dtype=np.int8)
    for value in pd.unique(values):
        codes[values == value] = lookup[value]
    return pd.Categorical.from_codes(codes, dtype=dtype)


@lru_cache(maxsize=256)
def _categories(values: tuple[str, ...], *, ordered: bool = False) -> pd.CategoricalDtype:
    """One categorical dtype per set of texts: building a dtype validates its categories."""
    return pd.CategoricalDtype(list(values), ordered=ordered)


def _concat(pieces: list[Any], rows: int) -> Any:
    """One column from each indicator's piece; ``None`` (a column this kind lacks) is NaN."""
    if all(isinstance(piece, np.ndarray) for piece in pieces):
        return np.concatenate(pieces)
    if any(piece is None for piece in pieces):
        filled = [np.full(rows, np.nan) if piece is None else piece for piece in pieces]
        return np.concatenate([np.asarray(piece, dtype=object) for piece in filled])
    return type(pieces[0])._concat_same_type(pieces)


def _missing_bools(rows: int) -> pd.arrays.BooleanArray:
    return pd.arrays.BooleanArray(np.zeros(rows, dtype=bool), np.ones(rows, dtype=bool))


def _missing_ints(rows: int) -> pd.arrays.IntegerArray:
    return pd.arrays.IntegerArray(np.zeros(rows, dtype=np.int64), np.ones(rows, dtype=bool))


def _comparison(indicator: Indicator) -> str:
    threshold = indicator.threshold
    if isinstance(threshold, TopAmongPeers):
        return f"rank ≤ {threshold.describe_cutoff()}"
    return str(threshold.symbol)


def _inputs_frame(panel: Panel) -> pd.DataFrame:
    """The input numbers as given: one row per (region, period, variable) with a value."""
    periods = _period_labels(panel)
    parts = []
    for variable in sorted(panel.columns):
        column = panel.columns[variable]
        present = ~pd.isna(column.raw)
        parts.append(
            pd.DataFrame(
                {
                    "region": panel.region[present],
                    "period": periods[present],
                    "variable": variable,
                    "value": column.raw[present],
                    "unit": column.given_unit()[present],
                }
            )
        )
    columns = ["region", "period", "variable", "value", "unit"]
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(parts, ignore_index=True)
    return frame.sort_values(["variable", "region", "period"], kind="stable", ignore_index=True)


def _period_labels(panel: Panel) -> npt.NDArray[np.object_]:
    """Years as ints, other periods as pandas writes them (``2013Q4``, ``2013-12``)."""
    if panel.freq is None:
        return panel.period
    uniques, codes = np.unique(panel.ordinal, return_inverse=True)
    periods = [pd.Period(ordinal=int(o), freq=panel.freq) for o in uniques]
    annual = panel.freq.startswith(("Y", "A"))
    labels: list[int | str] = [p.year if annual else str(p) for p in periods]
    return np.asarray(labels, dtype=object)[codes]


def _interval(
    indicator: Indicator,
    computed: _Computed,
    op: str,
    ok: BoolArray,
    known: BoolArray,
    target: Fraction,
) -> tuple[FloatArray, FloatArray, Any]:
    """The Wilson interval of a sampled rate, and whether the verdict holds over all of it.

    The verdict's side of the threshold keeps the comparison's strictness: for ≥ a met rate
    needs ``low >= t`` and a miss ``high < t``; for > a met rate needs ``low > t`` and a miss
    (not above) ``high <= t``; ≤ and < likewise with the bounds swapped.
    """
    counted = known & ~computed.direct
    low, high = wilson_interval(computed.numerator, computed.denominator)
    scale = float_factor("dimensionless", indicator.unit)
    low, high = np.where(counted, low * scale, np.nan), np.where(counted, high * scale, np.nan)
    t = float(target)
    if op == "ge":
        conclusive = np.where(ok, low >= t, high < t)
    elif op == "gt":
        conclusive = np.where(ok, low > t, high <= t)
    elif op == "le":
        conclusive = np.where(ok, high <= t, low > t)
    else:
        conclusive = np.where(ok, high < t, low >= t)
    return low, high, pd.arrays.BooleanArray(conclusive.astype(bool), ~counted)


# --------------------------------------------------------------------------- benchmarks


def _lookup(
    panel: Panel, table: pd.DataFrame | None, indicator_id: str
) -> tuple[pd.DataFrame, npt.NDArray[np.intp]]:
    rows = table.loc[table["indicator_id"] == indicator_id] if table is not None else None
    if rows is None or rows.empty:
        return pd.DataFrame({"value": [], "exact": []}), np.full(len(panel), -1, dtype=np.intp)
    duplicated = rows["ordinal"].duplicated()
    if bool(duplicated.any()):
        first = rows.loc[duplicated].iloc[0]
        raise DataError.single(
            f"two benchmarks for {indicator_id} in period {first['period']!r}", column="period"
        )
    positions = pd.Index(rows["ordinal"].to_numpy()).get_indexer(panel.ordinal)
    return rows.reset_index(drop=True), positions


def _benchmark(
    indicator: Indicator, panel: Panel, bench: pd.DataFrame | None
) -> tuple[FloatArray, BoolArray, ExactAt]:
    """Each row's benchmark as a float, whether it has one, and its exact value by row."""
    rows, positions = _lookup(panel, bench, indicator.id)
    has = positions >= 0
    values = rows["value"].to_numpy(dtype=np.float64)
    floats = np.where(has, values[np.maximum(positions, 0)] if len(values) else np.nan, np.nan)
    exact = rows["exact"].tolist()

    def at(row: int) -> Fraction | None:
        position = int(positions[row])
        return exact[position] if position >= 0 else None

    return floats, has, at


# --------------------------------------------------------------------------- peers


@dataclass(frozen=True)
class _Ranking:
    rank: npt.NDArray[np.int64]
    group_size: npt.NDArray[np.int64]
    cutoff: npt.NDArray[np.int64]
    #: The value of the last member of the top group among the peers: the bar to reach.
    bar: FloatArray


def _rank(
    indicator: Indicator,
    threshold: TopAmongPeers,
    panel: Panel,
    computed: _Computed,
    peers: pd.DataFrame | None,
) -> _Ranking:
    """Rank each row's value among the peers of its period (ties take the best rank).

    Every (row, peer of the same period) pair is compared at once; a peer named like the row's
    region is the subject itself and is left out, so it counts once.
    """
    rows = len(panel)
    table = peers.loc[peers["indicator_id"] == indicator.id] if peers is not None else None
    if table is None or table.empty:
        zeros = np.zeros(rows, dtype=np.int64)
        return _Ranking(zeros, zeros + 1, zeros, np.full(rows, np.nan))
    higher = indicator.direction == "higher"
    table = table.sort_values(["ordinal", "value"], ascending=[True, not higher], kind="stable")
    peer_ordinal = table["ordinal"].to_numpy(dtype=np.int64)
    peer_value = table["value"].to_numpy(dtype=np.float64)
    peer_name = table["peer"].astype(str).to_numpy(dtype=object)
    peer_exact = table["exact"].tolist()
    start = np.searchsorted(peer_ordinal, panel.ordinal, side="left")
    stop = np.searchsorted(peer_ordinal, panel.ordinal, side="right")
    counts = stop - start
    row_of_pair = np.repeat(np.arange(rows), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    peer_of_pair = np.repeat(start, counts) + offsets
    region_text = np.asarray([str(r) for r in panel.region], dtype=object)
    is_self = peer_name[peer_of_pair] == region_text[row_of_pair]
    better = decide(
        peer_value[peer_of_pair],
        computed.value[row_of_pair],
        "gt" if higher else "lt",
        lambda pair: peer_exact[int(peer_of_pair[pair])],
        lambda pair: computed.exact(int(row_of_pair[pair])),
    )
    others = ~is_self
    n_peers = np.bincount(row_of_pair[others], minlength=rows)
    n_better = np.bincount(row_of_pair[others & better], minlength=rows)
    group = n_peers + 1
    cutoff = np.array([threshold.cutoff(int(n)) for n in range(int(group.max()) + 1)])[group]
    # position, among the row's other peers sorted best first, of the cut-off member
    self_rank_in_list = np.full(rows, np.iinfo(np.int64).max)
    self_pairs = np.flatnonzero(is_self)
    self_rank_in_list[row_of_pair[self_pairs]] = offsets[self_pairs]
    bar_offset = cutoff - 1 + (self_rank_in_list <= cutoff - 1)
    has_bar = (bar_offset < counts) & (n_peers >= cutoff)
    bar = np.where(has_bar, peer_value[np.minimum(start + bar_offset, len(peer_value) - 1)], np.nan)
    return _Ranking(
        n_better.astype(np.int64) + 1, group.astype(np.int64), cutoff.astype(np.int64), bar
    )


# --------------------------------------------------------------------------- trends


@dataclass(frozen=True)
class _TrendResult:
    status: npt.NDArray[np.object_]
    reason: npt.NDArray[np.object_]
    previous: FloatArray
    text: dict[str, Any]


def _trend(threshold: Trend, panel: Panel, computed: _Computed) -> _TrendResult:
    """Judge strict monotonicity at each row over the periods up to it.

    Rows are already sorted by region then period; a region's series starts at its first
    reported value. A step is the move from the row before to this one; it is *broken* when
    it does not rise (fall), and a *gap* when the periods are not consecutive or a value is
    missing. Counts of broken and gap steps inside each row's window
    come from cumulative sums, so the whole panel is judged in a few array operations.
    """
    rows = len(panel)
    value = computed.value
    region_codes = pd.factorize(np.asarray([str(r) for r in panel.region], dtype=object))[0]
    index = np.arange(rows)
    new_group = np.ones(rows, dtype=bool)
    new_group[1:] = region_codes[1:] != region_codes[:-1]
    group_start = np.maximum.accumulate(np.where(new_group, index, 0))
    # a series starts at the region's first reported value (a survey not yet begun is no gap)
    reported = np.where(np.isnan(value), rows, index)
    first_reported = pd.Series(reported).groupby(region_codes).transform("min").to_numpy()
    group_start = np.maximum(group_start, np.minimum(first_reported, index))
    previous = np.full(rows, np.nan)
    previous[1:] = value[:-1]
    previous[new_group] = np.nan
    consecutive = np.zeros(rows, dtype=bool)
    consecutive[1:] = panel.ordinal[1:] - panel.ordinal[:-1] == 1
    gap = ~new_group & (~consecutive | np.isnan(previous) | np.isnan(value))
    op = "gt" if threshold.direction == "rising" else "lt"
    moved = decide(
        value,
        previous,
        op,
        computed.exact,
        lambda row: computed.exact(row - 1) if row > 0 else None,
    )
    broken = ~new_group & ~gap & ~moved
    window_start = group_start.copy()
    if threshold.window is not None:
        window_start = np.maximum(group_start, index - threshold.window + 1)
    gaps_in_window = _count_since(gap, window_start)
    broken_in_window = _count_since(broken, window_start)
    first = index == window_start
    status = np.where(
        first | (gaps_in_window > 0),
        Status.INSUFFICIENT_DATA.value,
        np.where(broken_in_window > 0, Status.NOT_MET.value, Status.MET.value),
    ).astype(object)
    reason = np.where(
        first,
        Reason.TOO_FEW_PERIODS.value,
        np.where(
            gaps_in_window > 0,
            Reason.GAP_IN_PERIODS.value,
            np.where(broken_in_window > 0, Reason.TREND_BROKEN.value, Reason.TREND_HOLDS.value),
        ),
    ).astype(object)
    last_broken = np.maximum.accumulate(np.where(broken, index, -1))
    last_gap = np.maximum.accumulate(np.where(gap, index, -1))
    return _TrendResult(
        status=status,
        reason=reason,
        previous=previous,
        text={
            "_window_start": window_start,
            "_last_broken": np.where(last_broken >= window_start, last_broken, -1),
            "_last_gap": np.where(last_gap >= window_start, last_gap, -1),
            "_row": index,
        },
    )


def _count_since(flags: BoolArray, start: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """How many flags are set in rows ``start[i] + 1 … i`` (the steps inside the window)."""
    running = np.cumsum(flags.astype(np.int64))
    return running - running[start]
