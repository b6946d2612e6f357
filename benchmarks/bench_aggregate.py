"""Time ``aggregate_inspections`` + ``evaluate`` against hand-written pandas and numpy.

The workload is ../shared/bench/gen_sampling_records.py: one row per sampled batch, 6 districts
x 8 quarters x 3 sampling levels, categorical keys. Measured in the same run, best of N:

* hand-written pandas: ``groupby`` on the categorical keys (``observed=True``), ``size`` and
  ``sum`` of ``passed``, unstacked to one row per (region, period): the baseline;
* hand-written numpy: one group code from the categorical codes and ``np.bincount``: the limit;
* ours: ``aggregate_inspections`` followed by ``evaluate`` on the three sampling indicators.

Targets: ours <= 0.5 x pandas, ours <= 2 x numpy, peak memory (tracemalloc) <= pandas; the
counts must equal the hand-written ones exactly (checked).

    .venv/bin/python benchmarks/bench_aggregate.py                 # 1M rows
    .venv/bin/python benchmarks/bench_aggregate.py --rows 10000000
"""

from __future__ import annotations

import argparse
import importlib.util
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import numpy as np
import pandas as pd

import xmqc_kpi as kpi
from xmqc_kpi.aggregate import aggregate_inspections

LEVELS = ("national", "provincial", "municipal")
INDICATORS = tuple(f"{level}_sampling_pass_rate" for level in LEVELS)
GENERATOR = Path(__file__).parents[1] / ".." / "shared" / "bench" / "gen_sampling_records.py"


def generator() -> ModuleType:
    """The shared workload generator, imported from its path."""
    spec = importlib.util.spec_from_file_location("gen_sampling_records", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hand_pandas(records: pd.DataFrame) -> pd.DataFrame:
    """The analyst's code: group on the categorical keys, count and sum, one row per group."""
    counts = records.groupby(["region", "period", "programme"], observed=True)["passed"].agg(
        ["size", "sum"]
    )
    # The analyst's idiom: pivot_table would group the records a second time.
    return cast(pd.DataFrame, counts.unstack("programme"))  # noqa: PD010


def hand_numpy(records: pd.DataFrame) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The limit: one integer group code per record, counted by ``np.bincount``."""
    keys = [records[c].cat for c in ("region", "period", "programme")]
    sizes = [len(key.categories) for key in keys]
    code = keys[0].codes.to_numpy().astype(np.intp)
    for key, size in zip(keys[1:], sizes[1:], strict=True):
        code = code * size + key.codes.to_numpy()
    cells = int(np.prod(sizes))
    sampled = np.bincount(code, minlength=cells)
    passed = np.bincount(code[records["passed"].to_numpy()], minlength=cells)
    return sampled.reshape(sizes), passed.reshape(sizes)


def ours(records: pd.DataFrame, indicators: list[kpi.Indicator]) -> pd.DataFrame:
    """``aggregate_inspections`` then ``evaluate`` on the three sampling indicators."""
    data = aggregate_inspections(records)
    kpi.evaluate(indicators, data)
    return data


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(run: Callable[[], object]) -> int:
    """Peak bytes allocated (tracemalloc traces numpy and pandas buffers) during ``run``."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def check_counts(records: pd.DataFrame, data: pd.DataFrame) -> None:
    """Our counts must equal the hand-written pandas ones exactly."""
    hand = hand_pandas(records)
    for level in LEVELS:
        for measure, name in (("size", "sampled"), ("sum", "passed")):
            expected = hand[(measure, level)].astype("int64")
            expected.index = pd.MultiIndex.from_arrays(
                [expected.index.get_level_values(i).astype(str) for i in (0, 1)]
            )
            got = data.set_index(["region", "period"])[f"{level}_{name}_batches"]
            got.index = pd.MultiIndex.from_arrays(
                [got.index.get_level_values(i).astype(str) for i in (0, 1)]
            )
            pd.testing.assert_series_equal(
                got.sort_index(), expected.sort_index(), check_names=False
            )
    sampled, passed = hand_numpy(records)
    assert int(sampled.sum()) == len(records)
    assert int(passed.sum()) == int(records["passed"].sum())


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def main() -> None:
    """Run the benchmark and print times, ratios and PASS/FAIL against the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    records = generator().generate(args.rows)
    catalog = kpi.catalog()
    indicators = [catalog[i] for i in INDICATORS]
    check_counts(records, ours(records, indicators))

    times = {
        "hand-written pandas": best_of(args.repeat, lambda: hand_pandas(records)),
        "hand-written numpy (limit)": best_of(args.repeat, lambda: hand_numpy(records)),
        "aggregate_inspections + evaluate": best_of(args.repeat, lambda: ours(records, indicators)),
        "aggregate_inspections alone": best_of(args.repeat, lambda: aggregate_inspections(records)),
    }
    memory = {
        "hand-written pandas": peak_memory(lambda: hand_pandas(records)),
        "hand-written numpy (limit)": peak_memory(lambda: hand_numpy(records)),
        "aggregate_inspections + evaluate": peak_memory(lambda: ours(records, indicators)),
    }
    print(f"{args.rows:,} records, best of {args.repeat}; counts equal the hand-written ones")
    for name, seconds in times.items():
        peak = memory.get(name)
        mib = f"{peak / 2**20:8.1f} MiB peak" if peak is not None else ""
        print(f"  {name:34s} {seconds * 1000:9.1f} ms  {mib}")
    pandas_time = times["hand-written pandas"]
    numpy_time = times["hand-written numpy (limit)"]
    ours_time = times["aggregate_inspections + evaluate"]
    ours_memory = memory["aggregate_inspections + evaluate"]
    pandas_memory = memory["hand-written pandas"]
    print(
        f"ours / pandas  = {ours_time / pandas_time:5.2f}  (target <= 0.5)  "
        f"{verdict(ours_time <= 0.5 * pandas_time)}"
    )
    print(
        f"ours / numpy   = {ours_time / numpy_time:5.2f}  (target <= 2)    "
        f"{verdict(ours_time <= 2 * numpy_time)}"
    )
    print(
        f"memory ours / pandas = {ours_memory / pandas_memory:5.2f}  (target <= 1)  "
        f"{verdict(ours_memory <= pandas_memory)}"
    )


if __name__ == "__main__":
    main()
