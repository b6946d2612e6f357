"""Reading data files into the frame :func:`xmqc_kpi.evaluate` takes.

The format is chosen by the file's suffix:

``.csv``
    Comma-separated text, in UTF-8 (with or without a byte-order mark) or, when the bytes are
    not UTF-8, GB18030 (which includes GBK and GB2312).
``.xlsx``
    An Excel workbook (needs ``openpyxl``, from the ``report`` extra): the sheet named by
    ``sheet=``, else the first. Formulas are never evaluated: a formula cell gives the value
    Excel cached when it last saved the file.
``.parquet``
    An Apache Parquet file (needs ``pyarrow``, from the ``parquet`` extra). A named pandas
    index (``region``, ``period``) becomes ordinary columns.
``.json``
    Either a list of records, one object per row (``[{"region": "思明区", "period": 2013,
    "gdp": 1.5}, ...]``), or pandas' ``split`` orient (``{"columns": [...], "data": [[...],
    ...]}``, any ``index`` member ignored). Text as for CSV.

Any of the three shapes :func:`xmqc_kpi.evaluate` accepts may be read: wide, long, or a filled
input template. Rows are labelled as a person finds them in the file, so that every
:class:`~xmqc_kpi.DataError` points at the right place: by line number for CSV, by row number
for XLSX, and by record number from 1 for Parquet and JSON. In CSV and XLSX files a problem
also names the column by its letter, as a spreadsheet shows it, and in XLSX by its sheet
(see :class:`FileProblem`). Rows with every cell empty are dropped.

A wide column may be headed by its variable name or by the Chinese label of the input template
(``质量发展经费投入``), either followed by a unit in parentheses, half- or full-width, with any
surrounding spaces: ``质量发展经费投入（万元）`` reads as ``quality_funding`` in 万元. Such
units are returned beside the frame by :func:`read_data_file` (and kept in the frame's
``attrs["units"]`` by :func:`read_data`); pass them to ``evaluate(..., units=...)``.

Reading is lenient only where the meaning is unambiguous, and says what it did in
:attr:`DataFile.notes`:

* title rows above the header (``厦门市质量指标统计表``, ``单位:批次``) are skipped when a
  header row naming known variables, template labels or key columns follows within the first
  20 rows; a title row that gives a unit other than a count (``单位:万元``) is an error, since
  it would apply to every column;
* in the columns of numbers the indicators read: thousands separators (``1,160``), full-width
  digits (``１１６０``) and surrounding spaces; the missing-value markers ``—``, ``-``,
  ``/``, ``无``, ``NA`` (and ``N/A``, ``--``, ``——``, ``#N/A``, ``NaN``) read as missing;
  percentages and per-mille values (``96.5%``, ``1‰``) only where the column's unit is
  percent, per mille or dimensionless, converted exactly into that unit;
* periods written as ``2013``, ``2013年``, ``2013年度``, ``2013-12``, ``2013/12``,
  ``2013年12月``, ``2013Q4`` or ``2013年第四季度`` become ``2013``, ``"2013-12"`` or
  ``"2013Q4"``; an XLSX cell formatted as a date becomes a month (a year or a quarter when the
  column's other periods are years or quarters);
* a row whose region (or period) is a total, ``合计``, ``小计``, ``总计`` or ``共计``, is
  dropped: evaluated as a region it would count its districts twice. The city's own figures
  belong in a ``厦门市`` row;
* XLSX merged cells are filled with their value in key and label columns (a region written
  once beside several periods); in a column of numbers they are an error. Hidden columns and
  rows are read like the others.

Anything else that is not a number in such a column (``约1200``, ``见附件``), a period that
cannot be read or names two periods (``2013-2014``), and a formula Excel never computed are a
:class:`~xmqc_kpi.DataError` listing every such cell. Columns no indicator reads are kept as
they are. Reading never runs anything from the file: no ``eval``, no pickle, no formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any
from zipfile import BadZipFile

import numpy as np
import pandas as pd

from .errors import DataError, DataProblem
from .indicator import Indicator
from .template import TEMPLATE_COLUMNS
from .units import UnitError, normalise_unit

__all__ = ["SUFFIXES", "DataFile", "FileProblem", "read_data", "read_data_file", "read_units"]

#: The data file formats, by suffix.
SUFFIXES: Mapping[str, str] = MappingProxyType(
    {".csv": "CSV", ".xlsx": "XLSX", ".parquet": "Parquet", ".json": "JSON"}
)

#: Key and label columns: text, never read as numbers.
_KEY_COLUMNS = frozenset({"region", "period", "variable", "unit", *TEMPLATE_COLUMNS})
#: Headers that make a row the header row, besides variable names and labels.
_HEADER_WORDS = frozenset({*_KEY_COLUMNS, "value"})
#: The Chinese headers a department writes for the key columns of a wide or long table.
_KEY_HEADERS: Mapping[str, str] = {
    "地区": "region",
    "区域": "region",
    "行政区": "region",
    "行政区划": "region",
    "期间": "period",
    "时期": "period",
    "年份": "period",
    "年度": "period",
    "统计期": "period",
    "指标": "variable",
    "变量": "variable",
    "数值": "value",
    "单位": "unit",
}
#: How many rows from the top a header row is looked for in.
_HEADER_SEARCH = 20
_WIDTH_FOLD = str.maketrans({"（": "(", "）": ")", "\u3000": " "})
_UNIT_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<unit>[^()]+)\)$")
#: Cell texts (after NFKC folding and stripping, compared in upper case) that mean "missing".
_MISSING = frozenset({"-", "--", "—", "——", "/", "无", "NA", "N/A", "#N/A", "NAN"})
_PLAIN = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_GROUPED = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_NUMBER = re.compile(rf"(?P<number>{_PLAIN}|(?P<grouped>{_GROUPED}))(?:\s*(?P<sign>[%‰]))?")
#: Per cent and per mille, in each unit that a percentage may be written in.
_PER = {"%": Fraction(1, 100), "‰": Fraction(1, 1000)}
_FRACTION_UNITS = {
    "percent": Fraction(1, 100),
    "permille": Fraction(1, 1000),
    "dimensionless": Fraction(1),
}
_YEAR = re.compile(r"(?P<year>\d{4})(?:年度?)?")
_MONTH = re.compile(r"(?P<year>\d{4})(?:[-/]|年)(?P<month>\d{1,2})月?")
_QUARTER = re.compile(r"(?P<year>\d{4})(?:年|-)?(?:[Qq](?P<q>[1-4])|第?(?P<zh>[1-4一二三四])季度?)")
_QUARTER_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_TOTAL = re.compile(r"(合计|小计|总计|共计)$")
_TITLE_UNIT = re.compile(r"单位\s*[:：]\s*(?P<unit>\S+)")
#: Words a title row may give as its unit that mean counting (批次, 个, …): harmless.
_COUNT_WORDS = frozenset(
    {"批", "批次", "个", "件", "次", "项", "家", "台", "人", "人次", "户", "座", "处", "条", "宗"}
)


@dataclass(frozen=True)
class DataFile:
    """A data file as read: the frame for :func:`xmqc_kpi.evaluate`, the units of its headers.

    Examples
    --------
    >>> import pandas as pd
    >>> file = DataFile(
    ...     frame=pd.DataFrame({"period": [2013], "quality_funding": [11]}),
    ...     units={"quality_funding": "万元"},
    ...     headers={"quality_funding": "质量发展经费投入(万元)"},
    ...     source=Path("funding.csv"),
    ... )
    >>> file.units_with({"general_budget_revenue": "亿元"})
    {'quality_funding': '万元', 'general_budget_revenue': '亿元'}
    """

    #: The data, columns renamed to variable names where a header was recognised.
    frame: pd.DataFrame
    #: Variable → unit, for each column whose header gave a unit.
    units: Mapping[str, str]
    #: Variable → header as written in the file, for each column renamed.
    headers: Mapping[str, str]
    #: The file read.
    source: Path
    #: What reading did that a person should know of, one sentence each: rows skipped or
    #: dropped, cells read leniently (thousands separators, markers of missing values, …).
    notes: tuple[str, ...] = ()

    def units_with(self, explicit: Mapping[str, str] | None = None) -> dict[str, str]:
        """The header units together with ``explicit`` ones (e.g. from a ``--units`` file).

        Raises
        ------
        DataError
            If an explicit unit contradicts the unit written in a column's header; the
            problem names that column.
        """
        merged = dict(self.units)
        problems = []
        for name, unit in (explicit or {}).items():
            given = merged.get(name)
            if given is None:
                merged[name] = unit
            elif not _same_unit(given, unit):
                problems.append(
                    DataProblem(
                        column=self.headers.get(name, name),
                        row=None,
                        message=f"the header gives the unit {given!r}, the units mapping {unit!r}",
                    )
                )
        if problems:
            raise DataError(problems)
        return merged


class FileProblem(DataProblem):
    """A problem at a place in a file, shown as a spreadsheet shows it.

    ``column`` is the variable (or the header, where it names none), so that code can act on
    it; ``row`` is the file's row, line or record number. ``sheet`` (XLSX), ``letter`` (CSV
    and XLSX) and ``header`` (as written in the file) place it for a person.

    >>> print(FileProblem(column="municipal_sampled_batches", row=5, sheet="Sheet1",
    ...     letter="C", header="市级监督抽查批次", message="not a number: '约1200'"))
    sheet 'Sheet1', row 5, column C (市级监督抽查批次): not a number: '约1200'
    """

    sheet: str | None = None
    letter: str | None = None
    header: str | None = None

    def __str__(self) -> str:
        where = []
        if self.sheet is not None:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        header = self.header if self.header is not None else self.column
        if self.letter is not None:
            where.append(f"column {self.letter} ({header})" if header else f"column {self.letter}")
        elif header is not None:
            where.append(f"column {header!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


def read_data(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    indicators: Iterable[Indicator] | None = None,
) -> pd.DataFrame:
    r"""Read a data file (CSV, XLSX, Parquet or JSON) into a frame for :func:`xmqc_kpi.evaluate`.

    The units written in the headers are in the frame's ``attrs["units"]``, which
    :func:`xmqc_kpi.evaluate` applies (a ``units=`` argument that contradicts one is an
    error), and what reading did leniently is in ``attrs["notes"]``. See the module's
    documentation for the formats and the leniency.

    Parameters
    ----------
    path
        The file; its suffix (``.csv``, ``.xlsx``, ``.parquet``, ``.json``) gives the format.
    sheet
        For XLSX, the sheet to read (default: the first).
    indicators
        The indicators whose input labels are recognised in headers, and whose inputs' units
        decide where a percentage may be written (default: the built-in catalog).

    Returns
    -------
    pandas.DataFrame
        The data, indexed by line, row or record number as described above.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    ValueError
        If the suffix is not a supported one.
    DataError
        If the file is empty, cannot be decoded or parsed, a header is wrong, or a cell of a
        column the indicators read is neither a number nor a marker of a missing value.
    ImportError
        If the optional dependency for XLSX or Parquet is not installed.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "funding.csv").write_text(
    ...     "period,质量发展经费投入（万元）\n2013年,\"1,100\"\n", encoding="utf-8-sig")
    >>> frame = read_data(folder / "funding.csv")
    >>> frame
       period  quality_funding
    2    2013             1100
    >>> frame.attrs["units"]
    {'quality_funding': '万元'}
    >>> for note in frame.attrs["notes"]:
    ...     print(note)
    column A (period): 1 period rewritten as the engine reads it ('2013年' → 2013), row 2
    column B (质量发展经费投入（万元）): 1 number with thousands separators read as a number, row 2
    """
    file = read_data_file(path, sheet=sheet, indicators=indicators)
    frame = file.frame
    frame.attrs["units"] = dict(file.units)
    frame.attrs["notes"] = list(file.notes)
    return frame


def read_data_file(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    indicators: Iterable[Indicator] | None = None,
) -> DataFile:
    """Read a data file into a :class:`DataFile`: the frame, its header units and notes.

    Parameters and errors are those of :func:`read_data`.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "gdp.json").write_text(
    ...     '[{"region": "思明区", "period": 2013, "地区生产总值(GDP) (亿元)": 1.5}]',
    ...     encoding="utf-8")
    >>> file = read_data_file(folder / "gdp.json")
    >>> list(file.frame.columns), file.units, file.headers, file.notes
    (['region', 'period', 'gdp'], {'gdp': '亿元'}, {'gdp': '地区生产总值(GDP) (亿元)'}, ())
    """
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise ValueError(f"{source}: cannot read {suffix or 'a file without suffix'}; use {known}")
    if not source.is_file():
        what = "is not a file" if source.exists() else "does not exist"
        raise FileNotFoundError(f"{source} {what}")
    raw = _PARSERS[suffix](source, sheet)
    return _Reading(source, raw, _Vocabulary.of(indicators)).run()


def read_units(path: str | os.PathLike[str]) -> dict[str, str]:
    r"""Read a units mapping, variable → unit, from a JSON, YAML or CSV file.

    * JSON (``.json``): one object, ``{"gdp": "亿元", "quality_funding": "万元"}``;
    * YAML (``.yaml``, ``.yml``): one mapping, ``gdp: 亿元``, one per line;
    * CSV (``.csv``): a header with the columns ``variable`` and ``unit`` (others are
      ignored), then one row per variable; UTF-8 or GB18030, as for data.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    ValueError
        If the suffix is not one of these, or the file is not such a mapping of strings.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "units.csv").write_text("variable,unit\ngdp,亿元\n", encoding="utf-8")
    >>> read_units(folder / "units.csv")
    {'gdp': '亿元'}
    """
    source = Path(path)
    suffix = source.suffix.lower()
    loaders: dict[str, Callable[[str], Any]] = {
        ".json": json.loads,
        ".yaml": _yaml_load,
        ".yml": _yaml_load,
        ".csv": _units_from_csv,
    }
    if suffix not in loaders:
        raise ValueError(f"{source}: a units file is .json, .yaml, .yml or .csv")
    if not source.is_file():
        raise FileNotFoundError(f"{source} does not exist")
    try:
        mapping = loaders[suffix](_decode(source.read_bytes(), source))
    except ValueError as exc:  # json.JSONDecodeError, a YAML error, a bad CSV header
        raise ValueError(f"{source}: cannot read the units mapping: {exc}") from exc
    if not isinstance(mapping, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in mapping.items()
    ):
        raise ValueError(f"{source}: a units file maps variable names to unit strings")
    return mapping


# --------------------------------------------------------------------------- formats


@dataclass
class _Raw:
    """A file's cells as parsed, before any header is resolved or any cell is cleaned."""

    #: Cells; columns are the file's 0-based column positions, the index its row numbers.
    #: Without ``header``, the header row is still among the rows.
    cells: pd.DataFrame
    #: The header, when the format gives it apart from the rows (JSON, Parquet).
    header: list[object] | None = None
    #: The XLSX sheet's title.
    sheet: str | None = None
    #: Whether columns are placed by letter (CSV and XLSX).
    letters: bool = False
    #: XLSX: (row, 0-based column) of each formula cell → whether Excel cached a value.
    formulas: dict[tuple[int, int], bool] = field(default_factory=dict)
    #: XLSX merged ranges: (first row, first column, last row, last column), columns 0-based.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_columns: frozenset[int] = frozenset()
    hidden_rows: frozenset[int] = frozenset()


