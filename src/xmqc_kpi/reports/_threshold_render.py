"""Renderers of the threshold report: one function per format, each laying out the document.

Every renderer reads a :class:`~._threshold_model.ThresholdDocument` and nothing else, so the
formats say the same things; each escapes text where it enters its syntax (``|`` in Markdown
table cells, everything in HTML, formula-like cells in CSV and XLSX).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text import Language
from ._markup import csv_text, escape, html_page, markdown_escape, xlsx_bytes
from ._threshold_model import (
    DISCREPANCY_COLUMNS,
    INDICATOR_COLUMNS,
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

#: HTML ids of the report's three parts; indicator ids (snake_case) never contain ``-``.
_RULES_ID, _INDICATORS_ID, _DISCREPANCIES_ID = "report-rules", "report-indicators", "report-notes"


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
    section = f"{row.section} {row.section_title}".strip()
    return (
        _Fact(labels.id, row.id, code=True),
        _Fact(labels.clause, row.clause),
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
        f"## {labels.rules}",
        labels.rules_lead,
        _md_table(
            (labels.wording, labels.meaning, labels.note, labels.in_force),
            ((r.wording, r.meaning, r.note, r.in_force) for r in document.rules),
        ),
        f"## {labels.indicators}",
        *(_md_indicator(document, row) for row in document.indicators),
        f"## {labels.discrepancies}",
        document.discrepancy_note,
    ]
    if document.discrepancies:
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
    return "\n\n".join(parts) + "\n"


def _md_indicator(document: ThresholdDocument, row: IndicatorRow) -> str:
    colon = document.labels.colon
    lines = [f"### {_md_text(_heading(row, document.lang))}", ""]
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
            f'<section id="{_RULES_ID}">\n<h2>{escape(labels.rules)}</h2>\n'
            f"<p>{escape(labels.rules_lead)}</p>\n"
            + _html_table(
                (labels.wording, labels.meaning, labels.note, labels.in_force),
                ((r.wording, r.meaning, r.note, r.in_force) for r in document.rules),
                labels.blank,
            )
            + "\n</section>",
            f'<section id="{_INDICATORS_ID}">\n<h2>{escape(labels.indicators)}</h2>',
            *(_html_indicator(document, row) for row in document.indicators),
            "</section>",
            _html_discrepancies(document),
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
    entries = "".join(
        f'<li><a href="#{escape(row.id)}">{escape(_heading(row, document.lang))}</a></li>\n'
        for row in document.indicators
    )
    return (
        f'<nav class="toc">\n<h2>{escape(labels.contents)}</h2>\n<ol>\n'
        f'<li><a href="#{_RULES_ID}">{escape(labels.rules)}</a></li>\n'
        f'<li><a href="#{_INDICATORS_ID}">{escape(labels.indicators)}</a>\n<ol>\n{entries}</ol>'
        "</li>\n"
        f'<li><a href="#{_DISCREPANCIES_ID}">{escape(labels.discrepancies)}</a></li>\n'
        "</ol>\n</nav>"
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
        f"<h3>{escape(_heading(row, document.lang))}</h3>\n"
        f"<dl>\n{facts}</dl>\n"
        "</section>"
    )


def _html_discrepancies(document: ThresholdDocument) -> str:
    labels = document.labels
    table = ""
    if document.discrepancies:
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
        "discrepancy_note": document.discrepancy_note,
        "discrepancies": [
            {**entry.record(), "clauses": list(entry.clauses), "indicators": list(entry.indicators)}
            for entry in document.discrepancies
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_xlsx(document: ThresholdDocument) -> bytes:
    """A workbook with the sheets ``rules``, ``indicators`` and ``discrepancies``."""
    sheets = {
        "rules": (RULE_COLUMNS, [list(rule.record().values()) for rule in document.rules]),
        "indicators": (
            INDICATOR_COLUMNS,
            [list(row.record().values()) for row in document.indicators],
        ),
        "discrepancies": (
            DISCREPANCY_COLUMNS,
            [list(entry.record().values()) for entry in document.discrepancies],
        ),
    }
    widths = {
        "rules": (20, 28, 40, 60, 28),
        # id, clause_table … interpretation, as INDICATOR_COLUMNS
        "indicators": (
            *(30, 10, 10, 8, 20, 24, 30, 40, 40, 50, 14),
            *(24, 16, 8, 14, 40, 14, 12, 10, 36, 12, 60),
        ),
        "discrepancies": (24, 16, 60, 40, 40),
    }
    return xlsx_bytes(sheets, widths=widths)
