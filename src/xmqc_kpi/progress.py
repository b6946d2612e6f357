"""Progress toward the deadline: is a target not yet due on course to be met by then.

Open SDG's progress status is the model: the change observed per year against the change
needed per year to reach the target by the target year. For every level target (a kind with a
fixed target number: at least, above, at most, below, 100 %) and every trend with a deadline,
at each period before the deadline month:

* ``observed_change`` = (latest − earliest) ÷ years between them, over the region's history up
  to the assessed period (the earliest period with a value, the assessed one the latest);
* ``required_change`` = (target − latest) ÷ years left until the deadline (level targets not
  yet met; a trend needs a move the right way every period, not a number);
* ``projected`` = latest + observed × years left, never below 0 and, for a share (%, ‰), never
  above the whole (100 %);
* ``progress``: ``met`` (the target is met now), ``regressing`` (the observed change moves
  away from the target), ``on_track`` (the straight projection reaches the target by the
  deadline: observed ≥ required, decided exactly), ``needs_acceleration`` (moving the right way
  at no less than :data:`ACCELERATION_SHARE` of the pace needed; for a trend not met, any move
  the right way), ``off_track`` otherwise. Missing at and after the deadline (the verdict
  itself is then the answer), without a deadline, for kinds without a target number or
  direction (national averages, ranks, monitored), and where only one period has a value (but
  ``met`` needs one period only).

Years are counted in months from the end of each period to the end of the deadline month, so
2013 to a deadline of 2015-12 is two years. Everything is computed over whole columns; the
boundary of ``on_track`` is decided in exact rationals (a path reaching the target exactly at
the deadline is on track, one short by 10⁻¹² is not).

>>> import pandas as pd
>>> import xmqc_kpi as kpi
>>> rate = kpi.catalog()["national_sampling_pass_rate"]  # 94 %, here by 2015-12
>>> rate = rate.model_copy(update={"deadline": "2015-12"})
>>> data = pd.DataFrame({"period": [2012, 2013], "national_sampled_batches": [1000, 1000],
...                      "national_passed_batches": [910, 920]})
>>> row = kpi.evaluate(rate, data).to_frame("en").iloc[1]
>>> row["progress"], float(row["observed_change"]), float(row["required_change"])
('on_track', 1.0, 1.0)
>>> float(row["projected"])  # 92 % + 1 point a year × 2 years
94.0
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._small import is_small
from .explain import _fill
from .formulas import Ratio
from .judging import ABOVE, AT_LEAST, AT_MOST, BELOW, Comparator, ExactAt, Subject, decide
from .text import Language, resolve_language
from .text.explanations import EXPLANATIONS
from .text.numbers import format_given, format_numbers
from .text.progress import PROGRESS
from .text.units import with_unit
from .thresholds import reason_status
from .units import exact_factor, parse_unit

if TYPE_CHECKING:
    from .indicator import Indicator

__all__ = [
    "ACCELERATION_SHARE",
    "PROGRESS_DTYPE",
    "Progress",
    "assess_progress",
    "progress_sentences",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
S = np.dtypes.StringDType()

#: The values of the ``progress`` column, best first.
PROGRESS_DTYPE = pd.CategoricalDtype(
    ["met", "on_track", "needs_acceleration", "off_track", "regressing"]
)
#: Moving the right way at this share of the pace needed, or more, "needs acceleration".
ACCELERATION_SHARE = Fraction(1, 2)
_MONTHS = 12
_MET, _ON_TRACK, _ACCELERATE, _OFF_TRACK, _REGRESSING = range(5)


@dataclass(frozen=True)
class Progress:
    """The progress columns of one indicator's rows (NaN / missing where there is none)."""

    #: The progress of each row: codes of :data:`PROGRESS_DTYPE` (-1: none), which the
    #: engine makes one categorical for the whole table.
    codes: npt.NDArray[np.int8]
    #: Change per year needed to reach the target by the deadline (display unit, signed).
    required: FloatArray
    #: Change per year observed over the region's history up to the row (signed).
    observed: FloatArray
    #: The value projected at the deadline at the observed pace (bounded, see the module).
    projected: FloatArray
    #: Years between the earliest period with a value and the row's (what ``observed`` spans).
    span: FloatArray

    @classmethod
    def none(cls, rows: int) -> Progress:
        """No progress on any row."""
        nan = np.full(rows, np.nan)
        return cls(np.full(rows, -1, dtype=np.int8), nan, nan, nan, nan)