def _decode(data: bytes, source: Path) -> str:
    """The text of a file: UTF-8 (a byte-order mark dropped), else GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError.single(f"{source} is neither UTF-8 nor GB18030 (GBK) text")


def _text(source: Path) -> str:
    text = _decode(source.read_bytes(), source)
    if not text.strip():
        raise DataError.single(f"{source} is empty")
    return text


def _unreadable(source: Path, exc: Exception | str) -> DataError:
    return DataError.single(f"cannot read {source} as {SUFFIXES[source.suffix.lower()]}: {exc}")


def _grid(rows: Sequence[Sequence[object]], numbers: Sequence[int]) -> pd.DataFrame:
    """Rows of cells as an object frame, padded to the widest row, indexed by row number."""
    width = max((len(row) for row in rows), default=0)
    padded = [[*row, *([None] * (width - len(row)))] for row in rows]
    return pd.DataFrame(padded, index=pd.Index(numbers), columns=range(width), dtype=object)


def _read_csv(source: Path, sheet: str | None) -> _Raw:
    _no_sheet(source, sheet)
    text = _text(source)
    if "\x00" in text:
        raise _unreadable(source, "the text holds NUL characters")
    rows: list[list[object]] = []
    numbers: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for row in reader:
            rows.append([cell if cell != "" else None for cell in row])
            numbers.append(line)
            line = reader.line_num + 1  # a quoted cell may span lines
    except csv.Error as exc:
        raise _unreadable(source, exc) from exc
    return _Raw(cells=_grid(rows, numbers), letters=True)


def _read_xlsx(source: Path, sheet: str | None) -> _Raw:
    openpyxl = _optional("openpyxl", extra="report", purpose="reading .xlsx files")
    invalid = openpyxl.utils.exceptions.InvalidFileException

    if source.stat().st_size == 0:
        raise DataError.single(f"{source} is empty")
    try:  # data_only gives the values Excel cached, never formulas
        workbook = openpyxl.load_workbook(source, data_only=True)
        formulas = openpyxl.load_workbook(source, read_only=True, data_only=False)
    except (OSError, ValueError, KeyError, BadZipFile, invalid) as exc:
        raise _unreadable(source, exc) from exc
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise DataError.single(
                f"{source} has no sheet {sheet!r}; its sheets are {workbook.sheetnames}"
            )
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        rows = [list(row) for row in worksheet.iter_rows(min_row=1, min_col=1, values_only=True)]
        formula_cells = _formula_cells(formulas[worksheet.title])
        merged = [
            (cells.min_row, cells.min_col - 1, cells.max_row, cells.max_col - 1)
            for cells in worksheet.merged_cells.ranges
        ]
        hidden_columns = frozenset(
            position - 1
            for dimension in worksheet.column_dimensions.values()
            if dimension.hidden and dimension.min is not None and dimension.max is not None
            for position in range(dimension.min, dimension.max + 1)
        )
        hidden_rows = frozenset(
            number for number, dimension in worksheet.row_dimensions.items() if dimension.hidden
        )
    finally:
        workbook.close()
        formulas.close()
    if not any(any(_filled(cell) for cell in row) for row in rows):
        raise DataError.single(f"{source} is empty (sheet {worksheet.title!r})")
    for first_row, first_column, last_row, last_column in merged:  # the value fills the range
        value = rows[first_row - 1][first_column] if first_row <= len(rows) else None
        for number in range(first_row, min(last_row, len(rows)) + 1):
            row = rows[number - 1]
            row.extend([None] * (last_column + 1 - len(row)))
            row[first_column : last_column + 1] = [value] * (last_column + 1 - first_column)
    return _Raw(
        cells=_grid(rows, range(1, len(rows) + 1)),
        sheet=worksheet.title,
        letters=True,
        formulas={
            position: _filled(rows[position[0] - 1][position[1]])
            if position[1] < len(rows[position[0] - 1])
            else False
            for position in formula_cells
            if position[0] <= len(rows)
        },
        merged=merged,
        hidden_columns=hidden_columns,
        hidden_rows=hidden_rows,
    )


def _formula_cells(worksheet: Any) -> set[tuple[int, int]]:
    """(row, 0-based column) of every formula cell of a read-only, formula-keeping sheet."""
    found = set()
    for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
        for position, value in enumerate(row):
            if (isinstance(value, str) and value.startswith("=")) or type(value).__name__ in {
                "ArrayFormula",
                "DataTableFormula",
            }:
                found.add((number, position))
    return found


def _read_parquet(source: Path, sheet: str | None) -> _Raw:
    _no_sheet(source, sheet)
    _optional("pyarrow", extra="parquet", purpose="reading .parquet files")
    if source.stat().st_size == 0:
        raise DataError.single(f"{source} is empty")
    try:
        frame = pd.read_parquet(source, engine="pyarrow")
    except (OSError, ValueError) as exc:  # pyarrow.ArrowInvalid is a ValueError
        raise _unreadable(source, exc) from exc
    named_index = any(name is not None for name in frame.index.names)
    frame = frame.reset_index(drop=not named_index)
    return _given_header(frame, list(frame.columns))


def _read_json(source: Path, sheet: str | None) -> _Raw:
    _no_sheet(source, sheet)
    try:
        document = json.loads(_text(source))
    except ValueError as exc:
        raise _unreadable(source, exc) from exc
    if isinstance(document, list):
        return _json_records(document, source)
    if isinstance(document, dict) and {"columns", "data"} <= set(document):
        return _json_split(document, source)
    raise DataError.single(
        f"{source}: expected a list of records or an object with 'columns' and 'data'"
    )


def _json_records(records: list[Any], source: Path) -> _Raw:
    wrong = [number for number, record in enumerate(records, 1) if not isinstance(record, dict)]
    if wrong:
        raise DataError.single(f"{source}: records {wrong[:5]} are not objects")
    frame = pd.DataFrame(records)
    return _given_header(frame, list(frame.columns))


def _json_split(document: dict[str, Any], source: Path) -> _Raw:
    columns, data = document["columns"], document["data"]
    if not isinstance(columns, list) or not isinstance(data, list):
        raise DataError.single(f"{source}: 'columns' and 'data' must be lists")
    wrong = [
        number
        for number, row in enumerate(data, 1)
        if not isinstance(row, list) or len(row) != len(columns)
    ]
    if wrong:
        raise DataError.single(
            f"{source}: rows {wrong[:5]} of 'data' are not lists of {len(columns)} cells"
        )
    frame = pd.DataFrame(data, columns=range(len(columns)), dtype=object).infer_objects()
    return _given_header(frame, columns)


def _given_header(frame: pd.DataFrame, header: list[Any]) -> _Raw:
    """A frame whose header the format gives: columns by position, records numbered from 1."""
    frame = frame.set_axis(pd.RangeIndex(len(frame.columns)), axis="columns")
    frame.index = pd.RangeIndex(1, 1 + len(frame))
    return _Raw(cells=frame, header=header)


_PARSERS: dict[str, Callable[[Path, str | None], _Raw]] = {
    ".csv": _read_csv,
    ".xlsx": _read_xlsx,
    ".parquet": _read_parquet,
    ".json": _read_json,
}


def _no_sheet(source: Path, sheet: str | None) -> None:
    if sheet is not None:
        raise ValueError(f"{source}: only an .xlsx file has sheets (sheet={sheet!r})")


def _optional(module: str, *, extra: str, purpose: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{purpose} needs {module}, which is not installed: pip install 'xmqc_kpi[{extra}]'"
        ) from exc


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Vocabulary:
    """What headers and cells are read against: the indicators' variable names and units."""

    #: Every header (folded) that names a variable: input names, their labels, indicator ids.
    names: Mapping[str, str]
    #: Variable or indicator id → the unit a bare number is read in.
    units: Mapping[str, str]

    @classmethod
    def of(cls, indicators: Iterable[Indicator] | None) -> _Vocabulary:
        if indicators is None:
            from .catalogs import catalog  # the 42 declarations: only when a file is read

            indicators = catalog()
        names: dict[str, str] = dict(_KEY_HEADERS)
        units: dict[str, str] = {}
        for indicator in indicators:
            for item in indicator.inputs:
                names.setdefault(item.name, item.name)
                names.setdefault(_fold(item.label_zh), item.name)
                units.setdefault(item.name, item.unit)
            names.setdefault(indicator.id, indicator.id)
            units.setdefault(indicator.id, indicator.unit)
        return cls(names=names, units=units)


