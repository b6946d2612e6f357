"""How units and counted things are written beside a number, in Chinese and English.

Keyed by the unit registry's canonical names (:func:`xmqc_kpi.units.normalise_unit`), so no
pint code (``meter ** 2``, ``count``, ``mu``) reaches a reader: ``平方米``/``m²``, ``亩``/``mu``,
``天``/``days``, ``分``/``points``. A count is written with the measure word of what it counts
(``家``, ``批次``, ``项``), named by an input's ``counted`` key; a bare count has none.

>>> with_unit("96.67", "percent", "zh"), with_unit("12", "meter ** 2", "zh")
('96.67%', '12 平方米')
>>> with_unit("0.320", "deaths_per_10k_units", "en")
'0.320 deaths per 10,000 units'
>>> with_unit("3", "count", "zh", counted="enterprise"), with_unit("3", "count", "en")
('3 家', '3')
"""

from __future__ import annotations

from ._language import Language, resolve_language
from ._words import Words, WordTable

__all__ = [
    "MEASURES",
    "SCALED_DENOMINATORS",
    "UNITS",
    "UNIT_NAMES",
    "measure_word",
    "unit_name",
    "unit_suffix",
    "with_unit",
]

#: The name of each unit as a person reads it, by the registry's normalised name.
UNIT_NAMES = WordTable(
    "unit name",
    {
        "percent": Words(zh="%", en="%"),
        "permille": Words(zh="‰", en="‰"),
        "dimensionless": Words(zh="无量纲", en="dimensionless"),
        "count": Words(zh="个", en="count"),
        "yuan": Words(zh="元", en="yuan"),
        "wan_yuan": Words(zh="万元", en="10,000 yuan"),
        "yi_yuan": Words(zh="亿元", en="100 million yuan"),
        "mu": Words(zh="亩", en="mu"),
        "hectare": Words(zh="公顷", en="ha"),
        "meter ** 2": Words(zh="平方米", en="m²"),
        "person": Words(zh="人", en="persons"),
        "wan_ren": Words(zh="万人", en="10,000 persons"),
        "wan_tai": Words(zh="万台", en="10,000 units"),
        "per_10k_persons": Words(zh="/万人", en="per 10,000 persons"),
        "deaths_per_10k_units": Words(zh="人/万台", en="deaths per 10,000 units"),
        "per_yi_yuan": Words(zh="/亿元", en="per 100 million yuan"),
        "day": Words(zh="天", en="days"),
        "index_point": Words(zh="分", en="points"),
    },
)
UNITS = UNIT_NAMES
#: English after a number, where the unit's name would not read (800 × 10,000 yuan).
_AFTER_NUMBER_EN = {
    "wan_yuan": "× 10,000 yuan",
    "yi_yuan": "× 100 million yuan",
    "wan_ren": "× 10,000 persons",
    "wan_tai": "× 10,000 units",
}

#: Units written right after the number, with no space (``96%``, ``2.5/万人``).
_GLUED = ("%", "‰", "/")
#: Units that a number is written without (a bare count, a pure number).
_BARE = ("count", "dimensionless")

#: The measure word of what a count counts (an input's ``counted`` key).
MEASURES = WordTable(
    "measure",
    {
        "batch": Words(zh="批次", en="batches"),
        "enterprise": Words(zh="家", en="enterprises"),
        "item": Words(zh="项", en="items"),
        "project": Words(zh="项", en="projects"),
        "port": Words(zh="个", en="ports"),
        "unit": Words(zh="台", en="units"),
        "person": Words(zh="人", en="persons"),
        "title": Words(zh="个", en="titles"),
        "brand": Words(zh="个", en="brands"),
        "case": Words(zh="起", en="cases"),
        "product": Words(zh="种", en="products"),
        "organisation": Words(zh="个", en="organisations"),
    },
)

#: A rate per 10,000 or per 亿元 shows its denominator in that scaled unit (25 万台, 373 万人).
SCALED_DENOMINATORS: dict[str, str] = {
    "per_10k_persons": "wan_ren",
    "deaths_per_10k_units": "wan_tai",
    "per_yi_yuan": "yi_yuan",
}


def _canonical(unit: str) -> str:
    """The registry's name of ``unit``; names already canonical never load the registry."""
    if unit in UNIT_NAMES:
        return unit
    from ..units import normalise_unit

    return normalise_unit(unit)


def unit_name(unit: str, lang: Language | str | None = None) -> str:
    """The unit's written form on its own (``"%"``, ``"平方米"``, ``"days"``), for headers.

    ``unit`` is best the registry's normalised name; one the table lacks is shown as given.

    >>> unit_name("day", "zh"), unit_name("index_point", "en"), unit_name("count", "zh")
    ('天', 'points', '个')
    >>> unit_name("meter ** 2", "en"), unit_name("no_such_unit", "zh")
    ('m²', 'no_such_unit')
    """
    return UNIT_NAMES.say(unit, lang) if unit in UNIT_NAMES else unit


def measure_word(counted: str | None, lang: Language | str | None = None) -> str:
    """The measure word of a counted thing (``"家"``), empty when it is not named."""
    if counted is None or counted not in MEASURES:
        return ""
    return MEASURES.say(counted, lang)


def with_unit(
    number: str, unit: str, lang: Language | str | None = None, *, counted: str | None = None
) -> str:
    """``number`` followed by its unit as a reader writes it (``96%``, ``5 人``, ``3 家``)."""
    lang = resolve_language(lang)
    name = _canonical(unit)
    if name in _BARE:
        word = measure_word(counted, lang) if name == "count" else ""
    elif lang == "en" and name in _AFTER_NUMBER_EN:
        word = _AFTER_NUMBER_EN[name]
    else:
        word = unit_name(name, lang)
    if not word:
        return number
    if word.startswith(_GLUED):
        return number + word
    return f"{number} {word}"


def unit_suffix(
    unit: str, lang: Language | str | None = None, *, counted: str | None = None
) -> str:
    """What :func:`with_unit` adds after a number (``"%"``, ``" 人"``, ``""``).

    >>> unit_suffix("person", "zh"), unit_suffix("percent", "en")
    (' 人', '%')
    """
    return with_unit("", unit, lang, counted=counted)
