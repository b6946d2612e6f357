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
from ..text import Language
from ..text.reports import THRESHOLD_LABELS, THRESHOLD_PHRASES
from ..text.units import unit_name as _unit_name
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
from ..units import exact_factor, normalise_unit, unit_symbol
from ._labels import Labels

__all__ = [
    "KIND_LABELS",
    "Labels",
    "ThresholdText",
    "clause_text",
    "cutoff_text",
    "deadline_texts",
    "direction_text",
    "display_unit_text",
    "formula_text",
    "input_text",
    "labels",
    "measurement_text",
    "responsible_texts",
    "section_label",
    "section_title",
    "threshold_text",
    "unit_name",
    "unit_word",
    "window_text",
]


def labels(lang: Language) -> Labels:
    """The report's headings, field labels and fixed phrases in ``lang``."""
    return Labels(THRESHOLD_LABELS, lang)


def _say(key: str, lang: Language, **fields: object) -> str:
    return THRESHOLD_PHRASES.say(key, lang, **fields)


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


def unit_name(unit: str, lang: Language) -> str:
    """The unit's display name, never a pint code: ``"平方米"``, ``"m²"``, ``"个"``.

    >>> unit_name("m²", "zh"), unit_name("index_point", "en")
    ('平方米', 'points')
    """
    try:
        key = normalise_unit(unit)
    except ValueError:  # not a unit of the registry: shown as written
        return unit
    return _unit_name(key, lang)


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
    >>> print(clause_text(Clause(body="五(三)"), "zh"))
    正文五（三）（分解表无对应行）
    """
    body = _say(
        "body_item" if clause.body.isdigit() else "body_section",
        lang,
        body=section_label(clause.body, lang),
    )
    if clause.table is None:
        return _say("clause_body_only", lang, body=body)
    return _say("clause_table", lang, table=clause.table, body=body)


def section_label(label: str, lang: Language) -> str:
    """A plan section's label as written in ``lang``: ``五（三）`` in Chinese, ``五(三)`` else.

    The plan numbers its body sections ``五(三)``; Chinese text writes the brackets full-width
    (GB/T 15834), English keeps them as they are.

    >>> print(section_label("五(三)", "zh"), section_label("五(三)", "en"))
    五（三） 五(三)
    """
    if lang == "zh":
        return label.replace("(", "（").replace(")", "）")
    return label


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
    return _say("formula_unit", lang, formula=scaled, unit=word)


def input_text(item: Input, lang: Language) -> str:
    """One input: its name, Chinese label (English label too in English) and default unit."""
    label = item.label_zh
    if item.label_en:
        label = _say("input_label_en", lang, label_zh=item.label_zh, label_en=item.label_en)
    return _say("input", lang, name=item.name, label=label, unit=unit_name(item.unit, lang))


def display_unit_text(unit: str, lang: Language) -> str:
    """The display unit's name and written form: ``"percent (%)"``, ``"个"``."""
    name, word = unit_name(unit, lang), unit_word(unit, lang)
    if not word or word == name:
        return name
    return _say("display_unit", lang, name=name, symbol=word)


def measurement_text(indicator: Indicator, lang: Language) -> str:
    """Whether the value is a sample estimate (with an interval), a full count or reported."""
    if indicator.sampled:
        return _say("sampled", lang)
    return _say("counted" if isinstance(indicator.formula, Ratio) else "reported", lang)


def direction_text(indicator: Indicator, lang: Language) -> str:
    """``"越高越好"`` / ``"higher is better"`` and the lower counterparts."""
    return _say(indicator.direction, lang)


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
        deadline = _say("no_deadline", lang)
    if not indicator.deadline_inherited:
        return deadline, deadline
    return deadline, _say("deadline_inherited", lang, deadline=deadline)


def responsible_texts(indicator: Indicator, lang: Language) -> tuple[str, str]:
    """The responsible units, lead first, alone and with where they were inherited from."""
    responsible = indicator.responsible
    units = _say("list_separator", lang).join(responsible.units)
    if responsible.inherited_from is None:
        return units, units
    source = responsible.inherited_from
    return units, _say("responsible_inherited", lang, units=units, source=source)
