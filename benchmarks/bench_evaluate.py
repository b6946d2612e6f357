"""Time ``evaluate(...).to_frame()`` against hand-written pandas building the same frame.

Both sides build, for the three supervision-sampling indicators over N (region, period) rows,
the same frame: the pass rate, the exact verdict, the margin, the Wilson interval and whether
it is conclusive, and the same explanation sentence per row (the script checks that the
sentences agree). The ratio of the
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

#: Level -> (target in percent, Chinese title, the plan's wording).
LEVELS = {
    "national": (94, "产品质量国家级监督抽查合格率", "产品质量国家、省级监督抽查合格率达94%以上"),
    "provincial": (94, "产品质量省级监督抽查合格率", "产品质量国家、省级监督抽查合格率达94%以上"),
    "municipal": (96, "产品质量市级监督抽查合格率", "市级监督抽查合格率达96%以上"),
}
Z_95 = 1.959963984540054


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


def _percent(values: pd.Series) -> pd.Series:
    return values.map("{:.2f}%".format)


def hand_written(data: pd.DataFrame) -> pd.DataFrame:
    """What an analyst would write for the same frame and the same sentences.

    Per level: the rate, the exact verdict (in integers), the margin, the Wilson interval and
    whether it is conclusive, and the explanation sentence that ``evaluate`` writes.
    """
    parts = []
    for level, (target, title, quote) in LEVELS.items():
        passed = data[f"{level}_passed_batches"]
        sampled = data[f"{level}_sampled_batches"]
        value = passed / sampled * 100
        met = passed * 100 >= target * sampled  # exact in integers
        exactly = passed * 100 == target * sampled
        p = passed / sampled
        z2 = Z_95 * Z_95
        centre = (p + z2 / (2 * sampled)) / (1 + z2 / sampled)
        half = Z_95 / (1 + z2 / sampled) * np.sqrt(p * (1 - p) / sampled + z2 / (4 * sampled**2))
        low, high = (centre - half) * 100, (centre + half) * 100
        conclusive = (low >= target) | (high < target)
        ref = f"（分解表 5.1.2「{quote}」）"
        verdict = pd.Series(
            np.where(
                exactly,
                f"，恰好达到目标 {target}%（“以上”含本数；分解表 5.1.2「{quote}」），达标。",
                np.where(
                    met, f"，不低于目标 {target}%{ref}，达标。", f"，低于目标 {target}%{ref}，未达标。"
                ),
            ),
            index=data.index,
        )
        robust = pd.Series(
            np.where(conclusive, "，结论稳健。", "，区间跨越目标，结论不稳健。"), index=data.index
        )
        text = (
            f"{title} = "
            + passed.astype(str)
            + " ÷ "
            + sampled.astype(str)
            + " = "
            + _percent(value)
            + verdict
            + "95% 置信区间（Wilson）"
            + _percent(low)
            + "–"
            + _percent(high)
            + robust
        )
        parts.append(
            pd.DataFrame(
                {
                    "indicator_id": f"{level}_sampling_pass_rate",
                    "region": data["region"],
                    "period": data["period"],
                    "value": value,
                    "threshold": float(target),
                    "status": np.where(met, "met", "not_met"),
                    "reason": np.where(met, "meets_minimum", "below_minimum"),
                    "explanation": text,
                    "numerator": passed,
                    "denominator": sampled,
                    "margin": value - target,
                    "ci_low": low,
                    "ci_high": high,
                    "conclusive": conclusive,
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def same_sentences(ours: pd.DataFrame, theirs: pd.DataFrame) -> float:
    """The share of rows whose explanation is identical on both sides (after sorting)."""
    keys = ["indicator_id", "region", "period"]
    left = ours.astype({"indicator_id": str}).sort_values(keys, ignore_index=True)
    right = theirs.sort_values(keys, ignore_index=True)
    return float((left["explanation"] == right["explanation"]).mean())


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
    agreement = same_sentences(kpi.evaluate(indicators, data).to_frame(), hand_written(data))
    print(f"rows: {args.rows:,} (x {len(LEVELS)} indicators)")
    print(f"identical explanations: {agreement:.2%} (the rest show more decimals near a target)")
    print(f"hand-written pandas: {baseline:.3f} s")
    print(f"evaluate().to_frame(): {ours:.3f} s")
    print(f"ratio: {ours / baseline:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
