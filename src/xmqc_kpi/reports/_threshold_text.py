"""The threshold report's wording, in Chinese and English: labels and per-indicator phrases.

Each function turns one part of an :class:`~xmqc_kpi.indicator.Indicator` into display text in
one language; the builder (:mod:`._threshold_model`) calls them, the renderers never do.
The plan's own words (quotes, Chinese titles and labels, unit names) stay Chinese in both
languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from ..explain import unit_text
from ..formulas import Ratio
from ..indicator import Clause, Indicator, Input
from ..interpretation import SECTIONS
from ..results import Language
from ..thresholds import (
    Above,
    All,
    AtLeast,
    AtMost,
    Below,
    BelowBenchmark,
    Threshold,
    TopAmongPeers,
    Trend,
)
from ..units import exact_factor, unit_symbol

__all__ = [
    "KIND_LABELS",
    "LABELS",
    "Labels",
    "ThresholdText",
    "clause_text",
    "cutoff_text",
    "deadline_texts",
    "direction_text",
    "display_unit_text",
    "formula_text",
    "input_text",
    "measurement_text",
    "responsible_texts",
    "section_title",
    "threshold_text",
    "unit_word",
    "window_text",
]


@dataclass(frozen=True, slots=True)
class Labels:
    """Headings, field labels and fixed phrases of one language."""

    title: str
    plan: str
    contents: str
    summary_kind: str
    summary_count: str
    total: str
    rules: str
    rules_lead: str
    indicators: str
    discrepancies: str
    # rule columns
    wording: str
    meaning: str
    note: str
    in_force: str
    # indicator fields
    id: str
    clause: str
    section: str
    title_zh: str
    title_en: str
    quote: str
    formula: str
    inputs: str
    unit: str
    sampled: str
    threshold: str
    direction: str
    deadline: str
    responsible: str
    interpretation: str
    # discrepancy columns
    clauses: str
    finding: str
    reading: str
    concerns: str
    # fixed phrases
    discrepancies_all: str
    discrepancies_some: str
    discrepancies_none: str
    yes: str
    no: str
    blank: str
    #: Between a label and its text: ``"："`` or ``": "``.
    colon: str


LABELS: Mapping[Language, Labels] = MappingProxyType(
    {
        "zh": Labels(
            title="阈值报告：创建全国质量强市示范城市工作方案的量化目标",
            plan="方案",
            contents="目录",
            summary_kind="阈值类型",
            summary_count="指标数",
            total="合计",
            rules="解读规则",
            rules_lead="以下规则说明如何理解方案用语，适用于本报告的每一个指标。",
            indicators="指标",
            discrepancies="方案正文与分解表的已知差异",
            wording="方案用语",
            meaning="含义",
            note="说明",
            in_force="本目录所用参数",
            id="编号",
            clause="条款（分解表 / 正文）",
            section="方案部分",
            title_zh="中文名称",
            title_en="英文名称",
            quote="方案原文",
            formula="计算公式",
            inputs="输入变量（中文名称，默认单位）",
            unit="显示单位",
            sampled="抽样或全数统计",
            threshold="阈值",
            direction="方向",
            deadline="完成时限",
            responsible="责任单位（牵头单位在前）",
            interpretation="解释说明",
            clauses="条款",
            finding="差异",
            reading="采用的理解",
            concerns="相关指标",
            discrepancies_all="以下为内置方案中正文与分解表的差异及目录采用的理解。",
            discrepancies_some=(
                "以下差异取自内置方案，仅列出与本目录中内置指标（与内置声明完全相同者）有关的条目。"
            ),
            discrepancies_none=(
                "本目录不含内置指标（与内置声明完全相同者），内置方案正文与分解表的差异不适用。"
            ),
            yes="是",
            no="否",
            blank="—",
            colon="：",
        ),
        "en": Labels(
            title="Threshold report: the quantitative targets of Xiamen's quality-city plan",
            plan="Plan",
            contents="Contents",
            summary_kind="Threshold kind",
            summary_count="Indicators",
            total="Total",
            rules="Interpretation rules",
            rules_lead="How the plan's wording is read; the rules apply to every indicator below.",
            indicators="Indicators",
            discrepancies="Known discrepancies between the plan's body and its table",
            wording="Plan wording",
            meaning="Meaning",
            note="Note",
            in_force="In force in this catalog",
            id="ID",
            clause="Clause (table / body)",
            section="Plan section",
            title_zh="Chinese title",
            title_en="English title",
            quote="Plan wording",
            formula="Formula",
            inputs="Inputs (Chinese label, default unit)",
            unit="Display unit",
            sampled="Sampled or counted in full",
            threshold="Threshold",
            direction="Direction",
            deadline="Deadline",
            responsible="Responsible units (lead first)",
            interpretation="Interpretation",
            clauses="Clauses",
            finding="Discrepancy",
            reading="Reading adopted",
            concerns="Indicators concerned",
            discrepancies_all=(
                "Where the built-in plan's body and table disagree, and the reading the catalog "
                "adopts."
            ),
            discrepancies_some=(
                "From the built-in plan: only the entries that concern this catalog's built-in "
                "indicators (those identical to their built-in declaration)."
            ),
            discrepancies_none=(
                "This catalog holds no built-in indicator (none identical to its built-in "
                "declaration): the built-in plan's discrepancies do not apply."
            ),
            yes="yes",
            no="no",
            blank="—",
            colon=": ",
        ),
    }
)

#: The name of each threshold kind in the summary, (Chinese, English).
KIND_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "at_least": ("不低于（≥）", "at least (≥)"),
        "above": ("高于（>）", "above (>)"),
        "at_most": ("不高于（≤）", "at most (≤)"),
        "below": ("低于（<）", "below (<)"),
        "all": ("全部达标（= 100%）", "all comply (= 100 %)"),
        "below_benchmark": ("低于全国平均水平（<）", "below the national average (<)"),
        "top_among_peers": ("居前列（名次）", "top among peers (rank)"),
        "trend": ("趋势（逐期升降）", "trend (rising or falling)"),
        "monitored": ("仅监测", "monitored"),
    }
)


@dataclass(frozen=True, slots=True)
class ThresholdText:
    """A threshold in words: the comparison, the target alone, and the full sentence."""

    comparison: str
    target: str
    text: str


def _pick(lang: Language, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def unit_word(unit: str, lang: Language) -> str:
    """The unit as written after a number, without the leading space (``"%"``, ``"days"``).

    >>> unit_word("day", "zh"), unit_word("day", "en"), unit_word("count", "en")
    ('天', 'days', '')
    """
    return unit_symbol(unit) if lang == "zh" else unit_text(unit, "en").strip()


def _with_unit(number: str, word: str) -> str:
    """``"96 %"``, ``"2/万人"``, ``"1"``: a number and its unit word."""
    if not word:
        return number
    return number + word if word.startswith("/") else f"{number} {word}"


def _decimal_text(number: Decimal) -> str:
    """A threshold value as written: ``Decimal("96")`` → ``"96"``, ``"0.50"`` → ``"0.5"``."""
    return format(number.normalize(), "f")


def _factor_text(factor: Fraction) -> str:
    """A conversion factor: ``"100"``, ``"10,000"``, or ``"1/15"`` when not whole."""
    if factor.denominator == 1:
        return f"{factor.numerator:,}"
    return f"{factor.numerator}/{factor.denominator}"


def clause_text(clause: Clause, lang: Language) -> str:
    """Where the target stands: table sub-item and body item (or the body section alone).

    >>> clause_text(Clause(table="5.1.2", body="22"), "en")
    'table 5.1.2 / body item 22'
    >>> clause_text(Clause(body="五(三)"), "zh")
    '正文 五(三)（分解表无对应行）'
    """
    body_zh = f"正文第 {clause.body} 条" if clause.body.isdigit() else f"正文 {clause.body}"
    body_en = f"body item {clause.body}" if clause.body.isdigit() else f"body {clause.body}"
    if clause.table is None:
        return _pick(lang, f"{body_zh}（分解表无对应行）", f"{body_en} (no row in the table)")
    return _pick(lang, f"分解表 {clause.table} / {body_zh}", f"table {clause.table} / {body_en}")


def section_title(section: str, lang: Language) -> str:
    """The plan section's title (``"显著提高产品质量"`` for ``"5"``); empty if unknown."""
    known = SECTIONS.get(section)
    if known is None:
        return ""
    return _pick(lang, known.title_zh, known.title_en)


