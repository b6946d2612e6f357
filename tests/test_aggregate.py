"""Records to catalog inputs: hand-computed counts, every error, every engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi.aggregate import RECORD_KINDS, aggregate_inspections, aggregate_records

DISTRICTS = ["思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"]
QUARTERS = [f"{year}Q{quarter}" for year in (2013, 2014) for quarter in (1, 2, 3, 4)]
LEVELS = ["national", "provincial", "municipal"]


def _generate(rows: int, seed: int = 20131231) -> pd.DataFrame:
    """Records shaped like the reference workload (../shared/bench), made here.

    One row per sampled batch: categorical region, quarter and programme, a product class
    the indicators ignore, and whether the batch passed (about 95 %).
    """
    rng = np.random.default_rng(seed)

    def categorical(values: list[str], p: list[float] | None = None) -> Any:
        codes = np.asarray(rng.choice(len(values), size=rows, p=p), dtype=np.int64)
        return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(values))

    return pd.DataFrame(
        {
            "region": categorical(DISTRICTS, [0.26, 0.22, 0.16, 0.12, 0.13, 0.11]),
            "period": categorical(QUARTERS),
            "programme": categorical(LEVELS, [0.15, 0.25, 0.60]),
            "product_category": categorical([f"类{i:02d}" for i in range(20)]),
            "passed": rng.random(rows) < 0.955,
        }
    )


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return _generate(20_000)


def records(**columns: list[Any]) -> pd.DataFrame:
    base: dict[str, list[Any]] = {
        "region": ["思明区", "思明区", "湖里区", "思明区"],
        "period": [2013, 2013, 2013, 2014],
        "programme": ["national", "national", "national", "municipal"],
        "passed": [True, False, True, True],
    }
    return pd.DataFrame(base | columns)


def hand_written(frame: pd.DataFrame) -> pd.DataFrame:
    """The analyst's groupby, laid out like ``aggregate_inspections``."""
    keys = ["region", "period"]
    counts = frame.groupby([*keys, "programme"], observed=True)["passed"].agg(["size", "sum"])
    counts = counts.reset_index().astype({"region": str, "period": str, "programme": str})
    wide = counts[keys].drop_duplicates()
    for level in ("national", "provincial", "municipal"):
        part = counts[counts["programme"] == level].rename(
            columns={"size": f"{level}_sampled_batches", "sum": f"{level}_passed_batches"}
        )
        wide = wide.merge(part.drop(columns="programme"), on=keys, how="left")
    wide = wide.fillna(0).astype(dict.fromkeys(wide.columns[2:], "int64"))
    return wide.sort_values(keys).reset_index(drop=True)


# --------------------------------------------------------------------------- hand-computed


@pytest.mark.parametrize(
    ("programme", "sampled", "passed"),
    [
        ("national", "national_sampled_batches", "national_passed_batches"),
        ("provincial", "provincial_sampled_batches", "provincial_passed_batches"),
        ("municipal", "municipal_sampled_batches", "municipal_passed_batches"),
        ("ccc", "ccc_sampled_batches", "ccc_passed_batches"),
        ("key_food", "key_food_sampled_batches", "key_food_passed_batches"),
        ("local_agri", "local_agri_sampled", "local_agri_passed"),
        ("export", "export_inspected_batches", "export_passed_batches"),
    ],
)
def test_each_programme_feeds_its_variables(programme: str, sampled: str, passed: str) -> None:
    data = aggregate_inspections(records(programme=[programme] * 4))
    assert list(data.columns) == ["region", "period", sampled, passed]
    assert data[["region", "period"]].to_numpy().tolist() == [
        ["思明区", 2013],
        ["思明区", 2014],
        ["湖里区", 2013],
    ]
    assert data[sampled].tolist() == [2, 1, 1]
    assert data[passed].tolist() == [1, 1, 1]
    assert data[sampled].dtype == np.int64


