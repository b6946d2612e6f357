"""Reading data files into the frame :func:`xmqc_kpi.evaluate` takes.

The format is chosen by the file's suffix:

``.csv``
    Comma-separated text with one header line, in UTF-8 (with or without a byte-order mark)
    or, when the bytes are not UTF-8, GB18030 (which includes GBK and GB2312).
``.xlsx``
    An Excel workbook (needs ``openpyxl``, from the ``report`` extra): the sheet named by
    ``sheet=``, else the first, with the header on the first row. Formulas are never
    evaluated: a formula cell gives the value Excel cached when it last saved the file.
``.parquet``
    An Apache Parquet file (needs ``pyarrow``, from the ``parquet`` extra). A named pandas
    index (``region``, ``period``) becomes ordinary columns.
``.json``
    Either a list of records, one object per row (``[{"region": "思明区", "period": 2013,
    "gdp": 1.5}, ...]``), or pandas' ``split`` orient (``{"columns": [...], "data": [[...],
    ...]}``, any ``index`` member ignored). Text as for CSV.

Any of the three shapes :func:`xmqc_kpi.evaluate` accepts may be read: wide, long, or a filled
input template. Rows are labelled as a person finds them in the file, so that every
:class:`~xmqc_kpi.DataError` points at the right place: by line number for CSV (the header is
line 1; a cell spanning lines is not counted), by row number for XLSX (the header is row 1),
and by record number from 1 for Parquet and JSON. Rows with every cell empty are dropped.

A wide column may be headed by its variable name or by the Chinese label of the input template
(``质量发展经费投入``), either followed by a unit in parentheses, half- or full-width, with any
surrounding spaces: ``质量发展经费投入（万元）`` reads as ``quality_funding`` in 万元. Such
units are returned beside the frame by :func:`read_data_file` (and kept in the frame's
``attrs["units"]`` by :func:`read_data`); pass them to ``evaluate(..., units=...)``.

Reading never runs anything from the file: no ``eval``, no pickle, no formula.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
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

__all__ = ["SUFFIXES", "DataFile", "read_data", "read_data_file", "read_units"]

#: The data file formats, by suffix.
SUFFIXES: Mapping[str, str] = MappingProxyType(
    {".csv": "CSV", ".xlsx": "XLSX", ".parquet": "Parquet", ".json": "JSON"}
)

#: Columns of text, never read as numbers.
_TEXT_COLUMNS = frozenset({"region", "period", "variable", "unit", *TEMPLATE_COLUMNS})
_WIDTH_FOLD = str.maketrans({"（": "(", "）": ")", "\u3000": " "})
_UNIT_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<unit>[^()]+)\)$")


@dataclass(frozen=True)
class DataFile:
    """A data file as read: the frame for :func:`xmqc_kpi.evaluate` and the units of its headers.

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


def read_data(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    indicators: Iterable[Indicator] | None = None,
) -> pd.DataFrame:
    r"""Read a data file (CSV, XLSX, Parquet or JSON) into a frame for :func:`xmqc_kpi.evaluate`.

    The units written in the headers are in the frame's ``attrs["units"]``, which
    :func:`xmqc_kpi.evaluate` applies (a ``units=`` argument that contradicts one is an
    error). See the module's documentation for the formats.

    Parameters
    ----------
    path
        The file; its suffix (``.csv``, ``.xlsx``, ``.parquet``, ``.json``) gives the format.
    sheet
        For XLSX, the sheet to read (default: the first).
    indicators
        The indicators whose input labels are recognised in headers (default: the built-in
        catalog).

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
        If the file is empty, cannot be decoded or parsed, or a header is wrong.
    ImportError
        If the optional dependency for XLSX or Parquet is not installed.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "funding.csv").write_text(
    ...     "period,质量发展经费投入（万元）\n2013,11\n", encoding="utf-8-sig")
    >>> frame = read_data(folder / "funding.csv")
    >>> frame
       period  quality_funding
    2    2013               11
    >>> frame.attrs["units"]
    {'quality_funding': '万元'}
    """
    file = read_data_file(path, sheet=sheet, indicators=indicators)
    frame = file.frame
    frame.attrs["units"] = dict(file.units)
    return frame


