"""Renderers of the threshold report: one function per format, each laying out the document.

Every renderer reads a :class:`~._threshold_model.ThresholdDocument` and nothing else, so the
formats say the same things; each escapes text where it enters its syntax (``|`` in Markdown
table cells, everything in HTML, formula-like cells in CSV and XLSX).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..text import Language
from ..text.spreadsheets import THRESHOLD_SHEETS
from ..text.threshold_report import THRESHOLD_COLUMNS, THRESHOLD_REPORT
from ._markup import csv_text, escape, html_page, markdown_escape
from ._provenance import provenance_html, provenance_markdown, provenance_rows
from ._sheets import Sheet, Styled, number_format, sheets_bytes
from ._threshold_model import (
    CONSIDERED_COLUMNS,
    DISCREPANCY_COLUMNS,
    INDICATOR_COLUMNS,
    OVERVIEW_COLUMNS,
    RULE_COLUMNS,
    IndicatorRow,
    ThresholdDocument,
)
from ._threshold_text import section_label

__all__ = ["render_csv", "render_html", "render_json", "render_markdown", "render_xlsx"]

#: The table of contents lists the parts in one column and the indicators in two; the
#: discrepancies table gives its text columns room before the list of ids.
_EXTRA_CSS = """
nav.toc > ol { columns: 1; }
nav.toc ol ol { columns: 2; padding-left: 2.5em; }
#report-notes td:nth-child(2), #report-notes td:nth-child(3) { width: 32%; }
"""

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")

#: HTML ids of the report's parts; indicator ids (snake_case) never contain ``-``.
_RULES_ID, _INDICATORS_ID, _DISCREPANCIES_ID = "report-rules", "report-indicators", "report-notes"
_OVERVIEW_ID, _CONSIDERED_ID = "report-overview", "report-considered"
_SUPPLEMENTARY_ID = "report-supplementary"


def _words(key: str, lang: Language, **fields: object) -> str:
    return THRESHOLD_REPORT.say(key, lang, **fields)


def _column(key: str, lang: Language) -> str:
    return THRESHOLD_COLUMNS.say(key, lang)


def _overview_cells(row: IndicatorRow, lang: Language) -> tuple[str, ...]:
    """An overview row: clause, title, threshold in words, deadline, responsible units."""
    clause = row.clause_table or section_label(row.clause_body, lang)
    return (clause, row.title, row.threshold_text, row.deadline, row.responsible)


def _overview_header(lang: Language) -> tuple[str, ...]:
    keys = ("clause", "title", "threshold_text", "deadline", "responsible")
    return tuple(_column(key, lang) for key in keys)


def _considered_header(lang: Language) -> tuple[str, ...]:
    return tuple(_column(key, lang) for key in ("clause", "quote", "reason"))


def _heading(row: IndicatorRow, lang: Language) -> str:
    """``"5.1.2 市级监督抽查合格率"``: the clause and the title in the report's language."""
    clause = row.clause_table or section_label(row.clause_body, lang)
    return f"{clause} {row.title_zh if lang == 'zh' else row.title_en}"


def _clauses(clauses: Iterable[str], lang: Language) -> str:
    """A discrepancy's clauses, their brackets as the language writes them."""
    return ", ".join(section_label(clause, lang) for clause in clauses)


@dataclass(frozen=True, slots=True)
class _Fact:
    """One labelled line of an indicator's entry; ``items`` makes it a list (the inputs)."""

    label: str
    text: str
    items: tuple[str, ...] = ()
    #: Shown as code (the id).
    code: bool = False
    #: Chinese text whatever the report's language (the plan's wording, the Chinese title).
    chinese: bool = False


