"""examples/service.py as a FastAPI app, through its test client: the payload as response model."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

import xmqc_kpi as kpi

EXAMPLE = Path(__file__).parent.parent / "examples" / "service.py"

RECORD = {
    "region": "思明区",
    "period": 2013,
    "national_sampled_batches": 50,
    "national_passed_batches": 47,  # 94 %: exactly the target, met
    "provincial_sampled_batches": 200,
    "provincial_passed_batches": 190,  # 95 %: the target, met
    "municipal_sampled_batches": 1200,
    "municipal_passed_batches": 1140,  # 95 % < 96 %: not met
}


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLE))


@pytest.fixture(scope="module")
def client(example: dict[str, Any]) -> TestClient:
    return TestClient(example["create_app"]())


def test_openapi_page_publishes_the_payload_schema(client: TestClient) -> None:
    openapi = client.get("/openapi.json").json()
    answer = openapi["paths"]["/sampling"]["post"]["responses"]["200"]
    reference = answer["content"]["application/json"]["schema"]["$ref"]
    assert reference == "#/components/schemas/EvaluationPayload"
    components = openapi["components"]["schemas"]
    assessment = components["AssessmentPayload"]["properties"]
    assert {"indicator_id", "title", "section", "status", "reason", "explanation"} <= set(
        assessment
    )
    assert assessment["status"]["enum"] == ["met", "not_met", "insufficient_data", "not_assessed"]
    assert {"schema_version", "provenance", "summary", "assessments"} <= set(
        components["EvaluationPayload"]["properties"]
    )
    assert "by_status" in components["SummaryPayload"]["properties"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/openapi.json" in docs.text


def test_a_request_answers_a_payload_valid_against_the_schema(client: TestClient) -> None:
    response = client.post(
        "/sampling", json={"as_of": "2013-12-31", "records": [RECORD], "lang": "en"}
    )
    assert response.status_code == 200
    payload = response.json()
    jsonschema.Draft202012Validator(kpi.result_schema()).validate(payload)
    statuses = {a["indicator_id"]: a["status"] for a in payload["assessments"]}
    assert statuses == {
        "national_sampling_pass_rate": "met",
        "provincial_sampling_pass_rate": "met",
        "municipal_sampling_pass_rate": "not_met",
    }
    assert payload["summary"]["by_status"] == {
        "met": 2,
        "not_met": 1,
        "insufficient_data": 0,
        "not_assessed": 0,
    }
    assert payload["provenance"]["language"] == "en"
    assert payload["provenance"]["catalog"]["indicators"] == 3


def test_bad_data_is_a_422_naming_each_problem(client: TestClient) -> None:
    record = {**RECORD, "national_passed_batches": 51}
    response = client.post("/sampling", json={"as_of": "2013-12-31", "records": [record]})
    assert response.status_code == 422
    [problem] = response.json()["problems"]
    assert problem["code"] == "part_exceeds_whole"
    assert (problem["column"], problem["row"]) == ("national_passed_batches", 0)
    assert problem["message"] == "national_passed_batches（51）大于 national_sampled_batches（50）"
    english = client.post(
        "/sampling", json={"as_of": "2013-12-31", "records": [record], "lang": "en"}
    )
    assert english.json()["problems"][0]["message"] == (
        "national_passed_batches (51) exceeds national_sampled_batches (50)"
    )


def test_respond_gives_the_same_payload_as_text(example: dict[str, Any]) -> None:
    status, body = example["respond"]([RECORD], as_of="2013-12-31")
    assert status == 200
    payload = json.loads(body)
    jsonschema.Draft202012Validator(kpi.result_schema()).validate(payload)
    assert payload["schema_version"] == "1.0"
