"""The shipped table of pint's answers: what pint says today, and pint left unloaded by it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from xmqc_kpi import _unit_table, units

TABLE_FILE = Path(__file__).parent.parent / "src" / "xmqc_kpi" / "data" / "unit_table.json"


def test_the_shipped_table_is_what_pint_answers() -> None:
    """Regenerate with ``XMQC_KPI_REGENERATE=1 pytest tests/test_unit_table.py``."""
    built = _unit_table.build()
    if os.environ.get("XMQC_KPI_REGENERATE") == "1":
        TABLE_FILE.write_text(_unit_table.dumps(built), encoding="utf-8")
        units._shipped_table.cache_clear()
    assert units.unit_table() == built, "run XMQC_KPI_REGENERATE=1 pytest tests/test_unit_table.py"
    assert TABLE_FILE.read_text(encoding="utf-8") == _unit_table.dumps(built)


def test_the_table_answers_as_pint_for_each_entry() -> None:
    table = units.unit_table()
    assert table.names["亿元"] == ("yi_yuan", True)
    assert table.units[(("yi_yuan", 1),)] == ("yi_yuan", "[currency]", 0)
    assert table.factors[(("wan_yuan", 1),), (("yi_yuan", 1),)] == 0.0001
    for name, answer in table.names.items():
        assert units.pint_name(name) == answer
    for factors, facts in table.units.items():
        assert units.pint_facts(factors) == facts
    for (source, target), factor in table.factors.items():
        assert units.pint_factor(source, target) == factor


def test_evaluating_the_sample_never_imports_pint() -> None:
    """A service or a clerk's command on the plan's units does not pay for pint's registry."""
    code = (
        "import sys; import xmqc_kpi as kpi; "
        "result = kpi.evaluate(kpi.catalog(supplementary=True), **kpi.sample_data(), "
        "as_of='2015-12-31'); result.to_json(); result.to_frame('en'); "
        "print(sorted(m for m in sys.modules if m == 'pint' or m.startswith('pint.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "name"), [("inch", "inch"), ("吨", None), ("kilowatt_hour", "kilowatt_hour")]
)
def test_a_unit_outside_the_table_is_asked_of_pint(text: str, name: str | None) -> None:
    assert text not in units.unit_table().names
    if name is None:
        with pytest.raises(units.UnitError) as raised:
            units.parse_unit(text)
        assert raised.value.code == "unit_unknown"
    else:
        assert units.parse_unit(text).name == name
