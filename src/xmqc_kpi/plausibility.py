"""Plausibility warnings: values that are valid but unlikely for their unit.

A warning never changes a value or a verdict: the evaluation reads what it was given, and
:meth:`Evaluation.warnings() <xmqc_kpi.Evaluation.warnings>` lists what looks wrong. The codes
(API, worded in :mod:`xmqc_kpi.text.warnings`):

* ``share_as_fraction``: a percentage (an input or a directly reported rate in %) entered
  without a unit as a number in (0, 1] — 0.9759 is read as 0.9759 %, probably meant 97.59 %;
* ``far_above_benchmark`` / ``far_below_benchmark``: a value at least :data:`BENCHMARK_FACTOR`
  times (at most 1/:data:`BENCHMARK_FACTOR` of) the national average of the same period — 7
  entered for 7 万台 gives 7,142.857 人/万台 against 0.517;
* ``fractional_count``: a count (``count``, ``person``) with a fractional part.

Detection is vectorised over the rows of each indicator; the factor's boundary is decided
exactly (a value exactly 100 times its benchmark is warned of).

>>> import pandas as pd
>>> import xmqc_kpi as kpi
>>> rate = kpi.catalog()["municipal_sampling_pass_rate"]
>>> data = pd.DataFrame({"period": [2013], "municipal_sampling_pass_rate": [0.9759]})
>>> result = kpi.evaluate(rate, data)
>>> result.to_frame()["status"].tolist()
['not_met']
>>> result.warnings("en")[["variable", "value", "code"]].to_dict("records")
[{'variable': 'municipal_sampling_pass_rate', 'value': 0.9759, 'code': 'share_as_fraction'}]
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._small import is_small
from .explain import _fill
from .judging import AT_LEAST, AT_MOST, ExactAt, References, decide
from .results import WARNING_COLUMNS
from .text import Language, resolve_language
from .text.explanations import EXPLANATIONS
from .text.numbers import format_given, format_numbers
from .text.units import with_unit
from .text.warnings import WARNINGS
from .units import float_factor, normalise_unit

if TYPE_CHECKING:
    from .indicator import Indicator
    from .panel import Panel

__all__ = [
    "BENCHMARK_FACTOR",
    "WARNING_CODES",
    "WARNING_COLUMNS",
    "Warnings",
    "detect",
    "warning_frame",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
S = np.dtypes.StringDType()

#: The warning codes, in the order the wording table lists them.
WARNING_CODES = tuple(WARNINGS)
#: A value this many times its benchmark (or 1/this of it) or more is implausible.
BENCHMARK_FACTOR = 100
#: Declared units whose values are whole numbers.
_COUNTS = frozenset({"count", "person"})
#: The raw columns kept until the messages are worded.
_RAW = ("row", "variable", "value", "code", "benchmark", "unit", "name_zh", "name_en")


def detect(
    indicator: Indicator,
    panel: Panel,
    value: FloatArray,
    direct: BoolArray,
    exact: ExactAt,
    benchmarks: References | None,
    written: Collection[str],
) -> pd.DataFrame | None:
    """The implausible values of one indicator's rows (panel positions in ``row``), if any.

    ``value`` is the indicator's value in its display unit, ``direct`` the rows reported
    directly, ``exact`` the exact value of a row, ``benchmarks`` the national averages and
    ``written`` the variables whose unit the caller stated (``units=``, a header).
    """
    pieces = [
        *_fractions_for_percent(indicator, panel, direct, written),
        *_fractional_counts(indicator, panel),
    ]
    if benchmarks is not None:
        pieces.extend(_far_from_benchmark(indicator, value, exact, benchmarks))
    if not pieces:
        return None  # the common case: no frame built (a service evaluates 42 indicators a call)
    return pd.concat(pieces, ignore_index=True).sort_values("row", kind="stable")


def _piece(
    rows: npt.NDArray[np.intp],
    variable: str,
    values: FloatArray,
    code: str,
    unit: str,
    names: tuple[str, str],
    benchmark: FloatArray | None = None,
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": rows,
            "variable": variable,
            "value": values,
            "code": code,
            "benchmark": np.full(len(rows), np.nan) if benchmark is None else benchmark,
            "unit": unit,
            "name_zh": names[0],
            "name_en": names[1],
        }
    )


def _names(indicator: Indicator, variable: str) -> tuple[str, str]:
    """How a reader knows ``variable``: the input's label with its name, or the title."""
    for item in indicator.inputs:
        if item.name == variable:
            return (
                EXPLANATIONS.say("label", "zh", label=item.label_zh, name=variable),
                EXPLANATIONS.say(
                    "label", "en", label=item.label_en or item.label_zh, name=variable
                ),
            )
    return indicator.title_zh, indicator.title_en


