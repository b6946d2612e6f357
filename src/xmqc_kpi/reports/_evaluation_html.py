"""Render the evaluation report's :class:`Document` as one self-contained HTML page.

The page reads summary first: the counts, then every target not met with its explanation,
then one section per indicator (a headline, its facts, its charts, its table with the rows
lacking data folded into one line each), then the annexes (the status matrices, the inputs).
A small inline script offers filters (status, region, section, responsible unit); without
script, and in print, the page shows everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..text import Language
from ..text.report_print import READING
from ..text.statuses import status_word
from ._evaluation_indicators import chart_svg
from ._evaluation_model import Cell, Document, Filter, IndicatorBlock, Table
from ._evaluation_text import STATUS_SYMBOLS, words
from ._markup import escape, html_page
from ._provenance import provenance_html

__all__ = ["FILTER_SCRIPT", "render_html"]

#: Ids of the report's own sections: hyphenated, so never equal to an indicator id.
_WARNINGS = "report-warnings"
_SUMMARY, _NOT_MET, _MATRIX, _INDICATORS, _INPUTS = (
    "report-summary",
    "report-not-met",
    "report-matrix",
    "report-indicators",
    "report-inputs",
)

_EXTRA_CSS = """
table.matrix, table.inputs { font-size: .82em; }
table.inputs td:nth-child(-n+4) { white-space: normal; }
table.matrix td { white-space: nowrap; }
table.matrix td:first-child { white-space: normal; min-width: 12em; }
td[class*="status-"], th.status { white-space: nowrap; min-width: 4.5em; }
div.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
             gap: 0 1em; }
