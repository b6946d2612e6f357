"""The evaluation's payload: to_dict, to_json, the versioned JSON Schema and provenance."""

from __future__ import annotations

import copy
import hashlib
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pandas as pd
import pytest

import xmqc_kpi as kpi
from tests.factories import pass_rate
from xmqc_kpi import Status, evaluate
from xmqc_kpi.interpretation import PLAN
from xmqc_kpi.payload import (
    SCHEMA_VERSION,
    AssessmentPayload,
    DataSource,
    EvaluationPayload,
    StatusCode,
    catalog_sha256,
    result_schema,
)
from xmqc_kpi.results import FRAME_COLUMNS

SCHEMA_FILE = Path(__file__).parent.parent / "src" / "xmqc_kpi" / "data" / "result.schema.json"

# Four rows, hand-judged against 94 %: 47/50 = 94 % met (inclusive), 45/50 = 90 % not met,
# 0/0 has no rate (insufficient data), 99/100 = 99 % met.
ROWS = pd.DataFrame(
    {
        "region": ["思明区", "湖里区", "集美区", "海沧区"],
        "period": [2013, 2013, 2013, 2013],
        "sampled": [50, 50, 0, 100],
        "passed": [47, 45, 0, 99],
    }
)


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        result_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def small_result(**options: Any) -> kpi.Evaluation:
    return evaluate(pass_rate(), ROWS, as_of="2013-12-31", **options)


