"""Hypothesis properties of the engine: exact boundaries, unit invariance, purity, order."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
from hypothesis import example, given
from hypothesis import strategies as st

from tests.factories import (
    all_comply,
    awards,
    death_rate,
    funding_ratio,
    monitored_share,
    pass_rate,
    satisfaction,
)
from xmqc_kpi import Indicator, evaluate
from xmqc_kpi.testing import (
    BoundaryCase,
    assert_evaluations_equal,
    boundary_cases,
    expected_status,
    input_frames,
    reference_tables,
    unit_variants,
)

#: One hand-built indicator of every threshold kind the engine tests use.
FACTORIES = (
    pass_rate(),
    funding_ratio(),
    all_comply(),
    death_rate(),
    awards(),
    awards("lower", top_n=2),
    satisfaction(),
    satisfaction("falling", window=2),
    monitored_share(),
)

counts = st.integers(min_value=1, max_value=10**12)


@st.composite
def passed_of(draw: st.DrawFn) -> tuple[int, int]:
    sampled = draw(counts)
    return draw(st.integers(min_value=0, max_value=sampled)), sampled


@given(passed_of(), st.integers(min_value=1, max_value=100))
@example((47, 50), 94)
@example((19, 20), 95)
@example((49, 50), 98)
@example((999, 1000), 100)
@example((10**12 - 1, 10**12), 100)
def test_verdict_is_the_exact_comparison(pair: tuple[int, int], target: int) -> None:
    passed, sampled = pair
    data = pd.DataFrame({"period": [2013], "sampled": [sampled], "passed": [passed]})
    status = evaluate(pass_rate(target), data).to_frame().loc[0, "status"]
    expected = Fraction(passed, sampled) * 100 >= target
    assert status == ("met" if expected else "not_met")
    assert status == expected_status(pass_rate(target), {"sampled": sampled, "passed": passed})


@given(st.sampled_from(FACTORIES).flatmap(boundary_cases))
def test_boundary_cases_of_every_kind(case: BoundaryCase) -> None:
    """On, one step above and one step below each target: the engine gives the exact verdict."""
    case.check()


@given(
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=1, max_value=10**9),
    st.sampled_from(["yuan", "万元", "亿元"]),
    st.sampled_from(["yuan", "万元", "亿元"]),
)
@example(8_000_000, 8_000_000_000, "万元", "亿元")
def test_unit_invariance(funding: int, revenue: int, f_unit: str, r_unit: str) -> None:
    """The same amounts in 元, 万元 or 亿元 give the same verdict."""
    scale = {"yuan": 1, "万元": 10_000, "亿元": 100_000_000}
    in_yuan = pd.DataFrame({"period": [2013], "funding": [funding], "revenue": [revenue]})
    rescaled = pd.DataFrame(
        {
            "period": [2013],
            "funding": [float(Fraction(funding, scale[f_unit]))],
            "revenue": [float(Fraction(revenue, scale[r_unit]))],
        }
    )
    exactly_representable = all(
        Fraction(repr(float(Fraction(n, scale[u])))) == Fraction(n, scale[u])
        for n, u in ((funding, f_unit), (revenue, r_unit))
    )
    base = evaluate(funding_ratio(), in_yuan).to_frame().loc[0, "status"]
    other = (
        evaluate(funding_ratio(), rescaled, units={"funding": f_unit, "revenue": r_unit})
        .to_frame()
        .loc[0, "status"]
    )
    if exactly_representable:
        assert base == other
        assert_evaluations_equal(
            evaluate(funding_ratio(), in_yuan),
            evaluate(funding_ratio(), rescaled, units={"funding": f_unit, "revenue": r_unit}),
            check_explanations=False,
        )
    assert base == ("met" if Fraction(funding, revenue) * 1000 >= 1 else "not_met")


@given(st.sampled_from(FACTORIES), st.data())
def test_unit_invariance_of_every_kind(indicator: Indicator, data: st.DataObject) -> None:
    """Frames placed around the targets, rescaled into other units: the same assessments."""
    frame = data.draw(input_frames(indicator, periods=(2013, 2014, 2015)), label="frame")
    references = data.draw(reference_tables(indicator, frame), label="references")
    rescaled, units = data.draw(unit_variants(indicator, frame), label="units")
    assert_evaluations_equal(
        evaluate(indicator, frame, **references),
        evaluate(indicator, rescaled, units=units, **references),
        check_explanations=False,
    )


@given(
    passed_of(), st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=100)
)
def test_more_passed_never_turns_met_into_not_met(
    pair: tuple[int, int], extra: int, target: int
) -> None:
    passed, sampled = pair
    more = min(sampled, passed + extra)
    data = pd.DataFrame(
        {"period": [2013, 2014], "sampled": [sampled, sampled], "passed": [passed, more]}
    )
    statuses = evaluate(pass_rate(target), data).to_frame()["status"].tolist()
    assert statuses != ["met", "not_met"]


frames = st.lists(
    st.tuples(
        st.sampled_from(["思明区", "湖里区", "集美区"]),
        st.integers(min_value=2010, max_value=2016),
        passed_of(),
        st.one_of(st.just(float("nan")), st.floats(min_value=0, max_value=100)),
    ),
    min_size=1,
    max_size=25,
    unique_by=lambda row: (row[0], row[1]),
).map(
    lambda rows: pd.DataFrame(
        {
            "region": [r[0] for r in rows],
            "period": [r[1] for r in rows],
            "passed": [r[2][0] for r in rows],
            "sampled": [r[2][1] for r in rows],
            "score": [r[3] for r in rows],
        }
    )
)


@given(frames, st.randoms(use_true_random=False))
def test_pure_and_row_order_invariant(data: pd.DataFrame, random: object) -> None:
    indicators = [pass_rate(), satisfaction()]
    before = data.copy(deep=True)
    first = evaluate(indicators, data).to_frame()
    pd.testing.assert_frame_equal(data, before)
    order = list(range(len(data)))
    random.shuffle(order)  # type: ignore[attr-defined]
    shuffled = data.iloc[order]
    pd.testing.assert_frame_equal(evaluate(indicators, shuffled).to_frame(), first)
    pd.testing.assert_frame_equal(evaluate(indicators, data).to_frame(), first)


@given(frames)
def test_nan_gives_insufficient_data_and_rates_stay_in_range(data: pd.DataFrame) -> None:
    data = data.assign(passed=data["passed"].astype(float))
    data.loc[data.index[0], "passed"] = np.nan
    frame = evaluate(pass_rate(), data).to_frame()
    first = frame.loc[
        (frame["region"] == data["region"].iloc[0]) & (frame["period"] == data["period"].iloc[0])
    ]
    assert first["status"].tolist() == ["insufficient_data"]
    values = frame["value"].dropna()
    assert ((values >= 0) & (values <= 100)).all()
    bounded = frame.dropna(subset=["ci_low"])
    assert (bounded["ci_low"] <= bounded["value"] + 1e-9).all()
    assert (bounded["value"] <= bounded["ci_high"] + 1e-9).all()


_UNITS = ("count", "个", "万元", "亿元", "yuan", "percent")


_CELL = (
    st.integers(-(2**63), 2**63 - 1)
    | st.integers(-(2**60), 2**60).map(float)
    | st.floats(-1e20, 1e20, allow_subnormal=False)
)


@given(
    part=_CELL,
    whole=_CELL | st.just(0) | st.just(0.0),
    units=st.tuples(*[st.sampled_from(_UNITS)] * 4),
    scale=st.fractions(min_value=Fraction(1, 10**6), max_value=10**6),
)
@example(part=47, whole=50, units=("count", "count", "count", "count"), scale=Fraction(100))
@example(part=11, whole=1, units=("万元", "亿元", "万元", "亿元"), scale=Fraction(1000))
@example(part=2.0**53 + 2, whole=3.0, units=("count", "count", "count", "count"), scale=Fraction(1))
def test_a_ratio_of_whole_number_cells_is_their_exact_quotient(
    part: float, whole: float, units: tuple[str, str, str, str], scale: Fraction
) -> None:
    """The whole-number shortcut of the exact value is the cells' quotient read one by one."""
    from xmqc_kpi.engine import _integer_ratio
    from xmqc_kpi.formulas import Ratio
    from xmqc_kpi.panel import Column, Panel
    from xmqc_kpi.units import UnitError

    given_part, given_whole, wanted_part, wanted_whole = units
    columns = {
        "part": Column(np.array([part]), np.zeros(1, np.intp), (given_part,)),
        "whole": Column(np.array([whole]), np.zeros(1, np.intp), (given_whole,)),
    }
    panel = Panel(
        labels=np.array([0], dtype=object),
        region=np.array(["x"], dtype=object),
        period=np.array([2013], dtype=object),
        ordinal=np.array([43]),
        freq=None,
        columns=columns,
    )
    ratio = Ratio(numerator="part", denominator="whole")
    wanted = {"part": wanted_part, "whole": wanted_whole}
    try:
        cells = {name: columns[name].exact(0, unit) for name, unit in wanted.items()}
    except UnitError:  # 万元 is not a count: nothing to compare
        return
    exact = ratio.compute_exact(cells)
    shortcut = _integer_ratio(ratio, panel, wanted, scale, lambda _row: exact and exact * scale)
    assert shortcut is not None
    assert shortcut(0) == (None if exact is None else exact * scale)