@dataclass(frozen=True)
class _Column:
    """A column of the file: where it is, its header, and the variable it names."""

    position: int
    #: The header as written, without surrounding spaces.
    header: str
    #: The variable named (or the header, when it names none).
    name: str
    #: The unit the header gives.
    unit: str | None


@dataclass(frozen=True)
class _Parsed:
    """A text cell read as a number: its value (``None``: missing) and how it was written."""

    value: Decimal | None
    #: Leniencies applied: "spaces", "full-width", "separators", "marker".
    kinds: tuple[str, ...] = ()
    #: ``%`` or ``‰`` after the number.
    sign: str | None = None
    integral: bool = True
    bad: bool = False


_KIND_NOTES = {
    "spaces": ("number with surrounding spaces", "numbers with surrounding spaces"),
    "full-width": ("number in full-width characters", "numbers in full-width characters"),
    "separators": ("number with thousands separators", "numbers with thousands separators"),
}


class _Reading:
    """One file being read: the steps from raw cells to a :class:`DataFile`."""

    def __init__(self, source: Path, raw: _Raw, vocabulary: _Vocabulary) -> None:
        self.source = source
        self.raw = raw
        self.vocabulary = vocabulary
        self.problems: list[FileProblem] = []
        self.notes: list[str] = []
        self.header_row: int | None = None
        self.columns: dict[int, _Column] = {}
        self.written: list[object] = []

    # ----------------------------------------------------------------- steps

    def run(self) -> DataFile:
        cells, header = self._header()
        cells = self._drop_blank(cells, header)
        if cells.empty:
            raise DataError.single(f"{self.source} has no data: only a header, or nothing")
        self._resolve_headers(cells, header)
        self._raise()
        self._header_notes()
        cells = self._drop_totals(cells)
        if cells.empty:
            raise DataError.single(f"{self.source} has no data: only total rows")
        numeric, row_units = self._shape(cells)
        self._sheet_checks(cells, numeric)
        result: dict[int, pd.Series] = {}
        for position, column in self.columns.items():
            series = cells[position]
            if column.name == "period":
                result[position] = self._periods(series, column)
            elif column.name in _KEY_COLUMNS:
                result[position] = series.map(_stripped)
            elif position in numeric:
                cell_units, known = row_units(column)
                result[position] = self._numbers(series, column, cell_units, known)
            else:
                result[position] = _numbers_from_text(series)
        self._raise()
        frame = pd.DataFrame(
            {position: _inferred(series) for position, series in result.items()},
            index=cells.index,
        )
        frame.columns = pd.Index([self.columns[p].name for p in result], dtype=object)
        units = {c.name: c.unit for c in self.columns.values() if c.unit is not None}
        headers = {c.name: c.header for c in self.columns.values() if c.header != c.name}
        return DataFile(frame, units, headers, self.source, tuple(self.notes))

    def _header(self) -> tuple[pd.DataFrame, list[str]]:
        """The data rows and the header texts, by position; title rows above it skipped."""
        cells = self.raw.cells
        if self.raw.header is not None:
            self.written = list(self.raw.header)
            return cells, [_header_text(cell) for cell in self.raw.header]
        top = cells.iloc[:_HEADER_SEARCH]
        found = next(
            (
                index
                for index, row in enumerate(top.itertuples(index=False, name=None))
                if any(self._is_header_word(_header_text(cell)) for cell in row)
            ),
            None,
        )
        if found is None:
            first = [_header_text(cell) for cell in cells.iloc[0]] if len(cells) else []
            if not any(first):
                line = "line" if self.raw.sheet is None else "row"
                raise DataError.single(
                    f"{self.source}: {line} 1 is blank, and no {line} of the first "
                    f"{_HEADER_SEARCH} is a header of variable names or template labels"
                )
            found = 0
        self.header_row = int(cells.index[found])
        self._title_rows(cells.iloc[:found])
        self.written = list(cells.iloc[found])
        return cells.iloc[found + 1 :], [_header_text(cell) for cell in cells.iloc[found]]

    def _is_header_word(self, text: str) -> bool:
        return _fold(text) in _HEADER_WORDS or _resolve(text, self.vocabulary.names) is not None

    def _title_rows(self, titles: pd.DataFrame) -> None:
        """Note the title rows skipped; a title giving a unit other than a count is an error."""
        texts: list[str] = []
        numbers: list[int] = []
        for number, row in zip(
            titles.index, titles.itertuples(index=False, name=None), strict=True
        ):
            words = list(dict.fromkeys(_header_text(cell) for cell in row if _filled(cell)))
            if not words:
                continue
            text = " ".join(words)
            texts.append(text)
            numbers.append(int(number))
            match = _TITLE_UNIT.search(unicodedata.normalize("NFKC", text))
            if match is not None:
                unit = match["unit"].rstrip(")）]】")
                if not _counting(unit):
                    self._problem(
                        None,
                        int(number),
                        f"the title row gives the unit {unit!r} for the whole sheet; write the "
                        f"unit in each column's header instead, e.g. 质量发展经费投入（{unit}）",
                    )
        if numbers:
            what = "title rows" if len(numbers) > 1 else "a title row"
            quoted = ", ".join(repr(text) for text in texts)
            self.notes.append(f"{_rows_text(numbers)} skipped as {what}: {quoted}")

    def _drop_blank(self, cells: pd.DataFrame, header: list[str]) -> pd.DataFrame:
        """Without rows whose every cell is empty, and blank-headed columns with no value."""
        empty = cells.isna().to_numpy(dtype=bool, copy=True)
        for index, dtype in enumerate(cells.dtypes):
            if not pd.api.types.is_numeric_dtype(dtype):
                values = cells.iloc[:, index].to_numpy(dtype=object)
                blank = [isinstance(cell, str) and not cell.strip() for cell in values]
                empty[:, index] |= np.array(blank, dtype=bool)
        header = header + [""] * (len(cells.columns) - len(header))
        keep: list[int] = []
        for index, position in enumerate(cells.columns):
            if header[index] != "":
                keep.append(index)
            elif not bool(empty[:, index].all()):
                filled = cells.index[~empty[:, index]]
                if self.raw.sheet is None and self.raw.letters:  # CSV: a malformed line
                    width = len([text for text in header if text])
                    raise _unreadable(
                        self.source,
                        f"line {filled[0]} has more cells than the header's {width}",
                    )
                self.notes.append(
                    f"{self._where_position(int(position), '')} has values but no header: ignored"
                )
        rows = np.flatnonzero(~empty[:, keep].all(axis=1)) if keep else np.array([], dtype=int)
        return cells.iloc[rows, keep]

    def _resolve_headers(self, cells: pd.DataFrame, header: list[str]) -> None:
        seen: dict[str, _Column] = {}
        for position in cells.columns:
            text = header[int(position)]
            resolved = _resolve(text, self.vocabulary.names)
            name, unit = resolved if resolved is not None else (text, None)
            column = _Column(position=int(position), header=text, name=name, unit=unit)
            earlier = seen.get(name)
            if earlier is not None and resolved is None:
                self._problem(column, self.header_row, "repeated header")
            elif earlier is not None:
                where = self._where(earlier)
                message = f"names the variable {name!r}, as does {where}"
                self._problem(column, self.header_row, message)
            elif unit is not None and not _known_unit(unit):
                self._problem(column, self.header_row, f"unknown unit {unit!r} in the header")
            seen.setdefault(name, column)
            self.columns[int(position)] = column

    def _header_notes(self) -> None:
        """Note the headers whose surrounding spaces were ignored, and Chinese key headers."""
        for column in self.columns.values():
            raw = self.written[column.position] if column.position < len(self.written) else None
            keyed = _fold(column.header) in _KEY_HEADERS
            if isinstance(raw, str) and (raw != raw.strip() or keyed):
                unit = f" in {column.unit}" if column.unit is not None else ""
                self.notes.append(f"header {raw!r} read as {column.name}{unit}")

    def _drop_totals(self, cells: pd.DataFrame) -> pd.DataFrame:
        """Without total rows (合计, 小计, 总计, 共计 as region or period), noted."""
        totals: dict[int, str] = {}
        for position, column in self.columns.items():
            if column.name not in {"region", "period"}:
                continue
            for number, cell in zip(cells.index.tolist(), cells[position], strict=True):
                if isinstance(cell, str) and _TOTAL.search(_squeezed(cell)):
                    totals.setdefault(int(number), cell.strip())
        if not totals:
            return cells
        plural = len(totals) > 1
        quoted = ", ".join(repr(text) for text in dict.fromkeys(totals.values()))
        self.notes.append(
            f"{_rows_text(list(totals))} dropped as {'total rows' if plural else 'a total row'} "
            f"({quoted}): evaluated as a region, a total would count its districts twice"
        )
        return cells.drop(index=list(totals))

    def _shape(
        self, cells: pd.DataFrame
    ) -> tuple[set[int], Callable[[_Column], tuple[list[str | None], list[bool]]]]:
        """The positions of the columns of numbers, and the unit of each of their cells."""
        names = {column.name: position for position, column in self.columns.items()}
        declared = self.vocabulary.units
        if "variable" not in names:
            numeric = {
                position
                for position, column in self.columns.items()
                if column.name in declared and column.name not in _KEY_COLUMNS
            }

            def wide_units(column: _Column) -> tuple[list[str | None], list[bool]]:
                unit = column.unit if column.unit is not None else declared[column.name]
                return [unit] * len(cells), [True] * len(cells)

            return numeric, wide_units
        variables = [_stripped(cell) for cell in cells[names["variable"]]]
        known = [isinstance(name, str) and name in declared for name in variables]
        given = (
            [_stripped(cell) for cell in cells[names["unit"]]]
            if "unit" in names
            else [None] * len(cells)
        )
        units: list[str | None] = [
            str(unit)
            if isinstance(unit, str) and unit
            else (declared[str(name)] if is_known else None)
            for name, unit, is_known in zip(variables, given, known, strict=True)
        ]
        if "value" in names:
            numeric = {names["value"]}
        else:  # a filled template: every other column is a period
            numeric = {p for p, c in self.columns.items() if c.name not in _KEY_COLUMNS}
            self._period_headers(numeric)
        return numeric, lambda column: (units, known)

    def _period_headers(self, positions: set[int]) -> None:
        """A template's period columns, renamed to the periods the engine reads."""
        for position in sorted(positions):
            column = self.columns[position]
            parsed = _period_text(column.header)
            if isinstance(parsed, _PeriodError):
                self._problem(column, self.header_row, parsed.message)
                continue
            label = str(parsed)
            if label != column.header:
                self.notes.append(
                    f"{self._where(column)}: the period {column.header!r} read as {label!r}"
                )
            self.columns[position] = _Column(position, column.header, label, None)

    def _sheet_checks(self, cells: pd.DataFrame, numeric: set[int]) -> None:
        """XLSX: merged cells, formulas without a value, hidden columns and rows."""
        rows = set(cells.index)
        used = numeric | {p for p, c in self.columns.items() if c.name in _KEY_COLUMNS}
        for first_row, first, last_row, last in self.raw.merged:
            spanned = [number for number in range(first_row, last_row + 1) if number in rows]
            positions = [p for p in range(first, last + 1) if p in self.columns]
            if not spanned or (first_row == last_row and first == last) or not positions:
                continue
            where = f"{_letter(first)}{first_row}:{_letter(last)}{last_row}"
            if any(p in numeric for p in positions):
                self._problem(
                    self.columns[positions[0]],
                    first_row,
                    f"merged cells {where} give one value to several cells of numbers; "
                    "unmerge them and give each cell its value",
                )
            elif any(p in used for p in positions):
                value = cells.loc[spanned[0], positions[0]]
                headers = ", ".join(self.columns[p].header for p in positions)
                self.notes.append(f"merged cells {where} ({headers}) filled with {value!r}")
        computed: dict[int, list[int]] = {}
        for (number, position), cached in sorted(self.raw.formulas.items()):
            if number not in rows or position not in used:
                continue
            if cached:
                computed.setdefault(position, []).append(number)
            else:
                self._problem(
                    self.columns[position],
                    number,
                    "a formula without a computed value: open and save the file in Excel, "
                    "or type the value",
                )
        for position, numbers in computed.items():
            count = _count(len(numbers), "formula", "formulas")
            self.notes.append(
                f"{self._where(self.columns[position])}: {count} read as the values Excel "
                f"computed, {_rows_text(numbers)}"
            )
        for position in sorted(self.raw.hidden_columns & set(self.columns)):
            self.notes.append(
                f"{self._where(self.columns[position])} is hidden in the sheet; read like the "
                "others"
            )
        hidden = sorted(self.raw.hidden_rows & rows)
        if hidden:
            verb = "is" if len(hidden) == 1 else "are"
            self.notes.append(
                f"{_rows_text(hidden)} {verb} hidden in the sheet; read like the others"
            )

    def _numbers(
        self,
        series: pd.Series,
        column: _Column,
        units: Sequence[str | None],
        known: Sequence[bool],
    ) -> pd.Series:
        """A column of numbers read leniently; what is not a number is a problem if it is used."""
        if pd.api.types.is_numeric_dtype(series.dtype):
            return series  # numbers already (Parquet, JSON): evaluate() checks them
        cells = series.to_numpy(dtype=object)
        values = np.empty(len(cells), dtype=object)
        parsed: dict[str, _Parsed] = {}
        kinds: dict[str, list[int]] = {}
        markers: dict[str, None] = {}
        percentages: dict[str, list[int]] = {}
        for index, cell in enumerate(cells):
            number = int(series.index[index])
            if not isinstance(cell, str):
                values[index] = cell
                message = _not_a_number(cell)
                if message is not None and known[index]:
                    self._problem(column, number, message)
                continue
            reading = parsed.get(cell)
            if reading is None:
                reading = parsed[cell] = _parse_number(cell)
            if reading.bad or reading.value is None:
                values[index] = None if not reading.bad else cell
                if reading.bad and known[index]:
                    self._problem(column, number, f"not a number: {cell!r}")
                elif "marker" in reading.kinds and known[index]:
                    markers.setdefault(cell.strip())
                    kinds.setdefault("marker", []).append(number)
                continue
            value: object = _plain_number(reading.value, reading.integral)
            if reading.sign is not None:
                converted = _per_unit(reading.value, reading.sign, units[index])
                if converted is None:
                    values[index] = cell
                    if known[index]:
                        self._problem(
                            column,
                            number,
                            f"a percentage where the unit is {units[index]!r}: {cell!r} "
                            "(percentages are read where the unit is percent, permille or "
                            "dimensionless)",
                        )
                    continue
                value = converted
                percentages.setdefault(str(units[index]), []).append(number)
            values[index] = value
            if known[index]:
                for kind in reading.kinds:
                    kinds.setdefault(kind, []).append(number)
        where = self._where(column)
        for kind, (one, many) in _KIND_NOTES.items():
            if kind in kinds:
                numbers = kinds[kind]
                read = "read as a number" if len(numbers) == 1 else "read as numbers"
                self.notes.append(
                    f"{where}: {len(numbers)} {one if len(numbers) == 1 else many} {read}, "
                    f"{_rows_text(numbers)}"
                )
        if "marker" in kinds:
            numbers = kinds["marker"]
            count = _count(len(numbers), "missing-value marker", "missing-value markers")
            quoted = ", ".join(repr(marker) for marker in markers)
            self.notes.append(f"{where}: {count} ({quoted}) read as missing, {_rows_text(numbers)}")
        for unit, numbers in percentages.items():
            count = _count(len(numbers), "percentage", "percentages")
            self.notes.append(f"{where}: {count} read in {unit}, {_rows_text(numbers)}")
        return pd.Series(values, index=series.index, dtype=object)

    def _periods(self, series: pd.Series, column: _Column) -> pd.Series:
        """A period column as the engine reads it: years as ints, "2013-12", "2013Q4"."""
        cells = series.to_numpy(dtype=object)
        values = np.empty(len(cells), dtype=object)
        rewritten: dict[int, str] = {}
        dates: list[int] = []
        for index, cell in enumerate(cells):
            number = int(series.index[index])
            if isinstance(cell, dt.date):
                dates.append(index)
                continue
            result = _period(cell)
            if isinstance(result, _PeriodError):
                values[index] = cell
                self._problem(column, number, result.message)
                continue
            values[index] = result
            if isinstance(cell, str) and cell != str(result):
                rewritten[number] = f"{cell!r} → {result!r}"
        if rewritten:
            examples = ", ".join(list(dict.fromkeys(rewritten.values()))[:3])
            count = len(rewritten)
            what = (
                "period rewritten as the engine reads it"
                if count == 1
                else ("periods rewritten as the engine reads them")
            )
            self.notes.append(
                f"{self._where(column)}: {count} {what} ({examples}), {_rows_text(list(rewritten))}"
            )
        if dates:
            frequency = _frequency(values[[i for i in range(len(values)) if i not in set(dates)]])
            for index in dates:
                values[index] = _date_period(cells[index], frequency)
            first = cells[dates[0]]
            numbers = [int(series.index[index]) for index in dates]
            example = f"{first:%Y-%m-%d} → {values[dates[0]]!r}"
            self.notes.append(
                f"{self._where(column)}: {_count(len(dates), 'date', 'dates')} read as "
                f"{frequency}s ({example}), {_rows_text(numbers)}"
            )
        return pd.Series(values, index=series.index, dtype=object)

    # ----------------------------------------------------------------- places

    def _where(self, column: _Column) -> str:
        """A column as a person finds it: ``column C (header)``, or ``column 'header'``."""
        return self._where_position(column.position, column.header)

    def _where_position(self, position: int, header: str) -> str:
        if self.raw.letters:
            return (
                f"column {_letter(position)} ({header})"
                if header
                else (f"column {_letter(position)}")
            )
        return f"column {header!r}"

    def _problem(self, column: _Column | None, row: int | None, message: str) -> None:
        self.problems.append(
            FileProblem(
                column=column.name if column is not None else None,
                row=row,
                message=message,
                sheet=self.raw.sheet,
                letter=_letter(column.position) if column and self.raw.letters else None,
                header=column.header if column is not None else None,
            )
        )

    def _raise(self) -> None:
        if self.problems:

            def order(problem: FileProblem) -> tuple[int, int]:
                row = problem.row if isinstance(problem.row, int) else 0
                column = _position(problem.letter) if problem.letter is not None else -1
                return row, column

            ordered = sorted(self.problems, key=order)
            raise DataError(ordered)


