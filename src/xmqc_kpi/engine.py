"""``evaluate(indicators, data)``: every indicator over every (region, period) at once.

The engine is pure: it reads only its arguments, never mutates them, and returns an immutable
:class:`~xmqc_kpi.results.Evaluation`. Each indicator's value is computed over whole columns
with numpy; its threshold kind judges every row at once and returns a typed
:class:`~xmqc_kpi.judging.Verdict` (the engine names no kind). Verdicts are decided in floats
and, for the few rows within a few ulps of their threshold, settled exactly in rational
arithmetic from the decimals the caller wrote, so that 47 of 50 meets 94 % and 11 万元
against 1.1 亿元 is exactly 1 ‰.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache, partial
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._small import is_small
from .catalogs import Catalog, plan_of
from .errors import DataError, DataProblem, by_place
from .explain import Facts, render_explanations, text_series
from .formulas import Formula, Ratio
from .indicator import Indicator
from .judging import (
    ABOVE,
    NEAR,
    ExactAt,
    ReferenceColumns,
    References,
    Subject,
    Verdict,
    decide,
    near,
)
from .panel import (
    FIRST_YEAR,
    LAST_YEAR,
    Column,
    Panel,
    benchmark_like,
    read_panel,
    recorded_problems,
)
from .payload import DataSource
from .plan import Plan
from .plausibility import Warnings, detect
from .progress import PROGRESS_DTYPE, Progress, assess_progress, progress_sentences
from .results import FRAME_COLUMNS, STATUS_DTYPE, Evaluation, Reason
from .text import Language
from .text.explanations import EXPLANATIONS
from .text.numbers import declared_text
from .text.units import with_unit
from .thresholds import reason_dtype, reason_status
from .units import exact_factor, float_factor, normalise_unit

__all__ = ["ATTENTION_DTYPE", "Band", "Prepared", "attention_bands", "evaluate", "prepare"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Text = npt.NDArray[Any]
S = np.dtypes.StringDType()
#: An attention band as a caller writes it: ``0.5``, ``"0.5"``, ``Decimal("0.5")``.
Band = int | float | str | Decimal

#: The reference tables evaluate() takes, with their required columns.
REFERENCE_COLUMNS: dict[str, tuple[str, ...]] = {
    "benchmarks": ("period", "indicator_id", "value"),
    "peers": ("period", "indicator_id", "peer", "value"),
}


def evaluate(
    indicators: Indicator | Iterable[Indicator] | Prepared,
    data: pd.DataFrame,
    *,
    benchmarks: pd.DataFrame | None = None,
    peers: pd.DataFrame | None = None,
    units: Mapping[str, str] | None = None,
    as_of: dt.date | str | pd.Timestamp | None = None,
    attention: Band | Mapping[str, Band | None] | None = None,
) -> Evaluation:
    """Assess each indicator at each (region, period) of ``data``.

    Parameters
    ----------
    indicators
        One :class:`~xmqc_kpi.Indicator`, any iterable of them, a catalog, or a
        :class:`Prepared` context from :func:`prepare` (which then brings its benchmarks,
        peers and units: do not pass them again).
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
    attention
        An attention band in each indicator's display unit (``0.5``: half a percentage point
        for a rate in %), or a mapping of indicator id to band (``None`` switches a declared
        band off); default: each indicator's declared :attr:`~xmqc_kpi.Indicator.attention`.
        Assessments within the band of what they are compared with are flagged in the
        ``attention`` column (``near_met``, ``near_not_met``); statuses never change.

    Returns
    -------
    Evaluation
        One assessment per indicator and (region, period), sorted by indicator, region, period.

    Raises
    ------
    DataError
        Listing every problem of the data, each with its column and row (or sheet and cell),
        sorted by row then column: together with the cells a file could not give, which
        ``read_data(path, defer=True)`` keeps in ``data.attrs["problems"]`` (a frame that
        carries any is never evaluated to a result).

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
    if isinstance(indicators, Prepared):
        if benchmarks is not None or peers is not None or units is not None:
            raise TypeError("a Prepared context brings its own benchmarks, peers and units")
        prepared = indicators
    else:
        chosen_indicators = _as_indicators(indicators)
        prepared = Prepared(
            chosen_indicators, benchmarks, peers, units, plan=_plan(indicators, chosen_indicators)
        )
    recorded = recorded_problems(data)
    if recorded:  # cells a file could not give: raised with every other problem of the data
        again = partial(evaluate, prepared, as_of=as_of, attention=attention)
        raise _with_recorded(recorded, data, again)
    chosen = prepared.indicators
    problems: list[DataProblem] = []  # every problem found, raised together at the end
    given_units = _with_header_units(data, prepared.units)
    panel = read_panel(data, variables=prepared.variables, units=given_units, deferred=problems)
    when = _as_date(as_of)
    bands = attention_bands(chosen, attention)
    shared = _Shared.of(panel, prepared.tables(panel.freq), when, given_units or ())
    parts = [_assess(indicator, shared, problems, bands[indicator.id]) for indicator in chosen]
    if problems:
        raise DataError(by_place(problems))
    periods = _period_labels(panel)
    table = _stack(chosen, parts, panel, periods)
    facts = Facts.concatenate([part.facts for part in parts])
    return Evaluation(
        table,
        explain=partial(_explanations, chosen, facts, bands, prepared.plan),
        as_of=when,
        indicators=chosen,
        inputs=partial(_inputs_frame, panel),
        warnings=_warnings(chosen, parts, panel, periods),
        source=DataSource.of(data),
        plan=prepared.plan,
    )


