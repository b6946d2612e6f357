"""Reading data files into the frame :func:`xmqc_kpi.evaluate` takes.

The format is chosen by the file's suffix:

``.csv``
    Comma-separated text, in UTF-8 (with or without a byte-order mark) or, when the bytes are
    not UTF-8, GB18030 (which includes GBK and GB2312). UTF-16 and UTF-32 are refused.
``.xlsx``
    An Excel workbook, read by the package's own bounded reader (see :mod:`xmqc_kpi._xlsx`):
    the sheet named by ``sheet=``, else the first visible worksheet (hidden sheets passed over
    are noted). Formulas are never evaluated: a formula cell gives the value Excel cached when
    it last saved the file.
``.parquet``
    An Apache Parquet file (needs ``pyarrow``, from the ``parquet`` extra). A named pandas
    index (``region``, ``period``) becomes ordinary columns; ``decimal128`` columns are read
    exactly.
``.json``
    Either a list of records, one object per row (``[{"region": "思明区", "period": 2013,
    "gdp": 1.5}, ...]``), or pandas' ``split`` orient (``{"columns": [...], "data": [[...],
    ...]}``, any ``index`` member ignored). Text as for CSV. A key repeated in one object is
    an error (never last-wins).

Every file is read within the budgets of :class:`~xmqc_kpi.limits.Limits` (``limits=``),
checked before the work they bound; a file over one is a :class:`~xmqc_kpi.DataError` with
the code ``limit_exceeded`` naming it.

Any of the three shapes :func:`xmqc_kpi.evaluate` accepts may be read: wide, long, or a filled
input template. Rows are labelled as a person finds them in the file, so that every
:class:`~xmqc_kpi.DataError` points at the right place: by line number for CSV, by row number
for XLSX, and by record number from 1 for Parquet and JSON. In CSV and XLSX files a problem
also names the column by its letter, as a spreadsheet shows it, and in XLSX by its sheet
(``Sheet1!H43``, ``工作表“Sheet1”第43行 H列``). Rows with every cell empty are dropped.

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
  percent, per mille or dimensionless, converted exactly into that unit. Digits are ASCII or
  full-width: any other digit (``10²``, ``⑫``, ``٣``) is an error, never folded into another
  number. ``Decimal`` and ``Fraction`` cells are read exactly (an error if they have no exact
  reading);
* periods written as ``2013``, ``2013年``, ``2013年度``, ``2013-12``, ``2013/12``,
  ``2013年12月``, ``2013Q4`` or ``2013年第四季度`` become ``2013``, ``"2013-12"`` or
  ``"2013Q4"``; an XLSX cell formatted as a date becomes a month (a year or a quarter when the
  column's other periods are years or quarters);
* a row whose region (or period) is a total, ``合计``, ``小计``, ``总计`` or ``共计``, is
  dropped: evaluated as a region it would count its districts twice. The city's own figures
  belong in a ``厦门市`` row;
* XLSX merged cells are filled with their value in key and label columns (a region written
  once beside several periods); in a column of numbers they are an error. Hidden columns and
  rows are read like the others, and noted.

Anything else that is not a number in such a column (``约1200``, ``见附件``), a period that
cannot be read or names two periods (``2013-2014``), and a formula Excel never computed are a
:class:`~xmqc_kpi.DataError` listing every such cell (with ``defer=True``, kept in the frame's
``attrs["problems"]`` for :func:`xmqc_kpi.evaluate`, which raises them with every problem it
finds itself, in one pass). Columns no indicator reads are kept as
they are. Reading never runs anything from the file: no ``eval``, no pickle, no formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import importlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, DataNote, DataProblem, Place, by_place
from .indicator import Indicator
from .limits import DEFAULT_LIMITS, Limits, exceeded
from .template import TEMPLATE_COLUMNS
from .text import Words
from .text._problems_reading import FREQUENCY_WORDS
from .text.reading import (
    COUNT_WORDS,
    FULL_WIDTH_FOLD,
    KEY_HEADERS,
    MISSING_MARKERS,
    MONTH_PATTERN,
    QUARTER_DIGITS,
    QUARTER_PATTERN,
    TITLE_UNIT_PATTERN,
    TITLE_UNIT_TRAILERS,
    TOTAL_PATTERN,
    YEAR_PATTERN,
    enumeration,
    rows_words,
)
from .text.template import HEADER_COLUMNS as TEMPLATE_HEADER_COLUMNS
from .units import UnitError, normalise_unit

__all__ = [
    "SUFFIXES",
    "DataFile",
    "FileProblem",
    "Limits",
    "read_data",
    "read_data_file",
    "read_units",
]

#: The data file formats, by suffix.
SUFFIXES: Mapping[str, str] = MappingProxyType(
    {".csv": "CSV", ".xlsx": "XLSX", ".parquet": "Parquet", ".json": "JSON"}
)

#: Key and label columns: text, never read as numbers.
_KEY_COLUMNS = frozenset({"region", "period", "variable", "unit", *TEMPLATE_COLUMNS})
#: Headers that make a row the header row, besides variable names and labels.
_HEADER_WORDS = frozenset({*_KEY_COLUMNS, "value"})
#: Chinese key headers, and the input template's headers in either language (its XLSX form).
_KEY_HEADERS = {**KEY_HEADERS, **TEMPLATE_HEADER_COLUMNS}
#: How many rows from the top a header row is looked for in.
_HEADER_SEARCH = 20
_WIDTH_FOLD = str.maketrans(FULL_WIDTH_FOLD)
_UNIT_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<unit>[^()]+)\)$")
_MISSING = MISSING_MARKERS
_PLAIN = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_GROUPED = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_NUMBER = re.compile(
    rf"(?P<number>{_PLAIN}|(?P<grouped>{_GROUPED}))(?:\s*(?P<sign>[%‰]))?", re.ASCII
)
#: Per cent and per mille, in each unit that a percentage may be written in.
_PER = {"%": Fraction(1, 100), "‰": Fraction(1, 1000)}
_FRACTION_UNITS = {
    "percent": Fraction(1, 100),
    "permille": Fraction(1, 1000),
    "dimensionless": Fraction(1),
}
_YEAR = re.compile(YEAR_PATTERN, re.ASCII)
_MONTH = re.compile(MONTH_PATTERN, re.ASCII)
_QUARTER = re.compile(QUARTER_PATTERN, re.ASCII)
_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)", re.ASCII)
_TOTAL = re.compile(TOTAL_PATTERN)
_TITLE_UNIT = re.compile(TITLE_UNIT_PATTERN)
#: Full-width digits, the only digits besides ASCII that a number or period may be written in.
_FULL_WIDTH_DIGITS = frozenset(chr(code) for code in range(0xFF10, 0xFF1A))


class FileProblem(DataProblem):
    """A problem at a place in a file: a :class:`~xmqc_kpi.DataProblem` placed by sheet and cell.

    ``column`` is the header as the sender wrote it, ``variable`` the variable it names,
    ``row`` the file's row, line or record number, ``sheet`` (XLSX) and ``letter`` (CSV and
    XLSX) place it as a spreadsheet shows it.

    >>> problem = FileProblem(code="not_a_number", params={"text": "约1200"}, row=5,
    ...     sheet="Sheet1", letter="C", column="市级监督抽查批次",
    ...     variable="municipal_sampled_batches")
    >>> problem.render("en")
    "Sheet1!C5 (市级监督抽查批次): not a number: '约1200'"
    >>> problem.render("zh")
    '工作表“Sheet1”第5行 C列（市级监督抽查批次）：不是数字：“约1200”'
    """


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

    #: The data, columns renamed to variable names where a header was recognised; indexed by
    #: the file's row (line, record) numbers.
    frame: pd.DataFrame
    #: Variable → unit, for each column whose header gave a unit.
    units: Mapping[str, str]
    #: Variable → header as written in the file, for each column renamed.
    headers: Mapping[str, str]
    #: The file read.
    source: Path
    #: What reading did that a person should know of, one note each (``str()`` in the active
    #: language, :meth:`~xmqc_kpi.DataProblem.render` in either): rows skipped or dropped,
    #: cells read leniently (thousands separators, markers of missing values, …).
    notes: tuple[DataNote, ...] = ()
    #: The XLSX sheet read.
    sheet: str | None = None
    #: Frame column → the column's letter in the file (CSV and XLSX).
    letters: Mapping[str, str] = field(default_factory=dict)
    #: The SHA-256 of the file's bytes as read (hexadecimal), which names the data exactly.
    sha256: str | None = None
    #: With ``defer=True``: the problems of single cells (a number or period that cannot be
    #: read), sorted by row then column; such a cell is missing from :attr:`frame` (a row whose
    #: period cannot be read is left out). Always empty without ``defer``, which raises them.
    problems: tuple[DataProblem, ...] = ()

    def units_with(self, explicit: Mapping[str, str] | None = None) -> dict[str, str]:
        """The header units together with ``explicit`` ones (e.g. from a ``--units`` file).

        Raises
        ------
        DataError
            If an explicit unit contradicts the unit written in a column's header; the
            problem names that column (code ``units_conflict``).
        """
        merged = dict(self.units)
        problems = []
        for name, unit in (explicit or {}).items():
            given = merged.get(name)
            if given is None:
                merged[name] = unit
            elif not _same_unit(given, unit):
                problems.append(
                    FileProblem(
                        code="units_conflict",
                        params={"given": given, "unit": unit},
                        column=self.headers.get(name, name),
                        variable=name,
                        sheet=self.sheet,
                        letter=self.letters.get(name),
                    )
                )
        if problems:
            raise DataError(problems)
        return merged

    def attrs(self) -> dict[str, Any]:
        """What :func:`read_data` keeps in the frame's ``attrs`` (see there)."""
        columns = [str(column) for column in self.frame.columns]
        return {
            "units": dict(self.units),
            "notes": list(self.notes),
            "source": str(self.source),
            "sha256": self.sha256,
            "sheet": self.sheet,
            "letters": {c: self.letters[c] for c in columns if c in self.letters},
            "headers": {c: self.headers.get(c, c) for c in columns},
            "problems": list(self.problems),
        }


