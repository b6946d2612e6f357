"""A service's call: the full catalog on one (region, period), against pandera on the same row.

One side is what a web endpoint serving one district-year does: ``evaluate`` of the full
catalog on one row of the bundled sample, with its benchmarks, peers and units, then
``to_json()``, through a :func:`xmqc_kpi.prepare` context built once at start-up (the
benchmark and peer tables checked once, as a service would). The other is what a service
engineer would reach for instead: pandera validating the same one-row frame lazily, one
check per column, failure cases to JSON. Both run warm, interleaved in the same process; the
ratio of their medians is the figure (target of issue 14: at most 0.5).

    .venv/bin/python benchmarks/bench_service.py --calls 200

Needs the ``bench`` extra (pandera). Exit status 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

import xmqc_kpi as kpi

TARGET = 0.5
REGION, PERIOD = "厦门市", 2014


def one_row_request() -> dict[str, object]:
    """The keyword arguments of ``evaluate`` for one (region, period) of the sample."""
    sample = kpi.sample_data()
    data = sample["data"]
    row = data[(data["region"] == REGION) & (data["period"] == PERIOD)].reset_index(drop=True)
    return {
        "data": row,
        "benchmarks": sample["benchmarks"],
        "peers": sample["peers"],
        "units": sample["units"],
    }


def pandera_schema(frame: pd.DataFrame) -> pa.DataFrameSchema:
    """One check per column: keys are text, every measured column non-negative."""
    columns: dict[str, pa.Column] = {}
    for name in frame.columns:
        if name in ("region",):
            columns[name] = pa.Column(str, pa.Check.str_length(min_value=1))
        else:
            columns[name] = pa.Column(nullable=True, checks=pa.Check.ge(0))
    return pa.DataFrameSchema(columns)


def time_calls(call: Callable[[], object], calls: int) -> list[float]:
    """The wall time of each of ``calls`` calls, in seconds."""
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()

    catalog = kpi.catalog()
    request = one_row_request()
    row = request["data"]
    assert isinstance(row, pd.DataFrame)
    schema = pandera_schema(row)

    context = kpi.prepare(
        catalog,
        benchmarks=request["benchmarks"],  # type: ignore[arg-type]
        peers=request["peers"],  # type: ignore[arg-type]
        units=request["units"],  # type: ignore[arg-type]
    )

    def service() -> str:
        return context.evaluate(row, as_of="2015-12-31").to_json()

    def unprepared() -> str:
        return kpi.evaluate(catalog, as_of="2015-12-31", **request).to_json()  # type: ignore[arg-type]

    def peer() -> str:
        try:
            schema.validate(row, lazy=True)
        except SchemaErrors as errors:
            return str(errors.failure_cases.to_json())
        return "{}"

    for warm in (service, unprepared, peer):  # first calls import and build caches: not measured
        warm()
    ours: list[float] = []
    theirs: list[float] = []
    plain: list[float] = []
    for _ in range(max(args.calls // 10, 1)):  # interleaved, so drift hits both sides
        ours += time_calls(service, 10)
        theirs += time_calls(peer, 10)
        plain += time_calls(unprepared, 2)
    mine, peers = statistics.median(ours), statistics.median(theirs)
    ratio = mine / peers
    print(f"evaluate + to_json, full catalog, one row: median {mine * 1000:.2f} ms")
    print(f"  (without prepare(): median {statistics.median(plain) * 1000:.2f} ms)")
    print(f"pandera lazy validation, one row:           median {peers * 1000:.2f} ms")
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"ratio {ratio:.2f} (target <= {TARGET}): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
