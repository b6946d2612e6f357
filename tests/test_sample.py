from __future__ import annotations

import dataclasses
from fractions import Fraction

import pandas as pd
import pytest

from xmqc_kpi.catalogs import catalog
from xmqc_kpi.engine import evaluate
from xmqc_kpi.results import Status
from xmqc_kpi.sample import SampleData, sample_data
from xmqc_kpi.thresholds import BelowBenchmark, TopAmongPeers
from xmqc_kpi.units import exact_factor, is_compatible, normalise_unit

CITY = "厦门市"
REGIONS = [CITY, "思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"]
PERIODS = [2012, 2013, 2014, 2015]


@pytest.fixture(scope="module")
def sample() -> SampleData:
    return sample_data()


@pytest.fixture(scope="module")
def default_units() -> dict[str, str]:
    """Default unit of every input variable of the built-in catalog, supplementary included."""
    units: dict[str, str] = {}
    for indicator in catalog(supplementary=True):
        for item in indicator.inputs:
            units.setdefault(item.name, item.unit)
    return units


def _ids(kind: type[BelowBenchmark] | type[TopAmongPeers]) -> set[str]:
    return {ind.id for ind in catalog() if isinstance(ind.threshold, kind)}


def _cell(sample: SampleData, variable: str, region: str, period: int) -> object:
    frame = sample.data.set_index(["region", "period"])
    value: object = frame.loc[(region, period), variable]
    return value


def _exact(sample: SampleData, variable: str, period: int, default: str) -> Fraction:
    """A 厦门市 cell as an exact number in the variable's default unit."""
    value = Fraction(str(_cell(sample, variable, CITY, period)))
    given = sample.units.get(variable)
    return value if given is None else value * exact_factor(given, default)


# --- shape ----------------------------------------------------------------------------------


def test_one_row_per_region_and_year(sample: SampleData) -> None:
    data = sample.data
    assert list(data.columns[:2]) == ["region", "period"]
    assert data["period"].dtype == "int64"
    assert len(data) == len(REGIONS) * len(PERIODS)
    assert not data.duplicated(["region", "period"]).any()
    assert list(pd.unique(data["region"])) == REGIONS
    assert sorted(pd.unique(data["period"])) == PERIODS


def test_every_input_variable_of_the_catalog_is_a_column(
    sample: SampleData, default_units: dict[str, str]
) -> None:
    variables = set(sample.data.columns) - {"region", "period"}
    assert set(default_units) - variables == set()
    assert variables - set(default_units) == set()  # no stray or misspelled column


def test_counts_are_integers_nullable_only_where_there_is_a_gap(
    sample: SampleData, default_units: dict[str, str]
) -> None:
    counts = [name for name, unit in default_units.items() if normalise_unit(unit) == "count"]
    assert len(counts) > 30
    for name in counts:
        column = sample.data[name]
        expected = "Int64" if column.isna().any() else "int64"
        assert str(column.dtype) == expected, name
    assert str(sample.data["class1_ports"].dtype) == "Int64"  # city-level only
    assert sample.data["gdp"].dtype == "float64"


def test_units_parse_convert_and_differ_from_the_default(
    sample: SampleData, default_units: dict[str, str]
) -> None:
    assert sample.units == {
        "resident_population": "万人",
        "employed_persons": "万人",
        "gdp": "亿元",
        "general_budget_revenue": "亿元",
        "quality_funding": "万元",
    }
    for name, unit in sample.units.items():
        assert is_compatible(unit, default_units[name]), name
        assert normalise_unit(unit) != normalise_unit(default_units[name]), name


def test_magnitudes_are_realistic(sample: SampleData) -> None:
    city = sample.data.set_index(["region", "period"]).loc[CITY]
    assert city.loc[2013, "gdp"] == pytest.approx(3018, abs=1)
    assert city.loc[2013, "general_budget_revenue"] == 478.0
    assert city.loc[2013, "resident_population"] == 373.0
    assert city.loc[2013, "employed_persons"] == 270.0


@pytest.mark.parametrize("variable", ["resident_population", "municipal_sampled_batches"])
def test_districts_add_up_to_the_city(sample: SampleData, variable: str) -> None:
    by_region = sample.data.pivot_table(index="period", columns="region", values=variable)
    districts = by_region[REGIONS[1:]].sum(axis=1)
    assert (districts - by_region[CITY]).abs().max() < 0.05