def test_absent_programme_has_no_columns_and_absent_group_counts_zero() -> None:
    data = aggregate_inspections(records())
    assert list(data.columns) == [
        "region",
        "period",
        "national_sampled_batches",
        "national_passed_batches",
        "municipal_sampled_batches",
        "municipal_passed_batches",
    ]
    assert data["national_sampled_batches"].tolist() == [2, 0, 1]
    assert data["municipal_sampled_batches"].tolist() == [0, 1, 0]


@pytest.mark.parametrize(
    ("freq", "periods", "sampled"),
    [
        ("Y", [2013, 2014], [3, 1]),
        ("Q", ["2013Q1", "2013Q4", "2014Q1"], [2, 1, 1]),
        ("M", ["2013-01", "2013-03", "2013-12", "2014-01"], [1, 1, 1, 1]),
    ],
)
def test_periods_from_dates(freq: str, periods: list[object], sampled: list[int]) -> None:
    dates = ["2013-01-31", "2013-03-01", "2013-12-31 23:59", "2014-01-01"]
    frame = records(region=["思明区"] * 4, programme=["national"] * 4).drop(columns="period")
    for column in (pd.to_datetime(pd.Series(dates), format="ISO8601"), pd.Series(dates)):
        data = aggregate_inspections(frame.assign(date=column), freq=freq)
        assert data["period"].tolist() == periods
        assert data["national_sampled_batches"].tolist() == sampled


def test_categorical_and_plain_keys_agree(sample: pd.DataFrame) -> None:
    plain = sample.astype(dict.fromkeys(("region", "period", "programme"), object))
    pd.testing.assert_frame_equal(aggregate_inspections(plain), aggregate_inspections(sample))


def test_counts_equal_hand_written_pandas(sample: pd.DataFrame) -> None:
    data = aggregate_inspections(sample)
    pd.testing.assert_frame_equal(data.astype({"region": str, "period": str}), hand_written(sample))


def test_empty_records_give_an_empty_frame() -> None:
    data = aggregate_inspections(records().iloc[:0])
    assert list(data.columns) == ["region", "period"]
    assert len(data) == 0


def test_index_labels_and_column_order_do_not_matter() -> None:
    frame = records()
    shuffled = frame.iloc[::-1].set_axis(list("abcd"))[["passed", "programme", "period", "region"]]
    pd.testing.assert_frame_equal(aggregate_inspections(shuffled), aggregate_inspections(frame))


def test_boolean_extension_and_object_bools_are_flags() -> None:
    frame = records()
    expected = aggregate_inspections(frame)
    for passed in (frame["passed"].astype("boolean"), frame["passed"].astype(object)):
        pd.testing.assert_frame_equal(aggregate_inspections(frame.assign(passed=passed)), expected)


# --------------------------------------------------------------------------- errors


def problems_of(call: Callable[[], object]) -> list[tuple[str | None, object, str]]:
    with pytest.raises(kpi.DataError) as caught:
        call()
    return [(p.column, p.row, p.message_in("en")) for p in caught.value.problems]


def test_unknown_programme_names_column_row_and_choices() -> None:
    frame = records(programme=["national", "county", "national", "county"])
    [(column, row, message)] = problems_of(lambda: aggregate_inspections(frame))
    assert (column, row) == ("programme", 1)
    assert "'county' (2 records)" in message
    assert "national, provincial, municipal, ccc, key_food, local_agri, export" in message


def test_missing_columns_are_all_listed() -> None:
    frame = records().drop(columns=["programme", "passed"])
    assert problems_of(lambda: aggregate_inspections(frame)) == [
        ("programme", None, "the records have no 'programme' column"),
        ("passed", None, "the records have no 'passed' column"),
    ]


def test_records_need_a_period_or_a_date() -> None:
    frame = records().drop(columns="period")
    assert problems_of(lambda: aggregate_inspections(frame)) == [
        ("date", None, "the records have no 'date' column")
    ]