# --------------------------------------------------------------------------- cells


@dataclass(frozen=True)
class _PeriodError:
    message: str


def _parse_number(text: str) -> _Parsed:
    """How a text cell reads as a number.

    >>> reading = _parse_number(" １,１６０ ")
    >>> reading.value, reading.kinds
    (Decimal('1160'), ('spaces', 'full-width', 'separators'))
    >>> _parse_number("96.5%").value, _parse_number("—").kinds, _parse_number("约1200").bad
    (Decimal('96.5'), ('marker',), True)
    """
    stripped = text.strip()
    if not stripped:
        return _Parsed(None)
    kinds = ["spaces"] if stripped != text else []
    folded = unicodedata.normalize("NFKC", stripped)
    if folded.upper() in _MISSING or stripped in _MISSING:
        return _Parsed(None, (*kinds, "marker"))
    if folded != stripped and any(unicodedata.east_asian_width(c) == "F" for c in stripped):
        kinds.append("full-width")
    match = _NUMBER.fullmatch(folded)
    if match is None:
        return _Parsed(None, bad=True)
    digits = match["number"]
    if match["grouped"] is not None:
        kinds.append("separators")
        digits = digits.replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return _Parsed(None, bad=True)
    integral = not any(char in digits for char in ".eE")
    return _Parsed(value, tuple(kinds), match["sign"], integral)