def formula_text(indicator: Indicator, lang: Language) -> str:
    """The formula over the input names, scaled to the display unit.

    ``numerator ÷ denominator × 100 %`` for a percentage; other display units are named.
    """
    formula = indicator.formula
    if isinstance(formula, Ratio):
        expression = f"{formula.numerator} ÷ {formula.denominator}"
    else:
        expression = formula.input
    factor = exact_factor(formula.natural_unit(indicator.input_units), indicator.unit)
    scaled = expression if factor == 1 else f"{expression} × {_factor_text(factor)}"
    word = unit_word(indicator.unit, lang)
    if word in ("%", "‰") and factor != 1:
        return f"{scaled} {word}"
    if not word:
        return scaled
    return _pick(lang, f"{scaled}（单位：{word}）", f"{scaled} (unit: {word})")


def input_text(item: Input, lang: Language) -> str:
    """One input: its name, Chinese label (English label too in English) and default unit."""
    if lang == "zh":
        return f"{item.name}：{item.label_zh}（默认单位：{item.unit}）"
    label = f"{item.label_zh} ({item.label_en})" if item.label_en else item.label_zh
    return f"{item.name}: {label}; default unit: {item.unit}"


def display_unit_text(unit: str, lang: Language) -> str:
    """The display unit's name and written form: ``"percent (%)"``, ``"count"``."""
    word = unit_word(unit, lang)
    if not word or word == unit:
        return unit
    return _pick(lang, f"{unit}（{word}）", f"{unit} ({word})")


