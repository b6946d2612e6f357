"""Write the corpus of malformed data files, once: ``python tests/data/malformed/make_corpus.py``.

Each file is small and shows one thing departments send: thousands separators, markers of
missing values, title rows, merged cells, two periods in a cell, … ``expected.toml`` beside it
says what reading it must give: the frame (and a few verdicts), or the exact error lines.
The output is deterministic (fixed workbook timestamps, fixed zip entry times), so rerunning
the script changes no file. The 50,000-row case is written by the test itself.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd

HERE = Path(__file__).resolve().parent
SAMPLED = "national_sampled_batches"
PASSED = "national_passed_batches"
BATCHES = f"region,period,{SAMPLED},{PASSED}\n"
FIXED = dt.datetime(2014, 1, 1)

Rows = Sequence[Sequence[object]]


def csv_text(text: str, encoding: str = "utf-8") -> Callable[[Path], object]:
    return lambda path: path.write_bytes(text.encode(encoding))


def stable_zip(data: bytes, replace: dict[str, tuple[str, str]] | None = None) -> bytes:
    """A zip's entries re-packed with a fixed time; ``replace`` patches one entry's text."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            content = source.read(name)
            if name == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>2014-01-01T00:00:00Z\g<2>",
                    content,
                )
            if replace and name in replace:
                old, new = replace[name]
                text = content.decode("utf-8")
                assert old in text, (name, old)
                content = text.replace(old, new).encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue()


def workbook(
    rows: Rows,
    *,
    title: str = "Sheet1",
    build: Callable[[Any], None] | None = None,
    replace: dict[str, tuple[str, str]] | None = None,
) -> Callable[[Path], object]:
    def write(path: Path) -> None:
        book = openpyxl.Workbook()
        book.properties.created = FIXED
        book.properties.modified = FIXED
        sheet = book.active
        sheet.title = title
        for row in rows:
            sheet.append(list(row))
        if build is not None:
            build(sheet)
        buffer = io.BytesIO()
        book.save(buffer)
        path.write_bytes(stable_zip(buffer.getvalue(), replace))

    return write


def parquet(frame: pd.DataFrame) -> Callable[[Path], object]:
    return lambda path: frame.to_parquet(path, index=False, compression=None)


def json_text(document: object) -> Callable[[Path], object]:
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    return lambda path: path.write_text(text, encoding="utf-8")


def merge(*ranges: str) -> Callable[[Any], None]:
    def build(sheet: Any) -> None:
        for cells in ranges:
            sheet.merge_cells(cells)

    return build


def hide_column(letter: str) -> Callable[[Any], None]:
    def build(sheet: Any) -> None:
        sheet.column_dimensions[letter].hidden = True

    return build


def dates(column: str, rows: Sequence[int]) -> Callable[[Any], None]:
    def build(sheet: Any) -> None:
        for row in rows:
            sheet[f"{column}{row}"].number_format = "yyyy-mm"

    return build


SHEET = "xl/worksheets/sheet1.xml"

