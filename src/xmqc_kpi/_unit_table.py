"""The table of pint's answers for the plan's units, shipped so that pint loads only when needed.

Importing pint and building its registry costs about half a second of CPU; a service
evaluating the built-in catalog, or a clerk running ``xmqc-kpi validate``, should not pay it
for units the package knows in advance. :func:`build` asks pint itself about every unit the
built-in catalog, its sample data and the input template use (every name token, every
product of powers, every conversion between units of one kind); :func:`dumps` writes it as
``data/unit_table.json``, which :func:`xmqc_kpi.units.unit_table` reads. The tests
(``tests/test_unit_table.py``) check that the shipped table is what pint answers today
(``XMQC_KPI_REGENERATE=1`` rewrites it) and that evaluating the sample never imports pint.

>>> table = units.unit_table()
>>> table.factors[(("wan_yuan", 1),), (("yuan", 1),)]
10000.0
"""

from __future__ import annotations

import json
from itertools import product
from typing import Any

from . import units
from .units import Factors, UnitTable

__all__ = ["build", "dumps"]


def build() -> UnitTable:
    """Ask pint about every unit of the built-in catalog, its sample, template and common units.

    The caches of :mod:`xmqc_kpi.units` are emptied before and after, so that every answer
    comes from pint while the table is collected.
    """
    from .catalogs import catalog
    from .engine import evaluate
    from .sample import sample_data
    from .template import accepted_units

    table = UnitTable({}, {}, {})
    _clear_caches()
    token = units.COLLECTING.set(table)
    try:
        indicators = catalog(supplementary=True)
        texts = set(units.WRITTEN_UNITS)
        sample = sample_data()
        texts |= set(sample["units"].values())
        for indicator in indicators:
            texts |= {indicator.unit, indicator.formula.natural_unit(indicator.input_units)}
            for unit in indicator.input_units.values():
                texts.add(unit)
                texts |= {*accepted_units(unit, "zh"), *accepted_units(unit, "en")}
        parsed = []
        for text in sorted(texts):
            try:
                parsed.append(units.parse_unit(text))
            except units.UnitError:
                continue
        for source, target in product(parsed, repeat=2):
            if units.is_compatible(source.name, target.name):
                units.exact_factor(source.name, target.name)
        result = evaluate(indicators, **sample, as_of="2015-12-31")
        for lang in ("zh", "en"):
            result.to_json(lang)
    finally:
        units.COLLECTING.reset(token)
        _clear_caches()
    return table


def dumps(table: UnitTable) -> str:
    """The table as the JSON that :func:`load` reads: sorted, one entry a line."""
    sections: dict[str, list[list[Any]]] = {
        "names": [[name, *answer] for name, answer in table.names.items()],
        "units": [[_plain(factors), *facts] for factors, facts in table.units.items()],
        "factors": [
            [_plain(source), _plain(target), factor]
            for (source, target), factor in table.factors.items()
        ],
    }
    blocks = []
    for section, rows in sections.items():
        lines = sorted(json.dumps(row, ensure_ascii=False) for row in rows)
        blocks.append(f'"{section}": [\n' + ",\n".join(lines) + "\n]")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


def _plain(factors: Factors) -> list[list[Any]]:
    return [[name, power] for name, power in factors]


def _clear_caches() -> None:
    for cached in (units._parse, units._float_factor, units._exact):
        cached.cache_clear()
