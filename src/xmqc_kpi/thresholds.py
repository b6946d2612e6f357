"""The threshold kinds of the plan, each one unit: its facts, its judge, its reference case.

Inclusive and strict comparisons are different types, as in ``annotated-types`` (``Ge`` versus
``Gt``): 以上 / 不低于 is :class:`AtLeast` (the number itself meets it), 低于 is :class:`Below`
(equality does not). Threshold values are exact decimals, never binary floats, and a verdict
that hangs on the last bits of a float is settled in rational arithmetic.

Each kind is registered with :func:`register_threshold` and its words from
:mod:`xmqc_kpi.text.kinds`; a user adds a kind the same way (``docs/extending.md``). The
comparators, what a judge sees and the verdict it returns are in :mod:`xmqc_kpi.judging`.

>>> AtLeast(94, "percent").target("percent")
Fraction(94, 1)
>>> AtLeast(1, "permille").target("dimensionless")
Fraction(1, 1000)
>>> TopAmongPeers(peer_group="全国同级城市").cutoff(10)
2
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache, lru_cache, partial
from itertools import pairwise
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import (
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidatorFunctionWrapHandler,
    WrapSerializer,
    WrapValidator,
    field_validator,
    model_validator,
)

from ._small import is_small
from .deliverables import Deliverable
from .judging import (
    ABOVE,
    AT_LEAST,
    AT_MOST,
    BELOW,
    EQUAL,
    Comparator,
    Direction,
    ExactAt,
    ReferenceColumns,
    Subject,
    ThresholdKind,
    Verdict,
    comparison_verdict,
    decide,
    decide_pair,
)
from .results import Reason, Status
from .text import Words
from .text.deliverables import DELIVERABLE_WORDS
from .text.kinds import BUILTIN_KIND_WORDS, kind_words, register_kind_words
from .text.numbers import declared_text
from .text.statuses import register_reason_words
from .text.units import with_unit
from .units import exact_factor, is_compatible

if TYPE_CHECKING:
    from .text import Language

__all__ = [
    "Above",
    "All",
    "AtLeast",
    "AtMost",
    "Below",
    "BelowBenchmark",
    "Deliverable",
    "Monitored",
    "Threshold",
    "ThresholdKind",
    "TopAmongPeers",
    "Trend",
    "reason_dtype",
    "reason_status",
    "register_threshold",
    "threshold_kind",
    "threshold_kinds",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


# --------------------------------------------------------------------------- the registry

_Kind = TypeVar("_Kind", bound="type[ThresholdKind]")

#: Reasons any indicator can have whatever its kind (the value itself is unknown).
_COMMON_REASONS: dict[str, Status] = {
    Reason.MISSING_INPUT.value: Status.INSUFFICIENT_DATA,
    Reason.ZERO_DENOMINATOR.value: Status.INSUFFICIENT_DATA,
}
_KINDS: dict[str, type[ThresholdKind]] = {}
_REASONS: dict[str, Status] = dict(_COMMON_REASONS)


def register_threshold(
    words: Mapping[str, Words],
) -> Callable[[_Kind], _Kind]:
    """Register a threshold kind and its words (a class decorator).

    ``words`` holds, in both languages, ``"name"`` (the kind's name in the threshold report's
    summary table), ``"describe"`` (the threshold report's entry), ``"target"`` (the
    threshold in a few words) and one explanation template per reason the
    kind gives (keyed by the reason; ``"<reason>:equal"`` for the wording used when the value
    equals what it is compared with). Registering a kind again replaces it.

    >>> sorted(threshold_kinds())[:3]
    ['above', 'all', 'at_least']
    """

    def decorate(cls: _Kind) -> _Kind:
        name = cls.model_fields["kind"].default  # type: ignore[call-overload]
        if not isinstance(name, str) or not name:
            raise TypeError(f"{cls.__name__}: declare kind: Literal['name'] = 'name'")
        needed = sorted({*cls.reasons, "name", "describe", "target"} - set(words))
        if needed:
            raise ValueError(f"{cls.__name__}: no words for {needed}")
        for reason, status in cls.reasons.items():
            known = _REASONS.get(reason)
            if known is not None and known is not status:
                raise ValueError(f"reason {reason!r} already means {known.value}")
        register_kind_words(name, words)
        register_reason_words(
            {
                reason: words[f"reason:{reason}"]
                for reason in cls.reasons
                if f"reason:{reason}" in words
            }
        )
        _KINDS[name] = cls
        _REASONS.update(cls.reasons)
        reason_dtype.cache_clear()
        return cls

    return decorate


def threshold_kind(name: str) -> type[ThresholdKind]:
    """The registered kind called ``name``."""
    try:
        return _KINDS[name]
    except KeyError:
        raise KeyError(f"no threshold kind {name!r}; known: {sorted(_KINDS)}") from None


def threshold_kinds() -> Mapping[str, type[ThresholdKind]]:
    """Every registered kind by name, built-in ones first."""
    return dict(_KINDS)


def reason_status(reason: str) -> Status:
    """The status a reason code means."""
    return _REASONS[reason]


def _reason_categories() -> Iterator[str]:
    yield from (reason.value for reason in Reason)
    yield from (reason for reason in _REASONS if reason not in Reason.__members__.values())


@cache
def reason_dtype() -> pd.CategoricalDtype:
    """The reason column's dtype: every built-in reason, then the registered kinds' own."""
    return pd.CategoricalDtype(list(dict.fromkeys(_reason_categories())), ordered=False)


def _exact_decimal(number: Any) -> Decimal:
    """Read a number as the decimal it was written as (0.94 is 94/100, not the nearest double)."""
    # ValueError (not TypeError) so that pydantic reports it as a validation error of the field
    if isinstance(number, bool) or not isinstance(number, int | float | str | Decimal):
        raise ValueError(f"a threshold is a decimal number (int, str or Decimal), not {number!r}")
    try:
        result = Decimal(str(number)) if isinstance(number, float) else Decimal(number)
    except InvalidOperation as exc:
        raise ValueError(f"cannot read {number!r} as a decimal number") from exc
    if not result.is_finite():
        raise ValueError("a threshold must be finite")
    return result


def _verdict(holds: bool) -> Status:
    return Status.MET if holds else Status.NOT_MET


# --------------------------------------------------------------------------- fixed bounds


class _Bound(ThresholdKind):
    """A fixed number in a unit, compared with the value by the kind's comparator."""

    #: The number as written in the plan (96 for 96 %).
    value: Decimal
    #: The unit of ``value``; ``None`` means the indicator's display unit.
    unit: str | None = None

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        if value is not None:
            data["value"] = value
        super().__init__(unit=unit, **data)  # type: ignore[call-arg]  # the subclass's fields

    @field_validator("value", mode="before")
    @classmethod
    def _as_decimal(cls, number: Any) -> Decimal:
        return _exact_decimal(number)

    def target(self, display_unit: str) -> Fraction:
        """The bound as an exact number in ``display_unit``."""
        return _bound_in(self.value, self.unit, display_unit)

    def check_unit(self, display_unit: str) -> None:
        if self.unit is not None and not is_compatible(self.unit, display_unit):
            raise ValueError(f"threshold: unit {self.unit!r} does not convert to {display_unit!r}")

    def judge(self, subject: Subject) -> Verdict:
        """The verdict on every row (see :meth:`ThresholdKind.judge`)."""
        assert self.comparator is not None
        target = self.target(subject.indicator.unit)
        met, missed = self.reasons
        return comparison_verdict(subject, self.comparator, target, (met, missed))

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        """The exact reference status (see :meth:`ThresholdKind.expected`)."""
        assert self.comparator is not None
        return _verdict(bool(self.comparator(value, context["target"])))

    def describe_fields(self, display_unit: str | None, lang: Language | None) -> dict[str, str]:
        """The fields of the kind's words (see :meth:`ThresholdKind.describe_fields`)."""
        unit = self.unit or display_unit
        number = declared_text(self.value)
        return {"target": number if unit is None else with_unit(number, unit, lang)}