def read_data(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    indicators: Iterable[Indicator] | None = None,
    limits: Limits | None = None,
    defer: bool = False,
) -> pd.DataFrame:
    r"""Read a data file (CSV, XLSX, Parquet or JSON) into a frame for :func:`xmqc_kpi.evaluate`.

    The frame is indexed by the file's row numbers (line, sheet row, record from 1). Its
    ``attrs`` hold what reading learnt, so that a problem found later can be placed in the
    file (see :func:`xmqc_kpi.errors.file_place`):

    ``attrs["units"]``
        variable → the unit its header gave, which :func:`xmqc_kpi.evaluate` applies (a
        ``units=`` argument that contradicts one is an error);
    ``attrs["notes"]``
        what reading did leniently, as :class:`~xmqc_kpi.errors.DataNote` (``str()`` in the
        active language);
    ``attrs["source"]``, ``attrs["sha256"]``, ``attrs["sheet"]``
        the file read, the SHA-256 of its bytes (hexadecimal) and the XLSX sheet (else
        ``None``); :func:`xmqc_kpi.evaluate` keeps them as the result's
        :attr:`~xmqc_kpi.Evaluation.source`;
    ``attrs["letters"]``
        frame column → its column letter in the file (CSV and XLSX; empty otherwise);
    ``attrs["headers"]``
        frame column → its header as the sender wrote it;
    ``attrs["problems"]``
        with ``defer=True``, the problems of the cells that could not be read, as
        :class:`FileProblem` (else always empty).

    See the module's documentation for the formats and the leniency.

    By default a cell that cannot be read (``约1200`` in a column of numbers, a period such as
    ``2013-2014``) raises a :class:`~xmqc_kpi.DataError` listing every such cell. With
    ``defer=True`` reading goes on: each such cell is left missing (a row whose period cannot
    be read is left out) and its problem kept in ``attrs["problems"]``, so that
    :func:`xmqc_kpi.evaluate` reports it together with the problems only an evaluation finds
    (a negative count, a part above its whole), all in one :class:`~xmqc_kpi.DataError`. A
    frame whose ``attrs["problems"]`` is not empty never evaluates to a result. Problems of
    the file as a whole (unreadable bytes, a budget exceeded, no header, a header repeated)
    are raised either way.

    Parameters
    ----------
    path
        The file; its suffix (``.csv``, ``.xlsx``, ``.parquet``, ``.json``) gives the format.
    sheet
        For XLSX, the sheet to read (default: the first visible worksheet).
    indicators
        The indicators whose input labels are recognised in headers, and whose inputs' units
        decide where a percentage may be written (default: the built-in catalog).
    limits
        The budgets of the reading (default: :class:`~xmqc_kpi.limits.Limits`'s defaults).
    defer
        Keep the problems of single cells in ``attrs["problems"]`` instead of raising them
        (for :func:`xmqc_kpi.evaluate`, which raises them with its own).

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
        If the file is empty, over a budget, cannot be decoded or parsed, a header is wrong,
        or (without ``defer``) a cell of a column the indicators read is neither a number nor
        a marker of a missing value.
    ImportError
        If the optional dependency for Parquet is not installed.

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
    >>> frame.attrs["units"], frame.attrs["letters"]
    ({'quality_funding': '万元'}, {'period': 'A', 'quality_funding': 'B'})
    >>> for note in frame.attrs["notes"]:
    ...     print(note.render("zh"))
    A列（period）：1 个期间改写为引擎读取的形式（'2013年' → 2013），第2行
    B列（质量发展经费投入（万元））：1 个数字带千位分隔符，已按数字读取，第2行

    With ``defer=True`` an unreadable cell is missing and its problem kept for ``evaluate``:

    >>> _ = (folder / "rate.csv").write_text(
    ...     "period,national_sampled_batches,national_passed_batches\n2013,50,约47\n",
    ...     encoding="utf-8")
    >>> frame = read_data(folder / "rate.csv", defer=True)
    >>> frame["national_passed_batches"].tolist()
    [nan]
    >>> [problem.render("en") for problem in frame.attrs["problems"]]
    ["C2 (national_passed_batches): not a number: '约47'"]
    """
    return read_data_file(
        path, sheet=sheet, indicators=indicators, limits=limits, defer=defer
    ).frame