def _with_recorded(
    recorded: tuple[DataProblem, ...],
    data: pd.DataFrame,
    again: Callable[[pd.DataFrame], object],
) -> DataError:
    """One error with the ``recorded`` problems of ``data`` and those evaluating it finds."""
    rest = data.copy(deep=False)
    rest.attrs = {**data.attrs, "problems": []}
    try:
        again(rest)
    except DataError as error:
        return DataError(by_place([*recorded, *error.problems]))
    return DataError(by_place(recorded))


def prepare(
    indicators: Indicator | Iterable[Indicator],
    *,
    benchmarks: pd.DataFrame | None = None,
    peers: pd.DataFrame | None = None,
    units: Mapping[str, str] | None = None,
) -> Prepared:
    """Indicators with their reference tables and units, checked once for many evaluations.

    A service builds it at start-up and passes it to every call:
    ``evaluate(prepared, data)`` (or ``prepared.evaluate(data)``) gives the same result as
    ``evaluate(indicators, data, benchmarks=..., peers=..., units=...)``, without validating
    the benchmark and peer tables again. The tables are copied: changing the caller's frames
    afterwards changes nothing.

    Raises
    ------
    DataError
        When a benchmark or peer table is malformed (as :func:`evaluate` would).

    Examples
    --------
    >>> import xmqc_kpi as kpi
    >>> sample = kpi.sample_data()
    >>> context = kpi.prepare(kpi.catalog(), benchmarks=sample["benchmarks"],
    ...                       peers=sample["peers"], units=sample["units"])
    >>> once = context.evaluate(sample["data"]).to_json()
    >>> once == kpi.evaluate(kpi.catalog(), **sample).to_json()
    True
    """
    copied = {
        name: None if t is None else t.copy() for name, t in (("b", benchmarks), ("p", peers))
    }
    chosen = _as_indicators(indicators)
    prepared = Prepared(
        chosen,
        copied["b"],
        copied["p"],
        None if units is None else dict(units),
        plan=_plan(indicators, chosen),
    )
    prepared.tables(None)  # a malformed table is refused now, not at the first request
    return prepared


@dataclass(frozen=True, eq=False)
class Prepared:
    """What :func:`evaluate` needs besides the data, checked once: see :func:`prepare`.

    The validated reference tables are kept per period frequency of the data (at most one
    entry per frequency): each is the same pure function of the tables, computed once.
    """

    indicators: tuple[Indicator, ...]
    benchmarks: pd.DataFrame | None = None
    peers: pd.DataFrame | None = None
    units: Mapping[str, str] | None = None
    #: The plan the indicators come from (:func:`xmqc_kpi.catalogs.plan_of`): explanations
    #: cite its clauses as it names them.
    plan: Plan | None = None
    _tables: dict[str | None, dict[str, _Split | None]] = field(default_factory=dict, repr=False)

    @property
    def variables(self) -> dict[str, str]:
        """Every column name the indicators can read, with its default unit."""
        return _variables(self.indicators)

    def tables(self, freq: str | None) -> dict[str, _Split | None]:
        """The benchmark and peer tables checked against data of frequency ``freq``."""
        if freq not in self._tables:
            display = {indicator.id: indicator.unit for indicator in self.indicators}
            given = {"benchmarks": self.benchmarks, "peers": self.peers}
            self._tables[freq] = {
                name: _reference(given[name], name, required, display, freq)
                for name, required in REFERENCE_COLUMNS.items()
            }
        return self._tables[freq]

    def evaluate(
        self, data: pd.DataFrame, *, as_of: dt.date | str | pd.Timestamp | None = None
    ) -> Evaluation:
        """``evaluate(self, data, as_of=as_of)``."""
        return evaluate(self, data, as_of=as_of)


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
            code="header_unit_conflict",
            params={"header": str(unit), "given": str(given[name])},
            column=str(name),
            row=None,
        )
        for name, unit in header.items()
        if name in given and normalise_unit(str(given[name])) != normalise_unit(str(unit))
    ]
    if problems:
        raise DataError(problems)
    return {**{str(k): str(v) for k, v in header.items()}, **given}


def _plan(given: object, chosen: tuple[Indicator, ...]) -> Plan | None:
    """The plan of the indicators given: a catalog's own, else Xiamen's for built-ins."""
    return plan_of(given if isinstance(given, Catalog) else chosen)


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


