"""MkDocs hooks: the pages and tables that come from the package, generated at build time.

Nothing here is copied by hand; every generated text comes from the package itself:

* ``catalog.md`` and ``catalog-zh.md``, the catalog reference: the threshold report of the
  built-in catalog (:func:`xmqc_kpi.threshold_report`, Markdown, English and Chinese), with an
  anchor per indicator id (``catalog.md#municipal_sampling_pass_rate``);
* ``rules.md``: the interpretation rules and the known discrepancies, from
  :data:`xmqc_kpi.interpretation.RULES` and :data:`xmqc_kpi.interpretation.DISCREPANCIES`;
* markers in hand-written pages, replaced by generated text (an unknown marker fails the
  build): ``<!-- xmqc:help [COMMAND] -->`` (the ``--help`` of the command line, from its
  parser), ``<!-- xmqc:input-variables -->`` (the input template's variables),
  ``<!-- xmqc:schema -->`` (the catalog file's JSON Schema);
* Sphinx roles left in docstrings (``:func:`xmqc_kpi.evaluate```) become cross-references
  that autorefs resolves where the object is documented, and plain code where it is not.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import posixpath
import re
from collections.abc import Callable, Iterator
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

#: Width of the generated ``--help`` text (argparse reads ``COLUMNS``).
HELP_COLUMNS = 88

_MARKER = re.compile(r"<!--\s*xmqc:(?P<name>[a-z-]+)(?P<args>[^>]*?)\s*-->")
_ROLE = re.compile(
    r":(?:py:)?(?:func|class|meth|attr|data|mod|exc|obj|const|type):"
    r"<code>(?P<target>[^<]+)</code>"
)


# --------------------------------------------------------------------------- generated pages


def _catalog_page(lang: Literal["zh", "en"]) -> str:
    """The threshold report of the built-in catalog, as a page with an anchor per indicator."""
    from xmqc_kpi import catalog, threshold_report

    report = threshold_report(format="md", lang=lang)
    lines = report.splitlines()
    if not lines or not lines[0].startswith("# "):
        raise PluginError("the threshold report no longer starts with a level-1 heading")
    if lang == "en":
        head = [
            "# Catalog reference",
            "",
            '!!! info "Generated from the catalog"',
            '    This page is `xmqc_kpi.threshold_report(format="md", lang="en")`, rendered at',
            "    build time from the 42 built-in declarations and the supplementary indicators:",
            "    it cannot drift from the code.",
            "    The same report in Chinese: [中文](catalog-zh.md). The shell command",
            "    `xmqc-kpi thresholds -o thresholds.html` writes it as a page of its own; see",
            "    [Reports](reports.md) for the other formats.",
            "",
            f"*{lines[0][2:]}*",
        ]
    else:
        head = [
            "# 指标目录（阈值报告）",
            "",
            '!!! info "由目录生成"',
            '    本页即 `xmqc_kpi.threshold_report(format="md", lang="zh")`，构建时由 42 个内置',
            "    指标声明及补充指标生成，与代码始终一致。英文版：[English](catalog.md)。",
            "",
            f"*{lines[0][2:]}*",
        ]
    body: list[str] = []
    anchored = 0
    for index, line in enumerate(lines[1:], start=1):
        if line.startswith(_ENTRY):  # one indicator's entry, under its plan section's heading
            body.append(f"{line} {{ #{_indicator_id(lines, index)} }}")
            anchored += 1
        elif line.startswith("  - "):  # Python-Markdown nests lists by four spaces
            body.append("  " + line)
        else:
            body.append(line)
    expected = len(catalog(supplementary=True))  # the 42, then the supplementary indicators
    if anchored != expected:
        raise PluginError(
            f"the threshold report has {anchored} {_ENTRY.strip()} entries with an id, "
            f"not one per indicator ({expected})"
        )
    return "\n".join([*head, *body]) + "\n"


#: The heading level of an indicator's entry in the threshold report's Markdown (sections of
#: the plan are one level up).
_ENTRY = "#### "


def _indicator_id(lines: list[str], heading: int) -> str:
    """The id in the ``**ID**`` item under the indicator heading at ``lines[heading]``."""
    for line in lines[heading + 1 : heading + 6]:
        found = re.search(r"\*\*(?:ID|编号|指标编号|标识)\*\*[:：]\s*`([a-z0-9_]+)`", line)
        if found:
            return found.group(1)
    raise PluginError(f"no indicator id under the heading {lines[heading]!r}")


def _rules_page() -> str:
    """The interpretation rules and the known discrepancies, from the interpretation module."""
    from xmqc_kpi import catalog
    from xmqc_kpi.interpretation import DISCREPANCIES, PLAN, RULES

    indicators = catalog()
    out = [
        "# Interpretation rules",
        "",
        '!!! info "Generated from `xmqc_kpi.interpretation`"',
        "    This page is rendered at build time from",
        "    [`RULES`][xmqc_kpi.interpretation.RULES] and",
        "    [`DISCREPANCIES`][xmqc_kpi.interpretation.DISCREPANCIES], the data the threshold",
        "    report states. Every indicator id links to its entry in the",
        "    [catalog reference](catalog.md).",
        "",
        f"The plan, {PLAN.number} ({PLAN.issued}), states its targets in legal Chinese. "
        "These rules say how each kind of wording is read; the threshold kinds that implement "
        "them are described in [Concepts](concepts.md#threshold-kinds).",
        "",
        "## Rules",
        "",
        "| Plan wording | Meaning | Threshold kinds | Indicators |",
        "|---|---|---|---:|",
    ]
    for rule in RULES:
        kinds = ", ".join(f"`{kind}`" for kind in rule.kinds) or "—"
        count = sum(1 for item in indicators if item.threshold.kind in rule.kinds)
        out.append(
            f"| [{rule.wording}](#{rule.key}) | {rule.meaning_en} | {kinds} | "
            f"{count if rule.kinds else '—'} |"
        )
    for rule in RULES:
        out += [
            "",
            f"### {rule.wording} {{ #{rule.key} }}",
            "",
            f"**Meaning**: {rule.meaning_en}  ",
            f"**含义**：{rule.meaning_zh}",
            "",
            rule.note_en,
            "",
            rule.note_zh,
            "",
            f"Key: `{rule.key}`"
            + (f"; threshold kinds: {_codes(rule.kinds)}." if rule.kinds else "."),
        ]
    out += [
        "",
        "## Known discrepancies between the plan's body and its table",
        "",
        "Where the plan's body (items 1–44) and its decomposition table (目标任务分解表) disagree "
        "or are silent, and the reading the built-in catalog adopts.",
    ]
    for item in DISCREPANCIES:
        unknown = [i for i in item.indicator_ids if i not in indicators]
        if unknown:
            raise PluginError(f"discrepancy {item.key!r} names unknown indicators {unknown}")
        links = ", ".join(f"[`{i}`](catalog.md#{i})" for i in item.indicator_ids)
        out += [
            "",
            f"### {', '.join(item.clauses)}: `{item.key}` {{ #{item.key} }}",
            "",
            f"- **Finding**: {item.finding_en}",
            f"- **Reading adopted**: {item.reading_en}",
            f"- **发现**：{item.finding_zh}",
            f"- **采用的理解**：{item.reading_zh}",
            f"- **Indicators**: {links}",
        ]
    return "\n".join(out) + "\n"


def _codes(items: tuple[str, ...]) -> str:
    return ", ".join(f"`{item}`" for item in items)


_PAGES: dict[str, Callable[[], str]] = {
    "catalog.md": lambda: _catalog_page("en"),
    "catalog-zh.md": lambda: _catalog_page("zh"),
    "rules.md": _rules_page,
}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages to the site."""
    for uri, build in _PAGES.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} is generated at build time: delete the file")
        files.append(File.generated(config, uri, content=build()))
    return files


