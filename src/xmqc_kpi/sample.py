"""The bundled sample: one wide frame for 厦门市 and its six districts, 2012–2015.

``sample_data()`` returns everything :func:`xmqc_kpi.evaluate` needs to run the whole catalog::

    import xmqc_kpi as kpi
    kpi.evaluate(kpi.catalog(), **kpi.sample_data())

The figures live in four CSV files under ``xmqc_kpi/data/sample/``. Those files are the data;
no script generates them, and their ``README.md`` documents every column. Provenance:

* **Real, published figures**, each cited in the ``source`` column beside it:

  * the national special-equipment death rate (deaths per 10,000 units), which is the
    benchmark of ``special_equipment_death_rate``: 0.517 in 2012 (292 deaths; 国家质检总局,
    press conference of 2013-01-28), 0.39 in 2014 (质检总局特种设备局, 2015) and 0.36 in 2015
    (278 deaths; 新华社, 2016-02-24). 2013 is left out on purpose: no published figure was
    found, so that year is the *no benchmark* case.
  * the national supervision sampling pass rate of 89.8 %, 88.9 %, 92.3 % and 91.1 %
    (2012–2015; 国家质检总局, 2017-01-22), in :attr:`SampleData.context`. It is context
    only, not the benchmark of any indicator.

* **Approximately published** (``source`` = ``approx-published``): 厦门市's GDP, general budget
  revenue, resident population and employed persons. They are rounded to the magnitudes of the
  city's statistical bulletins (2013: GDP 3018.2 亿元, revenue 478.0 亿元, 373.0 万人 resident,
  270.0 万人 employed) and were not checked figure by figure. Do not cite them.
* **Synthetic** (``source`` = ``synthetic``): everything else. That covers the district splits,
  every count of the quality administration, the other two benchmarks and every peer city's
  value. The figures were chosen to be realistic in magnitude, to sit exactly on the plan's
  boundaries where the ``note`` column says so, and to make every status appear somewhere
  (met, not met, insufficient data, not assessed).

Rows built on purpose include:

* 47 of 50 national sampled batches (exactly 94 %, met);
* 23,999 of 25,000 municipal batches (95.996 %, not met);
* 4780 万元 of funding against 478.0 亿元 of revenue (exactly 1 ‰, met);
* 9 special-equipment deaths among 250,000 units in 2015, which is exactly the national 0.36
  and so not met;
* gaps for a missing input;
* 0 / 0 where a district has no farmland (a zero denominator).

Peers (``peers``) are city-level. A district's value is compared with the same peer cities,
and that comparison is informative only, because a district is not a member of the plan's peer
group.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import pandas as pd

__all__ = ["SampleData", "sample_data"]

#: The keys of the mapping: exactly the keyword arguments of :func:`xmqc_kpi.evaluate`.
_KEYS = ("data", "units", "benchmarks", "peers")
_DATA_COLUMNS = ("variable", "region", "unit")
_TRAILING_COLUMNS = ("source", "note")
_INTEGER_CELL = r"\d+"


# ``Mapping[str, Any]`` rather than ``Mapping[str, object]``: with ``object`` values a type checker
# rejects ``evaluate(catalog(), **sample_data())``, the one use this mapping exists for.
@dataclass(frozen=True)
class SampleData(Mapping[str, Any]):
    """The sample: a read-only mapping with keys ``data``, ``units``, ``benchmarks``, ``peers``.

    The same four values are also attributes, and ``context`` is one more attribute, outside
    the mapping, so that ``evaluate(catalog, **sample)`` receives only the arguments it takes.
    Each call of :func:`sample_data` builds fresh copies, so mutating one does not affect the
    next.
    """

    #: Wide frame: ``region``, ``period`` (int), then one column per input variable.
    data: pd.DataFrame
    #: Variable -> unit, for the columns that are not in their default unit.
    units: dict[str, str]
    #: ``period``, ``indicator_id``, ``value`` (display unit), ``source``.
    benchmarks: pd.DataFrame
    #: ``period``, ``indicator_id``, ``peer``, ``value`` (display unit), ``peer_group``, ``source``.
    peers: pd.DataFrame
    #: Context only (not a benchmark of any indicator): ``measure``, ``period``, ``value``,
    #: ``unit``, ``source``.
    context: pd.DataFrame

    def __getitem__(self, key: str) -> Any:
        if key not in _KEYS:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(_KEYS)

    def __len__(self) -> int:
        return len(_KEYS)

    def __repr__(self) -> str:
        rows, columns = self.data.shape
        return (
            f"SampleData(data=<{rows} rows × {columns} columns>, units={self.units!r}, "
            f"benchmarks=<{len(self.benchmarks)} rows>, peers=<{len(self.peers)} rows>, "
            f"context=<{len(self.context)} rows>)"
        )


def sample_data() -> SampleData:
    """Return the bundled sample, in fresh copies (the files are read once per process).

    Returns
    -------
    SampleData
        A mapping with keys ``data``, ``units``, ``benchmarks`` and ``peers``. The same values
        are available as attributes, plus ``context``.

    Examples
    --------
    >>> sample = sample_data()
    >>> sorted(sample)
    ['benchmarks', 'data', 'peers', 'units']
    >>> sample.data.shape[0]  # 7 regions × 4 years
    28
    >>> row = sample.data.set_index(["region", "period"]).loc[("厦门市", 2013)]
    >>> int(row["national_passed_batches"]), int(row["national_sampled_batches"])
    (47, 50)
    >>> sample.units["quality_funding"], sample.units["general_budget_revenue"]
    ('万元', '亿元')
    """
    data, units, benchmarks, peers, context = _tables()
    return SampleData(
        data=data.copy(deep=True),
        units=dict(units),
        benchmarks=benchmarks.copy(deep=True),
        peers=peers.copy(deep=True),
        context=context.copy(deep=True),
    )


@cache
def _tables() -> tuple[pd.DataFrame, dict[str, str], pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read and reshape the four files once; callers get copies."""
    data, units = _wide_data(_read("data.csv"))
    return data, units, _benchmarks(), _peers(), _read("context.csv", text=False)