def read_data_file(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    indicators: Iterable[Indicator] | None = None,
    limits: Limits | None = None,
    defer: bool = False,
) -> DataFile:
    """Read a data file into a :class:`DataFile`: the frame, its header units and notes.

    Parameters and errors are those of :func:`read_data`; the frame carries the ``attrs``
    described there. With ``defer=True`` the problems of single cells are in
    :attr:`DataFile.problems` (and the frame's ``attrs["problems"]``) instead of raised.

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
    budget = DEFAULT_LIMITS if limits is None else limits
    size = source.stat().st_size
    if size > budget.max_file_bytes:
        raise _limit("max_file_bytes", size, budget.max_file_bytes)
    if sheet is not None and suffix != ".xlsx":
        raise ValueError(f"{source}: only an .xlsx file has sheets (sheet={sheet!r})")
    with source.open("rb") as handle:  # within the size budget just checked
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    raw = _PARSERS[suffix](source, sheet, budget)
    file = replace(_Reading(source, raw, _Vocabulary.of(indicators), defer).run(), sha256=digest)
    file.frame.attrs.update(file.attrs())
    return file


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
    if source.stat().st_size > DEFAULT_LIMITS.max_file_bytes:
        raise ValueError(f"{source}: a units file is at most {DEFAULT_LIMITS.max_file_bytes} bytes")
    try:
        mapping = loaders[suffix](_decode(source.read_bytes(), source)[0])
    except (ValueError, RecursionError) as exc:  # JSON, YAML or CSV errors; DataError too
        raise ValueError(f"{source}: cannot read the units mapping: {exc}") from exc
    if not isinstance(mapping, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in mapping.items()
    ):
        raise ValueError(f"{source}: a units file maps variable names to unit strings")
    return mapping


def _error(code: str, **params: object) -> DataError:
    """An error of one problem of the whole file."""
    return DataError([DataProblem(code=code, params=dict(params))])


_limit = exceeded


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
    #: Notes on the file as a whole (its encoding, the sheets passed over).
    notes: list[DataNote] = field(default_factory=list)


_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_UTF8_BOM = b"\xef\xbb\xbf"


def _decode(data: bytes, source: Path) -> tuple[str, list[DataNote]]:
    """The text of a file: UTF-8 (a byte-order mark dropped), else GB18030, and any note.

    A UTF-8 byte-order mark before text that is not UTF-8 (an editor that added the mark to a
    GB18030 file) is dropped too, and noted: decoded with the mark, the first header would be
    lost. UTF-16 and UTF-32 are refused.
    """
    for bom, encoding in _OTHER_BOMS:
        if data.startswith(bom):
            raise _error("encoding_utf16", file=str(source), encoding=encoding)
    body = data.removeprefix(_UTF8_BOM)
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = body.decode("gb18030")
    except UnicodeDecodeError:
        raise _error("encoding_unknown", file=str(source)) from None
    notes = [DataNote(code="note_bom_gb18030")] if body is not data else []
    return text, notes


def _text(source: Path) -> tuple[str, list[DataNote]]:
    text, notes = _decode(source.read_bytes(), source)
    if not text.strip():
        raise _error("file_empty", file=str(source))
    return text, notes


def _unreadable(source: Path, detail: object) -> DataError:
    text = str(detail)
    return _error(
        "file_unreadable",
        file=str(source),
        format=SUFFIXES[source.suffix.lower()],
        detail=text if len(text) <= 200 else text[:199] + "…",
    )


def _grid(rows: Sequence[Sequence[object]], numbers: Sequence[int]) -> pd.DataFrame:
    """Rows of cells as an object frame, padded to the widest row, indexed by row number."""
    width = max((len(row) for row in rows), default=0)
    padded = [[*row, *([None] * (width - len(row)))] for row in rows]
    return pd.DataFrame(padded, index=pd.Index(numbers), columns=range(width), dtype=object)


def _read_csv(source: Path, sheet: str | None, limits: Limits) -> _Raw:
    text, notes = _text(source)
    if "\x00" in text:
        raise _error("csv_nul", file=str(source))
    rows: list[list[object]] = []
    numbers: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    width = 0
    try:
        for row in reader:
            if len(rows) >= limits.max_rows:
                raise _limit("max_rows", f">{limits.max_rows}", limits.max_rows)
            if len(row) > limits.max_columns:
                raise _limit("max_columns", len(row), limits.max_columns)
            width = max(width, len(row))
            if (len(rows) + 1) * width > limits.max_cells:
                raise _limit("max_cells", f">{limits.max_cells}", limits.max_cells)
            rows.append([cell if cell != "" else None for cell in row])
            numbers.append(line)
            line = reader.line_num + 1  # a quoted cell may span lines
    except csv.Error as exc:
        raise _unreadable(source, exc) from exc
    return _Raw(cells=_grid(rows, numbers), letters=True, notes=notes)


def _read_xlsx(source: Path, sheet: str | None, limits: Limits) -> _Raw:
    from ._xlsx import read_sheet  # the bounded reader, only when a workbook is read

    if source.stat().st_size == 0:
        raise _error("file_empty", file=str(source))
    found = read_sheet(source, sheet, limits, name=str(source))
    if not found.rows:
        raise _error("xlsx_sheet_empty", file=str(source), sheet=found.title)
    numbers = sorted(found.rows)
    width = found.width
    rows = [[found.rows[number].get(p) for p in range(width)] for number in numbers]
    notes = []
    if found.skipped_hidden:
        notes.append(
            DataNote(
                code="note_hidden_sheets",
                params={
                    "sheets": enumeration(found.skipped_hidden),
                    "sheet": found.title,
                    "s": "s" if len(found.skipped_hidden) > 1 else "",
                },
            )
        )
    present = set(numbers)
    return _Raw(
        cells=_grid(rows, numbers),
        sheet=found.title,
        letters=True,
        formulas={key: cached for key, cached in found.formulas.items() if key[0] in present},
        merged=found.merged,
        hidden_columns=found.hidden_columns,
        hidden_rows=found.hidden_rows,
        notes=notes,
    )


def _read_parquet(source: Path, sheet: str | None, limits: Limits) -> _Raw:
    pyarrow = _optional("pyarrow", extra="parquet", purpose="reading .parquet files")
    if source.stat().st_size == 0:
        raise _error("file_empty", file=str(source))
    failures = (
        OSError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        NotImplementedError,
        pyarrow.ArrowException,
    )
    try:
        import pyarrow.parquet as pq

        metadata = pq.ParquetFile(source).metadata
        _parquet_budgets(metadata, limits)
        frame = _text_as_objects(pd.read_parquet(source, engine="pyarrow"))
    except DataError:
        raise
    except failures as exc:  # pyarrow.ArrowInvalid is a ValueError
        raise _unreadable(source, exc) from exc
    if isinstance(frame.columns, pd.MultiIndex):
        raise _error("parquet_multiindex")
    named_index = any(name is not None for name in frame.index.names)
    frame = frame.reset_index(drop=not named_index)
    return _given_header(frame, list(frame.columns))


def _text_as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """Arrow-backed text columns as Python strings, decoded now (bad UTF-8 fails here)."""
    text = [
        column
        for column, dtype in frame.dtypes.items()
        if not isinstance(dtype, np.dtype) and pd.api.types.is_string_dtype(dtype)
    ]
    return frame.astype(dict.fromkeys(text, object)) if text else frame


def _parquet_budgets(metadata: Any, limits: Limits) -> None:
    """Rows, columns, cells and inflated size as the footer declares them, before reading."""
    rows, columns = int(metadata.num_rows), int(metadata.num_columns)
    if rows > limits.max_rows:
        raise _limit("max_rows", rows, limits.max_rows)
    if columns > limits.max_columns:
        raise _limit("max_columns", columns, limits.max_columns)
    if rows * columns > limits.max_cells:
        raise _limit("max_cells", rows * columns, limits.max_cells)
    inflated = 0
    for group in range(metadata.num_row_groups):
        chunks = metadata.row_group(group)
        for column in range(chunks.num_columns):
            inflated += max(0, int(chunks.column(column).total_uncompressed_size))
        if inflated > limits.max_inflated_bytes:
            raise _limit(
                "max_inflated_bytes", f">{limits.max_inflated_bytes}", limits.max_inflated_bytes
            )


_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_OPEN = np.frombuffer(b"[{", dtype=np.uint8)
_CLOSE = np.frombuffer(b"]}", dtype=np.uint8)


def _json_depth(text: str) -> int:
    """How deeply lists and objects nest in a JSON text, counted without parsing it.

    >>> _json_depth('[{"a": [1, "[[["]}]'), _json_depth("3")
    (3, 0)
    """
    skeleton = np.frombuffer(_JSON_STRING.sub("", text).encode("ascii", "ignore"), dtype=np.uint8)
    steps = np.isin(skeleton, _OPEN).astype(np.int64) - np.isin(skeleton, _CLOSE)
    return int(np.cumsum(steps).max(initial=0))


class _RepeatedKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _read_json(source: Path, sheet: str | None, limits: Limits) -> _Raw:
    text, notes = _text(source)
    depth = _json_depth(text)
    if depth > limits.max_depth:
        raise _limit("max_depth", depth, limits.max_depth)
    keys: dict[str, None] = {}

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key, value in pairs:
            if key in mapping:
                raise _RepeatedKey(key)
            mapping[key] = value
            keys.setdefault(key)
        if len(keys) > limits.max_keys:
            raise _limit("max_keys", f">{limits.max_keys}", limits.max_keys)
        return mapping

    try:
        document = json.loads(text, object_pairs_hook=unique)
    except DataError:
        raise
    except _RepeatedKey as exc:
        raise _error("json_duplicate_key", key=_clipped(exc.key)) from None
    except (ValueError, RecursionError) as exc:
        raise _unreadable(source, exc) from exc
    if isinstance(document, list):
        return _json_records(document, source, limits, notes)
    if isinstance(document, dict) and {"columns", "data"} <= set(document):
        return _json_split(document, source, limits, notes)
    raise _error("json_shape", file=str(source))


def _clipped(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _json_budgets(rows: int, columns: int, limits: Limits) -> None:
    if rows > limits.max_rows:
        raise _limit("max_rows", rows, limits.max_rows)
    if columns > limits.max_columns:
        raise _limit("max_columns", columns, limits.max_columns)
    if rows * columns > limits.max_cells:
        raise _limit("max_cells", rows * columns, limits.max_cells)


def _json_records(records: list[Any], source: Path, limits: Limits, notes: list[DataNote]) -> _Raw:
    wrong = [number for number, record in enumerate(records, 1) if not isinstance(record, dict)]
    if wrong:
        raise _error("json_not_objects", records=_numbers_text(wrong))
    columns = len({key for record in records for key in record})
    _json_budgets(len(records), columns, limits)
    frame = pd.DataFrame(records)
    raw = _given_header(frame, list(frame.columns))
    raw.notes = notes
    return raw


def _json_split(
    document: dict[str, Any], source: Path, limits: Limits, notes: list[DataNote]
) -> _Raw:
    columns, data = document["columns"], document["data"]
    if not isinstance(columns, list) or not isinstance(data, list):
        raise _error("json_split_lists")
    _json_budgets(len(data), len(columns), limits)
    wrong = [
        number
        for number, row in enumerate(data, 1)
        if not isinstance(row, list) or len(row) != len(columns)
    ]
    if wrong:
        raise _error("json_split_rows", records=_numbers_text(wrong), width=len(columns))
    frame = pd.DataFrame(data, columns=range(len(columns)), dtype=object).infer_objects()
    raw = _given_header(frame, columns)
    raw.notes = notes
    return raw


def _numbers_text(numbers: Sequence[int]) -> str:
    """At most five numbers, then how many in all: ``1, 2`` or ``1, 2, 3, 4, 5 … (9)``."""
    shown = ", ".join(str(number) for number in numbers[:5])
    return shown if len(numbers) <= 5 else f"{shown} … ({len(numbers)})"


def _given_header(frame: pd.DataFrame, header: list[Any]) -> _Raw:
    """A frame whose header the format gives: columns by position, records numbered from 1."""
    frame = frame.set_axis(pd.RangeIndex(len(frame.columns)), axis="columns")
    frame.index = pd.RangeIndex(1, 1 + len(frame))
    return _Raw(cells=frame, header=header)


_PARSERS: dict[str, Callable[[Path, str | None, Limits], _Raw]] = {
    ".csv": _read_csv,
    ".xlsx": _read_xlsx,
    ".parquet": _read_parquet,
    ".json": _read_json,
}


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
    #: Why the text is not a number: "not_a_number", "digits_not_ascii" (``None``: it is one).
    bad: str | None = None


#: The note of each leniency, by kind.
_KIND_NOTES = {
    "spaces": "note_spaces",
    "full-width": "note_full_width",
    "separators": "note_separators",
}


def _plural(count: int) -> dict[str, object]:
    """The fields a counted note needs: the count and the English plural endings."""
    return {"count": count, "s": "" if count == 1 else "s"}


class _Reading:
    """One file being read: the steps from raw cells to a :class:`DataFile`."""

    def __init__(
        self, source: Path, raw: _Raw, vocabulary: _Vocabulary, defer: bool = False
    ) -> None:
        self.source = source
        self.raw = raw
        self.vocabulary = vocabulary
        #: Whether the problems of single cells are kept (the cells left missing), not raised.
        self.defer = defer
        self.problems: list[DataProblem] = []
        #: Rows whose period cannot be read (left out of the frame when deferring).
        self.unplaced: list[int] = []
        self.notes: list[DataNote] = list(raw.notes)
        self.header_row: int | None = None
        self.columns: dict[int, _Column] = {}
        self.written: list[object] = []

    # ----------------------------------------------------------------- steps

    def run(self) -> DataFile:
        cells, header = self._header()
        cells = self._drop_blank(cells, header)
        if cells.empty:
            raise _error("file_no_data", file=str(self.source))
        self._resolve_headers(cells, header)
        self._raise()
        self._header_notes()
        cells = self._drop_totals(cells)
        if cells.empty:
            raise _error("file_only_totals", file=str(self.source))
        numeric, row_units = self._shape(cells)
        self._raise()  # a template's period headers: the file's shape, never deferred
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
        if not self.defer:
            self._raise()
        frame = pd.DataFrame(
            {position: _inferred(series) for position, series in result.items()},
            index=cells.index,
        )
        if self.unplaced:  # deferred: rows whose period cannot be read
            frame = frame.drop(index=self.unplaced)
        frame.columns = pd.Index([self.columns[p].name for p in result], dtype=object)
        units = {c.name: c.unit for c in self.columns.values() if c.unit is not None}
        headers = {c.name: c.header for c in self.columns.values() if c.header != c.name}
        letters = (
            {c.name: _letter(c.position) for c in self.columns.values()} if self.raw.letters else {}
        )
        return DataFile(
            frame,
            units,
            headers,
            self.source,
            tuple(self.notes),
            sheet=self.raw.sheet,
            letters=letters,
            problems=tuple(by_place(self.problems)),
        )

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
                raise _error("header_not_found", search=_HEADER_SEARCH)
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
                unit = match["unit"].rstrip(TITLE_UNIT_TRAILERS)
                if not _counting(unit):
                    self._problem(None, int(number), "title_unit", unit=unit)
        if numbers:
            self._note(
                None,
                "note_title_rows",
                rows=rows_words(numbers),
                texts=enumeration(texts),
                **_plural(len(numbers)),
            )

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
                    raise _error("csv_extra_cells", line=int(filled[0]), width=width)
                self._note(_Column(int(position), "", "", None), "note_no_header")
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
                self._problem(column, self.header_row, "header_repeated")
            elif earlier is not None:
                self._problem(
                    column,
                    self.header_row,
                    "header_same_variable",
                    variable=name,
                    other=self._where(earlier),
                )
            elif unit is not None and not _known_unit(unit):
                self._problem(column, self.header_row, "header_unknown_unit", unit=unit)
            seen.setdefault(name, column)
            self.columns[int(position)] = column

    def _header_notes(self) -> None:
        """Note the headers whose surrounding spaces were ignored, and Chinese key headers."""
        for column in self.columns.values():
            raw = self.written[column.position] if column.position < len(self.written) else None
            keyed = _fold(column.header) in _KEY_HEADERS
            if isinstance(raw, str) and (raw != raw.strip() or keyed):
                unit: object = (
                    _words("note_header_unit", unit=column.unit) if column.unit is not None else ""
                )
                self.notes.append(
                    DataNote(
                        code="note_header_read_as",
                        params={"header": raw, "variable": column.name, "unit": unit},
                    )
                )

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
        texts = enumeration(dict.fromkeys(totals.values()))
        self._note(
            None, "note_totals", rows=rows_words(list(totals)), texts=texts, **_plural(len(totals))
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
                self._problem(column, self.header_row, parsed.code, **parsed.params)
                continue
            label = str(parsed)
            if label != column.header:
                self._note(column, "note_period_header", header=column.header, label=label)
            self.columns[position] = _Column(position, column.header, label, None)

    def _sheet_checks(self, cells: pd.DataFrame, numeric: set[int]) -> None:
        """XLSX: merged cells, formulas without a value, hidden columns and rows."""
        rows = set(cells.index)
        used = numeric | {p for p, c in self.columns.items() if c.name in _KEY_COLUMNS}
        ordered = sorted(rows)
        for first_row, first, last_row, last in self.raw.merged:
            low = int(np.searchsorted(ordered, first_row, side="left"))
            high = int(np.searchsorted(ordered, last_row, side="right"))
            spanned = ordered[low:high]
            positions = [p for p in sorted(self.columns) if first <= p <= last]
            if not spanned or (first_row == last_row and first == last) or not positions:
                continue
            where = f"{_letter(first)}{first_row}:{_letter(last)}{last_row}"
            if any(p in numeric for p in positions):
                self._problem(self.columns[positions[0]], first_row, "merged_numbers", range=where)
            elif any(p in used for p in positions):
                value = cells.loc[spanned[0], positions[0]]
                headers = ", ".join(self.columns[p].header for p in positions)
                self._note(None, "note_merged", range=where, headers=headers, value=value)
        computed: dict[int, list[int]] = {}
        for (number, position), cached in sorted(self.raw.formulas.items()):
            if number not in rows or position not in used:
                continue
            if cached:
                computed.setdefault(position, []).append(number)
            else:
                self._problem(self.columns[position], number, "formula_uncomputed")
        for position, numbers in computed.items():
            self._note(
                self.columns[position],
                "note_formulas",
                rows=rows_words(numbers),
                **_plural(len(numbers)),
            )
        for position in sorted(self.raw.hidden_columns & set(self.columns)):
            self._note(self.columns[position], "note_hidden_column")
        hidden = sorted(self.raw.hidden_rows & rows)
        if hidden:
            self._note(None, "note_hidden_rows", rows=rows_words(hidden))

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
        unreadable: list[int] = []  # the cells with a problem, left missing when deferring
        for index, cell in enumerate(cells):
            number = int(series.index[index])
            if not isinstance(cell, str):
                exact = _exact_cell(cell)
                if exact is not None:
                    values[index] = exact.value
                    if exact.code is not None and known[index]:
                        unreadable.append(index)
                        self._problem(
                            column, number, exact.code, value=cell, text=_short_repr(cell)
                        )
                    elif exact.code is None and known[index]:
                        kinds.setdefault("exact", []).append(number)
                    continue
                values[index] = cell
                problem = _not_a_number(cell)
                if problem is not None and known[index]:
                    unreadable.append(index)
                    self._problem(column, number, problem, value=cell, text=_short_repr(cell))
                continue
            reading = parsed.get(cell)
            if reading is None:
                reading = parsed[cell] = _parse_number(cell)
            if reading.bad is not None or reading.value is None:
                values[index] = None if reading.bad is None else cell
                if reading.bad is not None and known[index]:
                    unreadable.append(index)
                    self._problem(column, number, reading.bad, value=cell, text=_clipped(cell))
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
                        unreadable.append(index)
                        self._problem(
                            column,
                            number,
                            "percent_not_allowed",
                            value=cell,
                            unit=str(units[index]),
                            text=_clipped(cell),
                        )
                    continue
                value = converted
                percentages.setdefault(str(units[index]), []).append(number)
            values[index] = value
            if known[index]:
                for kind in reading.kinds:
                    kinds.setdefault(kind, []).append(number)
        for kind, code in _KIND_NOTES.items():
            if kind in kinds:
                numbers = kinds[kind]
                self._note(column, code, rows=rows_words(numbers), **_plural(len(numbers)))
        if "marker" in kinds:
            numbers = kinds["marker"]
            self._note(
                column,
                "note_markers",
                markers=enumeration(markers),
                rows=rows_words(numbers),
                **_plural(len(numbers)),
            )
        for unit, numbers in percentages.items():
            self._note(
                column,
                "note_percentages",
                unit=unit,
                rows=rows_words(numbers),
                **_plural(len(numbers)),
            )
        if "exact" in kinds:
            numbers = kinds["exact"]
            self._note(
                column, "note_exact_numbers", rows=rows_words(numbers), **_plural(len(numbers))
            )
        if self.defer:
            values[unreadable] = None
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
                self.unplaced.append(number)
                self._problem(column, number, result.code, value=cell, **result.params)
                continue
            values[index] = result
            if isinstance(cell, str) and cell != str(result):
                rewritten[number] = f"{cell!r} → {result!r}"
        if rewritten:
            examples = ", ".join(list(dict.fromkeys(rewritten.values()))[:3])
            self._note(
                column,
                "note_periods",
                examples=examples,
                rows=rows_words(list(rewritten)),
                **_plural(len(rewritten)),
            )
        if dates:
            frequency = _frequency(values[[i for i in range(len(values)) if i not in set(dates)]])
            for index in dates:
                values[index] = _date_period(cells[index], frequency)
            first = cells[dates[0]]
            numbers = [int(series.index[index]) for index in dates]
            self._note(
                column,
                "note_dates",
                frequency=FREQUENCY_WORDS[frequency],
                example=f"{first:%Y-%m-%d} → {values[dates[0]]!r}",
                rows=rows_words(numbers),
                **_plural(len(dates)),
            )
        return pd.Series(values, index=series.index, dtype=object)

    # ----------------------------------------------------------------- places

    def _place(self, column: _Column | None) -> dict[str, Any]:
        """Where a column is, as the keyword arguments of a problem or note."""
        if column is None:
            return {"sheet": self.raw.sheet}
        variable = column.name if column.name != column.header else None
        return {
            "sheet": self.raw.sheet,
            "letter": _letter(column.position) if self.raw.letters else None,
            "column": column.header or None,
            "variable": variable,
        }

    def _where(self, column: _Column) -> Words:
        """A column as a person finds it, in both languages: ``column C (header)``."""
        place = Place(**{**self._place(column), "sheet": None})
        return Words(zh=place.location("zh"), en=place.location("en"))

    def _note(self, column: _Column | None, code: str, **params: object) -> None:
        self.notes.append(DataNote(code=code, params=params, **self._place(column)))

    def _problem(
        self,
        column: _Column | None,
        row: int | None,
        code: str,
        *,
        value: object = None,
        **params: object,
    ) -> None:
        self.problems.append(
            FileProblem(code=code, params=params, row=row, value=value, **self._place(column))
        )

    def _raise(self) -> None:
        if self.problems:
            raise DataError(by_place(self.problems))


def _words(code: str, **fields: object) -> Words:
    """A wording of the reading table with its fields filled, in both languages."""
    from .text.problems import PROBLEMS

    entry = PROBLEMS[code]
    return Words(zh=entry("zh", **fields), en=entry("en", **fields))


# --------------------------------------------------------------------------- cells


@dataclass(frozen=True)
class _PeriodError:
    """Why a cell is not a period: a problem code and its fields."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class _Exact:
    """A ``Decimal`` or ``Fraction`` cell: its value as the engine reads it, or why not."""

    value: object
    code: str | None = None


