"""xmqc_kpi.testing, used the way a city would use it on its own catalog."""

from __future__ import annotations

import importlib
import sys
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import xmqc_kpi as kpi
from tests.factories import all_comply, awards, death_rate, pass_rate, satisfaction
from xmqc_kpi.testing import (
    BoundaryCase,
    assert_evaluations_equal,
    boundary_cases,
    expected_status,
    expected_statuses,
    input_frames,
    reference_tables,
    unit_variants,
)

CATALOG = kpi.catalog()
EVERY_INDICATOR = st.sampled_from(list(CATALOG))


# --------------------------------------------------------------------------- the built-in catalog


@given(EVERY_INDICATOR.flatmap(boundary_cases))
def test_exact_boundaries_agree_with_expected_status(case: BoundaryCase) -> None:
    case.check()


@given(EVERY_INDICATOR, st.data())
def test_unit_variants_give_identical_verdicts(
    indicator: kpi.Indicator, data: st.DataObject
) -> None:
    frame = data.draw(input_frames(indicator), label="frame")
    references = data.draw(reference_tables(indicator, frame), label="references")
    rescaled, units = data.draw(unit_variants(indicator, frame), label="units")
    assert_evaluations_equal(
        kpi.evaluate(indicator, frame, **references),
        kpi.evaluate(indicator, rescaled, units=units, **references),
        check_explanations=False,
    )


@given(EVERY_INDICATOR, st.data())
def test_the_engine_agrees_with_the_exact_reference_over_frames(
    indicator: kpi.Indicator, data: st.DataObject
) -> None:
    frame = data.draw(input_frames(indicator, periods=(2013, 2014, 2015), missing=True))
    references = data.draw(reference_tables(indicator, frame), label="references")
    result = kpi.evaluate(indicator, frame, **references).to_frame()
    expected = expected_statuses(indicator, frame, **references)
    assert result["status"].astype(str).tolist() == expected["status"].tolist()


@settings(max_examples=8)  # 42 indicators and their explanations per example
@given(input_frames(CATALOG, regions=["思明区"], periods=[2013]))
def test_frames_for_the_whole_catalog_are_valid(frame: pd.DataFrame) -> None:
    variables = {item.name for indicator in CATALOG for item in indicator.inputs}
    assert set(frame.columns) == {"region", "period"} | variables
    assert (frame[sorted(variables)] >= 0).all().all()
    for indicator in CATALOG:
        formula = indicator.formula
        if isinstance(formula, kpi.Ratio) and formula.part_of_whole:
            assert (frame[formula.numerator] <= frame[formula.denominator]).all()
    result = kpi.evaluate(CATALOG, frame).to_frame()
    assert len(result) == len(CATALOG) * len(frame)
    assert (
        result["status"].astype(str).tolist()
        == expected_statuses(CATALOG, frame)["status"].tolist()
    )


def test_the_pinned_boundaries_of_the_plan() -> None:
    national = CATALOG["national_sampling_pass_rate"]
    statuses = [
        expected_status(national, {"national_sampled_batches": 50, "national_passed_batches": n})
        for n in (47, 46)
    ]
    assert statuses == [kpi.Status.MET, kpi.Status.NOT_MET]
    ports = CATALOG["port_who_core_capacity_rate"]
    row = {"class1_ports": 10**12, "class1_ports_certified": 10**12 - 1}
    assert expected_status(ports, row) == kpi.Status.NOT_MET
    funding = CATALOG["quality_funding_ratio"]
    units = {"quality_funding": "万元", "general_budget_revenue": "亿元"}
    in_wan: dict[str, object] = {"quality_funding": 11, "general_budget_revenue": 1.1}
    assert expected_status(funding, in_wan, units=units) == kpi.Status.MET
    assert expected_status(funding, {"quality_funding": 0, "general_budget_revenue": 0}) == (
        kpi.Status.INSUFFICIENT_DATA
    )


