"""A bounded XLSX reader: the cells that exist, within budgets, through defusedxml.

An XLSX file is a zip archive of XML parts. This reader streams the parts it needs (the
workbook, its relationships, the shared strings, the styles and one sheet) through
:mod:`defusedxml` (no DTD, no entity, no external reference) and counts what they cost:

* the archive's members and the bytes its parts inflate to (:class:`~xmqc_kpi.limits.Limits`
  ``max_archive_members``, ``max_inflated_bytes``), checked while inflating, so a
  ``sharedStrings.xml`` that inflates to gigabytes is refused after ``max_inflated_bytes``;
* the cells holding a value, the rows and columns of the used range and its cells
  (``max_cells``, ``max_rows``, ``max_columns``): the used range is computed from the cells
  that exist, never from the sheet's declared dimension, so one cell at ``XFD1048576`` or one
  merge over the whole sheet costs one cell, not billions.

Formulas are never evaluated: a formula cell gives the value Excel cached. A cell whose style
is a date format becomes a :class:`datetime.datetime` (a time format below one day a
:class:`datetime.time`), as Excel shows it. Every malformed part is a
:class:`~xmqc_kpi.DataError`; no parser exception escapes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import struct
import xml.etree.ElementTree as FastET
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from .errors import DataError, DataProblem
from .limits import Limits, exceeded
from .text.reading import enumeration

__all__ = ["SheetCells", "read_sheet"]

_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_STRICT_REL_ID = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"
_CELL_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
_MAX_ROW = 1_048_576
_MAX_COLUMN = 16_384
#: Built-in number formats that show a date (14–22, 45–47, and the East Asian 27–36, 50–58).
_DATE_FORMATS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_TIME_FORMATS = frozenset({18, 19, 20, 21, 45, 46, 47})
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")


def _error(code: str, **params: object) -> DataError:
    return DataError([DataProblem(code=code, params=dict(params))])


_limit = exceeded


@dataclass
class SheetCells:
    """One sheet's cells as stored: row number → {0-based column → value}, and its places."""

    title: str
    #: Row number → {0-based column: value} for the cells holding a value.
    rows: dict[int, dict[int, object]]
    #: Columns of the used range (the rightmost cell holding a value, plus one).
    width: int
    #: (row, 0-based column) of each formula cell → whether Excel cached a value.
    formulas: dict[tuple[int, int], bool] = field(default_factory=dict)
    #: Merged ranges: (first row, first column, last row, last column), columns 0-based.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_columns: frozenset[int] = frozenset()
    hidden_rows: frozenset[int] = frozenset()
    #: The hidden sheets passed over to reach this one (the first visible sheet).
    skipped_hidden: tuple[str, ...] = ()


@dataclass(frozen=True)
class _SheetEntry:
    name: str
    part: str
    state: str
    chart: bool


