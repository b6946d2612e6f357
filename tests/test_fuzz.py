"""Fuzzing ``evaluate`` with frames of arbitrary dtypes and values.

Frames come from :mod:`hypothesis.extra.pandas` for a random subset of the built-in catalog:
periods (ints, strings, floats, NaN, junk, duplicates), an optional region column (hostile
strings, None), and a column per input variable, each of a random dtype — int64 (negative,
near the int64 limits), uint64 beyond int64, float64 (NaN, ±inf, subnormal, huge), object
(Python ints beyond int64, floats, None, pd.NA, "约1200", bools), bool, nullable
Int64/Float64/boolean, categorical, strings — sometimes with an indicator's value reported
directly, unknown columns and an arbitrary index. The numerator of a part-of-whole ratio is
usually derived from its denominator so that many frames are valid and get judged.

Whatever the frame, ``evaluate`` raises :class:`~xmqc_kpi.DataError` or returns an evaluation
whose statuses and reasons are consistent, whose values lie within their natural bounds and
agree with the exact :class:`fractions.Fraction` reference of :mod:`xmqc_kpi.testing`, whose
explanations are complete sentences, and which leaves the frame as it was.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.pandas import column, data_frames, indexes, range_indexes

import xmqc_kpi as kpi
from xmqc_kpi import DataError, Evaluation, Indicator, Reason, Status
from xmqc_kpi.panel import _Problems, parse_periods
from xmqc_kpi.testing import exact_value, expected_statuses, reference_tables
from xmqc_kpi.thresholds import (
    Above,
    All,
    AtLeast,
    AtMost,
    Below,
    BelowBenchmark,
    Monitored,
    TopAmongPeers,
    Trend,
)

CATALOG: tuple[Indicator, ...] = tuple(kpi.catalog())
BY_ID = {indicator.id: indicator for indicator in CATALOG}

# --------------------------------------------------------------------------- reasons by kind

MET_REASONS = {
    Reason.MEETS_MINIMUM,
    Reason.ABOVE_FLOOR,
    Reason.WITHIN_MAXIMUM,
    Reason.BELOW_LIMIT,
    Reason.ALL_COMPLY,
    Reason.BELOW_BENCHMARK,
    Reason.IN_TOP_GROUP,
    Reason.TREND_HOLDS,
    Reason.TREND_AT_CEILING,
}
NOT_MET_REASONS = {
    Reason.BELOW_MINIMUM,
    Reason.NOT_ABOVE_FLOOR,
    Reason.ABOVE_MAXIMUM,
    Reason.NOT_BELOW_LIMIT,
    Reason.NOT_ALL_COMPLY,
    Reason.NOT_BELOW_BENCHMARK,
    Reason.OUTSIDE_TOP_GROUP,
    Reason.TREND_BROKEN,
}
INSUFFICIENT_REASONS = {
    Reason.MISSING_INPUT,
    Reason.ZERO_DENOMINATOR,
    Reason.NO_BENCHMARK,
    Reason.NO_PEERS,
    Reason.TOO_FEW_PERIODS,
    Reason.GAP_IN_PERIODS,
}
REASONS_BY_STATUS = {
    Status.MET: MET_REASONS,
    Status.NOT_MET: NOT_MET_REASONS,
    Status.INSUFFICIENT_DATA: INSUFFICIENT_REASONS,
    Status.NOT_ASSESSED: {Reason.MONITORED},
}
_INPUTS_MISSING = {Reason.MISSING_INPUT, Reason.ZERO_DENOMINATOR}
#: The reasons each threshold kind can give (besides missing input and zero denominator).
REASONS_BY_KIND: dict[type, set[Reason]] = {
    AtLeast: {Reason.MEETS_MINIMUM, Reason.BELOW_MINIMUM},
    Above: {Reason.ABOVE_FLOOR, Reason.NOT_ABOVE_FLOOR},
    AtMost: {Reason.WITHIN_MAXIMUM, Reason.ABOVE_MAXIMUM},
    Below: {Reason.BELOW_LIMIT, Reason.NOT_BELOW_LIMIT},
    All: {Reason.ALL_COMPLY, Reason.NOT_ALL_COMPLY},
    BelowBenchmark: {Reason.BELOW_BENCHMARK, Reason.NOT_BELOW_BENCHMARK, Reason.NO_BENCHMARK},
    TopAmongPeers: {Reason.IN_TOP_GROUP, Reason.OUTSIDE_TOP_GROUP, Reason.NO_PEERS},
    Trend: {
        Reason.TREND_HOLDS,
        Reason.TREND_AT_CEILING,
        Reason.TREND_BROKEN,
        Reason.TOO_FEW_PERIODS,
        Reason.GAP_IN_PERIODS,
    },
    Monitored: {Reason.MONITORED},
}

# --------------------------------------------------------------------------- cells

INT64_MAX = 2**63 - 1
#: Integers where floats, int64 or their products stop being exact.
EDGE_INTS = (
    0,
    1,
    47,
    50,
    99,
    100,
    2**53 - 1,
    2**53,
    2**53 + 1,
    10**17 - 1,
    10**17,
    2**62,
    INT64_MAX - 1,
    INT64_MAX,
    2**63 + 10,
    2**64 - 1,
    10**30 - 1,
    10**30,
    10**400,
)
EDGE_FLOATS = (
    math.nan,
    math.inf,
    -math.inf,
    -0.0,
    -1.0,
    5e-324,
    2.2250738585072014e-308,
    0.94,
    0.1,
    94.0,
    99.99,
    100.00000001,
    1e17,
    1e300,
    1.7976931348623157e308,
)
ODD_CELLS = (None, pd.NA, np.nan, "约1200", "1200", "", "NaN", True, False, np.int64(7))

small_counts = st.integers(min_value=0, max_value=10**6)
int64s = st.one_of(
    small_counts,
    st.sampled_from([c for c in EDGE_INTS if c <= INT64_MAX]),
    st.integers(min_value=-(2**63), max_value=INT64_MAX),
)
uint64s = st.one_of(small_counts, st.sampled_from([2**63, 2**63 + 10, 2**64 - 1]))
floats = st.one_of(
    st.sampled_from(EDGE_FLOATS),
    small_counts.map(float),
    st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True),
)
python_ints = st.one_of(
    small_counts, st.sampled_from(EDGE_INTS), st.integers(min_value=-(2**70), max_value=2**100)
)
objects: st.SearchStrategy[Any] = st.one_of(python_ints, floats, st.sampled_from(ODD_CELLS))

#: dtype name → (hypothesis.extra.pandas dtype, elements, conversion after drawing).
Conversion = Callable[[pd.Series], pd.Series] | None
DTYPES: dict[str, tuple[Any, st.SearchStrategy[Any], Conversion]] = {
    "int64": (np.int64, int64s, None),
    "uint64": (np.uint64, uint64s, None),
    "float64": (np.float64, floats, None),
    "bool": (bool, st.booleans(), None),
    "object": (object, objects, None),
    "Int64": (
        object,
        st.one_of(st.none(), int64s),
        lambda s: s.astype("Int64"),
    ),
    "Float64": (
        object,
        st.one_of(st.none(), floats.filter(lambda f: not math.isnan(f))),
        lambda s: s.astype("Float64"),
    ),
    "boolean": (object, st.one_of(st.none(), st.booleans()), lambda s: s.astype("boolean")),
    "category": (
        object,
        st.one_of(small_counts, st.sampled_from([0.5, 47, 50, 10**17 - 1, None])),
        lambda s: s.astype("category"),
    ),
    "string": (
        object,
        st.one_of(st.none(), st.sampled_from(["47", "50", "约1200", "1,200", " 3 "])),
        lambda s: s.astype("string"),
    ),
}
#: dtypes whose every value can be valid, drawn more often so that many frames get judged.
NUMERIC = ("int64", "uint64", "float64", "object", "Int64", "Float64", "category")

periods = st.one_of(
    st.integers(min_value=2010, max_value=2016),
    st.integers(min_value=2010, max_value=2016).map(str),
    st.integers(min_value=2010, max_value=2016).map(float),
    st.sampled_from(
        [math.nan, None, "2013Q1", "2013-05", "abc", "", 10**30, 1e20, -5, True, math.inf]
    ),
)
regions = st.one_of(
    st.sampled_from(["思明区", "湖里区", "", " ", "None", "nan", "\x00", "<b>&amp;</b>", "a,b"]),
    st.text(max_size=6),
)
unknown_columns: st.SearchStrategy[str | int] = st.sampled_from(
    ["备注", "note", "unit", 7, "region_code"]
)


def _part(cell: object, choice: int) -> object:
    """A part of ``cell`` (the whole): equal, one less, nothing or 94 %, in the same type."""
    if isinstance(cell, bool | np.bool_ | str) or cell is None or cell is pd.NA:
        return cell
    if isinstance(cell, int | np.integer):
        whole = int(cell)
        return (whole, max(whole - 1, 0), 0, whole * 47 // 50)[choice]
    if isinstance(cell, float | np.floating):
        number = float(cell)
        if not math.isfinite(number) or number < 0:
            return number
        return (number, number * 0.94, 0.0, float(np.nextafter(number, 0.0)))[choice]
    return cell


def _derived_part(whole: pd.Series, choices: Sequence[int]) -> pd.Series:
    """A numerator column derived from its denominator, in the denominator's dtype family."""
    cells = [_part(cell, choice) for cell, choice in zip(whole.tolist(), choices, strict=True)]
    dtype: Any = whole.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        dtype = "category"
    try:
        return pd.Series(cells, index=whole.index, dtype=dtype)
    except (TypeError, ValueError, OverflowError):
        return pd.Series(cells, index=whole.index, dtype=object)


