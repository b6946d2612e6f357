r"""Spreadsheets a user sorts and filters: the shared XLSX layout of every workbook written.

Every table sheet gets the same treatment: a bold header row in the report's language (the
caller words it), frozen below the header, an autofilter over the whole table, column widths
fitted to their content (capped; a CJK character counts as two), numbers stored as numbers
with a number format that shows their unit, status cells coloured as in the HTML report, and
every text cell made safe (control characters replaced, formulas neutralised). The bytes are
deterministic: the same sheets give the same file.

API (``openpyxl`` is imported only when a workbook is built: the ``report`` extra):

* :class:`Styled` — a cell value with a number format and/or a status colour:
  ``Styled(96.15, unit_format("percent", decimals=2), status="met")``. Plain values are
  written as they are (``None``, NaN and ``pd.NA`` as empty cells; numpy scalars as Python ones).
* :func:`unit_format` — the number format of a unit, by the registry's name or a declared
  spelling (``'0.00"%"'``, ``'#,##0" 万元"'``, ``'General" 天"'``); :func:`number_format` for a
  number without a unit.
* :class:`Sheet` — a table sheet: ``name``, ``header``, ``rows`` (sequences of plain values
  or :class:`Styled`), optional ``formats`` (a number format per column index, for cells that
  are not :class:`Styled`), ``max_width`` and ``wrap`` (wrap text longer than the width).
* :func:`add_sheet` — write a :class:`Sheet` into an openpyxl workbook and return the
  worksheet (to add data validation, protection … afterwards).
* :func:`new_workbook`, :func:`workbook_bytes` (a workbook → deterministic bytes) and
  :func:`sheets_bytes` (sheets → bytes, the usual one-liner).
* :func:`display_width`, :func:`fitted_widths`, :data:`STATUS_COLOURS` (the HTML's colours),
  :data:`HEADER_COLOUR`.

>>> unit_format("percent", decimals=2), unit_format("wan_yuan", decimals=0)
('0.00"%"', '#,##0" 万元"')
>>> unit_format("day"), unit_format("count", decimals=0), unit_format("亩", "en", decimals=1)
('General" 天"', '#,##0', '#,##0.0" mu"')
>>> display_width("思明区"), display_width("abc"), display_width("a\nbcd")
(6, 3, 3)
>>> page = sheets_bytes([Sheet("t", ("地区", "合格率"),
...                            [("思明区", Styled(96.5, unit_format("percent", decimals=2),
...                                                 status="met"))])])
>>> page[:2]
b'PK'
"""

from __future__ import annotations

import datetime as dt
import io
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..safe_text import replace_controls
from ..text import Language, resolve_language
from ..text.units import unit_suffix
from ._markup import STATUS_COLOURS, neutralise_cell

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "HEADER_COLOUR",
    "STATUS_COLOURS",
    "Sheet",
    "Styled",
    "add_sheet",
    "display_width",
    "fitted_widths",
    "new_workbook",
    "number_format",
    "sheets_bytes",
    "unit_format",
    "workbook_bytes",
]

#: The header row's background: the HTML report's ``th`` colour.
HEADER_COLOUR = "#eef2f7"
#: Widths in characters: no column narrower or (by default) wider than these.
MIN_WIDTH = 6
MAX_WIDTH = 60
#: Fixed document date of every workbook, so that the same sheets give the same bytes.
_WORKBOOK_DATE = dt.datetime(2013, 1, 1)


@dataclass(frozen=True, slots=True)
class Styled:
    """A cell value with how to show it: a number format and a status colour."""

    value: object
    #: An Excel number format (:func:`unit_format`); ``None`` for the column's or General.
    format: str | None = None
    #: A status code (``"met"`` …): the cell gets that status's colour.
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table sheet: a header row, then the rows."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    #: A number format per column index (0-based), for the column's cells that are not
    #: :class:`Styled` with a format of their own.
    formats: Mapping[int, str] = field(default_factory=dict)
    #: The widest a column is fitted to, in characters (a CJK character counts two).
    max_width: int = MAX_WIDTH
    #: Wrap text that is wider than its column (explanations), top-aligned.
    wrap: bool = True


def number_format(decimals: int | None = None, *, grouped: bool = True) -> str:
    """The number format of a plain number: ``decimals`` places, or General when ``None``.

    >>> number_format(2), number_format(0), number_format(), number_format(1, grouped=False)
    ('#,##0.00', '#,##0', 'General', '0.0')
    """
    if decimals is None:
        return "General"
    integer = "#,##0" if grouped else "0"
    return integer + ("." + "0" * decimals if decimals > 0 else "")


def unit_format(
    unit: str | None, lang: Language | None = None, *, decimals: int | None = None
) -> str:
    """The number format that shows a number in ``unit`` with its unit after it.

    The unit is written as a reader writes it (:func:`xmqc_kpi.text.units.unit_suffix`, never
    a pint code) and quoted, so ``%`` is a literal: the stored value is already in percent
    (``96.15`` shows ``96.15%``, never ``9615%``). Percent and per mille are not grouped;
    a bare count or a pure number shows no unit.

    >>> unit_format("permille", decimals=2), unit_format("person", "en", decimals=0)
    ('0.00"‰"', '#,##0" persons"')
    >>> unit_format(None, decimals=1), unit_format("meter ** 2", "zh")
    ('#,##0.0', 'General" 平方米"')
    """
    if unit is None or unit == "":
        return number_format(decimals)
    suffix = unit_suffix(unit, resolve_language(lang)).replace('"', "")
    fraction = suffix in ("%", "‰")
    base = number_format(decimals, grouped=not fraction)
    return f'{base}"{suffix}"' if suffix else base


