"""Reading the caller's data into a validated panel: one row per (region, period).

Three shapes are accepted, all pandas DataFrames:

* **wide**: ``region`` (optional), ``period``, then one column per input variable (or an
  indicator id, for a value reported directly);
* **long**: ``region`` (optional), ``period``, ``variable``, ``value`` and optionally ``unit``;
* **template**: the filled input template, ``variable`` and ``unit`` beside one column per
  period (see :func:`xmqc_kpi.template.input_template`), melted into the long shape.

Reading rules (``docs/data.md``, "Reading a DataFrame"):

* regions are compared as text: the number 350203 and the text ``"350203"`` are one region
  (a note says so); a missing region is a problem;
* a period is a year (an int, or text such as ``"2013"``) between :data:`FIRST_YEAR` and
  :data:`LAST_YEAR`, a quarter (``"2013Q1"``) or a month (``"2013-01"``); a date is read as the
  year, quarter or month it ends (2013-12-31 → 2013, 2013-03-31 → 2013Q1, 2013-01-31 →
  2013-01; the coarsest that every date of the column ends), any other date is a problem;
* values are numbers ≥ 0 read exactly as written: ints, floats (read as the decimals they
  print as), ``Decimal`` and ``Fraction`` (how databases export NUMERIC);
* MultiIndex columns and a key column given twice are refused.

Every problem is collected: the rows and cells that are wrong are left out and the rest is
read, so that the caller (:func:`xmqc_kpi.evaluate`) can add the problems only an evaluation
finds (a part above its whole) and raise them all in one :class:`DataError`. Each problem
names its place as the sender sees it: the column as written and the row's index label, or
for a frame read from a file, the sheet and cell (``attrs``: ``sheet``, ``letters``,
``headers``; see :class:`Places`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._small import is_small
from .errors import DataError, DataProblem
from .template import TEMPLATE_COLUMNS
from .text import Words
from .text._problems_values import FREQUENCIES, TABLES
from .units import UnitError, exact_factor, float_factor

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Column",
    "Panel",
    "Places",
    "exact_number",
    "parse_periods",
    "read_panel",
    "recorded_problems",
]

FloatArray = npt.NDArray[np.float64]

#: The earliest year a period may be in (a typo such as 13 or 1700 is refused).
FIRST_YEAR = 1949
#: The latest year a period may be in.
LAST_YEAR = 2100

#: The columns that key a row; each may be given once.
KEY_COLUMNS = ("region", "period", "variable", "value", "unit")


def exact_number(raw: object) -> Fraction:
    """The exact rational a raw cell stands for: floats read as the decimals they print as.

    ``Decimal`` and ``Fraction`` cells are exact already.

    >>> exact_number(0.94), exact_number(Decimal("0.94")), exact_number(Fraction(47, 50))
    (Fraction(47, 50), Fraction(47, 50), Fraction(47, 50))
    >>> exact_number(10**17 - 1)
    Fraction(99999999999999999, 1)
    """
    if isinstance(raw, int | np.integer):
        return Fraction(int(raw))
    if isinstance(raw, Fraction | Decimal):
        return Fraction(raw)
    number = float(raw)  # type: ignore[arg-type]
    if number.is_integer() and abs(number) < 2**53:  # a count as a float (50.0): its digits
        return Fraction(int(number))
    if math.isfinite(number):  # the decimal it prints as, read without a regex
        return Fraction(Decimal(repr(number)))
    return Fraction(repr(number))


@dataclass(frozen=True)
class Column:
    """One variable over the panel's rows: raw numbers, each with the unit it was given in."""

    #: Raw numbers as given (int64 where every cell is an integer, float64 with NaN otherwise,
    #: objects where a float would round: huge ints, ``Decimal``, ``Fraction``).
    raw: npt.NDArray[Any]
    #: Index into ``units`` for each row.
    unit_codes: npt.NDArray[np.intp]
    #: The distinct unit strings the column was given in.
    units: tuple[str, ...]
    #: Where each row's value was given, when not at the panel row's own place (long frames).
    places: tuple[dict[str, Any], ...] | None = None
    _floats: dict[str, FloatArray] = field(default_factory=dict, compare=False, repr=False)
    _exact_factors: dict[tuple[int, str], Fraction] = field(
        default_factory=dict, compare=False, repr=False
    )

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
        """The exact value of one row in ``unit`` (each unit's factor looked up once)."""
        code = int(self.unit_codes[row])
        factor = self._exact_factors.get((code, unit))
        if factor is None:
            factor = exact_factor(self.units[code], unit)
            self._exact_factors[code, unit] = factor
        number = exact_number(self.raw[row])
        return number if factor == 1 else number * factor

    def given_unit(self) -> npt.NDArray[np.object_]:
        """The unit string each row was given in."""
        return np.asarray(self.units, dtype=object)[self.unit_codes]