def _facts(document: ThresholdDocument, row: IndicatorRow) -> tuple[_Fact, ...]:
    """What the report says about an indicator, in reading order."""
    labels = document.labels
    lang = document.lang
    section = f"{section_label(row.section, lang)} {row.section_title}".strip()
    leads = (_Fact(_words("leads", lang), row.leads),) if row.leads else ()
    body_leads = (
        (_Fact(_words("body_leads", lang, place=row.body_place), row.body_leads),)
        if row.body_leads
        else ()
    )
    return (
        _Fact(labels.id, row.id, code=True),
        _Fact(_column("clause", lang), row.clause),
        _Fact(labels.section, section),
        _Fact(labels.title_zh, row.title_zh, chinese=True),
        _Fact(labels.title_en, row.title_en),
        _Fact(labels.quote, row.quote, chinese=True),
        _Fact(labels.formula, row.formula),
        _Fact(labels.inputs, row.inputs_text, items=tuple(item.text for item in row.inputs)),
        _Fact(labels.unit, row.unit),
        _Fact(labels.sampled, row.sampled),
        _Fact(labels.threshold, row.threshold_text),
        _Fact(labels.direction, row.direction),
        _Fact(labels.deadline, row.deadline_text),
        _Fact(labels.responsible, row.responsible_text),
        *leads,
        *body_leads,
        _Fact(labels.interpretation, row.interpretation or labels.blank),
    )


# ---------------------------------------------------------------------------- Markdown


def _md_text(text: str) -> str:
    """Inline Markdown text, inert: one line, HTML and Markdown markup escaped, no live link."""
    return markdown_escape(text)


def _md_cell(text: str) -> str:
    r"""A table cell: inert text on one line, ``|`` escaped (``a|b`` → ``a\|b``), ``—`` if empty."""
    cell = markdown_escape(text)
    return cell if cell else "—"


def _md_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str] = ()
) -> str:
    """A table; ``align`` gives each column's delimiter (``"---:"`` right-aligns)."""
    lines = ["| " + " | ".join(_md_cell(cell) for cell in header) + " |"]
    lines.append("|" + "|".join(align or ["---"] * len(header)) + "|")
    lines += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(document: ThresholdDocument) -> str:
    """GitHub-flavoured Markdown, readable as plain text."""
    labels = document.labels
    lang = document.lang
    parts = [
        f"# {_md_text(document.title)}",
        f"{labels.plan}{labels.colon}{_md_text(document.plan)}",
        _md_table(
            (labels.summary_kind, labels.summary_count),
            [
                *((k.label, str(k.count)) for k in document.kinds),
                (labels.total, str(document.total)),
            ],
            align=("---", "---:"),
        ),
        f"## {_words('overview', lang)}",
        _words("overview_lead", lang),
    ]
    for group in document.sections:
        parts += [
            f"### {_md_text(group.heading)}",
            _md_table(
                _overview_header(lang), (_overview_cells(row, lang) for row in group.indicators)
            ),
        ]
    parts += [
        f"## {labels.rules}",
        labels.rules_lead,
        _md_table(
            (labels.wording, labels.meaning, labels.note, labels.in_force),
            ((r.wording, r.meaning, r.note, r.in_force) for r in document.rules),
        ),
        f"## {labels.indicators}",
    ]
    for group in document.sections:
        parts.append(f"### {_md_text(group.heading)}")
        parts += [_md_indicator(document, row) for row in group.indicators]
    if document.supplementary:
        parts += [f"## {_words('supplementary', lang)}", _words("supplementary_lead", lang)]
        parts += [_md_indicator(document, row) for row in document.supplementary]
    if document.considered:
        parts += [
            f"## {_words('considered', lang)}",
            _words("considered_lead", lang),
            _md_table(
                _considered_header(lang),
                (
                    (c.clause, _words("quoted", lang, quote=c.quote), c.reason)
                    for c in document.considered
                ),
            ),
        ]
    if document.discrepancies:
        parts += [f"## {labels.discrepancies}", document.discrepancy_note]
        parts.append(
            _md_table(
                (labels.clauses, labels.finding, labels.reading, labels.concerns),
                (
                    (
                        _clauses(d.clauses, document.lang),
                        d.finding,
                        d.reading,
                        ", ".join(d.indicators),
                    )
                    for d in document.discrepancies
                ),
            )
        )
    parts.append(provenance_markdown(document.provenance))
    return "\n\n".join(parts) + "\n"