def test_shipped_schema_is_up_to_date() -> None:
    """Regenerate with ``XMQC_KPI_REGENERATE=1 pytest tests/test_payload.py -k schema``."""
    schema = result_schema()
    if os.environ.get("XMQC_KPI_REGENERATE") == "1":
        SCHEMA_FILE.write_text(
            json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    shipped = resources.files("xmqc_kpi").joinpath("data/result.schema.json").read_text("utf-8")
    assert json.loads(shipped) == schema, "run XMQC_KPI_REGENERATE=1 pytest -k schema"


def test_schema_is_a_valid_versioned_draft_2020_12_schema() -> None:
    schema = result_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:xmqc-kpi:result:{SCHEMA_VERSION}"
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION == "1.0"
    assert schema["required"] == ["schema_version", "as_of", "provenance", "summary", "assessments"]
    assessment = schema["$defs"]["AssessmentPayload"]
    assert list(assessment["properties"]) == list(FRAME_COLUMNS)
    assert assessment["properties"]["status"]["enum"] == [s.value for s in Status]


def test_payload_models_follow_the_frame_and_the_statuses() -> None:
    assert tuple(AssessmentPayload.model_fields) == FRAME_COLUMNS
    assert get_args(StatusCode) == tuple(s.value for s in Status)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_to_dict_and_to_json_of_the_sample_are_valid(lang: str) -> None:
    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")
    payload = result.to_dict(lang)  # type: ignore[arg-type]
    validator().validate(payload)
    text = result.to_json(lang, indent=1)  # type: ignore[arg-type]
    validator().validate(json.loads(text))
    assert json.loads(text) == payload
    assert payload["provenance"]["language"] == lang
    assert len(payload["assessments"]) == len(result) == 42 * 7 * 4


def test_payload_without_as_of_or_region_is_valid() -> None:
    result = evaluate(pass_rate(), pd.DataFrame({"period": [2013], "sampled": [1], "passed": [1]}))
    payload = result.to_dict()
    validator().validate(payload)
    assert payload["as_of"] is None
    assert payload["assessments"][0]["region"] is None


def test_schema_rejects_what_is_not_a_payload() -> None:
    payload = small_result().to_dict()
    validator().validate(payload)
    wrong_version = {**payload, "schema_version": "0.9"}
    extra_key = {**payload, "generated_at": "2024-01-01T00:00:00"}
    bad_status = copy.deepcopy(payload)
    bad_status["assessments"][0]["status"] = "passed"
    no_summary = {k: v for k, v in payload.items() if k != "summary"}
    for broken in (wrong_version, extra_key, bad_status, no_summary):
        assert not validator().is_valid(broken)


def test_summary_counts_by_status() -> None:
    payload = small_result().to_dict()
    assert payload["summary"] == {
        "assessments": 4,
        "indicators": 1,
        "by_status": {"met": 2, "not_met": 1, "insufficient_data": 1, "not_assessed": 0},
    }
    statuses = {a["region"]: a["status"] for a in payload["assessments"]}
    assert statuses == {
        "思明区": "met",
        "湖里区": "not_met",
        "集美区": "insufficient_data",
        "海沧区": "met",
    }


def test_assessments_carry_title_section_and_responsible_in_the_language() -> None:
    zh = small_result().to_dict("zh")["assessments"][0]
    en = small_result().to_dict("en")["assessments"][0]
    assert (zh["title"], en["title"]) == ("测试指标pass_rate", "Test indicator pass_rate")
    assert zh["section"] == en["section"] == "5"
    assert zh["responsible"] == ["市质监局", "厦门检验检疫局"]
    assert zh["value"] == 94.0
    assert zh["threshold"] == 94.0
    assert zh["equals_threshold"] is True


def test_provenance_of_a_custom_indicator_and_a_frame() -> None:
    indicator = pass_rate()
    provenance = small_result().to_dict("en")["provenance"]
    dump = json.dumps(
        [indicator.model_dump(mode="json")],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    assert provenance == {
        "library": "xmqc_kpi",
        "version": kpi.__version__,
        "catalog": {
            "title": None,  # not the plan's declarations: no plan is claimed
            "document": None,
            "indicators": 1,
            "sha256": hashlib.sha256(dump.encode("utf-8")).hexdigest(),
        },
        "source": None,
        "as_of": "2013-12-31",
        "language": "en",
    }


def test_provenance_names_the_plan_of_built_in_indicators() -> None:
    rates = kpi.catalog().filter(section="5")
    result = evaluate(rates, kpi.sample_data()["data"])
    zh = result.to_dict("zh")["provenance"]["catalog"]
    en = result.to_dict("en")["provenance"]["catalog"]
    assert zh["document"] == en["document"] == PLAN.number
    plan = kpi.catalog().plan
    assert plan is not None
    assert (zh["title"], en["title"]) == (plan.title_zh, plan.title_en)
    assert zh["title"] == "厦门市创建全国质量强市示范城市工作方案"
    assert zh["indicators"] == len(rates)
    assert zh["sha256"] == catalog_sha256(tuple(rates))


def test_catalog_hash_changes_with_any_declaration() -> None:
    original = pass_rate(94)
    assert catalog_sha256([original]) == catalog_sha256([pass_rate(94)])
    assert catalog_sha256([original]) != catalog_sha256([pass_rate(95)])
    retitled = original.model_copy(update={"title_en": "Another title"})
    assert catalog_sha256([original]) != catalog_sha256([retitled])


def test_a_modified_built_in_indicator_is_not_the_plan_s() -> None:
    builtin = kpi.catalog()["national_sampling_pass_rate"]
    changed = builtin.model_copy(update={"deadline": "2020-12"})
    data = pd.DataFrame(
        {"period": [2013], "national_sampled_batches": [50], "national_passed_batches": [47]}
    )
    assert evaluate(builtin, data).to_dict()["provenance"]["catalog"]["document"] == PLAN.number
    assert evaluate(changed, data).to_dict()["provenance"]["catalog"]["document"] is None


def test_source_is_the_file_read_with_the_sha256_of_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "sampling.csv"
    path.write_text("region,period,sampled,passed\n思明区,2013,50,47\n", encoding="utf-8")
    data = kpi.read_data(path, indicators=[pass_rate()])
    result = evaluate(pass_rate(), data)
    expected = {
        "file": "sampling.csv",  # the name only: no folder of the machine that read it
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "sheet": None,
    }
    assert result.to_dict()["provenance"]["source"] == expected
    assert result.source == DataSource.model_validate(expected)
    assert result.filter(region="思明区").source == result.source
    validator().validate(result.to_dict())


def test_identical_inputs_give_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "data.csv").write_text(
            "region,period,sampled,passed\n思明区,2013,50,47\n", encoding="utf-8"
        )
    texts = [
        evaluate(pass_rate(), kpi.read_data(f / "data.csv", indicators=[pass_rate()])).to_json()
        for f in (first, second)
    ]
    assert texts[0] == texts[1]
    (second / "data.csv").write_text(
        "region,period,sampled,passed\n思明区,2013,50,48\n", encoding="utf-8"
    )
    changed = evaluate(pass_rate(), kpi.read_data(second / "data.csv", indicators=[pass_rate()]))
    assert changed.to_json() != texts[0]


def test_the_model_reads_back_what_to_dict_wrote() -> None:
    payload = small_result().to_dict()
    model = EvaluationPayload.model_validate(payload)
    assert model.model_dump(mode="json") == payload
    assert model.summary.by_status.not_met == 1
    assert {a.region: a.status for a in model.assessments}["湖里区"] == "not_met"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_payload_is_what_the_model_would_dump(lang: str) -> None:
    """to_dict builds its rows without the model: the model must accept them and dump the same."""
    sample = kpi.sample_data()
    data = sample["data"].copy()
    batches = data["ccc_sampled_batches"].astype(float)
    data["ccc_sampled_batches"] = batches + 0.5  # counts with a fractional part: warned of
    result = kpi.evaluate(kpi.catalog(), **{**sample, "data": data}, as_of="2014-12-31")
    payload = result.to_dict(lang)  # type: ignore[arg-type]
    assert payload["warnings"]
    assert any(a["progress"] for a in payload["assessments"])
    assert EvaluationPayload.model_validate(payload).model_dump(mode="json") == payload


def test_to_json_keeps_its_keys_and_its_characters() -> None:
    text = small_result().to_json()
    assert "\\u" not in text
    assert "思明区" in text
    assert list(json.loads(text)) == [
        "schema_version",
        "as_of",
        "provenance",
        "summary",
        "assessments",
        "warnings",
    ]
    assert text == json.dumps(small_result().to_dict(), ensure_ascii=False, separators=(",", ":"))


def test_catalog_hash_of_an_unhashable_declaration() -> None:
    """A user's threshold kind may hold a list: the hash is computed, only not cached."""

    class Listed:
        __hash__ = None  # type: ignore[assignment]

        def model_dump(self, mode: str) -> dict[str, object]:
            return {"id": "listed", "levels": [1, 2]}

    expected = hashlib.sha256(b'[{"id":"listed","levels":[1,2]}]').hexdigest()
    assert catalog_sha256([Listed()]) == expected  # type: ignore[list-item]


def test_the_command_line_s_json_names_the_file_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xmqc_kpi.cli import main

    monkeypatch.chdir(tmp_path)
    data = tmp_path / "d.csv"
    data.write_text(
        "region,period,national_sampled_batches,national_passed_batches\n思明区,2013,50,47\n",
        encoding="utf-8",
    )
    assert main(["evaluate", "d.csv", "-f", "json", "-o", "out.json"]) == 0
    payload = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    validator().validate(payload)
    source = payload["provenance"]["source"]
    assert source == {
        "file": "d.csv",
        "sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "sheet": None,
    }