@dataclass(frozen=True)
class _Rows:
    """One indicator's rows of a reference table, read once for every evaluation.

    ``ordinals`` (and ``position_of``, the same as a dict for a few rows) holds their periods
    when each is unique; ``duplicate`` the problem of a benchmark given twice for a period.
    """

    rows: pd.DataFrame
    ordinals: pd.Index | None
    columns: ReferenceColumns
    position_of: dict[int, int]
    duplicate: DataProblem | None


#: A validated reference table split by indicator id.
_Split = dict[str, _Rows]


def _reference(
    table: pd.DataFrame | None,
    name: str,
    required: tuple[str, ...],
    display: Mapping[str, str],
    freq: str | None,
) -> _Split | None:
    if table is None:
        return None
    checked = benchmark_like(table, name=name, required=required, display_units=display, freq=freq)
    split: _Split = {}
    for key, rows in checked.groupby("indicator_id", sort=False):
        rows = rows.reset_index(drop=True)
        ordinals = pd.Index(rows["ordinal"].to_numpy())
        unique = ordinals.is_unique
        split[str(key)] = _Rows(
            rows,
            ordinals if unique else None,
            ReferenceColumns.of(rows),
            {int(o): at for at, o in enumerate(ordinals)} if unique else {},
            None if "peer" in rows.columns else _duplicate_benchmark(str(key), rows),
        )
    return split


def _duplicate_benchmark(indicator_id: str, rows: pd.DataFrame) -> DataProblem | None:
    """The problem of the first benchmark whose period an earlier row gave (``None``: none)."""
    duplicated = rows["ordinal"].duplicated()
    if not bool(duplicated.any()):
        return None
    first = rows.loc[duplicated].iloc[0]
    return DataProblem(
        code="duplicate_benchmark",
        params={"indicator": indicator_id, "period": first["period"]},
        column="period",
    )


def attention_bands(
    chosen: Iterable[Indicator], attention: Band | Mapping[str, Band | None] | None
) -> dict[str, Fraction | None]:
    """Each indicator's attention band as an exact number (``None``: no band).

    >>> import xmqc_kpi as kpi
    >>> rate = kpi.catalog()["municipal_sampling_pass_rate"]
    >>> attention_bands([rate], 0.5)
    {'municipal_sampling_pass_rate': Fraction(1, 2)}
    >>> attention_bands([rate], {rate.id: "0.25"})
    {'municipal_sampling_pass_rate': Fraction(1, 4)}
    """
    chosen = tuple(chosen)
    declared = {i.id: None if i.attention is None else Fraction(i.attention) for i in chosen}
    if attention is None:
        return declared
    if not isinstance(attention, Mapping):
        band = _band(attention, "attention")
        return dict.fromkeys(declared, band)
    unknown = sorted(str(key) for key in attention if key not in declared)
    if unknown:
        raise ValueError(f"attention: no indicator {unknown} in this evaluation")
    given = {
        str(key): None if band is None else _band(band, f"attention[{key!r}]")
        for key, band in attention.items()
    }
    return {**declared, **given}


def _band(band: Band, where: str) -> Fraction:
    """A band as the decimal it was written as (0.1 is 1/10), positive and finite."""
    if isinstance(band, bool) or not isinstance(band, int | float | str | Decimal):
        raise TypeError(f"{where}: a band is a number, not {type(band).__name__}")
    try:
        number = Decimal(str(band)) if isinstance(band, float) else Decimal(band)
    except InvalidOperation:
        raise ValueError(f"{where}: cannot read {band!r} as a number") from None
    if not number.is_finite() or number <= 0:
        raise ValueError(f"{where}: a band is a positive number, not {band!r}")
    return Fraction(number)


def _as_date(as_of: dt.date | str | pd.Timestamp | None) -> dt.date | None:
    if as_of is None:
        return None
    if isinstance(as_of, pd.Timestamp):
        return as_of.date()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    year = as_of.strip() if isinstance(as_of, str) else as_of
    if isinstance(year, int | np.integer) and not isinstance(year, bool | np.bool_):
        year = str(int(year))  # a year is its last day; never nanoseconds since 1970
    if isinstance(year, str) and year.isdigit():
        if not year.isascii() or len(year) != 4 or not FIRST_YEAR <= int(year) <= LAST_YEAR:
            raise ValueError(f"as_of: {as_of!r} is not a year between {FIRST_YEAR} and {LAST_YEAR}")
        return dt.date(int(year), 12, 31)
    unread = ValueError(f"as_of: cannot read {as_of!r} as a date")
    if not isinstance(as_of, str | np.datetime64):
        raise unread
    try:
        stamp = pd.Timestamp(as_of)
    except (ValueError, TypeError) as exc:
        raise unread from exc
    if pd.isna(stamp):
        raise unread
    return stamp.date()


def _due(deadline: str | None, when: dt.date | None) -> bool | None:
    """Whether ``when`` has reached the end of the deadline month.

    >>> _due("2015-12", dt.date(2015, 12, 31)), _due("2015-12", dt.date(2015, 12, 30))
    (True, False)
    """
    if deadline is None or when is None:
        return None
    return when >= _month_end(deadline)


