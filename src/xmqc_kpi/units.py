"""The package's one pint registry, the project's own unit grammar and exact conversion factors.

Every unit string a caller, a file or a catalog gives goes through :func:`parse_unit`, which
reads it with the grammar below against the registry's known names and prefixes and never
hands it to pint's expression evaluator (``count**9**9**9`` is refused, not computed)::

    unit   := term (("*" | "·" | "×" | "/") term)*       left to right; "/" divides by one term
    term   := atom power?
    atom   := name | "1" | "(" unit ")"                   at most 4 levels of parentheses
    power  := ("**" | "^") integer | "²" | "³"            1 ≤ |integer| ≤ 3

A name is a unit of the registry (``wan_yuan``, ``万元``, ``亩``, ``km``, ``%``, ``‰``, a
count word such as ``个``, ``家``, ``批次``, ``件``, ``台``, ``张``, ``项`` and its 万 multiple
``万家``, ``万台``). The string is at most :data:`MAX_UNIT_LENGTH` characters and every
exponent of the result at most :data:`MAX_EXPONENT`; both are checked before any lookup.

Three kinds of unit never convert into each other even though pint calls all of them
dimensionless (nor do two units whose powers of ``count`` differ, such as 人 and 人/万台): a
**count** (``count``, the count words, their 万 multiples), a **share**
(``%``, ``‰``, ``1`` and ratios such as ``个/个``) and everything with a dimension. pint's
other dimensionless units (degree, radian, bit, ppm …) are not units of the plan and are
refused. Every conversion that a verdict depends on goes through :func:`exact_factor`,
which returns a ``Fraction`` so that 800 万元 ÷ 80 亿元 is exactly 1 ‰.

The registry is built once, on first use, never at import; the plan's own units are answered
from a table pint computed (:func:`unit_table`, checked against pint by the tests), so that a
service evaluating the built-in catalog never imports pint.

>>> exact_factor("万元", "yuan")
Fraction(10000, 1)
>>> exact_factor("wan_yuan / yi_yuan", "permille")
Fraction(1, 10)
>>> exact_factor("亩", "hectare")
Fraction(1, 15)
>>> parse_unit("万家").kind, parse_unit("‰").kind, parse_unit("人/万台").name
('count', 'share', 'deaths_per_10k_units')
>>> try:
...     parse_unit("count**9**9**9")
... except UnitError as error:
...     print(error.code, error.message_in("en"))
unit_exponent a power in the unit 'count**9**9**9' is too large (at most 3 in absolute value)
"""

from __future__ import annotations

import json
import math
import re
from contextvars import ContextVar
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal, NoReturn

from .text import Language, resolve_language
from .text._problems_values import EXPECTED_UNIT

__all__ = [
    "MAX_EXPONENT",
    "MAX_UNIT_LENGTH",
    "ParsedUnit",
    "UnitError",
    "UnitKind",
    "exact_factor",
    "float_factor",
    "is_compatible",
    "normalise_unit",
    "parse_unit",
    "registry",
    "unit_symbol",
]

#: The longest unit string read (a catalog's ratio of two long units included).
MAX_UNIT_LENGTH = 160
#: The largest power, written or resulting, of a name in a unit (m³ is the plan's largest).
MAX_EXPONENT = 3
#: The deepest nesting of parentheses in a unit string.
MAX_DEPTH = 4

#: How many distinct strings the parse and factor caches keep (least recently used dropped).
CACHE_SIZE = 1024