# --------------------------------------------------------------------------- markers


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """Fix the terminal width argparse formats help for."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def help_text(*command: str) -> str:
    """The ``--help`` output of ``xmqc-kpi [COMMAND]``, as its parser prints it.

    In English, the site's language (the command itself speaks Chinese unless told otherwise).
    """
    from xmqc_kpi.cli import main
    from xmqc_kpi.text import using_language

    buffer = io.StringIO()
    with _columns(HELP_COLUMNS), contextlib.redirect_stdout(buffer), using_language("en"):
        try:
            main([*command, "--help"])
        except SystemExit as exit_:
            if exit_.code not in (0, None):
                raise PluginError(f"xmqc-kpi {' '.join(command)} --help failed") from exit_
    return buffer.getvalue().rstrip()


def _help_block(args: list[str], page: Page) -> str:
    command = " ".join(["xmqc-kpi", *args, "--help"])
    return f"```console\n$ {command}\n{help_text(*args)}\n```"


def _relative(page: Page, target: str) -> str:
    """A link from ``page`` to the docs file ``target`` (a path under docs/)."""
    here = posixpath.dirname(page.file.src_uri)
    return posixpath.relpath(target, here or ".")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _input_variables(args: list[str], page: Page) -> str:
    """The input template's variables: name, label, default and accepted units, indicators."""
    from xmqc_kpi import input_template

    template = input_template(periods=[2013])
    catalog_page = _relative(page, "catalog.md")
    rows = [
        "| Variable | 中文标签 | Default unit | Accepted units | Used by |",
        "|---|---|---|---|---|",
    ]
    for record in template.to_dict("records"):
        users = ", ".join(
            f"[`{i}`]({catalog_page}#{i})" for i in str(record["indicators"]).split(", ")
        )
        rows.append(
            f"| `{record['variable']}` | {_cell(str(record['label_zh']))} | "
            f"{_cell(str(record['unit']))} | {_cell(str(record['accepted_units']))} | {users} |"
        )
    return "\n".join(rows)


