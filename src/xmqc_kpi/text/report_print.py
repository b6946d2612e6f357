"""Wording of the reports for reading, printing and filing: provenance, headlines, filters, PDF.

Chinese and English side by side; the report builders ask for a key and never write a word.

>>> PROVENANCE.say("heading", "zh"), PROVENANCE.say("heading", "en")
('来源与版本', 'Provenance')
>>> READING.say("headline_regions", "zh", regions=7, met=5, not_met=2)
'7 个地区中 5 个达标，2 个未达标'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["PDF", "PROGRESS_CHART", "PROVENANCE", "READING"]

#: The provenance block of every report: what produced it.
PROVENANCE = WordTable(
    "report provenance",
    {
        "heading": Words(zh="来源与版本", en="Provenance"),
        "library": Words(zh="程序库", en="Library"),
        "library_value": Words(zh="{library} {version}", en="{library} {version}"),
        "catalog": Words(zh="指标目录", en="Catalog"),
        "catalog_value": Words(
            zh="{title}（{indicators} 个指标）", en="{title} ({indicators} indicators)"
        ),
        "own_catalog": Words(zh="自定义目录", en="A catalog of one's own"),
        "catalog_hash": Words(zh="目录内容哈希（SHA-256）", en="Catalog content hash (SHA-256)"),
        "source": Words(zh="数据来源", en="Data source"),
        "source_value": Words(zh="{file}", en="{file}"),
        "source_sheet": Words(zh="{file}（工作表“{sheet}”）", en="{file} (sheet “{sheet}”)"),
        "no_source": Words(
            zh="未从文件读取（直接传入的数据表）",
            en="Not read from a file (a data frame given directly)",
        ),
        "source_hash": Words(zh="数据文件哈希（SHA-256）", en="Data file hash (SHA-256)"),
        "as_of": Words(zh="评价日期", en="Evaluation date"),
        "no_as_of": Words(zh="未给出", en="Not given"),
        "language": Words(zh="语言", en="Language"),
        "language_zh": Words(zh="中文", en="Chinese"),
        "language_en": Words(zh="英文", en="English"),
        "fact": Words(zh="**{label}**：{value}", en="**{label}**: {value}"),
    },
)

#: The evaluation report's reading aids: headlines, collapsed rows, the not-met list, filters.
READING = WordTable(
    "report reading",
    {
        "headline_regions": Words(
            zh="{regions} 个地区中 {met} 个达标，{not_met} 个未达标",
            en="{met} of {regions} regions met, {not_met} not met",
        ),
        "headline_missing": Words(zh="{count} 个地区缺少数据", en="{count} regions lack data"),
        "headline_not_assessed": Words(
            zh="{count} 个地区未评价", en="{count} regions not assessed"
        ),
        "headline_separator": Words(zh="；", en="; "),
        "headline_period": Words(zh="{period} 年：{text}", en="{period}: {text}"),
        "headline_no_rows": Words(zh="没有评价结果", en="No assessment"),
        "collapsed": Words(
            zh="数据不足（{count} 项）：{explanation}涉及地区：{regions}；涉及期间：{periods}。",
            en="Insufficient data ({count} assessments): {explanation} "
            "Regions: {regions}; periods: {periods}.",
        ),
        "with_attention": Words(zh="{status}（{attention}）", en="{status} ({attention})"),
        "not_met_heading": Words(zh="未达标的目标", en="Targets not met"),
        "not_met_none": Words(zh="没有未达标的目标。", en="No target is not met."),
        "warnings_heading": Words(zh="可疑数据提示", en="Implausible inputs"),
        "warnings_none": Words(
            zh="未发现可疑数据。", en="No input looks implausible for its unit."
        ),
        "warnings_lead": Words(
            zh="共 {count} 处数据合法但可疑（如比例写成小数、计数带小数），请核对原始数据；"
            "提示不改变评价结论。",
            en="{count} inputs are valid but implausible (a share written as a fraction, a "
            "count with decimals …): check them at the source; warnings change no verdict.",
        ),
        "warning_value": Words(zh="数值", en="Value"),
        "warning_message": Words(zh="提示", en="Warning"),
        "not_met_lead": Words(
            zh="共 {count} 项评价未达标，按指标列出，附说明。",
            en="{count} assessments did not meet their target, listed by indicator with "
            "their explanation.",
        ),
        "attention": Words(zh="临界提示", en="Attention"),
        "near_met": Words(zh="刚达标（接近阈值）", en="Met, near the threshold"),
        "near_not_met": Words(zh="差一点达标", en="Not met, near the threshold"),
        "filters": Words(zh="筛选", en="Filters"),
        "filter_status": Words(zh="状态", en="Status"),
        "filter_region": Words(zh="地区", en="Region"),
        "filter_section": Words(zh="方案部分", en="Plan section"),
        "filter_unit": Words(zh="责任单位", en="Responsible unit"),
        "filter_all": Words(zh="全部", en="All"),
        "filter_none": Words(zh="没有符合筛选条件的指标。", en="No indicator matches the filters."),
        "filter_note": Words(
            zh="筛选只改变屏幕上显示的内容；打印和不运行脚本时显示全部内容。",
            en="Filters change what the screen shows only; printing, or reading without "
            "script, shows everything.",
        ),
        "page": Words(zh="第 {page} 页，共 {pages} 页", en="Page {page} of {pages}"),
    },
)

#: The evaluation report's chart of progress toward the deadline: its title, its accessible
#: description (``<desc>``) and its legend. ``{target}``, ``{value}``, ``{projected}`` are
#: numbers with their unit; ``{progress}`` is a progress status in words.
PROGRESS_CHART = WordTable(
    "progress chart",
    {
        "title": Words(
            zh="{title}：到期限 {deadline} 的进度", en="{title}: progress toward {deadline}"
        ),
        "description": Words(
            zh="各地区各期的实际值（实线），目标 {target}（红色虚线），期限 {deadline}（竖线），"
            "以及按已观测的速度推算到期限的路径（虚线）。{tracks}",
            en="Each region's value by period (solid lines), the target {target} (red dashed "
            "line), the deadline {deadline} (vertical line) and, dashed, the path to the "
            "deadline at the pace observed so far. {tracks}",
        ),
        "description_trend": Words(
            zh="各地区各期的实际值（实线），期限 {deadline}（竖线），以及按已观测的速度推算到期限的"
            "路径（虚线）；目标是逐期改善，没有目标线。{tracks}",
            en="Each region's value by period (solid lines), the deadline {deadline} (vertical "
            "line) and, dashed, the path to the deadline at the pace observed so far; the "
            "target is to improve every period, so there is no target line. {tracks}",
        ),
        "track": Words(
            zh="{region}：{period} 为 {value}，按此速度到期限约为 {projected}（{progress}）",
            en="{region}: {value} in {period}, about {projected} by the deadline at this pace "
            "({progress})",
        ),
        "track_separator": Words(zh="；", en="; "),
        "end": Words(zh="。", en="."),
        "deadline": Words(zh="期限 {deadline}", en="Deadline {deadline}"),
        "projection": Words(zh="按当前速度推算", en="Projected at current pace"),
    },
)

#: Producing a PDF: the browser it needs and what to do without one.
PDF = WordTable(
    "PDF output",
    {
        "install": Words(
            zh="安装 Chromium（Debian/Ubuntu：apt-get install chromium），"
            "或把环境变量 {variable} 设为 Chromium 可执行文件的路径",
            en="install Chromium (Debian/Ubuntu: apt-get install chromium) or set the "
            "environment variable {variable} to the path of a Chromium executable",
        ),
        "demo_written": Words(
            zh="PDF 报告已写入（由 {browser} 生成）：", en="PDF reports written (by {browser}):"
        ),
        "demo_skipped": Words(
            zh="未写入 PDF 报告：{reason}", en="PDF reports not written: {reason}"
        ),
        "browser_not_found": Words(
            zh="生成 PDF 需要无界面浏览器 Chromium，但未找到（已查找 {names}）：{install}",
            en="PDF output needs a headless Chromium, and none was found (looked for {names}): "
            "{install}",
        ),
        "browser_not_runnable": Words(
            zh="无法运行 {variable} 指定的浏览器“{path}”：{install}",
            en="the browser {variable} names, {path!r}, cannot be run: {install}",
        ),
        "pdf_failed": Words(
            zh="浏览器“{browser}”未能生成 PDF（退出码 {exit_code}）：{detail}",
            en="the browser {browser!r} did not produce a PDF (exit code {exit_code}): {detail}",
        ),
        "pdf_timeout": Words(
            zh="浏览器“{browser}”在 {seconds} 秒内未生成 PDF",
            en="the browser {browser!r} produced no PDF within {seconds} seconds",
        ),
    },
)