def measurement_text(indicator: Indicator, lang: Language) -> str:
    """Whether the value is a sample estimate (with an interval), a full count or reported."""
    if indicator.sampled:
        return _pick(
            lang,
            "抽样估计（抽查、抽检）：附 95% Wilson 置信区间",
            "sampled (spot checks): 95 % Wilson interval",
        )
    if isinstance(indicator.formula, Ratio):
        return _pick(
            lang,
            "全数统计：精确值，不给置信区间",
            "counted in full: exact, no interval",
        )
    return _pick(lang, "直接报告的数值：不给置信区间", "reported directly: no interval")


def direction_text(indicator: Indicator, lang: Language) -> str:
    """``"越高越好"`` / ``"higher is better"`` and the lower counterparts."""
    if indicator.direction == "higher":
        return _pick(lang, "越高越好", "higher is better")
    return _pick(lang, "越低越好", "lower is better")


def _fraction_text(number: Fraction) -> str:
    """A fraction as a decimal where it terminates (``0.2``), else ``1/3``."""
    denominator = number.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:
        return _decimal_text(Decimal(number.numerator) / Decimal(number.denominator))
    return f"{number.numerator}/{number.denominator}"


def cutoff_text(threshold: TopAmongPeers, lang: Language) -> str:
    """The cut-off in force: ``"top 20%"`` (:meth:`TopAmongPeers.describe_cutoff`), ``"前 20%"``.

    >>> cutoff_text(TopAmongPeers(peer_group="全国同级城市"), "zh")
    '前 20%'
    >>> cutoff_text(TopAmongPeers(peer_group="全国同级城市", top_n=3), "zh")
    '前 3 名'
    """
    if lang == "en":
        return threshold.describe_cutoff()
    if threshold.top_n is not None:
        return f"前 {threshold.top_n} 名"
    return "前 " + threshold.describe_cutoff().removeprefix("top ")


def _rank_rule(threshold: TopAmongPeers) -> str:
    """``rank ≤ ⌈0.2·n⌉`` or ``rank ≤ 3``, the bound on the rank itself."""
    if threshold.top_n is not None:
        return str(threshold.top_n)
    assert threshold.top_fraction is not None  # one of the two is set (model invariant)
    return f"⌈{_fraction_text(threshold.top_fraction)}·n⌉"


def window_text(threshold: Trend, lang: Language) -> str:
    """The periods a trend is judged over."""
    if threshold.window is None:
        return _pick(lang, "截至当期的全部期", "all periods up to the one assessed")
    return _pick(lang, f"最近 {threshold.window} 期", f"the last {threshold.window} periods")


def _bound_text(
    indicator: Indicator, threshold: AtLeast | Above | AtMost | Below, lang: Language
) -> ThresholdText:
    target = _with_unit(
        _decimal_text(threshold.value), unit_word(threshold.unit or indicator.unit, lang)
    )
    notes = {
        "at_least": ("含本数", "the number itself meets it"),
        "above": ("严格高于", "strictly above"),
        "at_most": ("含本数", "the number itself meets it"),
        "below": ("严格低于：等于即未达标", "strict: equal is not met"),
    }[threshold.kind]
    sentence = f"{threshold.symbol} {target}"
    return ThresholdText(
        threshold.symbol,
        target,
        _pick(lang, f"{sentence}（{notes[0]}）", f"{sentence} ({notes[1]})"),
    )