def display_width(text: str) -> int:
    """How many character cells the widest line of ``text`` takes (East Asian wide = 2)."""
    if text.isascii():
        return max(map(len, text.split("\n")))
    return max(
        sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)
        for line in text.split("\n")
    )


def _shown(value: object, number_format: str | None) -> str:
    """Roughly what a cell shows, for fitting widths: the value and the format's unit."""
    if value is None:
        return ""
    if isinstance(value, float) and number_format and number_format != "General":
        places = number_format.split('"')[0].partition(".")[2].count("0")
        text = f"{value:,.{places}f}"
    else:
        text = str(value)
    if number_format and '"' in number_format:
        text += number_format.split('"')[1]
    return text


def fitted_widths(
    header: Sequence[str], columns: Iterable[Sequence[str]], *, max_width: int = MAX_WIDTH
) -> list[int]:
    """A width per column: its widest shown text plus 2, at least 6, at most ``max_width``.

    >>> fitted_widths(("地区", "value"), [("思明区", "翔安区"), ("96.15%", "1,234.50%")])
    [8, 11]
    """
    return [
        min(
            max(MIN_WIDTH, display_width(title) + 2, *(display_width(t) + 2 for t in texts)),
            max_width,
        )
        for title, texts in zip(header, columns, strict=True)
    ]


def _plain(value: object) -> bool | int | float | str | None:
    """A value openpyxl stores: numbers as Python numbers, text made safe, missing as None."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal | Fraction):
        return float(value)
    text = value if isinstance(value, str) else str(value)
    return str(neutralise_cell(text)) if text else None


def new_workbook() -> Workbook:
    """An empty workbook (no default sheet). Needs ``openpyxl`` (``xmqc_kpi[report]``)."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - exercised without the extra only
        raise ImportError(
            "XLSX output needs openpyxl, which is not installed: pip install 'xmqc_kpi[report]'"
        ) from exc
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    return workbook


def add_sheet(workbook: Workbook, sheet: Sheet) -> Worksheet:
    """Write ``sheet`` as a new worksheet of ``workbook``, laid out as a filterable table."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    worksheet: Worksheet = workbook.create_sheet(title=replace_controls(sheet.name)[:31])
    header = [str(_plain(title) or "") for title in sheet.header]
    worksheet.append(header)
    bold = Font(bold=True)
    header_fill = _fill(HEADER_COLOUR, PatternFill)
    for cell in worksheet[1]:
        cell.font = bold
        cell.fill = header_fill
    fills = {status: _fill(colour, PatternFill) for status, colour in STATUS_COLOURS.items()}
    wrapped = Alignment(wrap_text=True, vertical="top")
    shown: list[list[str]] = [[] for _ in header]
    for row_number, row in enumerate(sheet.rows, start=2):
        for column, item in enumerate(row, start=1):
            styled = item if isinstance(item, Styled) else Styled(item)
            value = _plain(styled.value)
            cell = worksheet.cell(row=row_number, column=column, value=value)
            fmt = styled.format or sheet.formats.get(column - 1)
            if fmt is not None and isinstance(value, int | float) and not isinstance(value, bool):
                cell.number_format = fmt
            if styled.status in fills:
                cell.fill = fills[styled.status]
            text = _shown(value, fmt if isinstance(value, float | int) else None)
            if column <= len(shown):
                shown[column - 1].append(text)
            if sheet.wrap and isinstance(value, str) and display_width(text) + 2 > sheet.max_width:
                cell.alignment = wrapped
    widths = fitted_widths(header, shown, max_width=sheet.max_width)
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    if header:
        last = get_column_letter(len(header))
        worksheet.auto_filter.ref = f"A1:{last}{max(1, len(sheet.rows) + 1)}"
        worksheet.freeze_panes = "A2"
    return worksheet


def _fill(colour: str, pattern_fill: Any) -> Any:
    """A solid fill of ``#rrggbb`` (openpyxl wants ``FFRRGGBB``)."""
    argb = "FF" + colour.lstrip("#").upper()
    return pattern_fill(fill_type="solid", start_color=argb, end_color=argb)


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook's bytes, with fixed document dates and zip times (deterministic)."""
    from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

    from openpyxl.writer.excel import ExcelWriter

    workbook.properties.creator = "xmqc_kpi"
    workbook.properties.created = _WORKBOOK_DATE
    workbook.properties.modified = _WORKBOOK_DATE
    staging = io.BytesIO()
    with ZipFile(staging, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    buffer = io.BytesIO()
    with ZipFile(staging) as source, ZipFile(buffer, "w", ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = ZipInfo(info.filename, date_time=(2013, 1, 1, 0, 0, 0))
            fixed.compress_type = ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return buffer.getvalue()


def sheets_bytes(sheets: Iterable[Sheet]) -> bytes:
    """A workbook of ``sheets``, each laid out by :func:`add_sheet`, as bytes."""
    workbook = new_workbook()
    for sheet in sheets:
        add_sheet(workbook, sheet)
    return workbook_bytes(workbook)
