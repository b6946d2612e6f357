from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from xmqc_kpi.catalogs import Catalog, catalog, load_catalog
from xmqc_kpi.engine import evaluate
from xmqc_kpi.formulas import value
from xmqc_kpi.indicator import Clause, Indicator, Input, Responsible
from xmqc_kpi.readers import read_data
from xmqc_kpi.sample import sample_data
from xmqc_kpi.template import TEMPLATE_COLUMNS, input_template, write_input_template
from xmqc_kpi.thresholds import AtLeast
from xmqc_kpi.units import is_compatible, normalise_unit

FIXED = list(TEMPLATE_COLUMNS)


def _days(indicator_id: str, unit: str, label: str) -> Indicator:
    """A small indicator on the input ``reception``, declared in ``unit``."""
    return Indicator(
        id=indicator_id,
        clause=Clause(table="1.3.1", body="3"),
        title_zh="基地接待时间",
        title_en="Reception time",
        formula=value("reception"),
        inputs=(Input(name="reception", unit=unit, label_zh=label),),
        unit="day",
        threshold=AtLeast(36, "day"),
        quote="全年基地接待时间36天以上",
        responsible=Responsible(units=("市教育局",)),
    )


IN_DAYS = _days("reception_in_days", "day", "接待天数")
IN_WEEKS = _days("reception_in_weeks", "week", "接待周数")


def _distinct_inputs() -> dict[str, Input]:
    inputs: dict[str, Input] = {}
    for indicator in catalog():
        for item in indicator.inputs:
            inputs.setdefault(item.name, item)
    return inputs


def test_columns_are_exactly_the_contract() -> None:
    template = input_template([IN_DAYS], periods=(2013, 2014))
    assert list(template.columns) == [*FIXED, "2013", "2014"]
    assert FIXED == ["variable", "label_zh", "unit", "accepted_units", "indicators", "region"]


def test_defaults_are_the_plan_years_and_regions_with_blank_cells() -> None:
    template = input_template([IN_DAYS])
    assert list(template.columns[len(FIXED) :]) == ["2013", "2014", "2015"]
    assert template[["2013", "2014", "2015"]].isna().all().all()
    assert template["region"].tolist() == [
        "厦门市",
        "思明区",
        "湖里区",
        "集美区",
        "海沧区",
        "同安区",
        "翔安区",
    ]
    assert (input_template([IN_DAYS], regions=None)["region"] == "").all()


def test_builtin_catalog_one_row_per_distinct_variable() -> None:
    inputs = _distinct_inputs()
    template = input_template(regions=None)
    assert list(template["variable"]) == list(inputs)
    assert not template["variable"].duplicated().any()
    for row in template.itertuples(index=False):
        item = inputs[str(row.variable)]
        assert normalise_unit(str(row.unit)) == normalise_unit(item.unit)  # reads back the same
        assert row.label_zh == item.label_zh


def test_unit_cells_are_unit_names_not_codes() -> None:
    """A clerk reads 亩, 个, 天, 分, 平方米 in the template, never mu, count, day, index_point."""
    units = set(input_template(regions=None)["unit"])
    assert {"亩", "个", "天", "分", "平方米"} <= units
    assert not units & {"mu", "count", "day", "index_point", "meter ** 2", "person", "yuan"}
    english = input_template(lang="en", regions=None).set_index("variable")
    assert english.loc["national_sampled_batches", "unit"] == "count"
    assert english.loc["agri_total_area", "unit"] == "mu"
    # "10,000 yuan" would not read back as a unit: the Chinese name is written instead
    assert english.loc["quality_funding", "accepted_units"] == "yuan, 万元, 亿元"


def test_shared_variables_list_every_indicator() -> None:
    template = input_template(regions=None).set_index("variable")
    assert template.loc["service_satisfaction_index", "indicators"] == (
        "service_satisfaction_index_rank, service_satisfaction_trend"
    )
    assert template.loc["consumer_complaints", "indicators"] == (
        "consumer_complaint_rate, consumer_complaint_rate_trend"
    )


def test_first_declaration_gives_unit_and_label() -> None:
    days_first = input_template([IN_DAYS, IN_WEEKS], regions=None)
    weeks_first = input_template([IN_WEEKS, IN_DAYS], regions=None)
    assert len(days_first) == len(weeks_first) == 1
    assert days_first.loc[0, ["unit", "label_zh"]].tolist() == ["天", "接待天数"]
    assert weeks_first.loc[0, ["unit", "label_zh"]].tolist() == ["week", "接待周数"]
    assert days_first.loc[0, "indicators"] == "reception_in_days, reception_in_weeks"