class _Budget:
    """The inflated bytes left for the archive's parts, and the XML elements left to read."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.left = limits.max_inflated_bytes
        self.events = 4 * limits.max_cells + 10_000

    def spend(self) -> None:
        """Count one XML event; refuse the file when the events exceed the budget."""
        self.events -= 1
        if self.events < 0:
            maximum = self.limits.max_cells
            raise _limit("max_cells", f">{maximum}", maximum)


class _Capped:
    """A zip member's stream that refuses to inflate past the budget.

    With ``guard``, it also refuses any document type declaration (``<!DOCTYPE``, hence any
    entity or external reference) and any encoding that is not ASCII-compatible, so that the
    bulk parts can go through the standard library's C parser with the guarantee defusedxml's
    ``forbid_dtd=True`` gives (defusedxml's own parser is the pure-Python one, four times
    slower on a sheet of half a million cells).
    """

    def __init__(self, stream: IO[bytes], budget: _Budget, *, guard: bool = False) -> None:
        self.stream = stream
        self.budget = budget
        self.guard = guard
        self.tail = b""
        self.first = True

    def read(self, size: int = -1) -> bytes:
        want = self.budget.left + 1 if size is None or size < 0 else min(size, self.budget.left + 1)
        data = self.stream.read(want)
        self.budget.left -= len(data)
        if self.budget.left < 0:
            maximum = self.budget.limits.max_inflated_bytes
            raise _limit("max_inflated_bytes", f">{maximum}", maximum)
        if self.guard:
            self._check(data)
        return data

    def _check(self, data: bytes) -> None:
        if self.first and data:
            self.first = False
            if data[:2] in {b"\xff\xfe", b"\xfe\xff"} or b"\x00" in data[:4]:
                raise _error("xlsx_malformed", detail="UTF-16 or UTF-32 XML")
        window = self.tail + data
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise _error("xlsx_malformed", detail="a document type declaration (DTD)")
        self.tail = window[-16:]


def read_sheet(source: Path, sheet: str | None, limits: Limits, *, name: str) -> SheetCells:
    """The cells of ``sheet`` (default: the first visible worksheet) of the workbook ``source``.

    Raises
    ------
    DataError
        For a file that is not a workbook, a malformed or refused XML part, a workbook without
        worksheets, a ``sheet`` that is missing or a chart, a bad cell, or a budget exceeded.
    """
    _check_members(source, limits, name)
    try:
        with zipfile.ZipFile(source) as archive:
            return _Workbook(archive, _Budget(limits)).sheet(sheet)
    except DataError:
        raise
    except (ParseError, defusedxml.DefusedXmlException) as exc:
        raise _error("xlsx_malformed", detail=_short(exc)) from exc
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,  # an encrypted member
        ValueError,
        KeyError,
    ) as exc:
        raise _error("file_unreadable", file=name, format="XLSX", detail=_short(exc)) from exc


def _check_members(source: Path, limits: Limits, name: str) -> None:
    """Refuse an archive of too many members before :mod:`zipfile` lists them all."""
    size = source.stat().st_size
    with source.open("rb") as file:
        file.seek(max(0, size - 65_557))
        tail = file.read()
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or end + 22 > len(tail):
        raise _error("file_unreadable", file=name, format="XLSX", detail="not a zip archive")
    (count,) = struct.unpack_from("<H", tail, end + 10)
    if count == 0xFFFF or count > limits.max_archive_members:  # zip64 claims are not trusted
        raise _limit("max_archive_members", count, limits.max_archive_members)


def _short(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 200 else text[:199] + "…"


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Workbook:
    def __init__(self, archive: zipfile.ZipFile, budget: _Budget) -> None:
        self.archive = archive
        self.budget = budget
        self.names = set(archive.namelist())

    def _events(
        self, part: str, events: tuple[Any, ...] = ("end",), *, bulk: bool = False
    ) -> Iterator[tuple[str, Any]]:
        """The parse events of a part, counted against the budget.

        The bulk parts (sheet, shared strings) go through the guarded C parser, the others
        through defusedxml.
        """
        if part not in self.names:
            raise _error("xlsx_missing_part", part=part)
        with self.archive.open(part) as stream:
            capped = _Capped(stream, self.budget, guard=bulk)
            budget = self.budget
            parse = FastET.iterparse if bulk else SafeET.iterparse
            options: dict[str, Any] = {} if bulk else {"forbid_dtd": True}
            for item in parse(capped, events=events, **options):
                budget.events -= 1
                if budget.events < 0:
                    budget.spend()  # raises
                yield item

    def _tree(self, part: str) -> Element:
        root: Element | None = None
        for _, element in self._events(part):
            root = element
        assert root is not None  # iterparse yields at least the root or raises
        return root

    def _relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Id → (type's last word, member path) of a part's relationships."""
        path = PurePosixPath(part)
        rels = str(path.parent / "_rels" / f"{path.name}.rels")
        if rels not in self.names:
            return {}
        found = {}
        for element in self._tree(rels):
            if _local(element.tag) != "Relationship":
                continue
            target = element.get("Target", "")
            kind = element.get("Type", "").rpartition("/")[2]
            if target.startswith("/"):
                member = target.lstrip("/")
            else:
                member = _normal(str(path.parent / target))
            found[element.get("Id", "")] = (kind, member)
        return found

    def sheet(self, wanted: str | None) -> SheetCells:
        workbook = self._workbook_part()
        root = self._tree(workbook)
        relations = self._relations(workbook)
        entries = []
        date1904 = False
        for element in root.iter():
            name = _local(element.tag)
            if name == "workbookPr":
                date1904 = element.get("date1904", "0").lower() in {"1", "true"}
            elif name == "sheet":
                rel = element.get(_REL_ID) or element.get(_STRICT_REL_ID) or ""
                kind, member = relations.get(rel, ("", ""))
                entries.append(
                    _SheetEntry(
                        name=element.get("name", ""),
                        part=member,
                        state=element.get("state", "visible"),
                        chart=kind != "worksheet",
                    )
                )
        worksheets = [entry for entry in entries if not entry.chart]
        if not worksheets:
            raise _error("xlsx_no_sheets")
        skipped: tuple[str, ...] = ()
        if wanted is not None:
            chosen = next((entry for entry in entries if entry.name == wanted), None)
            if chosen is None:
                names = enumeration(entry.name for entry in entries)
                raise _error("xlsx_no_sheet", sheet=wanted, sheets=names)
            if chosen.chart:
                raise _error("xlsx_chartsheet", sheet=wanted)
        else:
            visible = [entry for entry in worksheets if entry.state == "visible"]
            chosen = visible[0] if visible else worksheets[0]
            skipped = tuple(
                entry.name
                for entry in worksheets[: worksheets.index(chosen)]
                if entry.state != "visible"
            )
        styles = self._date_styles(relations)
        strings = self._shared_strings(relations)
        reader = _SheetReader(self, chosen, strings, styles, date1904)
        cells = reader.read()
        cells.skipped_hidden = skipped
        return cells

    def _workbook_part(self) -> str:
        for kind, member in self._relations("").values():
            if kind == "officeDocument":
                return member
        return "xl/workbook.xml"

    def _shared_strings(self, relations: dict[str, tuple[str, str]]) -> list[str]:
        part = next((m for k, m in relations.values() if k == "sharedStrings"), None)
        if part is None or part not in self.names:
            return []
        strings: list[str] = []
        limit = self.budget.limits.max_cells
        for _, element in self._events(part, bulk=True):
            tag = element.tag
            if not (tag == "si" or tag.endswith("}si")):
                continue
            if len(element) == 1 and element[0].tag.endswith("t"):  # <si><t>…</t></si>
                strings.append(element[0].text or "")
            else:
                strings.append(_text_of(element))
            element.clear()
            if len(strings) > limit:
                raise _limit("max_cells", f">{limit}", limit)
        return strings

    def _date_styles(self, relations: dict[str, tuple[str, str]]) -> dict[int, str]:
        """Style index → "date" or "time", for the cell styles that show a date or a time."""
        part = next((m for k, m in relations.values() if k == "styles"), None)
        if part is None or part not in self.names:
            return {}
        root = self._tree(part)
        custom: dict[int, str] = {}
        kinds: dict[int, str] = {}
        for element in root.iter():
            if _local(element.tag) == "numFmt":
                number = _int(element.get("numFmtId"))
                if number is not None:
                    custom[number] = element.get("formatCode", "")
        for container in root.iter():
            if _local(container.tag) != "cellXfs":
                continue
            for index, xf in enumerate(c for c in container if _local(c.tag) == "xf"):
                number = _int(xf.get("numFmtId", "0"))
                kind = _format_kind(number, custom) if number is not None else None
                if kind is not None:
                    kinds[index] = kind
        return kinds


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in {"", "."}:
            parts.append(part)
    return "/".join(parts)