@dataclass(frozen=True)
class Panel:
    """The validated data: one row per (region, period), sorted by region then period."""

    #: The caller's label of each row (its index label; for a long frame, the first row of
    #: the (region, period)).
    labels: npt.NDArray[np.object_]
    region: npt.NDArray[np.object_]
    period: npt.NDArray[np.object_]
    ordinal: npt.NDArray[np.int64]
    freq: str | None
    columns: Mapping[str, Column]
    #: What reading did that the caller should know (codes worded like problems).
    notes: tuple[DataProblem, ...] = ()
    #: How the caller's columns are shown in problems (file positions, headers as written).
    places: Places | None = None

    def __len__(self) -> int:
        return len(self.period)

    def place(self, row: int, variable: str | None = None) -> dict[str, Any]:
        """Where a problem of panel row ``row`` (and ``variable``) is, as ``DataProblem`` fields.

        ``DataProblem(code=..., **panel.place(row, "passed"))`` names the cell the sender gave
        the value in: their index label and column, or the sheet and cell of their file.
        """
        column = self.columns.get(variable) if variable is not None else None
        if column is not None and column.places is not None:
            return dict(column.places[row])
        places = self.places or Places()
        return places.at(variable, self.labels[row])

    def header(self, variable: str) -> str:
        """The header the sender wrote for ``variable`` (its name when no header was read)."""
        places = self.places or Places()
        return places.headers.get(variable, variable)


@dataclass(frozen=True)
class Places:
    """How a frame's columns and rows are named in problems.

    A frame read from a file carries, in ``attrs``, its ``sheet`` (a name), ``letters``
    (column → spreadsheet letter) and ``headers`` (column → header as written), and is
    indexed by the file's row numbers; a frame built in Python carries none of them and its
    problems name the column and the index label.

    >>> Places(sheet="Sheet1", letters={"passed": "H"}).at("passed", 43)
    {'column': 'passed', 'row': 43, 'variable': 'passed', 'sheet': 'Sheet1', 'letter': 'H'}
    >>> Places().at("passed", "a")
    {'column': 'passed', 'row': 'a', 'variable': 'passed'}
    """

    sheet: str | None = None
    letters: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, data: pd.DataFrame) -> Places:
        """The places a frame's ``attrs`` give (none for a frame built in Python)."""
        attrs = data.attrs
        sheet = attrs.get("sheet")
        letters, headers = attrs.get("letters"), attrs.get("headers")
        return cls(
            sheet=sheet if isinstance(sheet, str) else None,
            letters=dict(letters) if isinstance(letters, Mapping) else {},
            headers=dict(headers) if isinstance(headers, Mapping) else {},
        )

    def at(self, column: object, row: object) -> dict[str, Any]:
        """``DataProblem`` location fields of ``column`` (as keyed in the frame) at ``row``."""
        name = None if column is None else str(column)
        place: dict[str, Any] = {"column": self.headers.get(name, name) if name else None}
        place["row"] = _plain(row)
        if name is not None:  # the frame's column: the name it is read as
            place["variable"] = name
        if self.sheet is not None:
            place["sheet"] = self.sheet
        if name is not None and name in self.letters:
            place["letter"] = self.letters[name]
        return place


def recorded_problems(data: object) -> tuple[DataProblem, ...]:
    """The problems a reader recorded in a frame's ``attrs["problems"]`` (empty if none).

    ``read_data(path, defer=True)`` leaves the cells it cannot read missing and records their
    problems there; :func:`xmqc_kpi.evaluate` raises them with its own.

    >>> frame = pd.DataFrame({"period": [2013]})
    >>> recorded_problems(frame)
    ()
    >>> frame.attrs["problems"] = [DataProblem(code="value_not_number", row=2, letter="D")]
    >>> [problem.cell for problem in recorded_problems(frame)]
    ['D2']
    """
    if not isinstance(data, pd.DataFrame):
        return ()
    recorded = data.attrs.get("problems")
    if recorded is None:
        return ()
    if not isinstance(recorded, list | tuple) or not all(
        isinstance(problem, DataProblem) for problem in recorded
    ):
        raise TypeError('data.attrs["problems"] must be a list of DataProblem')
    return tuple(recorded)


class _Placing(Protocol):
    def at(self, column: object, row: object) -> dict[str, Any]: ...


