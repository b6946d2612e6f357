"""Record-level data to catalog inputs: count records per (region, period) on any engine.

One mechanism serves every record kind (:data:`RECORD_KINDS`): group the records by region,
period and the kind's split column, count them and their flags, add up their sums, and write
each count to the catalog variable the split value names. pandas records are counted in one
``numpy.bincount`` pass (:mod:`._pandas`); polars, pyarrow and DuckDB records are counted
by their own engine through narwhals (:mod:`._engines`), and Dask records by Dask's own
group-by on the active distributed cluster (:mod:`._dask`): only the groups come back.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import reduce

import pandas as pd

from ._counts import FREQS, sort_key, to_wide
from ._dask import count_dask, is_dask
from ._engines import count_native
from ._pandas import count_pandas
from .kinds import RECORD_KINDS, RecordKind

__all__ = ["RECORD_KINDS", "RecordKind", "aggregate_inspections", "aggregate_records"]


def aggregate_inspections(records: object, *, freq: str = "Y") -> pd.DataFrame:
    """Count inspected batches into the sampling and inspection variables of the catalog.

    For each (region, period) and each programme present, with ``n`` batches of which ``k``
    passed::

        <programme>_sampled_batches = n    <programme>_passed_batches = k

    (``local_agri_sampled`` / ``local_agri_passed``; ``export_inspected_batches`` /
    ``export_passed_batches``). Programmes: ``national``, ``provincial``, ``municipal``,
    ``ccc``, ``key_food``, ``local_agri``, ``export``.

    Parameters
    ----------
    records
        One row per batch: ``region``, ``period`` (or ``date``), ``programme`` and ``passed``
        (boolean). A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame.
    freq
        ``"Y"``, ``"Q"`` or ``"M"``: the periods made from ``date`` (years as ints,
        ``"2013Q1"``, ``"2013-01"``). Ignored when the records have a ``period`` column.

    Returns
    -------
    pandas.DataFrame
        The wide frame :func:`xmqc_kpi.evaluate` reads: ``region``, ``period`` and two int64
        columns per programme present, one row per (region, period), sorted by both.

    Raises
    ------
    DataError
        Missing columns, missing keys, unknown programmes or non-boolean ``passed`` values,
        each naming its column and an example row (see :func:`aggregate_records`).

    Examples
    --------
    >>> import pandas as pd
    >>> import xmqc_kpi as kpi
    >>> from xmqc_kpi.aggregate import aggregate_inspections
    >>> records = pd.DataFrame({
    ...     "region": ["思明区"] * 3,
    ...     "date": pd.to_datetime(["2013-01-05", "2013-02-11", "2013-05-02"]),
    ...     "programme": ["municipal"] * 3,
    ...     "passed": [True, False, True],
    ... })
    >>> aggregate_inspections(records, freq="Q")
      region  period  municipal_sampled_batches  municipal_passed_batches
    0    思明区  2013Q1                          2                         1
    1    思明区  2013Q2                          1                         1
    >>> rate = kpi.catalog()["municipal_sampling_pass_rate"]
    >>> kpi.evaluate(rate, aggregate_inspections(records, freq="Q")).to_frame()["status"].tolist()
    ['not_met', 'met']
    """
    return aggregate_records({"inspections": records}, freq=freq)


def aggregate_records(tables: Mapping[str, object], *, freq: str = "Y") -> pd.DataFrame:
    """Count record tables of several kinds into one wide frame of catalog inputs.

    Each table is one kind of :data:`RECORD_KINDS` (``inspections``, ``acceptances``,
    ``equipment_accidents``, ``equipment_register``). Per (region, period) and split value,
    with ``n`` records::

        count variable = n,   flag variable = #{records with the flag True},
        sum variable = Σ column

    The tables are joined on (region, period). Records are taken to be complete: a (region,
    period) that some table has and another lacks has counted zero records of the other.

    Parameters
    ----------
    tables
        Record kind name → records (any engine :func:`aggregate_inspections` accepts).
    freq
        ``"Y"``, ``"Q"`` or ``"M"``, for tables that give ``date`` rather than ``period``.

    Returns
    -------
    pandas.DataFrame
        ``region``, ``period`` and the int64 count variables, sorted by region and period.

    Raises
    ------
    DataError
        Every problem found: a missing column; a missing region, period, date or split value;
        an unknown split value; a flag that is not True/False; a sum that is not a whole
        number ≥ 0. The row is the index label (pandas), the 0-based position (polars,
        pyarrow) or, for lazy engines without row order, the example record as a dict.
    ValueError
        An unknown record kind or ``freq``.

    Examples
    --------
    >>> import pandas as pd
    >>> from xmqc_kpi.aggregate import aggregate_records
    >>> accidents = pd.DataFrame({"region": ["湖里区"], "period": [2013], "deaths": [1]})
    >>> register = pd.DataFrame({"region": ["湖里区", "湖里区", "集美区"], "period": [2013] * 3})
    >>> aggregate_records({"equipment_accidents": accidents, "equipment_register": register})
      region  period  special_equipment_deaths  special_equipment_units
    0    湖里区    2013                         1                        2
    1    集美区    2013                         0                        1
    """
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    unknown = sorted(set(tables) - set(RECORD_KINDS))
    if unknown or not tables:
        raise ValueError(f"record kinds are {', '.join(RECORD_KINDS)}; got {unknown or 'none'}")
    frames = [_aggregate(records, RECORD_KINDS[name], freq) for name, records in tables.items()]
    return reduce(_join, frames)


def _aggregate(records: object, kind: RecordKind, freq: str) -> pd.DataFrame:
    if isinstance(records, pd.DataFrame):
        counts, problems, locate = count_pandas(records, kind, freq)
    elif is_dask(records):
        counts, problems, locate = count_dask(records, kind, freq)  # type: ignore[arg-type]
    else:
        counts, problems, locate = count_native(records, kind, freq)
    return to_wide(counts, kind, locate, problems)


def _join(left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
    """Outer-join two wide frames on (region, period); a side without the row counted 0."""
    joined = left.merge(right, on=["region", "period"], how="outer", sort=False)
    counts = [column for column in joined.columns if column not in ("region", "period")]
    joined[counts] = joined[counts].fillna(0).astype("int64")
    ordered = joined.sort_values(["region", "period"], key=lambda keys: keys.map(sort_key))
    return ordered.reset_index(drop=True)
