"""Hostile and careless files: each is answered with a result or a DataError, within budgets.

Every file here is made at test time (a few kilobytes that ask for gigabytes, malformed parts,
quietly wrong readings); each case failed before the bounded readers (issue 12).
"""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from xmqc_kpi.errors import DataError
from xmqc_kpi.limits import Limits
from xmqc_kpi.readers import read_data, read_data_file

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER = "region,period,national_sampled_batches,national_passed_batches\n"


def _sheet_xml(rows: str, extra: str = "") -> str:
    return f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData>{extra}</worksheet>'


def _row(number: int, *cells: tuple[str, object]) -> str:
    parts = []
    for ref, value in cells:
        if isinstance(value, str):
            parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
        else:
            parts.append(f'<c r="{ref}"><v>{value}</v></c>')
    return f'<row r="{number}">{"".join(parts)}</row>'


GOOD_ROWS = _row(
    1,
    ("A1", "region"),
    ("B1", "period"),
    ("C1", "national_sampled_batches"),
    ("D1", "national_passed_batches"),
) + _row(2, ("A2", "思明区"), ("B2", 2013), ("C2", 50), ("D2", 48))


def workbook(
    path: Path,
    sheets: list[tuple[str, str | None, str]] | None = None,
    *,
    strings: str | None = None,
    styles: str | None = None,
) -> Path:
    """An XLSX written by hand: ``sheets`` as (name, state, sheet XML or "chart")."""
    sheets = sheets if sheets is not None else [("Sheet1", None, _sheet_xml(GOOD_ROWS))]
    entries, relations, parts = [], [], {}
    for number, (name, state, xml) in enumerate(sheets, 1):
        chart = xml == "chart"
        kind = "chartsheet" if chart else "worksheet"
        target = f"{kind}s/sheet{number}.xml"
        hidden = f' state="{state}"' if state else ""
        entries.append(f'<sheet name="{name}" sheetId="{number}"{hidden} r:id="rId{number}"/>')
        relations.append(f'<Relationship Id="rId{number}" Type="{RELS}/{kind}" Target="{target}"/>')
        parts[f"xl/{target}"] = f'<chartsheet xmlns="{MAIN}"/>' if chart else xml
    if strings is not None:
        relations.append(f'<Relationship Id="rS" Type="{RELS}/sharedStrings" Target="s.xml"/>')
        parts["xl/s.xml"] = strings
    if styles is not None:
        relations.append(f'<Relationship Id="rT" Type="{RELS}/styles" Target="styles.xml"/>')
        parts["xl/styles.xml"] = styles
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>{"".join(entries)}</sheets></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{PKG}">{"".join(relations)}'
    parts["xl/_rels/workbook.xml.rels"] += "</Relationships>"
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{PKG}"><Relationship Id="r1" '
        f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _codes(path: Path, **kwargs: object) -> tuple[str, ...]:
    with pytest.raises(DataError) as info:
        read_data(path, **kwargs)  # type: ignore[arg-type]
    for lang in ("zh", "en"):
        assert "Traceback" not in info.value.render(lang)
    return info.value.codes


def _limit(path: Path, **kwargs: object) -> str:
    with pytest.raises(DataError) as info:
        read_data(path, **kwargs)  # type: ignore[arg-type]
    [problem] = info.value.problems
    assert problem.code == "limit_exceeded"
    assert f"Limits.{problem.params['limit']}" in problem.message_in("en")
    return str(problem.params["limit"])


# --------------------------------------------------------------------------- XLSX


def test_the_hand_made_workbook_reads(tmp_path: Path) -> None:
    frame = read_data(workbook(tmp_path / "good.xlsx"))
    assert frame.to_dict("records") == [
        {
            "region": "思明区",
            "period": 2013,
            "national_sampled_batches": 50,
            "national_passed_batches": 48,
        }
    ]
    assert frame.attrs["sheet"] == "Sheet1"
    assert frame.attrs["letters"]["national_passed_batches"] == "D"


def test_one_cell_at_the_last_address_costs_one_cell(tmp_path: Path) -> None:
    rows = GOOD_ROWS + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = workbook(tmp_path / "far.xlsx", [("Sheet1", None, _sheet_xml(rows))])
    assert path.stat().st_size < 2_000
    assert _limit(path) == "max_columns"  # refused, never 17 billion cells laid out
    rows = GOOD_ROWS + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    path = workbook(tmp_path / "low.xlsx", [("Sheet1", None, _sheet_xml(rows))])
    assert _codes(path) == ("period_missing",)  # two rows read, the last one placed right
    with pytest.raises(DataError) as info:
        read_data(path)
    assert info.value.problems[0].cell == "B1048576"


def test_a_merge_over_the_whole_sheet_is_clipped_to_the_used_range(tmp_path: Path) -> None:
    merge = '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>'
    path = workbook(tmp_path / "merge.xlsx", [("Sheet1", None, _sheet_xml(GOOD_ROWS, merge))])
    assert "merged_numbers" in _codes(path)


