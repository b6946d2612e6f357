"""Time ``evaluate(...).to_frame()`` against hand-written pandas building the same frame.

Both sides compute, for the three supervision-sampling indicators over N (region, period)
rows: the pass rate, an exact verdict, and an explanation string per row. The ratio of the
two times, measured in the same run, is what matters (target: at most 2x).

    .venv/bin/python benchmarks/bench_evaluate.py --rows 100000
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

import xmqc_kpi as kpi

LEVELS = {"national": 94, "provincial": 94, "municipal": 96}


def workload(rows: int, seed: int = 20131231) -> pd.DataFrame:
    """N (region, period) rows with sampled and passed batches at the three levels."""
    rng = np.random.default_rng(seed)
    regions = rows // 40 + 1
    frame = pd.DataFrame(
        {
            "region": np.repeat([f"区{i:05d}" for i in range(regions)], 40)[:rows],
            "period": np.tile(
                [f"{y}-{m:02d}" for y in range(2013, 2017) for m in range(1, 11)], regions
            )[:rows],
        }
    )
    for level in LEVELS:
        sampled = rng.integers(20, 2000, rows)
        frame[f"{level}_sampled_batches"] = sampled
        frame[f"{level}_passed_batches"] = rng.binomial(sampled, 0.955)
    return frame


def hand_written(data: pd.DataFrame) -> pd.DataFrame:
    """What an analyst would write: per level, the rate, an exact verdict, a sentence."""
    parts = []
    for level, target in LEVELS.items():
        passed = data[f"{level}_passed_batches"]
        sampled = data[f"{level}_sampled_batches"]
        value = passed / sampled * 100
        met = passed * 100 >= target * sampled  # exact in integers
        status = np.where(met, "met", "not_met")
        text = (
            f"{level} = "
            + passed.astype(str)
            + " ÷ "
            + sampled.astype(str)
            + " = "
            + value.map("{:.2f}".format)
            + "%,目标 "
            + str(target)
            + "%,"
            + pd.Series(np.where(met, "达标", "未达标"), index=data.index)
        )
        parts.append(
            pd.DataFrame(
                {
                    "indicator_id": level,
                    "region": data["region"],
                    "period": data["period"],
                    "value": value,
                    "status": status,
                    "explanation": text,
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = workload(args.rows)
    indicators = [kpi.catalog()[f"{level}_sampling_pass_rate"] for level in LEVELS]
    ours = best_of(lambda: kpi.evaluate(indicators, data).to_frame(), args.repeat)
    baseline = best_of(lambda: hand_written(data), args.repeat)
    print(f"rows: {args.rows:,} (x {len(LEVELS)} indicators)")
    print(f"hand-written pandas: {baseline:.3f} s")
    print(f"evaluate().to_frame(): {ours:.3f} s")
    print(f"ratio: {ours / baseline:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
