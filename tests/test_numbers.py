"""The one number policy: a value and what it is compared with are formatted together."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import xmqc_kpi as kpi
from xmqc_kpi.text.numbers import (
    _format_column,
    declared_text,
    digit_texts,
    format_given,
    format_number,
    format_numbers,
    format_pair,
    given_text,
    number_pieces,
    number_text,
    pair_decimals,
    pair_places,
)


def test_the_demo_notification_rates_no_longer_contradict_their_verdicts() -> None:
    # 48 ÷ 160000 = 0.030 % against 0.028 % (2013), 0.0206 % against 0.025 % (2014)
    assert format_pair(48 / 160000 * 100, 0.028, decimals=2) == ("0.030", "0.028")
    assert format_pair(0.0206, 0.025, decimals=2) == ("0.021", "0.025")


def test_the_sample_explains_the_notification_rate_with_both_numbers_apart() -> None:
    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
    part = result.filter(indicator="export_overseas_notification_ratio", region="厦门市")
    texts = part.explanations("zh").tolist()
    assert any("= 0.030%，高于 2013 年全国平均水平 0.028%" in t for t in texts)


def test_equal_numbers_keep_the_declared_decimals() -> None:
    assert format_pair(1.0, 1.0, decimals=3, equal=True) == ("1.000", "1.000")
    # 11 万元 ÷ 1.1 亿元 is exactly 1 ‰, though floats give 0.9999999999999999
    assert format_pair(0.9999999999999999, 1.0, decimals=3, equal=True) == ("1.000", "1.000")


def test_a_declared_target_is_shown_as_written() -> None:
    assert format_pair(95.996, 96, decimals=2, declared=True) == ("95.996", "96")
    assert format_pair(96.6667, 96, decimals=2, declared=True) == ("96.67", "96")
    assert declared_text(Decimal("0.50")) == "0.5"


def test_declared_decimals_are_a_minimum() -> None:
    assert pair_decimals(np.array([5.0]), np.array([1.0]), 3).tolist() == [3]
    assert format_number(5, "deaths_per_10k_units", decimals=3, lang="zh") == "5.000 人/万台"


def _relation(left: str, right: str) -> int:
    a, b = Decimal(left), Decimal(right)
    return (a > b) - (a < b)


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(value=finite, other=finite, decimals=st.integers(0, 4))
@example(value=0.030, other=0.028125, decimals=2)
@example(value=0.0206, other=0.025, decimals=2)
@example(value=95.995, other=96.0, decimals=2)
def test_differing_numbers_never_print_equal_and_never_backwards(
    value: float, other: float, decimals: int
) -> None:
    shown, shown_other = format_pair(value, other, decimals=decimals)
    truth = (value > other) - (value < other)
    if abs(value - other) > 1e-9 * max(abs(value), abs(other), 1.0):  # floats can tell them
        assert _relation(shown, shown_other) == truth, (shown, shown_other)
    places = len(shown.partition(".")[2])
    assert places >= decimals


@given(value=finite, decimals=st.integers(0, 6))
def test_every_finite_number_prints_with_its_decimals(value: float, decimals: int) -> None:
    (text,) = format_numbers(np.array([value]), decimals).tolist()
    assert abs(float(text) - value) <= 0.5 * 10.0**-decimals + 1e-9 * abs(value)


def test_the_2014_notification_ratio_reads_below_its_benchmark() -> None:
    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
    part = result.filter(indicator="export_overseas_notification_ratio", period=2014)
    for text in part.explanations("zh"):
        if "全国平均水平" in text and "低于" in text:
            shown = text.split(" = ")[-1].split("%")[0]
            benchmark = text.split("全国平均水平 ")[1].split("%")[0]
            assert Decimal(shown) < Decimal(benchmark), text


@given(
    values=st.lists(
        st.floats(allow_nan=True, allow_infinity=True, width=64), min_size=1, max_size=8
    ),
    decimals=st.integers(0, 14),
)
@example(values=[999999.9999999999, 9.999999999999999e16, 1e17, -0.004, 2.675], decimals=12)
def test_a_few_numbers_print_as_in_a_column(values: list[float], decimals: int) -> None:
    """A service's few numbers are formatted one by one: byte for byte as in a long column."""
    few = np.array(values)
    column = np.concatenate([few, np.zeros(16)])  # more than 8 numbers: the column path
    expected = format_numbers(column, decimals)[: len(few)].tolist()
    assert format_numbers(few, decimals).tolist() == expected


_any_float = st.floats(allow_nan=True, allow_infinity=True, width=64)


@given(values=st.lists(_any_float, min_size=1, max_size=12), decimals=st.integers(-2, 20))
@example(
    values=[999999.9999999999, 9.999999999999999e16, 1e17, 1e14, 99999999999999.99], decimals=3
)
@example(values=[0.125, 2.675, -0.0, 1e-320, 5e15], decimals=0)
def test_one_number_in_python_prints_as_in_a_column(values: list[float], decimals: int) -> None:
    """The row-wise renderer's numbers: byte for byte as the column path's (over 8 values)."""
    column = np.concatenate([np.array(values), np.zeros(16)])
    expected = format_numbers(column, decimals)[: len(values)].tolist()
    assert [number_text(value, decimals) for value in values] == expected


