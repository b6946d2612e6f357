"""Section 6 of the decomposition table, 大幅提高工程质量 (body 三(六), items 26–30)."""

from __future__ import annotations

from ..formulas import ratio
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import All, AtLeast, Trend
from ._common import (
    CEILING,
    CEILING_ZH,
    EVERY_UNIT,
    EVERY_UNIT_ZH,
    RISING,
    RISING_YEAR_ON_YEAR,
    RISING_YEAR_ON_YEAR_ZH,
    RISING_ZH,
    WINDOW_REASON,
    WINDOW_REASON_ZH,
    YEAR_ON_YEAR_REASON,
    YEAR_ON_YEAR_REASON_ZH,
    counted,
)

__all__ = [
    "AFFORDABLE_HOUSING_FIRST_ACCEPTANCE_RATE",
    "AFFORDABLE_HOUSING_SUPERVISION_COVERAGE",
    "ENERGY_SAVING_BUILDING_SHARE_TREND",
    "INDUSTRIALIZED_CONSTRUCTION_SHARE_TREND",
    "LARGE_MEDIUM_PROJECT_FIRST_ACCEPTANCE_RATE",
    "NEW_BUILDING_ENERGY_STANDARD_RATE",
    "OTHER_PROJECT_FIRST_ACCEPTANCE_RATE",
]

_WORKS = Responsible(units=("市建设局", "交通运输局", "水利局", "市政园林局"))
_CONSTRUCTION = Responsible(units=("市建设局",))


def _floor_area(name: str, label_zh: str, label_en: str, description: str) -> Input:
    return Input(
        name=name, unit="meter ** 2", label_zh=label_zh, label_en=label_en, description=description
    )


# 6.1.1: ……大中型工程一次验收合格率达到100%,其他工程一次验收合格率达98%以上。
LARGE_MEDIUM_PROJECT_FIRST_ACCEPTANCE_RATE = Indicator(
    id="large_medium_project_first_acceptance_rate",
    clause=Clause(table="6.1.1", body="26"),
    title_zh="大中型工程一次验收合格率",
    title_en="First-time acceptance rate of large and medium projects",
    formula=ratio("large_medium_projects_first_pass", "large_medium_projects_accepted"),
    inputs=(
        counted(
            "large_medium_projects_accepted",
            "完成竣工验收的大中型工程项目数",
            "Large and medium projects accepted",
            "Large and medium construction projects that went through completion acceptance "
            "in the period.",
            of="project",
        ),
        counted(
            "large_medium_projects_first_pass",
            "一次验收合格的大中型工程项目数",
            "Large and medium projects passed at first acceptance",
            "Of those, projects that passed at the first acceptance.",
            of="project",
        ),
    ),
    unit="percent",
    threshold=All(),
    quote="大中型工程一次验收合格率达到100%",
    deadline="2013-12",
    responsible=_WORKS,
    interpretation="达到100%: " + EVERY_UNIT,
    interpretation_zh="“达到100%”指" + EVERY_UNIT_ZH,
)
OTHER_PROJECT_FIRST_ACCEPTANCE_RATE = Indicator(
    id="other_project_first_acceptance_rate",
    clause=Clause(table="6.1.1", body="26"),
    title_zh="其他工程一次验收合格率",
    title_en="First-time acceptance rate of other projects",
    formula=ratio("other_projects_first_pass", "other_projects_accepted"),
    inputs=(
        counted(
            "other_projects_accepted",
            "完成竣工验收的其他工程项目数",
            "Other projects accepted",
            "Construction projects other than large and medium ones that went through "
            "completion acceptance in the period.",
            of="project",
        ),
        counted(
            "other_projects_first_pass",
            "一次验收合格的其他工程项目数",
            "Other projects passed at first acceptance",
            "Of those, projects that passed at the first acceptance.",
            of="project",
        ),
    ),
    unit="percent",
    threshold=AtLeast(98, "percent"),
    quote="其他工程一次验收合格率达98%以上",
    deadline="2013-12",
    responsible=_WORKS,
    interpretation="98%以上 includes 98 %.",
    interpretation_zh="“98%以上”含本数（98%）。",
)

