"""The command line's wording: help texts, messages, errors and table headers, Chinese and English.

The command's language is the one of ``--lang`` (else ``XMQC_KPI_LANG``, else Chinese); its
help is in that language too, except the few words :mod:`argparse` writes itself (``usage:``).

>>> CLI.say("error", "zh", command="evaluate", message="找不到文件")
'xmqc-kpi evaluate：错误：找不到文件'
>>> CLI.say("wrote", "en", path="template.csv")
'wrote template.csv'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["CLI", "DEMO", "HELP"]

#: The parser's help texts: the program, each command and each option.
HELP = WordTable(
    "command-line help",
    {
        "description": Words(
            zh="厦门市 2013 年质量强市工作方案的指标（厦府〔2013〕98号）。",
            en="Indicators of Xiamen's 2013 quality-city plan (厦府〔2013〕98号).",
        ),
        "epilog": Words(
            zh="运行“xmqc-kpi 子命令 --help”查看子命令的选项。",
            en="Run 'xmqc-kpi COMMAND --help' for a command's options.",
        ),
        "catalog": Words(zh="列出指标。", en="List the indicators."),
        "thresholds": Words(zh="输出阈值报告。", en="Write the threshold report."),
        "thresholds_more": Words(
            zh="每个阈值都追溯到方案的条款、原文、责任单位和完成时限。",
            en="Every threshold traced to its clause, wording, responsible units and deadline.",
        ),
        "template": Words(zh="输出空白的填报模板。", en="Write the blank input template."),
        "template_more": Words(
            zh="每个输入变量一行，每个期间一列；填好后即可评价。",
            en="One row per input variable, one column per period; fill it and evaluate it.",
        ),
        "validate": Words(
            zh="检查数据文件：按行、列列出每一处问题。",
            en="Check a data file: list every problem, by row and column.",
        ),
        "validate_more": Words(
            zh="行号为文件的行号（CSV、XLSX）或记录序号；列以字母和表头标明（CSV、XLSX），"
            "XLSX 还标明工作表。\n"
            "“注：”行说明读取时从宽处理之处（标题行、1,160、—、96.5%、合计等）。\n"
            "文件可以评价时退出状态为 0，不能评价时为 2。",
            en="Rows are the file's line numbers (CSV) or row numbers (XLSX), or record "
            "numbers;\ncolumns are named by letter and header (CSV, XLSX), and XLSX by sheet "
            "too.\n'note:' lines say what was read leniently (title rows, 1,160, —, 96.5%, "
            "totals …).\nExit status 0 when the file can be evaluated, 2 when it cannot.",
        ),
        "evaluate": Words(
            zh="对数据文件（或内置样例）评价各项指标。",
            en="Evaluate the indicators over a data file, or the bundled sample.",
        ),
        "evaluate_more": Words(
            zh="不给 DATA 时评价内置样例及其单位、全国平均水平和同组数据"
            "（--units、--benchmarks、--peers 替换之）。\n"
            "各状态的计数写到标准输出；结果写到标准输出时，计数改写到标准错误。",
            en="Without DATA, the bundled sample is evaluated with its units, benchmarks and "
            "peers\n(--units, --benchmarks and --peers replace those given).\nThe status counts "
            "go to standard output, or to standard error when the results do.",
        ),
        "catalog_file": Words(
            zh="指标目录文件（TOML、YAML 或 JSON），代替内置的 42 个指标",
            en="a catalog file (TOML, YAML or JSON) instead of the built-in 42 indicators",
        ),
        "lang": Words(
            zh="输出和提示的语言：zh 或 en（默认：环境变量 XMQC_KPI_LANG，否则 zh）",
            en="language of the output and messages: zh or en (default: XMQC_KPI_LANG, else zh)",
        ),
        "format": Words(
            zh="输出格式（默认：按 -o 的后缀；否则：{default}）",
            en="output format (default: from the -o suffix, else {default})",
        ),
        "format_table": Words(zh="输出格式（默认：table）", en="output format (default: table)"),
        "output": Words(
            zh="写入 FILE；“-”为标准输出（默认：标准输出；xlsx 须给文件或“-”）",
            en="write to FILE, '-' for standard output (default: standard output; "
            "xlsx needs FILE or '-')",
        ),
        "no_output": Words(zh="只输出计数", en="no output but the counts"),
        "units": Words(
            zh="变量 → 单位的对照：JSON、YAML 或 CSV（列 variable、unit）",
            en="variable → unit mapping: JSON, YAML or CSV (columns variable, unit)",
        ),
        "sheet": Words(
            zh="要读取的 XLSX 工作表（默认：第一个可见的）",
            en="the XLSX sheet to read (the first visible)",
        ),
        "section": Words(zh="方案部分：1 … 9，或 五", en="plan section: 1 … 9, or 五"),
        "kind": Words(zh="阈值类型：at_least、trend 等", en="threshold kind: at_least, trend …"),
        "template_output": Words(
            zh=".xlsx 或 .csv 文件；“-”为标准输出（CSV）",
            en="a .xlsx or .csv file; '-' for standard output (CSV)",
        ),
        "periods": Words(
            zh="期间列（默认为目录所依据方案的年份，内置目录为 2013 2014 2015）",
            en="period columns (default: the years of the catalog's plan, 2013 2014 2015 for "
            "the built-in one)",
        ),
        "regions": Words(
            zh="每个地区一组行（默认：内置目录为厦门市及其六个区，其他城市方案的目录地区列留空）",
            en="one block of rows per region (default: 厦门市 and its six districts for the "
            "built-in catalog; a blank region column for another city's plan)",
        ),
        "data": Words(
            zh=".csv、.xlsx、.parquet 或 .json 文件", en=".csv, .xlsx, .parquet or .json"
        ),
        "benchmarks": Words(
            zh="全国平均水平：period、indicator_id、value", en="period, indicator_id, value"
        ),
        "peers": Words(
            zh="同组数据：period、indicator_id、peer、value", en="period, indicator_id, peer, value"
        ),
        "as_of": Words(zh="评价日期，如 2014-06-30", en="evaluation date, 2014-06-30"),
        "title": Words(zh="报告标题（html、md、xlsx）", en="the report's title (html, md, xlsx)"),
        "fail_on": Words(
            zh="有评价结果为未达标时以状态 1 退出",
            en="exit with status 1 when an assessment is not met",
        ),
    },
)

#: Messages, errors and the words of the summary table.
CLI = WordTable(
    "command line",
    {
        "error": Words(
            zh="xmqc-kpi {command}：错误：{message}", en="xmqc-kpi {command}: error: {message}"
        ),
        "file_error": Words(zh="{path}：{reason}", en="{path}: {reason}"),
        "cannot_read": Words(
            zh="无法读取文件 {path}：{reason}", en="cannot read file {path}: {reason}"
        ),
        "not_readable": Words(
            zh="文件已损坏或不是所述格式（{detail}）",
            en="the file is damaged or not in the format it claims ({detail})",
        ),
        "no_such_file": Words(zh="文件不存在", en="no such file"),
        "is_directory": Words(zh="是目录，不是文件", en="is a directory, not a file"),
        "permission": Words(zh="没有读写权限", en="permission denied"),
        "os_error": Words(zh="{reason}", en="{reason}"),
        "unknown_suffix": Words(
            zh="无法从 {path} 的后缀判断格式：请用 -f 指定（{formats}）",
            en="cannot tell the format of {path}: give -f FORMAT ({formats})",
        ),
        "binary_to_terminal": Words(
            zh="{format} 是二进制格式：请用 -o FILE.{format} 写入文件（或 -o - 写到管道）",
            en="{format} output is binary: give -o FILE.{format} (or -o - for a pipe)",
        ),
        "output_is_input": Words(
            zh="输出文件 {path} 就是输入文件，不覆盖：请另给 -o",
            en="the output {path} is an input file; it is not overwritten: give another -o",
        ),
        "cannot_evaluate": Words(
            zh="无法评价 {source}：{problem}", en="cannot evaluate {source}: {problem}"
        ),
        "more_problems": Words(
            zh="{summary}第一处：{first}（用 xmqc-kpi validate 查看全部）",
            en="{summary} the first: {first} (xmqc-kpi validate lists them all)",
        ),
        "unexpected": Words(
            zh="意外错误（{kind}）：{message}", en="unexpected error ({kind}): {message}"
        ),
        "missing_dependency": Words(zh="{message}", en="{message}"),
        "bad_date": Words(
            zh="不是日期（YYYY-MM-DD）：{text!r}", en="not a date (YYYY-MM-DD): {text!r}"
        ),
        "bundled_sample": Words(zh="内置样例", en="the bundled sample"),
        "wrote": Words(zh="已写入 {path}", en="wrote {path}"),
        "ok": Words(
            zh="OK {path}：{rows} 行；{variables} 个变量、{regions} 个地区、"
            "{periods} 个期间的数值；{indicators} 个指标共 {assessments} 项评价",
            en="OK {path}: {rows} rows; values for {variables} variables, {regions} regions, "
            "{periods} periods; {assessments} assessments of {indicators} indicators",
        ),
        "note": Words(zh="注：{note}", en="note: {note}"),
        "ignored": Words(
            zh="未被任何指标使用，已忽略：{names}", en="not used by any indicator, ignored: {names}"
        ),
        "list_separator": Words(zh="、", en=", "),
        "region": Words(zh="地区", en="region"),
        "total": Words(zh="合计", en="total"),
        "more_regions": Words(zh="… 另有 {count} 个", en="… {count} more"),
        "id": Words(zh="编号", en="id"),
        "clause": Words(zh="条款", en="clause"),
        "title": Words(zh="名称", en="title"),
        "threshold": Words(zh="阈值", en="threshold"),
        "read_rows": Words(zh="已读取 {rows} 行", en="read {rows} rows"),
        "checked": Words(zh="已检查", en="checked"),
        "evaluating": Words(zh="正在评价 {count} 个指标", en="evaluating {count} indicators"),
        "evaluated": Words(zh="已评价：{count} 项", en="evaluated: {count} assessments"),
        "rendering": Words(zh="正在生成 {format}", en="rendering {format}"),
        "results": Words(zh="结果", en="the results"),
        "stdout": Words(zh="标准输出", en="standard output"),
    },
)

#: The demo's headings (``python -m xmqc_kpi.demo``).
DEMO = WordTable(
    "demo",
    {
        "overall": Words(zh="总体", en="overall"),
        "by_section": Words(zh="按方案部分", en="by section"),
        "by_region": Words(zh="按地区", en="by region"),
        "heading": Words(zh="== {title} ==", en="== {title} =="),
        "not_met": Words(zh="未达标：{count} 项评价", en="not met: {count} assessments"),
        "item": Words(
            zh="- [{region} {period}] {explanation}", en="- [{region} {period}] {explanation}"
        ),
        "wrote": Words(zh="已写入：", en="wrote:"),
    },
)
