"""Problem and note wording for files as read: structure, headers, cells, budgets (readers).

Problems (``DataError``) and notes (what reading did leniently, ``DataFile.notes``) share one
table; a note's code starts with ``note_``. ``{rows}``, ``{sheets}`` and ``{what}`` fields are
:class:`~xmqc_kpi.text.Words` said in the message's language.
"""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES", "LIMIT_WORDS"]

#: What each budget of :class:`xmqc_kpi.limits.Limits` counts.
LIMIT_WORDS: dict[str, Words] = {
    "max_file_bytes": Words(zh="文件大小（字节）", en="file size in bytes"),
    "max_rows": Words(zh="行数", en="rows"),
    "max_columns": Words(zh="列数", en="columns"),
    "max_cells": Words(zh="单元格数", en="cells"),
    "max_inflated_bytes": Words(zh="解压后的大小（字节）", en="inflated size in bytes"),
    "max_archive_members": Words(zh="压缩包内的文件数", en="members of the archive"),
    "max_depth": Words(zh="嵌套层数", en="nesting levels"),
    "max_keys": Words(zh="不同键名数", en="distinct keys"),
}

ENTRIES: dict[str, Words] = {
    # ------------------------------------------------------------------ the file as a whole
    "limit_exceeded": Words(
        zh="{what}超出限额：{count}，上限为 {maximum}（Limits.{limit}）",
        en="too many {what}: {count}, the limit is {maximum} (Limits.{limit})",
    ),
    "file_empty": Words(zh="文件“{file}”是空的", en="{file} is empty"),
    "file_no_data": Words(
        zh="文件“{file}”没有数据：只有表头，或什么也没有",
        en="{file} has no data: only a header, or nothing",
    ),
    "file_only_totals": Words(
        zh="文件“{file}”没有数据：只有合计行", en="{file} has no data: only total rows"
    ),
    "encoding_unknown": Words(
        zh="文件“{file}”既不是 UTF-8 也不是 GB18030（GBK）编码的文本",
        en="{file} is neither UTF-8 nor GB18030 (GBK) text",
    ),
    "encoding_utf16": Words(
        zh="文件“{file}”是 {encoding} 编码（字节顺序标记）；请另存为 UTF-8",
        en="{file} is {encoding} text (byte-order mark); save it as UTF-8",
    ),
    "file_unreadable": Words(
        zh="无法按 {format} 读取文件“{file}”：{detail}",
        en="cannot read {file} as {format}: {detail}",
    ),
    "csv_nul": Words(
        zh="文件“{file}”含有 NUL 字符，不是文本", en="{file} holds NUL characters: not text"
    ),
    "csv_extra_cells": Words(
        zh="第{line}行的单元格多于表头的 {width} 列",
        en="line {line} has more cells than the header's {width}",
    ),
    "header_not_found": Words(
        zh="第1行是空行，前 {search} 行中也没有写变量名或模板标签的表头行",
        en="row 1 is blank, and no row of the first {search} is a header of variable names "
        "or template labels",
    ),
    # ------------------------------------------------------------------ XLSX
    "xlsx_malformed": Words(
        zh="工作簿中的 XML 格式错误或被拒绝（不接受 DTD 和实体）：{detail}",
        en="the workbook holds malformed or refused XML (no DTD or entity is accepted): {detail}",
    ),
    "xlsx_missing_part": Words(
        zh="工作簿缺少部件“{part}”", en="the workbook lacks its part {part!r}"
    ),
    "xlsx_no_sheets": Words(zh="工作簿中没有工作表", en="the workbook has no worksheet"),
    "xlsx_no_sheet": Words(
        zh="工作簿中没有工作表“{sheet}”；现有工作表：{sheets}",
        en="the workbook has no sheet {sheet!r}; its sheets are {sheets}",
    ),
    "xlsx_chartsheet": Words(
        zh="工作表“{sheet}”是图表，不是单元格表格",
        en="sheet {sheet!r} is a chart, not a table of cells",
    ),
    "xlsx_bad_cell": Words(
        zh="工作表“{sheet}”的单元格 {cell} 有误（{detail}）",
        en="sheet {sheet!r}: cell {cell} is malformed ({detail})",
    ),
    "xlsx_bad_shared_string": Words(
        zh="工作表“{sheet}”的单元格 {cell} 引用第 {index} 个共享字符串，而工作簿只有 {count} 个",
        en="sheet {sheet!r}: cell {cell} refers to shared string {index}, the workbook has {count}",
    ),
    "xlsx_sheet_empty": Words(
        zh="文件“{file}”的工作表“{sheet}”是空的", en="{file} is empty (sheet {sheet!r})"
    ),
    # ------------------------------------------------------------------ JSON and Parquet
    "json_invalid": Words(
        zh="文件“{file}”不是有效的 JSON：{detail}", en="{file} is not valid JSON: {detail}"
    ),
    "json_shape": Words(
        zh="文件“{file}”应为记录列表，或含“columns”和“data”的对象",
        en="{file}: expected a list of records or an object with 'columns' and 'data'",
    ),
    "json_not_objects": Words(
        zh="第{records}条记录不是对象", en="records {records} are not objects"
    ),
    "json_split_lists": Words(
        zh="“columns”和“data”必须是列表", en="'columns' and 'data' must be lists"
    ),
    "json_split_rows": Words(
        zh="“data”的第{records}行不是 {width} 个单元格的列表",
        en="rows {records} of 'data' are not lists of {width} cells",
    ),
    "json_duplicate_key": Words(
        zh="同一对象中键“{key}”出现两次：后者会覆盖前者，请只保留一个",
        en="the key {key!r} appears twice in one object: one would silently replace the "
        "other; keep one",
    ),
    "parquet_multiindex": Words(
        zh="表头有多层（MultiIndex）：每列只能有一个表头",
        en="the header has several levels (MultiIndex): give each column one header",
    ),
    # ------------------------------------------------------------------ headers
    "title_unit": Words(
        zh="标题行给出了整张表的单位“{unit}”；请把单位写进各列表头，如 质量发展经费投入（{unit}）",
        en="the title row gives the unit {unit!r} for the whole sheet; write the unit in each "
        "column's header instead, e.g. 质量发展经费投入（{unit}）",
    ),
    "header_repeated": Words(zh="表头重复", en="repeated header"),
    "header_same_variable": Words(
        zh="与{other}指向同一变量“{variable}”",
        en="names the variable {variable!r}, as does {other}",
    ),
    "header_unknown_unit": Words(
        zh="表头中的单位“{unit}”无法识别", en="unknown unit {unit!r} in the header"
    ),
    "units_conflict": Words(
        zh="表头给出的单位是“{given}”，单位映射给出的是“{unit}”",
        en="the header gives the unit {given!r}, the units mapping {unit!r}",
    ),
    # ------------------------------------------------------------------ cells
    "not_a_number": Words(zh="不是数字：“{text}”", en="not a number: {text!r}"),
    "not_a_number_bool": Words(
        zh="真/假值不是数字：{text}", en="true/false is not a number: {text}"
    ),
    "not_a_number_date": Words(
        zh="日期或时间，不是数字：{text}", en="a date or time, not a number: {text}"
    ),
    "digits_not_ascii": Words(
        zh="“{text}”中含有非阿拉伯数字字符（只接受 0–9 和全角 ０–９）",
        en="{text!r} holds digits other than 0–9 (ASCII or full-width)",
    ),
    "number_inexact": Words(
        zh="{text} 无法精确读取：有效数字过多，或不是有限小数",
        en="{text} cannot be read exactly: too many digits, or not a finite decimal",
    ),
    "percent_not_allowed": Words(
        zh="单位为“{unit}”的列中出现百分数：“{text}”（百分数只在单位为百分比、千分比或无量纲时读取）",
        en="a percentage where the unit is {unit!r}: {text!r} (percentages are read where the "
        "unit is percent, permille or dimensionless)",
    ),
    "merged_numbers": Words(
        zh="合并单元格 {range} 把一个值给了多个数字单元格；请取消合并，逐格填写",
        en="merged cells {range} give one value to several cells of numbers; unmerge them "
        "and give each cell its value",
    ),
    "formula_uncomputed": Words(
        zh="公式没有计算结果：请在 Excel 中打开并保存文件，或直接填写数值",
        en="a formula without a computed value: open and save the file in Excel, or type the value",
    ),
    # ------------------------------------------------------------------ periods
    "period_missing": Words(zh="缺少期间", en="missing period"),
    "period_unreadable": Words(
        zh="无法把“{text}”读作期间；请写年份（2013）、月份（2013-12）或季度（2013Q4）",
        en="cannot read {text!r} as a period; write a year (2013), a month (2013-12) or a "
        "quarter (2013Q4)",
    ),
    "period_two": Words(
        zh="一个单元格中有两个期间：“{text}”；请每个期间单占一行",
        en="two periods in one cell: {text!r}; give each period its own row",
    ),
    "period_year_digits": Words(
        zh="无法把 {text} 读作期间：年份是四位数"
        "（是不是把日期存成了数字？请写 2013、2013-12 或 2013Q4）",
        en="cannot read {text} as a period: a year has four digits (a date typed as a number? "
        "write 2013, 2013-12 or 2013Q4)",
    ),
    # ------------------------------------------------------------------ notes
    "note_title_rows": Words(
        zh="{rows}作为标题行跳过：{texts}", en="{rows} skipped as title row{s}: {texts}"
    ),
    "note_no_header": Words(zh="有数值但没有表头：已忽略", en="has values but no header: ignored"),
    "note_header_read_as": Words(
        zh="表头“{header}”读作 {variable}{unit}", en="header {header!r} read as {variable}{unit}"
    ),
    "note_header_unit": Words(zh="，单位 {unit}", en=" in {unit}"),
    "note_totals": Words(
        zh="{rows}是合计行（{texts}），已删除：作为地区评价会把下属各区重复计算",
        en="{rows} dropped as total row{s} ({texts}): evaluated as a region, a total would "
        "count its districts twice",
    ),
    "note_period_header": Words(
        zh="期间“{header}”读作“{label}”", en="the period {header!r} read as {label!r}"
    ),
    "note_merged": Words(
        zh="合并单元格 {range}（{headers}）按“{value}”填充",
        en="merged cells {range} ({headers}) filled with {value!r}",
    ),
    "note_formulas": Words(
        zh="{count} 个公式按 Excel 保存的计算结果读取，{rows}",
        en="{count} formula{s} read as the values Excel computed, {rows}",
    ),
    "note_hidden_column": Words(
        zh="该列在工作表中隐藏，照常读取", en="hidden in the sheet; read like the others"
    ),
    "note_hidden_rows": Words(
        zh="{rows}在工作表中隐藏，照常读取",
        en="{rows} hidden in the sheet; read like the others",
    ),
    "note_hidden_sheets": Words(
        zh="跳过隐藏的工作表 {sheets}，读取第一个可见工作表“{sheet}”",
        en="hidden sheet{s} {sheets} passed over; read the first visible sheet {sheet!r}",
    ),
    "note_bom_gb18030": Words(
        zh="文件以 UTF-8 字节顺序标记开头，内容却是 GB18030 编码：按 GB18030 读取",
        en="the file starts with a UTF-8 byte-order mark but its text is GB18030: read as GB18030",
    ),
    "note_spaces": Words(
        zh="{count} 个数字带首尾空格，已按数字读取，{rows}",
        en="{count} number{s} with surrounding spaces accepted, {rows}",
    ),
    "note_full_width": Words(
        zh="{count} 个数字用全角字符书写，已按数字读取，{rows}",
        en="{count} number{s} in full-width characters accepted, {rows}",
    ),
    "note_separators": Words(
        zh="{count} 个数字带千位分隔符，已按数字读取，{rows}",
        en="{count} number{s} with thousands separators accepted, {rows}",
    ),
    "note_markers": Words(
        zh="{count} 个缺失值标记（{markers}）按缺失读取，{rows}",
        en="{count} missing-value marker{s} ({markers}) read as missing, {rows}",
    ),
    "note_percentages": Words(
        zh="{count} 个百分数按 {unit} 读取，{rows}",
        en="{count} percentage{s} read in {unit}, {rows}",
    ),
    "note_periods": Words(
        zh="{count} 个期间改写为引擎读取的形式（{examples}），{rows}",
        en="{count} period{s} rewritten as the engine reads periods ({examples}), {rows}",
    ),
    "note_dates": Words(
        zh="{count} 个日期读作{frequency}（{example}），{rows}",
        en="{count} date{s} read as {frequency}s ({example}), {rows}",
    ),
    "note_exact_numbers": Words(
        zh="{count} 个精确数值（Decimal、Fraction）已按原值读取，{rows}",
        en="{count} exact number{s} (Decimal, Fraction) read as they are, {rows}",
    ),
}

#: The frequencies a date column is read as.
FREQUENCY_WORDS: dict[str, Words] = {
    "year": Words(zh="年", en="year"),
    "quarter": Words(zh="季度", en="quarter"),
    "month": Words(zh="月", en="month"),
}
