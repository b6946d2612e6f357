"""The counted records of one kind, whatever engine counted them, and their wide frame.

Every engine path ends in a :class:`Counts` cube; checking its keys and turning it into the
wide frame ``evaluate`` reads is done here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..errors import DataError, DataProblem
from .kinds import RecordKind

__all__ = [
    "FREQS",
    "MAX_GROUPS",
    "Counts",
    "Locate",
    "check_size",
    "from_groups",
    "group_problems",
    "key_problems",
    "period_labels",
    "sort_key",
    "to_wide",
]

#: Period frequencies for records that carry a ``date``.
FREQS = ("Y", "Q", "M")

#: The most groups (regions × periods × split values, each with a slot for a missing key)
#: one count may lay out: 7 districts × 40 quarters × 8 programmes is 3,000; this is
#: 20 million (a few hundred MB of counts at most). More is refused before any allocation.
MAX_GROUPS = 20_000_000

#: ``locate(column, value)``: an example row whose ``column`` holds ``value`` (None: missing).
Locate = Callable[[str, object], object]

Labels = npt.NDArray[np.object_]


@dataclass(frozen=True)
class Counts:
    """Measures per (region, period, split value) of one record kind.

    ``cube[r, p, s, m]`` is measure ``m`` (record count, then flags, then sums) of region
    ``regions[r - 1]``, period ``periods[p - 1]`` and split value ``splits[s - 1]``; index 0 of
    each key axis gathers the records whose key is missing. The cube is dense: sized for
    districts, periods and programmes (thousands of cells), not for millions of regions.
    """

    regions: Labels
    periods: Labels
    splits: Labels
    cube: npt.NDArray[np.int64]
    #: The column the periods come from: ``period`` or ``date``.
    period_column: str


def period_labels(ordinals: npt.NDArray[np.int64], freq: str) -> Labels:
    """Label period ordinals as ``evaluate`` reads them.

    The ordinal is the year (``Y``), ``4 * year + quarter - 1`` (``Q``) or
    ``12 * year + month - 1`` (``M``).

    >>> period_labels(np.array([8052, 8055]), "Q").tolist()
    ['2013Q1', '2013Q4']
    >>> period_labels(np.array([2013]), "Y").tolist(), period_labels(np.array([24156]), "M")[0]
    ([2013], '2013-01')
    """
    if freq == "Y":
        return np.array([int(o) for o in ordinals], dtype=object)
    if freq == "Q":
        return np.array([f"{o // 4}Q{o % 4 + 1}" for o in ordinals], dtype=object)
    return np.array([f"{o // 12}-{o % 12 + 1:02d}" for o in ordinals], dtype=object)


def from_groups(groups: pd.DataFrame, kind: RecordKind, period_column: str, freq: str) -> Counts:
    """The cube of groups aggregated by another engine.

    ``groups`` has the keys ``region``, ``__period`` (the ordinal at ``freq`` when
    ``period_column`` is ``date``) and the split column, then ``__records`` and ``__<column>``
    for each flag and sum; a missing key is a group of its own.
    """
    measures = ["__records", *(f"__{c}" for c in (*kind.flags, *kind.sums))]
    keys = [groups["region"], groups["__period"]]
    keys.append(groups[kind.split] if kind.split is not None else pd.Series([""] * len(groups)))
    codes, labels = zip(*(pd.factorize(key, use_na_sentinel=True) for key in keys), strict=True)
    shape = [len(uniques) + 1 for uniques in labels]
    check_size(shape, kind)
    values = np.zeros((*shape, len(measures)), dtype=np.int64)
    np.add.at(values, tuple(c + 1 for c in codes), groups[measures].to_numpy(dtype=np.int64))
    regions, periods, splits = (np.asarray(uniques, dtype=object) for uniques in labels)
    if period_column == "date":
        periods = period_labels(periods.astype(np.int64), freq)
    return Counts(regions, periods, splits, cube=values, period_column=period_column)


def to_wide(
    counts: Counts, kind: RecordKind, locate: Locate, problems: Sequence[DataProblem] = ()
) -> pd.DataFrame:
    """Check the keys, then lay the counts out as one row per (region, period).

    Rows are sorted by region then period; a split value without records has no columns.

    Raises
    ------
    DataError
        With ``problems`` and every missing key or unknown split value, each with an example.
    """
    found = [*problems, *_key_problems(counts, kind, locate)]
    if found:
        raise DataError(found)
    values = counts.cube[1:, 1:, 1:]
    region_order, period_order = _order(counts.regions), _order(counts.periods)
    values = values[region_order][:, period_order]
    rows, cols = np.nonzero(values[..., 0].sum(axis=2) > 0)
    frame: dict[str, Any] = {
        "region": counts.regions[region_order][rows],
        "period": _period_column(counts.periods[period_order][cols]),
    }
    position = {label: s for s, label in enumerate(counts.splits)}
    totals = values[..., 0].sum(axis=(0, 1))
    for split, names in kind.variables.items():
        s = position.get(split)
        if s is None or (kind.split is not None and totals[s] == 0):
            continue
        for measure, name in enumerate(names):
            if name is not None:
                frame[name] = values[rows, cols, s, measure]
    return pd.DataFrame(frame)


def check_size(shape: Sequence[int], kind: RecordKind) -> None:
    """Refuse a count whose dense layout (``shape``: regions, periods[, splits]) is too large.

    Raises
    ------
    DataError
        ``records_too_many_groups``, naming :data:`MAX_GROUPS`, before anything is allocated.
    """
    sizes = [int(size) for size in shape]
    cells = int(np.prod(sizes, dtype=object))
    if cells <= MAX_GROUPS:
        return
    regions, periods, *splits = [size - 1 for size in sizes]
    params = {
        "cells": cells,
        "regions": regions,
        "periods": periods,
        "splits": splits[0] if splits and kind.split is not None else 1,
        "limit": MAX_GROUPS,
    }
    raise DataError([DataProblem(code="records_too_many_groups", params=params)])


def key_problems(
    missing: dict[str, int],
    splits: Labels | None,
    kind: RecordKind,
    locate: Locate,
    per_split: Sequence[int],
) -> list[DataProblem]:
    """Records lacking a key (``missing``: column → count) and unknown split values."""
    problems = [
        DataProblem(
            code="records_key_missing",
            params={"count": n, "column": column},
            column=column,
            row=locate(column, None),
        )
        for column, n in missing.items()
        if n
    ]
    if kind.split is None or splits is None:
        return problems
    expected = ", ".join(kind.variables)
    problems += [
        DataProblem(
            code="records_unknown_split",
            params={"column": kind.split, "value": label, "count": int(n), "expected": expected},
            column=kind.split,
            row=locate(kind.split, label),
        )
        for label, n in zip(splits, per_split, strict=True)
        if n and label not in kind.variables
    ]
    return problems


def group_problems(
    groups: pd.DataFrame, kind: RecordKind, period_column: str, locate: Locate
) -> list[DataProblem]:
    """Missing keys and unknown split values of groups another engine counted.

    Checked on the groups themselves, before :func:`from_groups` lays out any cube.
    """
    records = groups["__records"].to_numpy(dtype=np.int64)
    missing = {
        "region": int(records[groups["region"].isna().to_numpy()].sum()),
        period_column: int(records[groups["__period"].isna().to_numpy()].sum()),
    }
    if kind.split is None:
        return key_problems(missing, None, kind, locate, [])
    split = groups[kind.split]
    missing[kind.split] = int(records[split.isna().to_numpy()].sum())
    totals = groups.loc[split.notna()].groupby(kind.split, sort=False)["__records"].sum()
    labels = np.asarray(totals.index, dtype=object)
    return key_problems(missing, labels, kind, locate, totals.tolist())


def _key_problems(counts: Counts, kind: RecordKind, locate: Locate) -> list[DataProblem]:
    rows = counts.cube[..., 0]
    missing = {
        "region": int(rows[0].sum()),
        counts.period_column: int(rows[:, 0].sum()),
    }
    if kind.split is not None:
        missing[kind.split] = int(rows[:, :, 0].sum())
    per_split = rows[:, :, 1:].sum(axis=(0, 1)).tolist()
    return key_problems(missing, counts.splits, kind, locate, per_split)


def sort_key(label: object) -> tuple[int, object, str]:
    """Order labels naturally, numbers before text, so that mixed labels still sort.

    >>> sorted([2014, "2013Q1", 2013], key=sort_key)
    [2013, 2014, '2013Q1']
    """
    number = isinstance(label, int | float | np.integer | np.floating)
    return (0, label, "") if number and not isinstance(label, bool) else (1, 0, str(label))


def _order(labels: Labels) -> npt.NDArray[np.intp]:
    return np.array(sorted(range(len(labels)), key=lambda i: sort_key(labels[i])), dtype=np.intp)


def _period_column(labels: Labels) -> pd.Series | Labels:
    """Years as int64, other periods as they are."""
    if len(labels) and all(isinstance(label, int | np.integer) for label in labels):
        return pd.Series(labels.astype(np.int64))
    return labels
