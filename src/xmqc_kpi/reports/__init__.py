"""Reports generated from the catalog and from results, never written by hand.

- :func:`threshold_report`: for auditors, every threshold of a catalog traced to its clause,
  wording, responsible units, deadline and interpretation (Markdown, HTML, XLSX, CSV, JSON).
- :func:`evaluation_report`: for officials, the verdicts of an evaluation with a summary, a
  region × indicator matrix, per-indicator charts and the inputs used (HTML, Markdown, XLSX).

Each report is built as a structured document first and rendered second, deterministically:
the same input gives the same bytes. The formats of each report are one registry,
:data:`THRESHOLD_FORMATS` and :data:`EVALUATION_FORMATS` (:mod:`xmqc_kpi.report_formats`):
a new format is one registered renderer.
"""

from ..report_formats import EVALUATION_FORMATS, THRESHOLD_FORMATS
from .evaluation_report import evaluation_report
from .threshold_report import threshold_report

__all__ = ["EVALUATION_FORMATS", "THRESHOLD_FORMATS", "evaluation_report", "threshold_report"]
