"""Explanations of a few rows, filled row by row, are the column path's sentences byte for byte.

Each test evaluates twice and renders one evaluation's explanations through the column path
(``_small.ROWS = -1``): the tables are the same, so any difference is the renderer's.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import xmqc_kpi as kpi
from tests.batch_path import batch_path
from xmqc_kpi import _small
from xmqc_kpi._explain_words import wording
from xmqc_kpi.explain import text_series
from xmqc_kpi.testing import input_frames, reference_tables, unit_variants
from xmqc_kpi.text.kinds import kind_words, register_kind_words

CATALOG = kpi.catalog()
INDICATORS = tuple(CATALOG)
LANGUAGES = ("zh", "en")
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "custom_catalog"


def _both_paths(evaluate: object) -> None:
    """Explanations of two equal evaluations, row by row and column-wise, in both languages."""
    assert callable(evaluate)
    rows, columns = evaluate(), evaluate()
    assert len(rows) <= _small.ROWS * len(rows.indicators)  # the parts take the row path
    for lang in LANGUAGES:
        with batch_path():
            expected = columns.explanations(lang)
        found = rows.explanations(lang)
        assert found.tolist() == expected.tolist()
        assert found.index.equals(expected.index)
        assert found.dtype == expected.dtype


def _chosen(data: st.DataObject) -> tuple[kpi.Indicator, ...]:
    picked = data.draw(
        st.lists(st.sampled_from(INDICATORS), min_size=1, max_size=8, unique_by=lambda i: i.id),
        label="indicators",
    )
    return tuple(sorted(picked, key=INDICATORS.index))


_SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(data=st.data(), missing=st.booleans())
def test_generated_panels_explain_alike(data: st.DataObject, missing: bool) -> None:
    """Values on, above and below each target; benchmarks, peers, trends; empty inputs."""
    chosen = _chosen(data)
    periods = data.draw(st.sampled_from([(2015,), (2013, 2014, 2015), (2011, 2012, 2013, 2014)]))
    frame = data.draw(input_frames(chosen, periods=periods, missing=missing), label="frame")
    tables = data.draw(reference_tables(chosen, frame), label="tables")
    _both_paths(lambda: kpi.evaluate(chosen, frame, as_of="2015-12-31", **tables))


@_SETTINGS
@given(data=st.data())
def test_values_reported_directly_explain_alike(data: st.DataObject) -> None:
    """A column named after an indicator gives its value where its inputs are missing."""
    chosen = _chosen(data)
    frame = data.draw(input_frames(chosen, periods=(2014, 2015), missing=True), label="frame")
    for indicator in chosen:
        reported = data.draw(
            st.lists(
                st.one_of(st.none(), st.just(1.0), st.floats(0, 100, allow_nan=False)),
                min_size=len(frame),
                max_size=len(frame),
            ),
            label=indicator.id,
        )
        frame[indicator.id] = pd.array(reported, dtype="Float64")
    tables = data.draw(reference_tables(chosen, frame), label="tables")
    _both_paths(lambda: kpi.evaluate(chosen, frame, **tables))


@_SETTINGS
@given(data=st.data())
def test_inputs_in_other_units_explain_alike(data: st.DataObject) -> None:
    """Inputs given in 万元, 亩, 万人 … are quoted in their units (a rate's scaled denominator)."""
    chosen = _chosen(data)
    frame = data.draw(input_frames(chosen, periods=(2014, 2015)), label="frame")
    rescaled, units = data.draw(unit_variants(chosen, frame), label="units")
    tables = data.draw(reference_tables(chosen, frame), label="tables")
    _both_paths(lambda: kpi.evaluate(chosen, rescaled, units=units, **tables))


@pytest.mark.parametrize("part", ["whole", "one row", "one region"])
def test_the_sample_explains_alike(part: str) -> None:
    sample = kpi.sample_data()
    data = sample["data"]
    if part == "one row":
        data = data.loc[(data["region"] == "厦门市") & (data["period"] == 2014)]
    elif part == "one region":
        data = data.loc[data["region"] == "厦门市"]
    tables = {key: sample[key] for key in ("benchmarks", "peers", "units")}
    _both_paths(lambda: kpi.evaluate(CATALOG, data, as_of="2015-12-31", **tables))


def test_zero_denominators_and_missing_inputs_explain_alike() -> None:
    rate = CATALOG["municipal_sampling_pass_rate"]
    frame = pd.DataFrame(
        {
            "region": ["思明区"] * 4,
            "period": [2012, 2013, 2014, 2015],
            "municipal_sampled_batches": pd.array([0, None, 50, 25], dtype="Int64"),
            "municipal_passed_batches": pd.array([0, 3, None, 24], dtype="Int64"),
        }
    )
    _both_paths(lambda: kpi.evaluate(rate, frame))
    texts = kpi.evaluate(rate, frame).explanations("en").tolist()
    assert "is 0, so the ratio is undefined" in texts[0]
    assert "missing, so it cannot be assessed" in texts[1]


def test_values_equal_to_their_target_explain_alike() -> None:
    rate = CATALOG["municipal_sampling_pass_rate"]  # ≥ 96 %: 24 of 25 is exactly 96 %
    frame = pd.DataFrame(
        {
            "region": ["思明区", "湖里区"],
            "period": [2015, 2015],
            "municipal_sampled_batches": [25, 1],
            "municipal_passed_batches": [24, 1],
        }
    )
    _both_paths(lambda: kpi.evaluate(rate, frame))


def test_counts_beyond_int64_explain_alike() -> None:
    """Inputs beyond int64 stay Python integers: quoted whole, their difference exact."""
    rate = CATALOG["municipal_sampling_pass_rate"]
    frame = pd.DataFrame(
        {
            "region": ["思明区", "湖里区"],
            "period": [2015, 2015],
            "municipal_sampled_batches": pd.Series([2**70, 2**64 + 1], dtype=object),
            "municipal_passed_batches": pd.Series([2**70 - 1, 2**64], dtype=object),
        }
    )
    _both_paths(lambda: kpi.evaluate(rate, frame))
    assert str(2**70 - 1) in kpi.evaluate(rate, frame).explanations("en").iloc[0]
    coverage = CATALOG["ccc_certificate_coverage"]  # = 100 %: short by 3 products, exactly
    counts = {
        "region": ["思明区", "湖里区"],
        "period": [2015, 2015],
        "ccc_catalogue_products": pd.Series([2**70, 2**64 + 1], dtype=object),
        "ccc_certified_products": pd.Series([2**70 - 3, 2**64], dtype=object),
    }
    _both_paths(lambda: kpi.evaluate(coverage, pd.DataFrame(counts)))
    texts = kpi.evaluate(coverage, pd.DataFrame(counts)).explanations("en").tolist()
    assert "by 3 " in texts[0]
    assert "by 1 " in texts[1]


def test_a_plan_of_ones_own_is_cited_alike() -> None:
    catalog = kpi.load_catalog(EXAMPLE / "catalog.toml")
    data = pd.read_csv(EXAMPLE / "data.csv")
    benchmarks = pd.read_csv(EXAMPLE / "benchmarks.csv")
    _both_paths(lambda: kpi.evaluate(catalog, data, benchmarks=benchmarks))
    first = kpi.evaluate(catalog, data, benchmarks=benchmarks).explanations("zh")
    assert any("附表" in text for text in first)


def test_words_registered_again_are_not_kept_from_before() -> None:
    """The wording kept for an indicator follows its kind's words when they are replaced."""
    rate = CATALOG["municipal_sampling_pass_rate"]
    before = kind_words(rate.threshold.kind)
    kept = wording(rate, "en", None)
    assert wording(rate, "en", None) is kept
    try:
        register_kind_words(rate.threshold.kind, dict(before))
        assert wording(rate, "en", None) is not kept
    finally:
        register_kind_words(rate.threshold.kind, dict(before))


def _series_of(parts: Sequence[np.ndarray | list[str]]) -> list[str]:
    texts: list[str] = text_series(parts, pd.RangeIndex(3), "x").tolist()
    return texts


def test_text_series_takes_lists_and_arrays_alike() -> None:
    texts = ["达标", "未达标", "数据不足"]
    array = np.array(texts, dtype=np.dtypes.StringDType())
    assert _series_of([texts[:1], texts[1:]]) == texts
    assert _series_of([array[:1], texts[1:]]) == texts
    assert _series_of([array]) == texts