def _exact_cell(cell: object) -> _Exact | None:
    """A ``Decimal`` or ``Fraction`` cell read exactly (``None`` for any other cell).

    An integral value becomes an ``int``; another becomes the ``float`` whose shortest
    decimal form is the value itself, which the engine reads exactly. A value that has no
    such float (more than 15 significant digits, ``Fraction(1, 3)``) is refused.

    >>> _exact_cell(Decimal("96.50")), _exact_cell(Fraction(3, 4)), _exact_cell(Decimal("12"))
    (_Exact(value=96.5, code=None), _Exact(value=0.75, code=None), _Exact(value=12, code=None))
    >>> _exact_cell(Fraction(1, 3)).code, _exact_cell(Decimal("0.12345678901234567")).code
    ('number_inexact', 'number_inexact')
    >>> _exact_cell(Decimal("NaN")), _exact_cell(1.5)
    (_Exact(value=None, code=None), None)
    """
    if isinstance(cell, Decimal):
        if cell.is_nan():
            return _Exact(None)
        if not cell.is_finite():
            return _Exact(cell, "number_inexact")
        exponent = cell.as_tuple().exponent
        if isinstance(exponent, int) and (exponent < -40 or cell.adjusted() > 40):
            return _Exact(cell, "number_inexact")
        exact = Fraction(cell)
    elif isinstance(cell, Fraction):
        exact = cell
    else:
        return None
    if exact.denominator == 1:
        return _Exact(int(exact))
    approx = float(exact)
    if Fraction(repr(approx)) != exact:
        return _Exact(cell, "number_inexact")
    return _Exact(approx)


