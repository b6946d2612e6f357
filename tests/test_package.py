"""The top-level package: each public name resolves lazily; importing it loads nothing heavy."""

import subprocess
import sys

import pytest

import xmqc_kpi as kpi


@pytest.mark.parametrize("name", kpi.__all__)
def test_every_public_name_resolves_from_its_module(name: str) -> None:
    """A name of ``__all__`` is the object of the same name in the module that defines it."""
    attribute = getattr(kpi, name)
    assert attribute is getattr(sys.modules[f"xmqc_kpi.{kpi._MODULE_OF[name]}"], name)


def test_all_lists_exactly_the_lazy_exports() -> None:
    """``__all__`` and the table that drives the lazy imports name the same objects."""
    assert sorted(kpi.__all__) == sorted(kpi._MODULE_OF)
    assert set(kpi.__all__) <= set(dir(kpi))


def test_unknown_attribute_is_an_attribute_error() -> None:
    """A misspelt name fails like on any module, naming the name."""
    with pytest.raises(AttributeError, match="evalute"):
        _ = kpi.evalute


def test_import_loads_no_dependency_and_no_declaration() -> None:
    """``import xmqc_kpi`` imports neither pandas, pint nor pydantic, nor builds the catalog."""
    code = (
        "import sys, xmqc_kpi\n"
        "heavy = {'pandas', 'pint', 'pydantic', 'numpy', 'xmqc_kpi.indicators'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


def test_evaluate_stays_the_function_after_the_engine_module_is_imported() -> None:
    """Importing a submodule first does not shadow a public function of the package."""
    code = (
        "import xmqc_kpi.demo, xmqc_kpi.catalogs, xmqc_kpi as kpi\n"
        "print(callable(kpi.evaluate), type(kpi.catalog()).__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["True", "Catalog"]