CASES: dict[str, Callable[[Path], object]] = {
    # ---------------------------------------------------------------- CSV: numbers
    "thousands.csv": csv_text(BATCHES + '思明区,2013,"1,200","1,160"\n湖里区,2013,800,760\n'),
    "fullwidth_digits.csv": csv_text(BATCHES + "思明区,2013,１２００,１１６０\n"),
    "spaces.csv": csv_text(BATCHES + "思明区, 2013 ,  1200 ,1160\u3000\n"),
    "percent_direct.csv": csv_text(
        "region,period,municipal_sampling_pass_rate\n思明区,2013,96.5%\n湖里区,2013, 94 ％\n"
    ),
    "percent_in_count.csv": csv_text(BATCHES + "思明区,2013,1200,96%\n"),
    "permille_direct.csv": csv_text("period,quality_funding_ratio\n2013,1‰\n2014,0.9‰\n"),
    "percent_long_units.csv": csv_text(
        "region,period,variable,value,unit\n"
        "厦门市,2013,made_in_xiamen_market_share,35%,\n"
        "厦门市,2014,made_in_xiamen_market_share,36.5%,dimensionless\n"
        "厦门市,2015,made_in_xiamen_market_share,380‰,permille\n"
    ),
    "missing_markers.csv": csv_text(
        BATCHES + "思明区,2013,—,无\n湖里区,2013,-,/\n集美区,2013,NA,\n海沧区,2013,50,47\n"
    ),
    "not_a_number.csv": csv_text(BATCHES + "思明区,2013,约1200,1160\n湖里区,2013,800,见附件\n"),
    "negative_after_reading.csv": csv_text(BATCHES + '思明区,2013,"1,200",-5\n'),
    # ---------------------------------------------------------------- CSV: periods
    "periods_years.csv": csv_text(BATCHES + "思明区,2013年,50,47\n思明区,2014年度,50,48\n"),
    "periods_months.csv": csv_text(
        BATCHES + "思明区,2013年12月,50,47\n思明区,2013-11,50,48\n思明区,2013/1,50,49\n"
    ),
    "periods_quarters.csv": csv_text(
        BATCHES + "思明区,2013年第四季度,50,47\n思明区,2013Q3,50,48\n思明区,2013年第2季度,50,49\n"
    ),
    "two_periods.csv": csv_text(BATCHES + "思明区,2013-2014,50,47\n湖里区,2013、2014,50,47\n"),
    "unreadable_period.csv": csv_text(BATCHES + "思明区,去年,50,47\n湖里区,,50,47\n"),
    "period_serial_number.csv": csv_text(BATCHES + "思明区,41609,50,47\n"),
    # ---------------------------------------------------------------- CSV: layout
    "title_rows.csv": csv_text(
        "厦门市质量指标统计表,,,\n单位:批次,,,\n" + BATCHES + "思明区,2013,50,47\n"
    ),
    "title_unit_yuan.csv": csv_text(
        "厦门市质量发展经费统计表\n单位：万元\nperiod,quality_funding\n2013,4780\n"
    ),
    "blank_lines.csv": csv_text(BATCHES + "\n思明区,2013,50,47\n,,,\n\n湖里区,2013,50,48\n"),
    "ragged.csv": csv_text(BATCHES + "思明区,2013,50,47,46\n"),
    "empty.csv": csv_text(""),
    "header_only.csv": csv_text(BATCHES),
    "header_only_with_title.csv": csv_text("厦门市质量指标统计表\n" + BATCHES),
    "totals.csv": csv_text(
        BATCHES + "思明区,2013,50,47\n湖里区,2013,50,48\n合  计,2013,100,95\n厦门市,2013,120,114\n"
    ),
    "subtotal_period.csv": csv_text(
        "period,national_sampled_batches,national_passed_batches\n2013,50,47\n2014,50,48\n"
        "小计,100,95\n"
    ),
    # ---------------------------------------------------------------- CSV: headers
    "duplicate_headers.csv": csv_text(
        "region,period,national_sampled_batches,国家级监督抽查批次,备注,备注\n"
        "思明区,2013,50,50,a,b\n"
    ),
    "header_spaces.csv": csv_text(
        "region ,period,  national_sampled_batches  ,national_passed_batches \n思明区,2013,50,47\n"
    ),
    "header_fullwidth.csv": csv_text(
        "period,质量发展经费投入（万元）,年财政一般预算收入 （亿元）\n2013,4780,478\n",
        "utf-8-sig",
    ),
    "header_not_a_label.csv": csv_text(
        "period,质量发展经费(万元),年财政一般预算收入(亿元)\n2013,4780,478\n", "utf-8-sig"
    ),
    "header_unit_conflict.csv": csv_text("period,地区生产总值(GDP)（亿元）\n2013,1200\n"),
    "header_unknown_unit.csv": csv_text("period,gdp(亿斤)\n2013,1\n"),
    # ---------------------------------------------------------------- CSV: encodings, shapes
    "utf8_bom_labels.csv": csv_text(
        "地区,period,市级监督抽查批次,市级监督抽查合格批次\n思明区,2013,1200,1160\n",
        "utf-8-sig",
    ),
    "gb18030.csv": csv_text(
        "厦门市质量指标统计表\n" + BATCHES + '思明区,2013年,"1,200",—\n', "gb18030"
    ),
    "long_form.csv": csv_text(
        "region,period,variable,value\n"
        f'思明区,2013年,{SAMPLED},"1,200"\n思明区,2013年,{PASSED},1160\n'
        "思明区,2013年,remark_count,约10\n"
    ),
    "template_filled.csv": csv_text(
        "variable,label_zh,unit,accepted_units,indicators,region,2013年,2014年\n"
        f"{SAMPLED},国家级监督抽查批次,count,count,national_sampling_pass_rate,思明区,"
        '"1,200",—\n'
        f"{PASSED},国家级监督抽查合格批次,count,count,national_sampling_pass_rate,思明区,"
        "1160,无\n",
        "utf-8-sig",
    ),
    # ---------------------------------------------------------------- XLSX
    "xlsx_title_rows.xlsx": workbook(
        [
            ["厦门市质量指标统计表", None, None, None],
            ["单位:批次", None, None, None],
            ["region", "period", "国家级监督抽查批次", "国家级监督抽查合格批次"],
            ["思明区", 2013, 50, 47],
        ],
        build=merge("A1:D1"),
    ),
    "xlsx_not_a_number.xlsx": workbook(
        [
            ["region", "period", SAMPLED, PASSED],
            ["思明区", 2013, 1200, 1160],
            ["湖里区", 2013, 800, 760],
            ["集美区", 2013, 900, 850],
            ["海沧区", 2013, "约1200", 1160],
        ]
    ),
    "xlsx_text_numbers.xlsx": workbook(
        [["region", "period", SAMPLED, PASSED], ["思明区", "2013年", "1,200", " 1160 "]]
    ),
    "xlsx_merged_region.xlsx": workbook(
        [
            ["region", "period", SAMPLED, PASSED],
            ["思明区", 2013, 50, 47],
            [None, 2014, 50, 48],
        ],
        build=merge("A2:A3"),
    ),
    "xlsx_merged_numbers.xlsx": workbook(
        [
            ["region", "period", SAMPLED, PASSED],
            ["思明区", 2013, 50, 47],
            ["湖里区", 2013, None, 48],
        ],
        build=merge("C2:C3"),
    ),
    "xlsx_hidden_column.xlsx": workbook(
        [["region", "period", SAMPLED, PASSED], ["思明区", 2013, 50, 47]],
        build=hide_column("C"),
    ),
    "xlsx_formula_cached.xlsx": workbook(
        [["region", "period", SAMPLED, PASSED], ["思明区", 2013, 50, "=C2-3"]],
        replace={SHEET: ("<f>C2-3</f><v />", "<f>C2-3</f><v>47</v>")},
    ),
    "xlsx_formula_uncomputed.xlsx": workbook(
        [["region", "period", SAMPLED, PASSED], ["思明区", 2013, 50, "=C2-3"]]
    ),
    "xlsx_dates_months.xlsx": workbook(
        [
            ["region", "period", SAMPLED, PASSED],
            ["思明区", dt.datetime(2013, 11, 1), 50, 47],
            ["思明区", dt.datetime(2013, 12, 1), 50, 48],
        ],
        build=dates("B", [2, 3]),
    ),
    "xlsx_dates_with_years.xlsx": workbook(
        [
            ["region", "period", SAMPLED, PASSED],
            ["思明区", 2013, 50, 47],
            ["思明区", dt.datetime(2014, 1, 1), 50, 48],
        ],
        build=dates("B", [3]),
    ),
    "xlsx_serial_not_date.xlsx": workbook(
        [["region", "period", SAMPLED, PASSED], ["思明区", 41609, 50, 47]]
    ),
    "xlsx_date_as_value.xlsx": workbook(
        [["region", "period", SAMPLED, PASSED], ["思明区", 2013, dt.datetime(2013, 1, 5), 47]],
        title="数据",
    ),
    # ---------------------------------------------------------------- JSON
    "json_records_text.json": json_text(
        [
            {"region": "思明区", "period": "2013年", "municipal_sampling_pass_rate": "96.5%"},
            {"region": "湖里区", "period": "2013年", "municipal_sampling_pass_rate": "—"},
        ]
    ),
    "json_split_numbers.json": json_text(
        {
            "columns": ["region", "period", SAMPLED, PASSED],
            "data": [["思明区", 2013, "1,200", "1,160"], ["湖里区", 2013, 800, None]],
        }
    ),
    "json_bad_cells.json": json_text(
        [
            {"region": "思明区", "period": 2013, SAMPLED: "见附件", PASSED: True},
            {"region": "湖里区", "period": "2013-2014", SAMPLED: 50, PASSED: 47},
        ]
    ),
    # ---------------------------------------------------------------- Parquet
    "parquet_strings.parquet": parquet(
        pd.DataFrame(
            {
                "region": ["思明区", "湖里区", "合计"],
                "period": ["2013年", "2013年", "2013年"],
                SAMPLED: ["1,200", "800", "2,000"],
                PASSED: ["1,160", "—", "1,160"],
            }
        )
    ),
    "parquet_numbers.parquet": parquet(
        pd.DataFrame({"region": ["思明区"], "period": [2013], SAMPLED: [1200], PASSED: [1160.0]})
    ),
    # ---------------------------------------------------------------- issue 12: careless bytes
    "digits_superscript.csv": csv_text(BATCHES + "思明区,2013,10²,⑫⓪\n"),
    "bom_gb18030.csv": lambda path: path.write_bytes(
        b"\xef\xbb\xbf" + (BATCHES + "思明区,2013,50,47\n").encode("gb18030")
    ),
    "utf16.csv": csv_text(BATCHES + "思明区,2013,50,47\n", "utf-16"),
    "header_bracket_units.csv": csv_text(
        "region,period,国家级监督抽查批次（批次）,national_passed_batches(个)\n思明区,2013,50,47\n"
    ),
    "json_duplicate_key.json": lambda path: path.write_text(
        '[{"region": "思明区", "period": 2013, "national_sampled_batches": 50, '
        '"national_sampled_batches": 60, "national_passed_batches": 47}]',
        encoding="utf-8",
    ),
}


def main(argv: Sequence[str] = ()) -> int:
    """Write every case into ``argv[0]`` (default: this folder)."""
    folder = Path(argv[0]) if argv else HERE
    for name, write in CASES.items():
        write(folder / name)
    print(f"wrote {len(CASES)} files to {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
