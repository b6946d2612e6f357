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
    "COUNTED_NAMES",
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

#: The measure word of what a count counts (an input's ``counted`` key): Chinese the measure
#: word alone, English the plural noun; the word written after any number of it.
MEASURES = WordTable(
    "measure",
    {
        "batch": Words(zh="批次", en="batches"),
        "enterprise": Words(zh="家", en="enterprises"),
        "item": Words(zh="项", en="items"),
        "quality_item": Words(zh="项", en="items"),
        "project": Words(zh="项", en="projects"),
        "port": Words(zh="个", en="ports"),
        "unit": Words(zh="台", en="units"),
        "elevator": Words(zh="台", en="elevators"),
        "person": Words(zh="人", en="persons"),
        "title": Words(zh="个", en="titles"),
        "brand": Words(zh="个", en="brands"),
        "case": Words(zh="起", en="cases"),
        "complaint": Words(zh="件", en="complaints"),
        "notification": Words(zh="次", en="notifications"),
        "product": Words(zh="种", en="products"),
        "organisation": Words(zh="个", en="organisations"),
        "producer": Words(zh="家", en="producers"),
        "certificate": Words(zh="张", en="certificates"),
        "zone": Words(zh="个", en="zones"),
        "release": Words(zh="次", en="releases"),
        "campaign": Words(zh="次", en="campaigns"),
        "market": Words(zh="个", en="markets"),
        "pilot": Words(zh="个", en="pilots"),
        "centre": Words(zh="个", en="centres"),
    },
)
#: The counted thing named with its measure word (Chinese: ``个口岸``) or, in English, one of
#: it (``port``): where a sentence names what is counted (a denominator, a shortfall, ``1 port``).
COUNTED_NAMES = WordTable(
    "counted name",
    {
        "batch": Words(zh="批次", en="batch"),
        "enterprise": Words(zh="家企业", en="enterprise"),
        "item": Words(zh="项", en="item"),
        "quality_item": Words(zh="项指标", en="item"),
        "project": Words(zh="项工程", en="project"),
        "port": Words(zh="个口岸", en="port"),
        "unit": Words(zh="台设备", en="unit"),
        "elevator": Words(zh="台电梯", en="elevator"),
        "person": Words(zh="人", en="person"),
        "title": Words(zh="个称号", en="title"),
        "brand": Words(zh="个品牌", en="brand"),
        "case": Words(zh="起案件", en="case"),
        "complaint": Words(zh="件投诉", en="complaint"),
        "notification": Words(zh="次通报", en="notification"),
        "product": Words(zh="种产品", en="product"),
        "organisation": Words(zh="个单位", en="organisation"),
        "producer": Words(zh="家生产单位", en="producer"),
        "certificate": Words(zh="张证书", en="certificate"),
        "zone": Words(zh="个示范区", en="zone"),
        "release": Words(zh="次", en="release"),
        "campaign": Words(zh="次", en="campaign"),
        "market": Words(zh="个菜市场", en="market"),
        "pilot": Words(zh="个试点", en="pilot"),
        "centre": Words(zh="个计量测试中心", en="centre"),
    },
)
#: Rates of a count per scaled denominator: a count's measure word goes before the unit
#: (``1.832 张/万人``, ``1.832 certificates per 10,000 persons``).
_RATES = ("per_10k_persons", "per_yi_yuan")

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


def measure_word(
    counted: str | None,
    lang: Language | str | None = None,
    *,
    named: bool = False,
    one: bool = False,
) -> str:
    """The measure word of a counted thing (``"家"``), empty when it is not named.

    ``named`` names the thing too in Chinese (``"家企业"``); ``one`` is English for a count
    of one (``"enterprise"``).

    >>> measure_word("port", "zh"), measure_word("port", "zh", named=True)
    ('个', '个口岸')
    >>> measure_word("port", "en"), measure_word("port", "en", one=True), measure_word(None)
    ('ports', 'port', '')
    """
    if counted is None or counted not in MEASURES:
        return ""
    lang = resolve_language(lang)
    if (named and lang == "zh") or (one and lang == "en"):
        return COUNTED_NAMES.say(counted, lang)
    return MEASURES.say(counted, lang)


def with_unit(
    number: str,
    unit: str,
    lang: Language | str | None = None,
    *,
    counted: str | None = None,
    named: bool = False,
    one: bool = False,
) -> str:
    """``number`` followed by its unit as a reader writes it (``96%``, ``5 人``, ``3 家``).

    A count names its measure word (see :func:`measure_word` for ``named`` and ``one``); a rate
    of a count per 10,000 or per 亿元 puts it before the unit.

    >>> with_unit("2", "count", "zh", counted="port", named=True)
    '2 个口岸'
    >>> with_unit("1", "count", "en", counted="port", one=True)
    '1 port'
    >>> with_unit("1.832", "per_10k_persons", "zh", counted="certificate")
    '1.832 张/万人'
    >>> with_unit("1.832", "per_10k_persons", "en", counted="certificate")
    '1.832 certificates per 10,000 persons'
    """
    lang = resolve_language(lang)
    name = _canonical(unit)
    measure = measure_word(counted, lang, named=named, one=one)
    if name in _BARE:
        word = measure if name == "count" else ""
    elif lang == "en" and name in _AFTER_NUMBER_EN:
        word = _AFTER_NUMBER_EN[name]
    else:
        word = unit_name(name, lang)
        if measure and name in _RATES:
            return f"{number} {measure}{word}" if lang == "zh" else f"{number} {measure} {word}"
    if not word:
        return number
    if word.startswith(_GLUED):
        return number + word
    return f"{number} {word}"


def unit_suffix(
    unit: str,
    lang: Language | str | None = None,
    *,
    counted: str | None = None,
    named: bool = False,
    one: bool = False,
) -> str:
    """What :func:`with_unit` adds after a number (``"%"``, ``" 人"``, ``""``).

    >>> unit_suffix("person", "zh"), unit_suffix("percent", "en")
    (' 人', '%')
    """
    return with_unit("", unit, lang, counted=counted, named=named, one=one)