def _int(text: str | None) -> int | None:
    if text is None or not _INTEGER.fullmatch(text.strip()) or len(text) > 12:
        return None
    return int(text)


def _format_kind(number: int, custom: dict[int, str]) -> str | None:
    """Whether a number format shows a date ("date"), a time ("time") or neither (``None``).

    >>> _format_kind(14, {}), _format_kind(20, {}), _format_kind(0, {})
    ('date', 'time', None)
    >>> _format_kind(200, {200: 'yyyy"年"m"月"'}), _format_kind(201, {201: '0.0"m"'})
    ('date', None)
    """
    if number in custom:
        code = _FORMAT_NOISE.sub("", custom[number].split(";")[0]).lower()
        if "general" in code:
            return None
        if "y" in code or "d" in code:
            return "date"
        if "h" in code or "s" in code:
            return "time"
        return "date" if "m" in code else None
    if number in _TIME_FORMATS:
        return "time"
    return "date" if number in _DATE_FORMATS else None


def _text_of(element: Element) -> str:
    """The text of a shared or inline string: its ``t`` runs, phonetic runs left out."""
    parts: list[str] = []

    def visit(node: Element) -> None:
        name = _local(node.tag)
        if name == "rPh":
            return
        if name == "t" and node.text:
            parts.append(node.text)
        for child in node:
            visit(child)

    visit(element)
    return "".join(parts)


