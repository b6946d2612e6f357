"""The shared XLSX layout (reports/_sheets.py) and the evaluation report's workbook."""

from __future__ import annotations

import io
import re

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
