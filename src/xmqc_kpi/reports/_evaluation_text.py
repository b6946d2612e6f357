"""The wording of the evaluation report, in Chinese and English.

Every fixed text of the report is a field here, so the two languages have the same fields and a
missing translation is a type error, not a blank heading.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..results import Language, Status

__all__ = ["STATUS_SYMBOLS", "Words", "words"]

#: A symbol per status, so the matrix reads in grey print and for colour-blind readers.
STATUS_SYMBOLS = {
    Status.MET.value: "✓",
    Status.NOT_MET.value: "✗",
    Status.INSUFFICIENT_DATA.value: "?",
    Status.NOT_ASSESSED.value: "○",
}


@dataclass(frozen=True)
class Words:
    """Every fixed text of the report in one language."""

    title: str
    as_of: str
    no_as_of: str
    lead: str
    contents: str
    status: dict[str, str]
    total: str
    summary: str
    overall: str
    by_section: str
    by_unit: str
    by_unit_note: str
    by_region: str
    section: str
    unit: str
    region: str
    period: str
    deadlines: str
    deadline: str
    no_deadline: str
    indicators_count: str
    deadline_passed: str
    passed: str
    not_passed: str
    unknown: str
    matrix: str
    matrix_note: str
    matrix_period: str
    indicator: str
    indicators: str
    clause: str
    threshold: str
    interpretation: str
    responsible: str
    inherited: str
    value: str
    target_by_kind: dict[str, str]
    margin: str
    interval: str
    rank: str
    explanation: str
    chart_regions: str
    chart_periods: str
    rank_axis: str
    no_data: str
    charts_omitted: str
    inputs: str
    inputs_note: str
    variable: str
    label: str
    given_unit: str
    no_region: str
    every_period: str
    clause_table: str
    clause_body: str
    list_sep: str
    id: str
    status_header: str
    cutoff_rank: str
    deadlines_line: str
    none: str
    deadline_state: str
    table: str
    group: str


ZH = Words(
    title="厦门市质量强市指标评价报告",
    as_of="评价日期:{date}",
    no_as_of="未给出评价日期,无法判断期限是否已到",
    lead="共 {indicators} 项指标、{assessments} 项评价(指标 × 地区 × 期间)。",
    contents="目录",
    status={
        "met": "达标",
        "not_met": "未达标",
        "insufficient_data": "数据不足",
        "not_assessed": "仅监测",
    },
    total="合计",
    summary="概览",
    overall="总体",
    by_section="按方案部分",
    by_unit="按责任单位",
    by_unit_note="一项评价对其每个责任单位各计一次,故各行之和大于总数。",
    by_region="按地区",
    section="部分",
    unit="责任单位",
    region="地区",
    period="期间",
    deadlines="完成期限",
    deadline="期限",
    no_deadline="无(每期适用)",
    indicators_count="指标数",
    deadline_passed="截至评价日期是否已到期",
    passed="已到期",
    not_passed="未到期",
    unknown="—",
    matrix="地区 × 指标矩阵",
    matrix_note=(
        "每个期间一张矩阵,最近的期间在前;行为指标,列为地区,格中为状态符号与数值"
        "(✓ 达标,✗ 未达标,? 数据不足,○ 仅监测)。"
    ),
    matrix_period="期间:{period}",
    indicator="指标",
    indicators="各指标详情",
    clause="条款",
    threshold="目标",
    interpretation="解释",
    responsible="责任单位",
    inherited="(原表空白,沿用 {row} 行)",
    value="数值",
    target_by_kind={
        "below_benchmark": "全国平均",
        "top_among_peers": "前列门槛值",
        "trend": "上期值",
        "monitored": "目标",
    },
    margin="差距",
    interval="95% 置信区间",
    rank="名次",
    explanation="说明",
    chart_regions="{title}:各地区数值与目标({period})",
    chart_periods="{title}:各地区各期数值与目标",
    rank_axis="名次(1 为最好)",
    no_data="无数据",
    charts_omitted="Markdown 版不含图表,图表见 HTML 版报告。",
    inputs="所用输入数据",
    inputs_note="以下为评价所用的全部输入数值及其单位(按所给),可据此逐项复核。",
    variable="变量",
    label="名称",
    given_unit="单位",
    no_region="(未分地区)",
    every_period="每期",
    clause_table="分解表 {table}",
    clause_body="正文 {body}",
    list_sep="、",
    id="编号",
    status_header="状态",
    cutoff_rank="前列末位名次",
    deadlines_line="已到期的完成期限:{passed};未到期:{pending}。",
    none="无",
    deadline_state="{deadline}({state})",
    table="表",
    group="分组",
)

EN = Words(
    title="Xiamen quality-city indicators: evaluation report",
    as_of="Evaluation date: {date}",
    no_as_of="No evaluation date given, so whether deadlines have passed is not known",
    lead="{indicators} indicators, {assessments} assessments (indicator × region × period).",
    contents="Contents",
    status={
        "met": "met",
        "not_met": "not met",
        "insufficient_data": "insufficient data",
        "not_assessed": "monitored",
    },
    total="total",
    summary="Summary",
    overall="Overall",
    by_section="By plan section",
    by_unit="By responsible unit",
    by_unit_note=(
        "An assessment counts once for each of its responsible units, so the rows add up to "
        "more than the total."
    ),
    by_region="By region",
    section="section",
    unit="responsible unit",
    region="region",
    period="period",
    deadlines="Deadlines",
    deadline="deadline",
    no_deadline="none (applies every period)",
    indicators_count="indicators",
    deadline_passed="passed by the evaluation date",
    passed="passed",
    not_passed="not yet",
    unknown="—",
    matrix="Region × indicator matrix",
    matrix_note=(
        "One matrix per period, most recent first; rows are indicators, columns regions, each "
        "cell the status symbol and the value (✓ met, ✗ not met, ? insufficient data, "
        "○ monitored)."
    ),
    matrix_period="Period {period}",
    indicator="indicator",
    indicators="Indicators in detail",
    clause="clause",
    threshold="threshold",
    interpretation="interpretation",
    responsible="responsible",
    inherited=" (blank in the plan's table: taken from row {row})",
    value="value",
    target_by_kind={
        "below_benchmark": "national average",
        "top_among_peers": "top-group bar",
        "trend": "previous",
        "monitored": "threshold",
    },
    margin="margin",
    interval="95% interval",
    rank="rank",
    explanation="explanation",
    chart_regions="{title}: value by region in {period}, against the threshold",
    chart_periods="{title}: value by period and region, against the threshold",
    rank_axis="rank (1 is best)",
    no_data="no data",
    charts_omitted="The Markdown version has no charts: see the HTML report for them.",
    inputs="Inputs used",
    inputs_note=(
        "Every input number the evaluation used, with its unit as given, so that any value "
        "can be recomputed by hand."
    ),
    variable="variable",
    label="label",
    given_unit="unit",
    no_region="(no region)",
    every_period="every period",
    clause_table="table {table}",
    clause_body="body {body}",
    list_sep=", ",
    id="id",
    status_header="status",
    cutoff_rank="cut-off rank",
    deadlines_line="Deadlines passed: {passed}; not yet: {pending}.",
    none="none",
    deadline_state="{deadline} ({state})",
    table="table",
    group="group",
)


def words(lang: Language) -> Words:
    """The report's wording in ``lang``.

    >>> words("en").status["not_met"]
    'not met'
    """
    return ZH if lang == "zh" else EN
