"""Rendering helpers shared by the reports: escaping, the HTML page, safe spreadsheet cells.

Everything here is deterministic (no timestamps, no random ids), so a report rendered twice
from the same input is byte-identical, and safe: text is HTML-escaped once, where it enters
the markup, and spreadsheet cells that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..safe_text import replace_controls
from ..text.report_print import READING

__all__ = [
    "STATUS_COLOURS",
    "csv_text",
    "escape",
    "html_page",
    "markdown_escape",
    "neutralise_cell",
    "write_output",
]

#: Background colours of the four statuses (colour-blind-safe, readable in grey print).
STATUS_COLOURS: Mapping[str, str] = {
    "met": "#cfe8cf",
    "not_met": "#f6c6c1",
    "insufficient_data": "#fbe6a6",
    "not_assessed": "#dcdcdc",
}

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_CSS = """
:root { --ink: #1d2733; --muted: #5b6675; --rule: #c9d1db; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); line-height: 1.5;
       margin: 0 auto; padding: 1.5rem 2rem; max-width: 60rem; font-size: 10.5pt; }
h1 { font-size: 1.6em; margin: 0 0 .3em; }
h2 { font-size: 1.25em; border-bottom: 2px solid var(--accent); padding-bottom: .15em;
     margin-top: 1.8em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .3em; }
p.lead, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }
th, td { border: 1px solid var(--rule); padding: .25em .45em; text-align: left;
         vertical-align: top; }
th { background: #eef2f7; }
thead { display: table-header-group; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .4em 0; }
dt { color: var(--muted); }
dd { margin: 0; }
blockquote { margin: .3em 0; padding: .2em .8em; border-left: 3px solid var(--rule);
             background: #f7f9fb; }
section.indicator { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.2em; }
.status { display: inline-block; padding: 0 .4em; border-radius: 3px; }
.status-met { background: #cfe8cf; }
.status-not_met { background: #f6c6c1; }
.status-insufficient_data { background: #fbe6a6; }
.status-not_assessed { background: #dcdcdc; }
svg { max-width: 100%; height: auto; }
nav.toc ol { columns: 2; font-size: .92em; }
nav.toc li { break-inside: avoid; }
nav.toc > ol { columns: 1; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, svg, figure, dl, blockquote { break-inside: avoid; page-break-inside: avoid; }
  section.indicator { break-inside: auto; page-break-inside: auto; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def escape(value: object) -> str:
    """HTML-escape any value's text (quotes included), so it always renders as text.

    Control characters are replaced too (:func:`~xmqc_kpi.safe_text.replace_controls`).

    >>> escape("<script>alert('1')</script>")
    '&lt;script&gt;alert(&#x27;1&#x27;)&lt;/script&gt;'
    >>> escape(None)
    ''
    """
    return "" if value is None else html.escape(replace_controls(str(value)), quote=True)


#: Markdown's markup characters, escaped with a backslash wherever they could act: always
#: ``\ ` * [ ] | ~``, ``_`` unless inside a word (GFM never emphasises intraword), ``#`` at
#: the start.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]|~])|(?<!\w)_|_(?!\w)|^#")
#: What starts raw HTML (a tag, a comment, a declaration) or a character reference.
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])|&(?=#?\w+;)")
#: What makes a live link of plain text in GitHub-flavoured Markdown: a scheme or ``www.``.
_LINK_STARTS = re.compile(r"(?i)(:)(//)|\b(www)(\.)")


def markdown_escape(text: str) -> str:
    r"""Text that Markdown shows as itself, inert, on one line (safe in a table cell).

    Like :func:`escape` for HTML: whatever would start raw HTML becomes an entity (a Markdown
    renderer passes HTML through), Markdown's markup characters are backslash-escaped where
    they could act (no link, image or emphasis), URLs and ``www.`` are broken with an entity
    so that no live link is made, control characters are replaced and line breaks become
    spaces. Text with none of these reads as itself (``value < 96``, ``snake_case``).

    >>> markdown_escape("<img src=x onerror=alert(1)>")
    '&lt;img src=x onerror=alert(1)>'
    >>> markdown_escape("[click](javascript:alert(1)) a|b")
    '\\[click\\](javascript:alert(1)) a\\|b'
    >>> markdown_escape("see http://x.example and www.x.example")
    'see http:&#47;&#47;x.example and www&#46;x.example'
    >>> markdown_escape("value < 96, not_assessed, _x_")
    'value < 96, not_assessed, \\_x\\_'
    """
    escaped = _HTML_START.sub(lambda m: "&lt;" if m[0] == "<" else "&amp;", replace_controls(text))
    escaped = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m[0], escaped)
    escaped = _LINK_STARTS.sub(lambda m: f"{m[1]}&#47;&#47;" if m[1] else f"{m[3]}&#46;", escaped)
    return " ".join(escaped.splitlines()).strip()


def html_page(
    title: str, body: str, *, lang: str = "zh", extra_css: str = "", script: str = ""
) -> str:
    """A complete, self-contained HTML document: inline CSS, no external resource.

    ``title`` is escaped here; ``body`` is markup the caller built from escaped parts;
    ``script`` (the caller's own code, never data) is inlined at the end of the body. Printed,
    the page is A4 with its number at the foot (:func:`page_rule`).

    >>> page = html_page("A & B", "<p>x</p>", lang="en")
    >>> page.startswith("<!DOCTYPE html>") and "<title>A &amp; B</title>" in page
    True
    """
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}{page_rule(lang)}{extra_css}</style>\n"
        f"</head>\n<body>\n{body}\n{_script(script)}</body>\n</html>\n"
    )


def _script(code: str) -> str:
    return f"<script>{code}</script>\n" if code else ""


def page_rule(lang: str) -> str:
    """The ``@page`` rule: A4, and "page n of m" at the foot in the page's language.

    >>> "counter(page)" in page_rule("en") and "counter(pages)" in page_rule("en")
    True
    """
    counters = READING.say(
        "page", "en" if lang == "en" else "zh", page='" counter(page) "', pages='" counter(pages) "'
    )
    return (
        "\n@page { size: A4; margin: 14mm 13mm 16mm;\n"
        f'  @bottom-center {{ content: "{counters}"; font-size: 8pt; color: #5b6675; }} }}\n'
    )


def neutralise_cell(value: Any) -> Any:
    r"""Return a text cell that a spreadsheet would run as a formula with a leading apostrophe.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed
    with ``'`` (the OWASP advice for CSV injection); control characters are replaced (XLSX
    cannot hold them, a terminal would obey them); numbers and other values pass unchanged.

    >>> neutralise_cell('=HYPERLINK("http://x")')
    '\'=HYPERLINK("http://x")'
    >>> neutralise_cell("-3"), neutralise_cell(-3), neutralise_cell("思明区")
    ("'-3", -3, '思明区')
    """
    if isinstance(value, str):
        value = replace_controls(value)
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    r"""Rows as CSV text (``\n`` line ends), every text cell neutralised.

    Write it with ``encoding="utf-8-sig"`` so that Excel opens the Chinese text correctly.

    >>> csv_text(["a", "b"], [["=1+1", 2]])
    "a,b\n'=1+1,2\n"
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise_cell(cell) for cell in header])
    for row in rows:
        writer.writerow(["" if cell is None else neutralise_cell(cell) for cell in row])
    return buffer.getvalue()


def write_output(content: str | bytes, path: str | os.PathLike[str]) -> Path:
    """Write a rendered report (text as UTF-8) to ``path`` and return the path."""
    target = Path(path)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return target
