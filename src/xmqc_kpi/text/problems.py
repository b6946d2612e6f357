"""The words of every problem found in data, catalogs and files, keyed by a stable code.

A problem's code is public API (services branch on it); its wording may improve. Each entry
is a template whose ``{fields}`` are the problem's parameters. Locations are worded here too,
as the sender sees them: ``Sheet1!H43`` in English, ``工作表“Sheet1”第43行 H列`` in Chinese.
"""

from __future__ import annotations

from . import _problems_catalog, _problems_evaluation, _problems_reading, _problems_values
from ._words import Words, WordTable

__all__ = ["LOCATION", "PROBLEMS", "SUMMARY"]


def _merge(*areas: dict[str, Words]) -> dict[str, Words]:
    """The areas' entries in one table; a code worded in two areas is a mistake, not an override."""
    merged: dict[str, Words] = {}
    for entries in areas:
        for code, words in entries.items():
            if code in merged:
                raise ValueError(f"problem code {code!r} is worded in two areas")
            merged[code] = words
    return merged


PROBLEMS = WordTable(
    "problem",
    _merge(
        _problems_reading.ENTRIES,
        _problems_values.ENTRIES,
        _problems_catalog.ENTRIES,
        _problems_evaluation.ENTRIES,
    ),
)

#: The parts of a problem's location, joined in the order sheet, row, column.
LOCATION = WordTable(
    "location",
    {
        "sheet": Words(zh="工作表“{sheet}”", en="sheet {sheet!r}"),
        "cell": Words(zh="第{row}行 {letter}列", en="{sheet_prefix}{letter}{row}"),
        "row": Words(zh="第{row}行", en="row {row}"),
        "letter": Words(zh="{letter}列", en="column {letter}"),
        "column": Words(zh="“{column}”列", en="column {column!r}"),
        "label": Words(zh="（{label}）", en=" ({label})"),
        "separator": Words(zh="，", en=", "),
        "lead": Words(zh="{where}：{message}", en="{where}: {message}"),
    },
)

#: The first line of an error that lists its problems.
SUMMARY = WordTable(
    "summary",
    {
        "data": Words(zh="数据中有 {count} 处问题：", en="{count} problem{s} in the data:"),
        "catalog": Words(
            zh="指标目录中有 {count} 处问题：", en="{count} problem{s} in the catalog:"
        ),
        "catalog_file": Words(
            zh="指标目录文件“{source}”中有 {count} 处问题：",
            en="{count} problem{s} in catalog file {source!r}:",
        ),
    },
)
