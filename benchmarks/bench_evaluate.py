"""Time ``evaluate(...).to_frame()`` against hand-written pandas building the same frame.

Both sides build, for the three supervision-sampling indicators over N (region, period) rows,
the same frame: the pass rate, the exact verdict, the margin, the Wilson interval and whether
it is conclusive, and the same explanation sentence per row (the script checks that the
sentences agree). The ratio of the
two times, measured in the same run, is what matters (target of issue 14: at most 1.2x).

The full-catalog variant (``--catalog-rows``) evaluates every indicator of the catalog over
N rows (the sample's rows repeated under new region names, with its benchmarks, peers and
units) against hand-written pandas for a representative mix of kinds, one per indicator: a
ratio compared with a minimum (``at_least``, ``all`` and, as a stand-in, ``top_among_peers``),
a ratio below its national benchmark, a trend over the periods of each region, a monitored
value. The hand-written side builds the same columns with one sentence per row; it is a cost
baseline (its numbers are not the catalog's verdicts). Same target.

    .venv/bin/python benchmarks/bench_evaluate.py --rows 100000 --catalog-rows 100000
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
TARGET = 1.2


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
                    met,
                    f"，不低于目标 {target}%{ref}，达标。",
                    f"，低于目标 {target}%{ref}，未达标。",
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
            + " 批次 ÷ "
            + sampled.astype(str)
            + " 批次 = "
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


def catalog_workload(rows: int) -> dict[str, object]:
    """The sample's rows repeated under new region names up to ``rows``, with its tables."""
    sample = kpi.sample_data()
    data = sample["data"]
    copies = -(-rows // len(data))
    frame = pd.concat([data] * copies, ignore_index=True).iloc[:rows]
    copy = np.repeat(np.arange(copies), len(data))[:rows]
    frame["region"] = frame["region"].astype(str) + "#" + pd.Series(copy).astype(str)
    return {"data": frame, **{k: sample[k] for k in ("benchmarks", "peers", "units")}}


def hand_written_catalog(data: pd.DataFrame, benchmarks: pd.DataFrame) -> pd.DataFrame:
    """The same frame's columns for every indicator, hand-written by its kind (see above)."""
    parts = []
    periods = data["period"]
    order = data.sort_values(["region", "period"]).index
    for indicator in kpi.catalog():
        formula = indicator.formula
        first = data[formula.numerator or formula.inputs[0]].astype(float)
        second = data[formula.denominator].astype(float) if formula.denominator else None
        value = first if second is None else first / second * 100
        kind = indicator.threshold.kind
        threshold = pd.Series(94.0, index=data.index)
        if kind == "below_benchmark":
            mine = benchmarks[benchmarks["indicator_id"] == indicator.id]
            threshold = periods.map(dict(zip(mine["period"], mine["value"], strict=True)))
            met = value < threshold
        elif kind == "trend":
            ordered = value.loc[order]
            previous = ordered.groupby(data["region"].loc[order]).shift(1)
            threshold = previous.reindex(data.index)
            met = value > threshold
        else:
            met = value >= threshold
        status = np.where(met, "met", "not_met")
        if kind == "monitored":
            status = np.full(len(data), "not_assessed")
        words = pd.Series(np.where(met, "，达到目标，达标。", "，未达到目标，未达标。"), data.index)
        given = (
            first.astype(str) if second is None else first.astype(str) + " ÷ " + second.astype(str)
        )
        text = f"{indicator.title_zh} = " + given + " = " + _percent(value) + words
        parts.append(
            pd.DataFrame(
                {
                    "indicator_id": indicator.id,
                    "region": data["region"],
                    "period": periods,
                    "value": value,
                    "threshold": threshold,
                    "status": status,
                    "explanation": text,
                    "numerator": first,
                    "denominator": second,
                    "margin": value - threshold,
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def verdict(ratio: float) -> str:
    return f"ratio: {ratio:.2f}x (target <= {TARGET}x): {'PASS' if ratio <= TARGET else 'FAIL'}"


def same_sentences(ours: pd.DataFrame, theirs: pd.DataFrame) -> float:
    """The share of rows whose explanation is identical on both sides (after sorting)."""
    keys = ["indicator_id", "region", "period"]
    left = ours.astype({"indicator_id": str}).sort_values(keys, ignore_index=True)
    right = theirs.sort_values(keys, ignore_index=True)
    return float((left["explanation"] == right["explanation"]).mean())


def best_of(
    ours: Callable[[], object], theirs: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """The best time of each side over ``repeat`` rounds, the sides alternating within a round.

    Alternating keeps both sides under the same load when the machine's speed drifts.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for side, fn in enumerate((ours, theirs)):
            start = time.perf_counter()
            fn()
            times[side].append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--catalog-rows", type=int, default=0, help="full catalog (0: skip)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = workload(args.rows)
    indicators = [kpi.catalog()[f"{level}_sampling_pass_rate"] for level in LEVELS]
    ours, baseline = best_of(
        lambda: kpi.evaluate(indicators, data).to_frame(), lambda: hand_written(data), args.repeat
    )
    agreement = same_sentences(kpi.evaluate(indicators, data).to_frame(), hand_written(data))
    print(f"rows: {args.rows:,} (x {len(LEVELS)} indicators)")
    print(f"identical explanations: {agreement:.2%} (the rest show more decimals near a target)")
    print(f"hand-written pandas: {baseline:.3f} s")
    print(f"evaluate().to_frame(): {ours:.3f} s")
    print(verdict(ours / baseline))
    ratios = [ours / baseline]
    if args.catalog_rows:
        request = catalog_workload(args.catalog_rows)
        frame, tables = request.pop("data"), request
        assert isinstance(frame, pd.DataFrame)
        full, hand = best_of(
            lambda: kpi.evaluate(kpi.catalog(), frame, **tables).to_frame(),  # type: ignore[arg-type]
            lambda: hand_written_catalog(frame, tables["benchmarks"]),  # type: ignore[arg-type]
            args.repeat,
        )
        print(f"full catalog: {args.catalog_rows:,} rows x {len(kpi.catalog())} indicators")
        print(f"hand-written pandas (mix of kinds): {hand:.3f} s")
        print(f"evaluate().to_frame(): {full:.3f} s")
        print(verdict(full / hand))
        ratios.append(full / hand)
    return 0 if all(ratio <= TARGET for ratio in ratios) else 1


if __name__ == "__main__":
    raise SystemExit(main())