def _md_indicator(document: ThresholdDocument, row: IndicatorRow) -> str:
    colon = document.labels.colon
    lines = [f"#### {_md_text(_heading(row, document.lang))}", ""]
    for fact in _facts(document, row):
        if fact.items:
            lines.append(f"- **{fact.label}**{colon.rstrip()}")
            lines += [f"  - {_md_text(item)}" for item in fact.items]
        else:
            code = fact.code and _IDENTIFIER.match(fact.text) is not None
            text = f"`{fact.text}`" if code else _md_text(fact.text)
            lines.append(f"- **{fact.label}**{colon}{text}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- HTML


def _html_table(header: Sequence[str], rows: Iterable[Sequence[str]], blank: str) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell or blank)}</td>" for cell in row) + "</tr>\n"
        for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


def render_html(document: ThresholdDocument) -> str:
    """A self-contained HTML page (no script, no network) that prints on A4."""
    labels = document.labels
    body = "\n".join(
        (
            _html_header(document),
            _html_toc(document),
            "<main>",
            _html_overview(document),
            f'<section id="{_RULES_ID}">\n<h2>{escape(labels.rules)}</h2>\n'
            f"<p>{escape(labels.rules_lead)}</p>\n"
            + _html_table(
                (labels.wording, labels.meaning, labels.note, labels.in_force),
                ((r.wording, r.meaning, r.note, r.in_force) for r in document.rules),
                labels.blank,
            )
            + "\n</section>",
            f'<section id="{_INDICATORS_ID}">\n<h2>{escape(labels.indicators)}</h2>',
            *(
                f'<h3 id="section-{escape(group.key)}">{escape(group.heading)}</h3>\n'
                + "\n".join(_html_indicator(document, row) for row in group.indicators)
                for group in document.sections
            ),
            "</section>",
            _html_supplementary(document),
            _html_considered(document),
            _html_discrepancies(document),
            provenance_html(document.provenance),
            "</main>",
        )
    )
    return html_page(document.title, body, lang=document.lang, extra_css=_EXTRA_CSS)


def _html_header(document: ThresholdDocument) -> str:
    labels = document.labels
    rows = "".join(
        f'<tr><td>{escape(k.label)}</td><td class="num">{k.count}</td></tr>\n'
        for k in document.kinds
    )
    return (
        f"<header>\n<h1>{escape(document.title)}</h1>\n"
        f'<p class="lead">{escape(labels.plan)}{escape(labels.colon)}{escape(document.plan)}</p>\n'
        f"<table>\n<thead><tr><th>{escape(labels.summary_kind)}</th>"
        f"<th>{escape(labels.summary_count)}</th></tr></thead>\n<tbody>\n{rows}"
        f'<tr><th>{escape(labels.total)}</th><td class="num">{document.total}</td></tr>\n'
        "</tbody>\n</table>\n</header>"
    )


def _html_toc(document: ThresholdDocument) -> str:
    labels = document.labels
    lang = document.lang
    entries = "".join(
        f'<li><a href="#section-{escape(group.key)}">{escape(group.heading)}</a>\n<ol>\n'
        + "".join(
            f'<li><a href="#{escape(row.id)}">{escape(_heading(row, lang))}</a></li>\n'
            for row in group.indicators
        )
        + "</ol></li>\n"
        for group in document.sections
    )
    supplementary = (
        f'<li><a href="#{_SUPPLEMENTARY_ID}">{escape(_words("supplementary", lang))}</a></li>\n'
        if document.supplementary
        else ""
    )
    considered = (
        f'<li><a href="#{_CONSIDERED_ID}">{escape(_words("considered", lang))}</a></li>\n'
        if document.considered
        else ""
    )
    discrepancies = (
        f'<li><a href="#{_DISCREPANCIES_ID}">{escape(labels.discrepancies)}</a></li>\n'
        if document.discrepancies
        else ""
    )
    return (
        f'<nav class="toc">\n<h2>{escape(labels.contents)}</h2>\n<ol>\n'
        f'<li><a href="#{_OVERVIEW_ID}">{escape(_words("overview", lang))}</a></li>\n'
        f'<li><a href="#{_RULES_ID}">{escape(labels.rules)}</a></li>\n'
        f'<li><a href="#{_INDICATORS_ID}">{escape(labels.indicators)}</a>\n<ol>\n{entries}</ol>'
        f"</li>\n{supplementary}{considered}{discrepancies}"
        "</ol>\n</nav>"
    )