@lru_cache(maxsize=256)
def _month_end(deadline: str) -> dt.date:
    """The last day of a deadline month ``"YYYY-MM"`` (a catalog's few deadlines, once each)."""
    year, month = (int(part) for part in deadline.split("-"))
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# --------------------------------------------------------------------------- values


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
    #: The missing inputs' names of each row, comma-separated ("" where none is missing).
    missing_names: npt.NDArray[np.object_]


def _compute(indicator: Indicator, panel: Panel, problems: list[DataProblem]) -> _Computed:
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
    settled: dict[int, Fraction | None] = {}  # the verdict, its equality, band and progress ask

    def exact(row: int) -> Fraction | None:
        if row not in settled:
            settled[row] = _exact_value(row)
        return settled[row]

    def _exact_value(row: int) -> Fraction | None:
        if direct[row]:
            assert direct_column is not None
            return direct_column.exact(row, indicator.unit)
        if missing[row] or zero[row]:
            return None
        return from_cells(row) if from_integers is None else from_integers(row)

    def from_cells(row: int) -> Fraction | None:
        values = {n: panel.columns[n].exact(row, units[n]) for n in formula.inputs}
        result = formula.compute_exact(values)
        return None if result is None else result * scale

    from_integers = _integer_ratio(formula, panel, units, scale, from_cells)

    if isinstance(formula, Ratio) and formula.part_of_whole:
        _check_part_of_whole(indicator, panel, numerator, denominator, problems)
    if direct_column is not None and isinstance(formula, Ratio) and formula.part_of_whole:
        # exactly: a share of 100.00000001 % is above 100 % too
        whole = exact_factor("dimensionless", indicator.unit)
        shares = np.where(direct, value, np.nan)  # only direct rows can be re-decided
        above = decide(shares, float(whole), ABOVE, exact, lambda _row: whole)
        for row in np.flatnonzero(above):
            problems.append(
                DataProblem(
                    code="share_above_whole",
                    params={"value": f"{value[row]:.12g}"},
                    **panel.place(int(row), indicator.id),
                )
            )

    return _Computed(
        value=value,
        missing=missing,
        zero_denominator=zero,
        direct=direct,
        numerator=np.where(direct, np.nan, numerator),
        denominator=np.where(direct, np.nan, denominator),
        exact=exact,
        missing_names=_missing_names(indicator, absent, any_absent & ~direct),
    )


def _integer_ratio(
    formula: Formula,
    panel: Panel,
    units: Mapping[str, str],
    scale: Fraction,
    from_cells: Callable[[int], Fraction | None],
) -> Callable[[int], Fraction | None] | None:
    """A row's exact ratio straight from its inputs when both are whole numbers.

    With each input in one unit, of exact factors a = p/q (numerator) and b = r/s
    (denominator), and the display scale k = u/v: value = n·a ÷ (d·b) · k
    = (n·p·s·u) / (d·q·r·v), one fraction of Python integers per row (``None`` for d = 0),
    the number :meth:`~xmqc_kpi.formulas.Ratio.compute_exact` gives from the cells. Cells
    given as integers, or as floats holding a whole number below 2**53 (a count in a column
    with empty cells), are that integer exactly; other rows are read ``from_cells``.
    ``None`` for other formulas and inputs in several units.

    >>> from xmqc_kpi.panel import Column
    >>> columns = {"passed": Column(np.array([47.0, 0.5]), np.zeros(2, np.intp), ("count",)),
    ...            "sampled": Column(np.array([50, 1]), np.zeros(2, np.intp), ("count",))}
    >>> panel = Panel(labels=np.array([0, 1]), region=np.array(["x", "x"], dtype=object),
    ...               period=np.array([2013, 2014], dtype=object), ordinal=np.array([43, 44]),
    ...               freq=None, columns=columns)
    >>> ratio = Ratio(numerator="passed", denominator="sampled")
    >>> exact = _integer_ratio(ratio, panel, {"passed": "count", "sampled": "count"},
    ...                        Fraction(100), lambda row: None)
    >>> exact(0), exact(1)
    (Fraction(94, 1), None)
    """
    if not isinstance(formula, Ratio):
        return None
    part, whole = panel.columns.get(formula.numerator), panel.columns.get(formula.denominator)
    if part is None or whole is None or len(part.units) != 1 or len(whole.units) != 1:
        return None
    if part.raw.dtype.kind not in "iuf" or whole.raw.dtype.kind not in "iuf":
        return None
    a = exact_factor(part.units[0], units[formula.numerator])
    b = exact_factor(whole.units[0], units[formula.denominator])
    top = a.numerator * b.denominator * scale.numerator
    bottom = a.denominator * b.numerator * scale.denominator

    def exact(row: int) -> Fraction | None:
        numerator, denominator = part.raw[row].item(), whole.raw[row].item()
        if not (_whole_number(numerator) and _whole_number(denominator)):
            return from_cells(row)
        if not denominator:
            return None
        return Fraction(int(numerator) * top, int(denominator) * bottom)

    return exact