@dataclass
class _Problems:
    """Problems found so far, each located through ``places``."""

    items: list[DataProblem] = field(default_factory=list)
    places: _Placing = field(default_factory=Places)
    notes: list[DataProblem] = field(default_factory=list)

    def add(
        self, code: str, column: object, row: object, *, value: object = None, **params: Any
    ) -> None:
        self.items.append(
            DataProblem(
                code=code, params=params, value=_plain(value), **self.places.at(column, row)
            )
        )

    def unit(self, error: UnitError, column: object, row: object) -> None:
        value = error.params.get("unit")
        place = self.places.at(column, row)
        self.items.append(DataProblem(code=error.code, params=error.params, value=value, **place))

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)


def _plain(label: object) -> object:
    return label.item() if isinstance(label, np.generic) else label


# --------------------------------------------------------------------------- periods

_YEAR_TEXT = re.compile(r"[+-]?(?:\d{1,5}|\d{7,9})")  # 201301 is a month for pandas
_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]00:00(?::00(?:\.0+)?)?)?")


def parse_periods(
    values: pd.Series, problems: _Problems, column: str = "period"
) -> tuple[npt.NDArray[np.int64], str | None]:
    """Parse a period column: years, quarters, months, or dates at their ends.

    Returns the ordinals and the common frequency. Unreadable cells, years outside
    :data:`FIRST_YEAR`–:data:`LAST_YEAR`, dates that end no year, quarter or month, and
    frequencies other than the column's first are problems; their ordinal is -1 (use
    :func:`period_ok`). Parsing is done once per distinct value.

    >>> ordinals, freq = parse_periods(pd.Series([2013, "2014"]), _Problems())
    >>> freq, ordinals.tolist()
    ('Y-DEC', [43, 44])
    >>> dates = pd.Series(pd.to_datetime(["2013-03-31", "2013-06-30"]))
    >>> ordinals, freq = parse_periods(dates, _Problems())
    >>> freq, [str(pd.Period(ordinal=o, freq=freq)) for o in ordinals]
    ('Q-DEC', ['2013Q1', '2013Q2'])
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    for row in np.flatnonzero(codes < 0):
        problems.add("period_missing", column, values.index[int(row)])
    firsts = _first_positions(codes, len(uniques))
    readings = [_read_period(unique) for unique in uniques]
    freq = _common_freq(readings)
    lookup = np.full(len(uniques) + 1, -1, dtype=np.int64)
    for position, (unique, reading) in enumerate(zip(uniques, readings, strict=True)):
        label = values.index[int(firsts[position])]
        period = _at_freq(reading, freq)
        if isinstance(reading, str):
            problems.add(
                reading,
                column,
                label,
                value=unique,
                text=str(unique),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        elif period is None:
            problems.add(
                "period_other_frequency",
                column,
                label,
                value=unique,
                text=str(unique),
                freq=FREQUENCIES[_freq_key(freq)],
            )
        elif not FIRST_YEAR <= period.year <= LAST_YEAR:
            problems.add(
                "period_year_out_of_range",
                column,
                label,
                value=unique,
                text=str(unique),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        else:
            lookup[position] = period.ordinal
    return lookup[codes], freq


def _first_positions(codes: npt.NDArray[np.intp], count: int) -> npt.NDArray[np.intp]:
    """The first position of each code 0..count-1."""
    firsts = np.zeros(count, dtype=np.intp)
    valid = np.flatnonzero(codes >= 0)
    firsts[codes[valid][::-1]] = valid[::-1]
    return firsts


#: A period as read: a Period, the frequencies a date at a period's end can be read at, or
#: the code of the problem with the cell.
_Reading = pd.Period | tuple[dt.date, tuple[str, ...]] | str


def _read_period(value: object) -> _Reading:
    if isinstance(value, bool | np.bool_):
        return "period_unreadable"
    if isinstance(value, pd.Period):
        return value
    if isinstance(value, dt.date | np.datetime64) or (
        isinstance(value, str) and _DATE_TEXT.fullmatch(value.strip())
    ):
        return _date_reading(value)
    try:
        if isinstance(value, int | np.integer) or (
            isinstance(value, float | np.floating | Decimal) and float(value).is_integer()
        ):
            return _year(int(value))
        text = str(value).strip()
        if _YEAR_TEXT.fullmatch(text):
            return _year(int(text))
        period = pd.Period(text)
    except (ValueError, TypeError, OverflowError):
        return "period_unreadable"
    return period if isinstance(period, pd.Period) else "period_unreadable"  # NaT


def _year(year: int) -> pd.Period | str:
    if not FIRST_YEAR <= year <= LAST_YEAR:  # 13, 0, -5, 99999: a typo, not a year
        return "period_year_out_of_range"
    return pd.Period(year=year, freq="Y")


def _date_reading(value: object) -> _Reading:
    """A date at the end of a year, quarter or month, with the frequencies it ends."""
    try:
        stamp = pd.Timestamp(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
    except (ValueError, TypeError, OverflowError):
        return "period_unreadable"
    if pd.isna(stamp):
        return "period_unreadable"
    if stamp.tz is not None:
        stamp = stamp.tz_localize(None)
    if stamp != stamp.normalize():
        return "period_date_not_end"
    if not FIRST_YEAR <= stamp.year <= LAST_YEAR:
        return "period_year_out_of_range"
    if not stamp.is_month_end:
        return "period_date_not_end"
    ends = ("Y", "Q", "M") if stamp.month == 12 else ("Q", "M") if stamp.is_quarter_end else ("M",)
    return (stamp.date(), ends)


def _common_freq(readings: list[_Reading]) -> str | None:
    """The frequency of the column: the first period's, else the coarsest all dates end."""
    for reading in readings:
        if isinstance(reading, pd.Period):
            return str(reading.freqstr)
    ends = [set(r[1]) for r in readings if isinstance(r, tuple)]
    if not ends:
        return None
    shared = set.intersection(*ends)  # every date ends a month: "M" at least
    choice = next(f for f in ("Y", "Q", "M") if f in shared)
    return str(pd.Period("2000-12-31", freq=choice).freqstr)


