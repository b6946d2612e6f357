"""The auditors' threshold report: content, order, escaping, determinism and golden files.

Golden files live in ``tests/golden/threshold_report.*``. After an intended change of the
report, regenerate them with::

    XMQC_KPI_REGENERATE=1 .venv/bin/pytest -q tests/test_threshold_report.py

and review the diff before committing.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import FrozenInstanceError
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from xmqc_kpi.catalogs import THRESHOLD_KINDS, CatalogError, catalog, load_catalog
from xmqc_kpi.indicator import Indicator, Responsible
from xmqc_kpi.interpretation import DISCREPANCIES, RULES, InterpretationRule
from xmqc_kpi.reports._threshold_model import INDICATOR_COLUMNS, build_document
from xmqc_kpi.reports._threshold_render import _md_cell
from xmqc_kpi.reports._threshold_text import section_label, unit_name
from xmqc_kpi.reports.threshold_report import threshold_report
from xmqc_kpi.text import Language
from xmqc_kpi.text.spreadsheets import THRESHOLD_SHEETS
from xmqc_kpi.thresholds import TopAmongPeers

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("XMQC_KPI_REGENERATE") == "1"
EXAMPLE_CATALOG = (
    Path(__file__).resolve().parents[1] / "examples" / "custom_catalog" / "catalog.toml"
)
CATALOG = catalog()
#: The built-in catalog with its supplementary indicators.
CATALOG_ALL = catalog(supplementary=True)
#: The indicators in the plan's order: sections as the plan lists them, clauses within.
IDS = tuple(row.id for row in build_document(CATALOG, "zh").indicators)
#: The supplementary indicators, in their own section after the 42 (Markdown, HTML).
SUPPLEMENTARY_IDS = tuple(row.id for row in build_document(CATALOG, "zh").supplementary)
FORMATS = ("md", "html", "xlsx", "csv", "json")
LANGS = ("zh", "en")
HOSTILE = "<script>alert(1)</script>"
SECTION = re.compile(r'<section class="indicator" id="([^"]*)">')
openpyxl = pytest.importorskip("openpyxl")


@cache
def _render(format: str, lang: str) -> str | bytes:
    """The built-in catalog's report, rendered once per test session."""
    content: str | bytes = threshold_report(format=format, lang=lang)
    return content


def _text(format: str, lang: str = "zh") -> str:
    content = _render(format, lang)
    assert isinstance(content, str)
    return content


def _xlsx_cells(content: str | bytes) -> dict[str, list[list[Any]]]:
    """Every sheet of a workbook as rows of cell values."""
    assert isinstance(content, bytes)
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


def _json(lang: str = "zh") -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(_text("json", lang))
    return payload


def _records(lang: str = "zh") -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in _json(lang)["indicators"]}


def _md_sections(markdown: str) -> dict[str, str]:
    """Each indicator's Markdown entry, keyed by its id."""
    entries = markdown.split("\n#### ")[1:]
    entries[-1] = entries[-1].split("\n## ")[0]
    found = {}
    for entry in entries:
        match = re.search(r"`([a-z][a-z0-9_]*)`", entry)
        assert match is not None
        found[match.group(1)] = entry
    return found


def _hostile(**update: Any) -> Indicator:
    """A custom indicator: the municipal pass rate with fields replaced (not validated)."""
    return CATALOG["municipal_sampling_pass_rate"].model_copy(
        update={"id": "hostile_rate", **update}
    )


# ---------------------------------------------------------------------------- golden files


def _check_golden(name: str, content: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(content.encode("utf-8"))
        return
    how = "regenerate with XMQC_KPI_REGENERATE=1 .venv/bin/pytest tests/test_threshold_report.py"
    if not path.exists():
        pytest.fail(f"golden file {path} is missing: {how}")
    expected = path.read_bytes().decode("utf-8")
    if content != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    content.splitlines(keepends=True),
                    fromfile=f"golden/{name}",
                    tofile="rendered",
                )
            )[:40]
        )
        pytest.fail(f"the report differs from golden/{name}; if intended, {how}\n{diff}")


@pytest.mark.parametrize(
    ("format", "lang", "name"),
    [
        ("md", "zh", "threshold_report.zh.md"),
        ("md", "en", "threshold_report.en.md"),
        ("html", "zh", "threshold_report.zh.html"),
        ("json", "zh", "threshold_report.json"),
        ("csv", "zh", "threshold_report.csv"),
    ],
)
def test_text_formats_match_golden_files(format: str, lang: str, name: str) -> None:
    _check_golden(name, _text(format, lang))


