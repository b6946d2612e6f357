"""How a threshold kind judges: comparators, what a judge sees, its verdict, the registry.

A threshold kind is one unit of change (pandera's registered checks are the model): one class
carrying its facts — its :class:`Comparator`, the direction it implies, the reasons it can
give — one :meth:`~ThresholdKind.judge` returning a typed :class:`Verdict` over every row at
once, one :meth:`~ThresholdKind.expected` giving the exact reference status for the testing
oracle, and its words in the wording layer. :func:`xmqc_kpi.thresholds.register_threshold` adds
a kind, built in or from a user's own code; nothing else in the package names a kind.

>>> AT_LEAST(96, 96), ABOVE(96, 96), AT_LEAST.symbol
(True, False, '≥')
>>> from fractions import Fraction
>>> bool(BELOW(Fraction(1, 3), Fraction(1, 2)))
True
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import BaseModel, ConfigDict

from ._small import is_small
from .intervals import wilson_interval
from .results import Status
from .text import Language
from .units import float_factor

if TYPE_CHECKING:
    from .indicator import Indicator

__all__ = [
    "ABOVE",
    "AT_LEAST",
    "AT_MOST",
    "BELOW",
    "EQUAL",
    "NEAR",
    "Comparator",
    "ReferenceColumns",
    "References",
    "Subject",
    "ThresholdKind",
    "Verdict",
    "decide",
    "decide_pair",
    "decide_rows",
    "near",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
ExactAt = Callable[[int], Fraction | None]
Direction = Literal["higher", "lower"]

#: Relative distance within which a float comparison is re-decided exactly.
NEAR = 1e-9


# --------------------------------------------------------------------------- comparators


@dataclass(frozen=True, slots=True, repr=False)
class Comparator:
    """One comparison of a value with what it is held against, with its symbol.

    Like attrs' ``_NumberValidator``: the operator, its symbol and what follows from it live in
    one object, so no module repeats operator strings. It compares numpy arrays and exact
    :class:`~fractions.Fraction` values alike.
    """

    #: A short stable name (``"ge"``), used in reprs and by the mutation tests.
    name: str
    #: The mathematical symbol shown in reports (``"≥"``).
    symbol: str
    #: The comparison itself: ``compare(value, bound)``.
    compare: Callable[[Any, Any], Any]
    #: Whether the bound itself meets it (以上, 不低于: yes; 低于, 高于: no).
    inclusive: bool
    #: The direction it implies: a higher value is better for ≥ and >, a lower for ≤ and <.
    direction: Direction | None

    def __call__(self, value: Any, bound: Any) -> Any:
        """``compare(value, bound)``."""
        return self.compare(value, bound)

    def __repr__(self) -> str:
        return f"Comparator({self.symbol})"


AT_LEAST = Comparator("ge", "≥", operator.ge, inclusive=True, direction="higher")
ABOVE = Comparator("gt", ">", operator.gt, inclusive=False, direction="higher")
AT_MOST = Comparator("le", "≤", operator.le, inclusive=True, direction="lower")
BELOW = Comparator("lt", "<", operator.lt, inclusive=False, direction="lower")
EQUAL = Comparator("eq", "=", operator.eq, inclusive=True, direction=None)


def decide(
    value: FloatArray,
    target: FloatArray | float,
    comparator: Comparator,
    exact_value: ExactAt,
    exact_target: ExactAt,
    settled: BoolArray | None = None,
) -> BoolArray:
    """``comparator(value, target)`` row by row, exact where floats are too close to tell.

    Rows whose value and target agree to within :data:`NEAR` (relative) are re-decided with
    the exact rationals that ``exact_value`` and ``exact_target`` give for that row, unless
    ``settled`` marks the float comparison as already exact there.

    >>> decide(np.array([0.1 + 0.2]), 0.3, EQUAL, lambda r: Fraction(3, 10),
    ...        lambda r: Fraction(3, 10)).tolist()
    [True]

    A few rows (``_small.is_small``) are decided one by one in Python floats
    (:func:`decide_rows`), the same IEEE operations without numpy's per-call cost.
    """
    if is_small(len(value)):
        return decide_rows(value, target, comparator, exact_value, exact_target, settled)
    targets = np.broadcast_to(np.asarray(target, dtype=np.float64), value.shape)
    with np.errstate(invalid="ignore"):
        result: BoolArray = np.asarray(comparator(value, targets), dtype=bool)
        scale = np.maximum(np.abs(value), np.abs(targets))
        near = np.abs(value - targets) <= NEAR * scale
    if settled is not None:
        near &= ~settled
    for row in np.flatnonzero(near):
        left, right = exact_value(int(row)), exact_target(int(row))
        if left is not None and right is not None:
            result[row] = bool(comparator(left, right))
    return result


def decide_rows(
    value: FloatArray,
    target: FloatArray | float,
    comparator: Comparator,
    exact_value: ExactAt,
    exact_target: ExactAt,
    settled: BoolArray | None = None,
) -> BoolArray:
    """:func:`decide` one row at a time in Python floats (for a few rows: no numpy calls).

    Python floats are the same IEEE doubles: ``|v − t| ≤ NEAR·max(|v|, |t|)`` is false when
    either is NaN, true for two zeros or two infinities of a sign, as numpy has it.

    >>> decide_rows(np.array([0.1 + 0.2, 1.0]), 0.3, EQUAL, lambda r: Fraction(3, 10),
    ...             lambda r: Fraction(3, 10)).tolist()
    [True, False]
    """
    values = value.astype(np.float64, copy=False).tolist()
    if isinstance(target, np.ndarray) and target.shape == value.shape:
        targets = target.astype(np.float64, copy=False).tolist()
    else:
        targets = np.broadcast_to(np.asarray(target, dtype=np.float64), value.shape).tolist()
    exempt = [False] * len(values) if settled is None else settled.tolist()
    result = [
        bool(comparator(left, right))
        if exempt[row]
        else decide_pair(
            left, right, comparator, partial(exact_value, row), partial(exact_target, row)
        )
        for row, (left, right) in enumerate(zip(values, targets, strict=True))
    ]
    return np.array(result, dtype=bool)


def decide_pair(
    left: float,
    right: float,
    comparator: Comparator,
    exact_left: Callable[[], Fraction | None],
    exact_right: Callable[[], Fraction | None],
) -> bool:
    """``comparator(left, right)`` for two floats, exactly when they are within :data:`NEAR`.

    >>> decide_pair(0.1 + 0.2, 0.3, EQUAL, lambda: Fraction(3, 10), lambda: Fraction(3, 10))
    True
    >>> decide_pair(0.1 + 0.2, 0.3, EQUAL, lambda: None, lambda: Fraction(3, 10))
    False
    """
    if abs(left - right) <= NEAR * max(abs(left), abs(right)):
        exact, bound = exact_left(), exact_right()
        if exact is not None and bound is not None:
            return bool(comparator(exact, bound))
    return bool(comparator(left, right))


# --------------------------------------------------------------------------- what a judge sees


@dataclass(frozen=True)
class ReferenceColumns:
    """A reference table's rows for one indicator as plain columns, read from its frame once.

    >>> rows = pd.DataFrame({"ordinal": [43, 43], "value": [2.0, 1.0],
    ...                      "exact": [Fraction(2), Fraction(1)], "peer": ["a", 7]})
    >>> columns = ReferenceColumns.of(rows)
    >>> columns.value.tolist(), columns.peer.tolist()
    ([2.0, 1.0], ['a', '7'])
    >>> columns.ranked(43, higher=False)
    ([1.0, 2.0], ['7', 'a'], [Fraction(1, 1), Fraction(2, 1)])
    """

    #: The period (``ordinal``), the value (display unit, float) and its exact ``Fraction``.
    ordinal: IntArray
    value: FloatArray
    exact: npt.NDArray[np.object_]
    #: The peers' names as text (``None``: a table without a ``peer`` column).
    peer: npt.NDArray[np.object_] | None
    _ranked: dict[tuple[int, bool], _Ranked] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, rows: pd.DataFrame) -> ReferenceColumns:
        """The columns of ``rows`` (``ordinal``, ``value``, ``exact``, optionally ``peer``)."""
        peer = None
        if "peer" in rows.columns:
            names = [str(name) for name in rows["peer"].to_numpy(dtype=object)]
            peer = np.asarray(names, dtype=object)
        return cls(
            ordinal=rows["ordinal"].to_numpy(dtype=np.int64),
            value=rows["value"].to_numpy(dtype=np.float64),
            exact=rows["exact"].to_numpy(dtype=object),
            peer=peer,
        )

    def ranked(self, ordinal: int, *, higher: bool) -> _Ranked:
        """The values, names and exact values of one period's rows, best first.

        Ties keep the table's order (a stable sort, as the column path's ``lexsort``);
        computed once per period and direction.
        """
        key = (ordinal, higher)
        if key not in self._ranked:
            at = np.flatnonzero(self.ordinal == ordinal).tolist()
            values = self.value.tolist()
            at.sort(key=(lambda row: -values[row]) if higher else (lambda row: values[row]))
            names = [] if self.peer is None else [self.peer[row] for row in at]
            self._ranked[key] = (
                [values[row] for row in at],
                names,
                [self.exact[row] for row in at],
            )
        return self._ranked[key]


#: One period's reference rows best first: values, names, exact values.
_Ranked = tuple[list[float], list[str], list[Fraction]]


@dataclass(frozen=True)
class References:
    """A reference table's rows for one indicator (benchmarks, peers), by period."""

    #: The rows: ``ordinal`` (the period), ``value`` (display unit, float), ``exact``
    #: (``Fraction``) and, for peers, ``peer``.
    rows: pd.DataFrame
    #: For each row of the panel, its position in ``rows`` (-1: none that period); all -1 when
    #: a period has several rows (peers).
    position: npt.NDArray[np.intp]
    #: ``rows`` as plain columns, when already read (the engine reads them once per table).
    given_columns: ReferenceColumns | None = field(default=None, repr=False)

    @cached_property
    def columns(self) -> ReferenceColumns:
        """``rows`` as plain columns (:class:`ReferenceColumns`)."""
        if self.given_columns is not None:
            return self.given_columns
        return ReferenceColumns.of(self.rows)