def _fractions_for_percent(
    indicator: Indicator, panel: Panel, direct: BoolArray, written: Collection[str]
) -> list[pd.DataFrame]:
    """Percentages given without a unit as a number in (0, 1]: probably a fraction."""
    percent = normalise_unit("percent")
    expected = {n: u for n, u in indicator.input_units.items() if normalise_unit(u) == percent}
    if normalise_unit(indicator.unit) == percent:
        expected[indicator.id] = indicator.unit
    pieces = []
    for name, unit in expected.items():
        column = panel.columns.get(name)
        if column is None or name in written:
            continue
        raw = column.raw.astype(np.float64)
        suspect = (raw > 0) & (raw <= 1)
        if name == indicator.id:
            suspect &= direct  # a direct value not used (inputs given) is not read
        rows = np.flatnonzero(suspect)
        if len(rows):
            pieces.append(
                _piece(rows, name, raw[rows], "share_as_fraction", unit, _names(indicator, name))
            )
    return pieces


def _fractional_counts(indicator: Indicator, panel: Panel) -> list[pd.DataFrame]:
    """Counts (in their declared unit) with a fractional part."""
    pieces = []
    for name, unit in indicator.input_units.items():
        column = panel.columns.get(name)
        if column is None or normalise_unit(unit) not in _COUNTS:
            continue
        counts = column.to(unit)
        rows = _fractional(counts)
        if len(rows):
            pieces.append(
                _piece(rows, name, counts[rows], "fractional_count", unit, _names(indicator, name))
            )
    return pieces


def _fractional(values: FloatArray) -> npt.NDArray[np.intp]:
    """The positions of the finite values with a fractional part (a few: one by one).

    >>> _fractional(np.array([1.0, 2.5, np.inf, np.nan, -0.5])).tolist()
    [1, 4]
    """
    if is_small(len(values)):
        found = [
            row
            for row, number in enumerate(values.tolist())
            if math.isfinite(number) and math.floor(number) != number
        ]
        return np.array(found, dtype=np.intp)
    with np.errstate(invalid="ignore"):
        return np.flatnonzero(np.isfinite(values) & (np.floor(values) != values))


def _far_from_benchmark(
    indicator: Indicator, value: FloatArray, exact: ExactAt, benchmarks: References
) -> list[pd.DataFrame]:
    """Values :data:`BENCHMARK_FACTOR` times their benchmark or more (or 1/that or less)."""
    position = benchmarks.position
    found = position >= 0
    reference = np.where(found, benchmarks.columns.value[position], np.nan)
    exact_reference = benchmarks.columns.exact
    factor = Fraction(BENCHMARK_FACTOR)
    usable = found & (reference > 0) & (value > 0) & np.isfinite(value)

    def scaled(by: Fraction) -> ExactAt:
        def at(row: int) -> Fraction | None:
            number = exact_reference[position[row]]
            return None if number is None else Fraction(number) * by

        return at

    with np.errstate(invalid="ignore"):
        above = usable & decide(
            value, reference * BENCHMARK_FACTOR, AT_LEAST, exact, scaled(factor)
        )
        below = usable & decide(
            value, reference / BENCHMARK_FACTOR, AT_MOST, exact, scaled(1 / factor)
        )
    names = (indicator.title_zh, indicator.title_en)
    pieces = []
    for code, flagged in (("far_above_benchmark", above), ("far_below_benchmark", below)):
        rows = np.flatnonzero(flagged)
        if len(rows):
            pieces.append(
                _piece(
                    rows, indicator.id, value[rows], code, indicator.unit, names, reference[rows]
                )
            )
    return pieces


