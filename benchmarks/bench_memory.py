"""Peak memory of ``to_frame()`` against the memory of the frame it returns.

One million assessments (the three supervision-sampling indicators of
``bench_evaluate.py`` over 333,334 rows) are evaluated first, untraced; then the first
``to_frame()`` (which renders the explanations) runs under :mod:`tracemalloc`. Its peak,
plus what pyarrow's memory pool allocated at most meanwhile (pyarrow's buffers are invisible
to tracemalloc), is compared with ``frame.memory_usage(deep=True).sum()``. Target of issue 14:
a peak of at most 2x the returned frame.

    .venv/bin/python benchmarks/bench_memory.py --assessments 1000000

Exit status 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import gc
import tracemalloc

from bench_evaluate import LEVELS, workload

import xmqc_kpi as kpi

TARGET = 2.0


def arrow_pool_peak() -> int:
    """The most bytes pyarrow's default pool has held (0 without pyarrow)."""
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pandas without pyarrow
        return 0
    return int(pa.default_memory_pool().max_memory() or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assessments", type=int, default=1_000_000)
    args = parser.parse_args()
    indicators = [kpi.catalog()[f"{level}_sampling_pass_rate"] for level in LEVELS]
    rows = -(-args.assessments // len(indicators))
    result = kpi.evaluate(indicators, workload(rows))
    gc.collect()
    arrow_before = arrow_pool_peak()
    tracemalloc.start()
    frame = result.to_frame()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    arrow = max(arrow_pool_peak() - arrow_before, 0)
    size = int(frame.memory_usage(deep=True).sum())
    ratio = (peak + arrow) / size
    print(f"assessments: {len(frame):,}")
    print(f"frame returned (memory_usage deep): {size / 2**20:8.1f} MiB")
    print(f"peak during to_frame (tracemalloc): {peak / 2**20:8.1f} MiB")
    print(f"  + pyarrow pool growth:            {arrow / 2**20:8.1f} MiB")
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"ratio {ratio:.2f} (target <= {TARGET}): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
