"""The threshold report's wording, in Chinese and English: labels and per-indicator phrases.

Each function turns one part of an :class:`~xmqc_kpi.indicator.Indicator` into display text in
one language; the builder (:mod:`._threshold_model`) calls them, the renderers never do.
The plan's own words (quotes, Chinese titles and labels, unit names) stay Chinese in both
languages.
"""

from __future__ import annotations

from fractions import Fraction

from ..formulas import Ratio, Value
from ..indicator import Clause, Indicator, Input
from ..plan import Plan
from ..text import Language
from ..text.clauses import ClauseNames, body_place, full_width, table_place, table_title
from ..text.kinds import ThresholdDescription, describe_threshold, kind_entry, kind_name
from ..text.reports import THRESHOLD_LABELS, THRESHOLD_PHRASES
from ..text.threshold_report import THRESHOLD_REPORT
from ..text.units import unit_name as _unit_name
from ..text.units import unit_suffix
from ..units import exact_factor, normalise_unit
from ._labels import Labels

__all__ = [
    "PARAMETER_FIELDS",
    "Labels",
    "clause_text",
    "deadline_texts",
    "direction_text",
    "display_unit_text",
    "formula_text",
    "indicator_unit_text",
    "input_text",
    "inputs_texts",
    "kind_name",
    "labels",
    "measurement_text",
    "parameter_text",
    "responsible_texts",
    "section_heading",
    "section_label",
    "section_title",
    "threshold_text",
    "unit_name",
    "unit_word",
]


#: The fields of a threshold's description that are parameters the catalog sets (the rules
#: table states them): the 前列 cut-off, a trend's window.
PARAMETER_FIELDS = ("cut", "window")


def labels(lang: Language) -> Labels:
    """The report's headings, field labels and fixed phrases in ``lang``."""
    return Labels(THRESHOLD_LABELS, lang)


def _say(key: str, lang: Language, **fields: object) -> str:
    return THRESHOLD_PHRASES.say(key, lang, **fields)


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
    return unit_suffix(unit, lang).strip()


def _with_unit(number: str, word: str) -> str:
    """``"96 %"``, ``"2/万人"``, ``"1"``: a number and its unit word."""
    if not word:
        return number
    return number + word if word.startswith("/") else f"{number} {word}"


def _factor_text(factor: Fraction) -> str:
    """A conversion factor: ``"100"``, ``"10,000"``, or ``"1/15"`` when not whole."""
    if factor.denominator == 1:
        return f"{factor.numerator:,}"
    return f"{factor.numerator}/{factor.denominator}"


def clause_text(clause: Clause, lang: Language, names: ClauseNames | None = None) -> str:
    """Where the target stands: table sub-item and body item (or the body section alone).

    Clauses are named as the plan names them (``names``, :attr:`xmqc_kpi.plan.Plan.clause_words`;
    the Xiamen plan's names by default).

    >>> clause_text(Clause(table="5.1.2", body="22"), "en")
    'table 5.1.2 / body item 22'
    >>> print(clause_text(Clause(body="五(三)"), "zh"))
    正文五（三）（分解表无对应行）
    """
    body = body_place(clause.body, lang, names)
    if clause.table is None:
        table = table_title(lang, names)
        return THRESHOLD_REPORT.say("clause_body_only", lang, body=body, table=table)
    table = table_place(clause.table, lang, names)
    return THRESHOLD_REPORT.say("clause_pair", lang, table=table, body=body)


def section_label(label: str, lang: Language) -> str:
    """A plan section's label as written in ``lang``: ``五（三）`` in Chinese, ``五(三)`` else.

    >>> print(section_label("五(三)", "zh"), section_label("五(三)", "en"))
    五（三） 五(三)
    """
    return full_width(label) if lang == "zh" else label


def section_title(section: str, lang: Language, plan: Plan | None = None) -> str:
    """The plan section's title (``"显著提高产品质量"`` for ``"5"``); empty if unknown.

    >>> from xmqc_kpi import catalog
    >>> section_title("5", "zh", catalog().plan), section_title("5", "zh")
    ('显著提高产品质量', '')
    """
    known = None if plan is None else plan.section(section)
    return "" if known is None else known.title(lang)


def section_heading(section: str, lang: Language, plan: Plan | None = None) -> str:
    """A plan section as reports head it: its key and, where the plan titles it, its title.

    >>> from xmqc_kpi import catalog
    >>> section_heading("5", "zh", catalog().plan), section_heading("五(三)", "zh")
    ('5 显著提高产品质量', '五（三）')
    """
    label = section_label(section, lang)
    title = section_title(section, lang, plan)
    if not title:
        return label
    return THRESHOLD_REPORT.say("section_heading", lang, key=label, title=title)


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