def _column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def _range(ref: str) -> tuple[int, int, int, int] | None:
    """``"A2:C4"`` → (2, 0, 4, 2); ``None`` when it is not a range of cells."""
    first, _, last = ref.upper().partition(":")
    start = _CELL_REF.fullmatch(first)
    end = _CELL_REF.fullmatch(last or first)
    if start is None or end is None:
        return None
    top, left = int(start[2]), _column_number(start[1]) - 1
    bottom, right = int(end[2]), _column_number(end[1]) - 1
    if max(top, bottom) > _MAX_ROW or max(left, right) >= _MAX_COLUMN:
        return None
    return min(top, bottom), min(left, right), max(top, bottom), max(left, right)


class _SheetReader:
    """One worksheet streamed into :class:`SheetCells`, within the budgets."""

    def __init__(
        self,
        workbook: _Workbook,
        entry: _SheetEntry,
        strings: list[str],
        styles: dict[int, str],
        date1904: bool,
    ) -> None:
        self.workbook = workbook
        self.entry = entry
        self.strings = strings
        self.styles = styles
        self.epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
        self.date1904 = date1904
        self.limits = workbook.budget.limits
        self.rows: dict[int, dict[int, object]] = {}
        self.formulas: dict[tuple[int, int], bool] = {}
        self.merged: list[tuple[int, int, int, int]] = []
        self.hidden_rows: set[int] = set()
        self.hidden_spans: list[tuple[int, int]] = []
        self.count = 0
        self.width = 0

    def read(self) -> SheetCells:
        row_number = 0
        parent: Element | None = None
        for event, element in self.workbook._events(self.entry.part, ("start", "end"), bulk=True):
            name = _local(element.tag)
            if event == "start":
                if name == "sheetData":
                    parent = element
                continue
            if name == "row":
                row_number = self._row(element, row_number)
                if parent is not None:
                    parent.clear()  # rows read are not kept in the tree
            elif name == "mergeCell":
                span = _range(element.get("ref", ""))
                if span is None:
                    raise self._bad(element.get("ref", ""), "merge")
                self.merged.append(span)
            elif name == "col" and element.get("hidden", "0").lower() in {"1", "true"}:
                low, high = _int(element.get("min")), _int(element.get("max"))
                if low is not None and high is not None and 1 <= low <= high:
                    self.hidden_spans.append((low - 1, min(high, _MAX_COLUMN) - 1))
        self._check_range()
        self._fill_merged()
        return SheetCells(
            title=self.entry.name,
            rows=self.rows,
            width=self.width,
            formulas=self.formulas,
            merged=self.merged,
            hidden_columns=frozenset(
                p
                for low, high in self.hidden_spans
                for p in range(low, min(high, self.width - 1) + 1)
            ),
            hidden_rows=frozenset(self.hidden_rows & set(self.rows)),
        )

    def _bad(self, ref: str, detail: str) -> DataError:
        return _error("xlsx_bad_cell", sheet=self.entry.name, cell=ref[:20], detail=detail)

    def _row(self, element: Element, previous: int) -> int:
        number = _int(element.get("r")) if element.get("r") is not None else previous + 1
        if number is None or not 1 <= number <= _MAX_ROW:
            raise self._bad(str(element.get("r")), "row")
        if element.get("hidden", "0").lower() in {"1", "true"}:
            self.hidden_rows.add(number)
        position = -1
        for cell in element:
            if _local(cell.tag) != "c":
                continue
            ref = cell.get("r")
            if ref is None:
                position += 1
            else:
                match = _CELL_REF.fullmatch(ref.upper())
                if match is None or int(match[2]) != number:
                    raise self._bad(ref, "reference")
                position = _column_number(match[1]) - 1
            if not 0 <= position < _MAX_COLUMN:
                raise self._bad(str(ref), "reference")
            self._cell(cell, number, position, ref or f"#{position}")
        element.clear()
        return number

    def _cell(self, cell: Element, number: int, position: int, ref: str) -> None:
        kind = cell.get("t", "n")
        value_text: str | None = None
        formula = False
        inline: Element | None = None
        for child in cell:
            name = _local(child.tag)
            if name == "v":
                value_text = child.text or ""
            elif name == "f":
                formula = True
            elif name == "is":
                inline = child
        value = self._value(kind, value_text, inline, cell.get("s"), ref)
        if formula:
            self.formulas[(number, position)] = value is not None and value != ""
        if value is None or value == "":
            return
        self.count += 1
        if self.count > self.limits.max_cells:
            raise _limit("max_cells", f">{self.limits.max_cells}", self.limits.max_cells)
        row = self.rows.get(number)
        if row is None:
            if len(self.rows) >= self.limits.max_rows:
                raise _limit("max_rows", f">{self.limits.max_rows}", self.limits.max_rows)
            row = self.rows[number] = {}
        row[position] = value
        self.width = max(self.width, position + 1)

    def _value(
        self, kind: str, text: str | None, inline: Element | None, style: str | None, ref: str
    ) -> object:
        if kind == "inlineStr":
            return _text_of(inline) if inline is not None else None
        if text is None or (kind != "str" and not text.strip()):
            return None
        if kind == "s":
            index = _int(text)
            if index is None or not 0 <= index < len(self.strings):
                raise _error(
                    "xlsx_bad_shared_string",
                    sheet=self.entry.name,
                    cell=ref,
                    index=text[:20],
                    count=len(self.strings),
                )
            return self.strings[index]
        if kind in {"str", "e"}:
            return text
        if kind == "b":
            return text.strip() in {"1", "true"}
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(text.strip())
            except ValueError:
                return text
        if not _NUMBER.fullmatch(text.strip()):
            raise self._bad(ref, "number")
        number: int | float = int(text) if _INTEGER.fullmatch(text.strip()) else float(text)
        shown = self.styles.get(_int(style) or 0) if style is not None else None
        return self._date(number, shown) if shown is not None else number

    def _date(self, number: int | float, shown: str) -> object:
        """A serial number as the date or time Excel shows (the number when out of range)."""
        if not 0 <= number < 2_958_466:
            return number
        if shown == "time" and number < 1:
            moment = dt.datetime(1900, 1, 1) + dt.timedelta(days=number)
            return moment.time()
        serial = number + 1 if not self.date1904 and number < 60 else number
        return self.epoch + dt.timedelta(days=serial)

    def _check_range(self) -> None:
        """The used range, rows × columns, within the budgets before it is laid out."""
        if self.width > self.limits.max_columns:
            raise _limit("max_columns", self.width, self.limits.max_columns)
        cells = len(self.rows) * self.width
        if cells > self.limits.max_cells:
            raise _limit("max_cells", cells, self.limits.max_cells)

    def _fill_merged(self) -> None:
        """Give each merged range's value to its cells in the used range (counted).

        The ranges kept are clipped to the used range.
        """
        rows = sorted(self.rows)
        work = 0
        clipped = []
        for top, left, bottom, right in self.merged:
            first = self.rows.get(top, {}).get(left)
            right = min(right, self.width - 1)
            inside = rows[bisect.bisect_left(rows, top) : bisect.bisect_right(rows, bottom)]
            if not inside or left > right:
                continue
            clipped.append((top, left, min(bottom, inside[-1]), right))
            work += len(inside) * (right - left + 1)
            if work > self.limits.max_cells:
                raise _limit("max_cells", f">{self.limits.max_cells}", self.limits.max_cells)
            for number in inside:
                cells = self.rows[number]
                for position in range(left, right + 1):
                    if first is None:
                        cells.pop(position, None)
                    else:
                        cells[position] = first
        self.merged = clipped