def _at_freq(reading: _Reading, freq: str | None) -> pd.Period | None:
    """The period of a reading at the column's frequency, ``None`` if it is another one."""
    if isinstance(reading, pd.Period):
        return reading if reading.freqstr == freq else None
    if isinstance(reading, tuple) and freq is not None:
        date, ends = reading
        return pd.Period(date, freq=freq) if freq[0] in ends else None
    return None


def _freq_key(reading: _Reading | str | None) -> str:
    if isinstance(reading, tuple):
        return reading[1][0]
    freq = reading.freqstr if isinstance(reading, pd.Period) else reading
    return freq[0] if freq and freq[0] in "YQMD" else "other"


def period_ok(ordinal: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Rows whose period was read (``parse_periods`` gives -1 for the others)."""
    return np.asarray(ordinal != -1, dtype=bool)


# --------------------------------------------------------------------------- values


def _numeric(
    series: pd.Series, column: object, problems: _Problems, labels: pd.Index | None = None
) -> npt.NDArray[Any]:
    """Strictly numeric values of a column: int64 when all are integers, else float64 with NaN.

    Booleans, strings and infinities are problems (named by column and row), as are negative
    numbers: every quantity of the plan is a count, an amount or a score, never negative. The
    cells with a problem are made missing (NaN). ``Decimal`` and ``Fraction`` stay exact.
    """
    labels = series.index if labels is None else labels
    first = labels[0] if len(labels) else None
    if pd.api.types.is_bool_dtype(series.dtype):
        problems.add("value_boolean", column, first)
        return np.full(len(series), np.nan)
    if pd.api.types.is_complex_dtype(series.dtype):
        problems.add("value_complex", column, first)
        return np.full(len(series), np.nan)
    if isinstance(series.dtype, pd.ArrowDtype) and "decimal" in str(series.dtype):
        series = pd.Series(series.to_numpy(dtype=object, na_value=np.nan), index=series.index)
    if pd.api.types.is_integer_dtype(series.dtype) and not series.hasnans:
        values: npt.NDArray[Any] = _integers(series)
    elif pd.api.types.is_integer_dtype(series.dtype):  # nullable Int64 with <NA>: stay exact
        largest = series.abs().max()
        if largest is pd.NA or largest <= 2**53:  # every integer is its float: no objects
            values = series.to_numpy(dtype=np.float64, na_value=np.nan)
        else:
            values = _exact_objects(series.to_numpy(dtype=object, na_value=np.nan))
    elif pd.api.types.is_numeric_dtype(series.dtype):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        objects = series.to_numpy(dtype=object)
        is_number = np.frompyfunc(_is_number_cell, 1, 1)(objects).astype(bool)
        for position in np.flatnonzero(~is_number):
            cell = objects[position]
            problems.add(
                "value_not_number", column, labels[int(position)], value=cell, text=str(cell)
            )
        too_large = np.frompyfunc(_beyond_float, 1, 1)(objects).astype(bool)
        for position in np.flatnonzero(too_large):
            digits = len(str(abs(int(objects[position]))))
            problems.add("value_too_large", column, labels[int(position)], digits=digits)
        usable = is_number & ~too_large & ~pd.isna(objects)
        values = _exact_objects(np.where(usable, objects, np.nan))
    infinite = np.zeros(len(values), dtype=bool)
    if values.dtype.kind in "fO":
        floats = values.astype(np.float64)  # exact in sign; an object column may hold NaN
        infinite = np.isinf(floats)
        for position in np.flatnonzero(infinite):
            problems.add("value_infinite", column, labels[int(position)], value=values[position])
        negative = floats < 0
    else:
        negative = values < 0
    for position in np.flatnonzero(negative):
        cell = values[position]
        problems.add("value_negative", column, labels[int(position)], value=cell, text=str(cell))
    return _blank(values, negative | infinite)


#: Column types read a block at a time when every cell is a non-negative finite number.
_BLOCK_TYPES: tuple[tuple[Any, type[np.generic]], ...] = (
    (np.dtype(np.int64), np.int64),
    (pd.Int64Dtype(), np.int64),
    (np.dtype(np.float64), np.float64),
)


def _clean_numeric_columns(data: pd.DataFrame, positions: list[int]) -> dict[int, npt.NDArray[Any]]:
    """The columns at ``positions`` that need no cell-by-cell reading, by position.

    Columns of int64, float64 or nullable Int64 without a missing cell are converted in one
    block per type; those without a negative or infinite cell are what :func:`_numeric` would
    return for them (the others are left to it, which names their problems). A service's
    one-row frame of seventy columns costs three conversions, not seventy.

    >>> frame = pd.DataFrame({"a": [1, 2], "b": [0.5, -1.0], "c": ["x", "y"]})
    >>> {p: v.tolist() for p, v in _clean_numeric_columns(frame, [0, 1, 2]).items()}
    {0: [1, 2]}
    """
    dtypes = list(data.dtypes)
    # A few rows: every cell as a Python number in one interleave, cheaper than a pandas
    # selection per column type (ints stay exact ints, floats exact floats).
    cells = data.to_numpy(dtype=object) if is_small(len(data)) else None
    found: dict[int, npt.NDArray[Any]] = {}
    for dtype, numpy_type in _BLOCK_TYPES:
        chosen = [p for p in positions if dtypes[p] == dtype]
        if not chosen:
            continue
        if isinstance(dtype, pd.Int64Dtype):  # a missing cell: read exactly, column by column
            if cells is None:
                missing = data.iloc[:, chosen].isna().to_numpy(dtype=bool)
            else:
                missing = pd.isna(cells[:, chosen])
            whole = np.flatnonzero(~missing.any(axis=0)).tolist()
            chosen = [chosen[column] for column in whole]
            if not chosen:
                continue
        if cells is None:
            block = data.iloc[:, chosen].to_numpy(dtype=numpy_type)
        else:
            block = cells[:, chosen].astype(numpy_type)
        bad = block < 0
        if numpy_type is np.float64:
            bad |= np.isinf(block)
        for column in np.flatnonzero(~bad.any(axis=0)).tolist():
            found[chosen[column]] = np.ascontiguousarray(block[:, column])
    return found


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
    look like 100 %. ``Decimal`` and ``Fraction`` cells are exact as they are. Such columns
    stay Python numbers for the exact comparisons.
    """
    exact = np.asarray(np.frompyfunc(_is_exact_object, 1, 1)(cells), dtype=bool)
    if exact.any():
        return np.where(pd.isna(cells), np.nan, cells)
    return pd.to_numeric(pd.Series(cells), errors="coerce").to_numpy(
        dtype=np.float64, na_value=np.nan
    )


def _is_exact_object(cell: object) -> bool:
    if isinstance(cell, Fraction):
        return True
    if isinstance(cell, Decimal):
        return cell.is_finite()
    return isinstance(cell, int | np.integer) and abs(int(cell)) > 2**53


#: The largest integer a float holds (beyond it a float conversion overflows).
_FLOAT_MAX = int(np.finfo(np.float64).max)


def _beyond_float(cell: object) -> bool:
    if isinstance(cell, Fraction):
        return abs(cell) > _FLOAT_MAX
    if isinstance(cell, Decimal):
        return cell.is_finite() and abs(cell) > _FLOAT_MAX
    return isinstance(cell, int | np.integer) and abs(int(cell)) > _FLOAT_MAX


def _is_number_cell(cell: object) -> bool:
    if cell is None or cell is pd.NA:
        return True
    if isinstance(cell, bool | np.bool_):
        return False
    return isinstance(cell, int | float | np.integer | np.floating | Decimal | Fraction)


# --------------------------------------------------------------------------- the frame


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
    Every problem is collected and the wrong rows and cells left out of the panel. Without
    ``deferred`` the problems are raised at the end; with it they are appended to it, so that
    the caller can add its own and raise them all (when no row is left, they are raised).
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame, not {type(data).__name__}")
    problems = _Problems(places=Places.of(data))
    _check_header(data, problems)
    given_units = dict(units or {})
    bad_units = _check_units_mapping(given_units, variables, data, problems)
    if "variable" in data.columns:
        if "value" in data.columns:
            panel = _read_long(data, variables, given_units, bad_units, problems)
        else:
            long, origins = _template_to_long(data)
            panel = _read_long(long, variables, given_units, bad_units, problems, origins)
    else:
        panel = _read_wide(data, variables, given_units, bad_units, problems)
    if deferred is None or (problems.items and len(panel) == 0):
        problems.raise_if_any()
    else:
        deferred.extend(problems.items)
    return panel


def _check_header(data: pd.DataFrame, problems: _Problems) -> None:
    """MultiIndex columns and a key column given twice: nothing can be read, raised at once."""
    if isinstance(data.columns, pd.MultiIndex):
        problems.add("columns_multiindex", None, None, levels=data.columns.nlevels)
        problems.raise_if_any()
    names = [str(c) for c in data.columns]
    for key in KEY_COLUMNS:
        if names.count(key) > 1:
            problems.add("column_repeated", key, None, times=names.count(key))
    if "period" not in data.columns and not ("variable" in data.columns and "value" not in data):
        problems.add("period_column_missing", "period", None)
    problems.raise_if_any()


def _check_units_mapping(
    units: Mapping[str, str],
    variables: Mapping[str, str],
    data: pd.DataFrame,
    problems: _Problems,
) -> set[str]:
    """The variables whose ``units=`` entry is wrong (reported; their values are left out)."""
    bad: set[str] = set()
    for name, unit in units.items():
        if name not in variables:
            if name not in data.columns:
                problems.add("units_names_nothing", None, None, name=str(name))
            continue
        if _unit_problem(name, None, unit, variables[name], problems):
            bad.add(name)
    return bad


def _unit_problem(
    column: object, row: object, unit: object, default: str, problems: _Problems
) -> bool:
    """Record a problem when ``unit`` is unknown or does not convert to ``default``."""
    if not isinstance(unit, str):
        problems.add("unit_cell_not_text", column, row, value=unit, text=str(unit)[:40])
        return True
    try:
        float_factor(unit, default)
    except UnitError as error:
        problems.unit(error, column, row)
        return True
    return False


def _regions(
    frame: pd.DataFrame, column: object, problems: _Problems
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.bool_]]:
    """Regions as text (350203 and "350203" are one region), and which rows have one."""
    if "region" not in frame.columns:
        return np.full(len(frame), None, dtype=object), np.ones(len(frame), dtype=bool)
    cells = frame["region"].to_numpy(dtype=object)
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    firsts = _first_positions(codes, len(uniques))
    texts = np.empty(len(uniques) + 1, dtype=object)
    texts[-1] = None
    numbers: list[object] = []
    for position, unique in enumerate(uniques):
        text = _region_text(unique)
        if text is None:
            problems.add(
                "region_unreadable",
                column,
                frame.index[int(firsts[position])],
                value=unique,
                text=str(unique)[:40],
            )
        elif not isinstance(unique, str):
            numbers.append(unique)
        texts[position] = text
    region = texts[codes]
    for missing in np.flatnonzero(codes < 0):
        problems.add("region_missing", column, frame.index[int(missing)])
    if numbers:
        problems.notes.append(
            DataProblem(
                code="note_region_numbers_as_text",
                params={"count": len(numbers), "example": _region_text(numbers[0])},
                **problems.places.at(column, None),
            )
        )
    return region, np.asarray([r is not None for r in region], dtype=bool)