def test_gaps_exist_for_insufficient_data(sample: SampleData) -> None:
    assert pd.isna(_cell(sample, "provincial_passed_batches", CITY, 2015))
    assert pd.isna(_cell(sample, "employed_persons", "翔安区", 2012))
    assert pd.isna(_cell(sample, "citizen_quality_satisfaction", CITY, 2012))
    assert pd.isna(_cell(sample, "quality_funding", "思明区", 2013))  # city-level only
    assert _cell(sample, "agri_total_area", "湖里区", 2013) == 0  # zero denominator


# --- exact boundary rows --------------------------------------------------------------------

BOUNDARY_ROWS = [
    # numerator, denominator, year, exact ratio in the inputs' default units
    ("national_passed_batches", "national_sampled_batches", 2013, Fraction(94, 100)),
    ("municipal_passed_batches", "municipal_sampled_batches", 2014, Fraction(23999, 25000)),
    ("quality_funding", "general_budget_revenue", 2013, Fraction(1, 1000)),
    ("ccc_passed_batches", "ccc_sampled_batches", 2013, Fraction(95, 100)),
    ("key_food_passed_batches", "key_food_sampled_batches", 2013, Fraction(95, 100)),
    ("export_passed_batches", "export_inspected_batches", 2013, Fraction(99, 100)),
    ("agri_standardized_area", "agri_total_area", 2013, Fraction(30, 100)),
    ("other_projects_first_pass", "other_projects_accepted", 2012, Fraction(98, 100)),
    ("quality_professional_certificates", "employed_persons", 2013, Fraction(2, 10_000)),
    ("special_equipment_deaths", "special_equipment_units", 2015, Fraction(36, 1_000_000)),
]


@pytest.mark.parametrize(("numerator", "denominator", "period", "expected"), BOUNDARY_ROWS)
def test_boundary_rows_are_exact(
    sample: SampleData,
    default_units: dict[str, str],
    numerator: str,
    denominator: str,
    period: int,
    expected: Fraction,
) -> None:
    top = _exact(sample, numerator, period, default_units[numerator])
    bottom = _exact(sample, denominator, period, default_units[denominator])
    assert top / bottom == expected


def test_municipal_rate_just_misses_96_percent_though_it_prints_as_96(sample: SampleData) -> None:
    rate = Fraction(23999, 25000)
    assert int(str(_cell(sample, "municipal_passed_batches", CITY, 2014))) == 23999
    assert rate < Fraction(96, 100)
    assert f"{float(rate * 100):.2f}" == "96.00"


def test_special_equipment_rate_equals_the_national_average_in_2015(sample: SampleData) -> None:
    deaths = Fraction(str(_cell(sample, "special_equipment_deaths", CITY, 2015)))
    units = Fraction(str(_cell(sample, "special_equipment_units", CITY, 2015)))
    bench = sample.benchmarks.set_index(["indicator_id", "period"])["value"]
    assert deaths / units * 10_000 == Fraction(str(bench[("special_equipment_death_rate", 2015)]))


# --- benchmarks, peers, context -------------------------------------------------------------


def test_benchmarks_cover_the_relative_indicators(sample: SampleData) -> None:
    table = sample.benchmarks
    assert list(table.columns) == ["period", "indicator_id", "value", "source"]
    assert set(table["indicator_id"]) == _ids(BelowBenchmark)
    assert not table.duplicated(["period", "indicator_id"]).any()
    assert table["value"].notna().all()
    assert (table["source"].str.len() > 0).all()


def test_special_equipment_benchmarks_are_the_published_figures(sample: SampleData) -> None:
    table = sample.benchmarks
    rows = table[table["indicator_id"] == "special_equipment_death_rate"].set_index("period")
    assert rows["value"].to_dict() == {2012: 0.517, 2014: 0.39, 2015: 0.36}
    assert 2013 not in rows.index  # the "no national average" case
    assert not rows["source"].str.contains("synthetic").any()
    others = table[table["indicator_id"] != "special_equipment_death_rate"]
    assert (others["source"] == "synthetic").all()


def test_peers_cover_the_peer_rank_indicators(sample: SampleData) -> None:
    table = sample.peers
    assert list(table.columns) == [
        "period",
        "indicator_id",
        "peer",
        "value",
        "peer_group",
        "source",
    ]
    assert set(table["indicator_id"]) == _ids(TopAmongPeers)
    assert (table["source"] == "synthetic").all()
    assert CITY not in set(table["peer"])
    assert table["value"].notna().all()
    assert (table["value"] >= 0).all()
    assert not table.duplicated(["period", "indicator_id", "peer"]).any()
    for _, group in table.groupby("indicator_id"):
        assert sorted(pd.unique(group["period"])) == PERIODS
        peer_sets = {frozenset(year["peer"]) for _, year in group.groupby("period")}
        assert len(peer_sets) == 1  # the same peers every year


