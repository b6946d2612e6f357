"""Section 8 of the decomposition table, 市民共享质量发展成果 (body 三(八), items 35–38)."""

from __future__ import annotations

from ..formulas import value
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import TopAmongPeers, Trend
from ._common import (
    RISING_YEAR_ON_YEAR,
    RISING_YEAR_ON_YEAR_ZH,
    YEAR_ON_YEAR_REASON,
    YEAR_ON_YEAR_REASON_ZH,
    top_group,
    top_group_zh,
)

__all__ = ["CITIZEN_QUALITY_SATISFACTION_RANK", "CITIZEN_QUALITY_SATISFACTION_TREND"]

# 8.4.1: 安排专项经费,委托具有资质的调查测评机构,定期开展市民质量满意度调查测评,持续提升市民对
#        产品、工程、服务、环境以及公共管理质量水平满意度,力争测评结果居全国创建城市前列。
_CLAUSE = Clause(table="8.4.1", body="38")
_RESPONSIBLE = Responsible(units=("质量强市办", "市财政局"))
_SATISFACTION = Input(
    name="citizen_quality_satisfaction",
    unit="index_point",
    label_zh="市民质量满意度测评得分",
    label_en="Citizens' quality satisfaction score",
    description=(
        "Score of the citizens' quality satisfaction survey (市民质量满意度调查测评) covering "
        "products, construction, services, environment and public administration."
    ),
)

CITIZEN_QUALITY_SATISFACTION_RANK = Indicator(
    id="citizen_quality_satisfaction_rank",
    clause=_CLAUSE,
    title_zh="市民质量满意度测评结果排名",
    title_en="Citizens' quality satisfaction, rank among peers",
    formula=value("citizen_quality_satisfaction"),
    inputs=(_SATISFACTION,),
    unit="index_point",
    threshold=TopAmongPeers(peer_group="全国创建城市"),
    quote="力争测评结果居全国创建城市前列",
    deadline="2014-06",
    responsible=_RESPONSIBLE,
    interpretation=("力争 (strive to) is read as the target itself. " + top_group("全国创建城市")),
    interpretation_zh="“力争”按目标本身解释。" + top_group_zh("全国创建城市"),
    decimals=1,
)
CITIZEN_QUALITY_SATISFACTION_TREND = Indicator(
    id="citizen_quality_satisfaction_trend",
    clause=_CLAUSE,
    title_zh="市民质量满意度变化",
    title_en="Citizens' quality satisfaction, trend",
    formula=value("citizen_quality_satisfaction"),
    inputs=(_SATISFACTION,),
    unit="index_point",
    threshold=Trend(direction="rising", reading="year_on_year"),
    quote="持续提升市民对产品、工程、服务、环境以及公共管理质量水平满意度",
    deadline="2014-06",
    responsible=_RESPONSIBLE,
    interpretation=(
        "Measured by the survey score. 持续提升: " + RISING_YEAR_ON_YEAR + YEAR_ON_YEAR_REASON
    ),
    interpretation_zh=(
        "满意度以测评得分衡量。“持续提升”：" + RISING_YEAR_ON_YEAR_ZH + YEAR_ON_YEAR_REASON_ZH
    ),
    decimals=1,
)