def _whole_number(cell: float) -> bool:
    """Whether a cell stands for an integer exactly (an int, or a float of one below 2**53)."""
    return isinstance(cell, int) or (cell.is_integer() and abs(cell) < 2**53)


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
    if is_small(len(numerator)) and not _any_part_near_whole(numerator, denominator):
        return  # a few rows, each part clearly below its whole: nothing to settle or record
    with np.errstate(invalid="ignore", over="ignore"):
        larger = numerator > denominator * (1 + NEAR)
        close = ~larger & (numerator >= denominator * (1 - NEAR)) & (denominator > 0)
    unit = indicator.input_units[formula.numerator]
    part = panel.columns.get(formula.numerator)
    whole = panel.columns.get(formula.denominator)
    if part is not None and whole is not None:
        rows = np.flatnonzero(close)
        settled = _integers_greater(part, whole, unit, rows)
        if settled is not None:
            larger[rows] = settled
        else:
            for row in rows:
                larger[row] = part.exact(int(row), unit) > whole.exact(int(row), unit)
    for row in np.flatnonzero(larger):
        problems.append(
            DataProblem(
                code="part_exceeds_whole",
                params={
                    "part": panel.header(formula.numerator),
                    "part_value": f"{numerator[row]:g}",
                    "whole": panel.header(formula.denominator),
                    "whole_value": f"{denominator[row]:g}",
                },
                value=None if part is None else np.asarray(part.raw[row]).item(),
                **panel.place(int(row), formula.numerator),
            )
        )


def _any_part_near_whole(numerator: FloatArray, denominator: FloatArray) -> bool:
    """Whether a row's part is above, or within :data:`NEAR` below, its positive whole.

    The rows :func:`_check_part_of_whole` looks at, in Python floats (for a few rows).

    >>> _any_part_near_whole(np.array([47.0, np.nan]), np.array([50.0, 50.0]))
    False
    >>> _any_part_near_whole(np.array([47.0, 50.0]), np.array([50.0, 50.0]))
    True
    """
    return any(
        part > whole * (1 + NEAR) or (part >= whole * (1 - NEAR) and whole > 0)
        for part, whole in zip(numerator.tolist(), denominator.tolist(), strict=True)
    )


def _integers_greater(
    part: Column, whole: Column, unit: str, rows: npt.NDArray[np.intp]
) -> BoolArray | None:
    """``part > whole`` exactly on ``rows``, in integers, when both were given as integers.

    With each column in one unit, of exact factors a = p/q and b = r/s to ``unit``:
    part·a > whole·b ⟺ part·p·s > whole·r·q, computed in Python integers (never overflows).
    ``None`` when a column holds other numbers or several units (then fractions decide).

    >>> from xmqc_kpi.panel import Column
    >>> batches = Column(raw=np.array([10**18, 5]), unit_codes=np.zeros(2, np.intp), units=("个",))
    >>> passed = Column(raw=np.array([10**18 + 1, 5]), unit_codes=np.zeros(2, np.intp),
    ...                 units=("count",))
    >>> _integers_greater(passed, batches, "count", np.array([0, 1])).tolist()
    [True, False]
    """
    if len(part.units) != 1 or len(whole.units) != 1:
        return None
    if part.raw.dtype.kind not in "iu" or whole.raw.dtype.kind not in "iu":
        return None
    a, b = exact_factor(part.units[0], unit), exact_factor(whole.units[0], unit)
    left = part.raw[rows].astype(object) * (a.numerator * b.denominator)
    right = whole.raw[rows].astype(object) * (b.numerator * a.denominator)
    return np.asarray(left > right, dtype=bool)


def _given_input(panel: Panel, name: str | None) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
    """An input as the caller gave it, with the unit it was given in ("" where absent)."""
    rows = len(panel)
    column = panel.columns.get(name) if name is not None else None
    if column is None:
        return np.full(rows, np.nan), np.full(rows, "", dtype=object)
    return _as_given(column.raw), column.given_unit()


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


# --------------------------------------------------------------------------- verdicts


@dataclass(frozen=True)
class _Part:
    """One indicator's part of the table, and the facts its explanations quote."""

    columns: dict[str, Any]
    facts: Facts
    #: Its plausibility warnings (:func:`xmqc_kpi.plausibility.detect`), by panel row.
    warnings: pd.DataFrame | None


@dataclass(frozen=True)
class _Shared:
    """What every indicator's assessment reads of one evaluation's panel, computed once.

    The rows' regions as text and each input as the caller gave it are the same for every
    indicator: they are made once a call, not once per indicator.
    """

    panel: Panel
    tables: Mapping[str, _Split | None]
    when: dt.date | None
    #: The variables whose unit the caller stated (``units=``, a header).
    written: Collection[str]
    region: npt.NDArray[np.object_]
    _given: dict[str | None, tuple[npt.NDArray[Any], npt.NDArray[Any]]] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def of(
        cls,
        panel: Panel,
        tables: Mapping[str, _Split | None],
        when: dt.date | None,
        written: Collection[str],
    ) -> _Shared:
        """The shared parts of ``panel``'s evaluation."""
        return cls(panel, tables, when, written, _region_texts(panel))

    def given_input(self, name: str | None) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        """:func:`_given_input` of the panel, once per variable."""
        if name not in self._given:
            self._given[name] = _given_input(self.panel, name)
        return self._given[name]