def _plain_number(value: Decimal, integral: bool) -> int | float:
    return int(value) if integral else float(value)


def _per_unit(value: Decimal, sign: str, unit: str | None) -> int | float | None:
    """A percentage or per-mille value in ``unit`` exactly, if that unit is a fraction's.

    >>> _per_unit(Decimal("96.5"), "%", "percent"), _per_unit(Decimal("94"), "%", "%")
    (96.5, 94)
    >>> _per_unit(Decimal("96.5"), "%", "dimensionless"), _per_unit(Decimal("1"), "‰", "%")
    (0.965, 0.1)
    >>> _per_unit(Decimal("1"), "%", "count") is None
    True
    """
    if unit is None:
        return None
    try:
        name = normalise_unit(unit)
    except UnitError:
        return None
    if name not in _FRACTION_UNITS:
        return None
    exact = Fraction(value) * _PER[sign] / _FRACTION_UNITS[name]
    return int(exact) if exact.denominator == 1 else float(exact)


def _not_a_number(cell: object) -> str | None:
    """Why a cell that is not text is not a number, or ``None`` if it is one (or empty)."""
    if cell is None or cell is pd.NA or (isinstance(cell, float) and cell != cell):
        return None
    if isinstance(cell, bool | np.bool_):
        return f"true/false is not a number: {cell!r}"
    if isinstance(cell, dt.datetime | dt.date | dt.time | dt.timedelta):
        return f"a date or time, not a number: {cell}"
    if isinstance(cell, int | float | np.integer | np.floating):
        return None
    return f"not a number: {cell!r}"