def _region_text(value: object) -> str | None:
    """A region as text: text as written, a whole number in decimal digits, else ``None``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating | Decimal) and float(value).is_integer():
        return str(int(value))
    return None


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


def _duplicates(
    group: npt.NDArray[np.intp],
    first: npt.NDArray[np.intp],
    labels: pd.Index,
    region: npt.NDArray[np.object_],
    period: npt.NDArray[np.object_],
    problems: _Problems,
) -> None:
    duplicated = np.ones(len(group), dtype=bool)
    duplicated[first] = False
    for position in np.flatnonzero(duplicated):
        where = _plain(labels[int(first[group[position]])])
        code = "duplicate_period" if region[position] is None else "duplicate_region_period"
        problems.add(
            code,
            "period",
            labels[int(position)],
            region=region[position],
            period=str(period[position]),
            first=where,
        )


def _read_wide(
    data: pd.DataFrame,
    variables: Mapping[str, str],
    units: Mapping[str, str],
    bad_units: set[str],
    problems: _Problems,
) -> Panel:
    all_region, has_region = _regions(data, "region", problems)
    all_ordinal, freq = parse_periods(data["period"], problems)
    keep = np.flatnonzero(has_region & period_ok(all_ordinal))
    region, ordinal = all_region[keep], all_ordinal[keep]
    period = data["period"].to_numpy(dtype=object)[keep]
    labels = data.index[keep]
    group, first = _row_ids(region, ordinal)
    _duplicates(group, first, labels, region, period, problems)
    columns: dict[str, Column] = {}
    names = [str(c) for c in data.columns]
    clean = _clean_numeric_columns(data, [p for p, n in enumerate(names) if n in variables])
    for position, name in enumerate(names):
        if name not in variables or name in columns:
            continue
        if names.count(name) > 1:
            problems.add("column_repeated", name, None, times=names.count(name))
            continue
        if position in clean:
            raw = clean[position][keep]
        else:
            raw = _numeric(data.iloc[:, position], name, problems)[keep]
        if name in bad_units:
            continue
        unit = units.get(name, variables[name])
        columns[name] = Column(
            raw=raw[first], unit_codes=np.zeros(len(first), dtype=np.intp), units=(unit,)
        )
    return Panel(
        labels=labels.to_numpy(dtype=object)[first],
        region=region[first],
        period=period[first],
        ordinal=ordinal[first],
        freq=freq,
        columns=columns,
        notes=tuple(problems.notes),
        places=problems.places if isinstance(problems.places, Places) else None,
    )


#: For a long frame made from a template: where each long row's value was written.
_Origins = tuple[npt.NDArray[np.object_], npt.NDArray[np.object_]]


def _template_to_long(data: pd.DataFrame) -> tuple[pd.DataFrame, _Origins]:
    """Melt a filled input template (variable × period columns) into the long shape.

    Returns the long frame and, for each of its rows, the template's row label and period
    column that the value came from (problems name that cell, not the melted row).
    """
    meta = [c for c in data.columns if c in TEMPLATE_COLUMNS]
    periods = [c for c in data.columns if c not in TEMPLATE_COLUMNS]
    frame = data.reset_index(drop=True)
    long = frame.melt(id_vars=meta, value_vars=periods, var_name="period", value_name="value")
    rows = np.tile(data.index.to_numpy(dtype=object), len(periods))
    columns = np.repeat(np.asarray(periods, dtype=object), len(data))
    if "region" in long.columns:
        blank = long["region"].isna() | (long["region"].astype(str).str.strip() == "")
        if bool(blank.all()):
            long = long.drop(columns="region")
    wanted = [c for c in ("region", "period", "variable", "value", "unit") if c in long]
    return long.loc[:, wanted], (rows, columns)


def _read_long(
    data: pd.DataFrame,
    variables: Mapping[str, str],
    units: Mapping[str, str],
    bad_units: set[str],
    problems: _Problems,
    origins: _Origins | None = None,
) -> Panel:
    """Read a long frame; ``origins`` places the values of a melted template."""
    frame = data.reset_index(drop=True)
    if origins is None:
        rows = data.index.to_numpy(dtype=object)
        value_places = [problems.places.at("value", row) for row in rows]
        period_places = [problems.places.at("period", row) for row in rows]
    else:
        rows = origins[0]
        value_places = [problems.places.at(c, r) for r, c in zip(*origins, strict=True)]
        period_places = [problems.places.at(c, None) for c in origins[1]]
    variable = frame["variable"].to_numpy(dtype=object)
    value_places = [  # a value is read as its row's variable
        {**place, "variable": name} if isinstance(name, str) else place
        for place, name in zip(value_places, variable, strict=True)
    ]
    located = _Problems(places=_Indexed(value_places, period_places, problems.places))
    located.notes = problems.notes
    used = np.isin(variable, list(variables)) & ~np.isin(variable, list(bad_units))
    all_region, has_region = _regions(_relabelled(frame, rows), "region", problems)
    all_ordinal, freq = parse_periods(frame["period"], located, column="period")
    values = _numeric(frame["value"], "value", located)
    problems.items += located.items
    given = _long_units(frame, variable, used, variables, units, problems, rows)
    has_unit = np.array([unit is not None for unit in given], dtype=bool)
    keep = np.flatnonzero(used & has_region & period_ok(all_ordinal) & has_unit)
    region, ordinal = all_region[keep], all_ordinal[keep]
    period = frame["period"].to_numpy(dtype=object)[keep]
    group, first = _row_ids(region, ordinal)
    kept_variable = variable[keep]
    repeated = pd.DataFrame({"g": group, "v": kept_variable}).duplicated().to_numpy()
    for position in np.flatnonzero(repeated):
        row = int(keep[position])
        problems.items.append(
            DataProblem(
                code="variable_repeated",
                params={"variable": str(kept_variable[position])},
                **value_places[row],
            )
        )
    keep, group = keep[~repeated], group[~repeated]
    size = len(first)
    columns: dict[str, Column] = {}
    for name in pd.unique(variable[keep]):
        mask = variable[keep] == name
        at = keep[mask]
        unit_codes, unit_names = pd.factorize(given[at])
        columns[str(name)] = Column(
            raw=_spread(values[at], group[mask], size),
            unit_codes=_spread_codes(np.asarray(unit_codes, dtype=np.intp), group[mask], size),
            units=tuple(str(u) for u in unit_names),
            places=_spread_places([value_places[i] for i in at], group[mask], size),
        )
    labels = rows[keep] if len(keep) else rows[:0]
    firsts = np.full(size, None, dtype=object)
    firsts[group[::-1]] = labels[::-1]
    return Panel(
        labels=firsts,
        region=region[first],
        period=period[first],
        ordinal=ordinal[first],
        freq=freq,
        columns=columns,
        notes=tuple(problems.notes),
        places=problems.places if isinstance(problems.places, Places) else None,
    )


@dataclass(frozen=True)
class _Indexed:
    """Places of a long frame's rows by position: its ``value`` cell or its period."""

    values: list[dict[str, Any]]
    periods: list[dict[str, Any]]
    outer: _Placing

    def at(self, column: object, row: object) -> dict[str, Any]:
        if isinstance(row, int | np.integer) and column in ("value", "period"):
            table = self.values if column == "value" else self.periods
            return dict(table[int(row)])
        return self.outer.at(column, row)