def test_context_is_the_national_sampling_pass_rate(sample: SampleData) -> None:
    context = sample.context.set_index("period")
    assert context["value"].to_dict() == {2012: 89.8, 2013: 88.9, 2014: 92.3, 2015: 91.1}
    assert set(context["measure"]).isdisjoint({ind.id for ind in catalog()})
    assert "context" not in sample


# --- the object -----------------------------------------------------------------------------


def test_is_a_mapping_of_evaluate_arguments(sample: SampleData) -> None:
    assert list(sample) == ["data", "units", "benchmarks", "peers"]
    assert len(sample) == 4
    assert sample["data"] is sample.data
    assert sample["units"] is sample.units
    with pytest.raises(KeyError):
        sample["context"]

    def receive(**kwargs: object) -> set[str]:
        return set(kwargs)

    assert receive(**sample) == {"data", "units", "benchmarks", "peers"}


def test_is_frozen(sample: SampleData) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.data = pd.DataFrame()  # type: ignore[misc]


def test_each_call_returns_independent_copies() -> None:
    first = sample_data()
    first.data.loc[0, "gdp"] = 0.0
    first.units["gdp"] = "元"
    first.benchmarks.loc[0, "value"] = 99.0
    first.peers.loc[0, "value"] = 99.0
    first.context.loc[0, "value"] = 0.0
    second = sample_data()
    assert second.data is not first.data
    assert second.data.loc[0, "gdp"] == 2817.1
    assert second.units["gdp"] == "亿元"
    assert second.benchmarks.loc[0, "value"] == 0.030
    assert second.peers.loc[0, "value"] == 0.0372
    assert second.context.loc[0, "value"] == 89.8


# --- evaluated against the catalog ----------------------------------------------------------


@pytest.fixture(scope="module")
def verdicts(sample: SampleData) -> pd.DataFrame:
    frame = evaluate(catalog(), **sample).to_frame("en")
    return frame.set_index(["indicator_id", "region", "period"])


def test_every_status_appears(verdicts: pd.DataFrame) -> None:
    assert set(verdicts["status"].astype(str)) == {status.value for status in Status}


def test_every_indicator_is_assessed_for_every_region_and_year(verdicts: pd.DataFrame) -> None:
    assert len(verdicts) == len(list(catalog())) * len(REGIONS) * len(PERIODS)


DESIGNED_VERDICTS = [
    ("national_sampling_pass_rate", CITY, 2013, "met", "meets_minimum"),
    ("municipal_sampling_pass_rate", CITY, 2014, "not_met", "below_minimum"),
    ("quality_funding_ratio", CITY, 2013, "met", "meets_minimum"),
    ("quality_funding_ratio", CITY, 2012, "not_met", "below_minimum"),
    ("special_equipment_death_rate", CITY, 2015, "not_met", "not_below_benchmark"),
    ("special_equipment_death_rate", CITY, 2013, "insufficient_data", "no_benchmark"),
    ("provincial_sampling_pass_rate", CITY, 2015, "insufficient_data", "missing_input"),
    ("quality_funding_ratio", "思明区", 2013, "insufficient_data", "missing_input"),
    ("agri_standardized_production_rate", "湖里区", 2013, "insufficient_data", "zero_denominator"),
    ("service_satisfaction_trend", CITY, 2012, "insufficient_data", "too_few_periods"),
    ("service_satisfaction_trend", CITY, 2015, "not_met", "trend_broken"),
    ("brand_titles_per_100m_gdp", CITY, 2014, "met", "in_top_group"),
    ("quality_award_enterprises", CITY, 2014, "met", "in_top_group"),
    ("quality_award_enterprises", CITY, 2013, "not_met", "outside_top_group"),
    ("old_elevator_assessment_coverage", CITY, 2013, "not_assessed", "monitored"),
]


@pytest.mark.parametrize(
    ("indicator_id", "region", "period", "status", "reason"), DESIGNED_VERDICTS
)
def test_designed_rows_get_their_verdict(
    verdicts: pd.DataFrame, indicator_id: str, region: str, period: int, status: str, reason: str
) -> None:
    row = verdicts.loc[(indicator_id, region, period)]
    assert (str(row["status"]), str(row["reason"])) == (status, reason)
