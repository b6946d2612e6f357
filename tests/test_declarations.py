"""The plan's declarations beyond the indicators: department names, who leads, and the clauses
considered and not made indicators, each checked against the plan's own text."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from tests.printed import printed
from xmqc_kpi.catalogs import catalog, plan_text
from xmqc_kpi.indicator import Indicator, Responsible
from xmqc_kpi.indicators.supplementary import SUPPLEMENTARY_INDICATORS
from xmqc_kpi.interpretation import (
    DEPARTMENT_ALIASES,
    DISCREPANCIES,
    NOT_INDICATORS,
    ConsideredClause,
    Discrepancy,
    canonical_unit,
    department_key,
    not_indicators,
)

BUILTIN = catalog()
PLAN = plan_text()
TABLE = PLAN[PLAN.index("序号 目标类别") :]
BODY = PLAN[: PLAN.index("附件:")]
CJK = r"[\u4e00-\u9fff]"
#: Half-width punctuation next to a Chinese character (GB/T 15834 wants full-width there).
HALF_WIDTH_BESIDE_CJK = re.compile(rf"{CJK}[,;:()]|[,;:()]{CJK}")


def table_row(clause: str) -> str:
    """One sub-item of the table with its units and deadline, up to the next sub-item."""
    start = TABLE.index(f"{clause}、")
    following = re.compile(r"\d+\.\d+\.\d+、").search(TABLE, start + len(clause) + 1)
    return TABLE[start : following.start() if following else len(TABLE)]


def body_item(number: str) -> str:
    """The paragraph of one body item (``"22"``)."""
    match = re.search(rf"^{number}、.*$", BODY, re.MULTILINE)
    assert match is not None, number
    return match.group(0)


def body_section(key: str) -> str:
    """The text of a top-level body section (``"二"``), up to the next one."""
    start = BODY.index(f"\n{key}、")
    following = re.compile(r"\n[一二三四五六七八九]、").search(BODY, start + 1)
    return BODY[start : following.start() if following else len(BODY)]


def units_row(indicator: Indicator) -> str:
    """The table row whose 责任单位 cell the indicator's units come from."""
    responsible = indicator.responsible
    return table_row(responsible.inherited_from or indicator.clause.table or "")


def all_units(indicator: Indicator) -> tuple[str, ...]:
    responsible = indicator.responsible
    return (*responsible.units, *responsible.leads, *responsible.body_leads)


def discrepancy(key: str) -> tuple[str, ...]:
    (entry,) = [entry for entry in DISCREPANCIES if entry.key == key]
    return entry.indicator_ids


# ---------------------------------------------------------------------------------------------
# One name per department


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_declared_units_are_canonical_and_written_in_the_plan(indicator: Indicator) -> None:
    for unit in all_units(indicator):
        assert canonical_unit(unit) == unit, unit
        assert unit in PLAN, unit
        # the fullest form: the plan never writes the unit with the city prefix added
        assert f"市{unit}" not in PLAN, unit


def test_one_name_per_department_across_the_catalog() -> None:
    units = {unit for indicator in BUILTIN for unit in all_units(indicator)}
    by_department: dict[str, set[str]] = {}
    for unit in units:
        by_department.setdefault(unit.removeprefix("市"), set()).add(unit)
    assert [names for names in by_department.values() if len(names) > 1] == []
    # the four departments the plan names two ways each appear under their full name only
    for full in ("市质监局", "市财政局", "市建设局", "市经发局"):
        assert full in units
        assert full.removeprefix("市") not in units


def test_aliases_point_at_canonical_names_the_plan_writes() -> None:
    for alias, name in DEPARTMENT_ALIASES.items():
        assert alias != name
        assert name not in DEPARTMENT_ALIASES, f"{alias} -> {name} is a chain"
        assert name in PLAN, name
        assert canonical_unit(name) == name


def test_canonical_unit() -> None:
    assert canonical_unit("质监局") == "市质监局"
    assert canonical_unit(" 财政局\t") == "市财政局"
    assert canonical_unit("市建设局") == "市建设局"
    assert canonical_unit("经发局") == "市经发局"
    assert canonical_unit("厦门出入境检验检疫局") == "厦门检验检疫局"
    assert canonical_unit("市交通运输局") == "交通运输局"
    assert canonical_unit("另一城市规划局") == "另一城市规划局"  # not an alias: unchanged


def test_filter_accepts_every_name_of_a_department() -> None:
    construction = BUILTIN.filter(responsible="市建设局")
    assert construction == BUILTIN.filter(responsible="建设局")
    assert "quality_analysis_releases" in construction  # the table writes 建设局 in 3.4.1
    assert "large_medium_project_first_acceptance_rate" in construction
    assert BUILTIN.filter(responsible="厦门出入境检验检疫局") == BUILTIN.filter(
        responsible="厦门检验检疫局"
    )
    assert BUILTIN.filter(responsible="市水利局").ids == (
        "large_medium_project_first_acceptance_rate",
        "other_project_first_acceptance_rate",
    )