#: The plan's units, in pint's definition syntax (name = definition = symbol = aliases).
#: Counts (个, 批次, 台, 项 …) are pint's dimensionless ``count``; persons, money and index
#: points have dimensions of their own so that a person can never be converted into a yuan.
DEFINITIONS = """
yuan = [currency] = 元 = CNY = RMB
wan_yuan = 10000 * yuan = 万元
yi_yuan = 100000000 * yuan = 亿元
mu = hectare / 15 = 亩
person = [population] = 人 = persons = 名 = 位
wan_ren = 10000 * person = 万人
wan_tai = 10000 * count = 万台
wan_count = 10000 * count = 万个
per_10k_persons = count / (10000 * person) = 每万人
deaths_per_10k_units = person / (10000 * count) = 人/万台
per_yi_yuan = count / yi_yuan = 每亿元
index_point = [satisfaction_index] = 分
@alias hectare = 公顷
@alias day = 天
"""

#: The measure words a clerk writes for a count (aliases of ``count``); 万 before any of them
#: is ten thousand of it (``万家`` is ``wan_count``, ``万台`` the plan's ``wan_tai``).
COUNT_WORDS = (
    *("个", "家", "批次", "批", "件", "台", "张", "项", "次", "座"),
    *("辆", "户", "条", "份", "起", "宗", "所", "套", "处"),
)

#: Unit strings a clerk or a catalog commonly writes (the shipped :func:`unit_table` knows
#: them, with the built-in catalog's own).
WRITTEN_UNITS = (
    *("", "1", "dimensionless", "无量纲", "count", "%", "％", "percent", "‰", "permille"),
    *("yuan", "元", "万元", "亿元", "wan_yuan", "yi_yuan"),
    *("person", "人", "名", "位", "万人", "wan_ren"),
    *("mu", "亩", "hectare", "公顷", "m²", "m2", "平方米", "meter ** 2", "km²", "平方公里"),
    *("day", "天", "index_point", "分", "万台", "wan_tai", "万个", "wan_count"),
    *("per_10k_persons", "每万人", "deaths_per_10k_units", "人/万台", "per_yi_yuan", "每亿元"),
    *COUNT_WORDS,
    *(f"万{word}" for word in COUNT_WORDS),
)

#: Registry names that count things: the only units a count variable accepts.
COUNT_UNITS = frozenset({"count", "wan_count", "wan_tai"})
#: Registry names of shares: accepted only where a share (a ratio of like quantities) is meant.
SHARE_UNITS = frozenset({"percent", "permille"})

#: Whole unit strings read as a product of powers (the ones pint does not know).
_WHOLE_ALIASES: dict[str, tuple[tuple[str, int], ...]] = {
    "": (),
    "1": (),
    "dimensionless": (),
    "无量纲": (),  # how the Chinese template writes a plain number (a year built)
    "人/万台": (("deaths_per_10k_units", 1),),
}
#: Single names read as a power of a registry name.
_NAME_ALIASES: dict[str, tuple[str, int]] = {
    "m2": ("meter", 2),
    "平方米": ("meter", 2),
    "平方千米": ("kilometer", 2),
    "平方公里": ("kilometer", 2),
    "km2": ("kilometer", 2),
}
#: Full-width forms people type, read as their ASCII forms.
_FULL_WIDTH = str.maketrans({"％": "%", "／": "/", "（": "(", "）": ")", "＊": "*", "＾": "^"})

_TOKEN = re.compile(
    r"\s*(?:(?P<power>\*\*|\^)|(?P<op>[*/·×⋅])|(?P<open>\()|(?P<close>\))"
    r"|(?P<super>[²³])|(?P<number>[+-]?\d+(?![\w%‰]))|(?P<name>[^\s*/·×⋅()^²³]+))"
)

UnitKind = Literal["count", "share", "quantity"]
#: A unit as registry names with their powers (``(("wan_yuan", 1), ("yi_yuan", -1))``).
Factors = tuple[tuple[str, int], ...]