def _relabelled(frame: pd.DataFrame, rows: npt.NDArray[np.object_]) -> pd.DataFrame:
    relabelled = frame.loc[:, [c for c in ("region",) if c in frame.columns]]
    relabelled.index = pd.Index(rows, dtype=object)
    return relabelled


def _spread(values: npt.NDArray[Any], group: npt.NDArray[np.intp], size: int) -> npt.NDArray[Any]:
    """Values at their panel rows, NaN elsewhere; integers stay exact (objects) when needed."""
    if values.dtype.kind in "iu" and len(group) == size:
        raw = np.zeros(size, dtype=values.dtype)
    else:
        big = values.dtype == object or (
            values.dtype.kind in "iu" and bool((np.abs(values) > 2**53).any())
        )
        raw = np.full(size, np.nan, dtype=object if big else np.float64)
        if big:
            values = values.astype(object)
    raw[group] = values
    return raw


def _spread_codes(
    codes: npt.NDArray[np.intp], group: npt.NDArray[np.intp], size: int
) -> npt.NDArray[np.intp]:
    spread = np.zeros(size, dtype=np.intp)
    spread[group] = codes
    return spread


def _spread_places(
    places: list[dict[str, Any]], group: npt.NDArray[np.intp], size: int
) -> tuple[dict[str, Any], ...]:
    spread: list[dict[str, Any]] = [{} for _ in range(size)]
    for place, row in zip(places, group, strict=True):
        spread[int(row)] = place
    return tuple(spread)