@lru_cache(maxsize=1024)
def _bound_in(value: Decimal, unit: str | None, display_unit: str) -> Fraction:
    """``value`` in ``unit`` (``None``: the display unit) as an exact number in ``display_unit``.

    Computed once per bound and unit (the engine, progress and attention bands all ask).

    >>> _bound_in(Decimal("0.94"), None, "percent"), _bound_in(Decimal(1), "permille", "percent")
    (Fraction(47, 50), Fraction(1, 10))
    """
    number = Fraction(value)
    if unit is None:
        return number
    return number * exact_factor(unit, display_unit)


@register_threshold(BUILTIN_KIND_WORDS["at_least"])
class AtLeast(_Bound):
    """``value ≥ bound``: 以上, 不低于, 达到 N 以上 (the number itself meets it)."""

    kind: Literal["at_least"] = "at_least"
    comparator: ClassVar[Comparator | None] = AT_LEAST
    reasons: ClassVar[Mapping[str, Status]] = {
        Reason.MEETS_MINIMUM.value: Status.MET,
        Reason.BELOW_MINIMUM.value: Status.NOT_MET,
    }

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        # Declared on each kind so that type checkers accept ``AtLeast(96, "percent")``.
        super().__init__(value, unit, **data)


@register_threshold(BUILTIN_KIND_WORDS["above"])
class Above(_Bound):
    """``value > bound``: 高于, 超过 (strict)."""

    kind: Literal["above"] = "above"
    comparator: ClassVar[Comparator | None] = ABOVE
    reasons: ClassVar[Mapping[str, Status]] = {
        Reason.ABOVE_FLOOR.value: Status.MET,
        Reason.NOT_ABOVE_FLOOR.value: Status.NOT_MET,
    }

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        super().__init__(value, unit, **data)


