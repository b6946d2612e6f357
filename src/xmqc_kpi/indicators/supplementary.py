"""Supplementary indicators: checkable clauses of the plan outside the 42 of the target list.

The catalog contract (``targets.md``) fixes the built-in catalog at 42 indicators. Four more
clauses of the plan give something checkable, and are declared here in the same way, each with
its quote, clause, deadline and responsible units:

- 2.3.2: a national modern-industry metrology testing centre built by the deadline
  (国家级现代产业计量测试中心), a deliverable (:class:`~xmqc_kpi.deliverables.Deliverable`);
- 4.1.2 「不断提高“厦门制造”产品的市场占有率和竞争力」: the 竞争力 part, measured by the
  manufacturing quality competitiveness index (制造业质量竞争力指数), a rising trend;
- 7.1.1: a national service-standardisation pilot built by the deadline (建成 …
  国家级服务业标准化试点), a deliverable;
- 9.6.2: the real-time exchange of ECFA certificate-of-origin data between the Fujian e-port
  and Taiwan's platforms achieved by the deadline (实现ECFA原产地证书电子信息的实时有效交换),
  a deliverable completed (``done="completed"``).

:func:`xmqc_kpi.catalogs.catalog` adds them after the 42 when called with
``supplementary=True``; the threshold report of the built-in catalog lists them in a section of
their own.

>>> [item.clause.table for item in SUPPLEMENTARY_INDICATORS]
['2.3.2', '4.1.2', '7.1.1', '9.6.2']
"""

from __future__ import annotations

from ..formulas import value
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import Deliverable, Trend
from ._common import (
    RISING_YEAR_ON_YEAR,
    RISING_YEAR_ON_YEAR_ZH,
    YEAR_ON_YEAR_REASON,
    YEAR_ON_YEAR_REASON_ZH,
)
from .overall_level import MADE_IN_XIAMEN_MARKET_SHARE_TREND

__all__ = [
    "ECFA_CERTIFICATE_EXCHANGE",
    "MANUFACTURING_QUALITY_COMPETITIVENESS_TREND",
    "NATIONAL_METROLOGY_TESTING_CENTRES",
    "NATIONAL_SERVICE_STANDARDIZATION_PILOTS",
    "SUPPLEMENTARY_INDICATORS",
]

_BUILT_BY_DEADLINE = (
    " is read as a deliverable: at least one built by the end of the deadline year, as "
    "confirmed on record (the national authority's approval or acceptance). The input is the "
    "year the first was built, 0 while none is built (a blank cell is missing data, never "
    '"not built"). Built in the deadline year or before is met; built later is late, not '
    "met; not built is not met (before the deadline the explanation says it is not yet due)."
)
_BUILT_BY_DEADLINE_ZH = (
    "按交付事项理解：截至完成时限所在年份年底至少建成1个，以国家主管部门批准或验收的记录为准。"
    "填报首个建成的年份，尚未建成的填0（空白为数据缺失，不视为未建成）；"
    "在完成时限当年或之前建成即为达标，之后建成为逾期、未达标，尚未建成为未达标"
    "（完成时限未到时，说明中注明尚未到期）。"
)


def _year_built(name: str, label_zh: str, label_en: str, description: str) -> Input:
    """The year the first one was built: a plain number, 0 for none yet (未建成)."""
    return Input(
        name=name,
        unit="dimensionless",
        label_zh=f"{label_zh}建成年份（未建成填0）",
        label_en=f"Year the first {label_en} was built (0 if none yet)",
        description=description
        + " Enter the year (such as 2014); enter 0 while none is built. A blank cell is "
        "missing data.",
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
    title_zh="国家级服务业标准化试点",
    title_en="National service-standardisation pilot",
    formula=value("national_service_standardization_pilot_year"),
    inputs=(
        _year_built(
            "national_service_standardization_pilot_year",
            "国家级服务业标准化试点",
            "national service-standardisation pilot",
            "The year the region's first national service-standardisation pilot (such as "
            "厦门家政服务业标准化) was built, as confirmed by the national standardization "
            "authority.",
        ),
    ),
    unit="dimensionless",
    threshold=Deliverable(by=2013),
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
    title_zh="国家级现代产业计量测试中心",
    title_en="National modern-industry metrology testing centre",
    formula=value("national_metrology_testing_centre_year"),
    inputs=(
        _year_built(
            "national_metrology_testing_centre_year",
            "国家级现代产业计量测试中心",
            "national modern-industry metrology testing centre",
            "The year the region's first national modern-industry metrology testing centre "
            "suited to Xiamen's industries (modern lighting and flat-panel display, equipment "
            "manufacturing …) was built, as approved or accepted by the national authority.",
        ),
    ),
    unit="dimensionless",
    threshold=Deliverable(by=2013),
    quote="建设现代照明与平板显示、装备制造业等与厦门特色产业相适应的国家级现代产业计量测试中心",
    deadline="2013-12",
    # Body item 10 lists its units as 负责 (no 牵头).
    responsible=Responsible(units=("市质监局", "市财政局")),
    interpretation="建设 (build) a centre" + _BUILT_BY_DEADLINE,
    interpretation_zh="“建设”计量测试中心" + _BUILT_BY_DEADLINE_ZH,
    decimals=0,
)

