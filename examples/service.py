"""A service's use of xmqc_kpi: build the data, call evaluate, emit the JSON result.

.venv/bin/python examples/service.py

A web handler receives records (one per region and period), builds a frame, evaluates the
indicators it serves and answers with the result's JSON. Data that cannot be evaluated
(a negative count, more batches passed than sampled, an unreadable period …) raises one
:class:`xmqc_kpi.DataError` listing every problem with its column and row: the handler turns it
into a 422 answer instead of a server error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import pandas as pd

import xmqc_kpi as kpi

LEVELS = ("national", "provincial", "municipal")


def assess_sampling(data: pd.DataFrame, as_of: str) -> str:
    """Evaluate the three supervision-sampling indicators and return the JSON result."""
    catalog = kpi.catalog()
    sampling = [catalog[f"{level}_sampling_pass_rate"] for level in LEVELS]
    return kpi.evaluate(sampling, data, as_of=as_of).to_json(indent=1)


def respond(records: Sequence[Mapping[str, object]], as_of: str) -> tuple[int, str]:
    """What an HTTP handler returns: ``(200, result)``, or ``(422, the data's problems)``."""
    try:
        return 200, assess_sampling(pd.DataFrame.from_records(records), as_of)
    except kpi.DataError as error:
        problems = [problem.model_dump(mode="json") for problem in error.problems]
        return 422, json.dumps({"problems": problems}, ensure_ascii=False, indent=1)


def main() -> None:
    records = [
        {
            "region": "思明区",
            "period": 2013,
            "national_sampled_batches": 50,
            "national_passed_batches": 47,
            "provincial_sampled_batches": 200,
            "provincial_passed_batches": 190,
            "municipal_sampled_batches": 1200,
            "municipal_passed_batches": 1160,
        },
        {
            "region": "湖里区",
            "period": 2013,
            "national_sampled_batches": 120,
            "national_passed_batches": 110,
            "provincial_sampled_batches": 180,
            "provincial_passed_batches": 171,
            "municipal_sampled_batches": 25000,
            "municipal_passed_batches": 23999,
        },
    ]
    status, body = respond(records, as_of="2013-12-31")
    if status != 200:
        raise SystemExit(body)
    print(body)


if __name__ == "__main__":
    main()