def _short_repr(cell: object) -> str:
    """A cell as a message shows it: text as is, a date as written, anything else its repr."""
    if isinstance(cell, str | dt.date | dt.time | dt.timedelta | bool | np.bool_):
        return _clipped(str(cell))
    return _clipped(repr(cell))


def _foreign_digits(text: str) -> bool:
    """Whether ``text`` holds a digit other than ASCII or full-width ones (``²``, ``⑫``, ``٣``).

    >>> [_foreign_digits(text) for text in ("１２3", "10²", "⑫⓪", "٣")]
    [False, True, True, True]
    """
    return any(
        unicodedata.category(char)[0] == "N"
        and not ("0" <= char <= "9")
        and char not in _FULL_WIDTH_DIGITS
        for char in text
    )


def _parse_number(text: str) -> _Parsed:
    """How a text cell reads as a number.

    >>> reading = _parse_number(" １,１６０ ")
    >>> reading.value, reading.kinds
    (Decimal('1160'), ('spaces', 'full-width', 'separators'))
    >>> _parse_number("96.5%").value, _parse_number("—").kinds, _parse_number("约1200").bad
    (Decimal('96.5'), ('marker',), 'not_a_number')
    >>> _parse_number("10²").bad, _parse_number("⑫⓪").bad
    ('digits_not_ascii', 'digits_not_ascii')
    """
    stripped = text.strip()
    if not stripped:
        return _Parsed(None)
    kinds = ["spaces"] if stripped != text else []
    if _foreign_digits(stripped):
        return _Parsed(None, bad="digits_not_ascii")
    folded = unicodedata.normalize("NFKC", stripped)
    if folded.upper() in _MISSING or stripped in _MISSING:
        return _Parsed(None, (*kinds, "marker"))
    if folded != stripped and any(unicodedata.east_asian_width(c) == "F" for c in stripped):
        kinds.append("full-width")
    match = _NUMBER.fullmatch(folded)
    if match is None:
        return _Parsed(None, bad="not_a_number")
    digits = match["number"]
    if match["grouped"] is not None:
        kinds.append("separators")
        digits = digits.replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return _Parsed(None, bad="not_a_number")
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
    """The code of why a cell that is not text is not a number, or ``None`` if it is one."""
    if cell is None or cell is pd.NA or (isinstance(cell, float) and cell != cell):
        return None
    if isinstance(cell, bool | np.bool_):
        return "not_a_number_bool"
    if isinstance(cell, dt.datetime | dt.date | dt.time | dt.timedelta):
        return "not_a_number_date"
    if isinstance(cell, int | float | np.integer | np.floating):
        return None
    return "not_a_number"