class UnitError(ValueError):
    """A unit string that the grammar refuses, or two units that do not convert.

    ``code`` is stable (the key of its wording in :mod:`xmqc_kpi.text.problems`) and
    ``params`` fill the message; ``str()`` renders it in the active language.

    >>> error = UnitError("unit_unknown", unit="万斤斤", name="万斤斤")
    >>> error.code, error.message_in("en")
    ('unit_unknown', "unknown unit '万斤斤'")
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def message_in(self, lang: Language | str | None = None) -> str:
        """The message in ``lang`` (default: the active language)."""
        from .text.problems import PROBLEMS

        language = resolve_language(lang)
        fields = {k: v(language) if callable(v) else v for k, v in self.params.items()}
        return PROBLEMS.say(self.code, language, **fields)

    def __str__(self) -> str:
        return self.message_in()


@dataclass(frozen=True)
class ParsedUnit:
    """A unit string read by the grammar: the registry's names with their powers.

    >>> unit = parse_unit("万元 / 亿元")
    >>> unit.name, unit.factors, unit.kind
    ('wan_yuan / yi_yuan', (('wan_yuan', 1), ('yi_yuan', -1)), 'share')
    >>> str(parse_unit("m²"))
    'meter ** 2'
    """

    #: The registry's canonical spelling (pint's ``str`` of the unit): ``"meter ** 2"``.
    name: str
    #: Registry names and their nonzero integer powers, in the order first written.
    factors: tuple[tuple[str, int], ...]
    #: ``count``, ``share`` (dimensionless ratios) or ``quantity`` (has a dimension).
    kind: UnitKind
    #: The dimension as pint writes it (``"[currency]"``, ``"dimensionless"``).
    dimensionality: str
    #: The power of ``count`` in the unit's root (1 for 个 and 人/万台 … -1, 0 for 元, %).
    count_power: int = 0

    def pint(self) -> Any:
        """The unit in the application registry (built from the names, never from text)."""
        from pint.util import UnitsContainer

        return registry().Unit(UnitsContainer(dict(self.factors)))

    def __str__(self) -> str:
        return self.name


@cache
def registry() -> Any:
    """Return the application registry, built on first use (pint is imported here, lazily)."""
    import pint

    reg: Any = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    tens_of_thousands = [f"万{word}" for word in COUNT_WORDS if word not in ("个", "台")]
    for line in (
        *DEFINITIONS.strip().splitlines(),
        " = ".join(("@alias count", *COUNT_WORDS)),
        " = ".join(("@alias wan_count", *tens_of_thousands)),
    ):
        reg.define(line)
    pint.set_application_registry(reg)  # type: ignore[no-untyped-call]
    return reg


def parse_unit(text: str) -> ParsedUnit:
    """Read a unit string with the project's grammar (module docstring); never evaluates it.

    >>> parse_unit("万元").name, parse_unit("(count) / (person)").name
    ('wan_yuan', 'count / person')
    >>> try:
    ...     parse_unit("degree")
    ... except UnitError as error:
    ...     print(error.code)
    unit_not_allowed

    Raises
    ------
    UnitError
        ``unit_not_text``, ``unit_too_long``, ``unit_syntax``, ``unit_number``,
        ``unit_exponent``, ``unit_unknown``, ``unit_not_allowed`` or ``unit_mixed``.
    """
    if not isinstance(text, str):
        raise UnitError("unit_not_text", unit=repr(text)[:MAX_UNIT_LENGTH])
    if len(text) > MAX_UNIT_LENGTH:
        raise UnitError("unit_too_long", length=len(text), limit=MAX_UNIT_LENGTH)
    return _parse(text)


@lru_cache(maxsize=CACHE_SIZE)
def _parse(text: str) -> ParsedUnit:
    spelled = text.strip().translate(_FULL_WIDTH)
    whole = _WHOLE_ALIASES.get(spelled)
    powers = list(whole) if whole is not None else _Parser(text, spelled).read()
    combined: dict[str, int] = {}
    for name, power in powers:
        combined[name] = combined.get(name, 0) + power
        if abs(combined[name]) > MAX_EXPONENT:
            raise UnitError("unit_exponent", unit=text, limit=MAX_EXPONENT)
    factors = tuple((name, power) for name, power in combined.items() if power)
    return _classified(text, factors)


class _Parser:
    """Recursive descent over the tokens of one unit string (bounded by its length)."""

    def __init__(self, text: str, spelled: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str]] = []
        position = 0
        while position < len(spelled):
            match = _TOKEN.match(spelled, position)
            if match is None or match.end() == position:
                if spelled[position:].strip():
                    raise UnitError("unit_syntax", unit=text, at=spelled[position:].strip()[:8])
                break
            kind = match.lastgroup
            assert kind is not None
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.at = 0

    def read(self) -> list[tuple[str, int]]:
        powers = self._unit(0)
        if self.at != len(self.tokens):
            self._fail()
        return powers

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _fail(self) -> NoReturn:
        token = self._peek()
        raise UnitError("unit_syntax", unit=self.text, at=token[1] if token else "")

    def _unit(self, depth: int) -> list[tuple[str, int]]:
        powers = self._term(depth)
        while (token := self._peek()) is not None and token[0] == "op":
            self.at += 1
            term = self._term(depth)
            sign = -1 if token[1] == "/" else 1
            powers += [(name, sign * power) for name, power in term]
        return powers

    def _term(self, depth: int) -> list[tuple[str, int]]:
        atom = self._atom(depth)
        token = self._peek()
        power = 1
        if token is not None and token[0] == "super":
            self.at += 1
            power = 2 if token[1] == "²" else 3
        elif token is not None and token[0] == "power":
            self.at += 1
            number = self._peek()
            if number is None or number[0] != "number":
                self._fail()
            self.at += 1
            power = int(number[1])
            if power == 0 or abs(power) > MAX_EXPONENT:
                raise UnitError("unit_exponent", unit=self.text, limit=MAX_EXPONENT)
        following = self._peek()
        if following is not None and following[0] in ("power", "super"):
            raise UnitError("unit_exponent", unit=self.text, limit=MAX_EXPONENT)  # a**2**3
        return [(name, p * power) for name, p in atom]

    def _atom(self, depth: int) -> list[tuple[str, int]]:
        token = self._peek()
        if token is None:
            self._fail()
        kind, value = token
        self.at += 1
        if kind == "open":
            if depth >= MAX_DEPTH:
                raise UnitError("unit_syntax", unit=self.text, at=value)
            inner = self._unit(depth + 1)
            closing = self._peek()
            if closing is None or closing[0] != "close":
                self._fail()
            self.at += 1
            return inner
        if kind == "number":
            if value != "1":
                raise UnitError("unit_number", unit=self.text, number=value)
            return []
        if kind == "name":
            return [_registry_name(self.text, value)]
        self.at -= 1
        self._fail()


def _registry_name(text: str, name: str) -> tuple[str, int]:
    """The registry's name (and power) for one name token, or a :class:`UnitError`."""
    if name in _NAME_ALIASES:
        return _NAME_ALIASES[name]
    known = unit_table().names.get(name)
    canonical, allowed = known if known is not None else pint_name(name)
    if canonical is None:
        raise UnitError("unit_unknown", unit=text, name=name)
    if not allowed:
        raise UnitError("unit_not_allowed", unit=text, name=name)
    return canonical, 1


