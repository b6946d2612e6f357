"""Counting a pandas frame of records in one pass of ``numpy.bincount``.

Each key becomes integer codes (a categorical's own codes, otherwise ``pandas.factorize``),
shifted by one so that a missing key lands in bin 0 of its axis. The codes, and the flags as
binary digits, are combined in place into one group number per record::

    group = (((region + 1) * (P + 1) + period + 1) * (S + 1) + split + 1) * 2**F + flags

so a single ``bincount(group)`` gives, per group, the records and how many have each flag set,
with missing keys counted rather than searched for. Only the group numbers are allocated
(8 bytes a record); sums such as deaths are added exactly with ``numpy.add.at``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..errors import DataError, DataProblem
from ._counts import Counts, Labels, Locate, period_labels
from .kinds import RecordKind

__all__ = ["count_pandas"]

Codes = npt.NDArray[np.integer]


def count_pandas(
    records: pd.DataFrame, kind: RecordKind, freq: str
) -> tuple[Counts, list[DataProblem], Locate]:
    """Count ``records`` of ``kind``; invalid flags and sums are problems, counted as zero."""
    period_column = "period" if "period" in records.columns else "date"
    _require(records, (*kind.columns, period_column))
    problems: list[DataProblem] = []
    keys = {"region": _codes(records["region"])}
    if period_column == "period":
        keys["period"] = _codes(records["period"])
    else:
        keys["date"] = _date_codes(records["date"], freq, problems)
    if kind.split is not None:
        keys[kind.split] = _codes(records[kind.split])
    flags = [_flag(records[column], problems) for column in kind.flags]
    sums = [_whole(records[column], problems) for column in kind.sums]
    values = _bincount(list(keys.values()), flags, sums)
    regions, periods, *split = [labels for _, labels in keys.values()]
    if kind.split is None:
        values = np.stack([np.zeros_like(values), values], axis=2)
        split = [np.array([""], dtype=object)]
    counts = Counts(regions, periods, split[0], cube=values, period_column=period_column)
    return counts, problems, _locator(records.index, keys)


def _require(records: pd.DataFrame, columns: tuple[str, ...]) -> None:
    absent = [column for column in columns if column not in records.columns]
    if absent:
        raise DataError(
            DataProblem(column=column, row=None, message=f"the records have no {column!r} column")
            for column in absent
        )


def _codes(series: pd.Series) -> tuple[Codes, Labels]:
    """Integer codes (-1 for missing) and the label of each code."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.codes.to_numpy(), series.cat.categories.to_numpy(dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def _date_codes(series: pd.Series, freq: str, problems: list[DataProblem]) -> tuple[Codes, Labels]:
    """Period codes of dates: the offset of each date's period from the earliest one."""
    dates = _as_dates(series, problems)
    months = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[M]")
    missing = np.isnat(months)
    ordinal = months.astype(np.int64) + 1970 * 12
    ordinal //= {"Y": 12, "Q": 3, "M": 1}[freq]
    present = ordinal[~missing]
    low, high = (int(present.min()), int(present.max())) if len(present) else (0, -1)
    ordinal -= low
    ordinal[missing] = -1
    return ordinal, period_labels(np.arange(low, high + 1), freq)


def _as_dates(series: pd.Series, problems: list[DataProblem]) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        dates = series
    else:
        dates = pd.to_datetime(series, errors="coerce", format="ISO8601")
        unread = np.flatnonzero(dates.isna().to_numpy() & series.notna().to_numpy())
        if len(unread):
            example = series.iloc[unread[0]]
            problems.append(_problem(series, unread, f"cannot read {example!r} as a date"))
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_localize(None)
    return dates


def _flag(series: pd.Series, problems: list[DataProblem]) -> npt.NDArray[np.bool_]:
    """The column as booleans; anything but True or False is a problem (counted False)."""
    if series.dtype == np.bool_:
        return series.to_numpy()
    cells = series.to_numpy(dtype=object)
    bad = np.flatnonzero([not isinstance(cell, bool | np.bool_) for cell in cells])
    if len(bad) == 0:
        return cells.astype(bool)
    problems.append(_problem(series, bad, f"must be True or False, not {_plain(cells[bad[0]])!r}"))
    return np.zeros(len(series), dtype=bool)


def _whole(series: pd.Series, problems: list[DataProblem]) -> npt.NDArray[np.int64]:
    """The column as non-negative int64; anything else is a problem (counted 0)."""
    cells = series.to_numpy() if series.dtype.kind in "iuf" else series.to_numpy(dtype=object)
    if cells.dtype.kind == "f":
        bad = np.flatnonzero(~np.isfinite(cells) | (cells != np.floor(cells)))
    elif cells.dtype == object:
        bad = np.flatnonzero([not _is_whole(cell) for cell in cells])
    else:
        bad = np.flatnonzero([])
    if len(bad) == 0:
        whole = cells.astype(np.int64)
        bad = np.flatnonzero(whole < 0)
        if len(bad) == 0:
            return whole
        message = f"must be at least 0, not {_plain(cells[bad[0]])!r}"
    else:
        message = f"must be a whole number, not {_plain(cells[bad[0]])!r}"
    problems.append(_problem(series, bad, message))
    return np.zeros(len(series), dtype=np.int64)


def _is_whole(cell: object) -> bool:
    if isinstance(cell, bool | np.bool_):
        return False
    return isinstance(cell, int | np.integer) or (
        isinstance(cell, float | np.floating) and float(cell).is_integer()
    )


def _problem(series: pd.Series, bad: npt.NDArray[np.intp], message: str) -> DataProblem:
    suffix = f" ({len(bad)} records)" if len(bad) > 1 else ""
    return DataProblem(
        column=str(series.name), row=_plain(series.index[bad[0]]), message=message + suffix
    )


def _bincount(
    keys: list[tuple[Codes, Labels]],
    flags: list[npt.NDArray[np.bool_]],
    sums: list[npt.NDArray[np.int64]],
) -> npt.NDArray[np.int64]:
    """Measures per group: shape (*key sizes + 1, 1 + flags + sums)."""
    sizes = [len(labels) + 1 for _, labels in keys]
    group = keys[0][0].astype(np.intp)
    group += 1
    for (codes, _), size in zip(keys[1:], sizes[1:], strict=True):
        group *= size
        group += codes
        group += 1
    base = group.copy() if sums else group
    for flag in flags:
        group *= 2
        group += flag
    cells = int(np.prod(sizes))
    binned = np.bincount(group, minlength=cells << len(flags)).reshape(cells, *[2] * len(flags))
    measures = [binned.reshape(cells, -1).sum(axis=1)]
    measures += [
        np.moveaxis(binned, axis, 1)[:, 1].reshape(cells, -1).sum(axis=1)
        for axis in range(1, len(flags) + 1)
    ]
    for values in sums:
        total = np.zeros(cells, dtype=np.int64)
        np.add.at(total, base, values)
        measures.append(total)
    return np.stack(measures, axis=-1).astype(np.int64).reshape(*sizes, -1)


def _locator(index: pd.Index, keys: dict[str, tuple[Codes, Labels]]) -> Locate:
    def locate(column: str, value: object) -> object:
        codes, labels = keys[column]
        wanted = -1 if value is None else int(np.flatnonzero(labels == value)[0])
        return _plain(index[int(np.argmax(codes == wanted))])

    return locate


def _plain(label: object) -> object:
    return label.item() if isinstance(label, np.generic) else label