@dataclass(frozen=True)
class Warnings:
    """An evaluation's warnings, kept raw (no message) until a language is asked for.

    ``raw`` has the columns of :func:`detect` with ``indicator_id``, ``region`` and ``period``
    in place of ``row``.
    """

    raw: pd.DataFrame

    @classmethod
    def none(cls, ids: pd.CategoricalDtype) -> Warnings:
        """No warning: an empty ``raw`` with its columns (``ids``: the indicators' dtype).

        >>> Warnings.none(pd.CategoricalDtype(["a"])).raw.columns.tolist()[-3:]
        ['indicator_id', 'region', 'period']
        """
        empty: dict[str, Any] = {name: np.empty(0) for name in _RAW if name != "row"}
        empty["indicator_id"] = pd.Categorical.from_codes(np.empty(0, dtype=np.int8), dtype=ids)
        return cls(pd.DataFrame({**empty, "region": np.empty(0), "period": np.empty(0)}))

    def frame(self, lang: Language | None = None) -> pd.DataFrame:
        """The warnings with their messages in ``lang`` (see :func:`warning_frame`)."""
        return warning_frame(self.raw, lang)

    def within(self, table: pd.DataFrame) -> Warnings:
        """The warnings of the (indicator_id, region, period) rows of ``table`` only."""
        if self.raw.empty:
            return self
        keys = ["indicator_id", "region", "period"]
        kept = pd.MultiIndex.from_frame(table[keys].astype(object))
        found = pd.MultiIndex.from_frame(self.raw[keys].astype(object))
        return Warnings(self.raw.loc[found.isin(kept)].reset_index(drop=True))


def warning_frame(raw: pd.DataFrame, lang: Language | None = None) -> pd.DataFrame:
    """The warnings with their message in ``lang`` (columns :data:`WARNING_COLUMNS`).

    ``raw`` has the columns of :func:`detect` with ``indicator_id``, ``region`` and ``period``
    in place of ``row``. Each code's template is filled over all its rows at once.
    """
    language = resolve_language(lang)
    messages = np.full(len(raw), "", dtype=object)
    codes = raw["code"].to_numpy(dtype=object)
    for code in pd.unique(codes):
        rows = np.flatnonzero(codes == code)
        part = raw.iloc[rows]
        fields = _fields(part, language, benchmarked=str(code).startswith("far_"))
        messages[rows] = _fill(WARNINGS[str(code)].template(language), fields)
    frame = raw.loc[:, [c for c in WARNING_COLUMNS if c != "message"]].copy()
    frame["message"] = messages.astype(str) if len(raw) else messages
    return frame.reset_index(drop=True)


def _fields(part: pd.DataFrame, lang: Language, *, benchmarked: bool) -> dict[str, Any]:
    """The template fields of some warnings of one code, as string arrays.

    Values compared with a benchmark are computed rates, shown to three decimals with their
    unit; inputs are shown as the caller wrote them.
    """
    values = part["value"].to_numpy(np.float64)
    benchmark = part["benchmark"].to_numpy(np.float64)
    unit = part["unit"].to_numpy(dtype=object)
    shown = format_given(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(values >= benchmark, values / benchmark, benchmark / values)
    percent = values * np.array([float_factor("dimensionless", "percent")])
    units = pd.unique(unit)
    suffix = np.asarray([with_unit("", str(u), lang) for u in units], dtype=object)
    unit_text = suffix[pd.Index(units).get_indexer(unit)].astype(S)
    return {
        "name": part[f"name_{lang}"].to_numpy(dtype=object).astype(S),
        "value": np.strings.add(format_numbers(values, 3), unit_text) if benchmarked else shown,
        "percent": format_given(percent),
        "benchmark": np.strings.add(format_numbers(benchmark, 3), unit_text),
        "factor": format_numbers(ratio, 0),
        "period": _periods(part["period"], lang),
    }


def _periods(periods: pd.Series, lang: Language) -> npt.NDArray[Any]:
    """Years as a reader writes them (2013 年), other periods as they are."""
    codes, uniques = pd.factorize(periods.astype(object))
    texts = [
        EXPLANATIONS.say("year", lang, year=u) if str(u).isdigit() else str(u) for u in uniques
    ]
    return np.asarray([*texts, ""], dtype=S)[codes]