@dataclass(frozen=True)
class Subject:
    """What a judge sees: one indicator's values over every row of the panel.

    Rows are sorted by region then period. ``known`` marks the rows with a value (no missing
    input, no zero denominator); a judge may say anything about the others, the engine gives
    them their own reason.
    """

    indicator: Indicator
    #: The value in the display unit, as a float.
    value: FloatArray
    #: The exact value of one row (``None``: unknown), for decisions floats cannot make.
    exact: ExactAt
    known: BoolArray
    #: The formula's numerator and denominator in their default units (NaN: not a ratio).
    numerator: FloatArray
    denominator: FloatArray
    #: Rows whose value was reported directly (no inputs: no interval).
    direct: BoolArray
    #: Each row's region (as text) and period (an ordinal: consecutive periods differ by 1).
    region: npt.NDArray[np.object_]
    ordinal: IntArray
    #: Rows where numerator = denominator is already exact in floats (so 100 % is exact).
    equal_counts: Callable[[], BoolArray]
    #: The reference tables given to evaluate(), by name (``"benchmarks"``, ``"peers"``).
    references: Mapping[str, References | None] = field(default_factory=dict)
    #: The periods' pandas frequency (``"Y-DEC"``), so that ``ordinal`` tells when a period
    #: ends (a deliverable not yet due); ``None`` when not known.
    freq: str | None = None

    def __len__(self) -> int:
        return len(self.value)

    def reference(self, name: str) -> References | None:
        """The rows of reference table ``name`` for this indicator, or ``None``."""
        return self.references.get(name)


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """What a judge says of every row: a reason each, and what the value was held against.

    The status follows from the reason (:func:`reason_status`). Every array has one entry per
    row; the optional parts are ``None`` for kinds that have nothing to say there.
    """

    #: The reason code of each row (a :class:`~xmqc_kpi.Reason` value or a registered one).
    reason: npt.NDArray[np.object_]
    #: The number the value was compared with (threshold, benchmark, cut-off member's value,
    #: previous period's value), in the display unit; NaN where there is none.
    compared_with: FloatArray
    #: Where the value equals ``compared_with`` exactly (floats may disagree: 11 万元 ÷ 1.1 亿元).
    equal: BoolArray
    #: Whether ``compared_with`` is a number declared in the catalog, shown as written (96),
    #: rather than data shown with the value's decimals (a benchmark).
    declared: bool = False
    #: The 95 % Wilson interval of a sampled rate, and whether the verdict holds over all of it.
    ci_low: FloatArray | None = None
    ci_high: FloatArray | None = None
    conclusive: pd.arrays.BooleanArray | None = None
    #: Rank among a peer group, the group's size and the last rank of its top group (-1: none).
    rank: IntArray | None = None
    group_size: IntArray | None = None
    cutoff_rank: IntArray | None = None
    #: For a verdict over a series of periods: the row the series judged starts at, and the row
    #: the reason points to (the last step that broke it, the last gap; -1: none).
    series_start: IntArray | None = None
    cited_row: IntArray | None = None
    #: The exact number ``compared_with`` holds at one row (``None``: none there), so that an
    #: attention band is decided exactly; ``None`` when the kind cannot say.
    compared_exact: ExactAt | None = None