def period_end_months(ordinal: IntArray, freq: str | None) -> IntArray | None:
    """Each period's last month as ``year × 12 + month`` (``None``: periods without a calendar).

    >>> period_end_months(np.array([43, 44]), "Y-DEC").tolist()  # 2013, 2014
    [24168, 24180]
    """
    if freq is None:
        return None
    if is_small(len(ordinal)):  # a service's few rows: no sort
        return np.array([_end_month(o, freq) for o in ordinal.tolist()], dtype=np.int64)
    uniques, codes = np.unique(ordinal, return_inverse=True)
    months = np.array([_end_month(int(o), freq) for o in uniques], dtype=np.int64)
    return months[codes]


@lru_cache(maxsize=4096)
def _end_month(ordinal: int, freq: str) -> int:
    """One period's last month as ``year × 12 + month`` (periods recur call after call)."""
    end = pd.Period(ordinal=ordinal, freq=freq).end_time
    return int(end.year * _MONTHS + end.month)


def deadline_month(deadline: str) -> int:
    """A deadline ``"YYYY-MM"`` as ``year × 12 + month``.

    >>> deadline_month("2015-12") - deadline_month("2013-12")
    24
    """
    year, month = (int(part) for part in deadline.split("-"))
    calendar.monthrange(year, month)  # refuses a month that does not exist
    return year * _MONTHS + month


def assess_progress(
    subject: Subject, reason: npt.NDArray[np.object_], freq: str | None
) -> Progress:
    """The progress of every row of ``subject`` toward its indicator's deadline.

    ``reason`` holds each row's reason code (its status follows); ``freq`` is the panel's
    period frequency. Rows are sorted by region, then period (as the engine gives them).
    """
    rows = len(subject)
    indicator = subject.indicator
    threshold = indicator.threshold
    months = None if indicator.deadline is None else period_end_months(subject.ordinal, freq)
    target = threshold.target(indicator.unit)
    trend = target is None and type(threshold).over_series
    if months is None or rows == 0 or (target is None and not trend):
        return Progress.none(rows)
    higher = indicator.direction == "higher"
    left = deadline_month(str(indicator.deadline)) - months
    target_float = None if target is None else float(target)
    standing = _standing_rows if is_small(rows) else _standing
    met, required, first, history = standing(subject, reason, left, target_float)
    codes = np.full(rows, -1, dtype=np.int8)
    if not history.any():  # one period per region (a service's call): no pace to observe
        codes[met] = _MET
        nan = np.full(rows, np.nan)
        return Progress(codes, required, nan, nan, nan)
    index = np.arange(rows)
    base = np.where(history, first, index)
    span = np.where(history, months - months[base], 0)
    value, start = subject.value, subject.value[base]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        observed = np.where(history, (value - start) * _MONTHS / span, np.nan)
        pace = np.where(history, (value - start) / span, np.nan)  # per month
    exact_start: ExactAt = lambda row: subject.exact(int(base[row]))  # noqa: E731

    def projection(factor: Fraction) -> tuple[FloatArray, ExactAt]:
        """The latest value + factor × observed × years left, in floats and exactly."""
        with np.errstate(invalid="ignore", over="ignore"):  # near float's limit: ±inf is right
            floats = value + float(factor) * pace * left

        def exact(row: int) -> Fraction | None:
            latest, earliest = subject.exact(row), exact_start(row)
            if latest is None or earliest is None:
                return None
            return latest + factor * (latest - earliest) * Fraction(int(left[row]), int(span[row]))

        return floats, exact

    better, worse = (ABOVE, BELOW) if higher else (BELOW, ABOVE)
    # rows without history compare a value with itself: nothing to settle exactly there
    toward = history & decide(value, start, better, subject.exact, exact_start, ~history)
    away = history & decide(value, start, worse, subject.exact, exact_start, ~history)
    codes[history] = _OFF_TRACK
    codes[toward] = _ACCELERATE
    projected, exact_projected = projection(Fraction(1))
    if target is not None:
        reach = _reaching(threshold.comparator, higher)
        halfway, exact_halfway = projection(1 / ACCELERATION_SHARE)
        inclusive = AT_LEAST if higher else AT_MOST
        fixed: ExactAt = lambda _row: target  # noqa: E731
        slow = toward & ~decide(halfway, float(target), inclusive, exact_halfway, fixed)
        codes[slow] = _OFF_TRACK
        on = toward & decide(projected, float(target), reach, exact_projected, fixed)
        codes[on] = _ON_TRACK
    codes[away] = _REGRESSING
    codes[met] = _MET
    return Progress(
        codes=codes,
        required=required,
        observed=observed,
        projected=np.where(history, _bounded(indicator, projected), np.nan),
        span=np.where(history, span / _MONTHS, np.nan),
    )


