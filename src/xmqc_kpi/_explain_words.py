"""What an indicator's explanations say whatever its numbers: its wording, once per language.

The title, the citation, the units' suffixes, the kind's fields and the templates of each
reason depend on the indicator, the language and the plan's clause names only, never on a
row. Both renderers (:mod:`xmqc_kpi.explain` over columns, :mod:`xmqc_kpi._explain_rows` row
by row) take them from one :class:`Wording`, which :func:`wording` keeps for the next call: a
service explains the same catalog hundreds of times a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property, lru_cache
from string import Formatter
from typing import Any

from .indicator import Indicator
from .text import Language
from .text.clauses import ClauseNames, cite, full_width
from .text.explanations import EXPLANATIONS, INCLUSIVE_WORDS
from .text.kinds import kind_words
from .text.numbers import declared_text
from .text.statuses import status_word
from .text.units import SCALED_DENOMINATORS, unit_suffix
from .thresholds import reason_status
from .units import exact_factor, normalise_unit

__all__ = [
    "SPAN_DASH",
    "Parts",
    "Wording",
    "fill_parts",
    "fill_text",
    "parsed",
    "period_text",
    "wording",
    "wordings",
]

#: Between the first and the last period of a series (``2013 年–2015 年``).
SPAN_DASH = "–"

#: A template's parts: each literal text and the field after it (``None`` at the end).
Parts = tuple[tuple[str, str | None], ...]


def wording(indicator: Indicator, lang: Language, names: ClauseNames | None) -> Wording:
    """The wording of ``indicator`` in ``lang``, kept from an earlier call where possible.

    >>> import xmqc_kpi as kpi
    >>> first = kpi.catalog()["municipal_sampling_pass_rate"]
    >>> wording(first, "zh", None) is wording(first, "zh", None)
    True
    >>> wording(first, "en", None).unit
    '%'
    """
    return wordings(lang, names).of(indicator)


def wordings(lang: Language, names: ClauseNames | None) -> Wordings:
    """The wordings kept for ``lang`` and the clause ``names`` (looked up once per call)."""
    key = (lang, None if names is None else tuple(names.items()))
    kept = _KEPT.get(key)
    if kept is None:
        if len(_KEPT) >= _KEEP:
            _KEPT.clear()
        kept = _KEPT[key] = Wordings(lang, names)
    return kept


class Wordings:
    """Each indicator's :class:`Wording` in one language, kept between calls.

    Kept per indicator object and its kind's word table (a kind whose words are registered
    again gets new wording). An entry holds its indicator and table, so their ids, the key,
    are not reused while it is kept; at most :data:`_KEEP` are kept.
    """

    def __init__(self, lang: Language, names: ClauseNames | None) -> None:
        self.lang = lang
        self.names = names
        self._kept: dict[tuple[int, int], Wording] = {}

    def of(self, indicator: Indicator) -> Wording:
        """The wording of ``indicator``."""
        table = kind_words(indicator.threshold.kind)
        key = (id(indicator), id(table))
        kept = self._kept.get(key)
        if kept is None:
            if len(self._kept) >= _KEEP:
                self._kept.clear()
            kept = self._kept[key] = Wording(indicator, self.lang, self.names)
        return kept


#: The languages and clause names kept, and the indicators kept for each, at most.
_KEPT: dict[tuple[str, Any], Wordings] = {}
_KEEP = 4096


class Wording:
    """One indicator's wording in one language (each part computed on first use).

    ``names`` are the plan's clause names (``None``: as the Xiamen plan names them).
    """

    def __init__(self, indicator: Indicator, lang: Language, names: ClauseNames | None) -> None:
        self.indicator = indicator
        self.lang = lang
        self.names = names
        self.threshold = indicator.threshold
        self.words = kind_words(self.threshold.kind)
        #: Whether one series is judged (its values then share one format).
        self.over_series: bool = type(self.threshold).over_series
        #: The number the value is compared with where the catalog declares it, exactly.
        self.declared = self.threshold.target(indicator.unit)
        formula = indicator.formula
        counted = self.counted(formula.numerator or formula.inputs[0])
        self.unit = unit_suffix(indicator.unit, lang, counted=counted)
        #: English writes a count of one in the singular (``1 zone``).
        self.unit_one = unit_suffix(indicator.unit, lang, counted=counted, one=True)
        #: The unit a rate per 10,000 shows its denominator in (``None``: as given).
        self.scaled = SCALED_DENOMINATORS.get(normalise_unit(indicator.unit))
        self.title = indicator.title_zh if lang == "zh" else indicator.title_en
        self._suffixes: dict[tuple[str, str | None, bool, bool], str] = {}
        self._factors: dict[str, float] = {}
        self._parts: dict[tuple[str, str], Parts] = {}

    @cached_property
    def ref(self) -> str:
        """The quote cited where it stands in the plan."""
        indicator = self.indicator
        return cite(indicator.clause, indicator.quote, self.lang, names=self.names)

    @cached_property
    def inclusive(self) -> str:
        """The quote's word that makes its bound inclusive (``“以上”``), "" if none."""
        word = next((w for w in INCLUSIVE_WORDS if w in self.indicator.quote), None)
        return "" if word is None else EXPLANATIONS.say("inclusive", self.lang, word=word)

    @cached_property
    def denominator(self) -> str:
        """The denominator's label and name."""
        return self.label(self.indicator.formula.denominator or "")

    @cached_property
    def declared_target(self) -> str:
        """The declared number with the value's measure word (``1 个``, ``2 张/万人``; "" none)."""
        declared = self.declared
        if declared is None:
            return ""
        return declared_text(declared) + (self.unit_one if declared == 1 else self.unit)

    @cached_property
    def kind_fields(self) -> Mapping[str, str]:
        """The kind's own fields (``target``, ``group`` …); a declared target as written."""
        explain = getattr(self.threshold, "explain_fields", None)
        found: dict[str, str] = (
            explain(self.indicator.direction, self.lang)
            if callable(explain)
            else self.threshold.describe_fields(self.indicator.unit, self.lang)
        )
        if self.declared is not None and "target" in found:
            found = {**found, "target": self.declared_target}
        return found

    def constant(self, name: str) -> str | None:
        """The text of field ``name`` where it is the same on every row, else ``None``."""
        if name in self.kind_fields:
            return self.kind_fields[name]
        if name == "target":
            return None if self.declared is None else self.declared_target
        if name in ("title", "ref", "inclusive", "denominator"):
            text: str = getattr(self, name)
            return text
        return None

    @cached_property
    def roles(self) -> Mapping[str, tuple[str | None, str | None]]:
        """Per input role (``numerator``, ``denominator``): the input's name, what it counts.

        A value formula's one input plays both (its denominator is never quoted).
        """
        formula = self.indicator.formula
        numerator = formula.numerator or formula.inputs[0]
        denominator = formula.denominator or numerator
        return {
            "numerator": (numerator, self.counted(numerator)),
            "denominator": (denominator, self.counted(denominator)),
        }

    @cached_property
    def header_parts(self) -> Mapping[bool, Parts]:
        """The header's parts (title written in) for a computed value and a reported one.

        >>> import xmqc_kpi as kpi
        >>> rate = wording(kpi.catalog()["municipal_sampling_pass_rate"], "zh", None)
        >>> [name for _text, name in rate.header_parts[False]]
        ['numerator', 'denominator', 'value', None]
        """
        ratio = self.indicator.formula.denominator is not None
        keys = {False: "ratio" if ratio else "value", True: "direct"}
        return {
            direct: _parts(EXPLANATIONS[key].template(self.lang), {"title": self.title})
            for direct, key in keys.items()
        }

    def counted(self, name: str | None) -> str | None:
        """What the input ``name`` counts (its measure word's key), ``None`` if not a count."""
        return next((i.counted for i in self.indicator.inputs if i.name == name), None)

    def label(self, name: str) -> str:
        """An input's label and name (``“合格批次”（passed）``); an unknown name as it is."""
        for item in self.indicator.inputs:
            if item.name == name:
                label = full_width(item.label_zh) if self.lang == "zh" else item.label_en or name
                return EXPLANATIONS.say("label", self.lang, label=label, name=name)
        return name

    def worded(self, reason: str, variant: str) -> bool:
        """Whether the kind words ``reason`` differently for ``variant`` (``equal``, ``direct``)."""
        return f"{reason}:{variant}" in self.words

    def template(self, reason: str, variant: str) -> str:
        """The template of ``reason`` (in its ``variant``'s words if given), the kind's first."""
        if variant:
            return self.words[f"{reason}:{variant}"].template(self.lang)
        if reason in self.words:
            return self.words[reason].template(self.lang)
        return EXPLANATIONS[reason].template(self.lang)

    def parts(self, reason: str, variant: str) -> Parts:
        """The template as literal text and row fields, its status and constants written in.

        >>> import xmqc_kpi as kpi
        >>> rate = wording(kpi.catalog()["municipal_sampling_pass_rate"], "en", None)
        >>> [name for _text, name in rate.parts("meets_minimum", "")]
        ['header', 'interval', None]
        """
        key = (reason, variant)
        if key not in self._parts:
            template = self.template(reason, variant)
            fixed: dict[str | None, str | None] = {
                name: self.constant(name)
                for _literal, name, _spec, _conv in parsed(template)
                if name is not None
            }
            fixed["status"] = status_word(reason_status(reason).value, self.lang)
            self._parts[key] = _parts(template, fixed)
        return self._parts[key]

    def suffix(
        self, unit: str, counted: str | None, *, named: bool = False, one: bool = False
    ) -> str:
        """:func:`~xmqc_kpi.text.units.unit_suffix` in this language, kept per unit."""
        key = (unit, counted, named, one)
        if key not in self._suffixes:
            lang = self.lang
            self._suffixes[key] = unit_suffix(unit, lang, counted=counted, named=named, one=one)
        return self._suffixes[key]

    def factor(self, unit: str) -> float:
        """The factor from a denominator's ``unit`` to :attr:`scaled`."""
        if unit not in self._factors:
            self._factors[unit] = float(exact_factor(unit, str(self.scaled)))
        return self._factors[unit]