def _period(cell: object) -> object:
    """A period cell as the engine reads it, or a :class:`_PeriodError`."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return _PeriodError("missing period")
    if isinstance(cell, bool | np.bool_):
        return _PeriodError(f"cannot read {cell!r} as a period")
    if isinstance(cell, pd.Period):
        return cell
    if isinstance(cell, int | np.integer) or (
        isinstance(cell, float | np.floating) and float(cell).is_integer()
    ):
        year = int(cell)
        if 1000 <= year <= 9999:
            return year
        return _PeriodError(
            f"cannot read {cell!r} as a period: a year has four digits (a date typed as a "
            "number? write 2013, 2013-12 or 2013Q4)"
        )
    if isinstance(cell, str):
        return _period_text(cell)
    return _PeriodError(f"cannot read {cell!r} as a period")


def _period_text(text: str) -> object:
    """A period written as text, as the engine reads it.

    >>> [_period_text(t) for t in ["2013", "2013年", "2013年12月", "2013/1", "2013年第四季度"]]
    [2013, 2013, '2013-12', '2013-01', '2013Q4']
    >>> _period_text("2013-2014").message
    "two periods in one cell: '2013-2014'; give each period its own row"
    """
    squeezed = _squeezed(text)
    if not squeezed or squeezed.upper() in _MISSING:
        return _PeriodError("missing period")
    if len(_YEARS.findall(squeezed)) > 1:
        return _PeriodError(f"two periods in one cell: {text!r}; give each period its own row")
    if (match := _YEAR.fullmatch(squeezed)) is not None:
        return int(match["year"])
    if (match := _MONTH.fullmatch(squeezed)) is not None:
        month = int(match["month"])
        if 1 <= month <= 12:
            return f"{match['year']}-{month:02d}"
    if (match := _QUARTER.fullmatch(squeezed)) is not None:
        quarter = int(match["q"]) if match["q"] else _QUARTER_DIGITS.get(match["zh"], 0)
        if not quarter:
            quarter = int(match["zh"])
        return f"{match['year']}Q{quarter}"
    return _PeriodError(
        f"cannot read {text!r} as a period; write a year (2013), a month (2013-12) or a "
        "quarter (2013Q4)"
    )


def _frequency(values: np.ndarray[Any, Any]) -> str:
    """The frequency of the periods read so far: "year", "quarter", else "month"."""
    kinds = set()
    for value in values:
        if isinstance(value, int):
            kinds.add("year")
        elif isinstance(value, str):
            kinds.add("quarter" if "Q" in value else "month")
    return kinds.pop() if len(kinds) == 1 else "month"


def _date_period(date: dt.date, frequency: str) -> object:
    if frequency == "year":
        return date.year
    if frequency == "quarter":
        return f"{date.year}Q{(date.month - 1) // 3 + 1}"
    return f"{date.year}-{date.month:02d}"


def _counting(unit: str) -> bool:
    """Whether a title row's unit is a count (批次, 个, count): harmless for every column."""
    if unit in _COUNT_WORDS:
        return True
    try:
        return normalise_unit(unit) in {"count", "dimensionless"}
    except UnitError:
        return False


