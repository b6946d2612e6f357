"""The small-input path gives the batch path's answers, byte for byte.

Small panels (up to ``_small.ROWS`` rows) take Python passes where pandas calls would cost
more than the work; a :class:`~xmqc_kpi.Prepared` context validates the reference tables once.
Both must change nothing a caller can see: the JSON and the frame are compared whole.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import xmqc_kpi as kpi
from tests.batch_path import batch_path
from xmqc_kpi import _small
from xmqc_kpi.testing import input_frames, reference_tables

REGION, PERIOD = "厦门市", 2014


def _outputs(result: kpi.Evaluation) -> tuple[str, str, str]:
    return result.to_json("zh"), result.to_json("en"), result.to_frame("en").to_csv()


def _one_row(sample: kpi.SampleData) -> pd.DataFrame:
    data = sample["data"]
    chosen = (data["region"] == REGION) & (data["period"] == PERIOD)
    part: pd.DataFrame = data.loc[chosen].reset_index(drop=True)
    return part


def test_the_sample_is_small_enough_for_the_small_path() -> None:
    assert len(kpi.sample_data()["data"]) <= _small.ROWS


@pytest.mark.parametrize("part", ["whole", "one row"])
def test_small_path_equals_batch_path_on_the_sample(part: str) -> None:
    sample = kpi.sample_data()
    data = sample["data"] if part == "whole" else _one_row(sample)
    tables = {k: sample[k] for k in ("benchmarks", "peers", "units")}
    small = _outputs(kpi.evaluate(kpi.catalog(), data, as_of="2015-12-31", **tables))
    with batch_path():
        batch = _outputs(kpi.evaluate(kpi.catalog(), data, as_of="2015-12-31", **tables))
    assert small == batch


def test_prepared_context_equals_plain_call_on_the_sample() -> None:
    sample = kpi.sample_data()
    tables = {k: sample[k] for k in ("benchmarks", "peers", "units")}
    context = kpi.prepare(kpi.catalog(), **tables)
    for data in (sample["data"], _one_row(sample)):
        plain = _outputs(kpi.evaluate(kpi.catalog(), data, as_of="2015", **tables))
        assert _outputs(kpi.evaluate(context, data, as_of="2015")) == plain
        assert _outputs(context.evaluate(data, as_of="2015")) == plain  # and again, reused


def test_prepared_context_keeps_its_own_copy_of_the_tables() -> None:
    sample = kpi.sample_data()
    benchmarks = sample["benchmarks"].copy()
    context = kpi.prepare(kpi.catalog(), benchmarks=benchmarks, units=sample["units"])
    before = context.evaluate(sample["data"]).to_json()
    benchmarks["value"] = 0.0
    assert context.evaluate(sample["data"]).to_json() == before


def test_prepared_context_refuses_a_malformed_table_at_once() -> None:
    broken = kpi.sample_data()["benchmarks"].drop(columns="value")
    with pytest.raises(kpi.DataError) as raised:
        kpi.prepare(kpi.catalog(), benchmarks=broken)
    assert raised.value.codes == ("table_column_missing",)


def test_prepared_context_takes_no_second_set_of_tables() -> None:
    sample = kpi.sample_data()
    context = kpi.prepare(kpi.catalog(), peers=sample["peers"])
    with pytest.raises(TypeError):
        kpi.evaluate(context, sample["data"], peers=sample["peers"])


def test_prepared_context_checks_the_frequency_of_each_data() -> None:
    sample = kpi.sample_data()
    context = kpi.prepare(kpi.catalog(), benchmarks=sample["benchmarks"])
    quarters = sample["data"].assign(period=sample["data"]["period"].astype(str) + "Q4")
    with pytest.raises(kpi.DataError) as raised:
        context.evaluate(quarters)
    assert "table_frequency" in raised.value.codes


CATALOG = kpi.catalog()


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_small_path_equals_batch_path_on_generated_panels(data: st.DataObject) -> None:
    chosen = tuple(CATALOG)
    frame = data.draw(input_frames(chosen, periods=(2013, 2014, 2015)), label="frame")
    tables = data.draw(reference_tables(chosen, frame), label="tables")
    small = _outputs(kpi.evaluate(chosen, frame, **tables))
    prepared = _outputs(kpi.prepare(chosen, **tables).evaluate(frame))
    with batch_path():
        batch = _outputs(kpi.evaluate(chosen, frame, **tables))
    assert small == batch
    assert prepared == batch


def _frame_records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """The frame's rows as plain Python values, converted the slow, obvious way."""
    plain = frame.astype(object).where(frame.notna(), None)
    return [dict(zip(frame.columns, row, strict=True)) for row in plain.itertuples(index=False)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_payload_records_are_the_frame_rows(lang: str) -> None:
    sample = kpi.sample_data()
    for data in (sample["data"], _one_row(sample)):
        tables = {k: sample[k] for k in ("benchmarks", "peers", "units")}
        result = kpi.evaluate(kpi.catalog(), data, as_of="2015-12-31", **tables)
        records = result._records(lang)  # type: ignore[arg-type]
        assert records == _frame_records(result.to_frame(lang))  # type: ignore[arg-type]
        assert all(type(r["value"]) in (float, type(None)) for r in records)


_CELLS = {
    "int64": st.integers(min_value=-(2**63), max_value=2**63 - 1),
    "Int64": st.one_of(st.none(), st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    "float64": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.just(-0.0)),
}


@settings(max_examples=60, deadline=None)
@given(data=st.data(), rows=st.integers(min_value=1, max_value=4))
def test_numeric_block_reader_equals_batch_path(data: st.DataObject, rows: int) -> None:
    """A few rows read through one object interleave give the typed blocks' numbers."""
    from xmqc_kpi.panel import _clean_numeric_columns

    types = data.draw(st.lists(st.sampled_from(sorted(_CELLS)), min_size=1, max_size=6))
    frame = pd.DataFrame(
        {
            f"c{position}": pd.array(
                data.draw(st.lists(_CELLS[kind], min_size=rows, max_size=rows)), dtype=kind
            )
            for position, kind in enumerate(types)
        }
    )
    positions = list(range(len(types)))
    small = _clean_numeric_columns(frame, positions)
    with batch_path():
        batch = _clean_numeric_columns(frame, positions)
    assert small.keys() == batch.keys()
    for position, values in batch.items():
        assert small[position].dtype == values.dtype
        assert small[position].tobytes() == values.tobytes()  # -0.0 and NaN alike
