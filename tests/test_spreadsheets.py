"""The shared XLSX layout (reports/_sheets.py) and the evaluation report's workbook."""

from __future__ import annotations

import io
import re
from typing import Any

import openpyxl
import pytest

from xmqc_kpi.reports import _markup
from xmqc_kpi.reports._sheets import Sheet, Styled, sheets_bytes, unit_format


def _open(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))


@pytest.fixture(scope="module")
def small_book() -> openpyxl.Workbook:
    rows = [
        ("思明区", Styled(96.15, unit_format("percent", decimals=2), status="met"), "达标"),
        ("湖里区", Styled(80, unit_format("wan_yuan", decimals=0), status="not_met"), "=1+1"),
        ("翔安区\x1b[2J", None, "x" * 200),
    ]
    sheet = Sheet("表", ("地区", "value", "说明"), rows, max_width=40)
    return _open(sheets_bytes([sheet]))


def test_header_is_frozen_and_filtered(small_book: openpyxl.Workbook) -> None:
    sheet = small_book["表"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C4"
    assert [cell.value for cell in sheet[1]] == ["地区", "value", "说明"]
    assert sheet["A1"].font.bold


def test_widths_fit_content_count_cjk_double_and_are_capped(small_book: openpyxl.Workbook) -> None:
    widths = small_book["表"].column_dimensions
    # 翔安区 + U+FFFD + "[2J": 3 wide characters (6) + 4 narrow = 10, plus 2 of padding
    assert widths["A"].width == 12
    # "80 万元" is the widest shown text: 3 narrow + 2 wide = 7, plus 2 ("96.15%" is 6)
    assert widths["B"].width == 9
    assert widths["C"].width == 40  # capped


def test_numbers_stay_numbers_with_their_unit_in_the_format(
    small_book: openpyxl.Workbook,
) -> None:
    sheet = small_book["表"]
    assert sheet["B2"].value == 96.15
    assert sheet["B2"].number_format == '0.00"%"'
    assert sheet["B3"].value == 80
    assert sheet["B3"].number_format == '#,##0" 万元"'
    assert sheet["B4"].value is None


def test_status_cells_have_the_html_colours(small_book: openpyxl.Workbook) -> None:
    sheet = small_book["表"]
    assert sheet["B2"].fill.start_color.rgb == "FFCFE8CF"
    assert sheet["B3"].fill.start_color.rgb == "FFF6C6C1"
    assert sheet["A2"].fill.fill_type is None
    css = dict(re.findall(r"\.status-(\w+) \{ background: #(\w{6}); \}", _markup._CSS))
    assert css == {s: c.lstrip("#") for s, c in _markup.STATUS_COLOURS.items()}


def test_text_is_made_safe(small_book: openpyxl.Workbook) -> None:
    sheet = small_book["表"]
    assert sheet["A4"].value == "翔安区\ufffd[2J"
    assert sheet["C3"].value == "'=1+1"
    assert sheet["C4"].alignment.wrap_text
    assert not sheet["C2"].alignment.wrap_text


def test_same_sheets_give_the_same_bytes() -> None:
    sheet = Sheet("s", ("a",), [(1,), (2.5,)])
    assert sheets_bytes([sheet]) == sheets_bytes([sheet])


@pytest.mark.parametrize(
    ("unit", "lang", "decimals", "expected"),
    [
        ("percent", "zh", 2, '0.00"%"'),
        ("permille", "en", 1, '0.0"‰"'),
        ("wan_yuan", "zh", 0, '#,##0" 万元"'),
        ("mu", "zh", None, 'General" 亩"'),
        ("mu", "en", 2, '#,##0.00" mu"'),
        ("index_point", "zh", 1, '#,##0.0" 分"'),
        ("count", "zh", 0, "#,##0"),
        ("per_10k_persons", "zh", 2, '#,##0.00"/万人"'),
    ],
)
def test_unit_formats_show_the_unit_never_a_code(
    unit: str, lang: str, decimals: int | None, expected: str
) -> None:
    assert unit_format(unit, lang, decimals=decimals) == expected  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def evaluation_books() -> dict[str, openpyxl.Workbook]:
    import xmqc_kpi as kpi

    catalog = kpi.catalog()
    chosen = [
        catalog["municipal_sampling_pass_rate"],
        catalog["school_quality_base_reception_days"],
    ]
    result = kpi.evaluate(chosen, **kpi.sample_data(), as_of="2015-12-31")
    return {
        lang: _open(kpi.evaluation_report(result, format="xlsx", lang=lang))
        for lang in ("zh", "en")
    }


def _row(sheet: Any, **match: object) -> dict[str, Any]:
    """The first row of ``sheet`` (as header → cell) whose cells hold ``match``."""
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    for row in rows[1:]:
        cells = dict(zip(header, row, strict=True))
        if all(cells[key].value == value for key, value in match.items()):
            return cells
    raise AssertionError(f"no row {match}")


def test_evaluation_sheets_are_worded_in_the_report_language(
    evaluation_books: dict[str, openpyxl.Workbook],
) -> None:
    assert evaluation_books["zh"].sheetnames == [
        "汇总",
        "期限",
        "状态矩阵",
        "评价结果",
        "输入数据",
        "来源",
    ]
    assert evaluation_books["en"].sheetnames == [
        "Summary",
        "Deadlines",
        "Matrix",
        "Assessments",
        "Inputs",
        "Provenance",
    ]
    header = [cell.value for cell in evaluation_books["zh"]["评价结果"][1]]
    assert header[:12] == [
        "指标编号",
        "指标",
        "章节",
        "地区",
        "期间",
        "数值",
        "比较",
        "目标值",
        "单位",
        "状态",
        "原因",
        "说明",
    ]


def test_every_evaluation_sheet_is_a_filterable_table(
    evaluation_books: dict[str, openpyxl.Workbook],
) -> None:
    for sheet in evaluation_books["zh"]:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
        widths = [sheet.column_dimensions[c].width for c in "ABC"]
        assert all(6 <= width <= 60 for width in widths), sheet.title
    # the titles (第 2 列) are wider than the default of 13 characters
    assert evaluation_books["zh"]["评价结果"].column_dimensions["B"].width > 13


def test_assessments_store_numbers_with_their_unit_and_colour_statuses(
    evaluation_books: dict[str, openpyxl.Workbook],
) -> None:
    sheet = evaluation_books["zh"]["评价结果"]
    met = _row(sheet, 指标编号="municipal_sampling_pass_rate", 地区="思明区", 期间=2013)
    assert met["数值"].value == pytest.approx(97.321429, abs=1e-6)
    assert met["数值"].number_format == '0.00"%"'
    assert met["目标值"].value == 96
    assert met["目标值"].number_format == '0.00"%"'
    assert met["单位"].value == "%"
    assert met["状态"].value == "达标"
    assert met["状态"].fill.start_color.rgb == "FFCFE8CF"
    # 95.996 % beside 96 %: three decimals, so that it does not read as 96.00 %
    near = _row(sheet, 指标编号="municipal_sampling_pass_rate", 地区="厦门市", 期间=2014)
    assert near["数值"].number_format == '0.000"%"'
    assert near["状态"].fill.start_color.rgb == "FFF6C6C1"
    days = _row(sheet, 指标编号="school_quality_base_reception_days", 地区="厦门市", 期间=2012)
    assert (days["数值"].value, days["数值"].number_format) == (28, '#,##0" 天"')
    assert days["单位"].value == "天"


def test_matrix_holds_numbers_coloured_by_status_and_years_as_numbers(
    evaluation_books: dict[str, openpyxl.Workbook],
) -> None:
    sheet = evaluation_books["en"]["Matrix"]
    row = _row(sheet, **{"Indicator id": "municipal_sampling_pass_rate", "Period": 2015})
    assert row["Period"].data_type == "n"
    assert row["思明区"].value == pytest.approx(97.197802, abs=1e-6)
    assert row["思明区"].number_format == '0.00"%"'
    assert row["思明区"].fill.start_color.rgb == "FFCFE8CF"
    assert row["同安区"].fill.start_color.rgb == "FFF6C6C1"
    periods = [int(str(r[0].value)) for r in sheet.iter_rows(min_row=2)]
    assert periods == sorted(periods, reverse=True)


def test_inputs_show_units_by_name(evaluation_books: dict[str, openpyxl.Workbook]) -> None:
    sheet = evaluation_books["zh"]["输入数据"]
    row = _row(sheet, 变量="school_base_reception_days", 地区="厦门市", 期间=2012)
    assert (row["数值"].value, row["数值"].number_format, row["单位"].value) == (
        28,
        'General" 天"',
        "天",
    )


def test_the_workbook_says_where_it_comes_from(
    evaluation_books: dict[str, openpyxl.Workbook],
) -> None:
    import xmqc_kpi as kpi

    sheet = evaluation_books["en"]["Provenance"]
    pairs: list[tuple[object, object]] = [
        (row[0], row[1]) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    rows = dict(pairs)
    assert rows["Library"] == f"xmqc_kpi {kpi.__version__}"
    assert rows["Evaluation date"] == "2015-12-31"
    assert rows["Language"] == "English"
