"""xmqc_kpi: the quantitative targets of Xiamen's quality-city plan as typed, exact indicators.

>>> import xmqc_kpi as kpi
>>> result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
>>> sorted(set(result.to_frame()["status"]))
['insufficient_data', 'met', 'not_assessed', 'not_met']

Every public name is imported on first use (PEP 562), so ``import xmqc_kpi`` and the
``xmqc-kpi --help`` command cost almost nothing; pandas, pint and pydantic load with the first
name that needs them, and the 42 built-in declarations with the first ``catalog()`` call.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, eagerly, for type checkers and IDEs
    from .aggregate import RECORD_KINDS, RecordKind, aggregate_inspections, aggregate_records
    from .catalogs import Catalog, CatalogError, catalog, dump_catalog, load_catalog
    from .engine import Prepared, evaluate, prepare
    from .errors import DataError, DataNote, DataProblem
    from .formulas import Ratio, Value, ratio, value
    from .indicator import Clause, Indicator, Input, Responsible
    from .limits import Limits
    from .payload import EvaluationPayload, result_schema
    from .readers import DataFile, FileProblem, read_data, read_data_file, read_units
    from .reports.evaluation_report import evaluation_report
    from .reports.threshold_report import threshold_report
    from .results import Assessment, Evaluation, Reason, Status
    from .sample import SampleData, sample_data
    from .template import input_template, write_input_template
    from .thresholds import (
        Above,
        All,
        AtLeast,
        AtMost,
        Below,
        BelowBenchmark,
        Monitored,
        Threshold,
        TopAmongPeers,
        Trend,
    )

__version__ = "0.1.0"

_EXPORTS: dict[str, tuple[str, ...]] = {
    "aggregate": ("RECORD_KINDS", "RecordKind", "aggregate_inspections", "aggregate_records"),
    "catalogs": ("Catalog", "CatalogError", "catalog", "dump_catalog", "load_catalog"),
    "errors": ("DataError", "DataNote", "DataProblem"),
    "engine": ("Prepared", "evaluate", "prepare"),
    "formulas": ("Ratio", "Value", "ratio", "value"),
    "indicator": ("Clause", "Indicator", "Input", "Responsible"),
    "limits": ("Limits",),
    "payload": ("EvaluationPayload", "result_schema"),
    "readers": ("DataFile", "FileProblem", "read_data", "read_data_file", "read_units"),
    "reports": ("evaluation_report", "threshold_report"),
    "results": ("Assessment", "Evaluation", "Reason", "Status"),
    "sample": ("SampleData", "sample_data"),
    "template": ("input_template", "write_input_template"),
    "thresholds": (
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
    ),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "RECORD_KINDS",
    "Above",
    "All",
    "Assessment",
    "AtLeast",
    "AtMost",
    "Below",
    "BelowBenchmark",
    "Catalog",
    "CatalogError",
    "Clause",
    "DataError",
    "DataFile",
    "DataNote",
    "DataProblem",
    "Evaluation",
    "EvaluationPayload",
    "FileProblem",
    "Indicator",
    "Input",
    "Limits",
    "Monitored",
    "Prepared",
    "Ratio",
    "Reason",
    "RecordKind",
    "Responsible",
    "SampleData",
    "Status",
    "Threshold",
    "TopAmongPeers",
    "Trend",
    "Value",
    "aggregate_inspections",
    "aggregate_records",
    "catalog",
    "dump_catalog",
    "evaluate",
    "evaluation_report",
    "input_template",
    "load_catalog",
    "prepare",
    "ratio",
    "read_data",
    "read_data_file",
    "read_units",
    "result_schema",
    "sample_data",
    "threshold_report",
    "value",
    "write_input_template",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first access and keep it in the namespace."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    attribute = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = attribute
    return attribute


def __dir__() -> list[str]:
    """List the public names with the module's own attributes."""
    return sorted([*__all__, "__version__"])