#: What :func:`_standing` says of each row: met now, the change required per year, the first
#: row of its region with a value, and whether it has a history (an earlier period with one).
_Standing = tuple[BoolArray, FloatArray, IntArray, BoolArray]


def _standing(
    subject: Subject, reason: npt.NDArray[np.object_], left: IntArray, target: float | None
) -> _Standing:
    """Each row's standing before the deadline (``left``: months to go), over whole columns.

    A row is eligible when it is before the deadline, known and met or not met; ``met`` and
    ``required`` are of the eligible rows; ``history`` marks the eligible rows after their
    region's first known one (``first``).
    """
    rows = len(subject)
    status = _statuses(reason)
    eligible = (left > 0) & subject.known & ((status == "met") | (status == "not_met"))
    met = eligible & (status == "met")
    required = _required(target, subject.value, left, eligible & ~met)
    index = np.arange(rows)
    region = subject.region
    starts = np.flatnonzero(np.r_[True, region[1:] != region[:-1]])
    first_known = np.minimum.reduceat(np.where(subject.known, index, rows), starts)
    first = np.repeat(first_known, np.diff(np.r_[starts, rows]))
    return met, required, first, eligible & (first < index)


def _standing_rows(
    subject: Subject, reason: npt.NDArray[np.object_], left: IntArray, target: float | None
) -> _Standing:
    """:func:`_standing` row by row in Python (for a few rows: no numpy calls per step).

    ``required`` = (target − value) × 12 / months left, the same float operations.

    >>> import xmqc_kpi as kpi
    >>> from xmqc_kpi.judging import Subject
    >>> rate = kpi.catalog()["national_sampling_pass_rate"]
    >>> subject = Subject(rate, np.array([92.0, 93.0]), lambda r: None, np.ones(2, bool),
    ...                   np.full(2, np.nan), np.full(2, np.nan), np.zeros(2, bool),
    ...                   np.array(["a", "a"], dtype=object), np.array([43, 44]),
    ...                   lambda: np.zeros(2, bool))
    >>> met, required, first, history = _standing_rows(
    ...     subject, np.array(["below_minimum"] * 2, dtype=object), np.array([24, 12]), 94.0)
    >>> required.tolist(), first.tolist(), history.tolist()
    ([1.0, 1.0], [0, 0], [False, True])
    """
    known = subject.known.tolist()
    statuses = [reason_status(str(code)).value for code in reason.tolist()]
    eligible = [
        months > 0 and is_known and status in ("met", "not_met")
        for months, is_known, status in zip(left.tolist(), known, statuses, strict=True)
    ]
    met = [ok and status == "met" for ok, status in zip(eligible, statuses, strict=True)]
    required = [
        (target - value) * _MONTHS / months if target is not None and ok and not done else np.nan
        for value, months, ok, done in zip(
            subject.value.tolist(), left.tolist(), eligible, met, strict=True
        )
    ]
    regions = subject.region.tolist()
    first: list[int] = []
    for _, run in groupby(range(len(regions)), key=regions.__getitem__):  # regions are runs
        members = list(run)
        first.extend([next((row for row in members if known[row]), len(regions))] * len(members))
    history = [
        ok and start < row for row, (ok, start) in enumerate(zip(eligible, first, strict=True))
    ]
    return (
        np.array(met, dtype=bool),
        np.array(required, dtype=np.float64),
        np.array(first, dtype=np.int64),
        np.array(history, dtype=bool),
    )


