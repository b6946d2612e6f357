"""Supplementary indicators: checkable clauses of the plan outside the 42 of the target list.

The catalog contract (``targets.md``) fixes the built-in catalog at 42 indicators. Three more
clauses of the plan give something checkable, and are declared here in the same way, each with
its quote, clause, deadline and responsible units:

- 2.3.2: national modern-industry metrology testing centres built (国家级现代产业计量测试中心);
- 4.1.2 「不断提高“厦门制造”产品的市场占有率和竞争力」: the 竞争力 part, measured by the
  manufacturing quality competitiveness index (制造业质量竞争力指数), a rising trend;
- 7.1.1: national service-standardisation pilots built (建成 … 国家级服务业标准化试点).

:func:`xmqc_kpi.catalogs.catalog` adds them after the 42 when called with
``supplementary=True``; the threshold report of the built-in catalog lists them in a section of
their own.

>>> [item.clause.table for item in SUPPLEMENTARY_INDICATORS]
['2.3.2', '4.1.2', '7.1.1']
"""

from __future__ import annotations

from ..formulas import value
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import AtLeast, Trend
from ._common import (
    RISING_YEAR_ON_YEAR,
    RISING_YEAR_ON_YEAR_ZH,
    YEAR_ON_YEAR_REASON,
    YEAR_ON_YEAR_REASON_ZH,
    counted,
)
from .overall_level import MADE_IN_XIAMEN_MARKET_SHARE_TREND

__all__ = [
    "MANUFACTURING_QUALITY_COMPETITIVENESS_TREND",
    "NATIONAL_METROLOGY_TESTING_CENTRES",
    "NATIONAL_SERVICE_STANDARDIZATION_PILOTS",
    "SUPPLEMENTARY_INDICATORS",
]

_BUILT_BY_DEADLINE = (
    " is read as at least one built by the deadline: the count is of those confirmed on record "
    "(the national authority's approval or acceptance) by the end of the period, and 1 or more "
    "is met."
)
_BUILT_BY_DEADLINE_ZH = (
    "按截至完成时限至少建成1个理解：以国家主管部门批准或验收的记录为准，统计截至期末"
    "已建成的数量，达到1个及以上即为达标。"
)

# 4.1.2 (body 18): ……不断提高“厦门制造”产品的市场占有率和竞争力。
MANUFACTURING_QUALITY_COMPETITIVENESS_TREND = Indicator(
    id="manufacturing_quality_competitiveness_trend",
    clause=Clause(table="4.1.2", body="18"),
    title_zh="制造业质量竞争力指数",
    title_en="Manufacturing quality competitiveness index",
    formula=value("manufacturing_quality_competitiveness_index"),
    inputs=(
        Input(
            name="manufacturing_quality_competitiveness_index",
            unit="index_point",
            label_zh="制造业质量竞争力指数",
            label_en="Manufacturing quality competitiveness index",
            description=(
                "The manufacturing quality competitiveness index published by the national "
                "quality authority for the region (Xiamen: 88.15 in 2012, 88.72 in 2013)."
            ),
        ),
    ),
    unit="index_point",
    threshold=Trend(direction="rising", reading="year_on_year"),
    quote="不断提高“厦门制造”产品的市场占有率和竞争力",
    deadline="2013-12",
    # 4.1.2's 责任单位 cell is blank: it inherits 4.1.1's, as the market share does.
    responsible=MADE_IN_XIAMEN_MARKET_SHARE_TREND.responsible,
    interpretation=(
        "The plan gives no measure of 竞争力 (competitiveness); the manufacturing quality "
        "competitiveness index published by the national quality authority is used (Xiamen: "
        "88.15 in 2012, 88.72 in 2013). The index has no ceiling. 不断提高: "
        + RISING_YEAR_ON_YEAR
        + YEAR_ON_YEAR_REASON
    ),
    interpretation_zh=(
        "方案未规定“竞争力”的衡量口径，采用国家质检总局发布的制造业质量竞争力指数"
        "（厦门市：2012年88.15，2013年88.72）；该指数无上限。“不断提高”："
        + RISING_YEAR_ON_YEAR_ZH
        + YEAR_ON_YEAR_REASON_ZH
    ),
    decimals=2,
)

# 7.1.1 (body 31): ……建成“厦门家政服务业标准化”等国家级服务业标准化试点。
NATIONAL_SERVICE_STANDARDIZATION_PILOTS = Indicator(
    id="national_service_standardization_pilots",
    clause=Clause(table="7.1.1", body="31"),
    title_zh="已建成国家级服务业标准化试点数量",
    title_en="National service-standardisation pilots built",
    formula=value("national_service_standardization_pilots_built"),
    inputs=(
        counted(
            "national_service_standardization_pilots_built",
            "已建成国家级服务业标准化试点数",
            "National service-standardisation pilots built",
            "National service-standardisation pilots (such as 厦门家政服务业标准化) built in the "
            "region by the end of the period, as confirmed by the national standardization "
            "authority.",
            of="pilot",
        ),
    ),
    unit="count",
    threshold=AtLeast(1, "count"),
    quote="建成“厦门家政服务业标准化”等国家级服务业标准化试点",
    deadline="2013-12",
    # Body item 31 lists its units as 负责 (no 牵头).
    responsible=Responsible(units=("市发改委", "市质监局")),
    interpretation="建成 (have built)" + _BUILT_BY_DEADLINE,
    interpretation_zh="“建成”" + _BUILT_BY_DEADLINE_ZH,
    decimals=0,
)

# 2.3.2 (body 10): 建设……国家级现代产业计量测试中心。
NATIONAL_METROLOGY_TESTING_CENTRES = Indicator(
    id="national_metrology_testing_centres",
    clause=Clause(table="2.3.2", body="10"),
    title_zh="已建成国家级现代产业计量测试中心数量",
    title_en="National modern-industry metrology testing centres built",
    formula=value("national_metrology_testing_centres_built"),
    inputs=(
        counted(
            "national_metrology_testing_centres_built",
            "已建成国家级现代产业计量测试中心数",
            "National modern-industry metrology testing centres built",
            "National modern-industry metrology testing centres suited to Xiamen's industries "
            "(modern lighting and flat-panel display, equipment manufacturing …) built in the "
            "region by the end of the period, as approved or accepted by the national authority.",
            of="centre",
        ),
    ),
    unit="count",
    threshold=AtLeast(1, "count"),
    quote="建设现代照明与平板显示、装备制造业等与厦门特色产业相适应的国家级现代产业计量测试中心",
    deadline="2013-12",
    # Body item 10 lists its units as 负责 (no 牵头).
    responsible=Responsible(units=("市质监局", "市财政局")),
    interpretation="建设 (build) a centre" + _BUILT_BY_DEADLINE,
    interpretation_zh="“建设”计量测试中心" + _BUILT_BY_DEADLINE_ZH,
    decimals=0,
)

#: The supplementary indicators, in the plan's order (2.3.2, 4.1.2, 7.1.1).
SUPPLEMENTARY_INDICATORS: tuple[Indicator, ...] = (
    NATIONAL_METROLOGY_TESTING_CENTRES,
    MANUFACTURING_QUALITY_COMPETITIVENESS_TREND,
    NATIONAL_SERVICE_STANDARDIZATION_PILOTS,
)