def _peer_text(threshold: TopAmongPeers, lang: Language) -> ThresholdText:
    group, cut, rank = threshold.peer_group, cutoff_text(threshold, lang), _rank_rule(threshold)
    example_zh = example_en = ""
    if threshold.top_n is None:
        example_zh = f"；例如 10 个成员时名次 ≤ {threshold.cutoff(10)}"
        example_en = f"; e.g. rank ≤ {threshold.cutoff(10)} in a group of 10"
    return ThresholdText(
        _pick(lang, "名次 ≤", "rank ≤"),
        cut,
        _pick(
            lang,
            f"居“{group}”前列：名次 ≤ {rank}（{cut}，n 为含本地区在内的群体规模；"
            f"并列取最好名次{example_zh}）",
            f"top group among {group}: rank ≤ {rank} ({cut}, n counting the subject once; "
            f"ties take the best rank{example_en})",
        ),
    )


def _trend_text(threshold: Trend, lang: Language) -> ThresholdText:
    rising = threshold.direction == "rising"
    window = window_text(threshold, lang)
    return ThresholdText(
        threshold.symbol,
        _pick(lang, "逐期上升" if rising else "逐期下降", "rising" if rising else "falling"),
        _pick(
            lang,
            f"逐期严格{'上升' if rising else '下降'}（{threshold.symbol}），评价{window}",
            f"{'rising' if rising else 'falling'} strictly from each period to the next "
            f"({threshold.symbol}), over {window}",
        ),
    )


def threshold_text(indicator: Indicator, lang: Language) -> ThresholdText:
    """The indicator's threshold in words, its comparison made explicit (strict or inclusive).

    >>> from xmqc_kpi import catalog
    >>> threshold_text(catalog()["municipal_sampling_pass_rate"], "en").text
    '≥ 96 % (the number itself meets it)'
    """
    threshold: Threshold = indicator.threshold
    if isinstance(threshold, AtLeast | Above | AtMost | Below):
        return _bound_text(indicator, threshold, lang)
    if isinstance(threshold, All):
        return ThresholdText(
            "=",
            "100 %",
            _pick(
                lang,
                "= 100 %（全部达标，无容差；分母须大于 0）",
                "= 100 % (every unit complies, no tolerance; the denominator must be above 0)",
            ),
        )
    if isinstance(threshold, BelowBenchmark):
        return ThresholdText(
            "<",
            _pick(lang, "同期全国平均水平", "the national average of the same period"),
            _pick(
                lang,
                "< 同期全国平均水平（严格低于：等于即未达标；未提供全国平均水平时为数据不足）",
                "< the national average of the same period (strict: equal is not met; "
                "without one, insufficient data)",
            ),
        )
    if isinstance(threshold, TopAmongPeers):
        return _peer_text(threshold, lang)
    if isinstance(threshold, Trend):
        return _trend_text(threshold, lang)
    return ThresholdText(
        threshold.symbol,
        _pick(lang, "无（仅监测）", "none (monitored)"),
        _pick(
            lang,
            "仅监测，不作达标判断（方案未设定数值）",
            "monitored: no verdict (the plan sets no number)",
        ),
    )


def deadline_texts(indicator: Indicator, lang: Language) -> tuple[str, str]:
    """The deadline alone (or that there is none) and with how it was obtained."""
    deadline = indicator.deadline
    if deadline is None:
        deadline = _pick(lang, "无：每期适用", "none: applies every period")
    if not indicator.deadline_inherited:
        return deadline, deadline
    return deadline, deadline + _pick(
        lang, "（分解表空白，沿用上一行）", " (blank in the table: inherited from the row above)"
    )


def responsible_texts(indicator: Indicator, lang: Language) -> tuple[str, str]:
    """The responsible units, lead first, alone and with where they were inherited from."""
    responsible = indicator.responsible
    units = _pick(lang, "、", ", ").join(responsible.units)
    if responsible.inherited_from is None:
        return units, units
    source = responsible.inherited_from
    return units, units + _pick(
        lang,
        f"（分解表空白，沿用 {source} 的责任单位）",
        f" (blank in the table: inherited from {source})",
    )