def _schema(args: list[str], page: Page) -> str:
    """The JSON Schema of catalog files, as the package generates it, in a collapsed block."""
    from xmqc_kpi.catalogs import catalog_json_schema

    text = json.dumps(catalog_json_schema(), ensure_ascii=False, indent=2)
    indented = "\n".join(f"    {line}" if line else "" for line in text.splitlines())
    title = f"catalog.schema.json ({len(text.splitlines())} lines)"
    return f'??? example "{title}"\n\n    ```json\n{indented}\n    ```'


_MARKERS: dict[str, Callable[[list[str], Page], str]] = {
    "help": _help_block,
    "input-variables": _input_variables,
    "schema": _schema,
}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the ``<!-- xmqc:NAME ARGS -->`` markers of a page by generated text."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        generate = _MARKERS.get(name)
        if generate is None:
            known = ", ".join(sorted(_MARKERS))
            raise PluginError(f"{page.file.src_uri}: unknown marker xmqc:{name} (known: {known})")
        return generate(match.group("args").split(), page)

    return _MARKER.sub(replace, markdown)


# --------------------------------------------------------------------------- Sphinx roles


def _public_names() -> dict[str, str]:
    """Top-level public name → the module that defines it (``evaluate`` → ``engine``)."""
    import xmqc_kpi

    exports: dict[str, tuple[str, ...]] = xmqc_kpi._EXPORTS
    return {name: module for module, names in exports.items() for name in names}


def _identifier(target: str) -> str:
    """Where a docstring's role target is documented: ``xmqc_kpi.evaluate`` → its module's."""
    name = target.lstrip(".")
    parts = name.split(".")
    public = _public_names()
    if parts[0] != "xmqc_kpi":
        if parts[0] in public:
            return ".".join(["xmqc_kpi", public[parts[0]], *parts])
        return ".".join(["xmqc_kpi", *parts]) if target.startswith(".") else name
    if len(parts) > 1 and parts[1] in public:
        return ".".join(["xmqc_kpi", public[parts[1]], *parts[1:]])
    return name


def _role(match: re.Match[str], anchors: tuple[str, ...]) -> str:
    target = html.unescape(match.group("target")).strip()
    titled = re.fullmatch(r"(?P<title>.+?)\s*<(?P<target>[^<>]+)>", target)
    if titled:
        title, target = titled.group("title"), titled.group("target")
    else:
        shown = target.lstrip("~")
        title = shown.rsplit(".", 1)[-1] if target.startswith("~") else shown.lstrip(".")
        target = shown
    resolved = _identifier(target)
    if not resolved.startswith("xmqc_kpi."):  # a bare name: an object documented on this page
        nearby = sorted((a for a in anchors if a.endswith(f".{resolved}")), key=len)
        resolved = nearby[0] if nearby else resolved
    identifier = html.escape(resolved, quote=True)
    return (
        f'<autoref identifier="{identifier}" optional><code>{html.escape(title)}</code></autoref>'
    )


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Turn Sphinx roles (``:func:`…```) left in docstrings into optional cross-references."""
    anchors = tuple(dict.fromkeys(re.findall(r'id="(xmqc_kpi\.[\w.]+)"', html_text)))
    return _ROLE.sub(lambda match: _role(match, anchors), html_text)