def input_text(item: Input, lang: Language, unit: str | None = None) -> str:
    """One input: its name, Chinese label (English label too in English) and default unit.

    ``unit`` words the unit instead of the unit's name (a deliverable's year built).
    """
    label = item.label_zh
    if item.label_en:
        label = _say("input_label_en", lang, label_zh=item.label_zh, label_en=item.label_en)
    unit = unit_name(item.unit, lang) if unit is None else unit
    return _say("input", lang, name=item.name, label=label, unit=unit)


def inputs_texts(indicator: Indicator, lang: Language) -> tuple[str, ...]:
    """Each input of the indicator in words (:func:`input_text`), in its order.

    Where the value is an input as reported (``value(...)``) and the kind words that input's
    unit (``input_unit``: a deliverable's year, 0 for not yet done), its words are used.

    >>> from xmqc_kpi import catalog
    >>> centres = catalog(supplementary=True)["national_metrology_testing_centres"]
    >>> inputs_texts(centres, "en")[0].split("; default unit: ")[1]
    'year (0 = not yet built)'
    """
    reported = isinstance(indicator.formula, Value)
    unit = kind_entry(indicator, "input_unit", lang) if reported else None
    return tuple(input_text(item, lang, unit) for item in indicator.inputs)


def display_unit_text(unit: str, lang: Language) -> str:
    """The display unit's name and written form: ``"percent (%)"``, ``"个"``."""
    name, word = unit_name(unit, lang), unit_word(unit, lang)
    if not word or word == name:
        return name
    return _say("display_unit", lang, name=name, symbol=word)


def indicator_unit_text(indicator: Indicator, lang: Language) -> str:
    """The display unit as :func:`display_unit_text` words it, or as the kind words it.

    >>> from xmqc_kpi import catalog
    >>> indicators = catalog(supplementary=True)
    >>> indicator_unit_text(indicators["quality_funding_ratio"], "zh")
    '‰'
    >>> indicator_unit_text(indicators["national_metrology_testing_centres"], "zh")
    '年份'
    """
    return kind_entry(indicator, "unit", lang) or display_unit_text(indicator.unit, lang)


def measurement_text(indicator: Indicator, lang: Language) -> str:
    """Whether the value is a sample estimate (with an interval), a full count or reported."""
    if indicator.sampled:
        return _say("sampled", lang)
    return _say("counted" if isinstance(indicator.formula, Ratio) else "reported", lang)


def direction_text(indicator: Indicator, lang: Language) -> str:
    """``"越高越好"`` / ``"higher is better"`` and the lower counterparts, or the kind's words.

    A kind whose values are not quantities words its direction (a deliverable's year built:
    an earlier year is better, ``direction`` stays ``"lower"``).

    >>> from xmqc_kpi import catalog
    >>> indicators = catalog(supplementary=True)
    >>> direction_text(indicators["municipal_sampling_pass_rate"], "zh")
    '越高越好'
    >>> direction_text(indicators["national_metrology_testing_centres"], "en")
    'earlier is better'
    """
    return kind_entry(indicator, "direction", lang) or _say(indicator.direction, lang)


def threshold_text(indicator: Indicator, lang: Language) -> ThresholdDescription:
    """The indicator's threshold in words, its comparison made explicit (strict or inclusive).

    The words are the threshold kind's own (:func:`xmqc_kpi.text.kinds.describe_threshold`),
    so a kind added from outside the package describes itself here too.

    >>> from xmqc_kpi import catalog
    >>> threshold_text(catalog()["municipal_sampling_pass_rate"], "en").text
    '≥ 96% (the number itself meets it)'
    """
    return describe_threshold(indicator, lang)


def parameter_text(indicator: Indicator, lang: Language) -> str:
    """The parameter a threshold sets (a 前列 cut-off, a trend's window), empty if none."""
    fields = indicator.threshold.describe_fields(indicator.unit, lang)
    return next((fields[name] for name in PARAMETER_FIELDS if fields.get(name)), "")


def deadline_texts(indicator: Indicator, lang: Language) -> tuple[str, str]:
    """The deadline alone (or that there is none) and with how it was obtained."""
    deadline = indicator.deadline
    if deadline is None:
        deadline = _say("no_deadline", lang)
    if not indicator.deadline_inherited:
        return deadline, deadline
    return deadline, _say("deadline_inherited", lang, deadline=deadline)


def responsible_texts(indicator: Indicator, lang: Language) -> tuple[str, str]:
    """The responsible units in the plan's order, alone and with where they were inherited from.

    The order ranks nothing: the leads, where the plan names any, are stated apart.
    """
    responsible = indicator.responsible
    units = _say("list_separator", lang).join(responsible.units)
    if responsible.inherited_from is None:
        return units, units
    source = responsible.inherited_from
    return units, _say("responsible_inherited", lang, units=units, source=source)