def _long_units(
    frame: pd.DataFrame,
    variable: npt.NDArray[np.object_],
    used: npt.NDArray[np.bool_],
    variables: Mapping[str, str],
    units: Mapping[str, str],
    problems: _Problems,
    rows: npt.NDArray[np.object_],
) -> npt.NDArray[np.object_]:
    """The unit of each long row: its ``unit`` cell, else ``units=``, else the default.

    ``None`` for rows whose unit is wrong (reported) and for rows of unused variables.
    """
    fallback = np.array(
        [units.get(v, variables[v]) if u else None for v, u in zip(variable, used, strict=True)],
        dtype=object,
    )
    if "unit" not in frame.columns:
        return fallback
    cells = frame["unit"].to_numpy(dtype=object)
    blank = pd.isna(frame["unit"]).to_numpy() | (frame["unit"].astype(str).str.strip() == "")
    given = np.where(blank | ~used, fallback, cells)
    checked: dict[tuple[object, object], bool] = {}
    for position in np.flatnonzero(used):
        name, unit = variable[position], given[position]
        key = (name, unit if isinstance(unit, str) else repr(unit))
        if key not in checked:
            checked[key] = _unit_problem("unit", rows[position], unit, variables[name], problems)
        if checked[key]:
            given[position] = None
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
    table_words = TABLES[name] if name in TABLES else Words(zh=name, en=name)
    missing = [c for c in required if c not in table.columns]
    for column in missing:
        problems.add("table_column_missing", column, None, table=table_words)
    problems.raise_if_any()
    frame = table.loc[table["indicator_id"].isin(list(display_units))]
    ordinal, table_freq = parse_periods(frame["period"], problems)
    if freq is not None and table_freq is not None and table_freq != freq:
        problems.add(
            "table_frequency",
            "period",
            None,
            table=table_words,
            given=FREQUENCIES[_freq_key(table_freq)],
            data=FREQUENCIES[_freq_key(freq)],
        )
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