def pint_name(name: str) -> tuple[str | None, bool]:
    """The canonical name pint gives a name token (``None``: unknown), and whether it is allowed.

    A unit without a dimension is allowed only as a count or a share (not degree, radian …).
    """
    reg = registry()
    try:
        canonical = str(reg.get_name(name))
    except Exception:  # pint raises UndefinedUnitError and others for an unknown name
        return None, False
    allowed = canonical in COUNT_UNITS | SHARE_UNITS or bool(reg.get_dimensionality(canonical))
    collecting = COLLECTING.get()
    if collecting is not None:
        collecting.names[name] = (canonical, allowed)
    return canonical, allowed


def _classified(text: str, factors: tuple[tuple[str, int], ...]) -> ParsedUnit:
    known = unit_table().units.get(factors)
    name, dimensionality, counts = known if known is not None else pint_facts(factors)
    kind: UnitKind = "quantity"
    if dimensionality == "dimensionless":
        shares = any(name in SHARE_UNITS for name, _ in factors)
        if counts == 1 and not shares:
            kind = "count"
        elif counts == 0:
            kind = "share"
        else:  # 个², 个·%: neither a count nor a share
            raise UnitError("unit_mixed", unit=text)
    return ParsedUnit(
        name=name,
        factors=factors,
        kind=kind,
        dimensionality=dimensionality,
        count_power=counts,
    )