# 6.2.1: ……不断提高城市节能建筑的比重和工业化建造比重……新开工建筑节能标准执行率达到100%。
ENERGY_SAVING_BUILDING_SHARE_TREND = Indicator(
    id="energy_saving_building_share_trend",
    clause=Clause(table="6.2.1", body="27"),
    title_zh="城市节能建筑比重",
    title_en="Share of energy-saving buildings",
    formula=ratio("energy_saving_building_area", "building_floor_area"),
    inputs=(
        _floor_area(
            "energy_saving_building_area",
            "节能建筑面积",
            "Floor area of energy-saving buildings",
            "Floor area of the region's buildings that meet energy-saving standards, in m².",
        ),
        _floor_area(
            "building_floor_area",
            "城市建筑总面积",
            "Total building floor area",
            "Floor area of all the region's buildings, same scope, in m².",
        ),
    ),
    unit="percent",
    threshold=Trend(direction="rising", ceiling=100),
    quote="不断提高城市节能建筑的比重",
    deadline="2013-12",
    responsible=_CONSTRUCTION,
    interpretation="比重 is a share of floor area. 不断提高: " + RISING + WINDOW_REASON + CEILING,
    interpretation_zh=(
        "“比重”指占建筑面积的比例。“不断提高”：" + RISING_ZH + WINDOW_REASON_ZH + CEILING_ZH
    ),
)
INDUSTRIALIZED_CONSTRUCTION_SHARE_TREND = Indicator(
    id="industrialized_construction_share_trend",
    clause=Clause(table="6.2.1", body="27"),
    title_zh="工业化建造比重",
    title_en="Share of industrialized construction",
    formula=ratio("industrialized_construction_area", "new_construction_area"),
    inputs=(
        _floor_area(
            "industrialized_construction_area",
            "工业化建造建筑面积",
            "Floor area built by industrialized construction",
            "Floor area of new construction built by industrialized (prefabricated) methods, "
            "in m².",
        ),
        _floor_area(
            "new_construction_area",
            "新建建筑面积",
            "Floor area of new construction",
            "Floor area of all new construction in the period, same scope, in m².",
        ),
    ),
    unit="percent",
    threshold=Trend(direction="rising", reading="year_on_year", ceiling=100),
    quote="不断提高城市节能建筑的比重和工业化建造比重",
    deadline="2013-12",
    responsible=_CONSTRUCTION,
    interpretation=(
        "比重 is a share of new floor area. 不断提高: "
        + RISING_YEAR_ON_YEAR
        + YEAR_ON_YEAR_REASON
        + CEILING
    ),
    interpretation_zh=(
        "“比重”指占新建建筑面积的比例。“不断提高”："
        + RISING_YEAR_ON_YEAR_ZH
        + YEAR_ON_YEAR_REASON_ZH
        + CEILING_ZH
    ),
)
NEW_BUILDING_ENERGY_STANDARD_RATE = Indicator(
    id="new_building_energy_standard_rate",
    clause=Clause(table="6.2.1", body="27"),
    title_zh="新开工建筑节能标准执行率",
    title_en="Energy-standard compliance of buildings started",
    formula=ratio("new_buildings_energy_compliant", "new_buildings_started"),
    inputs=(
        counted(
            "new_buildings_started",
            "新开工建筑项目数",
            "Building projects started",
            "Building projects started (新开工) in the period.",
            of="project",
        ),
        counted(
            "new_buildings_energy_compliant",
            "执行建筑节能标准的新开工建筑项目数",
            "Building projects started that apply the energy-saving standards",
            "Of those, projects that apply the building energy-saving standards.",
            of="project",
        ),
    ),
    unit="percent",
    threshold=All(),
    quote="新开工建筑节能标准执行率达到100%",
    deadline="2013-12",
    responsible=_CONSTRUCTION,
    interpretation="达到100%: " + EVERY_UNIT,
    interpretation_zh="“达到100%”指" + EVERY_UNIT_ZH,
)

# 6.3.1: ……新开工保障房受监工程覆盖率达到100%,保障房工程建设质量一次验收合格率达到100%。
AFFORDABLE_HOUSING_SUPERVISION_COVERAGE = Indicator(
    id="affordable_housing_supervision_coverage",
    clause=Clause(table="6.3.1", body="28"),
    title_zh="新开工保障房受监工程覆盖率",
    title_en="Quality-supervision coverage of affordable housing started",
    formula=ratio("affordable_housing_supervised", "affordable_housing_started"),
    inputs=(
        counted(
            "affordable_housing_started",
            "新开工保障房工程项目数",
            "Affordable housing projects started",
            "Affordable housing (保障房) projects started in the period.",
            of="project",
        ),
        counted(
            "affordable_housing_supervised",
            "纳入工程质量监督的新开工保障房工程项目数",
            "Affordable housing projects started under quality supervision",
            "Of those, projects registered for construction quality supervision (受监).",
            of="project",
        ),
    ),
    unit="percent",
    threshold=All(),
    quote="新开工保障房受监工程覆盖率达到100%",
    deadline="2013-12",
    responsible=_CONSTRUCTION,
    interpretation="达到100%: " + EVERY_UNIT,
    interpretation_zh="“达到100%”指" + EVERY_UNIT_ZH,
)
AFFORDABLE_HOUSING_FIRST_ACCEPTANCE_RATE = Indicator(
    id="affordable_housing_first_acceptance_rate",
    clause=Clause(table="6.3.1", body="28"),
    title_zh="保障房工程建设质量一次验收合格率",
    title_en="First-time acceptance rate of affordable housing projects",
    formula=ratio("affordable_housing_first_pass", "affordable_housing_accepted"),
    inputs=(
        counted(
            "affordable_housing_accepted",
            "完成竣工验收的保障房工程项目数",
            "Affordable housing projects accepted",
            "Affordable housing projects that went through completion acceptance in the period.",
            of="project",
        ),
        counted(
            "affordable_housing_first_pass",
            "一次验收合格的保障房工程项目数",
            "Affordable housing projects passed at first acceptance",
            "Of those, projects that passed at the first acceptance.",
            of="project",
        ),
    ),
    unit="percent",
    threshold=All(),
    quote="保障房工程建设质量一次验收合格率达到100%",
    deadline="2013-12",
    responsible=_CONSTRUCTION,
    interpretation="达到100%: " + EVERY_UNIT,
    interpretation_zh="“达到100%”指" + EVERY_UNIT_ZH,
)