@register_threshold(BUILTIN_KIND_WORDS["at_most"])
class AtMost(_Bound):
    """``value ≤ bound``: 以下, 不高于, 不超过 (the number itself meets it)."""

    kind: Literal["at_most"] = "at_most"
    comparator: ClassVar[Comparator | None] = AT_MOST
    reasons: ClassVar[Mapping[str, Status]] = {
        Reason.WITHIN_MAXIMUM.value: Status.MET,
        Reason.ABOVE_MAXIMUM.value: Status.NOT_MET,
    }

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        super().__init__(value, unit, **data)


@register_threshold(BUILTIN_KIND_WORDS["below"])
class Below(_Bound):
    """``value < bound``: 低于 (strict: equality is not met)."""

    kind: Literal["below"] = "below"
    comparator: ClassVar[Comparator | None] = BELOW
    reasons: ClassVar[Mapping[str, Status]] = {
        Reason.BELOW_LIMIT.value: Status.MET,
        Reason.NOT_BELOW_LIMIT.value: Status.NOT_MET,
    }

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        super().__init__(value, unit, **data)


@register_threshold(BUILTIN_KIND_WORDS["all"])
class All(ThresholdKind):
    """Every unit complies: numerator = denominator > 0, i.e. exactly 100 % (达到100%, 均, 全面)."""

    kind: Literal["all"] = "all"
    comparator: ClassVar[Comparator | None] = EQUAL
    reasons: ClassVar[Mapping[str, Status]] = {
        Reason.ALL_COMPLY.value: Status.MET,
        Reason.NOT_ALL_COMPLY.value: Status.NOT_MET,
    }

    def implied_direction(self) -> Direction | None:
        """More complying units is better."""
        return "higher"

    def target(self, display_unit: str) -> Fraction:
        """100 % expressed in ``display_unit``."""
        return exact_factor("dimensionless", display_unit)

    def judge(self, subject: Subject) -> Verdict:
        """The verdict on every row (see :meth:`ThresholdKind.judge`)."""
        target = self.target(subject.indicator.unit)
        met, missed = self.reasons
        settled = subject.equal_counts()
        return comparison_verdict(subject, EQUAL, target, (met, missed), settled=settled)

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        """The exact reference status (see :meth:`ThresholdKind.expected`)."""
        return _verdict(value == context["target"])

    def describe_fields(self, display_unit: str | None, lang: Language | None) -> dict[str, str]:
        """The fields of the kind's words (see :meth:`ThresholdKind.describe_fields`)."""
        unit = display_unit or "percent"
        return {"target": with_unit(declared_text(self.target(unit)), unit, lang)}


# --------------------------------------------------------------------------- benchmarks


@register_threshold(BUILTIN_KIND_WORDS["below_benchmark"])
class BelowBenchmark(ThresholdKind):
    """``value < benchmark`` of the same period, strictly (低于全国平均水平).

    The benchmark values are data (``benchmarks=`` of :func:`xmqc_kpi.evaluate`); without one
    the assessment is insufficient data, never met.
    """

    kind: Literal["below_benchmark"] = "below_benchmark"
    comparator: ClassVar[Comparator | None] = BELOW
    needs: ClassVar[tuple[str, ...]] = ("benchmarks",)
    reasons: ClassVar[Mapping[str, Status]] = {
        Reason.BELOW_BENCHMARK.value: Status.MET,
        Reason.NOT_BELOW_BENCHMARK.value: Status.NOT_MET,
        Reason.NO_BENCHMARK.value: Status.INSUFFICIENT_DATA,
    }
    #: Which benchmark: the plan only ever uses the national average.
    benchmark: Literal["national_average"] = "national_average"

    def judge(self, subject: Subject) -> Verdict:
        """The verdict on every row (see :meth:`ThresholdKind.judge`)."""
        rows = len(subject)
        table = subject.reference("benchmarks")
        if table is None:
            position = np.full(rows, -1, dtype=np.intp)
            values: FloatArray = np.empty(0)
            exact: npt.NDArray[np.object_] = np.empty(0, dtype=object)
        else:
            position = table.position
            values = table.columns.value
            exact = table.columns.exact
        has = position >= 0
        target = np.where(has, values[np.maximum(position, 0)] if len(values) else np.nan, np.nan)

        def at(row: int) -> Fraction | None:
            return exact[int(position[row])] if position[row] >= 0 else None

        ok = decide(subject.value, target, BELOW, subject.exact, at)
        equal = decide(subject.value, target, EQUAL, subject.exact, at)
        met, missed, absent = self.reasons
        reason = np.where(has, np.where(ok, met, missed), absent).astype(object)
        return Verdict(reason=reason, compared_with=target, equal=equal, compared_exact=at)

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        """The exact reference status (see :meth:`ThresholdKind.expected`)."""
        benchmark = context.get("benchmark")
        return Status.INSUFFICIENT_DATA if benchmark is None else _verdict(value < benchmark)


