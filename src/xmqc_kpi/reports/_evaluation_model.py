"""The evaluation report as a structured document, before any rendering.

The builder fills these frozen records from an :class:`~xmqc_kpi.Evaluation`; the HTML,
Markdown and XLSX renderers only lay them out. Texts are plain (unescaped): each renderer
escapes them where they enter its markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..payload import Provenance
from ..results import Language
from .svg import Chart, ProgressChart

__all__ = ["Cell", "Document", "Filter", "Folded", "IndicatorBlock", "Table"]


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its text, its raw value for spreadsheets, and how to show it.

    >>> Cell("96.67", 96.67, numeric=True).status is None
    True
    """

    text: str
    #: The value a spreadsheet gets (a number stays a number); the text when ``None``.
    raw: object = None
    numeric: bool = False
    #: A status (``"met"`` …): the cell is coloured by it.
    status: str | None = None
    #: An indicator id the cell links to.
    link: str | None = None

    @property
    def value(self) -> object:
        """What a spreadsheet cell holds: the raw value, else the text (``None`` when empty)."""
        if self.raw is not None:
            return self.raw
        return self.text or None


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table; ``key`` names it for renderers and tests (``"summary-overall"``)."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    #: The plain name of what the table is about (the period of a matrix).
    label: str = ""
    #: Per row, what the report's filters read (``{"status": "met", "region": "思明区"}``).
    tags: tuple[Mapping[str, str], ...] = ()
    #: Rows folded into one line each after the table (insufficient data, same reason).
    folded: tuple[Folded, ...] = ()


@dataclass(frozen=True, slots=True)
class Folded:
    """Several rows told in one line: their status, the line, and the filters' tags."""

    status: str
    text: str
    tags: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Filter:
    """One of the report's filters: what it reads (a tag name), its label and its choices."""

    key: str
    label: str
    #: (value, label) pairs, in the order offered.
    options: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class IndicatorBlock:
    """Everything the report says about one indicator."""

    id: str
    heading: str
    #: One line saying how the regions did: 「7 个地区中 5 个达标，2 个未达标」.
    headline: str
    #: (label, text) pairs: clause, threshold, deadline, responsible units …
    facts: tuple[tuple[str, str], ...]
    quote: str
    table: Table
    #: Each chart with how to draw it: ``"dots"`` across regions, ``"lines"`` across periods,
    #: ``"progress"`` across periods up to the deadline (instead of the lines, where any).
    charts: tuple[tuple[Literal["dots", "lines", "progress"], Chart | ProgressChart], ...]
    #: What the report's filters read: the section and the units (``|``-joined); status and
    #: region are read from the table's rows.
    tags: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Document:
    """The whole report: lead, provenance, summary, targets not met, indicators, annexes."""

    title: str
    lang: Language
    lead: tuple[str, ...]
    provenance: Provenance
    summary: tuple[Table, ...]
    #: Every assessment not met, by indicator, with its explanation.
    not_met: Table
    #: Inputs that are valid but implausible (:meth:`~xmqc_kpi.Evaluation.warnings`).
    warnings: Table
    filters: tuple[Filter, ...]
    matrix_note: str
    matrices: tuple[Table, ...]
    indicators: tuple[IndicatorBlock, ...]
    inputs: Table
    #: The same inputs for reading: a row per variable and region, a column per period.
    inputs_wide: Table
    #: The assessments as :meth:`~xmqc_kpi.Evaluation.to_frame` gives them (for spreadsheets).
    assessments: Table
