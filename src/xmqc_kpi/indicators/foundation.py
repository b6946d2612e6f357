"""Section 2 of the decomposition table, 夯实城市质量基础 (body 三(二), items 8–13)."""

from __future__ import annotations

from ..formulas import ratio, value
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import All, AtLeast, Monitored, Trend
from ._common import (
    EVERY_UNIT,
    EVERY_UNIT_ZH,
    RISING,
    RISING_ZH,
    WINDOW_REASON,
    WINDOW_REASON_ZH,
    counted,
)

__all__ = [
    "AGRI_STANDARDIZED_PRODUCTION_RATE",
    "CCC_CERTIFIED_SAMPLING_PASS_RATE",
    "FOOD_TRADE_SAFETY_DEMO_ZONES",
    "MARKET_METROLOGY_COVERAGE_TREND",
    "NON_STANDARD_PRODUCTION_SHARE",
    "PORT_WHO_CORE_CAPACITY_RATE",
]

# 2.2.2 has blank 责任单位 and 完成时限 cells: both come from 2.2.1, the row above.
# Body item 9: 市实施标准化战略领导小组办公室牵头,各成员单位参加 (the table names no lead).
_STANDARDIZATION = Responsible(
    units=("市实施标准化战略领导小组办公室", "市实施标准化战略领导小组各成员单位"),
    inherited_from="2.2.1",
    body_leads=("市实施标准化战略领导小组办公室",),
)
_BLANK_2_2_2 = (
    "The table's 责任单位 and 完成时限 cells for 2.2.2 are blank (merged cells): both are "
    "inherited from 2.2.1."
)
_BLANK_2_2_2_ZH = "分解表中2.2.2的责任单位和完成时限栏为空白（系合并单元格）：二者均沿用2.2.1。"

# 2.2.2: 农业标准化生产普及率达到30%以上,基本消灭无标生产。
AGRI_STANDARDIZED_PRODUCTION_RATE = Indicator(
    id="agri_standardized_production_rate",
    clause=Clause(table="2.2.2", body="9"),
    title_zh="农业标准化生产普及率",
    title_en="Share of agricultural production that is standardized",
    formula=ratio("agri_standardized_area", "agri_total_area"),
    inputs=(
        Input(
            name="agri_standardized_area",
            unit="mu",
            label_zh="农业标准化生产面积",
            label_en="Agricultural area under standardized production",
            description=(
                "Area farmed to an applicable agricultural standard, in 亩 by default "
                "(hectares convert)."
            ),
        ),
        Input(
            name="agri_total_area",
            unit="mu",
            label_zh="农业生产总面积",
            label_en="Total agricultural production area",
            description="All agricultural production area of the region, same scope and unit.",
        ),
    ),
    unit="percent",
    threshold=AtLeast(30, "percent"),
    quote="农业标准化生产普及率达到30%以上",
    deadline="2013-12",
    deadline_inherited=True,
    responsible=_STANDARDIZATION,
    interpretation=(
        "达到30%以上 includes 30 %. The 普及率 is measured by area: standardized area ÷ total "
        "agricultural area. " + _BLANK_2_2_2
    ),
    interpretation_zh=(
        "“达到30%以上”含本数（30%）。普及率按面积计算：标准化生产面积÷农业总面积。"
        + _BLANK_2_2_2_ZH
    ),
)

# 2.2.2: ……基本消灭无标生产。
NON_STANDARD_PRODUCTION_SHARE = Indicator(
    id="non_standard_production_share",
    clause=Clause(table="2.2.2", body="9"),
    title_zh="无标生产比例",
    title_en="Share of producers producing without a standard",
    formula=ratio("producers_without_standard", "producers"),
    inputs=(
        counted(
            "producers",
            "生产单位总数",
            "Producers",
            "Producers of the region within the scope of the 无标生产 survey.",
            of="producer",
        ),
        counted(
            "producers_without_standard",
            "无标生产单位数",
            "Producers without a standard",
            "Of those, producers that produce to no applicable standard (无标生产).",
            of="producer",
        ),
    ),
    unit="percent",
    threshold=Monitored(),
    direction="lower",
    quote="基本消灭无标生产",
    deadline="2013-12",
    deadline_inherited=True,
    responsible=_STANDARDIZATION,
    interpretation=(
        "基本消灭 (basically eliminate) sets no number: the share is reported, lower being "
        "better, and no verdict is given. " + _BLANK_2_2_2
    ),
    interpretation_zh=(
        "“基本消灭”未规定具体数值：仅报告该比例（越低越好），不作达标判定。" + _BLANK_2_2_2_ZH
    ),
)

