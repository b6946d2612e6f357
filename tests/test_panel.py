"""Reading a DataFrame (panel.py): regions, periods, exact values, refusals, one pass, places."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.factories import pass_rate
from xmqc_kpi import DataError, evaluate
from xmqc_kpi.panel import FIRST_YEAR, LAST_YEAR, exact_number, read_panel
from xmqc_kpi.text import LANGUAGES

VARIABLES = {"sampled": "count", "passed": "count", "pass_rate": "percent"}


def problems_of(data: pd.DataFrame, **kwargs: object) -> DataError:
    with pytest.raises(DataError) as caught:
        read_panel(data, variables=VARIABLES, **kwargs)  # type: ignore[arg-type]
    for problem in caught.value.problems:
        for lang in LANGUAGES:
            assert "{" not in problem.render(lang)
    return caught.value


# --------------------------------------------------------------------------- regions


def test_a_region_given_as_a_number_and_as_text_is_one_region() -> None:
    # 350203 from Excel (an int) and "350203" from a CSV were two regions, with two verdicts
    data = pd.DataFrame(
        {
            "region": pd.Series([350203, "350203"], dtype=object),
            "period": [2013, 2014],
            "sampled": [50, 50],
            "passed": [47, 40],
        }
    )
    panel = read_panel(data, variables=VARIABLES)
    assert panel.region.tolist() == ["350203", "350203"]
    assert [note.code for note in panel.notes] == ["note_region_numbers_as_text"]
    assert "350203" in panel.notes[0].render("en")
    frame = evaluate(pass_rate(), data).to_frame()
    assert frame["region"].tolist() == ["350203", "350203"]
    assert frame["status"].tolist() == ["met", "not_met"]


def test_regions_that_are_neither_text_nor_whole_numbers_are_problems() -> None:
    data = pd.DataFrame(
        {"region": [True, None], "period": [2013, 2014], "sampled": [5, 5], "passed": [5, 5]}
    )
    error = problems_of(data)
    assert {(p.code, p.row) for p in error.problems} == {
        ("region_unreadable", 0),
        ("region_missing", 1),
    }


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize("year", [13, 0, -5, 99999, "13", "-5", FIRST_YEAR - 1, LAST_YEAR + 1])
def test_years_outside_the_range_are_refused(year: object) -> None:
    data = pd.DataFrame({"period": [year], "sampled": [50], "passed": [47]})
    assert problems_of(data).codes == ("period_year_out_of_range",)


def test_years_outside_the_range_are_refused_in_a_long_frame() -> None:
    long = pd.DataFrame({"period": [1700], "variable": ["sampled"], "value": [50]})
    error = problems_of(long)
    assert error.codes == ("period_year_out_of_range",)
    assert (error.problems[0].column, error.problems[0].row) == ("period", 0)


def test_the_range_ends_are_years() -> None:
    data = pd.DataFrame({"period": [FIRST_YEAR, LAST_YEAR], "sampled": [5, 5], "passed": [5, 5]})
    assert read_panel(data, variables=VARIABLES).freq == "Y-DEC"


@pytest.mark.parametrize(
    ("dates", "freq", "labels"),
    [
        (["2013-12-31", "2014-12-31"], "Y-DEC", ["2013", "2014"]),
        (["2013-03-31", "2013-12-31"], "Q-DEC", ["2013Q1", "2013Q4"]),
        (["2013-01-31", "2013-12-31"], "M", ["2013-01", "2013-12"]),
    ],
)
def test_dates_at_period_ends_are_those_periods(
    dates: list[str], freq: str, labels: list[str]
) -> None:
    # dates used to get day frequency, and every trend became insufficient
    for cells in (pd.to_datetime(dates), [dt.date.fromisoformat(d) for d in dates], dates):
        data = pd.DataFrame({"period": cells, "sampled": [5, 5], "passed": [5, 5]})
        panel = read_panel(data, variables=VARIABLES)
        assert panel.freq == freq
        assert [str(pd.Period(ordinal=o, freq=freq)) for o in panel.ordinal] == labels


def test_year_end_datetimes_give_a_trend() -> None:
    from tests.factories import satisfaction

    data = pd.DataFrame(
        {
            "period": pd.to_datetime(["2012-12-31", "2013-12-31", "2014-12-31"]),
            "satisfaction": [80.0, 81.0, 82.0],
        }
    )
    frame = evaluate(satisfaction(), data).to_frame()
    assert frame["status"].tolist()[-1] == "met"
    assert frame["period"].tolist() == [2012, 2013, 2014]


@pytest.mark.parametrize("cell", [dt.date(2013, 6, 15), pd.Timestamp("2013-12-31 12:00")])
def test_dates_that_end_no_period_are_refused(cell: object) -> None:
    data = pd.DataFrame({"period": [cell], "sampled": [5], "passed": [5]})
    assert problems_of(data).codes == ("period_date_not_end",)


def test_one_frequency_per_column() -> None:
    data = pd.DataFrame({"period": ["2013Q1", "2013"], "sampled": [5, 5], "passed": [5, 5]})
    error = problems_of(data)
    assert error.codes == ("period_other_frequency",)
    assert "quarters" in error.problems[0].render("en")


# --------------------------------------------------------------------------- the header


def test_multiindex_columns_are_refused() -> None:
    columns = pd.MultiIndex.from_tuples([("period", ""), ("sampled", "批次"), ("passed", "批次")])
    data = pd.DataFrame([[2013, 50, 47]], columns=columns)
    assert problems_of(data).codes == ("columns_multiindex",)


@pytest.mark.parametrize("key", ["period", "region"])
def test_a_key_column_given_twice_is_refused(key: str) -> None:
    data = pd.DataFrame(
        [["思明区", 2013, 2014, 50, 47]], columns=["region", "period", key, "sampled", "passed"]
    )
    error = problems_of(data)
    assert error.codes == ("column_repeated",)
    assert error.problems[0].column == key


# --------------------------------------------------------------------------- exact values


def test_decimal_and_fraction_cells_are_read_exactly() -> None:
    # databases export NUMERIC as Decimal: these were "not a number"
    near = Decimal("0.1000000000000000055511151231257827")
    assert exact_number(near) == Fraction(near) != Fraction(1, 10)
    data = pd.DataFrame(
        {
            "period": [2013, 2014],
            "sampled": pd.Series([Decimal("50"), Fraction(100)], dtype=object),
            "passed": pd.Series([Decimal("47"), Fraction(93)], dtype=object),
        }
    )
    frame = evaluate(pass_rate(), data).to_frame()
    assert frame["status"].tolist() == ["met", "not_met"]
    assert frame["value"].tolist() == [94.0, 93.0]


def test_a_decimal_share_is_judged_exactly_at_the_boundary() -> None:
    # 94.000000000000001 % prints as 94.0 as a float, but it is above 94 %
    data = pd.DataFrame(
        {"period": [2013, 2014], "pass_rate": [Decimal("94.000000000000001"), Decimal("94")]}
    )
    panel = read_panel(data, variables=VARIABLES)
    column = panel.columns["pass_rate"]
    assert column.exact(0, "percent") == Fraction("94.000000000000001")
    assert column.exact(1, "percent") == 94


# --------------------------------------------------------------------------- one pass


def test_units_signs_text_periods_and_a_part_above_its_whole_in_one_error() -> None:
    # a bad unit used to be raised alone, before the cells and the part-of-whole check
    data = pd.DataFrame(
        {
            "period": [2013, 2014, "later", 2016],
            "sampled": ["x", 5, 5, 5],
            "passed": [1, 6, 1, -1],
            "pass_rate": [1, 2, 3, 4],
        }
    )
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), data, units={"pass_rate": "个"})
    found = {(p.code, p.column, p.row) for p in caught.value.problems}
    assert ("unit_not_share", "pass_rate", None) in found
    assert ("value_not_number", "sampled", 0) in found
    assert ("value_negative", "passed", 3) in found
    assert ("period_unreadable", "period", 2) in found
    assert any(code == "part_exceeds_whole" and row == 1 for code, _, row in found)


def test_a_long_frame_problem_names_the_row_that_holds_the_value() -> None:
    long = pd.DataFrame(
        {
            "period": [2013, 2013, 2014, 2014],
            "variable": ["sampled", "passed", "sampled", "passed"],
            "value": [50, 60, 50, -1],
            "unit": ["个", "批次", "%", "个"],
        },
        index=["a", "b", "c", "d"],
    )
    with pytest.raises(DataError) as caught:
        evaluate(pass_rate(), long)
    found = {(p.code, p.column, p.row) for p in caught.value.problems}
    assert found == {
        ("value_negative", "value", "d"),
        ("unit_not_count", "unit", "c"),
        ("part_exceeds_whole", "value", "b"),  # was row (None, 2013): a Python tuple
    }


def test_a_template_problem_names_its_row_and_period_column() -> None:
    template = pd.DataFrame(
        {"variable": ["sampled", "passed"], "unit": ["批次", "批次"], "2013": [50, -3]},
        index=[41, 42],
    )
    error = problems_of(template)
    assert [(p.code, p.column, p.row) for p in error.problems] == [
        ("value_negative", "2013", 42)  # was row '42:2013'
    ]


def test_a_frame_read_from_a_file_places_problems_in_its_cells() -> None:
    data = pd.DataFrame({"period": [2013], "sampled": [50], "passed": [-1]}, index=[43])
    data.attrs.update(
        sheet="Sheet1",
        letters={"period": "A", "sampled": "G", "passed": "H"},
        headers={"passed": "合格批次"},
    )
    problem = problems_of(data).problems[0]
    assert (problem.sheet, problem.cell, problem.column) == ("Sheet1", "H43", "合格批次")
    assert problem.location("en") == "Sheet1!H43 (合格批次)"
    assert problem.location("zh") == "工作表“Sheet1”第43行 H列（合格批次）"


def test_the_caller_frame_is_not_changed() -> None:
    data = pd.DataFrame(
        {"region": pd.Series([350203], dtype=object), "period": [2013], "sampled": [5]}
    )
    before = data.copy()
    read_panel(data, variables=VARIABLES)
    pd.testing.assert_frame_equal(data, before)
    assert isinstance(data.loc[0, "region"], int | np.integer)


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**60), 2**60).map(float))
@example(1e300)
@example(2.0**53 + 2)
@example(-0.0)
@example(94.37)
def test_a_float_cell_is_read_as_the_decimal_it_prints_as(number: float) -> None:
    """Whichever shortcut reads it, a float cell stands for the number Python prints."""
    assert exact_number(number) == Fraction(repr(number))
