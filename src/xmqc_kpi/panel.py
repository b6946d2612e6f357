"""Reading the caller's data into a validated panel: one row per (region, period).

Three shapes are accepted, all pandas DataFrames:

* **wide**: ``region`` (optional), ``period``, then one column per input variable (or an
  indicator id, for a value reported directly);
* **long**: ``region`` (optional), ``period``, ``variable``, ``value`` and optionally ``unit``;
* **template**: the filled input template, ``variable`` and ``unit`` beside one column per
  period (see :func:`xmqc_kpi.template.input_template`), melted into the long shape.

Every structural problem is collected and raised together as one :class:`DataError`, each naming
its column and the caller's row label. Values keep the decimals they were written as: a
column's raw numbers and units are stored, and conversion to a target unit is done on demand,
in floats for the whole column or exactly (``Fraction``) for a single row.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .errors import DataError, DataProblem
from .template import TEMPLATE_COLUMNS
from .units import UnitError, exact_factor, float_factor, normalise_unit

__all__ = ["Column", "Panel", "exact_number", "parse_periods", "read_panel"]

FloatArray = npt.NDArray[np.float64]


def exact_number(raw: object) -> Fraction:
    """The exact rational a raw cell stands for: floats read as the decimals they print as.

    >>> exact_number(0.94)
    Fraction(47, 50)
    >>> exact_number(10**17 - 1)
    Fraction(99999999999999999, 1)
    """
    if isinstance(raw, int | np.integer):
        return Fraction(int(raw))
    return Fraction(repr(float(raw)))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Column:
    """One variable over the panel's rows: raw numbers, each with the unit it was given in."""

    #: Raw numbers as given (int64 where every cell is an integer, float64 with NaN otherwise).
    raw: npt.NDArray[Any]
    #: Index into ``units`` for each row.
    unit_codes: npt.NDArray[np.intp]
    #: The distinct unit strings the column was given in.
    units: tuple[str, ...]
    _floats: dict[str, FloatArray] = field(default_factory=dict, compare=False, repr=False)

    def to(self, unit: str) -> FloatArray:
        """The column in ``unit``, as floats (NaN where empty); computed once per unit."""
        if unit not in self._floats:
            factors = np.array([float_factor(u, unit) for u in self.units], dtype=np.float64)
            values = self.raw.astype(np.float64)
            scale = factors[0] if len(factors) == 1 else factors[self.unit_codes]
            with np.errstate(over="ignore"):  # beyond floats in the new unit: inf
                self._floats[unit] = values * scale
        return self._floats[unit]

    def exact(self, row: int, unit: str) -> Fraction:
        """The exact value of one row in ``unit``."""
        given = self.units[int(self.unit_codes[row])]
        return exact_number(self.raw[row]) * exact_factor(given, unit)

    def given_unit(self) -> npt.NDArray[np.object_]:
        """The unit string each row was given in."""
        return np.asarray(self.units, dtype=object)[self.unit_codes]


@dataclass(frozen=True)
class Panel:
    """The validated data: one row per (region, period), sorted by region then period."""

    #: The caller's label of each row (index label, or (region, period) for a long frame).
    labels: npt.NDArray[np.object_]
    region: npt.NDArray[np.object_]
    period: npt.NDArray[np.object_]
    ordinal: npt.NDArray[np.int64]
    freq: str | None
    columns: Mapping[str, Column]

    def __len__(self) -> int:
        return len(self.period)


@dataclass
class _Problems:
    items: list[DataProblem] = field(default_factory=list)

    def add(self, column: str | None, row: object, message: str) -> None:
        self.items.append(DataProblem(column=column, row=_plain(row), message=message))

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)


def _plain(label: object) -> object:
    return label.item() if isinstance(label, np.generic) else label


