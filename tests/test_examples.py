"""Every example runs, so none goes stale."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_service_example_emits_json(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "service.py"), run_name="__main__")
    payload = json.loads(capsys.readouterr().out)
    statuses = {(a["indicator_id"], a["region"]): a["status"] for a in payload["assessments"]}
    assert statuses[("national_sampling_pass_rate", "思明区")] == "met"  # 47/50 = 94 %
    assert statuses[("municipal_sampling_pass_rate", "湖里区")] == "not_met"  # 95.996 %
    assert len(statuses) == 6


def test_demo_writes_csv_and_json(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "xmqc_kpi.demo", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "== by region ==" in completed.stdout
    assert "未达标" in completed.stdout
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert len(result["assessments"]) == 42 * 7 * 4
    assert (tmp_path / "result.csv").read_bytes().startswith(b"\xef\xbb\xbf")
