"""The ``xmqc-kpi`` command, run for real in subprocesses on files written from the sample.

Each subprocess costs about a second, so every run checks several things at once; option
handling that needs no real process is tested in-process through ``main``. The command speaks
Chinese unless told otherwise; most tests here set ``XMQC_KPI_LANG=en`` (the fixture
``english``) to assert its English wording, and the Chinese tests unset it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from xmqc_kpi import __version__, cli
from xmqc_kpi.catalogs import catalog
from xmqc_kpi.engine import evaluate
from xmqc_kpi.sample import SampleData, sample_data
from xmqc_kpi.template import input_template

openpyxl = pytest.importorskip("openpyxl")

COMMANDS = ("catalog", "thresholds", "template", "validate", "evaluate")
HEAVY = ("pandas", "numpy", "pint", "pydantic", "openpyxl", "pyarrow", "yaml")
STATUSES = ("met", "not_met", "insufficient_data", "not_assessed")
SCRIPT = Path(sys.executable).with_name("xmqc-kpi")

Writer = Callable[[pd.DataFrame, Path], None]


def run(
    *args: str | Path, cwd: Path, program: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = program or [sys.executable, "-m", "xmqc_kpi.cli"]
    completed = subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed


def totals(output: str) -> dict[str, int]:
    """The counts of the summary table's ``total`` line."""
    [line] = [line for line in output.splitlines() if line.startswith("total ")]
    return dict(zip(STATUSES, map(int, line.split()[1:]), strict=True))


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """English messages (subprocesses inherit the environment)."""
    monkeypatch.setenv("XMQC_KPI_LANG", "en")


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default language: no XMQC_KPI_LANG."""
    monkeypatch.delenv("XMQC_KPI_LANG", raising=False)


@pytest.fixture(scope="module")
def sample() -> SampleData:
    return sample_data()


@pytest.fixture(scope="module")
def expected(sample: SampleData) -> dict[str, int]:
    counts = evaluate(catalog(), **sample).summary().iloc[0]
    return {status: int(counts[status]) for status in STATUSES}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, sample: SampleData) -> Path:
    """The sample's companions as files: units, benchmarks, peers."""
    path = tmp_path_factory.mktemp("cli")
    (path / "units.json").write_text(json.dumps(sample.units, ensure_ascii=False), "utf-8")
    sample.benchmarks.to_csv(path / "benchmarks.csv", index=False)
    sample.peers.to_csv(path / "peers.csv", index=False)
    return path


def companions(folder: Path) -> list[str | Path]:
    return ["--benchmarks", folder / "benchmarks.csv", "--peers", folder / "peers.csv"]


# --------------------------------------------------------------------------- start-up


def test_help_of_every_command_imports_no_heavy_module() -> None:
    code = f"""
import contextlib, io, sys
from xmqc_kpi import cli
for argv in (["--help"], *([name, "--help"] for name in {COMMANDS!r})):
    with contextlib.redirect_stdout(io.StringIO()) as text, contextlib.suppress(SystemExit):
        cli.main(argv)
    assert text.getvalue().startswith("usage: xmqc-kpi"), argv
print(sorted(set({HEAVY!r}) & set(sys.modules)))
"""
    completed = run("-c", code, cwd=Path.cwd(), program=[sys.executable])
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"


def test_installed_script_evaluates_the_sample_and_fails_on_not_met(
    tmp_path: Path, expected: dict[str, int]
) -> None:
    assert SCRIPT.exists()
    output = tmp_path / "results.json"
    completed = run(
        "evaluate", "--fail-on", "not-met", "-o", output, cwd=tmp_path, program=[str(SCRIPT)]
    )
    assert completed.returncode == 1
    assert totals(completed.stdout) == expected
    text = output.read_text(encoding="utf-8")
    assert "厦门市" in text
    assert "\\u" not in text
    document = json.loads(text)
    assert len(document["assessments"]) == sum(expected.values())


# --------------------------------------------------------------------------- formats


def _csv(encoding: str) -> Writer:
    return lambda frame, path: frame.to_csv(path, index=False, encoding=encoding)