def pint_facts(factors: tuple[tuple[str, int], ...]) -> tuple[str, str, int]:
    """The name pint gives a product of powers, its dimensionality and root power of ``count``."""
    from pint.util import UnitsContainer

    reg = registry()
    container = UnitsContainer(dict(factors))
    dimensionality = str(reg.get_dimensionality(container))
    counts = int(reg.get_root_units(container)[1]._units.get("count", 0))
    name = str(reg.Unit(container)) if factors else "dimensionless"
    collecting = COLLECTING.get()
    if collecting is not None:
        collecting.units[factors] = (name, dimensionality, counts)
    return name, dimensionality, counts


def normalise_unit(text: str) -> str:
    """Return the registry's canonical name for a unit string (``"亿元"`` → ``"yi_yuan"``)."""
    return parse_unit(text).name


def is_compatible(source: str, target: str) -> bool:
    """Whether a quantity in ``source`` converts to ``target`` (same dimension and kind).

    >>> is_compatible("万家", "count"), is_compatible("%", "count"), is_compatible("‰", "%")
    (True, False, True)
    """
    return _convertible(parse_unit(source), parse_unit(target))


def _convertible(source: ParsedUnit, target: ParsedUnit) -> bool:
    """Same dimension, same kind and as many counts (人 is not 人/万台, though pint agrees)."""
    return (source.dimensionality, source.kind, source.count_power) == (
        target.dimensionality,
        target.kind,
        target.count_power,
    )


def float_factor(source: str, target: str) -> float:
    """The float that multiplies a magnitude in ``source`` to give it in ``target``.

    Raises
    ------
    UnitError
        ``unit_not_count``, ``unit_not_share`` or ``unit_not_convertible`` (``expected`` words
        the kind of unit the target wants, see :func:`expected_kind`), or a parse error.
    """
    given, wanted = parse_unit(source), parse_unit(target)
    if not _convertible(given, wanted):
        code = {"count": "unit_not_count", "share": "unit_not_share"}.get(
            wanted.kind, "unit_not_convertible"
        )
        raise UnitError(code, unit=source, expected=EXPECTED_UNIT[expected_kind(wanted)])
    return _float_factor(given.factors, wanted.factors)


@lru_cache(maxsize=CACHE_SIZE)
def _float_factor(
    source_factors: tuple[tuple[str, int], ...], target_factors: tuple[tuple[str, int], ...]
) -> float:
    known = unit_table().factors.get((source_factors, target_factors))
    return known if known is not None else pint_factor(source_factors, target_factors)


def pint_factor(
    source_factors: tuple[tuple[str, int], ...], target_factors: tuple[tuple[str, int], ...]
) -> float:
    """The factor pint computes from one product of powers to another."""
    from pint.util import UnitsContainer

    reg = registry()
    one = reg.Quantity(1, reg.Unit(UnitsContainer(dict(source_factors))))
    factor = float(one.to(reg.Unit(UnitsContainer(dict(target_factors)))).magnitude)
    collecting = COLLECTING.get()
    if collecting is not None:
        collecting.factors[source_factors, target_factors] = factor
    return factor