def test_xlsx_cells_match_golden_file() -> None:
    cells = _xlsx_cells(_render("xlsx", "zh"))
    _check_golden("threshold_report.xlsx.json", json.dumps(cells, ensure_ascii=False, indent=1))


# ---------------------------------------------------------------------------- content


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("format", FORMATS)
def test_every_indicator_is_in_every_format_in_plan_order(format: str, lang: str) -> None:
    content = _render(format, lang)
    if format == "xlsx":
        sheet = THRESHOLD_SHEETS.say("indicators", lang)  # 指标详情, Indicators
        found = [row[0] for row in _xlsx_cells(content)[sheet][1:]]
    elif format == "csv":
        assert isinstance(content, str)
        found = [row["id"] for row in csv.DictReader(io.StringIO(content))]
    elif format == "json":
        found = [record["id"] for record in _json(lang)["indicators"]]
    elif format == "html":
        assert isinstance(content, str)
        found = SECTION.findall(content)
    else:
        found = list(_md_sections(_text(format, lang)))
    entries = IDS + SUPPLEMENTARY_IDS if format in ("md", "html") else IDS
    assert tuple(found) == entries
    assert len(IDS) == 42


@pytest.mark.parametrize("lang", LANGS)
def test_each_entry_gives_clause_quote_and_responsible_units(lang: Language) -> None:
    sections = _md_sections(_text("md", lang))
    html = _text("html", lang)
    records = _records(lang)
    for indicator in CATALOG:
        entry, record = sections[indicator.id], records[indicator.id]
        start = html.index(f'id="{indicator.id}"')
        html_entry = html[start : html.index("</section>", start)]
        body = section_label(indicator.clause.body, lang)  # 五（三） in Chinese
        for part in (indicator.quote, body, *indicator.responsible.units):
            assert part in entry, (indicator.id, part)
            assert part in html_entry, (indicator.id, part)
        if indicator.clause.table is not None:
            assert indicator.clause.table in entry
        assert record["quote"] == indicator.quote
        assert record["clause_table"] == (indicator.clause.table or "")
        assert record["clause_body"] == indicator.clause.body
        assert record["title_zh"] == indicator.title_zh
        assert record["title_en"] == indicator.title_en
        assert record["responsible_inherited_from"] == (indicator.responsible.inherited_from or "")
        assert [item["name"] for item in record["inputs"]] == list(indicator.input_names)
        for item in indicator.inputs:
            assert item.label_zh in entry
            assert f"{unit_name(item.unit, lang)}" in entry  # a unit name, never a code


#: (indicator id, column, text expected in the English record): one case per threshold form.
EN_CASES = [
    ("municipal_sampling_pass_rate", "threshold_text", "≥ 96% (the number itself meets it)"),
    (
        "municipal_sampling_pass_rate",
        "formula",
        "municipal_passed_batches ÷ municipal_sampled_batches × 100 %",
    ),
    ("municipal_sampling_pass_rate", "sampled", "sampled (spot checks): 95 % Wilson interval"),
    ("port_who_core_capacity_rate", "threshold_text", "= 100% (every unit complies, no tolerance"),
    ("port_who_core_capacity_rate", "sampled", "counted in full: exact, no interval"),
    ("school_quality_base_reception_days", "threshold_text", "≥ 36 days"),
    ("quality_funding_ratio", "formula", "quality_funding ÷ general_budget_revenue × 1,000 ‰"),
    ("quality_funding_ratio", "deadline", "none: applies every period"),
    ("quality_certificates_per_10k_employed", "threshold_text", "≥ 2 per 10,000 persons"),
    (
        "special_equipment_death_rate",
        "threshold_text",
        "< the national average of the same period (strict: equal is not met",
    ),
    ("special_equipment_death_rate", "direction", "lower is better"),
    ("special_equipment_death_rate", "unit", "deaths per 10,000 units"),
    ("brand_titles_per_100m_gdp", "threshold_text", "top group among 全国同级城市: rank ≤ ⌈0.2·n⌉"),
    ("brand_titles_per_100m_gdp", "threshold", "top 20%"),
    ("consumer_complaint_rate_trend", "threshold_text", "falling strictly from each period"),
    ("service_satisfaction_trend", "comparison", "↑"),
    ("non_standard_production_share", "threshold_text", "monitored: no verdict"),
    ("export_inspection_pass_rate", "deadline_inherited", "yes"),
    ("municipal_sampling_pass_rate", "deadline_inherited", "no"),
    ("municipal_sampling_pass_rate", "responsible_inherited_from", "5.1.1"),
    ("quality_funding_ratio", "clause_table", ""),
    ("quality_funding_ratio", "section_title", "Organisation and implementation"),
]