def _html_overview(document: ThresholdDocument) -> str:
    lang = document.lang
    blank = document.labels.blank
    tables = "\n".join(
        f"<h3>{escape(group.heading)}</h3>\n"
        + _html_table(
            _overview_header(lang),
            (_overview_cells(row, lang) for row in group.indicators),
            blank,
        )
        for group in document.sections
    )
    return (
        f'<section id="{_OVERVIEW_ID}">\n<h2>{escape(_words("overview", lang))}</h2>\n'
        f"<p>{escape(_words('overview_lead', lang))}</p>\n{tables}\n</section>"
    )


def _html_supplementary(document: ThresholdDocument) -> str:
    if not document.supplementary:
        return ""
    lang = document.lang
    entries = "\n".join(_html_indicator(document, row) for row in document.supplementary)
    return (
        f'<section id="{_SUPPLEMENTARY_ID}">\n<h2>{escape(_words("supplementary", lang))}</h2>\n'
        f"<p>{escape(_words('supplementary_lead', lang))}</p>\n{entries}\n</section>"
    )


def _html_considered(document: ThresholdDocument) -> str:
    if not document.considered:
        return ""
    lang = document.lang
    table = _html_table(
        _considered_header(lang),
        ((c.clause, _words("quoted", lang, quote=c.quote), c.reason) for c in document.considered),
        document.labels.blank,
    )
    return (
        f'<section id="{_CONSIDERED_ID}">\n<h2>{escape(_words("considered", lang))}</h2>\n'
        f"<p>{escape(_words('considered_lead', lang))}</p>\n{table}\n</section>"
    )


def _html_fact(fact: _Fact, lang: str) -> str:
    if fact.items:
        shown = "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in fact.items) + "</ul>"
    else:
        shown = f"<code>{escape(fact.text)}</code>" if fact.code else escape(fact.text)
    marked = ' lang="zh-CN"' if fact.chinese and lang != "zh" else ""
    return f"<dt>{escape(fact.label)}</dt><dd{marked}>{shown}</dd>\n"


def _html_indicator(document: ThresholdDocument, row: IndicatorRow) -> str:
    facts = "".join(_html_fact(fact, document.lang) for fact in _facts(document, row))
    return (
        f'<section class="indicator" id="{escape(row.id)}">\n'
        f"<h4>{escape(_heading(row, document.lang))}</h4>\n"
        f"<dl>\n{facts}</dl>\n"
        "</section>"
    )


def _html_discrepancies(document: ThresholdDocument) -> str:
    labels = document.labels
    if not document.discrepancies:
        return ""
    table = "\n" + _html_table(
        (labels.clauses, labels.finding, labels.reading, labels.concerns),
        (
            (_clauses(d.clauses, document.lang), d.finding, d.reading, ", ".join(d.indicators))
            for d in document.discrepancies
        ),
        labels.blank,
    )
    return (
        f'<section id="{_DISCREPANCIES_ID}">\n<h2>{escape(labels.discrepancies)}</h2>\n'
        f"<p>{escape(document.discrepancy_note)}</p>{table}\n</section>"
    )


# ---------------------------------------------------------------------------- data formats


def render_csv(document: ThresholdDocument) -> str:
    """One row per indicator under :data:`INDICATOR_COLUMNS`; formula-like cells neutralised."""
    return csv_text(
        INDICATOR_COLUMNS,
        (list(row.record().values()) for row in document.indicators),
    )