def test_expected_status_of_the_data_kinds() -> None:
    deaths = death_rate()
    row = {"deaths": 9, "units": 250_000}  # 0.36 per 10,000 units
    assert expected_status(deaths, row, benchmark=Fraction(36, 100)) == kpi.Status.NOT_MET
    assert expected_status(deaths, row, benchmark="0.37") == kpi.Status.MET
    assert expected_status(deaths, row) == kpi.Status.INSUFFICIENT_DATA
    ranked = awards()  # top 20 %: of 10, ranks 1 and 2
    assert expected_status(ranked, {"award_count": 5}, peers=[6, 5, 1, 1, 1, 1, 1, 1, 1]) == (
        kpi.Status.MET
    )
    assert expected_status(ranked, {"award_count": 5}, peers=[6, 7, 1, 1, 1, 1, 1, 1, 1]) == (
        kpi.Status.NOT_MET
    )
    assert expected_status(ranked, {"award_count": 5}, peers=[]) == kpi.Status.INSUFFICIENT_DATA
    rising = satisfaction()
    assert expected_status(rising, {"score": 80}, previous=80) == kpi.Status.NOT_MET
    assert expected_status(rising, {"score": "80.1"}, previous=80) == kpi.Status.MET
    assert expected_status(rising, {"score": 80}) == kpi.Status.INSUFFICIENT_DATA


# --------------------------------------------------------------------------- assertions


def small_evaluation(passed: int = 47) -> kpi.Evaluation:
    data = pd.DataFrame(
        {
            "region": ["思明区", "思明区", "湖里区"],
            "period": [2013, 2014, 2013],
            "sampled": [50, 50, 40],
            "passed": [passed, 50, 40],
            "total": [3, 3, 3],
            "compliant": [3, 2, 3],
        }
    )
    return kpi.evaluate([pass_rate(), all_comply()], data)


def test_assert_evaluations_equal_passes_on_equal_evaluations() -> None:
    assert_evaluations_equal(small_evaluation(), small_evaluation())
    data = pd.DataFrame({"period": [2013], "total": [3], "compliant": [3], "sampled": [50]})
    data["passed"] = [47]
    first = kpi.evaluate([pass_rate(), all_comply()], data)
    second = kpi.evaluate([all_comply(), pass_rate()], data)
    assert_evaluations_equal(first, second)
    with pytest.raises(AssertionError, match="another order"):
        assert_evaluations_equal(first, second, check_order=True)


def test_assert_evaluations_equal_shows_the_first_differences() -> None:
    with pytest.raises(AssertionError) as failure:
        assert_evaluations_equal(small_evaluation(47), small_evaluation(46))
    message = str(failure.value)
    assert message.startswith("evaluations differ in 1 of 6 assessments:")
    assert "pass_rate, region 思明区, period 2013:" in message
    assert "status: 'met' != 'not_met'" in message
    assert "value: 94.0 != 92.0" in message
    assert "explanation:" in message
    assert "explanation:" not in _failure(small_evaluation(47), small_evaluation(46))


def _failure(left: kpi.Evaluation, right: kpi.Evaluation) -> str:
    with pytest.raises(AssertionError) as failure:
        assert_evaluations_equal(left, right, check_explanations=False)
    return str(failure.value)


def test_assert_evaluations_equal_names_missing_assessments() -> None:
    data = pd.DataFrame({"region": ["思明区", "湖里区"], "period": 2013, "score": [1.0, 2.0]})
    both = kpi.evaluate(satisfaction(), data)
    one = kpi.evaluate(satisfaction(), data.iloc[:1])
    message = _failure(both, one)
    assert "only left: ('satisfaction', '湖里区', '2013')" in message
    with pytest.raises(TypeError, match="Evaluation"):
        assert_evaluations_equal(both, data)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- a city's own catalog

