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
from ..panel import FIRST_YEAR, LAST_YEAR
from ..text._problems_values import records_more
from ._counts import Counts, Labels, Locate, check_size, key_problems, period_labels
from .kinds import RecordKind

__all__ = ["count_pandas"]

Codes = npt.NDArray[np.integer]


def count_pandas(
    records: pd.DataFrame, kind: RecordKind, freq: str
) -> tuple[Counts, list[DataProblem], Locate]:
    """Count ``records`` of ``kind``, after checking them all; nothing is laid out before.

    Missing keys, unknown split values, dates out of range and invalid flags and sums are
    raised together as one :class:`DataError` before any counting; the dense count is then
    bounded by :data:`~xmqc_kpi.aggregate._counts.MAX_GROUPS`.
    """
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
    locate = _locator(records.index, keys)
    missing = {column: int((codes == -1).sum()) for column, (codes, _) in keys.items()}
    splits = keys[kind.split][1] if kind.split is not None else None
    problems += key_problems(missing, splits, kind, locate, _split_counts(keys, kind))
    if problems:
        raise DataError(problems)
    check_size([len(labels) + 1 for _, labels in keys.values()], kind)
    values = _bincount(list(keys.values()), flags, sums)
    regions, periods, *split = [labels for _, labels in keys.values()]
    if kind.split is None:
        values = np.stack([np.zeros_like(values), values], axis=2)
        split = [np.array([""], dtype=object)]
    counts = Counts(regions, periods, split[0], cube=values, period_column=period_column)
    return counts, problems, locate


def _split_counts(keys: dict[str, tuple[Codes, Labels]], kind: RecordKind) -> list[int]:
    """Records per split value (counted on the codes alone, before any cube)."""
    if kind.split is None:
        return []
    codes, labels = keys[kind.split]
    present = codes[codes >= 0]
    return [int(n) for n in np.bincount(present, minlength=len(labels))]


def _require(records: pd.DataFrame, columns: tuple[str, ...]) -> None:
    absent = [column for column in columns if column not in records.columns]
    if absent:
        raise DataError(
            DataProblem(code="records_column_missing", params={"column": column}, column=column)
            for column in absent
        )


def _codes(series: pd.Series) -> tuple[Codes, Labels]:
    """Integer codes (-1 for missing) and the label of each code."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.codes.to_numpy(), series.cat.categories.to_numpy(dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def _date_codes(series: pd.Series, freq: str, problems: list[DataProblem]) -> tuple[Codes, Labels]:
    """Period codes of dates: the offset of each date's period from the earliest one.

    Dates outside the years :data:`~xmqc_kpi.panel.FIRST_YEAR`–``LAST_YEAR`` are problems
    (a year-1700 typo would otherwise lay out three centuries of periods); their code is -2.
    """
    dates = _as_dates(series, problems)
    months = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[M]")
    missing = np.isnat(months)
    month = months.astype(np.int64) + 1970 * 12
    outside = ~missing & ((month < FIRST_YEAR * 12) | (month >= (LAST_YEAR + 1) * 12))
    if outside.any():
        bad = np.flatnonzero(outside)
        problems.append(
            _problem(
                series,
                bad,
                "records_year_out_of_range",
                value=str(dates.iloc[bad[0]].date()),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    ordinal = month // {"Y": 12, "Q": 3, "M": 1}[freq]
    present = ordinal[~missing & ~outside]
    low, high = (int(present.min()), int(present.max())) if len(present) else (0, -1)
    ordinal -= low
    ordinal[missing] = -1
    ordinal[outside] = -2
    return ordinal, period_labels(np.arange(low, high + 1), freq)


def _as_dates(series: pd.Series, problems: list[DataProblem]) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        dates = series
    else:
        dates = pd.to_datetime(series, errors="coerce", format="ISO8601")
        unread = np.flatnonzero(dates.isna().to_numpy() & series.notna().to_numpy())
        if len(unread):
            example = series.iloc[unread[0]]
            problems.append(
                _problem(series, unread, "records_date_unreadable", value=repr(example))
            )
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
    shown = repr(_plain(cells[bad[0]]))
    problems.append(_problem(series, bad, "records_not_boolean", value=shown))
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
        code = "records_negative"
    else:
        code = "records_not_whole"
    problems.append(_problem(series, bad, code, value=repr(_plain(cells[bad[0]]))))
    return np.zeros(len(series), dtype=np.int64)


def _is_whole(cell: object) -> bool:
    if isinstance(cell, bool | np.bool_):
        return False
    return isinstance(cell, int | np.integer) or (
        isinstance(cell, float | np.floating) and float(cell).is_integer()
    )


def _problem(
    series: pd.Series, bad: npt.NDArray[np.intp], code: str, **params: object
) -> DataProblem:
    return DataProblem(
        code=code,
        params={**params, "more": records_more(len(bad))},
        column=str(series.name),
        row=_plain(series.index[bad[0]]),
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
        if not (codes == wanted).any():
            return None
        return _plain(index[int(np.argmax(codes == wanted))])

    return locate


def _plain(label: object) -> object:
    return label.item() if isinstance(label, np.generic) else label
