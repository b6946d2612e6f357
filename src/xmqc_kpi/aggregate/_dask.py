"""Counting a Dask DataFrame with Dask's own group-by, on the active distributed cluster.

narwhals is deprecating its built-in Dask backend (it warns that Dask moves to a separate
``narwhals-dask`` plug-in), so Dask records use Dask's API directly: one ``groupby().sum()``
over per-record measure columns, computed where the partitions live (on the
``dask.distributed`` client when one is active); only the groups come back. Missing keys are
kept as groups (``dropna=False``); example rows are the records' index labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import DataError, DataProblem
from ._counts import Counts, Locate, from_groups, group_problems
from .kinds import RecordKind

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["count_dask", "is_dask"]

#: Divisor of ``12 * year + month - 1`` giving each frequency's ordinal.
_MONTHS = {"Y": 12, "Q": 3, "M": 1}


def is_dask(records: object) -> bool:
    """Whether ``records`` is a Dask DataFrame (without importing Dask when it is not)."""
    return type(records).__module__.split(".")[0] == "dask"


def count_dask(
    records: dd.DataFrame, kind: RecordKind, freq: str
) -> tuple[Counts, list[DataProblem], Locate]:
    """Count Dask ``records`` of ``kind`` on the cluster; see the module docstring."""
    period_column = "period" if "period" in records.columns else "date"
    absent = [c for c in (*kind.columns, period_column) if c not in records.columns]
    if absent:
        raise DataError(
            DataProblem(code="records_column_missing", params={"column": c}, column=c)
            for c in absent
        )
    problems: list[DataProblem] = []
    columns: dict[str, Any] = {"__period": _period(records, period_column, freq, problems)}
    columns["__records"] = 1
    for column in (*kind.flags, *kind.sums):
        columns |= _measures(records, column, column in kind.flags, problems)
    keys = ["region", "__period", *([] if kind.split is None else [kind.split])]
    prepared = records.assign(**columns)
    measures = [name for name in columns if name != "__period"]
    grouped = prepared.groupby(keys, dropna=False, observed=True)[measures].sum()
    groups = grouped.compute().reset_index()
    problems += _measure_problems(records, groups, kind)

    def locate(column: str, value: object) -> object:
        return _example(records, _where(records, column, value))

    problems += group_problems(groups, kind, period_column, locate)
    if problems:
        raise DataError(problems)
    counts = from_groups(groups, kind, period_column, freq)
    return counts, problems, locate


def _period(
    records: dd.DataFrame, column: str, freq: str, problems: list[DataProblem]
) -> Any:  # a Dask Series (Dask's operators are untyped)
    if column == "period":
        return records["period"]
    dates = records["date"]
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        row = _example(records, dates.notna())
        params = {"dtype": str(dates.dtype)}
        problems.append(
            DataProblem(code="records_date_dtype", params=params, column="date", row=row)
        )
        return dates.isna().astype("int64")
    month = dates.dt.year * 12 + dates.dt.month - 1
    return month // _MONTHS[freq]


def _measures(
    records: dd.DataFrame, column: str, flag: bool, problems: list[DataProblem]
) -> dict[str, dd.Series]:
    """The column's per-record measure, missing cells and (for sums) negative cells, as ints."""
    cells = records[column]
    dtype = cells.dtype
    valid = pd.api.types.is_bool_dtype(dtype) if flag else pd.api.types.is_integer_dtype(dtype)
    missing = cells.isna()
    if not valid:
        row = _example(records, ~missing)
        code = "records_flag_dtype" if flag else "records_sum_dtype"
        problems.append(
            DataProblem(code=code, params={"dtype": str(dtype)}, column=column, row=row)
        )
        cells = missing & False
    measures = {
        f"__{column}": cells.fillna(False if flag else 0).astype("int64"),
        f"__{column}_missing": missing,
    }
    if not flag:
        measures[f"__{column}_negative"] = cells < 0
    return {name: series.astype("int64") for name, series in measures.items()}


def _measure_problems(
    records: dd.DataFrame, groups: pd.DataFrame, kind: RecordKind
) -> list[DataProblem]:
    found = []
    for column in (*kind.flags, *kind.sums):
        checks = {"missing": (records[column].isna(), "records_missing_value")}
        if column in kind.sums:
            checks["negative"] = (records[column] < 0, "records_negative_count")
        for suffix, (condition, code) in checks.items():
            n = int(groups[f"__{column}_{suffix}"].sum())
            if n:
                row = _example(records, condition)
                found.append(DataProblem(code=code, params={"count": n}, column=column, row=row))
    return found


def _example(records: dd.DataFrame, condition: Any) -> object:
    """The index label of the first record meeting ``condition``."""
    first = records[condition].head(1, npartitions=-1)
    if len(first) == 0:
        return None
    label: object = first.index[0]
    return label.item() if isinstance(label, np.generic) else label


def _where(
    records: dd.DataFrame, column: str, value: object
) -> Any:  # a Dask Series (Dask's operators are untyped)
    """Records whose ``column`` holds ``value`` (None: is missing)."""
    return records[column].isna() if value is None else records[column] == value
