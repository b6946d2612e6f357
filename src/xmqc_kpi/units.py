"""The package's one pint registry and exact conversion factors between the plan's units.

Every unit string a caller passes goes through :func:`parse_unit`; every conversion that a
verdict depends on goes through :func:`exact_factor`, which returns a ``Fraction`` so that
800 万元 ÷ 80 亿元 is exactly 1 ‰ and 11 万元 ÷ 1.1 亿元 is exactly 1 ‰ too.

The registry is built once, on first use, never at import.

>>> exact_factor("万元", "yuan")
Fraction(10000, 1)
>>> exact_factor("wan_yuan / yi_yuan", "permille")
Fraction(1, 10)
>>> exact_factor("亩", "hectare")
Fraction(1, 15)
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import cache
from typing import Any

__all__ = [
    "UnitError",
    "exact_factor",
    "float_factor",
    "is_compatible",
    "normalise_unit",
    "parse_unit",
    "registry",
    "unit_symbol",
]

#: The plan's units, in pint's definition syntax (name = definition = symbol = aliases).
#: Counts (批, 台, 项) are pint's dimensionless ``count``; persons, money and index points have
#: dimensions of their own so that a person can never be converted into a yuan.
DEFINITIONS = """
yuan = [currency] = 元 = CNY = RMB
wan_yuan = 10000 * yuan = 万元
yi_yuan = 100000000 * yuan = 亿元
mu = hectare / 15 = 亩
person = [population] = 人 = persons
wan_ren = 10000 * person = 万人
wan_tai = 10000 * count = 万台
per_10k_persons = 1 / (10000 * person) = 每万人
deaths_per_10k_units = person / (10000 * count) = 人/万台
per_yi_yuan = 1 / yi_yuan = 每亿元
index_point = [satisfaction_index] = 分
@alias hectare = 公顷
"""

#: Chinese symbols shown beside numbers in explanations (the unit's short written form).
_SYMBOLS = {
    "percent": "%",
    "permille": "‰",
    "dimensionless": "",
    "count": "",
    "yuan": "元",
    "wan_yuan": "万元",
    "yi_yuan": "亿元",
    "mu": "亩",
    "hectare": "公顷",
    "meter ** 2": "m²",
    "person": "人",
    "wan_ren": "万人",
    "wan_tai": "万台",
    "per_10k_persons": "/万人",
    "deaths_per_10k_units": "人/万台",
    "per_yi_yuan": "/亿元",
    "day": "天",
    "index_point": "分",
}

_ALIASES = {
    "1": "dimensionless",
    "": "dimensionless",
    "m²": "meter ** 2",
    "m2": "meter ** 2",
    "平方米": "meter ** 2",
}


class UnitError(ValueError):
    """A unit string that the registry cannot parse, or two units that do not convert."""


@cache
def registry() -> Any:
    """Return the application registry, built on first use (pint is imported here, lazily)."""
    import pint

    reg: Any = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for line in DEFINITIONS.strip().splitlines():
        reg.define(line)
    pint.set_application_registry(reg)  # type: ignore[no-untyped-call]
    return reg


@cache
def parse_unit(text: str) -> Any:
    """Parse a unit string (``"万元"``, ``"%"``, ``"‰"``, ``"per_10k_persons"``) into a pint unit.

    >>> str(parse_unit("万元"))
    'wan_yuan'
    """
    spelled = _ALIASES.get(text.strip(), text.strip())
    try:
        return registry().Unit(spelled)
    except Exception as exc:  # pint raises several unrelated types for a bad string
        raise UnitError(f"unknown unit {text!r}") from exc


def normalise_unit(text: str) -> str:
    """Return the registry's canonical name for a unit string (``"亿元"`` → ``"yi_yuan"``)."""
    return str(parse_unit(text))


def is_compatible(source: str, target: str) -> bool:
    """Whether a quantity in ``source`` converts to ``target``."""
    return bool(parse_unit(source).dimensionality == parse_unit(target).dimensionality)


@cache
def float_factor(source: str, target: str) -> float:
    """The float that multiplies a magnitude in ``source`` to give it in ``target``."""
    if not is_compatible(source, target):
        raise UnitError(
            f"{source!r} does not convert to {target!r}: "
            f"{parse_unit(source).dimensionality} versus {parse_unit(target).dimensionality}"
        )
    reg = registry()
    return float(reg.Quantity(1, parse_unit(source)).to(parse_unit(target)).magnitude)


@cache
def exact_factor(source: str, target: str) -> Fraction:
    """The exact rational factor from ``source`` to ``target``.

    The plan's units are all related by rational factors (powers of ten, 1/15 for 亩), so the
    float pint computes is the nearest double of a rational with a small denominator; that
    rational is recovered and checked against the float.
    """
    approx = float_factor(source, target)
    if approx == 0 or not math.isfinite(approx):
        raise UnitError(f"no finite factor from {source!r} to {target!r}")
    exponent = math.floor(math.log10(abs(approx)))
    scale = Fraction(10) ** exponent
    mantissa = Fraction(approx) / scale
    exact = mantissa.limit_denominator(10**9) * scale
    if abs(float(exact) - approx) > 1e-12 * abs(approx):
        raise UnitError(f"the factor from {source!r} to {target!r} is not a simple rational")
    return exact


def unit_symbol(text: str) -> str:
    """The short written form of a unit for explanations (``"percent"`` → ``"%"``)."""
    name = normalise_unit(text)
    return _SYMBOLS.get(name, name)
