"""The threshold kinds of the plan, each a small frozen type.

Inclusive and strict comparisons are different types, as in ``annotated-types`` (``Ge`` versus
``Gt``): 以上 / 不低于 is :class:`AtLeast` (the number itself meets it), 低于 is :class:`Below`
(equality does not). Threshold values are exact decimals, never binary floats, and a verdict
that hangs on the last bits of a float is settled in rational arithmetic by the engine.

>>> AtLeast(94, "percent").target("percent")
Fraction(94, 1)
>>> AtLeast(1, "permille").target("dimensionless")
Fraction(1, 1000)
>>> TopAmongPeers(peer_group="全国同级城市").cutoff(10)
2
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .units import exact_factor

__all__ = [
    "Above",
    "All",
    "AtLeast",
    "AtMost",
    "Below",
    "BelowBenchmark",
    "Monitored",
    "Threshold",
    "TopAmongPeers",
    "Trend",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


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


class _Bound(BaseModel):
    """A fixed number in a unit, compared with the value by the subclass's operator."""

    model_config = _FROZEN

    #: The number as written in the plan (96 for 96 %).
    value: Decimal
    #: The unit of ``value``; ``None`` means the indicator's display unit.
    unit: str | None = None

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        if value is not None:
            data["value"] = value
        super().__init__(unit=unit, **data)

    @field_validator("value", mode="before")
    @classmethod
    def _as_decimal(cls, number: Any) -> Decimal:
        return _exact_decimal(number)

    def target(self, display_unit: str) -> Fraction:
        """The bound as an exact number in ``display_unit``."""
        number = Fraction(self.value)
        if self.unit is None:
            return number
        return number * exact_factor(self.unit, display_unit)


class AtLeast(_Bound):
    """``value ≥ bound``: 以上, 不低于, 达到 N 以上 (the number itself meets it)."""

    kind: Literal["at_least"] = "at_least"

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        # Declared on each kind so that type checkers accept ``AtLeast(96, "percent")``.
        super().__init__(value, unit, **data)

    symbol: ClassVar[str] = "≥"


class Above(_Bound):
    """``value > bound``: 高于, 超过 (strict)."""

    kind: Literal["above"] = "above"

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        # Declared on each kind so that type checkers accept ``AtLeast(96, "percent")``.
        super().__init__(value, unit, **data)

    symbol: ClassVar[str] = ">"


class AtMost(_Bound):
    """``value ≤ bound``: 以下, 不高于, 不超过 (the number itself meets it)."""

    kind: Literal["at_most"] = "at_most"

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        # Declared on each kind so that type checkers accept ``AtLeast(96, "percent")``.
        super().__init__(value, unit, **data)

    symbol: ClassVar[str] = "≤"


class Below(_Bound):
    """``value < bound``: 低于 (strict: equality is not met)."""

    kind: Literal["below"] = "below"

    def __init__(self, value: Any = None, unit: str | None = None, **data: Any) -> None:
        # Declared on each kind so that type checkers accept ``AtLeast(96, "percent")``.
        super().__init__(value, unit, **data)

    symbol: ClassVar[str] = "<"


class All(BaseModel):
    """Every unit complies: numerator = denominator > 0, i.e. exactly 100 % (达到100%, 均, 全面)."""

    model_config = _FROZEN

    kind: Literal["all"] = "all"
    symbol: ClassVar[str] = "="

    def target(self, display_unit: str) -> Fraction:
        """100 % expressed in ``display_unit``."""
        return exact_factor("dimensionless", display_unit)


class BelowBenchmark(BaseModel):
    """``value < benchmark`` of the same period, strictly (低于全国平均水平).

    The benchmark values are data (``benchmarks=`` of :func:`xmqc_kpi.evaluate`); without one
    the assessment is insufficient data, never met.
    """

    model_config = _FROZEN

    kind: Literal["below_benchmark"] = "below_benchmark"
    symbol: ClassVar[str] = "<"
    #: Which benchmark: the plan only ever uses the national average.
    benchmark: Literal["national_average"] = "national_average"


class TopAmongPeers(BaseModel):
    """Rank among a peer group within the top group (居…前列).

    The group has ``n`` members, the subject included once. The subject's rank is one plus the
    number of peers strictly better (ties take the best rank); better follows the indicator's
    direction. The top group is the first ``top_n`` ranks, or the first ⌈``top_fraction``·n⌉
    (default 20 %, rounded up).
    """

    model_config = _FROZEN

    kind: Literal["top_among_peers"] = "top_among_peers"
    symbol: ClassVar[str] = "rank ≤"
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

    def cutoff(self, group_size: int) -> int:
        """The last rank inside the top group for a group of ``group_size`` members."""
        if self.top_n is not None:
            return self.top_n
        assert self.top_fraction is not None
        return math.ceil(self.top_fraction * group_size)

    def describe_cutoff(self) -> str:
        """The cut-off in words, e.g. ``"top 20 %"`` or ``"top 3"``."""
        if self.top_n is not None:
            return f"top {self.top_n}"
        assert self.top_fraction is not None
        return f"top {float(self.top_fraction * 100):g}%"


class Trend(BaseModel):
    """Strictly rising (不断提高, 持续提升) or falling (持续降低) from each period to the next.

    Judged at each (region, period) over the periods up to it, the last ``window`` of them at
    most (``None``: all). The first period, or a gap or missing value in the window, is
    insufficient data.
    """

    model_config = _FROZEN

    kind: Literal["trend"] = "trend"
    direction: Literal["rising", "falling"]
    window: int | None = Field(default=None, ge=2)

    @property
    def symbol(self) -> str:
        """``↑`` for rising, ``↓`` for falling."""
        return "↑" if self.direction == "rising" else "↓"


class Monitored(BaseModel):
    """No number in the plan (推进, 基本消灭): the value is reported, no verdict is given."""

    model_config = _FROZEN

    kind: Literal["monitored"] = "monitored"
    symbol: ClassVar[str] = "—"


Threshold = Annotated[
    AtLeast | Above | AtMost | Below | All | BelowBenchmark | TopAmongPeers | Trend | Monitored,
    Field(discriminator="kind"),
]
