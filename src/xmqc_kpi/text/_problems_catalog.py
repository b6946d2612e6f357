"""Problem wording for catalog files and declarations (catalogs).

A catalog problem is located by entry and field (see :data:`CATALOG_LOCATION`); its message
is one of these entries. ``{detail}`` fields carry what a parser or a validator said (pydantic's
and PyYAML's own words, in English).
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["CATALOG_LOCATION", "ENTRIES"]

ENTRIES: dict[str, Words] = {
    "catalog_suffix": Words(
        zh="不支持的文件类型：请用 .toml、.yaml、.yml 或 .json",
        en="unsupported suffix: use .toml, .yaml, .yml or .json",
    ),
    "catalog_too_large": Words(
        zh="文件过大（{size}；上限为 {limit} 字节）",
        en="the file is too large ({size}; the limit is {limit} bytes)",
    ),
    "catalog_encoding": Words(
        zh="不是 UTF-8 文本：{detail}；请另存为 UTF-8", en="not UTF-8 text: {detail}"
    ),
    "catalog_empty": Words(
        zh="文件是空的：应为含“indicators”列表的映射",
        en="the file is empty: it must hold a mapping with an 'indicators' list",
    ),
    "catalog_syntax": Words(zh="不是有效的 {format}：{detail}", en="not valid {format}: {detail}"),
    "catalog_too_deep": Words(
        zh="列表和映射嵌套超过 {limit} 层",
        en="lists and mappings nest more than {limit} levels deep",
    ),
    "catalog_unreadable": Words(zh="无法作为指标目录读取：{detail}", en="{detail}"),
    "catalog_not_mapping": Words(
        zh="文件应为含“indicators”列表的映射，而不是{given}",
        en="the file must hold a mapping with an 'indicators' list, not {given}",
    ),
    "catalog_not_list": Words(
        zh="应为指标条目的列表，而不是{given}（{value}）",
        en="must be a list of indicator entries, not {given} (got {value})",
    ),
    "catalog_duplicate_id": Words(
        zh="重复的指标编号：第 {first_ordinal} 条已使用此编号",
        en="duplicate id: entry {first} has the same id",
    ),
    "catalog_duplicate_key": Words(zh="重复的键：{key}", en="duplicate key {key}"),
    "catalog_threshold_value": Words(
        zh="阈值必须是数字或十进制数字字符串（得到 {value}）",
        en="a threshold value must be a number or a decimal string (got {value})",
    ),
    "catalog_not_decimal": Words(
        zh="不是十进制数字（得到 {value}）", en="not a decimal number (got {value})"
    ),
    "catalog_out_of_range": Words(
        zh="超出范围：小数点两侧最多 {limit} 位数字（得到 {value}）",
        en="out of range: at most {limit} digits either side of the decimal point (got {value})",
    ),
    "catalog_too_big": Words(
        zh="{name} 过大：最大为 {limit}（得到 {value}）",
        en="{name} is too large: at most {limit} (got {value})",
    ),
    "catalog_unit": Words(
        zh="单位“{unit}”不可用：{detail}", en="the unit {unit!r} cannot be used: {detail}"
    ),
    "catalog_invalid": Words(zh="无效：{detail}", en="{detail}"),
}

#: Where a catalog problem is: its entry, id and field. English gives the 0-based index of the
#: ``indicators`` list (as code reads it); Chinese counts entries from 1 (第 1 条), as people do.
CATALOG_LOCATION = WordTable(
    "catalog location",
    {
        "entry": Words(zh="第 {ordinal} 条", en="entry {entry}"),
        "entry_id": Words(zh="第 {ordinal} 条（编号“{id}”）", en="entry {entry} (id {id!r})"),
        "id": Words(zh="编号“{id}”", en="id {id!r}"),
        "field": Words(zh="字段“{field}”", en="field {field!r}"),
        "separator": Words(zh="，", en=", "),
        "lead": Words(zh="{where}：{message}", en="{where}: {message}"),
    },
)