# 9.6.2 (body 44): ……福建电子口岸平台与台湾相关网络平台实现ECFA原产地证书电子信息的实时有效
# 交换，便利两岸通关。
ECFA_CERTIFICATE_EXCHANGE = Indicator(
    id="ecfa_certificate_exchange",
    clause=Clause(table="9.6.2", body="44"),
    title_zh="ECFA原产地证书电子信息实时交换",
    title_en="Real-time exchange of ECFA certificate-of-origin data",
    formula=value("ecfa_certificate_exchange_year"),
    inputs=(
        Input(
            name="ecfa_certificate_exchange_year",
            unit="dimensionless",
            label_zh="ECFA原产地证书电子信息实时交换完成年份（未完成填0）",
            label_en="Year the real-time exchange of ECFA certificate-of-origin data was "
            "achieved (0 if not yet)",
            description=(
                "The year the Fujian e-port platform (福建电子口岸平台) and the Taiwan side's "
                "platform began exchanging ECFA certificate-of-origin data in real time, in "
                "routine operation, as on record with the inspection and quarantine authority. "
                "Enter the year (such as 2014); enter 0 while it is not achieved. A blank cell "
                "is missing data."
            ),
        ),
    ),
    unit="dimensionless",
    threshold=Deliverable(by=2013, done="completed"),
    quote="福建电子口岸平台与台湾相关网络平台实现ECFA原产地证书电子信息的实时有效交换",
    deadline="2013-12",
    # Table 9.6.2 names 厦门检验检疫局 alone; body item 44 lists 市质监局、厦门检验检疫局 as
    # 负责 (no 牵头) for the whole item, whose 9.6.1 names both.
    responsible=Responsible(units=("厦门检验检疫局",)),
    interpretation=(
        "实现……实时有效交换 (achieve the real-time, effective exchange) is read as a "
        "deliverable completed by the end of the deadline year: the exchange in routine "
        "operation, as on record (the authorities' notice that it is in use). The input is the "
        "year it was achieved, 0 while it is not (a blank cell is missing data). Achieved in the "
        "deadline year or before is met; later is late, not met; not achieved is not met. The "
        "exchange needs the Taiwan side's platform too, but the plan sets the deadline and the "
        "responsible unit, so whether it was achieved by then is checked all the same. The "
        "same row's 扩大对台认证领域和采信范围 sets no number and is not an indicator."
    ),
    interpretation_zh=(
        "“实现……实时有效交换”按交付事项理解：截至完成时限所在年份年底交换已投入常态运行，"
        "以主管部门公告投入使用的记录为准。填报实现的年份，尚未实现的填0（空白为数据缺失）；"
        "在完成时限当年或之前实现即为达标，之后实现为逾期、未达标，尚未实现为未达标。"
        "交换也有赖台湾方面的平台，但方案规定了完成时限和责任单位，是否按期实现仍可核对。"
        "同条“扩大对台认证领域和采信范围”未规定数量，不列为指标。"
    ),
    decimals=0,
)

#: The supplementary indicators, in the plan's order (2.3.2, 4.1.2, 7.1.1, 9.6.2).
SUPPLEMENTARY_INDICATORS: tuple[Indicator, ...] = (
    NATIONAL_METROLOGY_TESTING_CENTRES,
    MANUFACTURING_QUALITY_COMPETITIVENESS_TREND,
    NATIONAL_SERVICE_STANDARDIZATION_PILOTS,
    ECFA_CERTIFICATE_EXCHANGE,
)