#: Elements of the "clean" frames: numbers that are all valid, edge cases included.
CLEAN: dict[str, st.SearchStrategy[Any]] = {
    "int64": st.one_of(small_counts, st.sampled_from([c for c in EDGE_INTS if c <= INT64_MAX])),
    "uint64": uint64s,
    "float64": st.one_of(
        small_counts.map(float), st.sampled_from([0.94, 0.1, 94.0, 1e17, 5e-324, 1e300, math.nan])
    ),
    "object": st.one_of(
        small_counts, st.sampled_from([c for c in EDGE_INTS if c < 10**100] + [0.5, None])
    ),
    "Int64": st.one_of(st.none(), small_counts, st.sampled_from([2**53 + 1, 10**17 - 1])),
    "Float64": st.one_of(st.none(), small_counts.map(float), st.just(0.94)),
    "category": DTYPES["category"][1],
}


@st.composite
def _keys(draw: st.DrawFn, rows: int, clean: bool) -> dict[str, Any]:
    """Key columns: arbitrary ones, or every region × consecutive periods in shuffled order."""
    if not clean:
        return {}
    names = draw(st.lists(regions, min_size=1, max_size=2, unique=True), label="regions")
    with_region = draw(st.booleans(), label="region column")
    names = names if with_region else names[:1]
    count = -(-rows // len(names))  # periods per region
    first = draw(st.integers(2012, 2014), label="first period")
    form = draw(st.sampled_from([int, str, float]), label="period form")
    keys = [(r, form(first + n)) for r in names for n in range(count)][:rows]
    keys = draw(st.permutations(keys), label="row order")
    out: dict[str, Any] = {"period": [p for _, p in keys]}
    if with_region:
        out["region"] = [r for r, _ in keys]
    return out


@st.composite
def fuzz_cases(draw: st.DrawFn, *, max_rows: int = 8) -> tuple[tuple[str, ...], pd.DataFrame]:
    """Indicator ids and a frame of arbitrary dtypes for them.

    Two frames in three are *clean* (numeric dtypes, valid keys, every input present) so that
    many rows get judged; the others are anything at all.
    """
    chosen = draw(
        st.lists(st.sampled_from(CATALOG), min_size=1, max_size=6, unique_by=lambda i: i.id),
        label="indicators",
    )
    clean = draw(st.integers(0, 2), label="clean") > 0
    variables = list(dict.fromkeys(item.name for ind in chosen for item in ind.inputs))
    present = [v for v in variables if clean or draw(st.integers(0, 9), label=f"has {v}") > 0]
    direct = [ind.id for ind in chosen if draw(st.integers(0, 5), label=f"direct {ind.id}") == 0]
    numeric_only = clean or draw(st.booleans(), label="numeric dtypes only")
    kinds = st.sampled_from(NUMERIC if numeric_only else tuple(DTYPES))
    dtype_of = {name: draw(kinds, label=f"dtype of {name}") for name in present}
    for name in direct:
        dtype_of.setdefault(name, draw(kinds, label=f"dtype of {name}"))

    columns = []
    if not clean:
        columns.append(column("period", elements=periods, dtype=object, unique=draw(st.booleans())))
        region_mode = draw(st.sampled_from(["none", "one", "many"]), label="region")
        if region_mode == "one":
            region = draw(regions, label="the region")
            columns.append(column("region", elements=st.just(region), dtype=object))
        elif region_mode == "many":
            columns.append(column("region", elements=st.one_of(regions, st.none()), dtype=object))
    for name, kind in dtype_of.items():
        dtype, elements, _ = DTYPES[kind]
        columns.append(column(name, elements=CLEAN[kind] if clean else elements, dtype=dtype))
    for extra in draw(st.lists(unknown_columns, max_size=2, unique=True), label="unknown"):
        columns.append(column(extra, elements=objects, dtype=object))
    index: st.SearchStrategy[pd.Index]
    if clean:
        rows = draw(st.integers(1, max_rows), label="rows")
        index = range_indexes(min_size=rows, max_size=rows)
    elif draw(st.integers(0, 3), label="range index") > 0:
        index = range_indexes(min_size=0, max_size=max_rows)
    else:
        index = indexes(
            elements=st.one_of(st.integers(-3, 3), st.text(max_size=2)), max_size=max_rows
        )
    frame = draw(data_frames(columns, index=index), label="frame")
    for name, values in draw(_keys(len(frame), clean), label="keys").items():
        frame.insert(0, name, pd.Series(values, index=frame.index, dtype=object))
    for name, kind in dtype_of.items():
        convert = DTYPES[kind][2]
        if convert is not None:
            frame[name] = convert(frame[name])
    # a part of a whole is usually no more than its whole, so that the frame gets judged
    for indicator in chosen:
        formula = indicator.formula
        if (
            isinstance(formula, kpi.Ratio)
            and formula.part_of_whole
            and formula.numerator in frame.columns
            and formula.denominator in frame.columns
            and draw(st.integers(0, 4), label="consistent") > 0
        ):
            choices = draw(
                st.lists(st.integers(0, 3), min_size=len(frame), max_size=len(frame)),
                label=f"parts of {formula.denominator}",
            )
            frame[formula.numerator] = _derived_part(frame[formula.denominator], choices)
    return tuple(indicator.id for indicator in chosen), frame


# --------------------------------------------------------------------------- checks


def _evaluate(ids: Sequence[str], frame: pd.DataFrame, **references: Any) -> Evaluation | None:
    """Evaluate, returning ``None`` on a DataError; any other exception fails with the frame."""
    try:
        return kpi.evaluate([BY_ID[i] for i in ids], frame, **references)
    except DataError:
        return None
    except Exception as exc:  # the property: nothing but DataError escapes
        with pd.option_context("display.max_columns", None, "display.width", 200):
            shown = f"{frame!r}\ndtypes:\n{frame.dtypes}\nreferences: {references!r}"
        raise AssertionError(
            f"evaluate({list(ids)}) raised {type(exc).__name__}: {exc}\n{shown}"
        ) from exc


def _render(evaluation: Evaluation, lang: kpi.Language, frame: pd.DataFrame) -> pd.DataFrame:
    try:
        return evaluation.to_frame(lang)
    except Exception as exc:
        raise AssertionError(f"to_frame({lang!r}) raised {exc!r} for\n{frame!r}") from exc


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


_NOT_A_NUMBER = re.compile(r"\b(nan|NaN|None|inf|<NA>)\b")


def _check_rows(ids: Sequence[str], result: pd.DataFrame) -> None:
    """Statuses, reasons, bounds and explanations of every row."""
    for row in _records(result):
        indicator = BY_ID[str(row["indicator_id"])]
        status, reason = Status(row["status"]), Reason(row["reason"])
        assert reason in REASONS_BY_STATUS[status], (indicator.id, status, reason)
        allowed = REASONS_BY_KIND[type(indicator.threshold)] | _INPUTS_MISSING
        assert reason in allowed, (indicator.id, reason)
        value = float(row["value"])
        if status in (Status.MET, Status.NOT_MET) or reason is Reason.MONITORED:
            assert not math.isnan(value), row
        if not math.isnan(value):
            assert value >= 0, row  # counts, amounts and scores are never negative
            formula = indicator.formula
            if isinstance(formula, kpi.Ratio) and formula.part_of_whole:
                assert indicator.unit == "percent"
                assert value <= 100, row
        low, high = float(row["ci_low"]), float(row["ci_high"])
        assert math.isnan(low) == math.isnan(high), row
        if not math.isnan(low):
            assert 0 <= low <= value <= high <= 100, row
        text = str(row["explanation"])
        assert text.strip(), row
        assert not _NOT_A_NUMBER.search(text), text


def _labelled(frame: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """The frame with periods as the engine labels them (years as ints), and whether annual."""
    ordinal, freq = parse_periods(frame["period"].reset_index(drop=True), _Problems())
    assert freq is not None or len(frame) == 0
    annual = freq is None or freq.startswith(("Y", "A"))
    labels = (
        [
            pd.Period(ordinal=int(o), freq=freq).year
            if annual
            else str(pd.Period(ordinal=int(o), freq=freq))
            for o in ordinal
        ]
        if freq is not None
        else []
    )
    labelled = frame.reset_index(drop=True).assign(period=pd.Series(labels, dtype=object))
    return labelled, annual


def _check_against_reference(
    ids: Sequence[str], frame: pd.DataFrame, result: pd.DataFrame, **references: Any
) -> None:
    """Each verdict and value is the exact one computed with fractions from the raw cells."""
    labelled, annual = _labelled(frame)
    chosen = [BY_ID[i] for i in ids if annual or not isinstance(BY_ID[i].threshold, Trend)]
    if not chosen or labelled.empty:
        return
    expected = expected_statuses(chosen, labelled, **references)
    want = {
        (r.indicator_id, r.region, r.period): r.status for r in expected.itertuples(index=False)
    }
    judged = {indicator.id for indicator in chosen}
    got = {
        (str(r["indicator_id"]), r["region"], r["period"]): str(r["status"])
        for r in _records(result)
        if str(r["indicator_id"]) in judged
    }
    assert got == want
    region = labelled["region"] if "region" in labelled else pd.Series([None] * len(labelled))
    values = {
        (str(r["indicator_id"]), r["region"], r["period"]): float(r["value"])
        for r in _records(result)
    }
    for indicator in chosen:
        for position, record in enumerate(_records(labelled)):
            exact = exact_value(indicator, record)
            key = (indicator.id, region.iloc[position], record["period"])
            if exact is None:
                continue
            try:
                wanted = float(exact)
            except OverflowError:
                wanted = math.inf
            got_value = values[key]
            assert got_value == pytest.approx(wanted, rel=1e-12, abs=1e-300), (key, exact)


# --------------------------------------------------------------------------- the property


def _frame(**columns: Any) -> pd.DataFrame:
    return pd.DataFrame({"period": [2013], **columns})


EXPORT = ("export_inspection_pass_rate",)
PORTS = ("port_who_core_capacity_rate",)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fuzz_cases(), st.data())
@example(
    (EXPORT, _frame(export_inspected_batches=[10**17], export_passed_batches=[10**17 - 1])),
    st.data(),
)
@example(
    (
        EXPORT,
        _frame(
            export_inspected_batches=pd.Series([10**17], dtype=object),
            export_passed_batches=pd.Series([10**17 - 1], dtype=object),
        ),
    ),
    st.data(),
)
@example((PORTS, _frame(class1_ports=[10**30], class1_ports_certified=[10**30 - 1])), st.data())
@example(
    (
        ("national_sampling_pass_rate",),
        _frame(national_sampled_batches=[50], national_passed_batches=[47]),
    ),
    st.data(),
)
@example(
    (
        PORTS,
        _frame(
            class1_ports=np.array([2**63 + 10], dtype=np.uint64),
            class1_ports_certified=np.array([2**63 + 9], dtype=np.uint64),
        ),
    ),
    st.data(),
)
def test_evaluate_never_fails_otherwise_and_agrees_with_the_exact_reference(
    case: tuple[tuple[str, ...], pd.DataFrame], data: st.DataObject
) -> None:
    ids, frame = case
    before = frame.copy(deep=True)
    evaluation = _evaluate(ids, frame)
    event("evaluated" if evaluation is not None else "DataError")
    if evaluation is not None:
        statuses = set(evaluation.to_frame("en")["status"].astype(str))
        event("some met or not_met" if statuses & {"met", "not_met"} else "none judged")
    if evaluation is not None:
        for lang in ("en", "zh"):
            result = _render(evaluation, lang, frame)
            assert len(result) == len(ids) * len(result.drop_duplicates(["region", "period"]))
            _check_rows(ids, result)
        _check_against_reference(ids, frame, result)
        needs_tables = any(
            isinstance(BY_ID[i].threshold, BelowBenchmark | TopAmongPeers) for i in ids
        )
        labelled, _ = _labelled(frame)
        if needs_tables and len(frame):
            tables = data.draw(reference_tables([BY_ID[i] for i in ids], labelled), "tables")
            judged = _evaluate(ids, frame, **tables)
            assert judged is not None  # the tables are valid
            result = _render(judged, "en", frame)
            _check_rows(ids, result)
            _check_against_reference(ids, frame, result, **tables)
    pd.testing.assert_frame_equal(frame, before)  # never mutated


# --------------------------------------------------------------------------- pinned by hand


@pytest.mark.parametrize(
    ("indicator_id", "whole", "part", "dtype", "status"),
    [
        ("export_inspection_pass_rate", 10**17, 10**17 - 1, "int64", "met"),  # ≥ 99 %
        ("export_inspection_pass_rate", 10**17, 10**17 - 1, "object", "met"),
        ("export_inspection_pass_rate", 10**17, 10**17 - 1, "Int64", "met"),
        ("port_who_core_capacity_rate", 10**30, 10**30 - 1, "object", "not_met"),  # 100 %
        ("port_who_core_capacity_rate", 10**17, 10**17 - 1, "object", "not_met"),
        ("port_who_core_capacity_rate", 10**17, 10**17 - 1, "Int64", "not_met"),
        ("port_who_core_capacity_rate", 2**63 + 10, 2**63 + 9, "uint64", "not_met"),
        ("port_who_core_capacity_rate", 2**63 + 10, 2**63 + 10, "uint64", "met"),
        ("national_sampling_pass_rate", 50, 47, "float64", "met"),  # ≥ 94 %
        ("national_sampling_pass_rate", 50, 46, "category", "not_met"),
    ],
)
def test_catalog_boundaries_in_every_dtype(
    indicator_id: str, whole: int, part: int, dtype: str, status: str
) -> None:
    """The issue's cases, with an empty second row where the dtype allows one."""
    indicator = BY_ID[indicator_id]
    formula = indicator.formula
    assert isinstance(formula, kpi.Ratio)
    empty = dtype in ("object", "Int64")
    cells = 2 if empty else 1

    def build(value: int) -> Any:
        values: list[Any] = [value, None][:cells]
        return pd.array(values, dtype=dtype) if dtype != "category" else pd.Categorical(values)

    data = pd.DataFrame(
        {
            "period": [2013, 2014][:cells],
            formula.denominator: build(whole),
            formula.numerator: build(part),
        }
    )
    result = kpi.evaluate(indicator, data).to_frame()
    assert result["status"].tolist() == [status, "insufficient_data"][:cells]
    assert result["status"].tolist() == expected_statuses(indicator, data)["status"].tolist()


def test_every_reason_is_expected_under_one_status() -> None:
    """A new reason code must be placed here too, or the fuzzing above would reject it."""
    placed = [reason for reasons in REASONS_BY_STATUS.values() for reason in reasons]
    assert sorted(placed) == sorted(Reason)