def test_shared_strings_that_inflate_past_the_budget(tmp_path: Path) -> None:
    strings = f'<sst xmlns="{MAIN}">' + "<si><t>a</t></si>" * 200_000 + "</sst>"
    rows = _row(1, ("A1", "period")).replace(
        't="inlineStr"><is><t>period</t></is>', 't="s"><v>0</v>'
    )
    path = workbook(tmp_path / "bomb.xlsx", [("Sheet1", None, _sheet_xml(rows))], strings=strings)
    assert path.stat().st_size < 30_000
    assert _limit(path, limits=Limits(max_inflated_bytes=1_000_000)) == "max_inflated_bytes"


def test_the_default_inflated_budget(tmp_path: Path) -> None:
    path = workbook(tmp_path / "big-bomb.xlsx", strings=f'<sst xmlns="{MAIN}"></sst>')
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist() if name != "xl/s.xml"}
    chunk = b"<si><t>a</t></si>" * 65_536  # 1.1 MB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open("xl/s.xml", "w") as member:
            member.write(f'<sst xmlns="{MAIN}">'.encode())
            for _ in range(100):  # 110 MB inflated, over the 100 MiB default
                member.write(chunk)
    assert path.stat().st_size < 1_000_000
    assert _limit(path) in {"max_inflated_bytes", "max_cells"}


@pytest.mark.parametrize(
    "xml",
    [
        f'<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet xmlns="{MAIN}"><sheetData/></worksheet>',
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet>&e;</worksheet>',
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c>',
        "not xml at all",
    ],
    ids=["entity", "xxe", "truncated", "garbage"],
)
def test_malformed_or_refused_sheet_xml(tmp_path: Path, xml: str) -> None:
    path = workbook(tmp_path / "bad.xlsx", [("Sheet1", None, xml)])
    assert _codes(path) == ("xlsx_malformed",)


def test_a_workbook_without_worksheets(tmp_path: Path) -> None:
    assert _codes(workbook(tmp_path / "none.xlsx", [])) == ("xlsx_no_sheets",)
    charts = workbook(tmp_path / "charts.xlsx", [("Chart1", None, "chart")])
    assert _codes(charts) == ("xlsx_no_sheets",)


def test_sheet_naming_a_chartsheet(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "chart.xlsx",
        [("Chart1", None, "chart"), ("Sheet1", None, _sheet_xml(GOOD_ROWS))],
    )
    assert _codes(path, sheet="Chart1") == ("xlsx_chartsheet",)
    assert read_data(path).attrs["sheet"] == "Sheet1"  # charts are passed over by default


def test_a_bad_shared_string_index(tmp_path: Path) -> None:
    strings = f'<sst xmlns="{MAIN}"><si><t>period</t></si></sst>'
    rows = '<row r="1"><c r="A1" t="s"><v>7</v></c></row>'
    path = workbook(tmp_path / "index.xlsx", [("Sheet1", None, _sheet_xml(rows))], strings=strings)
    assert _codes(path) == ("xlsx_bad_shared_string",)


@pytest.mark.parametrize(
    "styles",
    [
        "<styleSheet",
        f'<styleSheet xmlns="{MAIN}"><cellXfs><xf numFmtId="x"/></cellXfs></styleSheet>',
        f'<styleSheet xmlns="{MAIN}"><numFmts><numFmt/></numFmts></styleSheet>',
    ],
    ids=["truncated", "bad-id", "bad-format"],
)
def test_bad_styles(tmp_path: Path, styles: str) -> None:
    path = workbook(tmp_path / "styles.xlsx", styles=styles)
    codes: tuple[str, ...] = ()
    frame = None
    try:
        frame = read_data(path)
    except DataError as error:
        codes = error.codes
    assert (
        codes == ("xlsx_malformed",)
        if frame is None
        else frame["national_passed_batches"].tolist() == [48]
    )


def test_a_hidden_first_sheet_is_passed_over_and_noted(tmp_path: Path) -> None:
    stale = GOOD_ROWS.replace("<v>48</v>", "<v>1</v>")
    path = workbook(
        tmp_path / "hidden.xlsx",
        [("旧数据", "hidden", _sheet_xml(stale)), ("Sheet1", None, _sheet_xml(GOOD_ROWS))],
    )
    frame = read_data(path)
    assert list(frame["national_passed_batches"]) == [48]
    [note] = frame.attrs["notes"]
    assert note.code == "note_hidden_sheets"
    assert note.render("en") == (
        "hidden sheet '旧数据' passed over; read the first visible sheet 'Sheet1'"
    )
    assert note.render("zh") == "跳过隐藏的工作表 “旧数据”，读取第一个可见工作表“Sheet1”"
    assert list(read_data(path, sheet="旧数据")["national_passed_batches"]) == [1]