def _required(
    target: float | None, value: FloatArray, left: IntArray, needed: npt.NDArray[np.bool_]
) -> FloatArray:
    """The change per year that reaches ``target`` by the deadline, on the ``needed`` rows.

    (target − value) × 12 / months left; NaN elsewhere and for trends (no target).
    """
    if target is None:
        return np.full(len(value), np.nan)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        required = (target - value) * _MONTHS / left
    return np.where(needed, required, np.nan)


def _statuses(reason: npt.NDArray[np.object_]) -> npt.NDArray[np.object_]:
    """Each row's status code, looked up once per distinct reason."""
    status = np.empty(len(reason), dtype=object)
    for code in pd.unique(reason):
        status[reason == code] = reason_status(str(code)).value
    return status


def _reaching(comparator: Comparator | None, higher: bool) -> Comparator:
    """How a projection reaches the target: the kind's own bound, or ≥ / ≤ for 100 %."""
    if comparator is not None and comparator.direction is not None:
        return comparator
    return AT_LEAST if higher else AT_MOST


def _bounded(indicator: Indicator, projected: FloatArray) -> FloatArray:
    """A projection as a value can be: not below 0, a share not above its whole (100 %)."""
    whole = np.inf
    formula = indicator.formula
    unbounded_ratio = isinstance(formula, Ratio) and not formula.part_of_whole
    if parse_unit(indicator.unit).kind == "share" and not unbounded_ratio:
        whole = float(exact_factor("dimensionless", indicator.unit))
    return np.clip(projected, 0.0, whole)


# --------------------------------------------------------------------------- words


def progress_sentences(
    table: pd.DataFrame, chosen: tuple[Indicator, ...], lang: Language | None = None
) -> npt.NDArray[Any] | None:
    """The progress sentence of every row of an evaluation's table ("" where none).

    Filled over whole columns: one template per indicator and progress status. ``None`` when
    no row has a sentence.
    """
    language = resolve_language(lang)
    status = table["progress"].cat.codes.to_numpy()
    if not (status > _MET).any():  # none, or met only (a service's one period): no sentence
        return None
    sentences = np.full(len(table), "", dtype=S)
    written = False
    indicator_codes = table["_indicator"].to_numpy(dtype=np.int64)
    bounds = np.searchsorted(indicator_codes, np.arange(len(chosen) + 1))  # sorted by indicator
    numbers = {
        name: table[name].to_numpy(np.float64)
        for name in ("observed_change", "required_change", "projected", "_progress_span")
    }
    for position, indicator in enumerate(chosen):
        start, stop = int(bounds[position]), int(bounds[position + 1])
        trend = indicator.threshold.target(indicator.unit) is None
        for code, flag in enumerate(PROGRESS_DTYPE.categories):
            if flag == "met":
                continue
            rows = start + np.flatnonzero(status[start:stop] == code)
            if not len(rows):
                continue
            key = f"trend_{flag}" if trend and f"trend_{flag}" in PROGRESS else str(flag)
            fields = _fields(
                {name: values[rows] for name, values in numbers.items()}, indicator, language
            )
            sentences[rows] = _fill(PROGRESS[key].template(language), fields)
            written = True
    return sentences if written else None


def _fields(part: Mapping[str, FloatArray], indicator: Indicator, lang: Language) -> dict[str, Any]:
    decimals = indicator.decimals

    def change(values: FloatArray) -> npt.NDArray[Any]:
        text = format_numbers(values, decimals)
        signed = np.where(values > 0, np.strings.add("+", text), text)
        if parse_unit(indicator.unit).name == "percent":
            return np.strings.add(signed, _points(lang))
        return np.strings.add(signed, with_unit("", indicator.unit, lang))

    projected = format_numbers(part["projected"], decimals)
    return {
        "observed": change(part["observed_change"]),
        "required": change(part["required_change"]),
        "projected": np.strings.add(projected, with_unit("", indicator.unit, lang)),
        "span": format_given(part["_progress_span"]),
        "deadline": str(indicator.deadline),
    }


def _points(lang: Language) -> str:
    """What follows a change of a percentage (`` 个百分点``, `` percentage points``)."""
    return EXPLANATIONS.say("points", lang, number="")
