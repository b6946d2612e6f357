"""Section 7 of the decomposition table, 不断提高服务质量满意度 (body 三(七), items 31–34)."""

from __future__ import annotations

from ..formulas import ratio, value
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import BelowBenchmark, TopAmongPeers, Trend
from ._common import (
    BELOW_NATIONAL_AVERAGE,
    BELOW_NATIONAL_AVERAGE_ZH,
    FALLING_YEAR_ON_YEAR,
    FALLING_YEAR_ON_YEAR_ZH,
    RISING_YEAR_ON_YEAR,
    RISING_YEAR_ON_YEAR_ZH,
    YEAR_ON_YEAR_REASON,
    YEAR_ON_YEAR_REASON_ZH,
    counted,
    top_group,
    top_group_zh,
)

__all__ = [
    "CONSUMER_COMPLAINT_RATE",
    "CONSUMER_COMPLAINT_RATE_TREND",
    "SERVICE_SATISFACTION_INDEX_RANK",
    "SERVICE_SATISFACTION_TREND",
]

# 7.4.1: 不断丰富服务产品种类,持续降低消费者投诉率,投诉率低于全国平均水平;
#        不断提高消费者对服务业满意度,服务业顾客满意度测评指数位居全国同等城市前列。
_CLAUSE = Clause(table="7.4.1", body="34")
_RESPONSIBLE = Responsible(units=("市发改委", "市商务局", "旅游局"))

# Each variable is declared once: two indicators read it, with the same label and unit.
_COMPLAINTS = counted(
    "consumer_complaints",
    "消费者投诉件数",
    "Consumer complaints",
    "Consumer complaints received in the period.",
    of="complaint",
)
_POPULATION = Input(
    name="resident_population",
    unit="person",
    label_zh="常住人口数",
    label_en="Resident population",
    description="Resident population of the region, in persons by default (万人 converts).",
)
_SATISFACTION = Input(
    name="service_satisfaction_index",
    unit="index_point",
    label_zh="服务业顾客满意度测评指数",
    label_en="Service-sector customer satisfaction index",
    description="Score of the service-sector customer satisfaction survey (服务业顾客满意度测评).",
)
_COMPLAINT_RATE = (
    "投诉率 is not defined by the plan: complaints per 10,000 resident population, the measure "
    "the national average must also be given in."
)
_COMPLAINT_RATE_ZH = (
    "方案未界定“投诉率”：按每万名常住人口投诉件数计算，全国平均水平亦须按同一口径提供。"
)

CONSUMER_COMPLAINT_RATE = Indicator(
    id="consumer_complaint_rate",
    clause=_CLAUSE,
    title_zh="消费者投诉率",
    title_en="Consumer complaint rate",
    formula=ratio("consumer_complaints", "resident_population", part_of_whole=False),
    inputs=(_COMPLAINTS, _POPULATION),
    unit="per_10k_persons",
    threshold=BelowBenchmark(),
    quote="投诉率低于全国平均水平",
    deadline="2013-12",
    responsible=_RESPONSIBLE,
    interpretation=_COMPLAINT_RATE + " " + BELOW_NATIONAL_AVERAGE,
    interpretation_zh=_COMPLAINT_RATE_ZH + BELOW_NATIONAL_AVERAGE_ZH,
    decimals=3,
)
CONSUMER_COMPLAINT_RATE_TREND = Indicator(
    id="consumer_complaint_rate_trend",
    clause=_CLAUSE,
    title_zh="消费者投诉率变化",
    title_en="Consumer complaint rate, trend",
    formula=ratio("consumer_complaints", "resident_population", part_of_whole=False),
    inputs=(_COMPLAINTS, _POPULATION),
    unit="per_10k_persons",
    threshold=Trend(direction="falling", reading="year_on_year"),
    quote="持续降低消费者投诉率",
    deadline="2013-12",
    responsible=_RESPONSIBLE,
    interpretation=_COMPLAINT_RATE + " 持续降低: " + FALLING_YEAR_ON_YEAR + YEAR_ON_YEAR_REASON,
    interpretation_zh=(
        _COMPLAINT_RATE_ZH + "“持续降低”：" + FALLING_YEAR_ON_YEAR_ZH + YEAR_ON_YEAR_REASON_ZH
    ),
    decimals=3,
)
SERVICE_SATISFACTION_TREND = Indicator(
    id="service_satisfaction_trend",
    clause=_CLAUSE,
    title_zh="消费者对服务业满意度变化",
    title_en="Consumer satisfaction with services, trend",
    formula=value("service_satisfaction_index"),
    inputs=(_SATISFACTION,),
    unit="index_point",
    threshold=Trend(direction="rising", reading="year_on_year"),
    quote="不断提高消费者对服务业满意度",
    deadline="2013-12",
    responsible=_RESPONSIBLE,
    interpretation=(
        "Satisfaction is measured by the service-sector customer satisfaction index. 不断提高: "
        + RISING_YEAR_ON_YEAR
        + YEAR_ON_YEAR_REASON
    ),
    interpretation_zh=(
        "满意度以服务业顾客满意度测评指数衡量。“不断提高”："
        + RISING_YEAR_ON_YEAR_ZH
        + YEAR_ON_YEAR_REASON_ZH
    ),
    decimals=1,
)
SERVICE_SATISFACTION_INDEX_RANK = Indicator(
    id="service_satisfaction_index_rank",
    clause=_CLAUSE,
    title_zh="服务业顾客满意度测评指数排名",
    title_en="Service-sector customer satisfaction index, rank among peers",
    formula=value("service_satisfaction_index"),
    inputs=(_SATISFACTION,),
    unit="index_point",
    threshold=TopAmongPeers(peer_group="全国同等城市"),
    quote="服务业顾客满意度测评指数位居全国同等城市前列",
    deadline="2013-12",
    responsible=_RESPONSIBLE,
    interpretation=top_group("全国同等城市"),
    interpretation_zh=top_group_zh("全国同等城市"),
    decimals=1,
)