def test_accepted_units_start_with_the_default_and_all_convert() -> None:
    template = input_template(regions=None)
    for row in template.itertuples(index=False):
        accepted = str(row.accepted_units).split("、")
        assert accepted[0] == row.unit
        assert len({normalise_unit(unit) for unit in accepted}) == len(accepted)
        for unit in accepted:
            assert is_compatible(unit, str(row.unit)), (row.variable, unit)
    by_variable = template.set_index("variable")["accepted_units"]
    assert by_variable["quality_funding"].split("、")[1:] == ["万元", "亿元"]
    assert by_variable["resident_population"].split("、")[1:] == ["万人"]
    assert "公顷" in by_variable["agri_total_area"]
    assert by_variable["national_sampled_batches"] == "个"


def test_regions_give_one_block_per_region() -> None:
    variables = list(_distinct_inputs())
    template = input_template(regions=["厦门市", "思明区"], periods=[2014])
    assert len(template) == 2 * len(variables)
    assert list(template["region"]) == ["厦门市"] * len(variables) + ["思明区"] * len(variables)
    assert list(template["variable"]) == variables * 2
    assert list(template.columns) == [*FIXED, "2014"]


def test_a_single_indicator_is_accepted() -> None:
    assert input_template(IN_DAYS, regions=None)["variable"].tolist() == ["reception"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"indicators": []}, "no indicators"),
        ({"periods": ()}, "no periods"),
        ({"periods": (2013, "2013")}, "repeated"),
        ({"periods": ("2013", "unit")}, "clash"),
        ({"regions": []}, "regions is empty"),
        ({"regions": ["厦门市", "厦门市"]}, "repeated"),
        ({"regions": ["厦门市", " "]}, "non-blank"),
    ],
)
def test_invalid_arguments_raise_clear_errors(kwargs: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"indicators": [IN_DAYS], **kwargs}
    with pytest.raises(ValueError, match=message):
        input_template(**arguments, lang="en")  # type: ignore[arg-type]


def test_refusals_are_chinese_by_default() -> None:
    with pytest.raises(ValueError, match="期间重复：2013"):
        input_template([IN_DAYS], periods=(2013, "2013"))


def test_non_indicators_are_refused() -> None:
    with pytest.raises(TypeError, match="Indicator objects"):
        input_template(["reception"], lang="en")  # type: ignore[list-item]


def test_csv_round_trip_keeps_chinese(tmp_path: Path) -> None:
    path = write_input_template(tmp_path / "template.csv", regions=["厦门市"], periods=(2013,))
    assert path == tmp_path / "template.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    expected = input_template(regions=["厦门市"], periods=(2013,))
    read = pd.read_csv(path)
    assert list(read.columns) == [*FIXED, "2013"]
    assert read["label_zh"].tolist() == expected["label_zh"].tolist()
    assert read["region"].eq("厦门市").all()
    assert read["unit"].tolist() == expected["unit"].tolist()
    assert read["2013"].isna().all()


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        write_input_template(tmp_path / "template.txt", [IN_DAYS], lang="en")


def test_xlsx_without_openpyxl_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes `import openpyxl` fail
    with pytest.raises(ImportError, match=r"pip install 'xmqc_kpi\[report\]'"):
        write_input_template(tmp_path / "template.xlsx", [IN_DAYS])
    assert not (tmp_path / "template.xlsx").exists()


def test_xlsx_round_trip(tmp_path: Path) -> None:
    path = write_input_template(tmp_path / "template.xlsx", regions=["厦门市"])
    read = pd.read_excel(path, sheet_name="填报表", dtype={"region": str})
    assert list(read.columns) == [
        "变量",
        "名称",
        "单位",
        "可选单位",
        "所属指标",
        "地区",
        "2013",
        "2014",
        "2015",
    ]
    assert read["名称"].tolist() == input_template(regions=["厦门市"])["label_zh"].tolist()


def test_a_filled_template_evaluates_like_the_wide_data(tmp_path: Path) -> None:
    """Fill the template with the sample's 厦门市 rows: same verdicts as the wide frame."""
    sample = sample_data()
    years = [2012, 2013, 2014, 2015]
    path = write_input_template(tmp_path / "filled.csv", regions=["厦门市"], periods=years)
    template = pd.read_csv(path)
    city = sample.data[sample.data["region"] == "厦门市"].set_index("period")
    by_variable = city.drop(columns="region").T  # variables × years
    for year in years:
        template[str(year)] = template["variable"].map(by_variable[year])
    template["unit"] = template["variable"].map(sample.units).fillna(template["unit"])

    def verdicts(data: pd.DataFrame, units: dict[str, str] | None) -> pd.DataFrame:
        frame = evaluate(
            catalog(), data, units=units, benchmarks=sample.benchmarks, peers=sample.peers
        ).to_frame("en")
        ordered = frame.sort_values(["indicator_id", "period"]).reset_index(drop=True)
        return ordered.loc[:, ["indicator_id", "region", "period", "status", "reason"]].astype(str)

    from_template = verdicts(template, None)
    from_wide = verdicts(sample.data[sample.data["region"] == "厦门市"], sample.units)
    pd.testing.assert_frame_equal(from_template, from_wide)


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("form") / "模板.xlsx"
    write_input_template(path, regions=["思明区", "湖里区"], periods=[2013, 2014])
    return openpyxl.load_workbook(path)