# --------------------------------------------------------------------------- kinds


class ThresholdKind(BaseModel):
    """The base of every threshold kind: a frozen model with a ``kind`` name and a judge.

    A subclass declares ``kind: Literal["name"] = "name"``, its :attr:`reasons` and
    :attr:`comparator`, and implements :meth:`judge` and :meth:`expected`; then
    :func:`xmqc_kpi.thresholds.register_threshold` makes it known to catalogs, the engine, the
    explanations, the threshold report and the testing oracle. See ``docs/extending.md``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    if TYPE_CHECKING:  # each kind declares it as its own first field: Literal["name"]
        kind: str
    #: Every reason the kind can give, with the status it means, verdicts first.
    reasons: ClassVar[Mapping[str, Status]] = {}
    #: How the value is held against what it is compared with, if that is one comparison.
    comparator: ClassVar[Comparator | None] = None
    #: Reference tables the kind reads (``"benchmarks"``, ``"peers"``).
    needs: ClassVar[tuple[str, ...]] = ()
    #: Whether the verdict of a row depends on the other periods of its region.
    over_series: ClassVar[bool] = False

    @property
    def symbol(self) -> str:
        """The comparison in one symbol (``≥``), for tables."""
        return self.comparator.symbol if self.comparator is not None else "—"

    def implied_direction(self) -> Direction | None:
        """The direction the kind implies, or ``None`` when it leaves it to the indicator."""
        return self.comparator.direction if self.comparator is not None else None

    def target(self, display_unit: str) -> Fraction | None:
        """The fixed number the value is compared with in ``display_unit``, if there is one."""
        return None

    def check_unit(self, display_unit: str) -> None:
        """Raise ``ValueError`` if the kind's own numbers do not convert to ``display_unit``."""

    def judge(self, subject: Subject) -> Verdict:
        """The verdict on every row of ``subject``."""
        raise NotImplementedError(f"{type(self).__name__} has no judge")

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        """The exact reference status of one known value (the testing oracle's case).

        ``context`` holds what the row is judged with: ``benchmark`` (a ``Fraction`` or
        ``None``), ``peers`` (the other members' values), ``previous`` (the period before).
        """
        raise NotImplementedError(f"{type(self).__name__} has no reference case")

    def describe_fields(self, display_unit: str | None, lang: Language | None) -> dict[str, str]:
        """The fields the kind's words are filled with (``target``, ``group`` …)."""
        return {}