def _filled(cell: object) -> bool:
    if cell is None or (isinstance(cell, float) and cell != cell):
        return False
    return not (isinstance(cell, str) and not cell.strip())


def _stripped(cell: object) -> object:
    return cell.strip() if isinstance(cell, str) else cell


def _squeezed(text: str) -> str:
    """Text without any spaces, full-width characters folded (NFKC)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _inferred(series: pd.Series) -> pd.Series:
    """An object column as int64 or float64 when its cells allow, NaN for ``None``."""
    if series.dtype != object:
        return series
    cells = series.to_numpy(dtype=object)
    if all(cell is None for cell in cells):
        return pd.Series(np.nan, index=series.index, dtype=np.float64)
    inferred = series.infer_objects()
    if inferred.dtype == object and all(
        cell is None or (isinstance(cell, int | float) and not isinstance(cell, bool))
        for cell in cells
    ):
        if any(isinstance(cell, float) for cell in cells) or not all(
            cell is None or abs(cell) <= _INT64_MAX for cell in cells
        ):
            return inferred  # beyond int64: exact Python ints, as evaluate() reads them
        return pd.Series(
            [np.nan if cell is None else cell for cell in cells], index=series.index
        ).infer_objects()
    return inferred


_INT64_MAX = int(np.iinfo(np.int64).max)


def _letter(position: int) -> str:
    """A 0-based column position as a spreadsheet's letters.

    >>> _letter(0), _letter(25), _letter(26), _letter(701)
    ('A', 'Z', 'AA', 'ZZ')
    """
    letters = ""
    number = position + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _position(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - ord("A") + 1
    return number - 1


def _rows_text(numbers: Sequence[int], *, limit: int = 8) -> str:
    """Row numbers in runs: ``row 4``, ``rows 2–4, 7``, at most ``limit`` runs, then ``…``.

    >>> _rows_text([4]), _rows_text([2, 3, 4, 7]), _rows_text(list(range(1, 40, 2)), limit=2)
    ('row 4', 'rows 2–4, 7', 'rows 1, 3, … (20 in all)')
    """
    ordered = sorted(set(numbers))
    runs: list[tuple[int, int]] = []
    for number in ordered:
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    shown = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:limit]]
    more = f", … ({len(ordered)} in all)" if len(runs) > limit else ""
    return f"{'row' if len(ordered) == 1 else 'rows'} {', '.join(shown)}{more}"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


# --------------------------------------------------------------------------- headers


def _header_text(cell: object) -> str:
    """A header cell as text: ``2013`` for a year typed as a number, ``""`` for a blank."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _fold(text: str) -> str:
    """Header text for matching: full-width parentheses as ASCII, runs of spaces as one."""
    return " ".join(text.translate(_WIDTH_FOLD).split())


