"""Counting records held by another engine, through narwhals, where the records live.

polars (eager or lazy), pyarrow and DuckDB records are grouped by one narwhals query that the
engine itself runs; only the aggregated groups, one row per (region, period, split value),
come back. Missing keys and
unknown split values come back as groups of their own, so the same query also finds them;
only when something is wrong does a second query fetch an example record.

Example rows are 0-based positions for eager frames (polars, pyarrow); lazy frames (polars
``LazyFrame``, DuckDB) have no row order, so the example is the record itself, as a dict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import DataError, DataProblem
from ._counts import Counts, Locate, from_groups, group_problems
from .kinds import RecordKind

if TYPE_CHECKING:
    import narwhals as nw

__all__ = ["count_native"]

#: Divisor of ``12 * year + month - 1`` giving each frequency's ordinal (years are then exact).
_MONTHS = {"Y": 12, "Q": 3, "M": 1}


def count_native(
    records: object, kind: RecordKind, freq: str
) -> tuple[Counts, list[DataProblem], Locate]:
    """Count ``records`` of ``kind`` with their own engine; see the module docstring."""
    try:
        import narwhals as nw
    except ImportError as exc:  # pragma: no cover - the engines extra is installed in CI
        raise ImportError(
            "records other than pandas need narwhals: pip install 'xmqc_kpi[engines]'"
        ) from exc
    frame: nw.DataFrame[Any] | nw.LazyFrame[Any] = nw.from_native(records)
    schema = frame.collect_schema()
    period_column = "period" if "period" in schema else "date"
    absent = [c for c in (*kind.columns, period_column) if c not in schema]
    if absent:
        raise DataError(
            DataProblem(code="records_column_missing", params={"column": c}, column=c)
            for c in absent
        )
    problems: list[DataProblem] = []
    measures = _measures(frame, schema, kind, problems)
    period = _period(frame, schema, period_column, freq, problems)
    keys = ["region", "__period", *([] if kind.split is None else [kind.split])]
    grouped = (
        frame.with_columns(period, **measures)
        .group_by(*keys)
        .agg(nw.len().alias("__records"), *(nw.col(name).sum() for name in measures))
    )
    collected = grouped.collect() if isinstance(grouped, nw.LazyFrame) else grouped
    groups = collected.to_pandas()
    problems += _measure_problems(frame, groups, kind)

    def locate(column: str, value: object) -> object:
        return _example(frame, column, value)

    problems += group_problems(groups, kind, period_column, locate)
    if problems:
        raise DataError(problems)
    counts = from_groups(groups, kind, period_column, freq)
    return counts, problems, locate


def _measures(
    frame: nw.DataFrame[Any] | nw.LazyFrame[Any],
    schema: nw.Schema,
    kind: RecordKind,
    problems: list[DataProblem],
) -> dict[str, nw.Expr]:
    """Per-record expressions summed per group: flags and sums, and their missing cells."""
    import narwhals as nw

    exprs: dict[str, nw.Expr] = {}
    for column in (*kind.flags, *kind.sums):
        dtype = schema[column]
        flag = column in kind.flags
        valid = dtype == nw.Boolean if flag else dtype.is_integer()
        if not valid:
            row = _example(frame, column, condition=~nw.col(column).is_null())
            code = "records_flag_dtype" if flag else "records_sum_dtype"
            problems.append(
                DataProblem(code=code, params={"dtype": str(dtype)}, column=column, row=row)
            )
        cell = nw.col(column) if valid else nw.lit(0)
        exprs[f"__{column}"] = cell.cast(nw.Int64).fill_null(0)
        exprs[f"__{column}_missing"] = nw.col(column).is_null().cast(nw.Int64)
        if column in kind.sums:
            exprs[f"__{column}_negative"] = (cell < 0).cast(nw.Int64)
    return exprs


def _period(
    frame: nw.DataFrame[Any] | nw.LazyFrame[Any],
    schema: nw.Schema,
    column: str,
    freq: str,
    problems: list[DataProblem],
) -> nw.Expr:
    """The period key: the ``period`` column, or the ordinal of each ``date`` at ``freq``."""
    import narwhals as nw

    if column == "period":
        return nw.col("period").alias("__period")
    if schema["date"] not in (nw.Date, nw.Datetime):
        row = _example(frame, "date", condition=~nw.col("date").is_null())
        params = {"dtype": str(schema["date"])}
        problems.append(
            DataProblem(code="records_date_dtype", params=params, column="date", row=row)
        )
        return nw.lit(0).alias("__period")
    date = nw.col("date")
    month = date.dt.year().cast(nw.Int64) * 12 + date.dt.month().cast(nw.Int64) - 1
    return (month // _MONTHS[freq]).alias("__period")


def _measure_problems(
    frame: nw.DataFrame[Any] | nw.LazyFrame[Any], groups: pd.DataFrame, kind: RecordKind
) -> list[DataProblem]:
    """Missing flags and sums, and negative sums, each with an example record."""
    import narwhals as nw

    found = []
    for column in (*kind.flags, *kind.sums):
        checks = {"missing": (nw.col(column).is_null(), "records_missing_value")}
        if column in kind.sums:
            checks["negative"] = (nw.col(column) < 0, "records_negative_count")
        for suffix, (condition, code) in checks.items():
            n = int(groups[f"__{column}_{suffix}"].sum())
            if n:
                row = _example(frame, column, condition=condition)
                found.append(DataProblem(code=code, params={"count": n}, column=column, row=row))
    return found


def _example(
    frame: nw.DataFrame[Any] | nw.LazyFrame[Any],
    column: str,
    value: object = None,
    *,
    condition: nw.Expr | None = None,
) -> object:
    """An example record: the first meeting ``condition``, by default ``column`` is ``value``."""
    import narwhals as nw

    if condition is None:
        condition = nw.col(column).is_null() if value is None else nw.col(column) == value
    if isinstance(frame, nw.DataFrame):
        hits = frame.with_row_index("__row").filter(condition)
        return int(hits["__row"][0]) if len(hits) else 0
    first = frame.filter(condition).head(1).collect()
    return first.rows(named=True)[0] if len(first) else None