def parse_periods(
    values: pd.Series, problems: _Problems, column: str = "period"
) -> tuple[npt.NDArray[np.int64], str | None]:
    """Parse a period column (years as ints, or anything ``pandas.Period`` reads).

    Returns the ordinals and the common frequency; unparseable cells and mixed frequencies are
    recorded as problems. Parsing is done once per distinct value.

    >>> ordinals, freq = parse_periods(pd.Series([2013, "2014"]), _Problems())
    >>> freq, ordinals.tolist()
    ('Y-DEC', [43, 44])
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    missing = np.flatnonzero(codes < 0)
    for row in missing:
        problems.add(column, values.index[int(row)], "missing period")
    parsed: list[pd.Period | None] = []
    for position, unique in enumerate(uniques):
        period = _parse_period(unique)
        if period is None:
            first = values.index[int(np.argmax(codes == position))]
            problems.add(column, first, f"cannot read {unique!r} as a period")
        parsed.append(period)
    freqs = sorted({p.freqstr for p in parsed if p is not None})
    if len(freqs) > 1:
        problems.add(column, None, f"periods mix frequencies {freqs}; use one frequency")
    lookup = np.array([p.ordinal if p is not None else 0 for p in parsed] + [0], dtype=np.int64)
    return lookup[codes], (freqs[0] if len(freqs) == 1 else None)


def _parse_period(value: object) -> pd.Period | None:
    """A period, or ``None`` when the cell is not one (an empty string reads as NaT)."""
    if isinstance(value, bool | np.bool_):
        return None
    try:
        if isinstance(value, pd.Period):
            period = value
        elif isinstance(value, int | np.integer) or (
            isinstance(value, float | np.floating) and float(value).is_integer()
        ):
            period = pd.Period(year=int(value), freq="Y")  # 10**30 overflows
        else:
            text = str(value).strip()
            if text.isdigit() and len(text) == 4:
                period = pd.Period(year=int(text), freq="Y")
            else:
                period = pd.Period(text)
    except (ValueError, TypeError, OverflowError):
        return None
    return period if isinstance(period, pd.Period) else None  # not NaT


def _numeric(
    series: pd.Series, column: str, problems: _Problems, labels: pd.Index | None = None
) -> npt.NDArray[Any]:
    """Strictly numeric values of a column: int64 when all are integers, else float64 with NaN.

    Booleans, strings and infinities are problems (named by column and row), as are negative
    numbers: every quantity of the plan is a count, an amount or a score, never negative.
    """
    labels = series.index if labels is None else labels
    first = labels[0] if len(labels) else None
    if pd.api.types.is_bool_dtype(series.dtype):
        problems.add(column, first, "true/false is not a number")
        return np.full(len(series), np.nan)
    if pd.api.types.is_complex_dtype(series.dtype):
        problems.add(column, first, "complex numbers are not quantities")
        return np.full(len(series), np.nan)
    if pd.api.types.is_integer_dtype(series.dtype) and not series.hasnans:
        values: npt.NDArray[Any] = _integers(series)
    elif pd.api.types.is_integer_dtype(series.dtype):  # nullable Int64 with <NA>: stay exact
        values = _exact_objects(series.to_numpy(dtype=object, na_value=np.nan))
    elif pd.api.types.is_numeric_dtype(series.dtype):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        objects = series.to_numpy(dtype=object)
        is_number = np.frompyfunc(_is_number_cell, 1, 1)(objects).astype(bool)
        for position in np.flatnonzero(~is_number):
            problems.add(column, labels[int(position)], f"not a number: {objects[position]!r}")
        too_large = np.frompyfunc(_beyond_float, 1, 1)(objects).astype(bool)
        for position in np.flatnonzero(too_large):
            digits = int(abs(int(objects[position])).bit_length() * 0.30103) + 1
            problems.add(
                column, labels[int(position)], f"a number of about {digits} digits is too large"
            )
        usable = is_number & ~too_large & ~pd.isna(objects)
        values = _exact_objects(np.where(usable, objects, np.nan))
    infinite = np.zeros(len(values), dtype=bool)
    if values.dtype.kind in "fO":
        floats = values.astype(np.float64)  # exact in sign; an object column may hold NaN
        infinite = np.isinf(floats)
        for position in np.flatnonzero(infinite):
            problems.add(column, labels[int(position)], f"infinite value {values[position]}")
        negative = floats < 0
    else:
        negative = values < 0
    for position in np.flatnonzero(negative):
        problems.add(column, labels[int(position)], f"negative value {values[position]}")
    return _blank(values, negative | infinite)


def _blank(values: npt.NDArray[Any], bad: npt.NDArray[np.bool_]) -> npt.NDArray[Any]:
    """``values`` with the cells already reported as problems made missing (NaN).

    The evaluation goes on over such a panel only to find the remaining problems of the data
    (a numerator above its denominator) and report them all at once; it never returns.
    """
    if not bad.any():
        return values
    blanked = values.astype(object if values.dtype == object else np.float64)
    blanked[bad] = np.nan
    return blanked


_INT64_MAX = np.iinfo(np.int64).max


def _integers(series: pd.Series) -> npt.NDArray[Any]:
    """An integer column as int64, or as Python ints where it does not fit (large uint64)."""
    if series.dtype.kind == "u" and len(series) and int(series.max()) > _INT64_MAX:
        return series.to_numpy(dtype=object)
    return series.to_numpy(dtype=np.int64)


def _exact_objects(cells: npt.NDArray[np.object_]) -> npt.NDArray[Any]:
    """Number cells (NaN where empty) as float64, or as Python numbers where a float rounds.

    From 2**53 on an integer may not be a float (10**17 - 1 is read as 10**17), and beyond
    int64 (10**30 batches in a stress test) not an int64 either: 10**30 - 1 of 10**30 would
    look like 100 %. Such columns stay exact Python ints for the exact comparisons.
    """
    big = np.asarray(np.frompyfunc(_is_big_int, 1, 1)(cells), dtype=bool)
    if big.any():
        return cells
    return pd.to_numeric(pd.Series(cells), errors="coerce").to_numpy(
        dtype=np.float64, na_value=np.nan
    )


def _is_big_int(cell: object) -> bool:
    return isinstance(cell, int | np.integer) and abs(int(cell)) > 2**53


#: The largest integer a float holds (beyond it a float conversion overflows).
_FLOAT_MAX = int(np.finfo(np.float64).max)


def _beyond_float(cell: object) -> bool:
    return isinstance(cell, int | np.integer) and abs(int(cell)) > _FLOAT_MAX


def _is_number_cell(cell: object) -> bool:
    if cell is None or cell is pd.NA:
        return True
    if isinstance(cell, bool | np.bool_):
        return False
    return isinstance(cell, int | float | np.integer | np.floating)


def read_panel(
    data: pd.DataFrame,
    *,
    variables: Mapping[str, str],
    units: Mapping[str, str] | None = None,
    deferred: list[DataProblem] | None = None,
) -> Panel:
    """Validate ``data`` and return its :class:`Panel`.

    ``variables`` maps every name the evaluated indicators can read (inputs and indicator ids)
    to its default unit; other columns are ignored. ``units`` overrides default units.
    Problems of the table's shape (keys, duplicates, units) raise at once; with ``deferred``,
    problems of single cells of a wide table (text, negative, infinite) are appended to it
    instead, the cells made missing, so that the caller can add its own and raise them all.
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame, not {type(data).__name__}")
    problems = _Problems()
    units = dict(units or {})
    _check_units_mapping(units, variables, data, problems)
    if "variable" in data.columns:
        long = _template_to_long(data) if "value" not in data.columns else data
        return _read_long(long, variables, units, problems)
    return _read_wide(data, variables, units, problems, deferred)