def test_short_names_discrepancy_lists_every_renamed_row() -> None:
    """The indicators whose table row writes a department's short name, and only those."""
    renamed = []
    for indicator in BUILTIN:
        row = units_row(indicator)
        short = [unit[1:] for unit in indicator.responsible.units if unit.startswith("市")]
        # the short name as an item of the list (食安办各成员单位 is another unit)
        if any(re.search(rf"[、\s]{re.escape(name)}(?=[、\s])", row) for name in short):
            renamed.append(indicator.id)
    assert set(discrepancy("department_short_names")) == set(renamed)
    assert len(renamed) == 11


# ---------------------------------------------------------------------------------------------
# Who leads, as the plan states it


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_the_table_names_no_lead_for_any_target(indicator: Indicator) -> None:
    if indicator.clause.table is None:  # 五(三) has no row
        assert indicator.responsible.leads == ()
        return
    assert "牵头" not in units_row(indicator)
    assert "牵头" not in table_row(indicator.clause.table)
    assert indicator.responsible.leads == ()


def body_leads_in_plan(indicator: Indicator) -> tuple[str, ...]:
    """The units the indicator's body item marks 牵头, read from the plan's text."""
    if not indicator.clause.body.isdigit():
        return ()
    units = re.findall(r"[(（]([^()（）]*)[)）]。?$", body_item(indicator.clause.body))[-1]
    if "牵头" not in units:
        return ()
    return tuple(canonical_unit(name) for name in units.split("牵头")[0].split("、"))


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_body_leads_are_the_body_items(indicator: Indicator) -> None:
    assert indicator.responsible.body_leads == body_leads_in_plan(indicator)


def test_body_leads_by_hand() -> None:
    expected = {
        "agri_standardized_production_rate": ("市实施标准化战略领导小组办公室",),
        "non_standard_production_share": ("市实施标准化战略领导小组办公室",),
        "ccc_certified_sampling_pass_rate": ("市质监局", "厦门检验检疫局"),
        "special_enforcement_campaigns": ("市整规办",),
        "brand_titles_per_100m_gdp": ("市经发局", "市质监局", "市工商局"),
        "made_in_xiamen_market_share_trend": ("市经发局", "市质监局", "市工商局"),
        "quality_award_enterprises": ("市质监局", "厦门检验检疫局", "市建设局"),
        "local_agri_product_pass_rate": ("市食安办",),
        "key_food_sampling_pass_rate": ("市食安办",),
    }
    led = {item.id: item.responsible.body_leads for item in BUILTIN if item.responsible.body_leads}
    assert led == expected
    # export inspection is a 检验检疫 task: nothing says 市质监局 leads it
    export = BUILTIN["export_inspection_pass_rate"].responsible
    assert (export.leads, export.body_leads) == ((), ())


def test_every_body_lead_is_in_the_discrepancy_list() -> None:
    listed = set(discrepancy("leads_named_in_body_only")) | set(
        discrepancy("body_leads_outside_table_row")
    )
    led = {item.id for item in BUILTIN if item.responsible.body_leads}
    assert listed == led
    outside = {
        item.id
        for item in BUILTIN
        if not set(item.responsible.body_leads) <= set(item.responsible.units)
    }
    assert outside == set(discrepancy("body_leads_outside_table_row"))


@pytest.mark.parametrize(
    ("key", "ids"),
    [
        ("body_lists_more_units", {"school_quality_base_reception_days"}),
        ("participants_in_body", {"other_project_first_acceptance_rate"}),
        ("unit_order_differs", {"quality_analysis_releases"}),
    ],
)
def test_other_body_table_differences_are_listed(key: str, ids: set[str]) -> None:
    assert ids <= set(discrepancy(key))


def test_body_item_3_names_a_unit_row_1_3_1_does_not() -> None:
    reception = BUILTIN["school_quality_base_reception_days"]
    assert "市质监局" in body_item("3")
    assert "质监局" not in units_row(reception)
    assert "市质监局" not in reception.responsible.units


def test_leads_must_be_among_the_units() -> None:
    assert Responsible(units=("市质监局", "厦门检验检疫局"), leads=("市质监局",)).leads == (
        "市质监局",
    )
    with pytest.raises(ValidationError, match="leads"):
        Responsible(units=("市质监局",), leads=("厦门检验检疫局",))


# ---------------------------------------------------------------------------------------------
# The clauses that are not indicators


@pytest.mark.parametrize("entry", NOT_INDICATORS, ids=lambda entry: entry.key)
def test_quote_is_exact_plan_wording_where_it_stands(entry: ConsideredClause) -> None:
    # the plan's words as printed (tests/printed.py): 认知度，及时有效
    assert entry.quote in printed(PLAN)
    if re.match(r"^\d+\.\d+\.\d+$", entry.clause):
        assert entry.quote in printed(table_row(entry.clause))
        assert entry.section == entry.clause.split(".")[0]
        assert entry.body.isdigit()
        # the body item carries the same words (7.3.1's body writes 鼓浪屿-万石山 with a hyphen)
        assert entry.quote.replace("—", "-") in printed(body_item(entry.body))
    else:
        assert entry.clause == entry.body == entry.section
        assert entry.quote in printed(body_section(entry.clause))


