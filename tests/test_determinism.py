"""Byte-identical output: across runs, the row order of the inputs, and Python hash seeds."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable

import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi.reports import evaluation_report, threshold_report

#: Every rendering of the sample evaluation that must not depend on anything but the data.
RENDERINGS: dict[str, Callable[[kpi.Evaluation], str | bytes]] = {
    "json zh": lambda result: result.to_json(),
    "json en": lambda result: result.to_json("en"),
    "html report": lambda result: evaluation_report(result, format="html"),
    "md report": lambda result: evaluation_report(result, format="md", lang="en"),
    "xlsx report": lambda result: evaluation_report(result, format="xlsx"),
}


def _digest(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


def _shuffled(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def _sample_result(seed: int | None = None) -> kpi.Evaluation:
    sample = kpi.sample_data()
    data, benchmarks, peers = sample["data"], sample["benchmarks"], sample["peers"]
    if seed is not None:
        data, benchmarks, peers = (_shuffled(f, seed) for f in (data, benchmarks, peers))
    return kpi.evaluate(
        kpi.catalog(),
        data,
        benchmarks=benchmarks,
        peers=peers,
        units=sample["units"],
        as_of="2015-12-31",
    )


@pytest.fixture(scope="module")
def reference() -> kpi.Evaluation:
    return _sample_result()


@pytest.mark.parametrize("name", sorted(RENDERINGS))
def test_row_order_of_every_input_changes_no_byte(reference: kpi.Evaluation, name: str) -> None:
    """Shuffling data, benchmarks and peers gives the same bytes, for each rendering."""
    render = RENDERINGS[name]
    assert _digest(render(_sample_result(seed=7))) == _digest(render(reference))


def test_rendering_twice_gives_the_same_bytes(reference: kpi.Evaluation) -> None:
    """Two renderings of one result, and of a second evaluation, agree."""
    again = _sample_result()
    for render in RENDERINGS.values():
        assert _digest(render(reference)) == _digest(render(again))


_SCRIPT = """
import hashlib, xmqc_kpi as kpi
from xmqc_kpi.reports import evaluation_report, threshold_report
result = kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")
for content in (
    result.to_json(),
    evaluation_report(result, format="html"),
    evaluation_report(result, format="xlsx"),
    threshold_report(format="html"),
    threshold_report(format="xlsx"),
    threshold_report(format="json", lang="en"),
):
    data = content.encode("utf-8") if isinstance(content, str) else content
    print(hashlib.sha256(data).hexdigest())
"""


def test_hash_seeds_change_no_byte() -> None:
    """Two interpreters with different ``PYTHONHASHSEED`` print the same digests."""
    digests = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=env, check=True
        )
        digests.append(run.stdout.split())
    assert len(digests[0]) == 6
    assert digests[0] == digests[1]


def test_threshold_report_depends_on_the_catalog_only() -> None:
    """The threshold report of the built-in catalog is the same in every format, twice."""
    for fmt in ("md", "html", "xlsx", "csv", "json"):
        assert _digest(threshold_report(format=fmt)) == _digest(threshold_report(format=fmt))
