"""read_data / read_data_file / read_units: every format and encoding, headers, bad files."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from xmqc_kpi.catalogs import catalog
from xmqc_kpi.engine import evaluate
from xmqc_kpi.errors import DataError
from xmqc_kpi.readers import DataFile, FileProblem, read_data, read_data_file, read_units
from xmqc_kpi.sample import SampleData, sample_data
from xmqc_kpi.template import write_input_template

openpyxl = pytest.importorskip("openpyxl")

COMPARED = ["indicator_id", "region", "period", "value", "status", "reason"]

Writer = Callable[[pd.DataFrame, Path], None]


@pytest.fixture(scope="module")
def sample() -> SampleData:
    return sample_data()


@pytest.fixture(scope="module")
def expected(sample: SampleData) -> pd.DataFrame:
    return evaluate(catalog(), **sample).to_frame().loc[:, COMPARED]


def _evaluated(frame: pd.DataFrame, sample: SampleData) -> pd.DataFrame:
    result = evaluate(
        catalog(), frame, units=sample.units, benchmarks=sample.benchmarks, peers=sample.peers
    )
    return result.to_frame().loc[:, COMPARED]


def _csv(encoding: str) -> Writer:
    return lambda frame, path: frame.to_csv(path, index=False, encoding=encoding)


WRITERS: dict[str, tuple[str, Writer]] = {
    "csv-utf8": (".csv", _csv("utf-8")),
    "csv-utf8-bom": (".csv", _csv("utf-8-sig")),
    "csv-gb18030": (".csv", _csv("gb18030")),
    "xlsx": (".xlsx", lambda frame, path: frame.to_excel(path, index=False)),
    "parquet": (".parquet", lambda frame, path: frame.to_parquet(path)),
    "json-records": (
        ".json",
        lambda frame, path: frame.to_json(path, orient="records", force_ascii=False),
    ),
    "json-split": (
        ".json",
        lambda frame, path: frame.to_json(path, orient="split", index=False, force_ascii=False),
    ),
}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_every_format_reads_back_to_the_same_evaluation(
    kind: str, tmp_path: Path, sample: SampleData, expected: pd.DataFrame
) -> None:
    suffix, write = WRITERS[kind]
    path = tmp_path / f"data{suffix}"
    write(sample.data, path)
    frame = read_data(path)
    assert frame.shape == sample.data.shape
    assert list(frame.columns) == list(sample.data.columns)
    pd.testing.assert_frame_equal(_evaluated(frame, sample), expected)


def test_gb18030_file_is_not_utf8_and_is_detected(tmp_path: Path, sample: SampleData) -> None:
    path = tmp_path / "gbk.csv"
    sample.data.to_csv(path, index=False, encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    assert set(read_data(path)["region"]) == set(sample.data["region"])


def test_rows_are_labelled_by_line_and_blank_lines_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    text = (
        "region,period,national_sampled_batches,national_passed_batches\n"
        "思明区,2013,50,47\n"
        "\n"
        ",,,\n"
        "湖里区,2013,50,-5\n"
    )
    path.write_text(text, encoding="utf-8")
    frame = read_data(path)
    assert list(frame.index) == [2, 5]
    with pytest.raises(DataError) as info:
        evaluate(catalog()["national_sampling_pass_rate"], frame)
    [problem] = info.value.problems
    assert (problem.column, problem.row) == ("national_passed_batches", 5)

    path.write_text(text.replace("-5", "四十七"), encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_data(path)
    [problem] = info.value.problems
    assert isinstance(problem, FileProblem)
    assert (problem.code, problem.column, problem.row, problem.letter) == (
        "not_a_number",
        "national_passed_batches",
        5,
        "D",
    )
    assert problem.render("en") == "D5 (national_passed_batches): not a number: '四十七'"
    assert problem.render("zh") == "第5行 D列（national_passed_batches）：不是数字：“四十七”"


def test_xlsx_rows_are_sheet_rows_and_sheet_is_chosen(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "notes"
    workbook.active.append(["nothing here"])
    sheet = workbook.create_sheet("data")
    sheet.append(["region", "period", "gdp"])
    sheet.append(["思明区", 2013, 1.5])
    sheet.append([None, None, None])
    sheet.append(["湖里区", 2013, "n/a"])
    workbook.save(path)
    frame = read_data(path, sheet="data")
    assert list(frame.index) == [2, 4]
    assert frame.loc[2, "gdp"] == 1.5
    with pytest.raises(DataError) as info:
        read_data(path, sheet="missing")
    assert info.value.codes == ("xlsx_no_sheet",)
    assert info.value.problems[0].message_in("en") == (
        "the workbook has no sheet 'missing'; its sheets are 'notes', 'data'"
    )


def test_xlsx_formulas_are_not_evaluated(tmp_path: Path) -> None:
    path = tmp_path / "formula.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["period", "gdp", "remark"])
    workbook.active.append([2013, "=1+1", "=A2"])
    workbook.save(path)  # openpyxl stores no cached value: Excel never computed the formula
    with pytest.raises(DataError) as info:
        read_data(path)
    [problem] = info.value.problems  # the unused column's formula is not a problem
    assert problem.code == "formula_uncomputed"
    assert problem.render("en") == (
        "Sheet!B2 (gdp): a formula without a computed value: "
        "open and save the file in Excel, or type the value"
    )


def test_year_headers_typed_as_numbers_become_text(tmp_path: Path) -> None:
    path = tmp_path / "years.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["variable", "unit", 2013, 2014.0])
    workbook.active.append(["gdp", "亿元", 1.5, 1.6])
    workbook.save(path)
    assert list(read_data(path).columns) == ["variable", "unit", "2013", "2014"]


def test_parquet_named_index_becomes_columns(tmp_path: Path) -> None:
    path = tmp_path / "indexed.parquet"
    frame = pd.DataFrame({"region": ["思明区"], "period": [2013], "gdp": [1.5]})
    frame.set_index(["region", "period"]).to_parquet(path)
    read = read_data(path)
    assert list(read.columns) == ["region", "period", "gdp"]
    assert list(read.index) == [1]


def test_chinese_headers_with_units_map_to_variables(tmp_path: Path) -> None:
    path = tmp_path / "headers.csv"
    path.write_text(
        "period, 质量发展经费投入（万元） ,年财政一般预算收入 (亿元),地区生产总值（GDP）\n"
        "2013,11,1.1,9\n",
        encoding="utf-8-sig",
    )
    file = read_data_file(path)
    assert list(file.frame.columns) == [
        "period",
        "quality_funding",
        "general_budget_revenue",
        "gdp",
    ]
    assert file.units == {"quality_funding": "万元", "general_budget_revenue": "亿元"}
    assert file.headers["quality_funding"] == "质量发展经费投入（万元）"
    assert file.source == path
    result = evaluate(catalog()["quality_funding_ratio"], file.frame, units=file.units_with())
    assert result.to_frame().loc[0, "status"] == "met"  # 11 万元 of 1.1 亿元 is exactly 1 ‰


def test_read_data_keeps_header_units_in_attrs(tmp_path: Path) -> None:
    path = tmp_path / "gdp.json"
    path.write_text(json.dumps([{"period": 2013, "gdp (亿元)": 2}]), encoding="utf-8")
    assert read_data(path).attrs["units"] == {"gdp": "亿元"}


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("gdp,地区生产总值(GDP)", r"C1 .*: names the variable 'gdp', as does column B"),
        ("gdp(亿斤),region", "unknown unit '亿斤' in the header"),
        ("region,region", "repeated header"),
    ],
)
def test_bad_headers_name_the_column(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f"period,{header}\n2013,1,2\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_data(path)
    assert re.search(message.replace("(GDP)", r"\(GDP\)"), info.value.render("en"))


def test_explicit_units_must_agree_with_header_units() -> None:
    file = DataFile(
        frame=pd.DataFrame({"period": [2013], "gdp": [1]}),
        units={"gdp": "亿元"},
        headers={"gdp": "地区生产总值(GDP)(亿元)"},
        source=Path("x.csv"),
    )
    assert file.units_with({"gdp": "yi_yuan", "quality_funding": "元"}) == {
        "gdp": "亿元",
        "quality_funding": "元",
    }
    with pytest.raises(DataError) as info:
        file.units_with({"gdp": "万元"})
    [problem] = info.value.problems
    assert problem.column == "地区生产总值(GDP)(亿元)"
    assert problem.code == "units_conflict"
    assert problem.message_in("en") == "the header gives the unit '亿元', the units mapping '万元'"
    assert problem.message_in("zh") == "表头给出的单位是“亿元”，单位映射给出的是“万元”"


def test_filled_template_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "template.csv"
    write_input_template(path, periods=[2013], regions=["思明区"])
    template = pd.read_csv(path, encoding="utf-8-sig")
    filled = {"national_sampled_batches": 50, "national_passed_batches": 47}
    template["2013"] = template["variable"].map(filled)
    template.to_csv(path, index=False, encoding="utf-8-sig")
    frame = read_data(path)
    row = evaluate(catalog()["national_sampling_pass_rate"], frame).to_frame().iloc[0]
    assert (row["region"], row["value"], row["status"]) == ("思明区", 94.0, "met")


def test_numbers_written_as_text_are_numbers_and_other_text_an_error(tmp_path: Path) -> None:
    path = tmp_path / "text.json"
    records = [{"period": 2013, "gdp": "1.5", "remark": "abc"}, {"period": 2014, "gdp": "2"}]
    path.write_text(json.dumps(records), encoding="utf-8")
    assert read_data(path)["gdp"].tolist() == [1.5, 2.0]
    records[1]["gdp"] = "abc"
    path.write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_data(path)
    assert [problem.render("en") for problem in info.value.problems] == [
        "row 2, column 'gdp': not a number: 'abc'"
    ]


@pytest.mark.parametrize(
    ("name", "content", "error", "code"),
    [
        ("missing.csv", None, FileNotFoundError, "missing.csv does not exist"),
        ("data.txt", b"a,b\n", ValueError, r"data.txt: cannot read \.txt"),
        ("empty.csv", b"", DataError, "file_empty"),
        ("blank.csv", b"\xef\xbb\xbf \n\n", DataError, "file_empty"),
        ("header.csv", b"period,gdp\n", DataError, "file_no_data"),
        ("empty.xlsx", b"", DataError, "file_empty"),
        ("junk.xlsx", b"not a zip", DataError, "file_unreadable"),
        ("junk.parquet", b"not parquet", DataError, "file_unreadable"),
        ("junk.json", b"{", DataError, "file_unreadable"),
        ("scalar.json", b"3", DataError, "json_shape"),
        ("rows.json", b"[1, 2]", DataError, "json_not_objects"),
        ("split.json", b'{"columns": ["a"], "data": [[1, 2]]}', DataError, "json_split_rows"),
        ("utf16.csv", b"\xff\xfe\xff\x00", DataError, "encoding_utf16"),
        ("binary.csv", b"\x81\x20\xff", DataError, "encoding_unknown"),
        ("wide.csv", b"period,gdp\n2013,1,2\n", DataError, "csv_extra_cells"),
        ("ragged.csv", b"period,gdp\n2013,1\n2014,1,2,3\n", DataError, "csv_extra_cells"),
        ("noheader.csv", b"\n2013,1\n", DataError, "header_not_found"),
    ],
)
def test_bad_files_raise_clear_errors(
    tmp_path: Path, name: str, content: bytes | None, error: type[Exception], code: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    if error is not DataError:
        with pytest.raises(error, match=code):
            read_data(path)
        return
    with pytest.raises(DataError) as info:
        read_data(path)
    assert info.value.codes == (code,)
    for lang in ("zh", "en"):  # every problem renders in both languages
        assert info.value.render(lang).count("\n") == 1


def test_whole_file_problems_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError) as info:
        read_data(path)
    assert info.value.problems[0].message_in("en") == f"{path} is empty"
    assert info.value.problems[0].message_in("zh") == f"文件“{path}”是空的"


def test_sheet_is_only_for_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("period\n2013\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"only an \.xlsx file has sheets"):
        read_data(path, sheet="data")


def test_missing_optional_dependency_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` fail
    path = tmp_path / "data.parquet"
    path.write_bytes(b"PAR1")
    with pytest.raises(ImportError, match=r"pip install 'xmqc_kpi\[parquet\]'"):
        read_data(path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("units.json", '{"gdp": "亿元", "quality_funding": "万元"}'),
        ("units.yaml", "gdp: 亿元\nquality_funding: 万元\n"),
        ("units.yml", "gdp: 亿元\nquality_funding: 万元\n"),
        ("units.csv", "variable,unit,note\ngdp,亿元,\nquality_funding, 万元 ,x\n"),
    ],
)
def test_units_files(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert read_units(path) == {"gdp": "亿元", "quality_funding": "万元"}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("units.toml", "", r"\.json, \.yaml, \.yml or \.csv"),
        ("units.json", "[1]", "maps variable names to unit strings"),
        ("units.json", '{"gdp": 1}', "maps variable names to unit strings"),
        ("units.json", "{", "cannot read the units mapping"),
        ("units.yaml", "a: [", "cannot read the units mapping"),
        ("units.csv", "name,unit\ngdp,亿元\n", "columns 'variable' and 'unit'"),
    ],
)
def test_bad_units_files(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_units(path)


def test_missing_units_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"units\.json does not exist"):
        read_units(tmp_path / "units.json")


def test_chinese_key_headers_name_the_key_columns(tmp_path: Path) -> None:
    """地区 / 年份 (wide) and 指标 / 数值 / 单位 (long) are read as the key columns, noted."""
    wide = tmp_path / "wide.csv"
    wide.write_text(
        "地区,年份,市级监督抽查批次,市级监督抽查合格批次\n思明区,2013,50,48\n", encoding="utf-8"
    )
    long = tmp_path / "long.csv"
    long.write_text(
        "地区,期间,指标,数值,单位\n思明区,2013,quality_funding,11,万元\n"
        "思明区,2013,general_budget_revenue,1.1,亿元\n",
        encoding="utf-8",
    )
    read = read_data_file(wide)
    assert list(read.frame.columns[:2]) == ["region", "period"]
    assert "header '地区' read as region" in [note.render("en") for note in read.notes]
    rate = catalog()["municipal_sampling_pass_rate"]
    assert evaluate(rate, read.frame).to_frame()["status"].tolist() == ["met"]  # 48/50 = 96 %
    frame = read_data(long)
    assert list(frame.columns) == ["region", "period", "variable", "value", "unit"]
    funding = evaluate(catalog()["quality_funding_ratio"], frame).to_frame()
    assert funding["status"].tolist() == ["met"]  # 11 万元 of 1.1 亿元 is exactly 1 ‰
