"""The evaluation report: content, charts, safety, determinism and the three formats."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import xmqc_kpi as kpi
from tests.factories import awards, death_rate, monitored_share, pass_rate, satisfaction
from xmqc_kpi.reports import evaluation_report
from xmqc_kpi.reports.svg import Chart, Series, dot_chart, line_chart
from xmqc_kpi.results import FRAME_COLUMNS, Evaluation

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "evaluation_report.small.html"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x")'
FIXED_KINDS = {"at_least", "above", "at_most", "below", "all"}
STATUSES = ["met", "not_met", "insufficient_data", "not_assessed"]
NAN = float("nan")


def small_data(regions: tuple[str, str] = ("思明区", "湖里区")) -> dict[str, pd.DataFrame]:
    """Two regions × two periods for a pass rate and a death rate (one input missing)."""
    first, second = regions
    data = pd.DataFrame(
        {
            "region": [first, first, second, second],
            "period": [2013, 2014, 2013, 2014],
            "sampled": [50, 60, 40, 30],
            "passed": [47, 59, 37, NAN],
            "deaths": [5, 4, 3, 2],
            "units": [100_000, 120_000, 50_000, 60_000],
        }
    )
    benchmarks = pd.DataFrame(
        {"period": [2013, 2014], "indicator_id": ["death_rate"] * 2, "value": [0.517, 0.39]}
    )
    return {"data": data, "benchmarks": benchmarks}


def small_result(
    regions: tuple[str, str] = ("思明区", "湖里区"), *, shuffle: bool = False
) -> Evaluation:
    """The tiny evaluation of the golden file (rows shuffled on request)."""
    given = small_data(regions)
    if shuffle:
        given = {name: frame.iloc[::-1] for name, frame in given.items()}
    return kpi.evaluate(
        [pass_rate(), death_rate()],
        given["data"],
        benchmarks=given["benchmarks"],
        as_of="2014-06-30",
    )


def all_formats(result: Evaluation) -> bytes:
    """Every format and language of the report, concatenated."""
    parts = [
        evaluation_report(result, format=fmt, lang=lang)
        for fmt in ("html", "md", "xlsx")
        for lang in ("zh", "en")
    ]
    return b"".join(p if isinstance(p, bytes) else p.encode() for p in parts)


def load_workbook(content: str | bytes) -> Any:
    """The workbook of an XLSX report (the test is skipped without openpyxl)."""
    openpyxl = pytest.importorskip("openpyxl")
    assert isinstance(content, bytes)
    return openpyxl.load_workbook(io.BytesIO(content))


@pytest.fixture(scope="module")
def sample() -> Evaluation:
    return kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")


@pytest.fixture(scope="module")
def sample_html(sample: Evaluation) -> str:
    return evaluation_report(sample)


def _table(html: str, key: str) -> str:
    match = re.search(rf'<table id="{re.escape(key)}"[^>]*>(.*?)</table>', html, re.S)
    assert match is not None, f"no table {key}"
    return match.group(1)


def _counts(table_html: str) -> list[list[int]]:
    """The numeric cells of each body row."""
    rows = re.findall(r"<tr>(.*?)</tr>", table_html.split("<tbody>")[1], re.S)
    return [[int(n) for n in re.findall(r'<td class="num[^"]*">(\d+)</td>', row)] for row in rows]


def _section(html: str, indicator_id: str) -> str:
    match = re.search(
        rf'<section class="indicator" id="{indicator_id}"[^>]*>(.*?)</section>', html, re.S
    )
    assert match is not None, f"no section for {indicator_id}"
    return match.group(1)


def _charts(fragment: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg .*?</svg>", fragment, re.S)]


def _has_class(element: ET.Element, css: str) -> bool:
    return any(css in (child.get("class") or "").split() for child in element.iter())


# --------------------------------------------------------------------------- content


def test_every_indicator_has_a_section_with_its_table_and_charts(
    sample: Evaluation, sample_html: str
) -> None:
    frame = sample.to_frame()
    for indicator in sample.indicators:
        section = _section(sample_html, indicator.id)
        assert indicator.quote in section or indicator.quote.replace('"', "&quot;") in section
        mine = frame[frame["indicator_id"] == indicator.id]
        lacking = int((mine["status"] == "insufficient_data").sum())
        body = section.split("<tbody>")[1]
        assert body.count("<tr data-") == len(mine) - lacking  # one row per judged assessment
        folded = [
            int(n)
            for n in re.findall(r'<tr class="folded"[^>]*><td[^>]*>数据不足（(\d+) 项）', body)
        ]
        assert sum(folded) == lacking  # the rest told in one line per missing input
        assert len(_charts(section)) == 2  # across regions, and across the four periods


def test_summary_counts_equal_the_evaluation_summary(sample: Evaluation, sample_html: str) -> None:
    expected = sample.summary().loc["count", STATUSES].tolist()
    assert _counts(_table(sample_html, "summary-overall")) == [[*expected, len(sample)]]
    by_region = sample.summary(by="region")
    regions = _counts(_table(sample_html, "summary-region"))
    assert [row[:4] for row in regions] == by_region[STATUSES].to_numpy().tolist()
    sections = _counts(_table(sample_html, "summary-section"))
    assert [sum(column) for column in zip(*sections, strict=True)] == [*expected, len(sample)]


def test_unit_counts_count_an_assessment_once_per_responsible_unit(
    sample: Evaluation, sample_html: str
) -> None:
    frame = sample.to_frame()
    per_indicator = frame.groupby("indicator_id", observed=True).size()
    expected = sum(
        int(per_indicator[i.id]) * len(set(i.responsible.units)) for i in sample.indicators
    )
    assert sum(row[-1] for row in _counts(_table(sample_html, "summary-unit"))) == expected


def test_deadlines_say_which_have_passed(sample_html: str) -> None:
    assert "已到期的完成期限：2013-12、2014-06" in sample_html
    table = _table(sample_html, "summary-deadline")
    assert "<td>2013-12</td>" in table
    assert "已到期" in table


def test_without_an_evaluation_date_the_report_says_so() -> None:
    result = kpi.evaluate([pass_rate()], small_data()["data"])
    assert "未给出评价日期" in evaluation_report(result)
    assert "No evaluation date given" in evaluation_report(result, lang="en")


def test_matrix_cells_carry_their_status_class(sample: Evaluation, sample_html: str) -> None:
    assert "One matrix per period" in evaluation_report(sample, lang="en")
    frame = sample.to_frame()
    for period in (2012, 2015):
        table = _table(sample_html, f"matrix-{period}")
        found = re.findall(r'<td class="status-([a-z_]+)">', table)
        expected = frame.loc[frame["period"] == period, "status"].astype(str)
        assert sorted(found) == sorted(expected)
    assert sample_html.index('id="matrix-2015"') < sample_html.index('id="matrix-2012"')


def test_inputs_are_listed_with_their_units(sample: Evaluation, sample_html: str) -> None:
    inputs = _table(sample_html, "inputs")
    given = sample.inputs()
    pairs = given[["variable", "region"]].drop_duplicates()
    assert inputs.split("<tbody>")[1].count("<tr>") == len(pairs)  # a column per period
    assert "<td>亿元</td>" in inputs or "<td>yuan</td>" in inputs


def test_english_report_uses_english_headings_and_explanations(sample: Evaluation) -> None:
    html = evaluation_report(sample, lang="en", title="Quality & city")
    assert '<html lang="en">' in html
    assert "<title>Quality &amp; city</title>" in html
    assert "Indicators in detail" in html
    assert "Inputs used" in html
    assert "cannot be assessed" in html


def test_the_sample_renders_quickly(sample: Evaluation) -> None:
    sample.explanations("zh")
    start = time.perf_counter()
    evaluation_report(sample)
    assert time.perf_counter() - start < 2.0


# --------------------------------------------------------------------------- charts


def test_every_chart_is_valid_svg_with_a_title(sample_html: str) -> None:
    charts = _charts(sample_html)
    assert len(charts) >= 42
    for chart in charts:
        assert chart.tag == f"{SVG}svg"
        assert chart.get("class") == "chart"
        assert chart.get("role") == "img"
        title = chart.find(f"{SVG}title")
        assert title is not None
        assert title.text


def test_fixed_thresholds_are_drawn_as_one_line(sample: Evaluation, sample_html: str) -> None:
    for indicator in sample.indicators:
        charts = _charts(_section(sample_html, indicator.id))
        kind = indicator.threshold.kind
        if kind in FIXED_KINDS:
            for chart in charts:
                lines = [e for e in chart.iter(f"{SVG}line") if e.get("class") == "threshold"]
                assert len(lines) == 1, indicator.id
                assert lines[0].get("y1") == lines[0].get("y2")
        elif kind in ("trend", "monitored"):
            assert not any(_has_class(chart, "threshold") for chart in charts), indicator.id


def test_benchmarks_and_ranks_are_drawn_per_period(sample_html: str) -> None:
    deaths = _charts(_section(sample_html, "special_equipment_death_rate"))[1]
    assert _has_class(deaths, "threshold")  # the national average of each period
    awards_chart = _charts(_section(sample_html, "quality_award_enterprises"))[0]
    assert _has_class(awards_chart, "threshold")  # the cut-off rank
    assert any(t.text == "名次（1 为最好）" for t in awards_chart.iter(f"{SVG}text"))


def test_missing_values_leave_gaps_not_errors() -> None:
    result = kpi.evaluate(
        [pass_rate(), satisfaction(), monitored_share(), awards()],
        pd.DataFrame(
            {
                "region": ["A", "A", "B", "B"],
                "period": [2013, 2014, 2013, 2014],
                "sampled": [NAN] * 4,
                "passed": [NAN] * 4,
                "score": [80.0, NAN, 81.0, 82.5],
                "whole": [10, 10, 0, 10],
                "part": [5, 6, 0, 7],
                "award_count": [NAN] * 4,
            }
        ),
    )
    html = evaluation_report(result)
    for indicator_id in ("pass_rate", "satisfaction", "monitored_share", "awards"):
        charts = _charts(_section(html, indicator_id))
        assert len(charts) == 2
    empty = _charts(_section(html, "pass_rate"))[0]
    assert any(t.text == "无数据" for t in empty.iter(f"{SVG}text"))
    assert "nan" not in html.lower().replace("nanjing", "").replace("provenance", "")


def test_chart_functions_handle_nan_and_varying_references() -> None:
    chart = Chart(
        title="t <&>",
        categories=("2012", "2013", "2014"),
        series=(
            Series("A", (1.0, NAN, 3.0), ("met", "insufficient_data", "not_met")),
            Series("B", (NAN, NAN, NAN), ("insufficient_data",) * 3),
        ),
        reference=(2.0, NAN, 2.5),
    )
    for svg in (dot_chart(chart), line_chart(chart)):
        root = ET.fromstring(svg)
        assert root.findtext(f"{SVG}title") == "t <&>"
        assert _has_class(root, "threshold")
    lines = ET.fromstring(line_chart(chart))
    assert not any(e.get("class") == "series" for e in lines.iter())  # the NaN breaks it
    empty = Chart("e", ("A",), (Series("s", (NAN,), ("insufficient_data",)),))
    assert "no data" in dot_chart(empty)
    assert "nan" not in dot_chart(empty)


def test_rank_axis_puts_the_best_rank_on_top() -> None:
    chart = Chart(
        "ranks",
        ("A", "B"),
        (Series("r", (1.0, 5.0), ("met", "not_met")),),
        reference=(2.0, 2.0),
        decimals=0,
        reversed_axis=True,
    )
    points = ET.fromstring(dot_chart(chart)).find(f"{SVG}g[@class='points']")
    assert points is not None
    label_y = {t.text: float(t.get("y", "nan")) for t in points.iter(f"{SVG}text")}
    assert label_y["1"] < label_y["5"]  # rank 1 is drawn above rank 5


# --------------------------------------------------------------------------- progress chart


def _toward_2015(deadline: str | None = "2015-12") -> Evaluation:
    """甲 90 → 92 % (2012, 2013) against ≥ 94 % by ``deadline``: +2 a year, 96 % by 2015-12."""
    rate = kpi.catalog()["national_sampling_pass_rate"].model_copy(update={"deadline": deadline})
    data = pd.DataFrame(
        {
            "region": ["甲", "甲"],
            "period": [2012, 2013],
            "national_sampled_batches": [100, 100],
            "national_passed_batches": [90, 92],
        }
    )
    return kpi.evaluate(rate, data)


def _progress_svg(result: Evaluation, lang: str = "zh") -> ET.Element:
    html = evaluation_report(result, lang=lang)
    charts = _charts(_section(html, "national_sampling_pass_rate"))
    assert len(charts) == 2  # across regions, then the progress over time
    assert charts[1].get("class") == "chart progress"
    return charts[1]


def _lines_of(svg: ET.Element, css: str) -> list[ET.Element]:
    return [e for e in svg.iter(f"{SVG}line") if e.get("class") == css]


def test_progress_chart_draws_the_target_line_at_its_value() -> None:
    # values 90, 92, projection 96, target 94: the axis spans 90 − 0.48 to 96 + 0.48 (8 %
    # of the 6-point span each side), 170 px high from y = 30, so 94 is at
    # 30 + 170 × (1 − (94 − 89.52) / 6.96) = 90.57 px
    (target,) = _lines_of(_progress_svg(_toward_2015()), "threshold")
    assert (target.get("y1"), target.get("y2")) == ("90.6", "90.6")


def test_progress_chart_projects_each_region_to_the_deadline() -> None:
    svg = _progress_svg(_toward_2015())
    (deadline,) = _lines_of(svg, "deadline")
    (projection,) = _lines_of(svg, "projection")
    assert projection.get("stroke-dasharray") == "5 3"  # dashed
    assert projection.get("x2") == deadline.get("x1")  # it ends on the deadline
    # from 92 % in 2013 to 96 % at the deadline: 30 + 170 × (1 − (96 − 89.52) / 6.96) = 41.7
    assert projection.get("y2") == "41.7"
    assert projection.get("y1") == "139.4"  # 30 + 170 × (1 − (92 − 89.52) / 6.96)
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert "期限 2015-12" in labels
    assert "94.00%" in labels  # the target, as a table shows it


@pytest.mark.parametrize(
    ("lang", "title", "said"),
    [
        (
            "zh",
            "产品质量国家级监督抽查合格率：到期限 2015-12 的进度",
            "按此速度到期限约为 96.00%（进度正常）",
        ),
        (
            "en",
            "National supervision sampling pass rate of products: progress toward 2015-12",
            "about 96.00% by the deadline at this pace (on track)",
        ),
    ],
)
def test_progress_chart_is_titled_and_described_in_the_report_language(
    lang: str, title: str, said: str
) -> None:
    svg = _progress_svg(_toward_2015(), lang)
    assert svg.findtext(f"{SVG}title") == title
    description = svg.findtext(f"{SVG}desc")
    assert description is not None
    assert said in description


def test_a_trend_has_its_projection_and_no_target_line() -> None:
    trend = kpi.catalog()["service_satisfaction_trend"]
    trend = trend.model_copy(update={"deadline": "2015-12"})
    data = pd.DataFrame(
        {
            "region": ["甲"] * 3,
            "period": [2011, 2012, 2013],
            "service_satisfaction_index": [80, 81, 80.5],
        }
    )
    html = evaluation_report(kpi.evaluate(trend, data), lang="en")
    progress = _charts(_section(html, trend.id))[1]
    assert progress.get("class") == "chart progress"
    assert not _lines_of(progress, "threshold")  # improving every period is no number
    assert len(_lines_of(progress, "projection")) == 1
    description = progress.findtext(f"{SVG}desc")
    assert description is not None
    # 80 → 80.5 over 2011–2013: +0.25 a year, 2 years left: 81.0 at the deadline
    assert "about 81.0 points by the deadline at this pace (needs acceleration)" in description


@pytest.mark.parametrize("deadline", [None, "2013-12"])
def test_no_progress_chart_without_a_deadline_ahead(deadline: str | None) -> None:
    # without a deadline there is no progress; at a deadline of 2013-12 the 2013 verdict is
    # the answer and 2012 alone has no history: the plain lines across periods stay
    html = evaluation_report(_toward_2015(deadline))
    charts = _charts(_section(html, "national_sampling_pass_rate"))
    assert [c.get("class") for c in charts] == ["chart", "chart"]
    assert not any(_lines_of(c, "projection") or _lines_of(c, "deadline") for c in charts)


def test_the_sample_report_draws_progress_only_where_there_is_a_projection(
    sample: Evaluation, sample_html: str
) -> None:
    projected = sample.to_frame().groupby("indicator_id", observed=True)["projected"].count()
    for indicator in sample.indicators:
        charts = _charts(_section(sample_html, indicator.id))
        drawn = any(c.get("class") == "chart progress" for c in charts)
        assert drawn == bool(projected.get(indicator.id, 0)), indicator.id


def _another_city() -> Evaluation:
    here = ROOT / "examples" / "custom_catalog"
    mine = kpi.load_catalog(here / "catalog.toml")
    data = pd.read_csv(here / "data.csv")
    return kpi.evaluate(mine, data, benchmarks=pd.read_csv(here / "benchmarks.csv"))


def test_sections_are_headed_by_their_title_from_the_plan() -> None:
    result = _another_city()  # its plan titles sections 1 and 2, not 3
    headings = ["1 提高产品质量", "2 保障质量安全", "3"]
    html = evaluation_report(result)
    section_rows = _table(html, "summary-section").split("<tbody>")[1]
    assert re.findall(r"<tr><td>([^<]*)</td>", section_rows) == headings
    assert '<option value="1">1 提高产品质量</option>' in html  # the section filter
    assert "<dt>部分</dt><dd>2 保障质量安全</dd>" in html  # an indicator's facts
    workbook = load_workbook(evaluation_report(result, format="xlsx"))
    rows = list(workbook["汇总"].iter_rows(values_only=True))
    assert [row[1] for row in rows if row[0] == "按规划章节"] == headings


def test_another_citys_report_cites_clauses_as_its_plan_names_them() -> None:
    result = _another_city()
    for lang, cited in (
        ("zh", "附表 1.1.1 / 第一（一）部分"),
        ("en", "annex table 1.1.1 / part 一(一)"),
    ):
        for fmt in ("html", "md"):
            report = str(evaluation_report(result, format=fmt, lang=lang))
            assert cited in report
            assert "分解表" not in report
            assert "厦门" not in report
            assert "Xiamen" not in report


# --------------------------------------------------------------------------- safety


@pytest.mark.parametrize("name", [HOSTILE, FORMULA])
def test_hostile_region_names_are_text_everywhere(name: str) -> None:
    result = small_result((name, "思明区"))
    html = evaluation_report(result)
    assert html.count("<script") == 1  # the report's own filters, nothing from the data
    if name == HOSTILE:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for svg in _charts(html):
        assert svg.tag == f"{SVG}svg"
    markdown = evaluation_report(result, format="md")
    assert "<script" not in markdown
    workbook = load_workbook(evaluation_report(result, format="xlsx"))
    texts = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str) and name in cell
    ]
    assert texts
    assert all(not t.startswith(("=", "+", "-", "@")) for t in texts)
    if name == FORMULA:
        assert f"'{FORMULA}" in texts


# --------------------------------------------------------------------------- determinism


def test_rendering_twice_gives_the_same_bytes() -> None:
    result = small_result()
    assert all_formats(result) == all_formats(result)


def test_row_order_of_the_input_does_not_matter() -> None:
    assert all_formats(small_result()) == all_formats(small_result(shuffle=True))


def test_hash_seed_does_not_matter() -> None:
    code = (
        "import hashlib\n"
        "from tests.test_evaluation_report import all_formats, small_result\n"
        "print(hashlib.sha256(all_formats(small_result())).hexdigest())\n"
    )
    expected = hashlib.sha256(all_formats(small_result())).hexdigest()
    seed = "4242" if os.environ.get("PYTHONHASHSEED") != "4242" else "7"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert output.returncode == 0, output.stderr
    assert output.stdout.strip() == expected


def test_golden_file() -> None:
    html = evaluation_report(small_result())
    if os.environ.get("XMQC_KPI_REGENERATE") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
    assert GOLDEN.exists(), "run with XMQC_KPI_REGENERATE=1 to create the golden file"
    assert html == GOLDEN.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- formats


def test_markdown_has_the_tables_and_no_charts() -> None:
    markdown = evaluation_report(small_result(), format="md", lang="en")
    # the test indicators come from no known plan: the heading names none, Xiamen's least
    assert markdown.startswith("# Indicator evaluation report\n")
    assert "## Summary" in markdown
    assert "### Overall" in markdown
    assert "| total | 5 | 2 | 1 | 0 | 8 |" in markdown
    assert "<svg" not in markdown
    assert "no charts" in markdown
    assert "### Test indicator pass_rate" in markdown


def test_xlsx_has_the_sheets_with_their_content() -> None:
    """The workbook's layout is tested in test_spreadsheets.py; here, its content."""
    result = small_result()
    workbook = load_workbook(evaluation_report(result, format="xlsx"))
    assert workbook.sheetnames == ["汇总", "期限", "状态矩阵", "评价结果", "输入数据", "来源"]
    rows = list(workbook["评价结果"].iter_rows(values_only=True))
    assert len(rows[0]) == len(FRAME_COLUMNS)
    assert len(rows) == len(result) + 1
    assert rows[1][:10] == (
        "pass_rate",
        "测试指标pass_rate",
        "5",
        "思明区",
        2013,
        94,
        "≥",
        94,
        "%",
        "达标",
    )
    inputs = list(workbook["输入数据"].iter_rows(values_only=True))
    assert len(inputs) == len(result.inputs()) + 1
    assert ("deaths", "输入deaths", "思明区", 2013, 5, "人") in inputs  # a unit name, not a code
    summary = list(workbook["汇总"].iter_rows(values_only=True))
    assert summary[1] == ("全部", None, 5, 2, 1, 0, 8)
    matrix = list(workbook["状态矩阵"].iter_rows(values_only=True))
    assert matrix[0] == ("期间", "指标编号", "指标", "思明区", "湖里区")
    assert matrix[1][:4] == (2014, "pass_rate", "测试指标pass_rate", pytest.approx(98.3333333))
    assert matrix[1][4] == "数据不足"