@pytest.mark.parametrize("entry", NOT_INDICATORS, ids=lambda entry: entry.key)
def test_considered_clause_is_not_an_indicator(entry: ConsideredClause) -> None:
    assert all(indicator.quote != entry.quote for indicator in BUILTIN)


@pytest.mark.parametrize("entry", NOT_INDICATORS, ids=lambda entry: entry.key)
def test_reasons_in_both_languages(entry: ConsideredClause) -> None:
    assert re.search(CJK, entry.reason_zh)
    assert entry.reason_zh.endswith("。")
    assert not HALF_WIDTH_BESIDE_CJK.search(entry.reason_zh), entry.reason_zh
    # English, quoting the plan's words where it discusses them
    latin, chinese = re.findall("[A-Za-z]", entry.reason_en), re.findall(CJK, entry.reason_en)
    assert len(latin) > 3 * len(chinese)
    assert entry.reason_en.endswith(".")


def test_the_clauses_the_issue_names_are_covered() -> None:
    # a considered clause, or a supplementary indicator (2.3.2, 4.1.2, 7.1.1, 9.6.2's ECFA
    # exchange); 9.6.2 is both: the rest of its row sets no number
    clauses = {entry.clause for entry in NOT_INDICATORS}
    supplementary = {item.clause.table for item in SUPPLEMENTARY_INDICATORS}
    assert supplementary == {"2.3.2", "4.1.2", "7.1.1", "9.6.2"}
    assert supplementary & clauses == {"9.6.2"}
    assert {"二", "7.4.1", "8.1.1", "9.4.2", "9.6.2", "四"} <= clauses
    assert len({entry.key for entry in NOT_INDICATORS}) == len(NOT_INDICATORS)


def test_competitiveness_quote_goes_past_the_market_share() -> None:
    share = BUILTIN["made_in_xiamen_market_share_trend"].quote
    assert not_indicators(section="4") == ()
    competitiveness = SUPPLEMENTARY_INDICATORS[1]
    assert competitiveness.id == "manufacturing_quality_competitiveness_trend"
    assert competitiveness.quote == share + "和竞争力"


def test_not_indicators_are_in_plan_order() -> None:
    def position(entry: ConsideredClause) -> tuple[int, ...]:
        if entry.clause == "二":
            return (0,)
        if entry.clause == "四":
            return (10,)
        return tuple(int(part) for part in entry.clause.split("."))

    assert list(NOT_INDICATORS) == sorted(NOT_INDICATORS, key=position)


def test_not_indicators_by_section() -> None:
    assert not_indicators() == NOT_INDICATORS
    assert [entry.clause for entry in not_indicators(section=9)] == ["9.4.2", "9.6.2"]
    assert not_indicators(section=" 二 ")[0].quote == "全社会质量意识持续增强"
    assert not_indicators(section="5") == ()
    assert sum(len(not_indicators(section=s)) for s in "二123456789四") == len(NOT_INDICATORS)


def test_considered_clause_refuses_blank_text_and_bad_keys() -> None:
    fields = {"clause": "7.4.1", "body": "34", "quote": "q", "reason_zh": "因。", "reason_en": "R."}
    with pytest.raises(ValueError, match="snake_case"):
        ConsideredClause(key="Bad Key", **fields)
    with pytest.raises(ValueError, match="reason_en"):
        ConsideredClause(key="ok", **{**fields, "reason_en": " "})


# ---------------------------------------------------------------------------------------------
# The discrepancy list


@pytest.mark.parametrize("entry", DISCREPANCIES, ids=lambda entry: entry.key)
def test_discrepancies_name_builtin_indicators(entry: Discrepancy) -> None:
    ids = entry.indicator_ids
    assert all(indicator_id in BUILTIN for indicator_id in ids)
    assert len(set(ids)) == len(ids)


# ---------------------------------------------------------------------------------------------
# Where each quote stands


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_quote_is_cited_where_it_stands(indicator: Indicator) -> None:
    """A quote is cited under its table row when the row carries the words, else its body item."""
    clause = indicator.clause
    # the plan's words as printed (tests/printed.py)
    in_table = clause.table is not None and indicator.quote in printed(table_row(clause.table))
    assert clause.quoted_from == ("table" if in_table else "body")
    if clause.quoted_from == "body":
        place = body_item(clause.body) if clause.body.isdigit() else body_section("五")
        assert indicator.quote in printed(place)


def test_two_quotes_come_from_the_body_although_a_row_exists() -> None:
    from_body = {
        i.id for i in BUILTIN if i.clause.table is not None and i.clause.quoted_from == "body"
    }
    assert from_body == {"brand_titles_per_100m_gdp", "local_agri_product_pass_rate"}
    assert "称号数量占城市GDP比例" in table_row("4.1.1")
    assert "95以上%" in table_row("5.2.3")


def test_department_key_matches_every_name_of_a_department() -> None:
    assert department_key("质监局") == department_key("市质监局") == department_key("市质监")
    assert department_key("厦门出入境检验检疫局") == department_key("厦门检验检疫局")
    assert department_key("市规划局") == department_key("规划局")  # a custom catalog's unit
    assert department_key("市建设局") != department_key("市财政局")