# --------------------------------------------------------------------------- peers


@register_threshold(BUILTIN_KIND_WORDS["top_among_peers"])
class TopAmongPeers(ThresholdKind):
    """Rank among a peer group within the top group (居…前列).

    The group has ``n`` members, the subject included once. The subject's rank is one plus the
    number of peers strictly better (ties take the best rank); better follows the indicator's
    direction. The top group is the first ``top_n`` ranks, or the first ⌈``top_fraction``·n⌉
    (default 20 %, rounded up).
    """

    kind: Literal["top_among_peers"] = "top_among_peers"
    needs: ClassVar[tuple[str, ...]] = ("peers",)
    reasons: ClassVar[Mapping[str, Status]] = {
        Reason.IN_TOP_GROUP.value: Status.MET,
        Reason.OUTSIDE_TOP_GROUP.value: Status.NOT_MET,
        Reason.NO_PEERS.value: Status.INSUFFICIENT_DATA,
    }
    #: The plan's name of the peer group (全国同级城市 …); the peers themselves are data.
    peer_group: str
    top_fraction: Fraction | None = Fraction(1, 5)
    top_n: int | None = Field(default=None, ge=1)

    @field_validator("top_fraction", mode="before")
    @classmethod
    def _as_fraction(cls, number: Any) -> Fraction | None:
        if number is None:
            return None
        fraction = Fraction(number) if isinstance(number, Fraction) else Fraction(str(number))
        if not 0 < fraction <= 1:
            raise ValueError("top_fraction must lie in (0, 1]")
        return fraction

    @model_validator(mode="after")
    def _one_cutoff(self) -> TopAmongPeers:
        if self.top_n is not None and self.top_fraction is not None:
            if "top_fraction" in self.model_fields_set:
                raise ValueError("give either top_n or top_fraction, not both")
            object.__setattr__(self, "top_fraction", None)
        if self.top_n is None and self.top_fraction is None:
            raise ValueError("give top_n or top_fraction")
        return self

    @property
    def symbol(self) -> str:
        """``rank ≤``: the bound is on the rank."""
        return "rank ≤"

    def cutoff(self, group_size: int) -> int:
        """The last rank inside the top group for a group of ``group_size`` members."""
        if self.top_n is not None:
            return self.top_n
        assert self.top_fraction is not None
        return math.ceil(self.top_fraction * group_size)

    def describe_cutoff(self) -> str:
        """The cut-off in English words, e.g. ``"top 20%"`` or ``"top 3"``."""
        return self.describe_fields(None, "en")["cut"]

    def describe_fields(self, display_unit: str | None, lang: Language | None) -> dict[str, str]:
        """The fields of the kind's words (see :meth:`ThresholdKind.describe_fields`)."""
        words = kind_words(self.kind)
        if self.top_n is not None:
            cut = words.say("cut_count", lang, count=self.top_n)
            return {
                "group": self.peer_group,
                "cut": cut,
                "rank_rule": str(self.top_n),
                "example": "",
            }
        assert self.top_fraction is not None
        percent = declared_text(self.top_fraction * 100)
        return {
            "group": self.peer_group,
            "cut": words.say("cut_fraction", lang, percent=percent),
            "rank_rule": f"⌈{declared_text(self.top_fraction)}·n⌉",
            "example": words.say("example", lang, rank=self.cutoff(10)),
        }

    def explain_fields(self, direction: Direction, lang: Language | None) -> dict[str, str]:
        """The fields of an explanation: those of the description, and the ranking order."""
        order = "higher_first" if direction == "higher" else "lower_first"
        return {**self.describe_fields(None, lang), "order": kind_words(self.kind).say(order, lang)}

    def judge(self, subject: Subject) -> Verdict:
        """Rank each row's value among the peers of its period (ties take the best rank).

        Every (row, peer of the same period) pair is compared at once; a peer named like the
        row's region is the subject itself and is left out, so it counts once.
        """
        rows = len(subject)
        table = subject.reference("peers")
        met, missed, absent = self.reasons
        if table is None:
            none = np.full(rows, -1, dtype=np.int64)
            return Verdict(
                reason=np.full(rows, absent, dtype=object),
                compared_with=np.full(rows, np.nan),
                equal=np.zeros(rows, dtype=bool),
                rank=none,
                group_size=none,
                cutoff_rank=none,
            )
        higher = subject.indicator.direction == "higher"
        peers = table.columns
        if is_small(rows):
            return self._judge_rows(subject, peers, higher)
        unsorted_value, unsorted_ordinal = peers.value, peers.ordinal
        # by period, best first (ties in any order: the rank and the bar's value are the same)
        order = np.lexsort((-unsorted_value if higher else unsorted_value, unsorted_ordinal))
        peer_ordinal = unsorted_ordinal[order]
        peer_value = unsorted_value[order]
        assert peers.peer is not None
        peer_name = peers.peer[order]
        peer_exact = peers.exact[order]
        start = np.searchsorted(peer_ordinal, subject.ordinal, side="left")
        stop = np.searchsorted(peer_ordinal, subject.ordinal, side="right")
        counts = stop - start
        row_of_pair = np.repeat(np.arange(rows), counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        peer_of_pair = np.repeat(start, counts) + offsets
        is_self = peer_name[peer_of_pair] == subject.region[row_of_pair]
        better = decide(
            peer_value[peer_of_pair],
            subject.value[row_of_pair],
            ABOVE if higher else BELOW,
            lambda pair: peer_exact[int(peer_of_pair[pair])],
            lambda pair: subject.exact(int(row_of_pair[pair])),
        )
        others = ~is_self
        n_peers = np.bincount(row_of_pair[others], minlength=rows)
        n_better = np.bincount(row_of_pair[others & better], minlength=rows)
        group = n_peers + 1
        cutoffs = np.array([self.cutoff(int(n)) for n in range(int(group.max(initial=1)) + 1)])
        cutoff = cutoffs[group]
        # position, among the row's other peers sorted best first, of the cut-off member
        self_rank_in_list = np.full(rows, np.iinfo(np.int64).max)
        self_pairs = np.flatnonzero(is_self)
        self_rank_in_list[row_of_pair[self_pairs]] = offsets[self_pairs]
        bar_offset = cutoff - 1 + (self_rank_in_list <= cutoff - 1)
        has_bar = (bar_offset < counts) & (n_peers >= cutoff)
        last = max(len(peer_value) - 1, 0)
        bar = np.where(
            has_bar,
            peer_value[np.minimum(start + bar_offset, last)] if len(peer_value) else 0,
            np.nan,
        )
        has_group = group > 1
        rank = n_better.astype(np.int64) + 1
        ok = rank <= cutoff
        reason = np.where(has_group, np.where(ok, met, missed), absent).astype(object)
        return Verdict(
            reason=reason,
            compared_with=bar,
            equal=np.zeros(rows, dtype=bool),
            rank=np.where(has_group, rank, -1),
            group_size=np.where(has_group, group, -1).astype(np.int64),
            cutoff_rank=np.where(has_group, cutoff, -1).astype(np.int64),
        )

    def _judge_rows(self, subject: Subject, peers: ReferenceColumns, higher: bool) -> Verdict:
        """:meth:`judge` row by row, for a few rows: each row's peers ranked in Python.

        The same rank, group and bar as the pairs of the column path: a peer named like the
        row's region is the subject; the bar is the cut-off member among the others, best first.
        """
        met, missed, absent = self.reasons
        better_than = ABOVE if higher else BELOW
        exact = subject.exact
        reasons, bars, ranks, groups, cutoffs = [], [], [], [], []
        for row, (value, ordinal, region) in enumerate(
            zip(subject.value.tolist(), subject.ordinal.tolist(), subject.region, strict=True)
        ):
            values, names, exacts = peers.ranked(ordinal, higher=higher)
            self_offset = np.iinfo(np.int64).max
            n_peers = n_better = 0
            for offset, (peer_value, name, peer_exact) in enumerate(
                zip(values, names, exacts, strict=True)
            ):
                if name == region:
                    self_offset = offset
                    continue
                n_peers += 1
                n_better += decide_pair(
                    peer_value, value, better_than, partial(_given, peer_exact), partial(exact, row)
                )
            group = n_peers + 1
            cutoff = self.cutoff(group)
            bar_offset = cutoff - 1 + (self_offset <= cutoff - 1)
            has_bar = bar_offset < len(values) and n_peers >= cutoff
            bars.append(values[bar_offset] if has_bar else math.nan)
            rank = n_better + 1
            has_group = group > 1
            reasons.append((met if rank <= cutoff else missed) if has_group else absent)
            ranks.append(rank if has_group else -1)
            groups.append(group if has_group else -1)
            cutoffs.append(cutoff if has_group else -1)
        return Verdict(
            reason=np.array(reasons, dtype=object),
            compared_with=np.array(bars, dtype=np.float64),
            equal=np.zeros(len(reasons), dtype=bool),
            rank=np.array(ranks, dtype=np.int64),
            group_size=np.array(groups, dtype=np.int64),
            cutoff_rank=np.array(cutoffs, dtype=np.int64),
        )

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        """The exact reference status (see :meth:`ThresholdKind.expected`)."""
        others = [v for v in context.get("peers") or () if v is not None]
        if not others:
            return Status.INSUFFICIENT_DATA
        higher = context["direction"] == "higher"
        better = sum(1 for v in others if (v > value if higher else v < value))
        return _verdict(better + 1 <= self.cutoff(len(others) + 1))


# --------------------------------------------------------------------------- trends


@register_threshold(BUILTIN_KIND_WORDS["trend"])
class Trend(ThresholdKind):
    """Strictly rising (不断提高, 持续提升) or falling (持续降低) from each period to the next.

    Two readings, declared per indicator (``reading``):

    * ``"window"`` — judged at each (region, period) over the periods up to it, the last
      ``window`` of them at most (``None``: all): one step that did not move breaks every later
      period of the window (the plan period read as a whole);
    * ``"year_on_year"`` — each period against the one before only (比上年提高): a dip fails
      its own year, and the next year that rises again is met.

    A ``ceiling`` (display unit; rising trends only) is the most the value can be — 100 for a
    share in percent: a step that stays at the ceiling keeps the target met (every market
    covered cannot be covered more). The first period, or a gap or missing value in the
    window, is insufficient data.

    >>> Trend(direction="rising", reading="year_on_year").span
    2
    >>> Trend(direction="rising", ceiling=100).ceiling
    Decimal('100')
    """

    kind: Literal["trend"] = "trend"
    over_series: ClassVar[bool] = True
    reasons: ClassVar[Mapping[str, Status]] = {
        Reason.TREND_HOLDS.value: Status.MET,
        Reason.TREND_AT_CEILING.value: Status.MET,
        Reason.TREND_BROKEN.value: Status.NOT_MET,
        Reason.TOO_FEW_PERIODS.value: Status.INSUFFICIENT_DATA,
        Reason.GAP_IN_PERIODS.value: Status.INSUFFICIENT_DATA,
    }
    direction: Literal["rising", "falling"]
    #: How far back a period is judged: over the window, or against the period before.
    reading: Literal["window", "year_on_year"] = "window"
    window: int | None = Field(default=None, ge=2)
    #: The most the value can be, in the display unit (100 for a percent share); staying there
    #: keeps a rising trend met.
    ceiling: Decimal | None = None

    @field_validator("ceiling", mode="before")
    @classmethod
    def _as_decimal(cls, number: Any) -> Decimal | None:
        return None if number is None else _exact_decimal(number)

    @model_validator(mode="after")
    def _consistent_reading(self) -> Trend:
        if self.reading == "year_on_year" and self.window is not None:
            raise ValueError(
                "reading 'year_on_year' compares each period with the one before: give no window"
            )
        if self.ceiling is not None and self.direction != "rising":
            raise ValueError("a ceiling applies to a rising trend only")
        return self

    @property
    def span(self) -> int | None:
        """The periods one judgement covers: 2 year on year, else ``window`` (``None``: all)."""
        return 2 if self.reading == "year_on_year" else self.window

    @property
    def step(self) -> Comparator:
        """How each period compares with the one before: ``>`` rising, ``<`` falling."""
        return ABOVE if self.direction == "rising" else BELOW

    @property
    def symbol(self) -> str:
        """``↑`` for rising, ``↓`` for falling."""
        return "↑" if self.direction == "rising" else "↓"

    def implied_direction(self) -> Direction | None:
        """Rising implies higher is better, falling lower."""
        return "higher" if self.direction == "rising" else "lower"

    def describe_fields(self, display_unit: str | None, lang: Language | None) -> dict[str, str]:
        """The fields of the kind's words (see :meth:`ThresholdKind.describe_fields`)."""
        words = kind_words(self.kind)
        trend = words.say(self.direction, lang)
        if self.reading == "year_on_year":
            window = words.say("window_year_on_year", lang, trend=trend)
        elif self.window is None:
            window = words.say("window_all", lang)
        else:
            window = words.say("window_last", lang, window=self.window)
        rising = self.direction == "rising"
        ceiling = top = ""
        if self.ceiling is not None:
            number = declared_text(self.ceiling)
            top = number if display_unit is None else with_unit(number, display_unit, lang)
            ceiling = words.say("ceiling_rule", lang, ceiling=top)
        return {
            "trend": trend,
            "verb": words.say("rise" if rising else "fall", lang),
            "window": window,
            "reading": words.say(f"reading_{self.reading}", lang, trend=trend),
            "ceiling": ceiling,
            "top": top,
        }

    def judge(self, subject: Subject) -> Verdict:
        """Judge strict monotonicity at each row over the periods up to it.

        Rows are sorted by region then period; a region's series starts at its first reported
        value. A step is the move from the row before to this one; it is *broken* when it does
        not rise (fall) — unless it stays at the ceiling — and a *gap* when the periods are not
        consecutive or a value is missing. Counts of broken and gap steps inside each row's
        window come from cumulative sums, so the whole panel is judged in a few array
        operations (a few rows: one by one, :meth:`_judge_rows`).
        """
        rows = len(subject)
        if is_small(rows):
            return self._judge_rows(subject)
        value = subject.value
        index = np.arange(rows)
        new_group = np.ones(rows, dtype=bool)
        new_group[1:] = subject.region[1:] != subject.region[:-1]  # regions are contiguous
        group_start = np.maximum.accumulate(np.where(new_group, index, 0))
        # a series starts at the region's first reported value (a survey not yet begun: no gap)
        reported = np.where(np.isnan(value), rows, index)
        first_reported = _group_minimum(reported, new_group)
        group_start = np.maximum(group_start, np.minimum(first_reported, index))
        previous = np.full(rows, np.nan)
        previous[1:] = value[:-1]
        previous[new_group] = np.nan
        consecutive = np.zeros(rows, dtype=bool)
        consecutive[1:] = subject.ordinal[1:] - subject.ordinal[:-1] == 1
        gap = ~new_group & (~consecutive | np.isnan(previous) | np.isnan(value))

        def before(row: int) -> Fraction | None:
            return subject.exact(row - 1) if row > 0 else None

        moved = decide(value, previous, self.step, subject.exact, before)
        equal = decide(value, previous, EQUAL, subject.exact, before)
        at_ceiling = self._at_ceiling(subject)
        kept = ~moved & at_ceiling
        broken = ~new_group & ~gap & ~moved & ~at_ceiling
        window_start = group_start.copy()
        if self.span is not None:
            window_start = np.maximum(group_start, index - self.span + 1)
        gaps_in_window = _count_since(gap, window_start)
        broken_in_window = _count_since(broken, window_start)
        first = index == window_start
        holds, ceiling, breaks, too_few, gapped = self.reasons
        reason = np.where(
            first,
            too_few,
            np.where(
                gaps_in_window > 0,
                gapped,
                np.where(broken_in_window > 0, breaks, np.where(kept, ceiling, holds)),
            ),
        ).astype(object)
        last_broken = np.maximum.accumulate(np.where(broken, index, -1))
        last_gap = np.maximum.accumulate(np.where(gap, index, -1))
        cited = np.where(reason == gapped, last_gap, last_broken)
        return Verdict(
            reason=reason,
            compared_with=previous,
            equal=equal,
            series_start=window_start.astype(np.int64),
            cited_row=np.where(cited >= window_start, cited, -1).astype(np.int64),
        )

    def _judge_rows(self, subject: Subject) -> Verdict:
        """:meth:`judge` one row at a time in Python (for a few rows): the same steps.

        A row's window runs from its series' start (its region's first reported value) or
        ``span`` periods back; the steps after the window's first row are counted in it.
        """
        values, ordinals = subject.value.tolist(), subject.ordinal.tolist()
        regions = subject.region.tolist()
        rows, exact = len(values), subject.exact
        holds, ceiling, breaks, too_few, gapped = self.reasons
        top = None if self.ceiling is None else Fraction(self.ceiling)
        previous_values: list[float] = []
        gaps: list[bool] = []
        broken_steps: list[bool] = []
        reasons, equal, starts, cited = [], [], [], []
        group_start = first_reported = last_broken = last_gap = -1
        for row, value in enumerate(values):
            new_group = row == 0 or regions[row] != regions[row - 1]
            if new_group:
                group_start = row
                stop = next((at for at in range(row, rows) if regions[at] != regions[row]), rows)
                first_reported = next(
                    (at for at in range(row, stop) if not math.isnan(values[at])), rows
                )
            previous = math.nan if new_group else values[row - 1]
            consecutive = row > 0 and ordinals[row] - ordinals[row - 1] == 1
            gap = not new_group and (not consecutive or math.isnan(previous) or math.isnan(value))
            mine, before = partial(exact, row), partial(_before, exact, row)
            moved = decide_pair(value, previous, self.step, mine, before)
            at_ceiling = top is not None and decide_pair(
                value, float(top), EQUAL, mine, partial(_given, top)
            )
            broken = not new_group and not gap and not moved and not at_ceiling
            start = max(group_start, min(first_reported, row))
            if self.span is not None:
                start = max(start, row - self.span + 1)
            gaps.append(gap)
            broken_steps.append(broken)
            last_broken = row if broken else last_broken
            last_gap = row if gap else last_gap
            if row == start:
                reason = too_few
            elif any(gaps[start + 1 :]):
                reason = gapped
            elif any(broken_steps[start + 1 :]):
                reason = breaks
            else:
                reason = ceiling if not moved and at_ceiling else holds
            pointed = last_gap if reason == gapped else last_broken
            reasons.append(reason)
            previous_values.append(previous)
            equal.append(decide_pair(value, previous, EQUAL, mine, before))
            starts.append(start)
            cited.append(pointed if pointed >= start else -1)
        return Verdict(
            reason=np.array(reasons, dtype=object),
            compared_with=np.array(previous_values, dtype=np.float64),
            equal=np.array(equal, dtype=bool),
            series_start=np.array(starts, dtype=np.int64),
            cited_row=np.array(cited, dtype=np.int64),
        )

    def _at_ceiling(self, subject: Subject) -> npt.NDArray[np.bool_]:
        """Rows whose value equals the ceiling exactly (none without a ceiling)."""
        if self.ceiling is None:
            return np.zeros(len(subject), dtype=bool)
        top = Fraction(self.ceiling)
        return decide(subject.value, float(top), EQUAL, subject.exact, lambda _row: top)

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        """Against ``previous``, or over ``series`` (the region's (year, value) up to this one).

        A series starts at its first reported value and keeps the last ``span`` periods; a
        single period, a missing value or a gap between years is insufficient data. A step
        that stays at the ceiling holds.
        """
        series: list[tuple[int, Fraction | None]] = list(context.get("series") or ())
        if not series:
            before = context.get("previous")
            if before is None:
                return Status.INSUFFICIENT_DATA
            return _verdict(self._holds(before, value))
        while series and series[0][1] is None:
            series.pop(0)
        if self.span is not None:
            series = series[-self.span :]
        if len(series) < 2:
            return Status.INSUFFICIENT_DATA
        moved = True
        for (year_before, before), (year, after) in pairwise(series):
            if before is None or after is None or year - year_before != 1:
                return Status.INSUFFICIENT_DATA
            moved &= self._holds(before, after)
        return _verdict(moved)

    def _holds(self, before: Fraction, after: Fraction) -> bool:
        """Whether one step keeps the trend: it moves the right way, or stays at the ceiling."""
        at_top = self.ceiling is not None and after == Fraction(self.ceiling)
        return bool(self.step(after, before)) or at_top


def _before(exact: ExactAt, row: int) -> Fraction | None:
    """The exact value of the row before ``row`` (``None`` for the first)."""
    return exact(row - 1) if row > 0 else None


def _given(number: Fraction) -> Fraction:
    """``number`` itself (an exact value already known, where a function of none is asked)."""
    return number


def _group_minimum(values: IntArray, new_group: npt.NDArray[np.bool_]) -> IntArray:
    """Each row's minimum of ``values`` over its group (groups are runs starting at ``new_group``).

    >>> _group_minimum(np.array([5, 3, 9, 7]), np.array([True, False, True, False])).tolist()
    [3, 3, 7, 7]
    """
    if not len(values):
        return values
    starts = np.flatnonzero(new_group)
    sizes = np.diff(np.append(starts, len(values)))
    return np.repeat(np.minimum.reduceat(values, starts), sizes)


def _count_since(flags: npt.NDArray[np.bool_], start: IntArray) -> IntArray:
    """How many flags are set in rows ``start[i] + 1 … i`` (the steps inside the window)."""
    running = np.cumsum(flags.astype(np.int64))
    return running - running[start]


# --------------------------------------------------------------------------- monitored


@register_threshold(BUILTIN_KIND_WORDS["monitored"])
class Monitored(ThresholdKind):
    """No number in the plan (推进, 基本消灭): the value is reported, no verdict is given."""

    kind: Literal["monitored"] = "monitored"
    reasons: ClassVar[Mapping[str, Status]] = {Reason.MONITORED.value: Status.NOT_ASSESSED}

    def judge(self, subject: Subject) -> Verdict:
        """The verdict on every row (see :meth:`ThresholdKind.judge`)."""
        rows = len(subject)
        return Verdict(
            reason=np.full(rows, Reason.MONITORED.value, dtype=object),
            compared_with=np.full(rows, np.nan),
            equal=np.zeros(rows, dtype=bool),
        )

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        """The exact reference status (see :meth:`ThresholdKind.expected`)."""
        return Status.NOT_ASSESSED


# --------------------------------------------------------------------------- deliverables

# Deliverable (completed by a deadline year) lives in its own module, registered here.
register_threshold(DELIVERABLE_WORDS)(Deliverable)

# --------------------------------------------------------------------------- the annotation

_BUILTIN = (
    *(AtLeast, Above, AtMost, Below, All, BelowBenchmark, TopAmongPeers, Trend, Monitored),
    Deliverable,
)


def _registered(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """A user's registered kind as it is (or from its mapping); built-in kinds as declared."""
    if isinstance(value, ThresholdKind) and not isinstance(value, _BUILTIN):
        return value
    if isinstance(value, Mapping):
        name = value.get("kind")
        kinds = threshold_kinds()
        if isinstance(name, str) and name in kinds and kinds[name] not in _BUILTIN:
            return kinds[name].model_validate(value)
    return handler(value)


def _dump(value: Any, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
    if isinstance(value, _BUILTIN):
        return handler(value)
    return value.model_dump(mode="json" if info.mode_is_json() else "python")


#: Any threshold kind: the built-in ones by their ``kind`` (the catalog file form), and any kind
#: registered with :func:`register_threshold`.
Threshold = Annotated[
    AtLeast
    | Above
    | AtMost
    | Below
    | All
    | BelowBenchmark
    | TopAmongPeers
    | Trend
    | Monitored
    | Deliverable,
    Field(discriminator="kind"),
    WrapValidator(_registered),
    WrapSerializer(_dump),
]