def _assess(
    indicator: Indicator,
    shared: _Shared,
    problems: list[DataProblem],
    band: Fraction | None = None,
) -> _Part:
    """One indicator over every row: its kind's verdict, and the columns of its part.

    Every column is a numpy array; the optional ones (``rank``, ``due`` …) hold codes that
    :func:`_stack` makes pandas' masked and categorical arrays once for the whole table.
    """
    panel = shared.panel
    rows = len(panel)
    computed = _compute(indicator, panel, problems)
    known = ~(computed.missing | computed.zero_denominator)
    threshold = indicator.threshold
    subject = Subject(
        indicator=indicator,
        value=computed.value,
        exact=computed.exact,
        known=known,
        numerator=computed.numerator,
        denominator=computed.denominator,
        direct=computed.direct,
        region=shared.region,
        ordinal=panel.ordinal,
        freq=panel.freq,
        equal_counts=partial(_equal_counts, indicator, panel, computed),
        references={
            name: _lookup(panel, shared.tables.get(name), indicator.id)
            for name in type(threshold).needs
        },
    )
    verdict = threshold.judge(subject)
    unknown = np.where(
        computed.zero_denominator, Reason.ZERO_DENOMINATOR.value, Reason.MISSING_INPUT.value
    )
    reason = np.where(known, verdict.reason, unknown).astype(object)
    sign = 1.0 if indicator.direction == "higher" else -1.0
    compared = verdict.compared_with
    due = _due(indicator.deadline, shared.when)
    columns: dict[str, Any] = {
        "value": computed.value,
        "threshold": compared,
        "status": reason,  # reason codes: statuses and categoricals made once, by _stack
        "reason": reason,
        "numerator": computed.numerator,
        "denominator": computed.denominator,
        "margin": sign * (computed.value - compared),
        "ci_low": _floats(verdict.ci_low, rows),
        "ci_high": _floats(verdict.ci_high, rows),
        "conclusive": _bool_codes(verdict.conclusive, rows),
        "rank": _int_codes(verdict.rank, rows, known),
        "group_size": _int_codes(verdict.group_size, rows),
        "cutoff_rank": _int_codes(verdict.cutoff_rank, rows),
        "direct": computed.direct,
        "due": np.full(rows, -1 if due is None else int(due), dtype=np.int8),
        "equals_threshold": verdict.equal & known & ~np.isnan(compared),
        "attention": _attention(subject, verdict, reason, band),
        **_progress_columns(assess_progress(subject, reason, panel.freq)),
    }
    formula = indicator.formula
    numerator, numerator_unit = shared.given_input(formula.numerator or formula.inputs[0])
    denominator, denominator_unit = shared.given_input(formula.denominator)
    facts = Facts(
        numerator=numerator,
        numerator_unit=numerator_unit,
        denominator=denominator,
        denominator_unit=denominator_unit,
        missing=computed.missing_names,
        series_start=_positions(verdict.series_start, rows),
        cited_row=_positions(verdict.cited_row, rows),
    )
    warned = detect(
        indicator,
        panel,
        computed.value,
        computed.direct,
        computed.exact,
        subject.references.get("benchmarks"),
        shared.written,
    )
    return _Part(columns, facts, warned)


def _warnings(
    chosen: tuple[Indicator, ...],
    parts: list[_Part],
    panel: Panel,
    periods: npt.NDArray[np.object_],
) -> Warnings:
    """Every indicator's warnings with its id, region and period (raw: no message yet).

    ``periods`` are the panel's period labels (:func:`_period_labels`).
    """
    found = [(at, part.warnings) for at, part in enumerate(parts) if part.warnings is not None]
    ids = _categories(tuple(indicator.id for indicator in chosen), ordered=True)
    if not found:
        return Warnings.none(ids)
    raw = pd.concat([part for _, part in found], ignore_index=True)
    codes = np.concatenate([np.full(len(part), position) for position, part in found])
    rows = raw.pop("row").to_numpy(dtype=np.intp)
    raw.insert(0, "indicator_id", pd.Series(pd.Categorical.from_codes(codes, dtype=ids)))
    raw.insert(2, "region", panel.region[rows])
    raw.insert(3, "period", periods[rows])
    return Warnings(raw)


#: The values of the ``attention`` column.
ATTENTION_DTYPE = pd.CategoricalDtype(["near_met", "near_not_met"])