@pytest.mark.parametrize(("indicator_id", "column", "expected"), EN_CASES)
def test_english_fields(indicator_id: str, column: str, expected: str) -> None:
    value = _records("en")[indicator_id][column]
    assert expected in value if expected else value == ""


#: A deliverable's direction, display unit and input unit (by ``done``), in each language.
DELIVERABLE_WORDS = {
    "zh": (
        "越早越好",
        "年份",
        {"built": "年份（0 表示尚未建成）", "completed": "年份（0 表示尚未完成）"},
    ),
    "en": (
        "earlier is better",
        "year",
        {"built": "year (0 = not yet built)", "completed": "year (0 = not yet completed)"},
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_deliverable_reads_as_a_year_earlier_being_better(lang: Language) -> None:
    """Not 越低越好 / 无量纲: the value is the year built, 0 while not built."""
    direction, unit, input_units = DELIVERABLE_WORDS[lang]
    lower, dimensionless = ("越低越好", "无量纲") if lang == "zh" else ("lower is", "dimensionless")
    supplementary = {record["id"]: record for record in _json(lang)["supplementary"]}
    markdown = _md_sections(_text("md", lang))
    html = _text("html", lang)
    sheet = _xlsx_cells(_render("xlsx", lang))[THRESHOLD_SHEETS.say("supplementary", lang)]
    header, rows = sheet[0], {row[0]: row for row in sheet[1:]}
    deliverables = [i for i in SUPPLEMENTARY_IDS if CATALOG_ALL[i].threshold.kind == "deliverable"]
    assert {CATALOG_ALL[i].threshold.done for i in deliverables} == {"built", "completed"}
    for indicator_id in deliverables:
        input_unit = input_units[CATALOG_ALL[indicator_id].threshold.done]
        record = supplementary[indicator_id]
        assert (record["direction"], record["unit"]) == (direction, unit)
        assert [item["unit"] for item in record["inputs"]] == ["dimensionless"]  # the data
        assert record["inputs"][0]["text"].endswith(input_unit + ("）" if lang == "zh" else ""))
        row = dict(zip(header, rows[indicator_id], strict=True))
        assert row[header[INDICATOR_COLUMNS.index("unit")]] == unit
        assert row[header[INDICATOR_COLUMNS.index("direction")]] == direction
        section = html.split(f'id="{indicator_id}"')[1].split("</section>")[0]
        for entry in (markdown[indicator_id], section):
            assert direction in entry
            assert input_unit in entry
            assert lower not in entry
            assert dimensionless not in entry
    assert CATALOG_ALL[deliverables[0]].direction == "lower"  # the data: a lower year is better


def test_markdown_marks_what_was_inherited() -> None:
    zh = _md_sections(_text("md", "zh"))
    en = _md_sections(_text("md", "en"))
    assert "2013-12（分解表空白，沿用上一行）" in zh["export_inspection_pass_rate"]
    assert "（分解表空白，沿用 5.1.1 的责任单位）" in zh["municipal_sampling_pass_rate"]
    assert "(blank in the table: inherited from 5.1.1)" in en["municipal_sampling_pass_rate"]
    assert "inherited" not in en["mandatory_standard_compliance_rate"]
    assert "无：每期适用" in zh["quality_funding_ratio"]


def test_header_names_the_plan_and_counts_kinds() -> None:
    zh, en = _text("md", "zh"), _text("md", "en")
    assert "厦府〔2013〕98号" in zh.split("## ")[0]
    assert "厦府〔2013〕98号" in en.split("## ")[0]
    summary = _json()["summary"]
    assert summary["total"] == 42
    assert {k["kind"]: k["count"] for k in summary["kinds"]} == {
        "at_least": 15,
        "all": 8,
        "below_benchmark": 3,
        "top_among_peers": 6,
        "trend": 7,
        "monitored": 3,
    }
    assert "| Total | 42 |" in en


@pytest.mark.parametrize("lang", LANGS)
def test_rules_come_first_and_discrepancies_last(lang: str) -> None:
    markdown = _text("md", lang)
    first_indicator = markdown.index("\n#### ")
    last_indicator = markdown.rindex("\n#### ")
    discrepancies = markdown.rindex("\n## ")
    for rule in RULES:
        assert markdown.index(rule.wording) < first_indicator
    for entry in DISCREPANCIES:
        assert markdown.index(entry.finding_zh if lang == "zh" else entry.finding_en) > (
            last_indicator
        )
    assert last_indicator < discrepancies
    html = _text("html", lang)
    assert html.index('id="report-rules"') < html.index('class="indicator"')
    assert html.rindex('class="indicator"') < html.index('id="report-notes"')
    assert list(_json(lang)).index("rules") < list(_json(lang)).index("discrepancies")


def test_rules_state_each_reading_in_both_languages() -> None:
    zh, en = _text("md", "zh"), _text("md", "en")
    for phrase in (
        "含本数",
        "严格低于",
        "没有容差",
        "前 20%（6 个指标）",
        "逐期严格上升",
        "仅监测",
    ):
        assert phrase in zh.split("\n#### ")[0], phrase
    for phrase in ("the number itself included", "strictly", "no tolerance", "top 20% (6 "):
        assert phrase in en.split("\n#### ")[0], phrase
    assert [rule["key"] for rule in _json("en")["rules"]] == [rule.key for rule in RULES]


def test_the_cutoff_in_force_is_the_catalogs() -> None:
    top_three = _hostile(threshold=TopAmongPeers(peer_group="全国同级城市", top_n=3))
    payload = json.loads(str(threshold_report([top_three], format="json", lang="en")))
    in_force = {rule["key"]: rule["in_force"] for rule in payload["rules"]}
    assert in_force["top_group"] == "top 3 (1 indicator)"
    assert in_force["rising"] == "no such indicator in this catalog"
    assert "rank ≤ 3 (top 3" in payload["indicators"][0]["threshold_text"]
    zh = str(threshold_report([top_three], lang="zh"))
    assert "前 3 名（1 个指标）" in zh


def test_discrepancies_follow_the_built_in_indicators_present() -> None:
    everything = _json("en")["discrepancies"]
    assert [entry["key"] for entry in everything] == [entry.key for entry in DISCREPANCIES]
    section_5 = CATALOG.filter(section="5")
    subset = json.loads(str(threshold_report(section_5, format="json", lang="en")))
    shown = {entry["key"] for entry in subset["discrepancies"]}
    assert "misplaced_percent_sign" in shown
    assert "funding_without_row" not in shown
    assert all(set(e["indicators"]) <= set(section_5.ids) for e in subset["discrepancies"])
    assert "only the entries that concern" in subset["discrepancy_note"]
    custom = json.loads(str(threshold_report([_hostile()], format="json", lang="en")))
    assert custom["discrepancies"] == []
    assert "holds no built-in indicator" in custom["discrepancy_note"]
    assert len(custom["rules"]) == len(RULES)


# ---------------------------------------------------------------------------- safety


def test_html_renders_hostile_text_as_text() -> None:
    hostile = _hostile(
        title_en=HOSTILE,
        interpretation=HOSTILE,
        quote=HOSTILE,
        threshold=TopAmongPeers(peer_group=HOSTILE),
        responsible=Responsible(units=('<img src=x onerror="alert(2)">',)),
    )
    page = str(threshold_report([hostile], format="html", lang="en"))
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert SECTION.findall(page) == ["hostile_rate"]

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Text()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "img" not in parser.tags
    shown = "".join(parser.text)
    assert shown.count(HOSTILE) >= 4
    assert '<img src=x onerror="alert(2)">' in shown


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_renders_hostile_text_as_text(lang: str) -> None:
    """The docs site renders this Markdown: catalog text must not become HTML or a live link."""
    link = "[click](javascript:alert(3)) http://evil.example www.evil.example"
    hostile = _hostile(
        title_en=HOSTILE,
        interpretation=link,
        quote=HOSTILE + "\x1b[2J",
        threshold=TopAmongPeers(peer_group=HOSTILE),
        responsible=Responsible(units=('<img src=x onerror="alert(2)">',)),
    )
    markdown = _text_of(threshold_report([hostile], format="md", lang=lang))
    assert "<script" not in markdown.lower()
    assert "<img" not in markdown.lower()
    assert "](javascript:" not in markdown.replace("\\]", "")  # escaped: no link
    assert "http://" not in markdown
    assert "www.evil" not in markdown
    assert "\x1b" not in markdown
    rendered = _markdown_html(markdown)
    assert "<script" not in rendered.lower()
    assert "<img" not in rendered.lower()
    assert "<a " not in rendered.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


def _text_of(content: str | bytes) -> str:
    assert isinstance(content, str)
    return content


def _markdown_html(text: str) -> str:
    """Markdown rendered as the docs site renders it (Python-Markdown with its extensions)."""
    import markdown

    rendered: str = markdown.markdown(text, extensions=["tables", "pymdownx.magiclink"])
    return rendered


def test_markdown_table_cells_escape_pipes() -> None:
    assert _md_cell("a|b\nc") == "a\\|b c"
    assert _md_cell("") == "—"


def test_csv_and_xlsx_neutralise_formula_cells() -> None:
    formula = '=HYPERLINK("http://evil.example","x")'
    hostile = _hostile(title_en=formula, interpretation="+1+1", quote="-2")
    table = str(threshold_report([hostile], format="csv", lang="en"))
    (row,) = csv.DictReader(io.StringIO(table))
    assert row["title_en"] == "'" + formula
    assert row["interpretation"] == "'+1+1"
    assert row["quote"] == "'-2"
    workbook = openpyxl.load_workbook(
        io.BytesIO(threshold_report([hostile], format="xlsx", lang="en"))
    )
    sheet = workbook["Indicators"]
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("English title") + 1)
    assert cell.value == "'" + formula
    assert cell.data_type == "s"


# ---------------------------------------------------------------------------- formats


def test_xlsx_sheets_are_named_in_the_report_language_with_stable_columns() -> None:
    cells = _xlsx_cells(_render("xlsx", "en"))
    assert list(cells) == [
        "Overview",
        "Rules",
        "Indicators",
        "Supplementary indicators",
        "Clauses not made indicators",
        "Discrepancies",
        "Provenance",
    ]
    assert list(_xlsx_cells(_render("xlsx", "zh"))) == [
        "总览",
        "解读规则",
        "指标详情",
        "补充指标",
        "未列为指标的条款",
        "条款差异",
        "来源",
    ]
    assert cells["Indicators"][0][:3] == ["ID", "Table clause", "Body clause"]
    assert len(cells["Indicators"][0]) == len(INDICATOR_COLUMNS)
    assert cells["Overview"][0][:5] == [
        "Plan section",
        "Clause",
        "Indicator",
        "Threshold value",
        "Threshold unit",
    ]
    assert [row[0] for row in cells["Rules"][1:]] == [rule.key for rule in RULES]
    assert [row[0] for row in cells["Discrepancies"][1:]] == [d.key for d in DISCREPANCIES]


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_name_is_one_a_spreadsheet_accepts(lang: str) -> None:
    for key in THRESHOLD_SHEETS:
        name = THRESHOLD_SHEETS.say(key, lang)
        assert 0 < len(name) <= 31, name
        assert not set(name) & set("[]:*?/\\"), name


def test_the_overview_heads_sections_by_their_title_from_the_plan() -> None:
    mine = load_catalog(EXAMPLE_CATALOG)  # declares sections 1 and 2, not 3
    overview = _xlsx_cells(threshold_report(mine, format="xlsx", lang="zh"))["总览"]
    assert [row[0] for row in overview[1:]] == [
        "1 提高产品质量",
        "1 提高产品质量",
        "2 保障质量安全",
        "3",
        "3",
    ]


def test_csv_columns_are_stable_snake_case() -> None:
    header = next(csv.reader(io.StringIO(_text("csv"))))
    assert tuple(header) == INDICATOR_COLUMNS
    assert all(re.fullmatch(r"[a-z][a-z_]*", name) for name in header)
    for name in ("id", "clause_table", "clause_body", "quote", "formula", "threshold_text"):
        assert name in header


def test_json_keeps_chinese_and_is_indented() -> None:
    text = _text("json")
    assert "市级监督抽查合格率达96%以上" in text
    assert "\\u" not in text
    assert text.startswith('{\n  "title": ')
    assert text.endswith("}\n")
    assert list(_json()) == [
        "title",
        "lang",
        "plan",
        "summary",
        "overview",
        "rules",
        "indicators",
        "supplementary",
        "considered",
        "discrepancy_note",
        "discrepancies",
        "provenance",
    ]


def test_html_is_self_contained_with_contents() -> None:
    page = _text("html")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page
    assert "<script" not in page
    assert "http://" not in page
    assert "https://" not in page
    assert '<nav class="toc">' in page
    assert "@page { size: A4" in page
    for indicator_id in IDS:
        assert f'<a href="#{indicator_id}">' in page
    assert '<html lang="en">' in _text("html", "en")


def test_plan_wording_stays_chinese_in_english() -> None:
    en = _text("md", "en")
    assert "市级监督抽查合格率达96%以上" in en
    assert "- **Threshold**: " in en
    assert "阈值" not in en


# ---------------------------------------------------------------------------- determinism


#: Computes the SHA-256 of every format and language into ``digests``; run here and in a child.
DIGESTS = """
import hashlib, json
from xmqc_kpi.reports.threshold_report import threshold_report
digests = {}
for format in ("md", "html", "xlsx", "csv", "json"):
    for lang in ("zh", "en"):
        content = threshold_report(format=format, lang=lang)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        digests[f"{format}.{lang}"] = hashlib.sha256(data).hexdigest()
"""


def test_rendering_twice_gives_the_same_bytes() -> None:
    for format in FORMATS:
        assert threshold_report(format=format) == threshold_report(format=format)


def test_another_hash_seed_gives_the_same_bytes() -> None:
    """A child interpreter with another hash seed (so another set order) gives the same bytes."""
    here: dict[str, Any] = {}
    exec(DIGESTS, here)
    seed = "1" if os.environ.get("PYTHONHASHSEED") == "12345" else "12345"
    child = subprocess.run(
        [sys.executable, "-c", DIGESTS + "print(json.dumps(digests))"],
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert json.loads(child.stdout) == here["digests"]
    assert len(here["digests"]) == len(FORMATS) * len(LANGS)


# ---------------------------------------------------------------------------- arguments


@pytest.mark.parametrize("format", FORMATS)
def test_path_writes_the_report(format: str, tmp_path: Path) -> None:
    target = tmp_path / f"report.{format}"
    content = threshold_report(format=format, lang="en", path=target)
    written = target.read_bytes()
    if isinstance(content, bytes):
        assert written == content
    elif format == "csv":
        assert written.startswith(b"\xef\xbb\xbf")
        assert written.decode("utf-8-sig") == content
    else:
        assert written.decode("utf-8") == content


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"format": "docx"},
            "format must be one of 'md', 'html', 'xlsx', 'csv', 'json', 'pdf', not 'docx'",
        ),
        ({"format": None}, "format must be one of"),
        ({"lang": "fr"}, "lang must be 'zh' or 'en', not 'fr'"),
        ({"lang": "EN"}, "lang must be 'zh' or 'en'"),
    ],
)
def test_invalid_options_raise_value_error(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        threshold_report(**options)


def test_invalid_catalogs_raise_clear_errors() -> None:
    with pytest.raises(ValueError, match="the catalog is empty"):
        threshold_report([])
    with pytest.raises(CatalogError) as duplicated:
        threshold_report([CATALOG[IDS[0]], CATALOG[IDS[0]]])
    assert "catalog_duplicate_id" in duplicated.value.codes
    with pytest.raises(TypeError, match="Indicator objects"):
        threshold_report(["municipal_sampling_pass_rate"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"pass \[indicator\]"):
        threshold_report(CATALOG[IDS[0]])  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- interpretation data


def test_discrepancies_name_built_in_indicators_and_their_clauses() -> None:
    for entry in DISCREPANCIES:
        assert set(entry.indicator_ids) <= set(IDS), entry.key
        clauses = {str(CATALOG[name].clause) for name in entry.indicator_ids}
        assert set(entry.clauses) <= clauses, entry.key
    (blank,) = (entry for entry in DISCREPANCIES if entry.key == "blank_cells")
    inherited = {i.id for i in CATALOG if i.deadline_inherited or i.responsible.inherited}
    assert set(blank.indicator_ids) == inherited


def test_rules_cover_every_threshold_kind_of_the_catalog() -> None:
    ruled = {kind for rule in RULES for kind in rule.kinds}
    assert ruled <= set(THRESHOLD_KINDS)
    assert {indicator.threshold.kind for indicator in CATALOG} <= ruled
    assert len({rule.key for rule in RULES}) == len(RULES)
    assert len({entry.key for entry in DISCREPANCIES}) == len(DISCREPANCIES)


def test_interpretation_data_is_immutable_and_checked() -> None:
    with pytest.raises(FrozenInstanceError):
        RULES[0].key = "changed"  # type: ignore[misc]
    with pytest.raises(ValueError, match="must not be blank"):
        InterpretationRule("blank_meaning", "以上", " ", "x", "x", "x")
    with pytest.raises(ValueError, match="snake_case"):
        InterpretationRule("Not A Key", "以上", "x", "x", "x", "x")