@lru_cache(maxsize=4096, typed=True)
def period_text(period: Any, lang: Language) -> str:
    """A period as a sentence names it: a year as a year (``2015 年``), others as they are.

    >>> period_text(2015, "zh"), period_text("2015Q4", "en")
    ('2015 年', '2015Q4')
    """
    return EXPLANATIONS.say("year", lang, year=period) if str(period).isdigit() else str(period)


def _parts(template: str, fixed: Mapping[str | None, str | None]) -> Parts:
    """``template`` as literal text and fields, the ``fixed`` fields (not ``None``) written in.

    >>> _parts("{a}（{b}）{c}", {"b": "x", "c": None})
    (('', 'a'), ('（x）', 'c'), ('', None))
    """
    parts: list[tuple[str, str | None]] = []
    text = ""
    for literal, name, _spec, _conversion in parsed(template):
        text += literal
        if name is None:
            continue
        written = fixed.get(name)
        if written is None:
            parts.append((text, name))
            text = ""
        else:
            text += written
    parts.append((text, None))
    return tuple(parts)


def fill_parts(parts: Parts, fields: Mapping[str, str]) -> str:
    """Parts (see :meth:`Wording.parts`) filled with strings.

    >>> fill_parts((("<", "a"), (">", None)), {"a": "x"})
    '<x>'
    """
    return "".join(text if name is None else text + fields[name] for text, name in parts)


def fill_text(template: str, fields: Mapping[str, str]) -> str:
    """A template filled with strings, as the column path fills it (format specs unused).

    >>> fill_text("{a}，{b}。", {"a": "x", "b": "z"})
    'x，z。'
    """
    return "".join(
        literal if name is None else literal + fields[name]
        for literal, name, _spec, _conversion in parsed(template)
    )


@lru_cache(maxsize=1024)
def parsed(template: str) -> tuple[tuple[str, str | None, str | None, str | None], ...]:
    """A template's (literal, field, spec, conversion) parts, parsed once (templates recur)."""
    return tuple(Formatter().parse(template))