def _cells(sheet: Any) -> dict[str, list[Any]]:
    """The sheet's columns by header, each as a list of cells below the header."""
    rows = list(sheet.iter_rows())
    return {str(head.value): [row[i] for row in rows[1:]] for i, head in enumerate(rows[0])}


def test_the_form_is_headed_in_chinese_fitted_frozen_and_filterable(
    form: openpyxl.Workbook,
) -> None:
    assert form.sheetnames == ["填报表", "填报说明"]
    sheet = form["填报表"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["变量", "名称", "单位", "可选单位", "所属指标", "地区", "2013", "2014"]
    assert sheet.freeze_panes == "G2"  # the header row and the six key columns stay in view
    assert sheet.auto_filter.ref == sheet.dimensions
    labels = [cell.value for cell in _cells(sheet)["名称"]]
    # the longest label, each Chinese character two wide, plus 2; never the cut of four chars
    longest = max(sum(2 if ord(c) > 0x2E7F else 1 for c in label) for label in labels)
    assert sheet.column_dimensions["B"].width == min(longest + 2, 60)
    assert sheet.column_dimensions["B"].width > 20


def test_each_unit_cell_has_a_drop_down_of_its_accepted_units(form: openpyxl.Workbook) -> None:
    sheet = form["填报表"]
    lists = {
        cell: validation.formula1
        for validation in sheet.data_validations.dataValidation
        for ranges in validation.sqref.ranges
        for cell in (ranges.coord,)
    }
    cells = _cells(sheet)
    for _variable, unit, accepted in zip(
        cells["变量"], cells["单位"], cells["可选单位"], strict=True
    ):
        assert lists[unit.coordinate] == '"' + accepted.value.replace("、", ",") + '"'
    area = next(i for i, c in enumerate(cells["变量"]) if c.value == "agri_total_area")
    assert lists[cells["单位"][area].coordinate] == '"亩,公顷,平方米"'
    assert all(
        v.type == "list" and v.showErrorMessage for v in sheet.data_validations.dataValidation
    )


def test_key_columns_are_protected_without_a_password(form: openpyxl.Workbook) -> None:
    sheet = form["填报表"]
    assert sheet.protection.sheet
    assert sheet.protection.password is None
    assert not sheet.protection.autoFilter  # filtering stays allowed
    cells = _cells(sheet)
    for key in ("变量", "名称", "可选单位", "所属指标", "地区"):
        assert all(cell.protection.locked for cell in cells[key]), key
    for free in ("单位", "2013", "2014"):
        assert not any(cell.protection.locked for cell in cells[free]), free


def test_the_instructions_list_every_variable_with_its_clause_and_an_example(
    form: openpyxl.Workbook,
) -> None:
    sheet = form["填报说明"]
    assert sheet.freeze_panes == "A2"
    cells = _cells(sheet)
    assert list(cells) == [
        "变量",
        "名称",
        "定义",
        "默认单位",
        "可选单位",
        "示例",
        "所属指标",
        "规划条款",
    ]
    variables = [cell.value for cell in cells["变量"]]
    assert variables == list(_distinct_inputs())
    row = {
        key: column[variables.index("school_base_reception_days")].value
        for key, column in cells.items()
    }
    assert row["默认单位"] == "天"
    assert row["示例"] == "28 天（样例数据，厦门市 2012 年）"
    assert row["规划条款"] == "分解表 1.3.1「全年基地接待时间36天以上」"
    assert row["所属指标"] == "school_quality_base_reception_days"
    assert row["定义"].startswith("Days in the year")
    assert all(cell.value for cell in cells["规划条款"])


def test_the_form_in_english(tmp_path: Path) -> None:
    path = write_input_template(tmp_path / "form.xlsx", [IN_DAYS], periods=[2013], lang="en")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Form", "Instructions"]
    header = [cell.value for cell in workbook["Form"][1]]
    assert header == [
        "Variable",
        "Chinese label",
        "Unit",
        "Accepted units",
        "Indicators",
        "Region",
        "2013",
    ]
    assert [c.value for c in workbook["Form"]["F"]][1:] == [
        "厦门市",
        "思明区",
        "湖里区",
        "集美区",
        "海沧区",
        "同安区",
        "翔安区",
    ]
    clause = [c.value for c in workbook["Instructions"]["H"]]
    assert clause == ["Plan clause", "table 1.3.1"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_filled_form_reads_back_unchanged(tmp_path: Path, lang: str) -> None:
    path = write_input_template(
        tmp_path / "form.xlsx",
        regions=["思明区", "湖里区"],
        periods=[2013, 2014],
        lang=lang,  # type: ignore[arg-type]
    )
    expected = input_template(regions=["思明区", "湖里区"], periods=[2013, 2014], lang=lang)  # type: ignore[arg-type]
    expected["2013"] = [float(n) for n in range(len(expected))]
    expected["2014"] = [n + 0.5 for n in range(len(expected))]
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    for offset, (first, second) in enumerate(zip(expected["2013"], expected["2014"], strict=True)):
        sheet.cell(row=offset + 2, column=7, value=first)
        sheet.cell(row=offset + 2, column=8, value=second)
    workbook.save(path)
    read = read_data(path)
    assert list(read.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(
        read.reset_index(drop=True), expected, check_dtype=False, check_column_type=False
    )


# ------------------------------------------------------------------ a catalog of another city

EXAMPLE_CATALOG = (
    Path(__file__).resolve().parents[1] / "examples" / "custom_catalog" / "catalog.toml"
)


def _every_text(workbook: openpyxl.Workbook) -> str:
    """Every cell, sheet name, page header and the document title of a workbook."""
    cells = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    headers = [
        sheet.oddHeader.center.text or ""
        for sheet in workbook.worksheets
        if sheet.oddHeader is not None
    ]
    return "\n".join([*workbook.sheetnames, *cells, *headers, workbook.properties.title or ""])


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("zh", "示例市质量强市行动计划（示府〔2021〕1号）数据填报模板"),
        ("en", "Data entry template: Example City's quality-city action plan (示府〔2021〕1号)"),
    ],
)
def test_another_citys_template_is_titled_by_its_plan_and_never_names_xiamen(
    tmp_path: Path, lang: str, title: str
) -> None:
    mine = load_catalog(EXAMPLE_CATALOG)
    path = write_input_template(tmp_path / "form.xlsx", mine, lang=lang)  # type: ignore[arg-type]
    workbook = openpyxl.load_workbook(path)
    assert workbook.properties.title == title
    assert all(sheet.oddHeader.center.text == title for sheet in workbook.worksheets)
    every = _every_text(workbook)
    assert "厦门" not in every
    assert "分解表" not in every  # its clauses are cited as its plan names them
    clauses = [c.value for c in workbook.worksheets[1]["H"]][1:]
    first = "附表 1.1.1「产品质量监督抽查合格率达95%以上」" if lang == "zh" else "annex table 1.1.1"
    assert clauses[0] == first


def test_another_citys_template_asks_for_its_plan_years_and_leaves_regions_to_the_clerk() -> None:
    mine = load_catalog(EXAMPLE_CATALOG)  # issued 2021-06-01, every deadline 2023-12
    template = input_template(mine)
    assert list(template.columns[len(FIXED) :]) == ["2021", "2022", "2023"]
    assert (template["region"] == "").all()
    assert template["variable"].is_unique  # one row per variable, no Xiamen district blocks
    assert "厦门" not in template.to_csv()
    named = input_template(mine, regions=["东区"], periods=[2024])
    assert named["region"].unique().tolist() == ["东区"]
    assert list(named.columns[len(FIXED) :]) == ["2024"]


def test_a_plan_without_dates_needs_the_periods_named() -> None:
    mine = load_catalog(EXAMPLE_CATALOG)
    undated = Catalog(
        [i.model_copy(update={"deadline": None}) for i in mine],
        plan=mine.plan.model_copy(update={"issued": None}) if mine.plan else None,
    )
    with pytest.raises(ValueError, match="periods"):
        input_template(undated, lang="en")
    assert list(input_template(undated, periods=[2022]).columns)[-1] == "2022"


def test_builtin_and_plainly_declared_indicators_keep_xiamens_defaults(tmp_path: Path) -> None:
    assert input_template(regions=None).columns[-1] == "2015"
    path = write_input_template(tmp_path / "form.xlsx", [IN_DAYS], periods=[2013])
    assert openpyxl.load_workbook(path).properties.title == "指标数据填报模板"  # no known plan
    builtin = write_input_template(tmp_path / "builtin.xlsx", periods=[2013], regions=None)
    assert openpyxl.load_workbook(builtin).properties.title == (
        "厦门市创建全国质量强市示范城市工作方案（厦府〔2013〕98号）数据填报模板"
    )