# --------------------------------------------------------------------------- shared pieces


def comparison_verdict(
    subject: Subject,
    comparator: Comparator,
    target: Fraction,
    reasons: tuple[str, str],
    *,
    settled: BoolArray | None = None,
) -> Verdict:
    """The verdict of ``value <comparator> target`` for a fixed ``target`` (display unit).

    ``reasons`` are the met and not-met reasons; a sampled rate also gets its Wilson interval.
    """
    value = subject.value
    compared = np.full(len(value), float(target))
    ok = decide(value, compared, comparator, subject.exact, lambda _row: target, settled)
    equal = decide(value, compared, EQUAL, subject.exact, lambda _row: target, settled)
    reason = np.where(ok, reasons[0], reasons[1]).astype(object)
    low = high = conclusive = None
    if subject.indicator.sampled and comparator.direction is not None:
        low, high, conclusive = _interval(subject, comparator, ok, float(target))
    return Verdict(
        reason=reason,
        compared_with=compared,
        equal=equal,
        compared_exact=lambda _row: target,
        declared=True,
        ci_low=low,
        ci_high=high,
        conclusive=conclusive,
    )


def near(
    value: FloatArray,
    compared: FloatArray,
    band: Fraction,
    exact_value: ExactAt,
    exact_compared: ExactAt,
) -> BoolArray:
    """Rows whose value lies within ``band`` of what it is compared with, edges included.

    ``|value − compared| ≤ band``, decided like every verdict: in floats, and exactly for the
    rows too close to call (``compared − band ≤ value ≤ compared + band`` in rationals).

    >>> rows = near(np.array([96.5, 96.51, 95.5]), np.full(3, 96.0), Fraction(1, 2),
    ...             lambda r: [Fraction(965, 10), Fraction(9651, 100), Fraction(955, 10)][r],
    ...             lambda r: Fraction(96))
    >>> rows.tolist()
    [True, False, True]
    """
    width = float(band)

    def shifted(sign: int) -> ExactAt:
        def at(row: int) -> Fraction | None:
            centre = exact_compared(row)
            return None if centre is None else centre + sign * band

        return at

    with np.errstate(invalid="ignore"):
        low, high = compared - width, compared + width
    above_low = decide(value, low, AT_LEAST, exact_value, shifted(-1))
    below_high = decide(value, high, AT_MOST, exact_value, shifted(1))
    return above_low & below_high & ~np.isnan(compared) & ~np.isnan(value)


def _interval(
    subject: Subject, comparator: Comparator, ok: BoolArray, target: float
) -> tuple[FloatArray, FloatArray, pd.arrays.BooleanArray]:
    """The Wilson interval of a sampled rate, and whether the verdict holds over all of it.

    A met rate is conclusive when even its worst bound (the low one where higher is better)
    meets the comparison; a miss when even its best bound fails it. Strictness carries over:
    for ≥ a met rate needs ``low >= t`` and a miss ``high < t``; for > ``low > t`` and
    ``high <= t``.
    """
    counted = subject.known & ~subject.direct
    low, high = wilson_interval(subject.numerator, subject.denominator)
    scale = float_factor("dimensionless", subject.indicator.unit)
    low = np.where(counted, low * scale, np.nan)
    high = np.where(counted, high * scale, np.nan)
    worst, best = (low, high) if comparator.direction == "higher" else (high, low)
    with np.errstate(invalid="ignore"):
        conclusive = np.where(ok, comparator(worst, target), ~comparator(best, target))
    return low, high, pd.arrays.BooleanArray(conclusive.astype(bool), ~counted)