def read_data_file(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    indicators: Iterable[Indicator] | None = None,
) -> DataFile:
    """Read a data file into a :class:`DataFile`: the frame and the units of its headers.

    Parameters and errors are those of :func:`read_data`.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "gdp.json").write_text(
    ...     '[{"region": "思明区", "period": 2013, "地区生产总值(GDP) (亿元)": 1.5}]',
    ...     encoding="utf-8")
    >>> file = read_data_file(folder / "gdp.json")
    >>> list(file.frame.columns), file.units, file.headers
    (['region', 'period', 'gdp'], {'gdp': '亿元'}, {'gdp': '地区生产总值(GDP) (亿元)'})
    """
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise ValueError(f"{source}: cannot read {suffix or 'a file without suffix'}; use {known}")
    if not source.is_file():
        what = "is not a file" if source.exists() else "does not exist"
        raise FileNotFoundError(f"{source} {what}")
    # Parse, then clean in small steps over the whole frame; more leniency (title rows,
    # thousand separators, missing-value markers) belongs here, as further steps.
    frame = _PARSERS[suffix](source, sheet)
    frame = _drop_blank(frame)
    if frame.empty:
        raise DataError.single(f"{source} has no data: only a header, or nothing")
    file = _resolve_headers(frame, source, _names(indicators))
    return replace(file, frame=_numbers_from_text(file.frame))


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


def _unreadable(source: Path, exc: Exception) -> DataError:
    return DataError.single(f"cannot read {source} as {SUFFIXES[source.suffix.lower()]}: {exc}")


def _read_csv(source: Path, sheet: str | None) -> pd.DataFrame:
    _no_sheet(source, sheet)
    text = _text(source)
    header = next(csv.reader(io.StringIO(text)))
    if not any(cell.strip() for cell in header):
        raise DataError.single(f"{source}: line 1 is blank; the first line must be the header")
    try:
        with warnings.catch_warnings():  # more cells than the header: an error, not a warning
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(io.StringIO(text), index_col=False, skip_blank_lines=False)
    except (ValueError, csv.Error, pd.errors.ParserWarning) as exc:
        raise _unreadable(source, exc) from exc
    return _labelled(frame, header, first=2)


def _read_xlsx(source: Path, sheet: str | None) -> pd.DataFrame:
    openpyxl = _optional("openpyxl", extra="report", purpose="reading .xlsx files")
    invalid = openpyxl.utils.exceptions.InvalidFileException

    if source.stat().st_size == 0:
        raise DataError.single(f"{source} is empty")
    try:  # read_only streams rows; data_only gives cached values, never formulas
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, BadZipFile, invalid) as exc:
        raise _unreadable(source, exc) from exc
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise DataError.single(
                f"{source} has no sheet {sheet!r}; its sheets are {workbook.sheetnames}"
            )
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        raise DataError.single(f"{source} is empty (sheet {worksheet.title!r})")
    width = max(len(row) for row in rows)
    padded = [row + [None] * (width - len(row)) for row in rows]
    frame = pd.DataFrame(padded[1:], columns=range(width), dtype=object).infer_objects()
    return _labelled(frame, padded[0], first=2)


def _read_parquet(source: Path, sheet: str | None) -> pd.DataFrame:
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
    return _labelled(frame, list(frame.columns), first=1)


def _read_json(source: Path, sheet: str | None) -> pd.DataFrame:
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


def _json_records(records: list[Any], source: Path) -> pd.DataFrame:
    wrong = [number for number, record in enumerate(records, 1) if not isinstance(record, dict)]
    if wrong:
        raise DataError.single(f"{source}: records {wrong[:5]} are not objects")
    frame = pd.DataFrame(records)
    return _labelled(frame, list(frame.columns), first=1)


def _json_split(document: dict[str, Any], source: Path) -> pd.DataFrame:
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
    return _labelled(frame, columns, first=1)


