"""The evaluation report as a structured document, before any rendering.

The builder fills these frozen records from an :class:`~xmqc_kpi.Evaluation`; the HTML,
Markdown and XLSX renderers only lay them out. Texts are plain (unescaped): each renderer
escapes them where they enter its markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..results import Language
from .svg import Chart

__all__ = ["Cell", "Document", "IndicatorBlock", "Table"]


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


@dataclass(frozen=True, slots=True)
class IndicatorBlock:
    """Everything the report says about one indicator."""

    id: str
    heading: str
    #: (label, text) pairs: clause, threshold, deadline, responsible units …
    facts: tuple[tuple[str, str], ...]
    quote: str
    table: Table
    #: Each chart with how to draw it: ``"dots"`` across regions, ``"lines"`` across periods.
    charts: tuple[tuple[Literal["dots", "lines"], Chart], ...]


@dataclass(frozen=True, slots=True)
class Document:
    """The whole report: a lead, the summary, the matrices, the indicators and the inputs."""

    title: str
    lang: Language
    lead: tuple[str, ...]
    summary: tuple[Table, ...]
    matrix_note: str
    matrices: tuple[Table, ...]
    indicators: tuple[IndicatorBlock, ...]
    inputs: Table
    #: The assessments as :meth:`~xmqc_kpi.Evaluation.to_frame` gives them (for spreadsheets).
    assessments: Table
