"""xmqc_kpi: the quantitative targets of Xiamen's quality-city plan as typed, exact indicators.

>>> import xmqc_kpi as kpi
>>> result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
>>> sorted(set(result.to_frame()["status"]))
['insufficient_data', 'met', 'not_assessed', 'not_met']
"""

from .catalog import Catalog, CatalogError, catalog, dump_catalog, load_catalog
from .errors import DataError, DataProblem
from .evaluate import evaluate
from .formulas import Ratio, Value, ratio, value
from .indicator import Clause, Indicator, Input, Responsible
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

__all__ = [
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
    "DataProblem",
    "Evaluation",
    "Indicator",
    "Input",
    "Monitored",
    "Ratio",
    "Reason",
    "Responsible",
    "SampleData",
    "Status",
    "Threshold",
    "TopAmongPeers",
    "Trend",
    "Value",
    "catalog",
    "dump_catalog",
    "evaluate",
    "input_template",
    "load_catalog",
    "ratio",
    "sample_data",
    "value",
    "write_input_template",
]