@pytest.mark.parametrize(
    ("bad", "shown"),
    [("yes", "'yes'"), (1.5, "1.5"), (None, "None"), (1, "1"), (np.nan, "nan")],
)
def test_non_boolean_passed_names_the_first_bad_row(bad: object, shown: str) -> None:
    frame = records(passed=[True, True, bad, False]).set_axis([10, 11, 12, 13])
    [(column, row, message)] = problems_of(lambda: aggregate_inspections(frame))
    assert (column, row) == ("passed", 12)
    assert message == f"must be True or False, not {shown}"


def test_integer_passed_column_is_not_boolean() -> None:
    frame = records(passed=[1, 0, 1, 1])
    [(column, row, message)] = problems_of(lambda: aggregate_inspections(frame))
    assert (column, row, message) == ("passed", 0, "must be True or False, not 1 (4 records)")


@pytest.mark.parametrize("column", ["region", "period", "programme"])
@pytest.mark.parametrize("categorical", [False, True])
def test_missing_key_names_column_and_row(column: str, categorical: bool) -> None:
    frame = records()
    frame.loc[2, column] = None
    if categorical:
        frame[column] = frame[column].astype("category")
    [(where, row, message)] = problems_of(lambda: aggregate_inspections(frame))
    assert (where, row) == (column, 2)
    assert message == f"1 records lack a {column}"


def test_missing_and_unreadable_dates() -> None:
    frame = records(date=["2013-01-01", None, "not a date", "2013-05-05"]).drop(columns="period")
    assert problems_of(lambda: aggregate_inspections(frame)) == [
        ("date", 2, "cannot read 'not a date' as a date"),
        ("date", 1, "2 records lack a date"),
    ]