def _read(name: str, *, text: bool = True) -> pd.DataFrame:
    """Read one bundled CSV; with ``text``, every cell as a string (empty where blank)."""
    resource = files("xmqc_kpi").joinpath("data", "sample", name)
    with resource.open("r", encoding="utf-8") as handle:
        if text:
            return pd.read_csv(handle, dtype=str, keep_default_na=False)
        return pd.read_csv(handle)


def _period_columns(frame: pd.DataFrame, leading: tuple[str, ...]) -> list[str]:
    """The year columns of a file laid out as ``leading``, years, ``source`` [, ``note``]."""
    columns = [str(column) for column in frame.columns]
    years = [column for column in columns if column.isdigit()]
    trailing = [column for column in columns if column in _TRAILING_COLUMNS]
    if columns != [*leading, *years, *trailing] or not years:
        raise ValueError(f"bundled sample file has unexpected columns {columns}")
    return years


def _wide_data(raw: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Reshape ``data.csv`` (variable × region rows, year columns) into one row per region-year."""
    years = _period_columns(raw, _DATA_COLUMNS)
    units_per_variable = raw.groupby("variable", sort=False)["unit"].unique()
    inconsistent = [name for name, given in units_per_variable.items() if len(given) != 1]
    if inconsistent:
        raise ValueError(f"bundled sample gives several units for {inconsistent}")
    units = {str(name): str(given[0]) for name, given in units_per_variable.items() if given[0]}
    variables = [str(name) for name in units_per_variable.index]
    regions = [str(region) for region in pd.unique(raw["region"])]

    long = raw.melt(id_vars=["variable", "region"], value_vars=years, var_name="period")
    # pivot, not pivot_table: a repeated (variable, region) row must raise, not be aggregated
    cells = long.pivot(index=["region", "period"], columns="variable", values="value")  # noqa: PD010
    grid = pd.MultiIndex.from_product([regions, years], names=["region", "period"])
    cells = cells.reindex(index=grid, columns=variables).fillna("")

    frame = pd.DataFrame(
        {
            "region": grid.get_level_values("region"),
            "period": grid.get_level_values("period").astype("int64"),
        }
    )
    for name in variables:
        frame[name] = _typed_column(cells[name])
    return frame, units


def _typed_column(cells: pd.Series) -> pd.Series:
    """Numbers from text cells: integers (``Int64`` when there is a gap) or floats."""
    filled = cells != ""
    numbers = pd.to_numeric(cells.where(filled), errors="raise").reset_index(drop=True)
    if bool(cells[filled].str.fullmatch(_INTEGER_CELL).all()):
        return numbers.astype("int64" if bool(filled.all()) else "Int64")
    return numbers.astype("float64")


def _benchmarks() -> pd.DataFrame:
    """``benchmarks.csv`` with the evaluation engine's column order first."""
    frame = _read("benchmarks.csv", text=False)
    return frame.loc[:, ["period", "indicator_id", "value", "source"]]


def _peers() -> pd.DataFrame:
    """``peers.csv`` (one row per peer, year columns) in long form, one row per peer and year."""
    raw = _read("peers.csv")
    years = _period_columns(raw, ("indicator_id", "peer_group", "peer"))
    long = raw.melt(
        id_vars=["indicator_id", "peer_group", "peer", "source"],
        value_vars=years,
        var_name="period",
    )
    long["period"] = long["period"].astype("int64")
    long["value"] = pd.to_numeric(long["value"], errors="raise").astype("float64")
    # indicator by indicator, as in the file; within one, year by year, peers in file order
    indicator_order = pd.Categorical(
        long["indicator_id"], categories=pd.unique(raw["indicator_id"])
    )
    long = (
        long.assign(_order=indicator_order.codes)
        .sort_values(["_order", "period"], kind="stable")
        .reset_index(drop=True)
    )
    return long.loc[:, ["period", "indicator_id", "peer", "value", "peer_group", "source"]]
