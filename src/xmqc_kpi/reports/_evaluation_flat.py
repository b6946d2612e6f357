"""Render the evaluation report's :class:`Document` as Markdown or as an XLSX workbook."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._evaluation_model import Document, IndicatorBlock, Table
from ._evaluation_text import words
from ._markup import markdown_escape
from ._provenance import provenance_markdown

__all__ = ["markdown_text", "render_markdown"]

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


def markdown_text(text: str) -> str:
    r"""Text that Markdown shows as itself, on one line, safe inside a table cell.

    An identifier (``school_days``) is shown as code; anything else is escaped by
    :func:`~._markup.markdown_escape` (HTML as entities, markup characters backslash-escaped,
    no live link, line breaks as spaces).

    >>> markdown_text("<script>a|b</script>")
    '&lt;script>a\\|b&lt;/script>'
    >>> markdown_text("school_days"), markdown_text("*x*\n[y]")
    ('`school_days`', '\\*x\\* \\[y\\]')
    """
    if _IDENTIFIER.match(text) and "_" in text:
        return f"`{text}`"
    return markdown_escape(text)


def render_markdown(document: Document) -> str:
    """The report as Markdown tables (the charts are in the HTML version only)."""
    text = words(document.lang)
    parts = [f"# {markdown_text(document.title)}", *(markdown_text(line) for line in document.lead)]
    parts.append(f"## {markdown_text(text.summary)}")
    parts.extend(_table(table, level=3) for table in document.summary)
    parts.append(f"## {markdown_text(document.not_met.title)}")
    parts.append(_table(document.not_met, level=None))
    parts.append(f"## {markdown_text(document.warnings.title)}")
    parts.append(_table(document.warnings, level=None))
    parts.append(f"## {markdown_text(text.indicators)}")
    parts.append(f"*{markdown_text(text.charts_omitted)}*")
    parts.extend(_indicator(block, text.colon) for block in document.indicators)
    parts.append(f"## {markdown_text(text.matrix)}")
    parts.append(markdown_text(document.matrix_note))
    parts.extend(_table(table, level=3) for table in document.matrices)
    parts.append(f"## {markdown_text(document.inputs_wide.title)}")
    parts.append(_table(document.inputs_wide, level=None))
    parts.append(provenance_markdown(document.provenance))
    return "\n\n".join(parts) + "\n"


def _indicator(block: IndicatorBlock, colon: str) -> str:
    facts = "\n".join(
        f"- **{markdown_text(label)}**{colon}{markdown_text(value)}" for label, value in block.facts
    )
    return (
        f'<a id="{block.id}"></a>\n\n### {markdown_text(block.heading)}\n\n'
        f"**{markdown_text(block.headline)}**\n\n{facts}\n\n"
        f"> {markdown_text(block.quote)}\n\n{_table(block.table, level=None)}"
    )


def _table(table: Table, *, level: int | None) -> str:
    lines = []
    if level is not None and table.title:
        lines.append(f"{'#' * level} {markdown_text(table.title)}\n")
    if table.note:
        lines.append(f"{markdown_text(table.note)}\n")
    lines.append(_row(table.header))
    lines.append("|" + "|".join(" --- " for _ in table.header) + "|")
    lines.extend(_row([cell.text for cell in row]) for row in table.rows)
    if not table.rows:
        lines = lines[:-2]  # a table without rows shows its note alone
    folded = "".join(f"\n- {markdown_text(line.text)}" for line in table.folded)
    return "\n".join(lines) + ("\n" + folded if folded else "")


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(markdown_text(cell) for cell in cells) + " |"