def test_too_many_archive_members(tmp_path: Path) -> None:
    path = workbook(tmp_path / "members.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(30):
            archive.writestr(f"pad/{number}", b"")
    assert _limit(path, limits=Limits(max_archive_members=20)) == "max_archive_members"


# --------------------------------------------------------------------------- JSON


def test_a_key_twice_in_one_record_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text('[{"period": 2013, "gdp": 1, "gdp": 2}]', encoding="utf-8")
    assert _codes(path) == ("json_duplicate_key",)


def test_deep_nesting_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert _limit(path) == "max_depth"


def test_a_key_per_record_is_refused_by_the_keys_budget(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    records = [{"period": 2013, f"k{number}": 1} for number in range(30_000)]
    path.write_text(json.dumps(records), encoding="utf-8")
    assert _limit(path) == "max_keys"


# --------------------------------------------------------------------------- CSV


def test_a_hundred_thousand_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{n}" for n in range(100_000)) + "\n", encoding="utf-8")
    assert _limit(path) == "max_columns"


def test_a_million_rows(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(b"period,gdp\n" + b"2013,1\n" * 1_000_000)
    assert _limit(path) == "max_rows"


def test_a_file_over_the_size_budget(tmp_path: Path) -> None:
    path = tmp_path / "size.csv"
    path.write_bytes(b"period,gdp\n" + b"2013,1\n" * 200)
    assert _limit(path, limits=Limits(max_file_bytes=1_000)) == "max_file_bytes"


def test_a_byte_order_mark_before_gb18030_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "思明区,2013,50,48\n").encode("gb18030"))
    frame = read_data(path)
    assert list(frame.columns) == HEADER.strip().split(",")
    assert frame["region"].tolist() == ["思明区"]
    assert [note.code for note in frame.attrs["notes"]] == ["note_bom_gb18030"]


@pytest.mark.parametrize("cell", ["10²", "⑫⓪", "٣٠", "१२"])
def test_digits_other_than_ascii_or_full_width_are_refused(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "digits.csv"
    path.write_text(HEADER + f"思明区,2013,{cell},1\n", encoding="utf-8")
    assert _codes(path) == ("digits_not_ascii",)


def test_full_width_digits_are_read_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "digits.csv"
    path.write_text(HEADER + "思明区,２０１３,５０,４８\n", encoding="utf-8")
    frame = read_data(path)
    assert frame.iloc[0].tolist() == ["思明区", 2013, 50, 48]
    assert "note_full_width" in [note.code for note in frame.attrs["notes"]]


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("国家级监督抽查批次（批次）", "批次"),
        ("国家级监督抽查批次(个)", "个"),
        ("national_sampled_batches （批次）", "批次"),
    ],
)
def test_units_in_header_brackets(tmp_path: Path, header: str, unit: str) -> None:
    path = tmp_path / "units.csv"
    path.write_text(f"period,{header}\n2013,50\n", encoding="utf-8")
    file = read_data_file(path)
    assert list(file.frame.columns) == ["period", "national_sampled_batches"]
    assert file.units == {"national_sampled_batches": unit}


def test_a_percent_unit_in_full_width_brackets(tmp_path: Path) -> None:
    path = tmp_path / "share.csv"
    path.write_text("period,municipal_sampling_pass_rate（％）\n2013,96.5\n", encoding="utf-8")
    assert read_data_file(path).units == {"municipal_sampling_pass_rate": "%"}


def test_repeated_key_columns_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "keys.csv"
    path.write_text("region,地区,period,gdp\n思明区,湖里区,2013,1\n", encoding="utf-8")
    assert _codes(path) == ("header_same_variable",)


# --------------------------------------------------------------------------- Parquet

pyarrow = pytest.importorskip("pyarrow")


def test_parquet_decimal128_is_read_exactly(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    table = pyarrow.table(
        {
            "period": [2013, 2014],
            "municipal_sampling_pass_rate": pyarrow.array(
                [Decimal("96.00"), Decimal("95.99")], type=pyarrow.decimal128(5, 2)
            ),
        }
    )
    path = tmp_path / "numeric.parquet"
    pq.write_table(table, path)
    frame = read_data(path)
    assert frame["municipal_sampling_pass_rate"].tolist() == [96, 95.99]
    assert "note_exact_numbers" in [note.code for note in frame.attrs["notes"]]


def test_parquet_decimal_beyond_a_float_is_refused(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    value = Decimal("0.123456789012345678901234567")
    table = pyarrow.table(
        {
            "period": [2013],
            "municipal_sampling_pass_rate": pyarrow.array([value], type=pyarrow.decimal128(28, 27)),
        }
    )
    path = tmp_path / "precise.parquet"
    pq.write_table(table, path)
    assert _codes(path) == ("number_inexact",)


def test_parquet_multiindex_header_is_refused(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        [[2013, 1.5]], columns=pd.MultiIndex.from_tuples([("a", "period"), ("b", "gdp")])
    )
    path = tmp_path / "levels.parquet"
    frame.to_parquet(path)
    assert _codes(path) == ("parquet_multiindex",)


def test_parquet_rows_are_checked_from_the_footer(tmp_path: Path) -> None:
    path = tmp_path / "rows.parquet"
    pd.DataFrame({"period": [2013] * 50, "gdp": [1.0] * 50}).to_parquet(path)
    assert _limit(path, limits=Limits(max_rows=10)) == "max_rows"


def test_parquet_bytes_that_are_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "junk.parquet"
    path.write_bytes(b"PAR1" + io.BytesIO(b"\x00" * 64).getvalue() + b"PAR1")
    assert _codes(path) == ("file_unreadable",)
