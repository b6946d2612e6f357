"""The corpus of malformed files (tests/data/malformed): each read exactly as expected.toml says.

Every case is read by ``read_data_file`` and compared with its expected outcome: the frame
(columns, row numbers, cells), the notes, the header units and a few verdicts, or the exact
lines of the ``DataError``. A few cases run through ``xmqc-kpi validate`` in a subprocess,
and a 50,000-row file is written at test time.
"""

from __future__ import annotations

import importlib.util
import math
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

from xmqc_kpi.catalogs import catalog
from xmqc_kpi.engine import evaluate
from xmqc_kpi.errors import DataError
from xmqc_kpi.readers import DataFile, read_data, read_data_file

pytest.importorskip("openpyxl")
pytest.importorskip("pyarrow")

CORPUS = Path(__file__).resolve().parent / "data" / "malformed"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (CORPUS / "expected.toml").read_text(encoding="utf-8")
)


def _corpus_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cell(value: object) -> object:
    """A cell comparable with TOML: NaN and None as the string "nan", numpy scalars as Python."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "nan"
    return value.item() if hasattr(value, "item") else value


def _read(name: str, monkeypatch: pytest.MonkeyPatch) -> DataFile:
    monkeypatch.chdir(CORPUS)  # messages name the file as given: relative, the same anywhere
    return read_data_file(name)


def test_the_corpus_is_large_enough_and_fully_described() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.suffix in {".csv", ".xlsx", ".json", ".parquet"}}
    assert len(files) >= 40
    assert files == set(EXPECTED)
    assert {Path(name).suffix for name in files} == {".csv", ".xlsx", ".json", ".parquet"}


def test_the_script_writes_the_corpus_byte_for_byte(tmp_path: Path) -> None:
    script = _corpus_script()
    assert script.main([str(tmp_path)]) == 0
    for name in EXPECTED:
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name


@pytest.mark.parametrize("name", list(EXPECTED))
def test_case(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = EXPECTED[name]
    if "errors" in expected:
        with pytest.raises(DataError) as info:
            _read(name, monkeypatch)
        assert info.value.render("en").splitlines() == expected["errors"]
        return
    file = _read(name, monkeypatch)
    frame = file.frame
    assert list(frame.columns) == expected["columns"]
    assert list(frame.index) == expected["rows"]
    records = [[_cell(cell) for cell in row] for row in frame.itertuples(index=False, name=None)]
    assert records == [[_cell(cell) for cell in row] for row in expected["records"]]
    assert [note.render("en") for note in file.notes] == expected["notes"]
    assert dict(file.units) == expected.get("units", {})
    if "units_errors" in expected:
        with pytest.raises(DataError) as info:
            file.units_with(expected["units_mapping"])
        assert info.value.render("en").splitlines() == expected["units_errors"]
    if "evaluate_errors" in expected:
        with pytest.raises(DataError) as info:
            evaluate(catalog(), frame, units=file.units_with())
        assert info.value.render("en").splitlines() == expected["evaluate_errors"]
    if "verdicts" in expected:
        ids = sorted({verdict[0] for verdict in expected["verdicts"]})
        result = evaluate([catalog()[i] for i in ids], frame, units=file.units_with())
        table = result.to_frame("en")
        for indicator, region, period, status in expected["verdicts"]:
            rows = table.loc[
                (table["indicator_id"] == indicator)
                & (table["region"].fillna("") == region)
                & (table["period"].astype(str) == str(period))
            ]
            assert rows["status"].tolist() == [status], (indicator, region, period)


def test_evaluate_stays_strict_on_frames() -> None:
    frame = pd.DataFrame(
        {"period": [2013], "national_sampled_batches": ["1,200"], "national_passed_batches": [1]}
    )
    with pytest.raises(DataError) as info:
        evaluate(catalog()["national_sampling_pass_rate"], frame)
    assert [problem.render("en") for problem in info.value.problems] == [
        "row 0, column 'national_sampled_batches': not a number: '1,200'"
    ]


def test_read_data_keeps_the_notes_in_attrs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    frame = read_data("title_rows.csv")
    notes = [note.render("en") for note in frame.attrs["notes"]]
    assert notes == EXPECTED["title_rows.csv"]["notes"]


def _validate(name: str) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [sys.executable, "-m", "xmqc_kpi.cli", "validate", name],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=CORPUS,
        timeout=120,
        check=False,
        env={**os.environ, "XMQC_KPI_LANG": "en"},
    )
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed


def test_validate_prints_the_notes_of_a_lenient_read() -> None:
    completed = _validate("gb18030.csv")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[0].startswith("OK gb18030.csv: 1 rows;")
    assert lines[1:] == [f"note: {note}" for note in EXPECTED["gb18030.csv"]["notes"]]


def test_validate_names_sheet_row_and_column_letter() -> None:
    completed = _validate("xlsx_not_a_number.xlsx")
    assert completed.returncode == 2
    assert completed.stdout.splitlines() == [
        f"xlsx_not_a_number.xlsx: {line}" if number == 0 else line
        for number, line in enumerate(EXPECTED["xlsx_not_a_number.xlsx"]["errors"])
    ]


def test_fifty_thousand_rows(tmp_path: Path) -> None:
    regions = ["思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区", "厦门市"]
    lines = [
        "厦门市质量指标统计表",
        "region,period,national_sampled_batches,national_passed_batches",
    ]
    for number in range(50_000):
        region = f"{regions[number % 7]}{number // 7}"
        sampled = '"1,200"' if number % 1000 == 0 else "1200"
        passed = "—" if number % 5000 == 0 else str(1100 + number % 100)
        lines.append(f"{region},2013年,{sampled},{passed}")
    path = tmp_path / "large.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    file = read_data_file(path)
    assert file.frame.shape == (50_000, 4)
    assert list(file.frame.index[[0, -1]]) == [3, 50_002]
    assert file.frame["national_sampled_batches"].dtype == "int64"
    assert int(file.frame["national_passed_batches"].isna().sum()) == 10
    assert tuple(note.render("en") for note in file.notes) == (
        "row 1 skipped as title row: '厦门市质量指标统计表'",
        "column B (period): 50000 periods rewritten as the engine reads periods "
        "('2013年' → 2013), rows 3–50002",
        "column C (national_sampled_batches): 50 numbers with thousands separators accepted, "
        "rows 3, 1003, 2003, 3003, 4003, 5003, 6003, 7003, … (50 in all)",
        "column D (national_passed_batches): 10 missing-value markers ('—') read as missing, "
        "rows 3, 5003, 10003, 15003, 20003, 25003, 30003, 35003, … (10 in all)",
    )
    result = evaluate(catalog()["national_sampling_pass_rate"], file.frame)
    assert len(result) == 50_000
