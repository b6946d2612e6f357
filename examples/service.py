"""A service's use of xmqc_kpi: build the data, call evaluate, answer with the typed payload.

.venv/bin/python examples/service.py                      # one evaluation, printed as JSON
.venv/bin/uvicorn --factory service:create_app --app-dir examples   # the web service

A web handler receives records (one per region and period), builds a frame, evaluates the
indicators it serves and answers with :meth:`xmqc_kpi.Evaluation.to_dict`, whose typed model
:class:`xmqc_kpi.EvaluationPayload` is the route's response model: the OpenAPI page shows
every field of the payload, and :func:`xmqc_kpi.result_schema` is the same schema as a file.
Data that cannot be evaluated (a negative count, more batches passed than sampled, an
unreadable period …) raises one :class:`xmqc_kpi.DataError` listing every problem with its
code, column and row: the handler turns it into a 422 answer instead of a server error.

FastAPI (``pip install fastapi``) is needed for :func:`create_app` only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd
from pydantic import BaseModel

import xmqc_kpi as kpi
from xmqc_kpi.text import Language

if TYPE_CHECKING:
    from fastapi import FastAPI

LEVELS = ("national", "provincial", "municipal")


class SamplingRequest(BaseModel):
    """What a client posts: the evaluation date and one record per region and period."""

    as_of: dt.date
    records: list[dict[str, Any]]
    lang: Language = "zh"


def evaluate_sampling(data: pd.DataFrame, as_of: str | dt.date) -> kpi.Evaluation:
    """Evaluate the three supervision-sampling indicators."""
    catalog = kpi.catalog()
    sampling = [catalog[f"{level}_sampling_pass_rate"] for level in LEVELS]
    return kpi.evaluate(sampling, data, as_of=as_of)


def problems_of(error: kpi.DataError, lang: Language) -> list[dict[str, object]]:
    """Each problem of the data as its stable code, its place and its message."""
    return [
        {
            "code": problem.code,
            "column": problem.column,
            "row": problem.row,
            "message": problem.message_in(lang),
        }
        for problem in error.problems
    ]


def respond(
    records: Sequence[Mapping[str, object]], as_of: str, lang: Language = "zh"
) -> tuple[int, str]:
    """What an HTTP handler returns: ``(200, result)``, or ``(422, the data's problems)``."""
    try:
        result = evaluate_sampling(pd.DataFrame.from_records(records), as_of)
    except kpi.DataError as error:
        body = {"problems": problems_of(error, lang)}
        return 422, json.dumps(body, ensure_ascii=False, indent=1)
    return 200, result.to_json(lang, indent=1)


def create_app() -> FastAPI:
    """The web service: ``POST /sampling`` answers with an :class:`~xmqc_kpi.EvaluationPayload`."""
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse

    app = FastAPI(title="Supervision sampling pass rates", version=kpi.__version__)

    @app.post("/sampling", response_model=kpi.EvaluationPayload)
    def sampling(request: SamplingRequest) -> Any:
        try:
            result = evaluate_sampling(pd.DataFrame.from_records(request.records), request.as_of)
        except kpi.DataError as error:
            body = {"problems": problems_of(error, request.lang)}
            return JSONResponse(status_code=422, content=body)
        return result.to_dict(request.lang)

    return app


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