def _resolve(header: str, names: Mapping[str, str]) -> tuple[str, str | None] | None:
    """The variable a header names and the unit it gives, if it names one.

    >>> names = {"gdp": "gdp", "地区生产总值(GDP)": "gdp"}
    >>> _resolve(" 地区生产总值（GDP）（亿元） ", names), _resolve("gdp", names)
    (('gdp', '亿元'), ('gdp', None))
    >>> _resolve("GDP", names) is None
    True
    """
    folded = _fold(header)
    if folded in names:
        return names[folded], None
    match = _UNIT_SUFFIX.match(folded)
    if match is not None and match["name"] in names:
        return names[match["name"]], match["unit"].strip()
    return None


def _numbers_from_text(column: pd.Series) -> pd.Series:
    """Numbers written as text, in a column no indicator reads, as numbers; the rest kept.

    >>> _numbers_from_text(pd.Series(["1.5", "x", None])).tolist()
    [1.5, 'x', nan]
    """
    if pd.api.types.is_numeric_dtype(column.dtype):
        return column
    text = column.map(lambda cell: cell.strip() if isinstance(cell, str) else None)
    numbers = pd.to_numeric(text, errors="coerce")
    if not bool(numbers.notna().any()):
        return column
    return column.astype(object).where(numbers.isna(), numbers.astype(object))


def _known_unit(unit: str) -> bool:
    try:
        normalise_unit(unit)
    except UnitError:
        return False
    return True


def _same_unit(first: str, second: str) -> bool:
    try:
        return normalise_unit(first) == normalise_unit(second)
    except UnitError:  # an unknown unit: evaluate() reports it, naming the variable
        return first.strip() == second.strip()


# --------------------------------------------------------------------------- units files


def _yaml_load(text: str) -> Any:
    import yaml  # only for YAML units files

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from exc


def _units_from_csv(text: str) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or not {"variable", "unit"} <= set(rows[0]):
        raise ValueError("expected a header with the columns 'variable' and 'unit'")
    return {row["variable"].strip(): row["unit"].strip() for row in rows if row["variable"]}
