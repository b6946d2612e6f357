"""The words of each threshold kind: its threshold-report entry and its explanation per reason.

One :class:`WordTable` per kind, keyed by:

* ``"name"`` — the kind's name, in the threshold report's summary table (``不低于（≥）``);
* ``"describe"`` — the threshold report's entry (``≥ 96%（含本数）``);
* ``"target"`` — the threshold in a few words (``96%``, ``同期全国平均水平``);
* each reason the kind gives — the explanation's sentence; ``"<reason>:equal"`` where the
  value equals what it is compared with (``恰好达到目标``), ``"<reason>:direct"`` where the
  value was reported directly (no counts to quote);
* optionally ``"direction"``, ``"unit"`` and ``"input_unit"`` — how the threshold report words
  the indicator's direction, its display unit and the unit of the input its value is, where
  the kind's values are not quantities (a deliverable's year built: 越早越好, 年份); see
  :func:`kind_entry`.

Explanation fields: ``{header}`` (title, formula with its numbers, value), ``{title}``,
``{value}``, ``{target}`` (what the value is compared with, with its unit), ``{ref}`` (the
quote cited where it stands), ``{period}``, ``{status}`` (达标 / met …), ``{interval}``,
``{short}`` (denominator − numerator, with its measure word), ``{rank}``, ``{size}``,
``{cutoff}``, ``{span}``, ``{sequence}``, ``{at}``, ``{before}``, ``{inclusive}``, and
the kind's own (:meth:`~xmqc_kpi.judging.ThresholdKind.describe_fields`). A user's kind
registers its table through :func:`xmqc_kpi.thresholds.register_threshold`.

>>> from types import SimpleNamespace
>>> describe_threshold(SimpleNamespace(kind="monitored", symbol="—",
...                    describe_fields=lambda unit, lang: {}), lang="en").text
'monitored: no verdict (the plan sets no number)'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._language import Language, resolve_language
from ._words import Words, WordTable

__all__ = [
    "BUILTIN_KIND_WORDS",
    "ThresholdDescription",
    "comparison_text",
    "describe_threshold",
    "kind_entry",
    "kind_name",
    "kind_words",
    "register_kind_words",
]


def _bound(
    name: Words, describe: Words, met: tuple[str, Words], missed: tuple[str, Words], **more: Words
) -> dict[str, Words]:
    return {
        "name": name,
        "describe": describe,
        "target": Words(zh="{target}", en="{target}"),
        met[0]: met[1],
        missed[0]: missed[1],
        **more,
    }


BUILTIN_KIND_WORDS: dict[str, dict[str, Words]] = {
    "at_least": _bound(
        Words(zh="不低于（≥）", en="at least (≥)"),
        Words(zh="≥ {target}（含本数）", en="≥ {target} (the number itself meets it)"),
        (
            "meets_minimum",
            Words(
                zh="{header}，不低于目标 {target}（{ref}），{status}。{interval}",
                en="{header}, at least the target of {target} ({ref}), {status}.{interval}",
            ),
        ),
        (
            "below_minimum",
            Words(
                zh="{header}，低于目标 {target}（{ref}），{status}。{interval}",
                en="{header}, below the target of {target} ({ref}), {status}.{interval}",
            ),
        ),
        **{
            "meets_minimum:equal": Words(
                zh="{header}，恰好达到目标 {target}（{inclusive}含本数；{ref}），{status}。"
                "{interval}",
                en="{header}, exactly the target of {target} ({inclusive}includes the number; "
                "{ref}), {status}.{interval}",
            )
        },
    ),
    "above": _bound(
        Words(zh="高于（>）", en="above (>)"),
        Words(zh="> {target}（严格高于）", en="> {target} (strictly above)"),
        (
            "above_floor",
            Words(
                zh="{header}，高于 {target}（{ref}），{status}。{interval}",
                en="{header}, above {target} ({ref}), {status}.{interval}",
            ),
        ),
        (
            "not_above_floor",
            Words(
                zh="{header}，低于 {target}（{ref}），{status}。{interval}",
                en="{header}, below {target} ({ref}), {status}.{interval}",
            ),
        ),
        **{
            "not_above_floor:equal": Words(
                zh="{header}，等于 {target}，未“高于”（{ref}），{status}。{interval}",
                en="{header}, equal to {target}, not above it ({ref}), {status}.{interval}",
            )
        },
    ),
    "at_most": _bound(
        Words(zh="不高于（≤）", en="at most (≤)"),
        Words(zh="≤ {target}（含本数）", en="≤ {target} (the number itself meets it)"),
        (
            "within_maximum",
            Words(
                zh="{header}，不高于上限 {target}（{ref}），{status}。{interval}",
                en="{header}, at most the limit of {target} ({ref}), {status}.{interval}",
            ),
        ),
        (
            "above_maximum",
            Words(
                zh="{header}，高于上限 {target}（{ref}），{status}。{interval}",
                en="{header}, above the limit of {target} ({ref}), {status}.{interval}",
            ),
        ),
        **{
            "within_maximum:equal": Words(
                zh="{header}，恰好等于上限 {target}（含本数；{ref}），{status}。{interval}",
                en="{header}, exactly the limit of {target} (includes the number; {ref}), "
                "{status}.{interval}",
            )
        },
    ),
    "below": _bound(
        Words(zh="低于（<）", en="below (<)"),
        Words(
            zh="< {target}（严格低于：等于即未达标）", en="< {target} (strict: equal is not met)"
        ),
        (
            "below_limit",
            Words(
                zh="{header}，低于 {target}（{ref}），{status}。{interval}",
                en="{header}, below {target} ({ref}), {status}.{interval}",
            ),
        ),
        (
            "not_below_limit",
            Words(
                zh="{header}，高于 {target}（{ref}），{status}。{interval}",
                en="{header}, above {target} ({ref}), {status}.{interval}",
            ),
        ),
        **{
            "not_below_limit:equal": Words(
                zh="{header}，等于 {target}，未“低于”（“低于”不含本数；{ref}），{status}。"
                "{interval}",
                en="{header}, equal to {target}, not below it (“低于” excludes the number; "
                "{ref}), {status}.{interval}",
            )
        },
    ),
    "all": {
        "name": Words(zh="全部达标（= 100%）", en="all comply (= 100 %)"),
        "describe": Words(
            zh="= {target}（全部达标，无容差；分母须大于 0）",
            en="= {target} (every unit complies, no tolerance; the denominator must be above 0)",
        ),
        "target": Words(zh="{target}", en="{target}"),
        "all_comply": Words(
            zh="{header}，达到目标 {target}（{ref}），{status}。",
            en="{header}, the target of {target} ({ref}), {status}.",
        ),
        "not_all_comply": Words(
            zh="{header}，未达到目标 {target}（{ref}），尚差 {short}，{status}。",
            en="{header}, short of the target of {target} by {short} ({ref}), {status}.",
        ),
        "not_all_comply:direct": Words(
            zh="{header}，未达到目标 {target}（{ref}），{status}。",
            en="{header}, short of the target of {target} ({ref}), {status}.",
        ),
    },
    "below_benchmark": {
        "name": Words(zh="低于全国平均水平（<）", en="below the national average (<)"),
        "describe": Words(
            zh="< 同期全国平均水平（严格低于：等于即未达标；未提供全国平均水平时为数据不足）",
            en="< the national average of the same period (strict: equal is not met; "
            "without one, insufficient data)",
        ),
        "target": Words(zh="同期全国平均水平", en="the national average of the same period"),
        "below_benchmark": Words(
            zh="{header}，低于 {period}全国平均水平 {target}（{ref}），{status}。",
            en="{header}, below the {period} national average of {target} ({ref}), {status}.",
        ),
        "not_below_benchmark": Words(
            zh="{header}，高于 {period}全国平均水平 {target}（{ref}），{status}。",
            en="{header}, above the {period} national average of {target} ({ref}), {status}.",
        ),
        "not_below_benchmark:equal": Words(
            zh="{header}，等于 {period}全国平均水平 {target}，未“低于”（{ref}），{status}。",
            en="{header}, equal to the {period} national average of {target}, not below it "
            "({ref}), {status}.",
        ),
        "no_benchmark": Words(
            zh="{header}；未提供 {period}全国平均水平，无法评价。",
            en="{header}; no national average for {period} was supplied, so it cannot be assessed.",
        ),
    },
    "top_among_peers": {
        "name": Words(zh="居前列（名次）", en="top among peers (rank)"),
        "describe": Words(
            zh="居“{group}”前列：名次 ≤ {rank_rule}（{cut}，n 为含本地区在内的群体规模；"
            "并列取最好名次{example}）",
            en="top group among {group}: rank ≤ {rank_rule} ({cut}, n counting the subject "
            "once; ties take the best rank{example})",
        ),
        "target": Words(zh="{cut}", en="{cut}"),
        "symbol": Words(zh="名次 ≤", en="rank ≤"),
        "comparison": Words(zh="名次 ≤ {cut}", en="rank ≤ {cut}"),
        "cut_fraction": Words(zh="前 {percent}%", en="top {percent}%"),
        "cut_count": Words(zh="前 {count} 名", en="top {count}"),
        "example": Words(
            zh="；例如 10 个成员时名次 ≤ {rank}", en="; e.g. rank ≤ {rank} in a group of 10"
        ),
        "higher_first": Words(zh="由高到低", en="highest first"),
        "lower_first": Words(zh="由低到高", en="lowest first"),
        "in_top_group": Words(
            zh="{header}，按{title}{order}排名，在 {size} 个{group}（含本地区）中排第 {rank} 名，"
            "属前 {cutoff} 名（“前列”按{cut}解释；{ref}），{status}。",
            en="{header}, ranked {rank} of {size} ({group}, subject included; {order}), "
            "within the top {cutoff} (“前列” read as the {cut}; {ref}), {status}.",
        ),
        "outside_top_group": Words(
            zh="{header}，按{title}{order}排名，在 {size} 个{group}（含本地区）中排第 {rank} 名，"
            "未进入前 {cutoff} 名（“前列”按{cut}解释；{ref}），{status}。",
            en="{header}, ranked {rank} of {size} ({group}, subject included; {order}), "
            "outside the top {cutoff} (“前列” read as the {cut}; {ref}), {status}.",
        ),
        "no_peers": Words(
            zh="{header}；未提供 {period}{group}的比较数据，无法评价。",
            en="{header}; no peer values ({group}) for {period} were supplied, so it cannot be "
            "assessed.",
        ),
    },
    "trend": {
        "name": Words(zh="趋势（逐期升降）", en="trend (rising or falling)"),
        "describe": Words(
            zh="逐期严格{trend}（{symbol}），评价{window}{ceiling}",
            en="{trend} strictly from each period to the next ({symbol}), over {window}{ceiling}",
        ),
        "target": Words(zh="逐期{trend}", en="{trend}"),
        "rising": Words(zh="提高", en="rising"),
        "falling": Words(zh="降低", en="falling"),
        "rise": Words(zh="高于", en="rise above"),
        "fall": Words(zh="低于", en="fall below"),
        "window_all": Words(zh="截至当期的全部期", en="all periods up to the one assessed"),
        "window_last": Words(zh="最近 {window} 期", en="the last {window} periods"),
        "window_year_on_year": Words(
            zh="当期与上一期（逐年比较，即比上年{trend}）",
            en="two periods, each against the one before (year on year)",
        ),
        "reading_window": Words(zh="按评价时段连续判断", en="read over the window"),
        "reading_year_on_year": Words(zh="逐年比较，比上年{trend}", en="read year on year"),
        "ceiling_rule": Words(
            zh="；达到上限 {ceiling} 后保持即为达标",
            en="; once at the ceiling of {ceiling}, staying there is met",
        ),
        "reason:trend_at_ceiling": Words(zh="已达上限并保持", en="at the ceiling, kept"),
        "trend_holds": Words(
            zh="{title} {span}依次为 {sequence}，逐期{trend}（{reading}；{ref}），{status}。",
            en="{title} {span}: {sequence}, {trend} every period ({reading}; {ref}), {status}.",
        ),
        "trend_at_ceiling": Words(
            zh="{title} {span}依次为 {sequence}，已达到上限 {top}，无法再提高，保持即为达标"
            "（{reading}；{ref}），{status}。",
            en="{title} {span}: {sequence}; at the ceiling of {top}, it cannot rise further and "
            "staying there is met ({reading}; {ref}), {status}.",
        ),
        "trend_broken": Words(
            zh="{title} {span}依次为 {sequence}，{at}未{verb} {before}，未做到持续{trend}"
            "（{reading}；{ref}），{status}。",
            en="{title} {span}: {sequence}; {at} did not {verb} {before}, so not continuously "
            "{trend} ({reading}; {ref}), {status}.",
        ),
        "too_few_periods": Words(
            zh="{header}；{period}为首个评价期，没有上一期可比较，无法判断趋势。",
            en="{header}; {period} is the first period, with nothing before it to compare, so "
            "the trend cannot be judged.",
        ),
        "gap_in_periods": Words(
            zh="{header}；{at}与上一期之间数据缺失或不连续，无法判断趋势。",
            en="{header}; the data are missing or not consecutive before {at}, so the trend "
            "cannot be judged.",
        ),
    },
    "monitored": {
        "name": Words(zh="仅监测", en="monitored"),
        "describe": Words(
            zh="仅监测，不作达标判断（方案未设定数值）",
            en="monitored: no verdict (the plan sets no number)",
        ),
        "target": Words(zh="无（仅监测）", en="none (monitored)"),
        "monitored": Words(
            zh="{header}；方案未设定数值目标，仅作监测（{ref}）。",
            en="{header}; the plan sets no number ({ref}): monitored only.",
        ),
    },
}

_TABLES: dict[str, WordTable] = {}


def register_kind_words(kind: str, words: Mapping[str, Words]) -> None:
    """Register (or replace) the words of threshold kind ``kind``; every entry in both languages."""
    _TABLES[kind] = WordTable(f"{kind} threshold", dict(words))


def kind_words(kind: str) -> WordTable:
    """The words of a registered threshold kind."""
    try:
        return _TABLES[kind]
    except KeyError:
        raise KeyError(f"no words for threshold kind {kind!r}; register the kind") from None


def kind_name(kind: str, lang: Language | str | None = None) -> str:
    """The name of a registered threshold kind, as the threshold report's summary table shows it.

    >>> kind_name("at_least", "zh"), kind_name("trend", "en")
    ('不低于（≥）', 'trend (rising or falling)')
    """
    return kind_words(kind).say("name", resolve_language(lang))


def kind_entry(subject: Any, key: str, lang: Language | str | None = None) -> str | None:
    """The optional entry ``key`` of the subject's kind in words, ``None`` when it has none.

    ``subject`` is an :class:`~xmqc_kpi.Indicator` or a threshold kind; the entry's fields are
    the kind's own (:meth:`~xmqc_kpi.judging.ThresholdKind.describe_fields`).

    >>> import xmqc_kpi as kpi
    >>> pilots = kpi.catalog(supplementary=True)["national_service_standardization_pilots"]
    >>> kind_entry(pilots, "direction", "zh"), kind_entry(pilots, "input_unit", "en")
    ('越早越好', 'year (0 = not yet built)')
    >>> print(kind_entry(kpi.catalog()["municipal_sampling_pass_rate"], "direction", "zh"))
    None
    """
    threshold = getattr(subject, "threshold", subject)
    table = kind_words(threshold.kind)
    if key not in table:
        return None
    lang = resolve_language(lang)
    fields = threshold.describe_fields(getattr(subject, "unit", None), lang)
    return table.say(key, lang, **fields)


@dataclass(frozen=True)
class ThresholdDescription:
    """A threshold in words: its symbol, the target in a few words, the full sentence."""

    symbol: str
    target: str
    text: str


def describe_threshold(subject: Any, lang: Language | str | None = None) -> ThresholdDescription:
    """The threshold report's entry of an indicator, or of a threshold alone.

    ``subject`` is an :class:`~xmqc_kpi.Indicator` (its display unit then writes the target)
    or a threshold kind. The words come from the kind's registered table, so a user's kind
    describes itself in the report too.

    >>> import xmqc_kpi as kpi
    >>> describe_threshold(kpi.catalog()["municipal_sampling_pass_rate"], "zh").text
    '≥ 96%（含本数）'
    """
    lang = resolve_language(lang)
    threshold = getattr(subject, "threshold", subject)
    unit = getattr(subject, "unit", None)
    fields = {"symbol": threshold.symbol, **threshold.describe_fields(unit, lang)}
    table = kind_words(threshold.kind)
    symbol = table.say("symbol", lang) if "symbol" in table else threshold.symbol
    return ThresholdDescription(
        symbol=symbol,
        target=table.say("target", lang, **fields),
        text=table.say("describe", lang, **fields),
    )


def comparison_text(subject: Any, lang: Language | str | None = None) -> str:
    """The comparison in a few symbols, for a frame's ``comparison`` column.

    ``≥`` for a bound; a kind may word it (``名次 ≤ 前 20%``) with a ``comparison`` entry.

    >>> import xmqc_kpi as kpi
    >>> comparison_text(kpi.catalog()["brand_titles_per_100m_gdp"], "en")
    'rank ≤ top 20%'
    """
    lang = resolve_language(lang)
    threshold = getattr(subject, "threshold", subject)
    table = kind_words(threshold.kind)
    if "comparison" not in table:
        return str(threshold.symbol)
    fields = threshold.describe_fields(getattr(subject, "unit", None), lang)
    return table.say("comparison", lang, symbol=threshold.symbol, **fields)