def _check_units_mapping(
    units: Mapping[str, str],
    variables: Mapping[str, str],
    data: pd.DataFrame,
    problems: _Problems,
) -> None:
    for name, unit in units.items():
        if name not in variables:
            if name not in data.columns:
                problems.add(
                    name, None, "units= names a variable that is neither used nor in the data"
                )
            continue
        _unit_problem(name, None, unit, variables[name], problems)


def _unit_problem(
    column: str, row: object, unit: object, default: str, problems: _Problems
) -> bool:
    """Record a problem when ``unit`` is unknown or does not convert to ``default``."""
    if not isinstance(unit, str):
        problems.add(column, row, f"unit must be a string, not {unit!r}")
        return True
    try:
        normalise_unit(unit)
        float_factor(unit, default)
    except UnitError as exc:
        problems.add(column, row, f"unit {unit!r}: {exc}")
        return True
    return False


def _keys(
    frame: pd.DataFrame, problems: _Problems
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.object_], npt.NDArray[np.int64], str | None]:
    if "period" not in frame.columns:
        problems.add("period", None, "the data has no 'period' column")
        problems.raise_if_any()
    if "region" in frame.columns:
        region = frame["region"].to_numpy(dtype=object, copy=True)  # never the caller's array
        for position in np.flatnonzero(pd.isna(frame["region"]).to_numpy()):
            problems.add("region", frame.index[int(position)], "missing region")
        region[pd.isna(frame["region"]).to_numpy()] = None
    else:
        region = np.full(len(frame), None, dtype=object)
    ordinal, freq = parse_periods(frame["period"], problems)
    return region, frame["period"].to_numpy(dtype=object), ordinal, freq


