"""Every problem of a file in one pass, each at the cell the clerk sees (issue 12, item 4).

The file below has three mistakes of three kinds: a cell that is not a number (found by
reading), a negative count and a part above its whole (found by evaluating). One run of
``validate`` or ``evaluate`` reports all three, sorted by row then column.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi.cli import main
from xmqc_kpi.errors import PROBLEM_COLUMNS, DataError, DataProblem
from xmqc_kpi.readers import read_data

HEADER = [
    "地区",
    "年份",
    "国家级监督抽查批次",
    "国家级监督抽查合格批次",
    "市级监督抽查批次",
    "市级监督抽查合格批次",
]
ROWS: list[list[object]] = [
    ["厦门市", 2013, 50, "约47", 1200, 1300],  # D2 not a number; F2 1300 passed of 1200
    ["思明区", 2014, -5, 3, 100, 90],  # C3 negative
]
#: By row, then column: D2 and F2 on row 2, C3 on row 3.
CODES = ["not_a_number", "part_exceeds_whole", "value_negative"]
CELLS = ["D2", "F2", "C3"]


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    table: list[list[object]] = [[*HEADER], *ROWS]
    lines = [",".join(str(cell) for cell in row) for row in table]
    path = tmp_path / "onepass.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def xlsx_file(tmp_path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    path = tmp_path / "onepass.xlsx"
    book.save(path)
    return path


def _evaluation_error(path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        kpi.evaluate(kpi.catalog(), read_data(path, defer=True))
    return info.value


def test_python_reports_the_three_problems_at_their_cells(csv_file: Path) -> None:
    error = _evaluation_error(csv_file)
    assert list(error.codes) == CODES
    assert [problem.cell for problem in error.problems] == CELLS
    assert error.render("en").splitlines() == [
        "3 problems in the data:",
        "  - D2 (国家级监督抽查合格批次): not a number: '约47'",
        "  - F2 (市级监督抽查合格批次): 市级监督抽查合格批次 (1300) exceeds"
        " 市级监督抽查批次 (1200)",
        "  - C3 (国家级监督抽查批次): negative value -5",
    ]
    zh = error.render("zh").splitlines()
    assert zh[0] == "数据中有 3 处问题："
    assert [line.split("（")[0] for line in zh[1:]] == [
        "  - 第2行 D列",
        "  - 第2行 F列",
        "  - 第3行 C列",
    ]


def test_the_problems_as_a_frame(csv_file: Path) -> None:
    frame = _evaluation_error(csv_file).to_frame("en")
    assert list(frame.columns) == list(PROBLEM_COLUMNS)
    assert frame[["cell", "row", "variable", "value", "code"]].to_dict("records") == [
        {
            "cell": "D2",
            "row": 2,
            "variable": "national_passed_batches",
            "value": "约47",
            "code": "not_a_number",
        },
        {
            "cell": "F2",
            "row": 2,
            "variable": "municipal_passed_batches",
            "value": 1300,
            "code": "part_exceeds_whole",
        },
        {
            "cell": "C3",
            "row": 3,
            "variable": "national_sampled_batches",
            "value": -5,
            "code": "value_negative",
        },
    ]
    assert frame["column"].tolist() == [HEADER[3], HEADER[5], HEADER[2]]
    assert frame["sheet"].isna().all()


def test_an_xlsx_file_places_each_problem_on_its_sheet(xlsx_file: Path) -> None:
    error = _evaluation_error(xlsx_file)
    assert list(error.codes) == CODES
    assert [f"{p.sheet}!{p.cell}" for p in error.problems] == [
        "Sheet1!D2",
        "Sheet1!F2",
        "Sheet1!C3",
    ]
    lines = error.render("en").splitlines()
    assert [line.split(" ")[3] for line in lines[1:]] == ["Sheet1!D2", "Sheet1!F2", "Sheet1!C3"]
    assert error.render("zh").splitlines()[1].startswith("  - 工作表“Sheet1”第2行 D列")


@pytest.mark.parametrize("command", ["validate", "evaluate"])
@pytest.mark.parametrize(
    ("lang", "places"),
    [
        ("en", ["D2 (", "F2 (", "C3 ("]),
        ("zh", ["第2行 D列", "第2行 F列", "第3行 C列"]),
    ],
)
def test_the_command_line_lists_every_problem_in_one_run(
    csv_file: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    lang: str,
    places: list[str],
) -> None:
    status = main([command, str(csv_file), "--lang", lang])
    assert status == 2
    captured = capsys.readouterr()
    listed = [
        line for line in (captured.out + captured.err).splitlines() if line.startswith("  - ")
    ]
    assert len(listed) == 3
    for line, place in zip(listed, places, strict=True):
        assert line.startswith(f"  - {place}")
    assert "Traceback" not in captured.err


def test_read_data_alone_still_raises_an_unreadable_cell(csv_file: Path) -> None:
    with pytest.raises(DataError) as info:
        read_data(csv_file)
    assert info.value.codes == ("not_a_number",)


def test_deferred_reading_leaves_the_cell_missing_and_keeps_its_problem(csv_file: Path) -> None:
    frame = read_data(csv_file, defer=True)
    assert frame["national_passed_batches"].isna().tolist() == [True, False]
    assert frame.loc[3, "national_passed_batches"] == 3
    assert [p.code for p in frame.attrs["problems"]] == ["not_a_number"]


def test_a_frame_with_recorded_problems_never_evaluates(tmp_path: Path) -> None:
    path = tmp_path / "only_reading.csv"
    path.write_text(
        "period,national_sampled_batches,national_passed_batches\n2013,50,约47\n2014,50,47\n",
        encoding="utf-8",
    )
    frame = read_data(path, defer=True)
    with pytest.raises(DataError) as info:
        kpi.evaluate(kpi.catalog(), frame)
    assert info.value.codes == ("not_a_number",)
    assert frame.attrs["problems"][0].cell == "C2"  # the frame is left as it was


def test_a_row_whose_period_cannot_be_read_is_left_out_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "periods.csv"
    path.write_text(
        "period,national_sampled_batches,national_passed_batches\n2013-2014,50,47\n2015,50,-1\n",
        encoding="utf-8",
    )
    frame = read_data(path, defer=True)
    assert frame.index.tolist() == [3]
    with pytest.raises(DataError) as info:
        kpi.evaluate(kpi.catalog(), frame)
    assert [(p.code, p.cell) for p in info.value.problems] == [
        ("period_two", "A2"),
        ("value_negative", "C3"),
    ]


def test_recorded_problems_must_be_problems() -> None:
    frame = pd.DataFrame({"period": [2013], "national_sampled_batches": [50]})
    frame.attrs["problems"] = ["D2 is wrong"]
    with pytest.raises(TypeError):
        kpi.evaluate(kpi.catalog(), frame)
    frame.attrs["problems"] = [DataProblem(code="value_not_number", row=0)]
    with pytest.raises(DataError):
        kpi.evaluate(kpi.catalog(), frame)