def _attention(
    subject: Subject, verdict: Verdict, reason: npt.NDArray[np.object_], band: Fraction | None
) -> npt.NDArray[np.int8]:
    """``near_met`` / ``near_not_met`` where the value is within ``band`` of its comparison.

    The codes of :data:`ATTENTION_DTYPE` (-1: none); the table makes them a categorical once.
    Only for kinds judged by one comparison with a number (a bound, 100 %, a benchmark). A
    kind without a direction (= 100 %) flags misses only: its met rows are on the line by
    definition.
    """
    rows = len(subject)
    codes = np.full(rows, -1, dtype=np.int8)
    threshold = subject.indicator.threshold
    comparator = type(threshold).comparator
    exact_compared = verdict.compared_exact
    if exact_compared is None:
        target = threshold.target(subject.indicator.unit)
        exact_compared = None if target is None else (lambda _row: target)
    if band is None or comparator is None or exact_compared is None:
        return codes
    close = near(subject.value, verdict.compared_with, band, subject.exact, exact_compared)
    close &= subject.known
    status = np.empty(rows, dtype=object)
    for code in pd.unique(reason):
        status[reason == code] = reason_status(str(code)).value
    if comparator.direction is not None:
        codes[close & (status == "met")] = 0
    codes[close & (status == "not_met")] = 1
    return codes


def _progress_columns(progress: Progress) -> dict[str, Any]:
    """The frame's progress columns, and the years observed (hidden, for the explanations)."""
    return {
        "progress": progress.codes,
        "required_change": progress.required,
        "observed_change": progress.observed,
        "projected": progress.projected,
        "_progress_span": progress.span,
    }


def _explanations(
    chosen: tuple[Indicator, ...],
    facts: Facts,
    bands: Mapping[str, Fraction | None],
    plan: Plan | None,
    table: pd.DataFrame,
    lang: Language | None,
) -> pd.Series:
    """The ``explanation`` column: each verdict, then its attention and progress sentences.

    The extra sentences are joined into each row's sentence in the same pass as its pieces.
    """
    tails = [
        tail
        for tail in (
            _attention_sentences(chosen, bands, table, lang),
            progress_sentences(table, chosen, lang),
        )
        if tail is not None
    ]
    texts = render_explanations(chosen, facts, table, lang, plan=plan, tails=tails)
    return text_series(texts, table.index, "explanation")


def _attention_sentences(
    chosen: tuple[Indicator, ...],
    bands: Mapping[str, Fraction | None],
    table: pd.DataFrame,
    lang: Language | None,
) -> Text | None:
    """The sentence after each explanation flagged by an attention band (``None``: no flag)."""
    flags = table["attention"]
    if not flags.notna().any():
        return None
    codes = table["_indicator"].to_numpy(dtype=np.int64)
    extra = np.full(len(table), "", dtype=S)
    for position, indicator in enumerate(chosen):
        band = bands.get(indicator.id)
        if band is None:
            continue
        number = declared_text(band)
        width = (
            EXPLANATIONS.say("points", lang, number=number)
            if normalise_unit(indicator.unit) == normalise_unit("percent")
            else with_unit(number, indicator.unit, lang)
        )
        for flag in ATTENTION_DTYPE.categories:
            rows = (codes == position) & (flags == flag).to_numpy()
            extra[rows] = EXPLANATIONS.say(str(flag), lang, band=width)
    return extra


def _region_texts(panel: Panel) -> npt.NDArray[np.object_]:
    if is_small(len(panel)):
        return np.asarray([str(region) for region in panel.region], dtype=object)
    codes, uniques = pd.factorize(panel.region, use_na_sentinel=False)
    return np.asarray([str(u) for u in uniques], dtype=object)[codes]


def _status_and_reason(
    reason: npt.NDArray[np.object_],
) -> tuple[pd.Categorical, pd.Categorical]:
    """The ``status`` and ``reason`` columns of reason codes, each looked up once per code.

    The codes are factorized once (a hash pass), then each distinct code's status and
    category position are spread to its rows.
    """
    codes, uniques = _factorize_codes(reason)
    reasons = reason_dtype()
    position = {value: code for code, value in enumerate(reasons.categories)}
    status_position = {value: code for code, value in enumerate(STATUS_DTYPE.categories)}
    reason_of = np.array([position[code] for code in uniques] + [-1], dtype=np.int8)
    status_of = np.array(
        [status_position[reason_status(str(code)).value] for code in uniques] + [-1],
        dtype=np.int8,
    )
    return (
        pd.Categorical.from_codes(status_of[codes], dtype=STATUS_DTYPE),
        pd.Categorical.from_codes(reason_of[codes], dtype=reasons),
    )


def _factorize_codes(values: npt.NDArray[np.object_]) -> tuple[npt.NDArray[np.intp], list[Any]]:
    """Codes by first appearance and the distinct values (a dict pass when small)."""
    if is_small(len(values)):
        seen: dict[Any, int] = {}
        codes = [seen.setdefault(value, len(seen)) for value in values.tolist()]
        return np.asarray(codes, dtype=np.intp), list(seen)
    found, uniques = pd.factorize(values)
    return found, list(uniques)


def _floats(values: FloatArray | None, rows: int) -> FloatArray:
    return np.full(rows, np.nan) if values is None else values


def _int_codes(
    values: npt.NDArray[np.int64] | None, rows: int, keep: BoolArray | None = None
) -> npt.NDArray[np.int64]:
    """An optional integer column as integers with -1 for missing (and rows outside ``keep``)."""
    if values is None:
        return np.full(rows, -1, dtype=np.int64)
    return values if keep is None else np.where(keep, values, -1)