def _row_ids(
    region: npt.NDArray[np.object_], ordinal: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Group rows by (region, period): the group of each row, and one representative per group.

    Groups are numbered in sorted (region, period) order, so the panel's order does not depend
    on the caller's row order.
    """
    region_codes, region_uniques = pd.factorize(region, use_na_sentinel=False)
    region_codes = np.asarray(region_codes, dtype=np.intp)
    labels = np.array(["" if r is None else f"\x01{r}" for r in region_uniques], dtype=object)
    order = np.argsort(labels, kind="stable")
    rank = np.empty(len(order), dtype=np.intp)
    rank[order] = np.arange(len(order))
    period_uniques, period_codes = np.unique(ordinal, return_inverse=True)
    combined = rank[region_codes].astype(np.int64) * len(period_uniques) + period_codes
    _, group = np.unique(combined, return_inverse=True)
    group = np.asarray(group, dtype=np.intp).reshape(-1)
    first = np.full(int(group.max()) + 1 if len(group) else 0, -1, dtype=np.intp)
    first[group[::-1]] = np.arange(len(group))[::-1]
    return np.asarray(group, dtype=np.intp), first


def _read_wide(
    data: pd.DataFrame,
    variables: Mapping[str, str],
    units: Mapping[str, str],
    problems: _Problems,
    deferred: list[DataProblem] | None = None,
) -> Panel:
    region, period, ordinal, freq = _keys(data, problems)
    group, first = _row_ids(region, ordinal)
    duplicated = np.ones(len(group), dtype=bool)
    duplicated[first] = False
    for position in np.flatnonzero(duplicated):
        problems.add(
            "period",
            data.index[int(position)],
            f"duplicate (region, period) row: {region[position]!r}, {period[position]!r}",
        )
    shape_problems = len(problems.items)  # keys, duplicates, units: nothing can be evaluated
    columns: dict[str, Column] = {}
    for name in data.columns:
        if name not in variables:
            continue
        if list(data.columns).count(name) > 1:
            problems.add(str(name), None, "the column appears more than once")
            continue
        raw = _numeric(data[name], str(name), problems)
        unit = units.get(str(name), variables[str(name)])
        columns[str(name)] = Column(
            raw=raw[first], unit_codes=np.zeros(len(first), dtype=np.intp), units=(unit,)
        )
    if deferred is None or shape_problems:
        problems.raise_if_any()
    else:
        deferred.extend(problems.items)
    return Panel(
        labels=data.index.to_numpy(dtype=object)[first],
        region=region[first],
        period=period[first],
        ordinal=ordinal[first],
        freq=freq,
        columns=columns,
    )


def _template_to_long(data: pd.DataFrame) -> pd.DataFrame:
    """Melt a filled input template (variable × period columns) into the long shape."""
    meta = [c for c in data.columns if c in TEMPLATE_COLUMNS]
    periods = [c for c in data.columns if c not in TEMPLATE_COLUMNS]
    frame = data.reset_index(drop=True)
    long = frame.melt(id_vars=meta, value_vars=periods, var_name="period", value_name="value")
    long.index = pd.Index(
        [f"{row + 1}:{column}" for column in periods for row in range(len(frame))]
    )
    if "region" in long.columns:
        blank = long["region"].isna() | (long["region"].astype(str).str.strip() == "")
        if bool(blank.all()):
            long = long.drop(columns="region")
    return long.loc[:, [c for c in ("region", "period", "variable", "value", "unit") if c in long]]


def _read_long(
    data: pd.DataFrame,
    variables: Mapping[str, str],
    units: Mapping[str, str],
    problems: _Problems,
) -> Panel:
    used = data["variable"].isin(list(variables)).to_numpy()
    frame = data.loc[used]
    region, period, ordinal, freq = _keys(data, problems)
    values = _numeric(frame["value"], "value", problems)
    variable = frame["variable"].to_numpy(dtype=object)
    given_units = _long_units(frame, variable, variables, units, problems)
    group_all, first = _row_ids(region, ordinal)
    group = group_all[used]
    seen = pd.DataFrame({"g": group, "v": variable}).duplicated().to_numpy()
    for position in np.flatnonzero(seen):
        problems.add(
            "variable",
            frame.index[int(position)],
            f"{variable[position]!r} given twice for the same (region, period)",
        )
    problems.raise_if_any()
    rows = len(first)
    columns: dict[str, Column] = {}
    for name in pd.unique(variable):
        mask = variable == name
        unit_codes, unit_names = pd.factorize(given_units[mask])
        raw_values = values[mask]
        raw = None
        if raw_values.dtype.kind in "fO" or mask.sum() < rows:
            # integers from 2**53 on stay Python ints beside the NaN: a float would round them
            big = raw_values.dtype == object or (
                raw_values.dtype.kind in "iu" and bool((np.abs(raw_values) > 2**53).any())
            )
            raw = np.full(rows, np.nan, dtype=object if big else np.float64)
            if big:
                raw_values = raw_values.astype(object)
        if raw is None:
            raw = np.zeros(rows, dtype=raw_values.dtype)
        raw[group[mask]] = raw_values
        codes = np.zeros(rows, dtype=np.intp)
        codes[group[mask]] = unit_codes
        columns[str(name)] = Column(
            raw=raw, unit_codes=codes, units=tuple(str(u) for u in unit_names)
        )
    keys = np.empty(rows, dtype=object)
    keys[:] = list(zip(region[first], period[first], strict=True))
    return Panel(
        labels=keys,
        region=region[first],
        period=period[first],
        ordinal=ordinal[first],
        freq=freq,
        columns=columns,
    )


def _long_units(
    frame: pd.DataFrame,
    variable: npt.NDArray[np.object_],
    variables: Mapping[str, str],
    units: Mapping[str, str],
    problems: _Problems,
) -> npt.NDArray[np.object_]:
    """The unit of each long row: its ``unit`` cell, else ``units=``, else the default."""
    fallback = np.array([units.get(v, variables[v]) for v in variable], dtype=object)
    if "unit" not in frame.columns:
        return fallback
    cells = frame["unit"].to_numpy(dtype=object)
    blank = pd.isna(frame["unit"]).to_numpy() | (frame["unit"].astype(str).str.strip() == "")
    given = np.where(blank, fallback, cells)
    checked: dict[tuple[object, object], bool] = {}
    for position, (name, unit) in enumerate(zip(variable, given, strict=True)):
        key = (name, unit)
        if key not in checked:
            checked[key] = _unit_problem(
                "unit", frame.index[int(position)], unit, variables[name], problems
            )
    return given


def benchmark_like(
    table: pd.DataFrame,
    *,
    name: str,
    required: Collection[str],
    display_units: Mapping[str, str],
    freq: str | None,
) -> pd.DataFrame:
    """Validate a benchmarks or peers table and return it with exact values in display units.

    The result has the required columns plus ``ordinal`` (the period), ``value`` as floats in the
    indicator's display unit and ``exact`` (a ``Fraction`` per row). Rows for indicators not being
    evaluated are dropped; empty values are dropped (a peer that did not report).
    """
    problems = _Problems()
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, not {type(table).__name__}")
    missing = [c for c in required if c not in table.columns]
    for column in missing:
        problems.add(column, None, f"the {name} table has no {column!r} column")
    problems.raise_if_any()
    frame = table.loc[table["indicator_id"].isin(list(display_units))]
    ordinal, table_freq = parse_periods(frame["period"], problems)
    if freq is not None and table_freq is not None and table_freq != freq:
        problems.add("period", None, f"{name} periods are {table_freq}, the data's are {freq}")
    values = _numeric(frame["value"], "value", problems)
    targets = frame["indicator_id"].map(display_units).to_numpy(dtype=object)
    if "unit" in frame.columns:
        cells = frame["unit"].to_numpy(dtype=object)
        given = np.where(pd.isna(frame["unit"]).to_numpy(), targets, cells)
    else:
        given = targets
    for position, (unit, target) in enumerate(zip(given, targets, strict=True)):
        _unit_problem("unit", frame.index[int(position)], unit, str(target), problems)
    problems.raise_if_any()
    result = frame.loc[:, [c for c in required if c not in ("period", "value")]].copy()
    result["period"] = frame["period"].to_numpy(dtype=object)
    result["ordinal"] = ordinal
    factors = np.array(
        [float_factor(str(u), str(t)) for u, t in zip(given, targets, strict=True)], dtype=float
    )
    result["value"] = values.astype(np.float64) * factors
    exact = [
        exact_number(v) * exact_factor(str(u), str(t)) if not np.isnan(float(v)) else None
        for v, u, t in zip(values, given, targets, strict=True)
    ]
    result["exact"] = pd.Series(exact, index=result.index, dtype=object)
    kept: pd.DataFrame = result.loc[~np.isnan(result["value"].to_numpy(dtype=float))]
    return kept.reset_index(drop=True)