def test_path_writes_the_report(tmp_path: Path) -> None:
    result = small_result()
    html = evaluation_report(result, path=tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == html
    workbook = evaluation_report(result, format="xlsx", path=str(tmp_path / "r.xlsx"))
    assert (tmp_path / "r.xlsx").read_bytes() == workbook


@pytest.mark.parametrize(("option", "value"), [("format", "docx"), ("lang", "fr")])
def test_invalid_options_raise_value_error(option: str, value: str) -> None:
    with pytest.raises(ValueError, match=option):
        evaluation_report(small_result(), **{option: value})


def test_a_non_evaluation_raises_type_error() -> None:
    with pytest.raises(TypeError, match="Evaluation"):
        evaluation_report(pd.DataFrame())


def test_the_title_is_the_plans_own() -> None:
    import xmqc_kpi as kpi

    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
    heading = evaluation_report(result, format="md").splitlines()[0]
    assert heading == "# 厦门市创建全国质量强市示范城市工作方案：指标评价报告"
    assert result.plan is not None
    assert evaluation_report(result, format="md", lang="en").splitlines()[0] == (
        f"# {result.plan.title('en')}: evaluation report"
    )


def test_implausible_inputs_are_listed_after_the_targets_not_met() -> None:
    import xmqc_kpi as kpi

    rate = kpi.catalog()["national_sampling_pass_rate"]
    data = pd.DataFrame(
        {
            "region": ["思明区", "湖里区"],
            "period": [2013, 2013],
            "national_sampled_batches": [50, 50],
            "national_passed_batches": [47.5, 47],
        }
    )
    result = kpi.evaluate(rate, data)
    markdown = evaluation_report(result, format="md")
    section = markdown[markdown.index("## 可疑数据提示") : markdown.index("## 各指标详情")]
    assert "共 1 处数据合法但可疑" in section
    assert "| 思明区 | 2013 | 47.5 |" in section
    assert "湖里区" not in section
    html = evaluation_report(result, format="html", lang="en")
    assert '<section id="report-warnings">' in html
    assert "Implausible inputs" in html
    clean = kpi.evaluate(rate, data.iloc[1:])
    assert "未发现可疑数据。" in evaluation_report(clean, format="md")


def test_a_deliverable_s_year_input_reads_as_a_year_not_as_dimensionless() -> None:
    result = kpi.evaluate(kpi.catalog(supplementary=True), **kpi.sample_data(), as_of="2015")
    for lang, unit in (("zh", "年份（0 表示尚未建成）"), ("en", "year (0 = not yet built)")):
        report = kpi.evaluation_report(result, format="md", lang=lang)
        assert isinstance(report, str)
        rows = [r for r in report.splitlines() if "`national_metrology_testing_centre_year`" in r]
        assert rows
        assert all(f"| {unit} |" in row for row in rows)
        assert all("无量纲" not in row and "dimensionless" not in row for row in rows)
