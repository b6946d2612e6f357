"""temporary."""
from .errors import DataError, DataProblem
from .evaluate import evaluate
from .indicator import Clause, Indicator, Input, Responsible
from .results import Assessment, Evaluation, Reason, Status
__all__ = ["Assessment", "Clause", "DataError", "DataProblem", "Evaluation", "Indicator", "Input", "Reason", "Responsible", "Status", "evaluate"]