CITY_CATALOG = """
[[indicators]]
id = "district_inspection_pass_rate"
clause = {table = "5.1.2", body = "22"}
title_zh = "区级监督抽查合格率"
title_en = "District supervision sampling pass rate"
inputs = [
    {name = "district_sampled", unit = "count", label_zh = "抽查批次"},
    {name = "district_passed", unit = "count", label_zh = "合格批次"},
]
unit = "percent"
threshold = {kind = "at_least", value = 92.5, unit = "percent"}
quote = "市级监督抽查合格率达96%以上"
responsible = {units = ["区质监局"]}

[indicators.formula]
kind = "ratio"
numerator = "district_passed"
denominator = "district_sampled"
sampled = true

[[indicators]]
id = "green_area_per_resident"
clause = {body = "五(三)"}
title_zh = "人均绿地面积"
title_en = "Green area per resident"
inputs = [
    {name = "green_area", unit = "mu", label_zh = "绿地面积"},
    {name = "residents", unit = "wan_ren", label_zh = "常住人口"},
]
unit = "mu / wan_ren"
threshold = {kind = "above", value = 15}
quote = "经费数额不低于厦门市年财政一般预算收入1‰"
responsible = {units = ["市园林局"]}

[indicators.formula]
kind = "ratio"
numerator = "green_area"
denominator = "residents"
part_of_whole = false
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> kpi.Catalog:
    path: Path = tmp_path_factory.mktemp("city") / "catalog.toml"
    path.write_text(CITY_CATALOG, encoding="utf-8")
    return kpi.load_catalog(path)


def test_a_city_catalog_in_a_few_lines(city: kpi.Catalog) -> None:
    @given(st.sampled_from(list(city)).flatmap(boundary_cases))
    def boundaries(case: BoundaryCase) -> None:
        case.check()

    @given(st.data())
    def units(data: st.DataObject) -> None:
        frame = data.draw(input_frames(city))
        rescaled, units = data.draw(unit_variants(city, frame))
        first, second = kpi.evaluate(city, frame), kpi.evaluate(city, rescaled, units=units)
        assert_evaluations_equal(first, second, check_explanations=False)
        assert (
            first.to_frame()["status"].tolist() == expected_statuses(city, frame)["status"].tolist()
        )

    boundaries()
    units()


def test_a_city_boundary_is_placed_exactly(city: kpi.Catalog) -> None:
    green = city["green_area_per_resident"]  # > 15 亩 per 万人, strictly; 亩 move in 3s
    seen: dict[str, BoundaryCase] = {}

    @given(boundary_cases(green, placements=["on", "above", "below"]))
    def collect(case: BoundaryCase) -> None:
        seen.setdefault(case.placement, case)
        assert case.value is not None
        sign = {"on": 0, "above": 1, "below": -1}[case.placement]
        assert (case.value > 15) - (case.value < 15) == sign
        assert case.expected == (kpi.Status.MET if sign > 0 else kpi.Status.NOT_MET)
        assert case.inputs["green_area"] % 3 == 0  # whole in hectares and m² too
        case.check()

    collect()
    assert set(seen) == {"on", "above", "below"}


# --------------------------------------------------------------------------- arguments


def test_arguments_are_checked_when_the_strategy_is_built() -> None:
    with pytest.raises(ValueError, match="no indicators"):
        input_frames([])
    with pytest.raises(TypeError, match="Indicator"):
        input_frames(["pass_rate"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="regions"):
        input_frames(pass_rate(), regions=[])
    with pytest.raises(ValueError, match="given twice"):
        input_frames([pass_rate(), pass_rate()])
    with pytest.raises(TypeError, match="Indicator"):
        boundary_cases("pass_rate")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="placements"):
        boundary_cases(pass_rate(), placements=["near"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="DataFrame"):
        unit_variants(pass_rate(), [1, 2])  # type: ignore[arg-type]


def test_importing_without_hypothesis_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "xmqc_kpi.testing")
    with pytest.raises(ImportError, match=r"pip install 'xmqc_kpi\[testing\]'"):
        importlib.import_module("xmqc_kpi.testing")


def test_unit_variants_only_offer_exact_units() -> None:
    rate = CATALOG["agri_standardized_production_rate"]  # 亩, where a hectare is 15 亩
    frame = pd.DataFrame(
        {"period": [2013, 2014], "agri_total_area": [30, 31], "agri_standardized_area": [9, 9]}
    )
    offered: set[tuple[str, str]] = set()

    @given(unit_variants(rate, frame))
    def collect(variant: tuple[pd.DataFrame, dict[str, str]]) -> None:
        rescaled, units = variant
        offered.update(units.items())
        pd.testing.assert_frame_equal(frame[["period"]], rescaled[["period"]])

    collect()
    # 31 亩 is no decimal number of hectares or m²; 9 亩 is 0.6 hectare and 6000 m²
    assert offered == {("agri_standardized_area", "公顷"), ("agri_standardized_area", "平方米")}