figure.chart { margin: .4em 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { color: var(--muted); font-size: .9em; }
p.legend .status { margin-right: .6em; }
p.headline { font-weight: 600; margin: .2em 0 .4em; }
section.indicator td:nth-child(-n+2) { white-space: nowrap; }
section.indicator h3 { border-top: 1px solid var(--rule); padding-top: .6em; }
section.indicator table { font-size: .86em; }
tr.folded td { background: #fdf6dc; }
form.filters { display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: center;
               padding: .4em .6em; background: #eef2f7; border-radius: 4px; }
form.filters[hidden], p.filter-none[hidden] { display: none; }
form.filters label { white-space: nowrap; }
form.filters select { max-width: 16em; }
@media screen { .filtered-out { display: none; } }
@media print {
  form.filters, p.filter-none { display: none; }
  div.charts { grid-template-columns: 1fr 1fr; }
  table { line-height: 1.3; }
  td, th { padding: .12em .3em; }
  section.indicator h3, p.headline { break-after: avoid; page-break-after: avoid; }
}
"""

#: The filters' script: shows only the rows whose tags match every choice, and the indicator
#: sections of the chosen section and unit that keep a row (when a status or region is chosen).
FILTER_SCRIPT = """
(function () {
  var form = document.getElementById("report-filters");
  if (!form) { return; }
  form.hidden = false;
  function matches(element, chosen) {
    for (var key in chosen) {
      var value = element.getAttribute("data-" + key);
      if (chosen[key] && value !== null && value.split("|").indexOf(chosen[key]) < 0) {
        return false;
      }
    }
    return true;
  }
  function apply() {
    var chosen = {};
    form.querySelectorAll("select").forEach(function (s) { chosen[s.name] = s.value; });
    document.querySelectorAll("tr[data-status]").forEach(function (row) {
      row.classList.toggle("filtered-out", !matches(row, chosen));
    });
    var rowsChosen = chosen.status || chosen.region;
    var shown = 0;
    document.querySelectorAll("section.indicator").forEach(function (section) {
      var keep = matches(section, {section: chosen.section, unit: chosen.unit}) &&
        (!rowsChosen || section.querySelector("tr[data-status]:not(.filtered-out)") !== null);
      section.classList.toggle("filtered-out", !keep);
      shown += keep ? 1 : 0;
    });
    document.getElementById("filter-none").hidden = shown > 0;
  }
  form.addEventListener("change", apply);
  apply();
})();
"""


def render_html(document: Document) -> str:
    """The report as an HTML page: no external resource; prints on A4 with page numbers."""
    text = words(document.lang)
    lang = document.lang
    body = [
        f"<header>\n<h1>{escape(document.title)}</h1>",
        *(f'<p class="lead">{escape(line)}</p>' for line in document.lead),
        "</header>",
        _contents(document, text.contents),
        f'<section id="{_SUMMARY}">\n<h2>{escape(text.summary)}</h2>',
        *(_table(table, level=3) for table in document.summary),
        "</section>",
        f'<section id="{_NOT_MET}">\n<h2>{escape(document.not_met.title)}</h2>',
        _table(document.not_met, level=None),
        "</section>",
        f'<section id="{_WARNINGS}">\n<h2>{escape(document.warnings.title)}</h2>',
        _table(document.warnings, level=None),
        "</section>",
        f'<section id="{_INDICATORS}">\n<h2>{escape(text.indicators)}</h2>',
        _filters(document.filters, lang),
        *(_indicator(block) for block in document.indicators),
        "</section>",
        f'<section id="{_MATRIX}">\n<h2>{escape(text.matrix)}</h2>',
        f"<p>{escape(document.matrix_note)}</p>",
        _status_legend(lang),
        *(_table(table, level=3, css="matrix") for table in document.matrices),
        "</section>",
        f'<section id="{_INPUTS}">\n<h2>{escape(document.inputs.title)}</h2>',
        _table(document.inputs_wide, level=None, css="inputs"),
        "</section>",
        provenance_html(document.provenance),
    ]
    return html_page(
        document.title, "\n".join(body), lang=lang, extra_css=_EXTRA_CSS, script=FILTER_SCRIPT
    )


def _contents(document: Document, heading: str) -> str:
    text = words(document.lang)
    indicators = "".join(
        f'<li><a href="#{escape(block.id)}">{escape(block.heading)}</a></li>'
        for block in document.indicators
    )
    return (
        f'<nav class="toc">\n<h2>{escape(heading)}</h2>\n<ol>'
        f'<li><a href="#{_SUMMARY}">{escape(text.summary)}</a></li>'
        f'<li><a href="#{_NOT_MET}">{escape(document.not_met.title)}</a></li>'
        f'<li><a href="#{_WARNINGS}">{escape(document.warnings.title)}</a></li>'
        f'<li><a href="#{_INDICATORS}">{escape(text.indicators)}</a><ol>{indicators}</ol></li>'
        f'<li><a href="#{_MATRIX}">{escape(text.matrix)}</a></li>'
        f'<li><a href="#{_INPUTS}">{escape(document.inputs.title)}</a></li>'
        "</ol>\n</nav>"
    )


def _filters(filters: tuple[Filter, ...], lang: Language) -> str:
    """The filter form, hidden until the script shows it (useless without script)."""
    every = escape(READING.say("filter_all", lang))
    fields = "".join(
        f'<label>{escape(item.label)} <select name="{escape(item.key)}">'
        f'<option value="">{every}</option>'
        + "".join(
            f'<option value="{escape(value)}">{escape(label)}</option>'
            for value, label in item.options
        )
        + "</select></label>"
        for item in filters
    )
    note = escape(READING.say("filter_note", lang))
    none = escape(READING.say("filter_none", lang))
    return (
        f'<form class="filters" id="report-filters" hidden>'
        f"<strong>{escape(READING.say('filters', lang))}</strong>{fields}"
        f'<span class="muted">{note}</span></form>\n'
        f'<p class="filter-none" id="filter-none" hidden>{none}</p>'
    )


def _status_legend(lang: Language) -> str:
    items = "".join(
        f'<span class="status status-{escape(status)}">{escape(symbol)} '
        f"{escape(status_word(status, lang))}</span>"
        for status, symbol in STATUS_SYMBOLS.items()
    )
    return f'<p class="legend">{items}</p>'


def _data(tags: Mapping[str, str]) -> str:
    """The filters' tags as ``data-*`` attributes (sorted, so the bytes never vary)."""
    return "".join(f' data-{key}="{escape(tags[key])}"' for key in sorted(tags))


def _indicator(block: IndicatorBlock) -> str:
    facts = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in block.facts
    )
    charts = "".join(
        f'<figure class="chart">\n{chart_svg(kind, chart)}\n'
        f"<figcaption>{escape(chart.title)}</figcaption>\n</figure>\n"
        for kind, chart in block.charts
    )
    return (
        f'<section class="indicator" id="{escape(block.id)}"{_data(block.tags)}>\n'
        f"<h3>{escape(block.heading)}</h3>\n"
        f'<p class="headline">{escape(block.headline)}</p>\n<dl>{facts}</dl>\n'
        f'<blockquote>{escape(block.quote)}</blockquote>\n<div class="charts">\n{charts}</div>\n'
        f"{_table(block.table, level=None)}\n</section>"
    )


def _table(table: Table, *, level: int | None, css: str = "") -> str:
    heading = f"<h{level}>{escape(table.title)}</h{level}>\n" if level and table.title else ""
    note = f'<p class="muted">{escape(table.note)}</p>\n' if table.note else ""
    attributes = f' id="{escape(table.key)}"' + (f' class="{css}"' if css else "")
    status_column = _status_column(table)
    header = "".join(
        f'<th class="status">{escape(title)}</th>'
        if i == status_column
        else f"<th>{escape(title)}</th>"
        for i, title in enumerate(table.header)
    )
    folded = "".join(
        f'\n<tr class="folded"{_data(line.tags)}>'
        f'<td colspan="{len(table.header)}">'
        f"{escape(line.text)}</td></tr>"
        for line in table.folded
    )
    return (
        f"{heading}{note}<table{attributes}>\n<thead><tr>{header}</tr></thead>\n<tbody>\n"
        f"{_rows(table.rows, table.tags)}{folded}\n</tbody>\n</table>"
    )


def _status_column(table: Table) -> int | None:
    """The column of a table whose every cell is a status (it must never wrap)."""
    if not table.rows or table.key.startswith("summary") or table.key.startswith("matrix"):
        return None
    return next(
        (i for i, cell in enumerate(table.rows[0]) if cell.status is not None and not cell.numeric),
        None,
    )


def _rows(rows: Iterable[tuple[Cell, ...]], tags: tuple[Mapping[str, str], ...]) -> str:
    listed = list(rows)
    marks = [_data(tag) for tag in tags] if tags else [""] * len(listed)
    return "\n".join(
        f"<tr{mark}>" + "".join(_cell(cell) for cell in row) + "</tr>"
        for row, mark in zip(listed, marks, strict=True)
    )


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