def _bool_codes(values: pd.arrays.BooleanArray | None, rows: int) -> npt.NDArray[np.int8]:
    """An optional boolean column as 1, 0 and -1 for missing."""
    if values is None:
        return np.full(rows, -1, dtype=np.int8)
    return values.to_numpy(dtype=np.int8, na_value=-1)


def _positions(values: npt.NDArray[np.int64] | None, rows: int) -> npt.NDArray[np.int64]:
    return np.full(rows, -1, dtype=np.int64) if values is None else values


def _lookup(panel: Panel, table: _Split | None, indicator_id: str) -> References | None:
    """The reference rows of one indicator and each panel row's position among them."""
    found = table.get(indicator_id) if table is not None else None
    if found is None or not len(found.columns.value):
        return None
    if found.duplicate is not None:
        raise DataError([found.duplicate])
    if found.ordinals is None:  # several rows a period (peers): the kind reads them by period
        positions = np.full(len(panel), -1, dtype=np.intp)
    elif is_small(len(panel)):
        where = found.position_of
        positions = np.array([where.get(o, -1) for o in panel.ordinal.tolist()], dtype=np.intp)
    else:
        positions = found.ordinals.get_indexer(panel.ordinal)  # type: ignore[arg-type]
    return References(rows=found.rows, position=positions, given_columns=found.columns)


#: Columns that hold one value per indicator, stored as categoricals over the indicators.
#: (``comparison`` and ``responsible`` are read from the indicators when a frame is made.)
_PER_INDICATOR: dict[str, Callable[[Indicator], str | None]] = {
    "unit": lambda indicator: indicator.unit,
    "deadline": lambda indicator: indicator.deadline,
}


def _stack(
    chosen: tuple[Indicator, ...],
    parts: list[_Part],
    panel: Panel,
    periods: npt.NDArray[np.object_],
) -> pd.DataFrame:
    """The evaluation's table: the indicators' parts one below the other, in one pass.

    Columns are concatenated as numpy arrays (no frame per indicator), then the coded ones
    become pandas' masked and categorical arrays once (:data:`_DECODED`). Region and period
    repeat the panel's keys (``periods``: its period labels); the per-indicator texts are
    categoricals; ``_indicator`` is each row's position in ``chosen``.
    """
    rows, count = len(panel), len(chosen)
    codes = np.repeat(np.arange(count, dtype=np.int64), rows)
    tiled = np.tile(np.arange(rows), count)
    keys = pd.DataFrame({"region": panel.region, "period": periods})
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
    for name in parts[0].columns if parts else ():
        # "status" holds the reason codes too: its column is made from "reason" below
        pieces = [p.columns[name] for p in parts]
        column = None if name == "status" else np.concatenate(pieces)
        columns[name] = _DECODED[name](column) if name in _DECODED else column
    if parts:  # every indicator's reason codes, coded once for the whole table
        columns["status"], columns["reason"] = _status_and_reason(columns["reason"])
    if not parts:  # nothing evaluated: the columns still exist, with their dtypes
        columns["status"] = pd.Categorical([], dtype=STATUS_DTYPE)
        columns["reason"] = pd.Categorical([], dtype=reason_dtype())
        columns["attention"] = pd.Categorical([], dtype=ATTENTION_DTYPE)
        columns["progress"] = pd.Categorical([], dtype=PROGRESS_DTYPE)
        for name in FRAME_COLUMNS:
            columns.setdefault(name, np.empty(0))
    columns["_indicator"] = codes
    return pd.DataFrame(columns)


def _masked_ints(codes: npt.NDArray[np.int64]) -> pd.arrays.IntegerArray:
    """Integer codes as a nullable integer column: -1 is missing."""
    absent = codes < 0
    return pd.arrays.IntegerArray(np.where(absent, 0, codes).astype(np.int64), absent)


def _masked_bools(codes: npt.NDArray[np.int8]) -> pd.arrays.BooleanArray:
    """1 / 0 / -1 codes as a nullable boolean column: -1 is missing."""
    return pd.arrays.BooleanArray(codes == 1, codes < 0)


#: The columns :func:`_assess` gives as codes, and how the table's column is made of them.
_DECODED: dict[str, Callable[[Any], Any]] = {
    "rank": _masked_ints,
    "group_size": _masked_ints,
    "cutoff_rank": _masked_ints,
    "conclusive": _masked_bools,
    "due": _masked_bools,
    "attention": partial(pd.Categorical.from_codes, dtype=ATTENTION_DTYPE),
    "progress": partial(pd.Categorical.from_codes, dtype=PROGRESS_DTYPE),
}


@lru_cache(maxsize=256)
def _categories(values: tuple[str, ...], *, ordered: bool = False) -> pd.CategoricalDtype:
    """One categorical dtype per set of texts: building a dtype validates its categories."""
    return pd.CategoricalDtype(list(values), ordered=ordered)


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
