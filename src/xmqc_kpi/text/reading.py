"""The words a data file is read with, and the words that tell the sender what reading did.

The vocabulary here is what departments write in their files (``地区`` for the region column,
``合计`` for a total row, ``无`` for a missing value, ``2013年第四季度``); :mod:`xmqc_kpi.readers`
reads files against it. The helpers word lists of rows and names in either language.

>>> rows_words([2, 3, 4, 7])("zh"), rows_words([2, 3, 4, 7])("en")
('第2–4、7行', 'rows 2–4, 7')
>>> rows_words([5])("zh"), rows_words(list(range(1, 40, 2)), limit=2)("en")
('第5行', 'rows 1, 3, … (20 in all)')
>>> enumeration(["Sheet1", "汇总"])("zh"), enumeration(["Sheet1", "汇总"])("en")
('“Sheet1”、“汇总”', "'Sheet1', '汇总'")
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ._words import Words

__all__ = [
    "COUNT_WORDS",
    "FULL_WIDTH_FOLD",
    "KEY_HEADERS",
    "MISSING_MARKERS",
    "MONTH_PATTERN",
    "QUARTER_DIGITS",
    "QUARTER_PATTERN",
    "TITLE_UNIT_PATTERN",
    "TITLE_UNIT_TRAILERS",
    "TOTAL_PATTERN",
    "YEAR_PATTERN",
    "enumeration",
    "rows_words",
]

#: The Chinese headers a department writes for the key columns of a wide or long table.
KEY_HEADERS: Mapping[str, str] = {
    "地区": "region",
    "区域": "region",
    "行政区": "region",
    "行政区划": "region",
    "期间": "period",
    "时期": "period",
    "年份": "period",
    "年度": "period",
    "统计期": "period",
    "指标": "variable",
    "变量": "variable",
    "数值": "value",
    "单位": "unit",
}
#: Full-width brackets and the ideographic space, folded to ASCII when headers are matched.
FULL_WIDTH_FOLD = {"（": "(", "）": ")", "\u3000": " "}
#: Cell texts (stripped, compared in upper case) that mean "missing".
MISSING_MARKERS = frozenset({"-", "--", "—", "——", "/", "无", "NA", "N/A", "#N/A", "NAN"})
#: Periods: a year (``2013``, ``2013年``, ``2013年度``), a month, a quarter.
YEAR_PATTERN = r"(?P<year>\d{4})(?:年度?)?"
MONTH_PATTERN = r"(?P<year>\d{4})(?:[-/]|年)(?P<month>\d{1,2})月?"
QUARTER_PATTERN = r"(?P<year>\d{4})(?:年|-)?(?:[Qq](?P<q>[1-4])|第?(?P<zh>[1-4一二三四])季度?)"
QUARTER_DIGITS: Mapping[str, int] = {"一": 1, "二": 2, "三": 3, "四": 4}
#: A region or period that is a total row.
TOTAL_PATTERN = r"(合计|小计|总计|共计)$"
#: A title row's unit (``单位：批次``) and the brackets that may close it.
TITLE_UNIT_PATTERN = r"单位\s*[:：]\s*(?P<unit>\S+)"
TITLE_UNIT_TRAILERS = ")）]】"
#: Words a title row may give as its unit that mean counting (批次, 个, …): harmless.
COUNT_WORDS = frozenset(
    {"批", "批次", "个", "件", "次", "项", "家", "台", "人", "人次", "户", "座", "处", "条", "宗"}
)


def rows_words(numbers: Sequence[int], *, limit: int = 8) -> Words:
    """Row numbers in runs, at most ``limit`` runs and then how many in all."""
    ordered = sorted(set(numbers))
    runs: list[tuple[int, int]] = []
    for number in ordered:
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    shown = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:limit]]
    if len(runs) > limit:
        return Words(
            zh=f"第{'、'.join(shown)}行等（共{len(ordered)}行）",
            en=f"rows {', '.join(shown)}, … ({len(ordered)} in all)",
        )
    return Words(
        zh=f"第{'、'.join(shown)}行",
        en=f"{'row' if len(ordered) == 1 else 'rows'} {', '.join(shown)}",
    )


def enumeration(items: Iterable[object]) -> Words:
    """Names quoted and listed: ``“a”、“b”`` in Chinese, ``'a', 'b'`` in English."""
    texts = [str(item) for item in items]
    return Words(
        zh="、".join(f"“{text}”" for text in texts) or "—",
        en=", ".join(repr(text) for text in texts) or "-",
    )
