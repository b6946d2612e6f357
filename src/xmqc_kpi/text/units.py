"""Unit display names in Chinese and English: never a pint code where a person reads.

MINIMAL TABLE written by helper B (reports) because the reports needed it first; helper A owns
this module and extends it (measure words, the written form after a number, every unit of the
registry). Keys are the registry's normalised unit names (:func:`xmqc_kpi.units.normalise_unit`):
callers normalise first, so the wording layer does not load the unit registry.

>>> unit_name("meter ** 2", "zh"), unit_name("meter ** 2", "en"), unit_name("count", "zh")
('平方米', 'm²', '个')
>>> unit_name("index_point", "en"), unit_name("no_such_unit", "zh")
('points', 'no_such_unit')
"""

from __future__ import annotations

from ._language import Language
from ._words import Words, WordTable

__all__ = ["UNIT_NAMES", "unit_name"]

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


def unit_name(unit: str, lang: Language | str | None = None) -> str:
    """The display name of the normalised ``unit`` in ``lang``; one the table lacks, as given."""
    return UNIT_NAMES.say(unit, lang) if unit in UNIT_NAMES else unit
