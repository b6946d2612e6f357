"""Every example runs, so none goes stale.

The scripts run in subprocesses, as a user runs them, with their output in ``tmp_path``; the
statistician's notebook is executed with nbclient in a kernel of this interpreter (the
``python3`` kernel ipykernel installs into the environment), in a temporary working directory.
"""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import xmqc_kpi as kpi

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CUSTOM = EXAMPLES / "custom_catalog"
SAMPLE_AS_OF = "2015-12-31"  # the date the notebook and the auditor's script evaluate at


def run_example(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run an example script with this interpreter; fail with its stderr if it fails."""
    completed = subprocess.run(
        [sys.executable, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed


@pytest.fixture(scope="module")
def sample_result() -> kpi.Evaluation:
    return kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of=SAMPLE_AS_OF)


# ------------------------------------------------------------------------- service, demo


def test_service_example_emits_json(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "service.py"), run_name="__main__")
    payload = json.loads(capsys.readouterr().out)
    statuses = {(a["indicator_id"], a["region"]): a["status"] for a in payload["assessments"]}
    assert statuses[("national_sampling_pass_rate", "思明区")] == "met"  # 47/50 = 94 %
    assert statuses[("municipal_sampling_pass_rate", "湖里区")] == "not_met"  # 95.996 %
    assert len(statuses) == 6


def test_service_example_answers_bad_data_with_its_problems() -> None:
    respond = runpy.run_path(str(EXAMPLES / "service.py"))["respond"]
    record = {"region": "思明区", "period": 2013}
    status, body = respond(
        [{**record, "national_sampled_batches": 50, "national_passed_batches": 51}],
        as_of="2013-12-31",
    )
    assert status == 422
    [problem] = json.loads(body)["problems"]
    assert (problem["code"], problem["column"], problem["row"]) == (
        "part_exceeds_whole",
        "national_passed_batches",
        0,
    )
    assert "51" in problem["message"]
    assert "50" in problem["message"]


def test_demo_writes_results_and_both_reports(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "xmqc_kpi.demo", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "== 按地区 ==" in completed.stdout  # Chinese by default
    assert "未达标" in completed.stdout
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert len(result["assessments"]) == 46 * 7 * 4  # the 42 and the 4 supplementary
    assert (tmp_path / "result.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    html = (tmp_path / "evaluation.html").read_text(encoding="utf-8")
    assert html.count('<section class="indicator"') == 46
    assert (tmp_path / "thresholds.html").read_text(encoding="utf-8").count("<section") >= 42
    for name in ("thresholds.md", "thresholds.xlsx", "evaluation.xlsx"):
        assert (tmp_path / name).stat().st_size > 1000


# ------------------------------------------------------------------------------ auditor


def test_auditor_writes_both_reports(tmp_path: Path) -> None:
    out = tmp_path / "auditor"
    completed = run_example(EXAMPLES / "auditor.py", out)
    names = ["thresholds.md", "thresholds.html", "thresholds.xlsx"]
    names += ["evaluation.html", "evaluation.xlsx"]
    assert [line.split()[1] for line in completed.stdout.splitlines()] == [
        str(out / name) for name in names
    ]
    assert sorted(path.name for path in out.iterdir()) == sorted(names)

    markdown = (out / "thresholds.md").read_text(encoding="utf-8")
    assert markdown.startswith("# 阈值报告")
    # the 42, then the supplementary indicators in their own section
    assert markdown.count("\n#### ") == len(kpi.catalog(supplementary=True))
    assert "市级监督抽查合格率达96%以上" in markdown
    html = (out / "thresholds.html").read_text(encoding="utf-8")
    assert '<section class="indicator" id="municipal_sampling_pass_rate">' in html
    page = (out / "evaluation.html").read_text(encoding="utf-8")
    assert '<section class="indicator" id="special_equipment_death_rate"' in page  # + filters
    assert "2015-12-31" in page

    from openpyxl import load_workbook

    for name, sheets in [
        (
            "thresholds.xlsx",
            ["总览", "解读规则", "指标详情", "补充指标", "未列为指标的条款", "条款差异", "来源"],
        ),
        # both workbooks name their sheets in the report's language (Chinese here)
        ("evaluation.xlsx", ["汇总", "期限", "状态矩阵", "评价结果", "输入数据", "来源"]),
    ]:
        workbook = load_workbook(out / name, read_only=True)
        try:
            assert workbook.sheetnames == sheets
        finally:
            workbook.close()


# ----------------------------------------------------------------------- custom catalog


def test_custom_catalog_file_declares_every_kind_of_target() -> None:
    plan = kpi.load_catalog(CUSTOM / "catalog.toml")
    kinds = {indicator.id: indicator.threshold.kind for indicator in plan}
    assert kinds == {
        "sampling_pass_rate": "at_least",
        "quality_funding_ratio": "at_least",
        "special_equipment_death_rate": "below_benchmark",
        "citizen_satisfaction_trend": "trend",
        "old_elevator_assessment_share": "monitored",
    }
    funding = plan["quality_funding_ratio"]
    assert funding.input_units == {"quality_funding": "万元", "budget_revenue": "亿元"}
    assert plan["sampling_pass_rate"].sampled


@pytest.fixture(scope="module")
def custom_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("custom_catalog")
    return run_example(CUSTOM / "run.py", "--out", out).stdout, out


def test_custom_catalog_verdicts_computed_by_hand(custom_run: tuple[str, Path]) -> None:
    _, out = custom_run
    payload = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert payload["as_of"] == "2023-12-31"
    found = {(a["indicator_id"], a["region"], a["period"]): a for a in payload["assessments"]}
    assert len(found) == 5 * 3 * 3

    def status(indicator: str, region: str, period: int) -> str:
        return str(found[(indicator, region, period)]["status"])

    # 1900 of 2000 batches = 95 % exactly; 95%以上 includes 95 %.
    assert status("sampling_pass_rate", "示例市", 2023) == "met"
    assert found[("sampling_pass_rate", "示例市", 2023)]["value"] == 95
    # 949 of 1000 = 94.9 % < 95 %.
    assert status("sampling_pass_rate", "东区", 2023) == "not_met"
    # 1500 万元 / 100 亿元 = 1.5e7 / 1e10 = 1.5 ‰ exactly: met; 1400 万元 / 95 亿元 ≈ 1.474 ‰.
    assert status("quality_funding_ratio", "示例市", 2023) == "met"
    assert found[("quality_funding_ratio", "示例市", 2023)]["value"] == pytest.approx(1.5)
    assert status("quality_funding_ratio", "示例市", 2022) == "not_met"
    assert status("quality_funding_ratio", "东区", 2023) == "insufficient_data"  # blank cells
    # 7 deaths / 250,000 units × 10,000 = 0.28 = the national 0.28: 低于 is strict.
    assert status("special_equipment_death_rate", "示例市", 2023) == "not_met"
    # 6 / 245,000 × 10,000 ≈ 0.245 < 0.30.
    assert status("special_equipment_death_rate", "示例市", 2022) == "met"
    # 76.5 → 78.0 → 78.0: rising to 2022, flat in 2023; the first year has nothing to compare.
    assert status("citizen_satisfaction_trend", "示例市", 2021) == "insufficient_data"
    assert status("citizen_satisfaction_trend", "示例市", 2022) == "met"
    assert status("citizen_satisfaction_trend", "示例市", 2023) == "not_met"
    # 76.0 → 75.5 → 77.0: the fall in 2022 still breaks the trend judged in 2023.
    assert status("citizen_satisfaction_trend", "西区", 2023) == "not_met"
    # 3300 of 4400 = 75 %, reported without a verdict.
    assert status("old_elevator_assessment_share", "示例市", 2023) == "not_assessed"
    assert found[("old_elevator_assessment_share", "示例市", 2023)]["value"] == 75


def test_custom_catalog_prints_summary_and_writes_its_threshold_report(
    custom_run: tuple[str, Path],
) -> None:
    stdout, out = custom_run
    assert "== 5 indicators of 示例市, as of 2023-12-31 ==" in stdout
    explanations = [line for line in stdout.splitlines() if line.startswith("- [")]
    assert len(explanations) == 45
    assert any("未“低于”" in line for line in explanations)
    assert sorted(path.name for path in out.iterdir()) == [
        "result.csv",
        "result.json",
        "thresholds.html",
        "thresholds.md",
    ]
    report = (out / "thresholds.md").read_text(encoding="utf-8")
    plan = kpi.load_catalog(CUSTOM / "catalog.toml")
    for indicator in plan:
        assert f"`{indicator.id}`" in report
        assert indicator.quote in report
    assert "示例市质量强市行动计划" in report  # its own plan, not Xiamen's
    assert "厦门" not in report
    assert '<section class="indicator" id="quality_funding_ratio">' in (
        out / "thresholds.html"
    ).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- notebook

NOTEBOOK = EXAMPLES / "statistician.ipynb"


def test_notebook_is_stored_without_outputs() -> None:
    document = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in document["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


@pytest.fixture(scope="module")
def notebook(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """Execute the notebook once; yield its code cells by cell id, and its export folder."""
    import nbformat
    from nbclient import NotebookClient

    work = tmp_path_factory.mktemp("notebook")
    out = work / "exports"
    document = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]  # unannotated
    with pytest.MonkeyPatch.context() as patch:  # the kernel inherits this environment
        patch.setenv("XMQC_KPI_EXAMPLES_OUT", str(out))
        patch.setenv("JUPYTER_PLATFORM_DIRS", "1")
        patch.setenv("JUPYTER_RUNTIME_DIR", str(work / "runtime"))
        patch.setenv("IPYTHONDIR", str(work / "ipython"))  # no user profile or startup files
        client = NotebookClient(
            document,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(work)}},
        )
        client.execute()
    return {cell.id: cell for cell in document.cells if cell.cell_type == "code"}, out


def _text(cell: Any, mime: str = "text/plain") -> str:
    """The streams and the ``mime`` representations a cell printed or displayed, joined."""
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in {"execute_result", "display_data"}:
            parts.append(output.data.get(mime, ""))
    return "\n".join(parts)


def _counts(text: str) -> dict[str, list[int]]:
    """Rows of a printed frame of integer counts: first cell -> the numbers after it."""
    rows = {}
    for line in text.splitlines():
        cells = line.split()
        if len(cells) > 1 and all(cell.isdigit() for cell in cells[1:]):
            rows[cells[0]] = [int(cell) for cell in cells[1:]]
    return rows


def test_notebook_counts_statuses_by_region_and_section(
    notebook: tuple[dict[str, Any], Path], sample_result: kpi.Evaluation
) -> None:
    cells, _ = notebook
    counts = sample_result.summary().iloc[0]
    assert f"达标 {counts['met']}" in _text(cells["evaluate"], "text/html")  # the rich display
    by_region = sample_result.summary(by="region")
    shown = _counts(_text(cells["status-by-region"]))
    assert shown == {region: row.tolist() for region, row in by_region.iterrows()}
    assert shown["思明区"][0] == 56  # met, as the demo prints it

    frame = sample_result.to_frame()
    sections = (
        frame["indicator_id"]
        .astype(str)
        .map({indicator.id: indicator.section for indicator in kpi.catalog()})
    )
    shown = _counts(_text(cells["status-by-section"]))
    assert list(shown) == list(kpi.catalog().sections)
    assert sum(map(sum, shown.values())) == len(sample_result)
    for section, numbers in shown.items():
        in_section = frame.loc[sections == section, "status"].astype(str)
        assert numbers == [int((in_section == status.value).sum()) for status in kpi.Status]


def test_notebook_shows_intervals_plot_and_exports(
    notebook: tuple[dict[str, Any], Path], sample_result: kpi.Evaluation
) -> None:
    cells, out = notebook
    frame = sample_result.to_frame()
    sampled = [indicator.id for indicator in kpi.catalog() if indicator.sampled]
    with_value = frame.loc[frame["indicator_id"].isin(sampled) & frame["value"].notna()]
    table = _counts(_text(cells["intervals"]))
    assert table["All"][-1] == len(with_value) > 0
    assert table["met"][-1] == int((with_value["status"] == "met").sum())

    assert "<svg" in _text(cells["plot"], "text/html")

    listing = _text(cells["export"])
    exported = ["municipal_sampling_pass_rate.html", "result.csv", "result.json", "result.xlsx"]
    assert sorted(path.name for path in out.iterdir()) == exported
    assert all(name in listing for name in exported)
    payload = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert payload["as_of"] == SAMPLE_AS_OF
    assert len(payload["assessments"]) == len(sample_result)
    csv = pd.read_csv(out / "result.csv", encoding="utf-8-sig")
    assert len(csv) == len(sample_result)
    assert (out / "result.csv").read_bytes().startswith(b"\xef\xbb\xbf")