def render_json(document: ThresholdDocument) -> str:
    """An object with the header, ``"rules"``, ``"indicators"`` and ``"discrepancies"``.

    Keys keep the document's order (header, rules, indicators, discrepancies; each record in
    its columns' order), which is fixed, so the text is stable; Chinese stays as itself.
    """
    payload = {
        "title": document.title,
        "lang": document.lang,
        "plan": document.plan,
        "summary": {
            "total": document.total,
            "kinds": [{"kind": k.kind, "label": k.label, "count": k.count} for k in document.kinds],
        },
        "overview": [
            {
                "section": group.key,
                "heading": group.heading,
                "clauses": [row.id for row in group.indicators],
            }
            for group in document.sections
        ],
        "rules": [rule.record() for rule in document.rules],
        "indicators": [
            {
                **row.record(),
                "inputs": [
                    {"name": i.name, "label_zh": i.label_zh, "unit": i.unit, "text": i.text}
                    for i in row.inputs
                ],
            }
            for row in document.indicators
        ],
        "supplementary": [
            {
                **row.record(),
                "inputs": [
                    {"name": i.name, "label_zh": i.label_zh, "unit": i.unit, "text": i.text}
                    for i in row.inputs
                ],
            }
            for row in document.supplementary
        ],
        "considered": [entry.record() for entry in document.considered],
        "discrepancy_note": document.discrepancy_note,
        "discrepancies": [
            {**entry.record(), "clauses": list(entry.clauses), "indicators": list(entry.indicators)}
            for entry in document.discrepancies
        ],
        "provenance": document.provenance.model_dump(mode="json"),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_xlsx(document: ThresholdDocument) -> bytes:
    """A workbook of filterable tables, sheets named and headed in the report's language.

    Sheets (:data:`~xmqc_kpi.text.spreadsheets.THRESHOLD_SHEETS`) 总览 / Overview (one row per
    indicator under its plan section, the threshold as a number beside its unit), 解读规则 /
    Rules, 指标详情 / Indicators, then, where the report has them, 补充指标 / Supplementary
    indicators, 未列为指标的条款 / Clauses not made indicators and 条款差异 / Discrepancies, and
    来源 / Provenance; every table has fitted widths, an autofilter and a frozen header row
    (:mod:`._sheets`).
    """
    lang = document.lang

    def sheet(key: str, columns: tuple[str, ...], rows: Sequence[Sequence[object]]) -> Sheet:
        header = tuple(_column(column, lang) for column in columns)
        return Sheet(THRESHOLD_SHEETS.say(key, lang), header, rows)

    def threshold(row: IndicatorRow) -> Styled:
        return Styled(row.threshold_value, number_format(None))

    def indicator_cells(row: IndicatorRow) -> list[object]:
        return [
            threshold(row) if column == "threshold" else value
            for column, value in row.record().items()
        ]

    overview = [
        (
            group.heading,
            row.clause_table or section_label(row.clause_body, lang),
            row.title,
            threshold(row),
            row.threshold_unit,
            row.threshold_text,
            row.deadline,
            row.responsible,
        )
        for group in document.sections
        for row in group.indicators
    ]
    sheets = [
        sheet("overview", ("section", *OVERVIEW_COLUMNS), overview),
        sheet("rules", RULE_COLUMNS, _records(document.rules)),
        sheet("indicators", INDICATOR_COLUMNS, [indicator_cells(r) for r in document.indicators]),
    ]
    parts: tuple[tuple[str, tuple[str, ...], list[list[object]]], ...] = (
        ("supplementary", INDICATOR_COLUMNS, [indicator_cells(r) for r in document.supplementary]),
        ("not_indicators", CONSIDERED_COLUMNS, _records(document.considered)),
        ("discrepancies", DISCREPANCY_COLUMNS, _records(document.discrepancies)),
    )
    sheets.extend(sheet(key, columns, rows) for key, columns, rows in parts if rows)
    provenance = [list(pair) for pair in provenance_rows(document.provenance)]
    sheets.append(sheet("provenance", ("fact", "value"), provenance))
    return sheets_bytes(sheets)


class _Record(Protocol):
    """A row of one of the report's tables: its cells by column (``record()``)."""

    def record(self) -> Mapping[str, object]:
        """The row's cells, by column, in the table's order."""


def _records(entries: Iterable[_Record]) -> list[list[object]]:
    """The cells of each row, in column order."""
    return [list(entry.record().values()) for entry in entries]