_PARSERS: dict[str, Callable[[Path, str | None], pd.DataFrame]] = {
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


# --------------------------------------------------------------------------- headers


def _header_text(cell: object) -> str:
    """A header cell as text: ``2013`` for a year typed as a number, ``""`` for a blank."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _labelled(frame: pd.DataFrame, header: Iterable[object], *, first: int) -> pd.DataFrame:
    """``frame`` with the header's text as columns and rows numbered from ``first``."""
    frame.columns = pd.Index([_header_text(cell) for cell in header], dtype=object)
    frame.index = pd.RangeIndex(first, first + len(frame))
    return frame


def _drop_blank(frame: pd.DataFrame) -> pd.DataFrame:
    """Without rows whose every cell is empty, and blank-headed columns with no value."""
    empty = frame.isna().to_numpy(dtype=bool, copy=True)
    for position, dtype in enumerate(frame.dtypes):
        if not pd.api.types.is_numeric_dtype(dtype):
            cells = frame.iloc[:, position].to_numpy(dtype=object)
            blank = [isinstance(cell, str) and not cell.strip() for cell in cells]
            empty[:, position] |= np.array(blank, dtype=bool)
    keep_columns = [
        position
        for position, name in enumerate(frame.columns)
        if name != "" or not bool(empty[:, position].all())
    ]
    keep_rows = np.flatnonzero(~empty[:, keep_columns].all(axis=1))
    return frame.iloc[keep_rows, keep_columns]


def _fold(text: str) -> str:
    """Header text for matching: full-width parentheses as ASCII, runs of spaces as one."""
    return " ".join(text.translate(_WIDTH_FOLD).split())


def _names(indicators: Iterable[Indicator] | None) -> dict[str, str]:
    """Every header (folded) that names a variable: input names, their labels, indicator ids."""
    if indicators is None:
        from .catalogs import catalog  # the 42 declarations: only when a file is read

        indicators = catalog()
    names: dict[str, str] = {}
    for indicator in indicators:
        for item in indicator.inputs:
            names.setdefault(item.name, item.name)
            names.setdefault(_fold(item.label_zh), item.name)
        names.setdefault(indicator.id, indicator.id)
    return names


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


def _resolve_headers(frame: pd.DataFrame, source: Path, names: Mapping[str, str]) -> DataFile:
    problems: list[DataProblem] = []
    columns: list[str] = []
    units: dict[str, str] = {}
    headers: dict[str, str] = {}
    for header in frame.columns:
        resolved = _resolve(header, names)
        if resolved is None:
            if header and header in columns:
                problems.append(DataProblem(column=header, row=None, message="repeated header"))
            columns.append(header)
            continue
        variable, unit = resolved
        if variable in columns:
            earlier = headers.get(variable, variable)
            message = f"names the variable {variable!r}, as does the column {earlier!r}"
            problems.append(DataProblem(column=header, row=None, message=message))
        elif unit is not None and not _known_unit(unit):
            message = f"unknown unit {unit!r} in the header"
            problems.append(DataProblem(column=header, row=None, message=message))
        columns.append(variable)
        if header != variable:
            headers.setdefault(variable, header)
        if unit is not None:
            units.setdefault(variable, unit)
    if problems:
        raise DataError(problems)
    renamed = frame.set_axis(pd.Index(columns, dtype=object), axis="columns")
    return DataFile(frame=renamed, units=units, headers=headers, source=source)


def _numbers_from_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers written as text, in columns of numbers, read as numbers.

    A column with one bad cell is text throughout as the parser reads it; here its other cells
    become numbers again, so that only the bad cell is reported. Key and template columns
    (region, period, variable, unit, labels) keep their text.

    >>> frame = pd.DataFrame({"region": ["1"], "gdp": ["1.5"], "jobs": ["x"]})
    >>> _numbers_from_text(frame).to_dict("records")
    [{'region': '1', 'gdp': 1.5, 'jobs': 'x'}]
    """
    columns = {}
    for position, name in enumerate(frame.columns):
        column = frame.iloc[:, position]
        if name in _TEXT_COLUMNS or pd.api.types.is_numeric_dtype(column.dtype):
            continue
        numbers = pd.to_numeric(column.where(column.map(_is_text)), errors="coerce")
        if bool(numbers.notna().any()):
            columns[position] = column.astype(object).where(numbers.isna(), numbers.astype(object))
    if not columns:
        return frame
    result = frame.copy()
    for position, column in columns.items():
        result.isetitem(position, column.to_numpy())
    return result


def _is_text(cell: object) -> bool:
    return isinstance(cell, str)


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
