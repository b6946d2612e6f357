"""Render the evaluation report's :class:`Document` as one self-contained HTML page."""

from __future__ import annotations

from collections.abc import Iterable

from ..text import Language
from ..text.statuses import status_word
from ._evaluation_model import Cell, Document, IndicatorBlock, Table
from ._evaluation_text import STATUS_SYMBOLS, words
from ._markup import escape, html_page
from .svg import dot_chart, line_chart

__all__ = ["render_html"]

#: Ids of the report's own sections: hyphenated, so never equal to an indicator id.
_SUMMARY, _MATRIX, _INDICATORS, _INPUTS = (
    "report-summary",
    "report-matrix",
    "report-indicators",
    "report-inputs",
)

_EXTRA_CSS = """
table.matrix { font-size: .82em; }
table.matrix td { white-space: nowrap; }
table.matrix td:first-child { white-space: normal; min-width: 12em; }
figure.chart { margin: .6em 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { color: var(--muted); font-size: .9em; }
p.legend .status { margin-right: .6em; }
section.indicator td:nth-child(-n+2) { white-space: nowrap; }
section.indicator h3 { border-top: 1px solid var(--rule); padding-top: .6em; }
@media print { figure.chart { break-inside: avoid; page-break-inside: avoid; } }
"""


def render_html(document: Document) -> str:
    """The report as an HTML page: no script, no external resource; prints on A4."""
    text = words(document.lang)
    body = [
        f"<header>\n<h1>{escape(document.title)}</h1>",
        *(f'<p class="lead">{escape(line)}</p>' for line in document.lead),
        "</header>",
        _contents(document, text.contents),
        f'<section id="{_SUMMARY}">\n<h2>{escape(text.summary)}</h2>',
        *(_table(table, level=3) for table in document.summary),
        "</section>",
        f'<section id="{_MATRIX}">\n<h2>{escape(text.matrix)}</h2>',
        f"<p>{escape(document.matrix_note)}</p>",
        _status_legend(text.lang),
        *(_table(table, level=3, css="matrix") for table in document.matrices),
        "</section>",
        f'<section id="{_INDICATORS}">\n<h2>{escape(text.indicators)}</h2>',
        *(_indicator(block) for block in document.indicators),
        "</section>",
        f'<section id="{_INPUTS}">\n<h2>{escape(document.inputs.title)}</h2>',
        _table(document.inputs, level=None),
        "</section>",
    ]
    return html_page(document.title, "\n".join(body), lang=document.lang, extra_css=_EXTRA_CSS)


def _contents(document: Document, heading: str) -> str:
    text = words(document.lang)
    indicators = "".join(
        f'<li><a href="#{escape(block.id)}">{escape(block.heading)}</a></li>'
        for block in document.indicators
    )
    return (
        f'<nav class="toc">\n<h2>{escape(heading)}</h2>\n<ol>'
        f'<li><a href="#{_SUMMARY}">{escape(text.summary)}</a></li>'
        f'<li><a href="#{_MATRIX}">{escape(text.matrix)}</a></li>'
        f'<li><a href="#{_INDICATORS}">{escape(text.indicators)}</a><ol>{indicators}</ol></li>'
        f'<li><a href="#{_INPUTS}">{escape(document.inputs.title)}</a></li>'
        "</ol>\n</nav>"
    )


def _status_legend(lang: Language) -> str:
    items = "".join(
        f'<span class="status status-{escape(status)}">{escape(symbol)} '
        f"{escape(status_word(status, lang))}</span>"
        for status, symbol in STATUS_SYMBOLS.items()
    )
    return f'<p class="legend">{items}</p>'


def _indicator(block: IndicatorBlock) -> str:
    facts = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in block.facts
    )
    charts = "".join(
        f'<figure class="chart">\n{dot_chart(chart) if kind == "dots" else line_chart(chart)}\n'
        f"<figcaption>{escape(chart.title)}</figcaption>\n</figure>\n"
        for kind, chart in block.charts
    )
    return (
        f'<section class="indicator" id="{escape(block.id)}">\n'
        f"<h3>{escape(block.heading)}</h3>\n<dl>{facts}</dl>\n"
        f"<blockquote>{escape(block.quote)}</blockquote>\n{charts}"
        f"{_table(block.table, level=None)}\n</section>"
    )


def _table(table: Table, *, level: int | None, css: str = "") -> str:
    heading = f"<h{level}>{escape(table.title)}</h{level}>\n" if level and table.title else ""
    note = f'<p class="muted">{escape(table.note)}</p>\n' if table.note else ""
    attributes = f' id="{escape(table.key)}"' + (f' class="{css}"' if css else "")
    header = "".join(f"<th>{escape(title)}</th>" for title in table.header)
    return (
        f"{heading}{note}<table{attributes}>\n<thead><tr>{header}</tr></thead>\n<tbody>\n"
        f"{_rows(table.rows)}\n</tbody>\n</table>"
    )


def _rows(rows: Iterable[tuple[Cell, ...]]) -> str:
    return "\n".join("<tr>" + "".join(_cell(cell) for cell in row) + "</tr>" for row in rows)


def _cell(cell: Cell) -> str:
    classes = []
    if cell.numeric:
        classes.append("num")
    if cell.status:
        classes.append(f"status-{escape(cell.status)}")
    attribute = f' class="{" ".join(classes)}"' if classes else ""
    content = escape(cell.text)
    if cell.link is not None:
        content = f'<a href="#{escape(cell.link)}">{content}</a>'
    return f"<td{attribute}>{content}</td>"