WRITERS: dict[str, tuple[str, Writer]] = {
    "csv-utf8": ("data.csv", _csv("utf-8")),
    "csv-utf8-bom": ("data.csv", _csv("utf-8-sig")),
    "csv-gb18030": ("data.csv", _csv("gb18030")),
    "xlsx": ("data.xlsx", lambda frame, path: frame.to_excel(path, index=False)),
    "parquet": ("data.parquet", lambda frame, path: frame.to_parquet(path)),
    "json": (
        "data.json",
        lambda frame, path: frame.to_json(path, orient="records", force_ascii=False),
    ),
}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_evaluate_reads_every_format(
    kind: str, tmp_path: Path, folder: Path, sample: SampleData, expected: dict[str, int]
) -> None:
    name, write = WRITERS[kind]
    write(sample.data, tmp_path / name)
    completed = run(
        "evaluate", name, "--units", folder / "units.json", *companions(folder), cwd=tmp_path
    )
    assert completed.returncode == 0, completed.stderr
    assert totals(completed.stdout) == expected
    assert "思明区" in completed.stdout


def test_chinese_headers_give_units_and_a_contradicting_units_file_is_an_error(
    tmp_path: Path, folder: Path, sample: SampleData, expected: dict[str, int]
) -> None:
    labels = dict(zip(*input_template()[["variable", "label_zh"]].to_numpy().T, strict=True))
    headers = {
        name: f"{labels[name]}（{sample.units[name]}）" if name in sample.units else labels[name]
        for name in labels
    }
    sample.data.rename(columns=headers).to_csv(
        tmp_path / "中文.csv", index=False, encoding="gb18030"
    )
    good = run("evaluate", "中文.csv", *companions(folder), cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    assert totals(good.stdout) == expected

    (tmp_path / "units.yaml").write_text("gdp: 万元\n", encoding="utf-8")
    bad = run("evaluate", "中文.csv", "--units", "units.yaml", cwd=tmp_path)
    assert bad.returncode == 2
    assert "地区生产总值（GDP）（亿元）" in bad.stderr  # the header as written, from the template
    assert "'万元'" in bad.stderr


def test_template_written_filled_validated_and_evaluated(tmp_path: Path) -> None:
    written = run(
        "template", "-o", "template.xlsx", "--periods", "2013", "--regions", "思明区", cwd=tmp_path
    )
    assert written.returncode == 0, written.stderr
    workbook = openpyxl.load_workbook(tmp_path / "template.xlsx")
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    filled = {"national_sampled_batches": 50, "national_passed_batches": 47}
    for row in sheet.iter_rows(min_row=2):
        variable = row[header.index("Variable")].value
        if variable in filled:
            row[header.index("2013")].value = filled[variable]
    workbook.save(tmp_path / "template.xlsx")

    checked = run("validate", "template.xlsx", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.startswith("OK template.xlsx")

    evaluated = run("evaluate", "template.xlsx", "-f", "json", cwd=tmp_path)
    assert evaluated.returncode == 0, evaluated.stderr
    assert totals(evaluated.stderr)["met"] >= 1  # the counts go to stderr: stdout has the JSON
    [rate] = [
        item
        for item in json.loads(evaluated.stdout)["assessments"]
        if item["indicator_id"] == "national_sampling_pass_rate"
    ]
    assert (rate["region"], rate["value"], rate["status"]) == ("思明区", 94.0, "met")


# --------------------------------------------------------------------------- bad input


@pytest.fixture
def bad_csv(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text(
        "region,period,national_sampled_batches,national_passed_batches\n"
        "思明区,2013,50,47\n"
        "湖里区,2013,50,四十七\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", None, "(national_passed_batches): not a number: '四十七'"),
        ("missing.csv", None, "missing.csv: no such file"),
        ("data.txt", "period\n2013\n", "cannot read file data.txt: "),
        ("empty.csv", "", "empty.csv"),
        ("damaged.xlsx", "PK\x03\x04 not really a workbook", "damaged.xlsx"),
    ],
)
def test_evaluate_reports_bad_input_with_status_2(
    tmp_path: Path, bad_csv: Path, name: str, content: str | None, message: str
) -> None:
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    completed = run("evaluate", name, cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stderr.startswith("xmqc-kpi evaluate: error:")
    assert message in completed.stderr
    # one line, no traceback (run() checks); a data file's problems are listed under it
    _first, *problems = completed.stderr.splitlines()
    assert all(line.startswith("  - ") for line in problems)
    assert len(problems) == (1 if name == "bad.csv" else 0)


def test_validate_lists_every_problem_with_row_and_column(tmp_path: Path, bad_csv: Path) -> None:
    with bad_csv.open("a", encoding="utf-8") as handle:
        handle.write("集美区,2013,-5,x\n")
    completed = run("validate", bad_csv.name, cwd=tmp_path)
    assert completed.returncode == 2
    lines = completed.stdout.splitlines()
    assert lines[0].startswith("bad.csv: ")
    assert lines[0].endswith("problems in the data:")
    assert any("(national_passed_batches)" in line and "'四十七'" in line for line in lines)
    assert any("(national_passed_batches)" in line and "'x'" in line for line in lines)
    bad_csv.write_text(
        bad_csv.read_text(encoding="utf-8").replace("四十七", "47").replace(",x", ",—"), "utf-8"
    )
    completed = run("validate", bad_csv.name, cwd=tmp_path)
    assert completed.returncode == 2
    assert "national_sampled_batches" in completed.stdout
    assert "-5" in completed.stdout


# --------------------------------------------------------------------------- outputs


def test_catalog_as_json(tmp_path: Path) -> None:
    completed = run("catalog", "-f", "json", "--lang", "en", "--section", "5", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    records = json.loads(completed.stdout)
    assert [r["id"] for r in records] == list(catalog().filter(section="5").ids)
    assert records[0].keys() == {"id", "clause", "title", "threshold"}


def test_evaluate_writes_csv_with_bom(tmp_path: Path, expected: dict[str, int]) -> None:
    completed = run("evaluate", "-o", "results.csv", "--lang", "en", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    raw = (tmp_path / "results.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(tmp_path / "results.csv", encoding="utf-8-sig")
    assert frame["status"].value_counts().to_dict() == {k: v for k, v in expected.items() if v}


@pytest.mark.parametrize(
    ("name", "start"), [("report.html", b"<!DOCTYPE html>"), ("report.xlsx", b"PK")]
)
def test_evaluate_writes_reports(tmp_path: Path, name: str, start: bytes) -> None:
    completed = run(
        "evaluate", "-o", name, "--as-of", "2014-06-30", "--title", "厦门", cwd=tmp_path
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / name).read_bytes().startswith(start)


def test_thresholds_to_stdout_and_to_xlsx(tmp_path: Path) -> None:
    markdown = run("thresholds", "-f", "md", cwd=tmp_path)
    assert markdown.returncode == 0, markdown.stderr
    assert "96" in markdown.stdout
    workbook = run("thresholds", "-o", "thresholds.xlsx", "--lang", "en", cwd=tmp_path)
    assert workbook.returncode == 0, workbook.stderr
    assert (tmp_path / "thresholds.xlsx").read_bytes().startswith(b"PK")


# --------------------------------------------------------------------------- in-process


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"xmqc-kpi {__version__}"


def test_catalog_table_and_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["catalog", "--kind", "all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "clause", "title", "threshold"]
    assert len(lines) == 2 + len(catalog().filter(kind="all"))
    assert all(line.endswith("= 100%") for line in lines[2:])  # as the threshold report


def test_catalog_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["catalog", "-f", "csv", "--kind", "below_benchmark", "--lang", "en"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "id,clause,title,threshold"
    assert rows[1].endswith(",< the national average of the same period")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["catalog", "--kind", "nope"], "unknown threshold kind 'nope'"),
        (["evaluate", "-f", "xlsx"], "give -o FILE.xlsx"),
        (["evaluate", "-o", "results.txt"], "cannot tell the format of results.txt"),
        (["thresholds", "--catalog", "missing.toml"], "missing.toml"),
    ],
)
def test_bad_options_exit_2_with_a_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"xmqc-kpi {argv[0]}: error:")
    assert message in error


@pytest.mark.parametrize("argv", [["evaluate", "--as-of", "soon"], ["frobnicate"], []])
def test_argparse_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2
    assert "usage: xmqc-kpi" in capsys.readouterr().err


def test_large_inputs_show_progress(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "LARGE_INPUT_ROWS", 10)
    assert cli.main(["evaluate", "-f", "json", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["assessments"]
    progress = [line for line in captured.err.splitlines() if line.startswith("[")]
    assert [line.split("] ")[1] for line in progress] == [
        "read 28 rows",
        "evaluating 42 indicators",
        "evaluated: 1,176 assessments",
        "rendering json",
        "wrote standard output",
    ]


def test_summary_shows_a_limited_number_of_regions(
    monkeypatch: pytest.MonkeyPatch, expected: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "SUMMARY_REGIONS", 2)
    assert cli.main(["evaluate"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "region",
        "--------",
        "厦门市",
        "同安区",
        "…",
        "total",
    ]
    assert lines[4].startswith("… 5 more")
    assert totals("\n".join(lines)) == expected


def test_validate_notes_ignored_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("region,period,gdp,remark\n思明区,2013,1,x\n", encoding="utf-8")
    assert cli.main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "values for 1 variables, 1 regions, 1 periods" in out
    assert "note: not used by any indicator, ignored: remark" in out


def test_notes_go_to_stdout_for_validate_and_stderr_for_evaluate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "titled.csv"
    path.write_text(
        '厦门市质量指标统计表\nregion,period,gdp\n思明区,2013年,"1,500"\n', encoding="utf-8"
    )
    assert cli.main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    notes = captured.out.splitlines()[1:]
    assert len(notes) == 3
    assert all(note.startswith("note: ") for note in notes)
    assert "'厦门市质量指标统计表'" in notes[0]
    assert "'2013年'" in notes[1]
    assert cli.main(["evaluate", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == notes
    assert "note:" not in captured.out


def test_sample_units_are_overridden_by_a_units_file(
    tmp_path: Path, expected: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    units = tmp_path / "units.csv"
    units.write_text("variable,unit\ngdp,万元\n", encoding="utf-8")  # the sample gives 亿元
    assert cli.main(["evaluate", "--units", str(units)]) == 0
    assert totals(capsys.readouterr().out) != expected


# --------------------------------------------------------------------------- language


def test_chinese_is_the_default_language(tmp_path: Path, chinese: None) -> None:
    completed = run("evaluate", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[0].split() == ["地区", "达标", "未达标", "数据不足", "仅监测"]
    assert lines[-1].startswith("合计")
    missing = run("validate", "missing.csv", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "xmqc-kpi validate：错误：missing.csv：文件不存在\n"
    helped = run("evaluate", "--help", cwd=tmp_path)
    assert "对数据文件（或内置样例）评价各项指标。" in helped.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_takes_lang(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main([command, "--lang", "zh", "--help"])
    assert "--lang {zh,en}" in capsys.readouterr().out


def test_lang_on_the_command_line_wins_over_the_environment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["catalog", "--kind", "all", "--lang", "zh"]) == 0  # XMQC_KPI_LANG=en
    header = capsys.readouterr().out.splitlines()[0].split()
    assert header == ["编号", "条款", "名称", "阈值"]
    assert cli.main(["evaluate", "-o", "results.txt", "--lang", "zh"]) == 2
    assert capsys.readouterr().err.startswith("xmqc-kpi evaluate：错误：无法从 results.txt")


# --------------------------------------------------------------------------- safe output


def test_dash_writes_to_standard_output(tmp_path: Path) -> None:
    markdown = run("thresholds", "-o", "-", "--lang", "en", cwd=tmp_path)
    assert markdown.returncode == 0, markdown.stderr
    assert markdown.stdout.startswith("# Threshold report")
    assert not (tmp_path / "-").exists()
    evaluated = run("evaluate", "-o", "-", "-f", "json", cwd=tmp_path)
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout)["assessments"]
    assert totals(evaluated.stderr)  # the counts go to stderr when the results take stdout
    template = run("template", "-o", "-", "--periods", "2013", cwd=tmp_path)
    assert template.returncode == 0, template.stderr
    assert template.stdout.startswith("variable,label_zh,unit,accepted_units,indicators,region")
    assert not (tmp_path / "-").exists()


def test_an_output_that_names_an_input_is_refused(tmp_path: Path, bad_csv: Path) -> None:
    before = bad_csv.read_bytes()
    for output in (bad_csv.name, f"./{bad_csv.name}", str(bad_csv)):
        completed = run("evaluate", bad_csv.name, "-o", output, "-f", "csv", cwd=tmp_path)
        assert completed.returncode == 2
        assert "is an input file" in completed.stderr
    units = tmp_path / "units.json"
    units.write_text("{}", encoding="utf-8")
    completed = run("evaluate", "--units", "units.json", "-o", "units.json", cwd=tmp_path)
    assert completed.returncode == 2
    assert bad_csv.read_bytes() == before
    assert units.read_text(encoding="utf-8") == "{}"


def test_a_terminal_that_is_not_utf8_still_gets_its_report(tmp_path: Path, chinese: None) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "xmqc_kpi.cli", "evaluate", "-o", "report.html"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert b"Traceback" not in completed.stderr
    assert "厦门市" in (tmp_path / "report.html").read_text(encoding="utf-8")
    # 地区 达标 未达标 数据不足 仅监测, each character replaced on screen
    assert completed.stdout.splitlines()[0].split() == [b"??", b"??", b"???", b"????", b"???"]


def test_control_characters_from_data_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.csv"
    region = "思明区\x1b[2J\x07\u202e"
    path.write_text(
        f"region,period,national_sampled_batches,national_passed_batches\n{region},2013,50,四\n",
        encoding="utf-8",
    )
    for command in (["validate", path.name], ["evaluate", path.name]):
        completed = run(*command, cwd=tmp_path)
        shown = completed.stdout + completed.stderr
        assert not any(char in shown for char in "\x1b\x07\u202e"), shown
    path.write_text(
        f"region,period,national_sampled_batches,national_passed_batches\n{region},2013,50,47\n",
        encoding="utf-8",
    )
    completed = run("evaluate", path.name, "-o", "report.xlsx", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr  # XLSX cannot hold control characters
    assert "\x1b" not in completed.stdout
    assert "思明区\ufffd[2J" in completed.stdout
    cells = [
        c.value
        for row in openpyxl.load_workbook(tmp_path / "report.xlsx")["Inputs"].iter_rows()
        for c in row
    ]
    assert "思明区\ufffd[2J\ufffd\ufffd" in cells


def test_every_failure_of_reading_is_one_line_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parser's own exception (say a ParseError) is caught at the command line's boundary."""
    from xml.etree.ElementTree import ParseError

    from xmqc_kpi import readers

    def explode(*args: object, **kwargs: object) -> None:
        raise ParseError("not well-formed (invalid token): line 1, column 0")

    monkeypatch.setattr(readers, "read_data_file", explode)
    (tmp_path / "data.xlsx").write_bytes(b"PK")
    assert cli.main(["validate", str(tmp_path / "data.xlsx")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "cannot read file" in error
    assert "ParseError" in error


def test_a_registered_format_reaches_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new output format is one registered renderer: -f and the -o suffix know it."""
    from xmqc_kpi.reports import THRESHOLD_FORMATS

    THRESHOLD_FORMATS.add("txt", lambda document: f"{document.total}\n", suffixes=(".txt",))
    try:
        assert cli.main(["thresholds", "-o", str(tmp_path / "count.txt")]) == 0
        assert (tmp_path / "count.txt").read_text(encoding="utf-8") == "42\n"
        assert cli.main(["thresholds", "-f", "txt"]) == 0
        assert capsys.readouterr().out == "42\n"
    finally:
        THRESHOLD_FORMATS.remove("txt")
    assert cli.main(["thresholds", "-o", str(tmp_path / "count.txt")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