def unit_table() -> UnitTable:
    """What pint says of the plan's units, read from the package (pint is not imported).

    Built by :func:`xmqc_kpi._unit_table.build` from pint itself and checked against it by
    the tests; a unit outside it is looked up in the registry, built then. While the table
    is being built, it is empty and pint's answers are collected instead.
    """
    collecting = COLLECTING.get()
    return _shipped_table() if collecting is None else _NOTHING_KNOWN


@cache
def _shipped_table() -> UnitTable:
    text = resources.files("xmqc_kpi").joinpath("data/unit_table.json").read_text("utf-8")
    data = json.loads(text)
    return UnitTable(
        names={name: (canonical, bool(allowed)) for name, canonical, allowed in data["names"]},
        units={
            _factors(factors): (name, dimensionality, int(counts))
            for factors, name, dimensionality, counts in data["units"]
        },
        factors={
            (_factors(source), _factors(target)): float(factor)
            for source, target, factor in data["factors"]
        },
    )


def _factors(pairs: list[list[Any]]) -> Factors:
    return tuple((str(name), int(power)) for name, power in pairs)


@dataclass(frozen=True)
class UnitTable:
    """pint's answers for the plan's units: names, facts of products, conversion factors."""

    #: Name token → (canonical name or ``None`` if unknown, allowed).
    names: dict[str, tuple[str | None, bool]]
    #: Product of powers → (name, dimensionality, root power of ``count``).
    units: dict[Factors, tuple[str, str, int]]
    #: (source product, target product) → the float factor.
    factors: dict[tuple[Factors, Factors], float]


_NOTHING_KNOWN = UnitTable({}, {}, {})
#: The table being built (:func:`xmqc_kpi._unit_table.build`), ``None`` otherwise.
COLLECTING: ContextVar[UnitTable | None] = ContextVar("collecting_units", default=None)


def expected_kind(unit: ParsedUnit) -> str:
    """A stable key for the kind of unit ``unit`` stands for, used to word what is expected.

    One of ``count``, ``share``, ``money``, ``area``, ``length``, ``persons``, ``time``,
    ``score``, ``per_person``, ``persons_per_count``, ``per_money`` or ``other``.

    >>> expected_kind(parse_unit("亩")), expected_kind(parse_unit("per_10k_persons"))
    ('area', 'per_person')
    """
    if unit.kind != "quantity":
        return unit.kind
    return _DIMENSION_KEYS.get(unit.dimensionality, "other")


_DIMENSION_KEYS = {
    "[currency]": "money",
    "[length] ** 2": "area",
    "[length]": "length",
    "[population]": "persons",
    "[time]": "time",
    "[satisfaction_index]": "score",
    "1 / [population]": "per_person",
    "1 / [currency]": "per_money",
}


def exact_factor(source: str, target: str) -> Fraction:
    """The exact rational factor from ``source`` to ``target``.

    The plan's units are all related by rational factors (powers of ten, 1/15 for 亩), so the
    float pint computes is the nearest double of a rational with a small denominator; that
    rational is recovered and checked against the float.
    """
    approx = float_factor(source, target)
    return _exact(approx, source, target)


@lru_cache(maxsize=CACHE_SIZE)
def _exact(approx: float, source: str, target: str) -> Fraction:
    if approx == 0 or not math.isfinite(approx):
        raise UnitError("unit_factor_not_rational", unit=source, target=target)
    exponent = math.floor(math.log10(abs(approx)))
    scale = Fraction(10) ** exponent
    mantissa = Fraction(approx) / scale
    exact = mantissa.limit_denominator(10**9) * scale
    if abs(float(exact) - approx) > 1e-12 * abs(approx):
        raise UnitError("unit_factor_not_rational", unit=source, target=target)
    return exact


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


def unit_symbol(text: str) -> str:
    """The short written form of a unit for explanations (``"percent"`` → ``"%"``)."""
    name = normalise_unit(text)
    return _SYMBOLS.get(name, name)