def test_every_problem_is_reported_at_once() -> None:
    frame = records(region=["思明区", None, "湖里区", "思明区"], passed=[True, "no", True, True])
    frame.loc[3, "programme"] = "county"
    columns = [column for column, _, _ in problems_of(lambda: aggregate_inspections(frame))]
    assert columns == ["passed", "region", "programme"]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: aggregate_inspections(records(), freq="W"), "freq must be one of Y, Q, M"),
        (lambda: aggregate_records({"audits": records()}), "got \\['audits'\\]"),
        (lambda: aggregate_records({}), "got none"),
    ],
)
def test_bad_arguments_are_value_errors(call: Callable[[], object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


# --------------------------------------------------------------------------- other kinds


def test_acceptance_records_split_by_size_class() -> None:
    acceptances = pd.DataFrame(
        {
            "region": ["集美区"] * 4,
            "period": [2013] * 4,
            "size_class": ["large_medium", "large_medium", "other", "other"],
            "first_pass": [True, True, True, False],
        }
    )
    data = aggregate_records({"acceptances": acceptances})
    assert data.iloc[0].to_dict() == {
        "region": "集美区",
        "period": 2013,
        "large_medium_projects_accepted": 2,
        "large_medium_projects_first_pass": 2,
        "other_projects_accepted": 2,
        "other_projects_first_pass": 1,
    }


def test_accidents_and_register_join_with_zero_for_no_accidents() -> None:
    accidents = pd.DataFrame(
        {"region": ["湖里区", "湖里区"], "period": [2013, 2013], "deaths": [2, 0]}
    )
    register = pd.DataFrame({"region": ["湖里区"] * 3 + ["集美区"], "period": [2013] * 4})
    data = aggregate_records({"equipment_accidents": accidents, "equipment_register": register})
    assert data.to_dict("list") == {
        "region": ["湖里区", "集美区"],
        "period": [2013, 2013],
        "special_equipment_deaths": [2, 0],
        "special_equipment_units": [3, 1],
    }
    assert (data.dtypes.iloc[2:] == np.int64).all()


@pytest.mark.parametrize(
    ("deaths", "row", "message"),
    [
        ([1, -1], 1, "must be at least 0, not -1"),
        ([1.0, 0.5], 1, "must be a whole number, not 0.5"),
        ([1, None], 1, "must be a whole number, not nan"),
        ([1, "2"], 1, "must be a whole number, not '2'"),
    ],
)
def test_deaths_must_be_whole_numbers(deaths: list[object], row: int, message: str) -> None:
    accidents = pd.DataFrame({"region": ["湖里区"] * 2, "period": [2013] * 2, "deaths": deaths})
    assert problems_of(lambda: aggregate_records({"equipment_accidents": accidents})) == [
        ("deaths", row, message)
    ]


def test_every_kind_names_catalog_variables() -> None:
    known = {name for indicator in kpi.catalog() for name in indicator.input_names}
    for kind in RECORD_KINDS.values():
        for names in kind.variables.values():
            assert {name for name in names if name is not None} <= known, kind.name


# --------------------------------------------------------------------------- round trip


def test_round_trip_into_evaluate() -> None:
    # 思明区 2013: 47 of 50 national batches = 94 % (met, 以上 includes the number);
    # 湖里区 2013: 46 of 50 = 92 % (not met).
    frame = pd.DataFrame(
        {
            "region": ["思明区"] * 50 + ["湖里区"] * 50,
            "date": pd.Timestamp("2013-06-30"),
            "programme": "national",
            "passed": [True] * 47 + [False] * 3 + [True] * 46 + [False] * 4,
        }
    )
    rate = kpi.catalog()["national_sampling_pass_rate"]
    result = kpi.evaluate(rate, aggregate_inspections(frame)).to_frame()
    assert result[["region", "status"]].to_numpy().tolist() == [
        ["思明区", "met"],
        ["湖里区", "not_met"],
    ]


def test_round_trip_of_the_workload(sample: pd.DataFrame) -> None:
    catalog = kpi.catalog()
    chosen = [catalog[f"{level}_sampling_pass_rate"] for level in ("national", "provincial")]
    result = kpi.evaluate(chosen, aggregate_inspections(sample)).to_frame()
    assert len(result) == 2 * 6 * 8
    assert set(result["status"]) <= {"met", "not_met"}


# --------------------------------------------------------------------------- engines


def _polars(frame: pd.DataFrame) -> object:
    pl = pytest.importorskip("polars")
    return pl.from_pandas(frame)


def _polars_lazy(frame: pd.DataFrame) -> object:
    pl = pytest.importorskip("polars")
    return pl.from_pandas(frame).lazy()


def _arrow(frame: pd.DataFrame) -> object:
    pa = pytest.importorskip("pyarrow")
    return pa.Table.from_pandas(frame, preserve_index=False)


def _duckdb(frame: pd.DataFrame) -> object:
    duckdb = pytest.importorskip("duckdb")
    return duckdb.from_arrow(_arrow(frame))


ENGINES = pytest.mark.parametrize(
    "convert",
    [_polars, _polars_lazy, _arrow, _duckdb],
    ids=["polars", "polars-lazy", "pyarrow", "duckdb"],
)


@pytest.fixture(autouse=True, scope="module")
def _narwhals() -> None:
    pytest.importorskip("narwhals")


@ENGINES
def test_engines_count_like_pandas(
    convert: Callable[[pd.DataFrame], object], sample: pd.DataFrame
) -> None:
    pd.testing.assert_frame_equal(
        aggregate_inspections(convert(sample)), aggregate_inspections(sample)
    )


@ENGINES
@pytest.mark.parametrize("freq", ["Y", "Q", "M"])
def test_engines_make_periods_from_dates(
    convert: Callable[[pd.DataFrame], object], freq: str
) -> None:
    dates = pd.to_datetime(
        ["2013-01-31", "2013-03-01", "2013-12-31 23:59", "2014-01-01"], format="ISO8601"
    )
    frame = records().drop(columns="period").assign(date=dates)
    expected = aggregate_inspections(frame, freq=freq)
    pd.testing.assert_frame_equal(aggregate_inspections(convert(frame), freq=freq), expected)


@ENGINES
def test_engines_aggregate_other_kinds(convert: Callable[[pd.DataFrame], object]) -> None:
    accidents = pd.DataFrame({"region": ["湖里区"] * 2, "period": [2013] * 2, "deaths": [2, 1]})
    register = pd.DataFrame({"region": ["湖里区", "集美区"], "period": [2013] * 2})
    tables = {"equipment_accidents": accidents, "equipment_register": register}
    expected = aggregate_records(tables)
    converted = {name: convert(table) for name, table in tables.items()}
    pd.testing.assert_frame_equal(aggregate_records(converted), expected)


def _example(
    convert: Callable[[pd.DataFrame], object], position: int, frame: pd.DataFrame
) -> object:
    """Eager engines give the position; lazy ones the record itself."""
    if convert in (_polars, _arrow):
        return position
    return {k: (None if pd.isna(v) else v) for k, v in frame.iloc[position].to_dict().items()}


@ENGINES
def test_engines_report_keys_and_programmes(convert: Callable[[pd.DataFrame], object]) -> None:
    frame = records(region=["思明区", "思明区", None, "思明区"])
    frame.loc[1, "programme"] = "county"
    assert problems_of(lambda: aggregate_inspections(convert(frame))) == [
        ("region", _example(convert, 2, frame), "1 records lack a region"),
        (
            "programme",
            _example(convert, 1, frame),
            "unknown programme 'county' (1 records); expected national, provincial, municipal, "
            "ccc, key_food, local_agri, export",
        ),
    ]


@ENGINES
def test_engines_report_missing_and_non_boolean_flags(
    convert: Callable[[pd.DataFrame], object],
) -> None:
    missing = records(passed=[True, None, True, True])
    [(column, row, message)] = problems_of(lambda: aggregate_inspections(convert(missing)))
    assert (column, row, message) == (
        "passed",
        _example(convert, 1, missing),
        "missing value (1 records)",
    )
    text = records(passed=["yes", "no", "yes", "yes"])
    [(column, row, message)] = problems_of(lambda: aggregate_inspections(convert(text)))
    assert (column, row) == ("passed", _example(convert, 0, text))
    assert message.startswith("must be True or False (a boolean column), not String")


@ENGINES
def test_engines_report_missing_columns(convert: Callable[[pd.DataFrame], object]) -> None:
    frame = records().drop(columns="passed")
    assert problems_of(lambda: aggregate_inspections(convert(frame))) == [
        ("passed", None, "the records have no 'passed' column")
    ]


# --------------------------------------------------------------------------- dask.distributed


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    # Threads in this process: a 2-worker cluster that starts in well under a second on 2 cores.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as running,
    ):
        yield running


def _dask_frame(frame: pd.DataFrame, npartitions: int) -> Any:
    import dask.dataframe as dd

    return dd.from_pandas(frame, npartitions=npartitions)  # type: ignore[no-untyped-call]


def test_dask_aggregates_on_the_cluster(client: Any, sample: pd.DataFrame) -> None:
    from distributed import get_task_stream

    with get_task_stream(client) as stream:
        data = aggregate_inspections(_dask_frame(sample, npartitions=4))
    pd.testing.assert_frame_equal(data, aggregate_inspections(sample))
    assert len({task["worker"] for task in stream.data}) == 2


@pytest.mark.parametrize("freq", ["Y", "Q", "M"])
def test_dask_makes_periods_from_dates(client: Any, freq: str) -> None:
    dates = pd.to_datetime(
        ["2013-01-31", "2013-03-01", "2013-12-31 23:59", "2014-01-01"], format="ISO8601"
    )
    frame = records().drop(columns="period").assign(date=dates)
    data = aggregate_inspections(_dask_frame(frame, npartitions=2), freq=freq)
    pd.testing.assert_frame_equal(data, aggregate_inspections(frame, freq=freq))


def test_dask_reports_index_labels(client: Any) -> None:
    passed = pd.array([True, None, True, True], dtype="boolean")
    frame = records(region=["思明区", "思明区", None, "思明区"], passed=list(passed))
    frame.loc[3, "programme"] = "county"
    frame.index = [10, 11, 12, 13]
    frame["passed"] = passed
    problems = problems_of(lambda: aggregate_inspections(_dask_frame(frame, npartitions=2)))
    assert [(column, row) for column, row, _ in problems] == [
        ("passed", 11),
        ("region", 12),
        ("programme", 13),
    ]


# ----------------------------------------------------------------- validate first, bounded


def _no_counting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any dense count fail: the checks must come before it."""
    from xmqc_kpi.aggregate import _pandas

    def refuse(*_args: object) -> None:
        raise AssertionError("the cube was laid out before the records were checked")

    monkeypatch.setattr(_pandas, "_bincount", refuse)


def test_unknown_programmes_are_refused_before_any_cube(monkeypatch: pytest.MonkeyPatch) -> None:
    # 20,000 distinct unknown programmes asked for a cube of gigabytes before the error
    _no_counting(monkeypatch)
    count = 20_000
    frame = pd.DataFrame(
        {
            "region": ["思明区"] * count,
            "period": [2013] * count,
            "programme": [f"p{n}" for n in range(count)],
            "passed": [True] * count,
        }
    )
    with pytest.raises(kpi.DataError) as caught:
        aggregate_inspections(frame)
    assert set(caught.value.codes) == {"records_unknown_split"}
    assert len(caught.value.problems) == count
    first = caught.value.problems[0]
    assert (first.column, first.row) == ("programme", 0)
    assert "expected national" in first.message_in("en")


def test_a_year_1700_typo_is_refused_before_any_cube(monkeypatch: pytest.MonkeyPatch) -> None:
    # one date in 1700 laid out 300 years of months per region and programme
    _no_counting(monkeypatch)
    dates = pd.to_datetime(["2013-01-05", "1700-01-05", "2013-03-01", "2013-04-01"])
    frame = records(date=list(dates))
    with pytest.raises(kpi.DataError) as caught:
        aggregate_inspections(frame.drop(columns="period"), freq="M")
    [problem] = caught.value.problems
    assert (problem.code, problem.column, problem.row) == ("records_year_out_of_range", "date", 1)
    assert "1700-01-05" in problem.message_in("en")


def test_every_record_problem_is_reported_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_counting(monkeypatch)
    frame = records(programme=["national", "county", None, "national"], passed=[True, 1, 0, 1])
    with pytest.raises(kpi.DataError) as caught:
        aggregate_inspections(frame)
    assert sorted(caught.value.codes) == [
        "records_key_missing",
        "records_not_boolean",
        "records_unknown_split",
    ]


def test_a_count_beyond_the_group_budget_names_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from xmqc_kpi.aggregate import _counts

    monkeypatch.setattr(_counts, "MAX_GROUPS", 100)
    regions = [f"r{n}" for n in range(10)]
    frame = pd.DataFrame(
        {
            "region": regions * 10,
            "period": [2000 + n // 10 for n in range(100)],
            "programme": ["national"] * 100,
            "passed": [True] * 100,
        }
    )
    with pytest.raises(kpi.DataError) as caught:
        aggregate_inspections(frame)
    [problem] = caught.value.problems
    assert problem.code == "records_too_many_groups"
    # (10 regions + 1) × (10 periods + 1) × (1 programme + 1) slots, a slot for missing keys each
    assert problem.params == {"cells": 242, "regions": 10, "periods": 10, "splits": 1, "limit": 100}
    assert "100" in problem.message_in("zh")
    assert "limit of 100" in problem.message_in("en")


@ENGINES
def test_engines_refuse_unknown_programmes_with_a_code(
    convert: Callable[[pd.DataFrame], object],
) -> None:
    frame = records(programme=["national", "county", "national", "national"])
    with pytest.raises(kpi.DataError) as caught:
        aggregate_inspections(convert(frame))
    assert caught.value.codes == ("records_unknown_split",)