def _period(cell: object) -> object:
    """A period cell as the engine reads it, or a :class:`_PeriodError`."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return _PeriodError("period_missing")
    if isinstance(cell, bool | np.bool_):
        return _PeriodError("period_unreadable", {"text": repr(cell)})
    if isinstance(cell, pd.Period):
        return cell
    if isinstance(cell, int | np.integer) or (
        isinstance(cell, float | np.floating) and float(cell).is_integer()
    ):
        year = int(cell)
        if 1000 <= year <= 9999:
            return year
        return _PeriodError("period_year_digits", {"text": repr(cell)})
    if isinstance(cell, str):
        return _period_text(cell)
    return _PeriodError("period_unreadable", {"text": _short_repr(cell)})


def _period_text(text: str) -> object:
    """A period written as text, as the engine reads it.

    >>> [_period_text(t) for t in ["2013", "2013年", "2013年12月", "2013/1", "2013年第四季度"]]
    [2013, 2013, '2013-12', '2013-01', '2013Q4']
    >>> _period_text("2013-2014")
    _PeriodError(code='period_two', params={'text': '2013-2014'})
    >>> _period_text("２０１３"), _period_text("2O13").code
    (2013, 'period_unreadable')
    >>> _period_text("²⁰¹³").code
    'digits_not_ascii'
    """
    if _foreign_digits(text):
        return _PeriodError("digits_not_ascii", {"text": _clipped(text)})
    squeezed = _squeezed(text)
    if not squeezed or squeezed.upper() in _MISSING:
        return _PeriodError("period_missing")
    if len(_YEARS.findall(squeezed)) > 1:
        return _PeriodError("period_two", {"text": _clipped(text)})
    if (match := _YEAR.fullmatch(squeezed)) is not None:
        return int(match["year"])
    if (match := _MONTH.fullmatch(squeezed)) is not None:
        month = int(match["month"])
        if 1 <= month <= 12:
            return f"{match['year']}-{month:02d}"
    if (match := _QUARTER.fullmatch(squeezed)) is not None:
        quarter = int(match["q"]) if match["q"] else QUARTER_DIGITS.get(match["zh"], 0)
        if not quarter:
            quarter = int(match["zh"])
        return f"{match['year']}Q{quarter}"
    return _PeriodError("period_unreadable", {"text": _clipped(text)})


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
    if unit in COUNT_WORDS:
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
        return names[match["name"]], unicodedata.normalize("NFKC", match["unit"]).strip()
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