@given(
    values=st.lists(
        st.one_of(_any_float, st.integers(-(2**60), 2**60).map(float)), min_size=1, max_size=12
    )
)
@example(values=[2.0**53, -(2.0**53), 1e20, -0.0, 0.1, 5e-324])
def test_one_given_number_in_python_prints_as_in_a_column(values: list[float]) -> None:
    expected = format_given(np.array(values, dtype=np.float64)).tolist()
    assert [given_text(value) for value in values] == expected


def test_given_integers_beyond_floats_print_whole() -> None:
    huge = np.array([2**70, 3], dtype=object)
    assert format_given(huge).tolist() == [given_text(2**70), "3"] == [str(2**70), "3"]


@given(
    pairs=st.lists(
        st.tuples(
            st.one_of(finite, _any_float, st.floats(-1.0, 1.0)),
            st.one_of(finite, _any_float, st.floats(-1.0, 1.0)),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    ),
    decimals=st.integers(0, 14),
    declared=st.booleans(),
)
@example(
    pairs=[(0.030, 0.028125, False), (0.0206, 0.025, False), (1.0, 1.0, True)],
    decimals=2,
    declared=False,
)
@example(pairs=[(1e308, -1e308, False), (1e-300, 0.0, False)], decimals=0, declared=True)
def test_one_pair_in_python_gets_the_decimals_of_a_column(
    pairs: list[tuple[float, float, bool]], decimals: int, declared: bool
) -> None:
    values, others, equal = (np.array(part) for part in zip(*pairs, strict=True))
    with np.errstate(over="ignore"):  # 1e308 − (−1e308): the column warns, both read it as >
        expected = pair_decimals(values, others, decimals, equal=equal, declared=declared)
    found = [
        pair_places(value, other, decimals, equal=bool(same), declared=declared)
        for value, other, same in pairs
    ]
    assert found == expected.tolist()


_moderate = st.floats(-1e6, 1e6, allow_subnormal=True)


def _assert_pieces_join_to_the_column(values: list[float], wanted: list[int]) -> None:
    column, places = np.array(values), np.array(wanted)
    pieces = [
        np.broadcast_to(np.asarray(piece), column.shape).tolist()
        for piece in number_pieces(column, places)
    ]
    joined = ["".join(parts) for parts in zip(*pieces, strict=True)]
    assert joined == _format_column(column, places).tolist()


@pytest.mark.parametrize(
    ("values", "wanted"),
    [
        ([-0.004, -0.0, 0.125, 2.675, 99.995, 1e13, 1e12, 0.5, 1.0], [2] * 9),
        ([9.8e15, 1.0, 2.5, 3.5, 0.5, 1.5, -2.5, 7.0, 8.0], [0] * 9),
        ([94.0, 93.99, 96.005, 0.5, 12.0, 1e-7, 3.0, 4.0, 5.0], [2, 3, 4, 0, -1, 9, 2, 2, 6]),
    ],
)
def test_plain_numbers_split_into_pieces_of_their_text(
    values: list[float], wanted: list[int]
) -> None:
    """The pieces a sentence splices in join to the general column formatting, byte for byte."""
    _assert_pieces_join_to_the_column(values, wanted)


@given(data=st.data(), size=st.integers(9, 40), each=st.booleans())
def test_any_column_splits_into_pieces_of_its_text(
    data: st.DataObject, size: int, each: bool
) -> None:
    """With one count of decimals for the column, or one per row (more near a target)."""
    values = data.draw(
        st.lists(st.one_of(_moderate, _any_float), min_size=size, max_size=size)
        | st.lists(_moderate, min_size=size, max_size=size)
    )
    decimals = st.integers(-2, 20)
    per_row = st.lists(st.integers(0, 6) | decimals, min_size=size, max_size=size)
    wanted = data.draw(per_row if each else decimals.map(lambda d: [d] * size))
    _assert_pieces_join_to_the_column(values, wanted)


@given(
    numbers=st.lists(
        st.integers(0, 10**5) | st.integers(-(2**63), 2**63 - 1) | st.integers(10**7, 10**9),
        max_size=30,
    ),
    width=st.integers(0, 6),
)
@example(numbers=[0, 9999, 10000, 99999999, 100000000, 10**8 - 1], width=4)
def test_digits_are_what_python_writes(numbers: list[int], width: int) -> None:
    """Looked up in the digit table or converted: ``str(n).zfill(width)``."""
    texts = digit_texts(np.array(numbers, dtype=np.int64), width=width).tolist()
    assert texts == [str(number).zfill(width) for number in numbers]