# 2.3.4: 在全市菜市场逐步实施计量器具“四统一”管理。
MARKET_METROLOGY_COVERAGE_TREND = Indicator(
    id="market_metrology_coverage_trend",
    clause=Clause(table="2.3.4", body="10"),
    title_zh="菜市场计量器具“四统一”管理覆盖率",
    title_en='Vegetable markets under the "four unifications" of measuring instruments',
    formula=ratio("vegetable_markets_four_unified", "vegetable_markets"),
    inputs=(
        counted(
            "vegetable_markets",
            "全市菜市场数",
            "Vegetable markets",
            "Vegetable markets (菜市场) in operation in the region.",
            of="market",
        ),
        counted(
            "vegetable_markets_four_unified",
            "实施计量器具“四统一”管理的菜市场数",
            'Vegetable markets with "four unifications" management',
            "Of those, markets whose measuring instruments are managed under 四统一.",
            of="market",
        ),
    ),
    unit="percent",
    threshold=Trend(direction="rising", ceiling=100),
    quote="在全市菜市场逐步实施计量器具“四统一”管理",
    deadline="2013-12",
    responsible=Responsible(units=("市质监局", "市工商局", "市商务局", "市财政局")),
    interpretation=(
        "逐步实施 (implement step by step) is read as coverage rising. "
        + RISING
        + WINDOW_REASON
        + " Once every market is covered (100 %) the coverage cannot rise further: staying at "
        "100 % is the measure completed and keeps the target met (the trend's ceiling)."
    ),
    interpretation_zh=(
        "“逐步实施”按覆盖率逐期提高解释。"
        + RISING_ZH
        + WINDOW_REASON_ZH
        + "全部菜市场均已实施（覆盖率100%）后，覆盖率无法再提高：保持100%即该项措施已完成，"
        "视为达标（趋势的上限）。"
    ),
)

# 2.4.2: 年度强制性产品认证获证产品监督抽查批次合格率达95%以上。
CCC_CERTIFIED_SAMPLING_PASS_RATE = Indicator(
    id="ccc_certified_sampling_pass_rate",
    clause=Clause(table="2.4.2", body="11"),
    title_zh="强制性产品认证获证产品监督抽查批次合格率",
    title_en="Supervision sampling pass rate of CCC-certified products",
    formula=ratio("ccc_passed_batches", "ccc_sampled_batches", sampled=True),
    inputs=(
        counted(
            "ccc_sampled_batches",
            "强制性产品认证获证产品监督抽查批次",
            "CCC-certified product batches sampled",
            "Batches of CCC-certified products sampled in supervision spot checks in the year.",
            of="batch",
        ),
        counted(
            "ccc_passed_batches",
            "强制性产品认证获证产品监督抽查合格批次",
            "CCC-certified product batches passed",
            "Of the sampled batches, those found conforming.",
            of="batch",
        ),
    ),
    unit="percent",
    threshold=AtLeast(95, "percent"),
    quote="年度强制性产品认证获证产品监督抽查批次合格率达95%以上",
    deadline="2013-12",
    # Body item 11: 市质监局、厦门检验检疫局牵头 (for all of item 11); row 2.4.2 names 市质监局.
    responsible=Responsible(units=("市质监局",), body_leads=("市质监局", "厦门检验检疫局")),
    interpretation="达95%以上 includes 95 %; 年度: one value per region and year.",
    interpretation_zh="“达95%以上”含本数（95%）；“年度”指每个地区每年一个数值。",
)

# 2.5.1: ……全市国家对外开放一类口岸均通过“世界卫生组织口岸核心能力达标单位”考核验收……
PORT_WHO_CORE_CAPACITY_RATE = Indicator(
    id="port_who_core_capacity_rate",
    clause=Clause(table="2.5.1", body="12"),
    title_zh="一类口岸通过世界卫生组织口岸核心能力达标考核验收比例",
    title_en="Class-1 ports certified for WHO port core capacities",
    formula=ratio("class1_ports_certified", "class1_ports"),
    inputs=(
        counted(
            "class1_ports",
            "国家对外开放一类口岸数",
            "Class-1 ports open to foreign traffic",
            "Class-1 ports of the region open to foreign traffic (国家对外开放一类口岸).",
            of="port",
        ),
        counted(
            "class1_ports_certified",
            "通过“世界卫生组织口岸核心能力达标单位”考核验收的一类口岸数",
            "Class-1 ports certified for WHO core capacities",
            "Of those, ports that have passed the WHO port core-capacity assessment.",
            of="port",
        ),
    ),
    unit="percent",
    threshold=All(),
    quote="全市国家对外开放一类口岸均通过“世界卫生组织口岸核心能力达标单位”考核验收",
    deadline="2013-12",
    responsible=Responsible(units=("厦门检验检疫局",)),
    interpretation="均 … 全达标: " + EVERY_UNIT,
    interpretation_zh="“均”“全达标”指" + EVERY_UNIT_ZH,
)

# 2.6.1: 建立有效的食品进出口质量安全追溯体系,建成1个以上食品进出口质量安全示范区。
FOOD_TRADE_SAFETY_DEMO_ZONES = Indicator(
    id="food_trade_safety_demo_zones",
    clause=Clause(table="2.6.1", body="13"),
    title_zh="食品进出口质量安全示范区数量",
    title_en="Food import-export quality-safety demonstration zones",
    formula=value("food_trade_safety_demo_zones"),
    inputs=(
        counted(
            "food_trade_safety_demo_zones",
            "已建成食品进出口质量安全示范区数",
            "Food import-export quality-safety demonstration zones built",
            "Demonstration zones for food import-export quality safety built in the region.",
            of="zone",
        ),
    ),
    unit="count",
    threshold=AtLeast(1, "count"),
    quote="建成1个以上食品进出口质量安全示范区",
    deadline="2013-12",
    responsible=Responsible(units=("厦门检验检疫局",)),
    interpretation="1个以上 includes one: at least one zone built, judged per region and period.",
    interpretation_zh="“1个以上”含本数：至少建成1个示范区，按地区和期间分别判定。",
    decimals=0,
)
