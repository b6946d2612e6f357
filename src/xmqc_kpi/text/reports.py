"""The reports' wording: the threshold report and the evaluation report, Chinese and English.

Each table maps a stable key to :class:`~xmqc_kpi.text.Words`; the report builders ask for a
key in the report's language and never write a word themselves. The plan's own words (quotes,
Chinese titles and labels, responsible units) are data of the catalog, not wording, and stay
Chinese in both languages.

>>> THRESHOLD_LABELS.say("threshold", "zh"), THRESHOLD_LABELS.say("threshold", "en")
('阈值', 'Threshold')
>>> THRESHOLD_PHRASES.say("clause_table", "zh", table="5.1.2", body="正文第 22 条")
'分解表 5.1.2 / 正文第 22 条'
>>> EVALUATION.say("as_of", "zh", date="2015-12-31")
'评价日期：2015-12-31'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["EVALUATION", "THRESHOLD_LABELS", "THRESHOLD_PHRASES"]

#: Headings, field labels and fixed sentences of the threshold report.
THRESHOLD_LABELS = WordTable(
    "threshold report label",
    {
        "title": Words(
            zh="阈值报告：创建全国质量强市示范城市工作方案的量化目标",
            en="Threshold report: the quantitative targets of Xiamen's quality-city plan",
        ),
        "plan": Words(zh="方案", en="Plan"),
        "contents": Words(zh="目录", en="Contents"),
        "summary_kind": Words(zh="阈值类型", en="Threshold kind"),
        "summary_count": Words(zh="指标数", en="Indicators"),
        "total": Words(zh="合计", en="Total"),
        "rules": Words(zh="解读规则", en="Interpretation rules"),
        "rules_lead": Words(
            zh="以下规则说明如何理解方案用语，适用于本报告的每一个指标。",
            en="How the plan's wording is read; the rules apply to every indicator below.",
        ),
        "indicators": Words(zh="指标", en="Indicators"),
        "discrepancies": Words(
            zh="方案正文与分解表的已知差异",
            en="Known discrepancies between the plan's body and its table",
        ),
        "wording": Words(zh="方案用语", en="Plan wording"),
        "meaning": Words(zh="含义", en="Meaning"),
        "note": Words(zh="说明", en="Note"),
        "in_force": Words(zh="本目录所用参数", en="In force in this catalog"),
        "id": Words(zh="编号", en="ID"),
        "clause": Words(zh="条款（分解表 / 正文）", en="Clause (table / body)"),
        "section": Words(zh="方案部分", en="Plan section"),
        "title_zh": Words(zh="中文名称", en="Chinese title"),
        "title_en": Words(zh="英文名称", en="English title"),
        "quote": Words(zh="方案原文", en="Plan wording"),
        "formula": Words(zh="计算公式", en="Formula"),
        "inputs": Words(
            zh="输入变量（中文名称，默认单位）", en="Inputs (Chinese label, default unit)"
        ),
        "unit": Words(zh="显示单位", en="Display unit"),
        "sampled": Words(zh="抽样或全数统计", en="Sampled or counted in full"),
        "threshold": Words(zh="阈值", en="Threshold"),
        "direction": Words(zh="方向", en="Direction"),
        "deadline": Words(zh="完成时限", en="Deadline"),
        "responsible": Words(zh="责任单位", en="Responsible units"),
        "interpretation": Words(zh="解释说明", en="Interpretation"),
        "clauses": Words(zh="条款", en="Clauses"),
        "finding": Words(zh="差异", en="Discrepancy"),
        "reading": Words(zh="采用的理解", en="Reading adopted"),
        "concerns": Words(zh="相关指标", en="Indicators concerned"),
        "discrepancies_all": Words(
            zh="以下为内置方案中正文与分解表的差异及目录采用的理解。",
            en="Where the built-in plan's body and table disagree, and the reading the catalog "
            "adopts.",
        ),
        "discrepancies_some": Words(
            zh="以下差异取自内置方案，仅列出与本目录中内置指标（与内置声明完全相同者）有关的条目。",
            en="From the built-in plan: only the entries that concern this catalog's built-in "
            "indicators (those identical to their built-in declaration).",
        ),
        "discrepancies_none": Words(
            zh="本目录不含内置指标（与内置声明完全相同者），内置方案的已知差异不适用。",
            en="This catalog holds no built-in indicator (none identical to its built-in "
            "declaration): the built-in plan's discrepancies do not apply.",
        ),
        "yes": Words(zh="是", en="yes"),
        "no": Words(zh="否", en="no"),
        "blank": Words(zh="—", en="—"),
        "colon": Words(zh="：", en=": "),
        "plan_line": Words(zh="{title}（{number}，{issued}）", en="{title} ({number}, {issued})"),
    },
)

#: The per-indicator phrases of the threshold report (clause, formula, inputs, measurement …).
THRESHOLD_PHRASES = WordTable(
    "threshold report phrase",
    {
        "clause_table": Words(zh="分解表 {table} / {body}", en="table {table} / {body}"),
        "clause_body_only": Words(zh="{body}（分解表无对应行）", en="{body} (no row in the table)"),
        "formula_unit": Words(zh="{formula}（单位：{unit}）", en="{formula} (unit: {unit})"),
        "input": Words(
            zh="{name}：{label}（默认单位：{unit}）", en="{name}: {label}; default unit: {unit}"
        ),
        "input_label_en": Words(zh="{label_zh}", en="{label_zh} ({label_en})"),
        "display_unit": Words(zh="{name}（{symbol}）", en="{name} ({symbol})"),
        "sampled": Words(
            zh="抽样估计（抽查、抽检）：附 95% Wilson 置信区间",
            en="sampled (spot checks): 95 % Wilson interval",
        ),
        "counted": Words(
            zh="全数统计：精确值，不给置信区间", en="counted in full: exact, no interval"
        ),
        "reported": Words(zh="直接报告的数值：不给置信区间", en="reported directly: no interval"),
        "higher": Words(zh="越高越好", en="higher is better"),
        "lower": Words(zh="越低越好", en="lower is better"),
        "no_deadline": Words(zh="无：每期适用", en="none: applies every period"),
        "deadline_inherited": Words(
            zh="{deadline}（分解表空白，沿用上一行）",
            en="{deadline} (blank in the table: inherited from the row above)",
        ),
        "responsible_inherited": Words(
            zh="{units}（分解表空白，沿用 {source} 的责任单位）",
            en="{units} (blank in the table: inherited from {source})",
        ),
        "list_separator": Words(zh="、", en=", "),
        "lead": Words(zh="{unit}（牵头）", en="{unit} (lead)"),
        "no_such_indicator": Words(zh="本目录无此类指标", en="no such indicator in this catalog"),
        "in_force_entry": Words(
            zh="{value}（{count} 个指标）", en="{value} ({count} indicator{s})"
        ),
        "in_force_separator": Words(zh="；", en="; "),
    },
)

#: Every fixed text of the evaluation report.
EVALUATION = WordTable(
    "evaluation report",
    {
        "title": Words(zh="指标评价报告", en="Indicator evaluation report"),
        "title_of_plan": Words(zh="{plan}：指标评价报告", en="{plan}: evaluation report"),
        "as_of": Words(zh="评价日期：{date}", en="Evaluation date: {date}"),
        "no_as_of": Words(
            zh="未给出评价日期，无法判断期限是否已到",
            en="No evaluation date given, so whether deadlines have passed is not known",
        ),
        "lead": Words(
            zh="共 {indicators} 项指标、{assessments} 项评价（指标 × 地区 × 期间）。",
            en="{indicators} indicators, {assessments} assessments (indicator × region × period).",
        ),
        "contents": Words(zh="目录", en="Contents"),
        "total": Words(zh="合计", en="total"),
        "summary": Words(zh="概览", en="Summary"),
        "overall": Words(zh="总体", en="Overall"),
        "by_section": Words(zh="按方案部分", en="By plan section"),
        "by_unit": Words(zh="按责任单位", en="By responsible unit"),
        "by_unit_note": Words(
            zh="一项评价对其每个责任单位各计一次，故各行之和大于总数。",
            en="An assessment counts once for each of its responsible units, so the rows add "
            "up to more than the total.",
        ),
        "by_region": Words(zh="按地区", en="By region"),
        "section": Words(zh="部分", en="section"),
        "unit": Words(zh="责任单位", en="responsible unit"),
        "region": Words(zh="地区", en="region"),
        "period": Words(zh="期间", en="period"),
        "deadlines": Words(zh="完成期限", en="Deadlines"),
        "deadline": Words(zh="期限", en="deadline"),
        "no_deadline": Words(zh="无（每期适用）", en="none (applies every period)"),
        "indicators_count": Words(zh="指标数", en="indicators"),
        "deadline_passed": Words(zh="截至评价日期是否已到期", en="passed by the evaluation date"),
        "passed": Words(zh="已到期", en="passed"),
        "not_passed": Words(zh="未到期", en="not yet"),
        "unknown": Words(zh="—", en="—"),
        "matrix": Words(zh="地区 × 指标矩阵", en="Region × indicator matrix"),
        "matrix_note": Words(
            zh="每个期间一张矩阵，最近的期间在前；行为指标，列为地区，格中为状态符号与数值"
            "（{legend}）。",
            en="One matrix per period, most recent first; rows are indicators, columns regions, "
            "each cell the status symbol and the value ({legend}).",
        ),
        "legend_entry": Words(zh="{symbol} {status}", en="{symbol} {status}"),
        "legend_separator": Words(zh="，", en=", "),
        "matrix_period": Words(zh="期间：{period}", en="Period {period}"),
        "indicator": Words(zh="指标", en="indicator"),
        "indicators": Words(zh="各指标详情", en="Indicators in detail"),
        "clause": Words(zh="条款", en="clause"),
        "threshold": Words(zh="目标", en="threshold"),
        "interpretation": Words(zh="解释", en="interpretation"),
        "responsible": Words(zh="责任单位", en="responsible"),
        "inherited": Words(
            zh="（原表空白，沿用 {row} 行）",
            en=" (blank in the plan's table: taken from row {row})",
        ),
        "value": Words(zh="数值", en="value"),
        "value_in": Words(zh="数值（{unit}）", en="value ({unit})"),
        "reference_benchmark": Words(zh="全国平均", en="national average"),
        "reference_cutoff": Words(zh="前列门槛值", en="top-group bar"),
        "reference_previous": Words(zh="上期值", en="previous"),
        "margin": Words(zh="差距", en="margin"),
        "interval": Words(zh="95% 置信区间", en="95% interval"),
        "rank": Words(zh="名次", en="rank"),
        "rank_text": Words(zh="{rank} / {size}（≤ {cutoff}）", en="{rank} / {size} (≤ {cutoff})"),
        "explanation": Words(zh="说明", en="explanation"),
        "chart_regions": Words(
            zh="{title}：各地区数值与目标（{period}）",
            en="{title}: value by region in {period}, against the threshold",
        ),
        "chart_periods": Words(
            zh="{title}：各地区各期数值与目标",
            en="{title}: value by period and region, against the threshold",
        ),
        "rank_axis": Words(zh="名次（1 为最好）", en="rank (1 is best)"),
        "no_data": Words(zh="无数据", en="no data"),
        "charts_omitted": Words(
            zh="Markdown 版不含图表，图表见 HTML 版报告。",
            en="The Markdown version has no charts: see the HTML report for them.",
        ),
        "inputs": Words(zh="所用输入数据", en="Inputs used"),
        "inputs_note": Words(
            zh="以下为评价所用的全部输入数值及其单位（按所给），可据此逐项复核。",
            en="Every input number the evaluation used, with its unit as given, so that any "
            "value can be recomputed by hand.",
        ),
        "variable": Words(zh="变量", en="variable"),
        "label": Words(zh="名称", en="label"),
        "given_unit": Words(zh="单位", en="unit"),
        "no_region": Words(zh="（未分地区）", en="(no region)"),
        "every_period": Words(zh="每期", en="every period"),
        "colon": Words(zh="：", en=": "),
        "list_separator": Words(zh="、", en=", "),
        "id": Words(zh="编号", en="id"),
        "status": Words(zh="状态", en="status"),
        "cutoff_rank": Words(zh="前列末位名次", en="cut-off rank"),
        "deadlines_line": Words(
            zh="已到期的完成期限：{passed}；未到期：{pending}。",
            en="Deadlines passed: {passed}; not yet: {pending}.",
        ),
        "none": Words(zh="无", en="none"),
        "deadline_state": Words(zh="{deadline}（{state}）", en="{deadline} ({state})"),
        "table": Words(zh="表", en="table"),
        "group": Words(zh="分组", en="group"),
        "threshold_legend": Words(zh="目标 {threshold}", en="threshold {threshold}"),
    },
)
