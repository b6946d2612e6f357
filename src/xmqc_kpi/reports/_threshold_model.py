"""The threshold report as a structured document, before any rendering.

:func:`build_document` turns a catalog into frozen records whose fields are all display text
in one language: the interpretation rules first, one row per indicator in catalog order, then
the known discrepancies of the built-in plan. The renderers (:mod:`._threshold_render`) only
lay these records out and escape them for their format.

Which discrepancies are shown: they belong to the built-in plan, so a discrepancy is listed
when it concerns at least one indicator of the catalog that is *identical* to the built-in
declaration of the same id. The built-in catalog shows all of them; a subset of it, those
that concern its indicators; a custom catalog (or a built-in indicator changed in any field),
none, with a sentence saying why. The rules are readings of the plan's wording and are always
stated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..catalogs import THRESHOLD_KINDS, Catalog, catalog, plan_of
from ..indicator import Indicator
from ..interpretation import (
    DISCREPANCIES,
    RULES,
    ConsideredClause,
    Discrepancy,
    InterpretationRule,
    not_indicators,
)
from ..payload import Provenance
from ..plan import Plan
from ..text import Language
from ..text.clauses import ClauseNames, body_place, table_place
from ..text.reports import THRESHOLD_PHRASES
from ..text.threshold_report import THRESHOLD_REPORT
from ._provenance import catalog_provenance
from ._threshold_text import (
    Labels,
    clause_text,
    deadline_texts,
    direction_text,
    formula_text,
    indicator_unit_text,
    inputs_texts,
    kind_name,
    labels,
    measurement_text,
    parameter_text,
    responsible_texts,
    section_heading,
    section_title,
    threshold_text,
    unit_word,
)

__all__ = [
    "CONSIDERED_COLUMNS",
    "INDICATOR_COLUMNS",
    "OVERVIEW_COLUMNS",
    "ConsideredRow",
    "DiscrepancyRow",
    "IndicatorRow",
    "InputRow",
    "KindCount",
    "RuleRow",
    "SectionGroup",
    "ThresholdDocument",
    "build_document",
]

#: The columns of the indicators table in CSV, XLSX and JSON: public, stable, snake_case.
INDICATOR_COLUMNS: tuple[str, ...] = (
    "id",
    "clause_table",
    "clause_body",
    "section",
    "section_title",
    "title_zh",
    "title_en",
    "quote",
    "formula",
    "inputs",
    "unit",
    "sampled",
    "kind",
    "comparison",
    "threshold",
    "threshold_text",
    "direction",
    "deadline",
    "deadline_inherited",
    "responsible",
    "leads",
    "body_leads",
    "responsible_inherited_from",
    "interpretation",
)

#: The columns of the overview table (one row per indicator), in XLSX and JSON.
OVERVIEW_COLUMNS: tuple[str, ...] = (
    "clause",
    "title",
    "threshold",
    "threshold_unit",
    "threshold_text",
    "deadline",
    "responsible",
)
#: The columns of the table of clauses considered and not made indicators.
CONSIDERED_COLUMNS: tuple[str, ...] = ("key", "clause", "quote", "reason")

#: The columns of the rules and discrepancies tables in CSV-like outputs (XLSX, JSON).
RULE_COLUMNS: tuple[str, ...] = ("key", "wording", "meaning", "note", "in_force")
DISCREPANCY_COLUMNS: tuple[str, ...] = ("key", "clauses", "finding", "reading", "indicators")


@dataclass(frozen=True, slots=True)
class RuleRow:
    """An interpretation rule in one language; ``in_force`` names the catalog's parameters."""

    key: str
    wording: str
    meaning: str
    note: str
    #: The parameters the catalog uses for this rule (the 前列 cut-off …); empty if none.
    in_force: str

    def record(self) -> dict[str, str]:
        """The row under :data:`RULE_COLUMNS`."""
        return {column: getattr(self, column) for column in RULE_COLUMNS}


@dataclass(frozen=True, slots=True)
class InputRow:
    """One input variable of an indicator."""

    name: str
    label_zh: str
    unit: str
    #: The whole entry in words: name, label(s), default unit.
    text: str


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """Everything the report says about one indicator, as display text.

    The fields named in :data:`INDICATOR_COLUMNS` are the table columns; ``clause``,
    ``deadline_text`` and ``responsible_text`` combine some of them for prose formats. Absent
    values (no table clause, nothing inherited, no note) are empty strings.
    """

    id: str
    clause_table: str
    clause_body: str
    clause: str
    section: str
    section_title: str
    title_zh: str
    title_en: str
    quote: str
    formula: str
    inputs: tuple[InputRow, ...]
    unit: str
    sampled: str
    kind: str
    comparison: str
    threshold: str
    threshold_text: str
    direction: str
    deadline: str
    deadline_inherited: str
    deadline_text: str
    responsible: str
    #: The units the table marks 牵头, and those the body marks 牵头 (empty when none).
    leads: str
    body_leads: str
    #: Where the body names its leads (``正文第 18 条``), empty when it names none.
    body_place: str
    responsible_inherited_from: str
    responsible_text: str
    #: The title in the report's language, and the threshold as a number (with its unit
    #: word) when the kind has a fixed target, else ``None`` and ``""``.
    title: str
    threshold_value: float | None
    threshold_unit: str
    #: The indicator's note in the report's language (the other language's if that is empty).
    interpretation: str

    @property
    def inputs_text(self) -> str:
        """The inputs in one cell, separated by ``"; "``."""
        return "; ".join(item.text for item in self.inputs)

    def record(self) -> dict[str, str]:
        """The row under :data:`INDICATOR_COLUMNS` (inputs as one text)."""
        row = {column: getattr(self, column) for column in INDICATOR_COLUMNS if column != "inputs"}
        row["inputs"] = self.inputs_text
        return {column: row[column] for column in INDICATOR_COLUMNS}


@dataclass(frozen=True, slots=True)
class SectionGroup:
    """The indicators of one plan section, in the plan's order, under its heading."""

    key: str
    heading: str
    indicators: tuple[IndicatorRow, ...]


@dataclass(frozen=True, slots=True)
class ConsideredRow:
    """A clause of the plan considered and not made an indicator, in one language."""

    key: str
    clause: str
    quote: str
    reason: str

    def record(self) -> dict[str, str]:
        """The row under :data:`CONSIDERED_COLUMNS`."""
        return {column: getattr(self, column) for column in CONSIDERED_COLUMNS}


@dataclass(frozen=True, slots=True)
class DiscrepancyRow:
    """A known discrepancy in one language, with the catalog's indicators it concerns."""

    key: str
    clauses: tuple[str, ...]
    finding: str
    reading: str
    indicators: tuple[str, ...]

    def record(self) -> dict[str, str]:
        """The row under :data:`DISCREPANCY_COLUMNS` (lists joined with ``", "``)."""
        return {
            "key": self.key,
            "clauses": ", ".join(self.clauses),
            "finding": self.finding,
            "reading": self.reading,
            "indicators": ", ".join(self.indicators),
        }


@dataclass(frozen=True, slots=True)
class KindCount:
    """How many indicators of the catalog have one threshold kind."""

    kind: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class ThresholdDocument:
    """The whole report, in reading order.

    Header, overview, rules, indicators by section, supplementary indicators, considered
    clauses, discrepancies, provenance.
    """

    lang: Language
    labels: Labels
    title: str
    #: The plan's title, number, issuer and date of issue (or that none is declared).
    plan: str
    kinds: tuple[KindCount, ...]
    rules: tuple[RuleRow, ...]
    #: Every indicator, in the plan's order (sections in the plan's order, clauses within).
    indicators: tuple[IndicatorRow, ...]
    #: The same indicators grouped by plan section.
    sections: tuple[SectionGroup, ...]
    #: The built-in plan's supplementary indicators not already in the catalog (the built-in
    #: plan's only): checkable clauses outside the target list, laid out like the others.
    supplementary: tuple[IndicatorRow, ...]
    #: The plan's clauses considered and not made indicators (the built-in plan's only).
    considered: tuple[ConsideredRow, ...]
    provenance: Provenance
    #: Why the discrepancies listed are those (all, some or none of the built-in plan's).
    discrepancy_note: str
    discrepancies: tuple[DiscrepancyRow, ...]

    @property
    def total(self) -> int:
        """The number of indicators."""
        return len(self.indicators)


def build_document(chosen: Catalog, lang: Language) -> ThresholdDocument:
    """Build the report's document for a catalog in ``lang``, in its plan's order.

    >>> from xmqc_kpi import catalog
    >>> document = build_document(catalog(), "en")
    >>> document.total, document.rules[0].key, document.discrepancies[-1].key
    (42, 'inclusive_bound', 'unit_order_differs')
    >>> [group.key for group in document.sections][:3], document.indicators[0].clause_table
    (['1', '2', '3'], '1.3.1')
    """
    words = labels(lang)
    indicators = tuple(chosen)
    plan = plan_of(chosen)
    builtin = _builtin_ids(indicators)
    names = None if plan is None else plan.clause_words
    sections = _sections(indicators, plan, lang, names)
    return ThresholdDocument(
        lang=lang,
        labels=words,
        title=_title(plan, lang),
        plan=_plan_text(plan, lang),
        kinds=_kind_counts(indicators, lang),
        rules=tuple(
            _rule_row(rule, indicators, lang)
            for rule in RULES
            if rule.key not in _XIAMEN_RULES or _states_xiamen_rules(plan)
        ),
        indicators=tuple(row for group in sections for row in group.indicators),
        sections=sections,
        supplementary=_supplementary(indicators, plan, lang, names),
        considered=_considered(plan, lang, names),
        provenance=catalog_provenance(chosen, lang),
        discrepancy_note=_discrepancy_note(builtin, words),
        discrepancies=tuple(
            _discrepancy_row(entry, builtin, lang)
            for entry in DISCREPANCIES
            if any(name in builtin for name in entry.indicator_ids)
        ),
    )


#: Rules about the Xiamen plan's own text (its table's blank cells, a misplaced % sign, the
#: brand-title measure): stated unless the catalog declares another plan.
_XIAMEN_RULES = frozenset({"inherited_cells", "misplaced_percent_sign", "brand_titles_measure"})


def _states_xiamen_rules(plan: Plan | None) -> bool:
    return plan is None or plan == catalog().plan


def _title(plan: Plan | None, lang: Language) -> str:
    if plan is None:
        return THRESHOLD_REPORT.say("title_custom", lang)
    return THRESHOLD_REPORT.say("title_plan", lang, plan=plan.title(lang))


def _plan_text(plan: Plan | None, lang: Language) -> str:
    """``厦门市…工作方案（厦府〔2013〕98号，厦门市人民政府，2013-03-30）``."""
    if plan is None:
        return THRESHOLD_REPORT.say("no_plan", lang)
    details = [part for part in (plan.number, plan.issuer, plan.issued) if part]
    if not details:
        return plan.title(lang)
    separator = THRESHOLD_REPORT.say("plan_details_separator", lang)
    return THRESHOLD_REPORT.say(
        "plan_line", lang, title=plan.title(lang), details=separator.join(details)
    )


def _clause_order(item: Indicator) -> tuple[int, tuple[int, ...], str]:
    """Table rows by their numbers, then body items by number, then body sections."""
    clause = item.clause
    if clause.table is not None:
        return (0, tuple(int(part) for part in clause.table.split(".")), "")
    if clause.body.isdigit():
        return (1, (int(clause.body),), "")
    return (2, (), clause.body)


def _sections(
    indicators: tuple[Indicator, ...], plan: Plan | None, lang: Language, names: ClauseNames | None
) -> tuple[SectionGroup, ...]:
    """The indicators by plan section, sections and clauses in the plan's order."""
    keys = Catalog(indicators).sections
    if plan is not None:
        keys = plan.section_order(keys)
    groups = []
    for key in keys:
        members = sorted((item for item in indicators if item.section == key), key=_clause_order)
        groups.append(
            SectionGroup(
                key=key,
                heading=section_heading(key, lang, plan),
                indicators=tuple(_indicator_row(item, lang, plan, names) for item in members),
            )
        )
    return tuple(groups)


def _supplementary(
    indicators: tuple[Indicator, ...], plan: Plan | None, lang: Language, names: ClauseNames | None
) -> tuple[IndicatorRow, ...]:
    """The built-in plan's supplementary indicators the catalog does not hold already."""
    if plan is None or plan != catalog().plan:
        return ()
    # Declarations are built only when a report asks, as catalog() builds the 42.
    from ..indicators.supplementary import SUPPLEMENTARY_INDICATORS

    held = {item.id for item in indicators}
    return tuple(
        _indicator_row(item, lang, plan, names)
        for item in SUPPLEMENTARY_INDICATORS
        if item.id not in held
    )


def _considered(
    plan: Plan | None, lang: Language, names: ClauseNames | None
) -> tuple[ConsideredRow, ...]:
    """The built-in plan's clauses not made indicators, when the catalog's plan is it."""
    if plan is None or plan != catalog().plan:
        return ()
    return tuple(_considered_row(entry, lang, names) for entry in not_indicators())


def _considered_row(
    entry: ConsideredClause, lang: Language, names: ClauseNames | None
) -> ConsideredRow:
    if entry.clause[:1].isdigit():
        table = table_place(entry.clause, lang, names)
        where = THRESHOLD_REPORT.say(
            "clause_pair", lang, table=table, body=body_place(entry.body, lang, names)
        )
    else:
        where = body_place(entry.body, lang, names)
    return ConsideredRow(
        key=entry.key,
        clause=where,
        quote=entry.quote,
        reason=entry.reason_zh if lang == "zh" else entry.reason_en,
    )


def _kind_counts(indicators: Sequence[Indicator], lang: Language) -> tuple[KindCount, ...]:
    counts = Counter[str](item.threshold.kind for item in indicators)
    order = [*THRESHOLD_KINDS, *sorted(set(counts) - set(THRESHOLD_KINDS))]
    return tuple(
        KindCount(kind, kind_name(kind, lang), counts[kind]) for kind in order if counts[kind]
    )


def _builtin_ids(indicators: Sequence[Indicator]) -> frozenset[str]:
    """Ids of the indicators identical to the built-in declaration of the same id."""
    builtin = catalog()
    return frozenset(item.id for item in indicators if item.id in builtin and item in builtin)


def _discrepancy_note(builtin: frozenset[str], labels: Labels) -> str:
    if not builtin:
        return labels.discrepancies_none
    if builtin == frozenset(catalog().ids):
        return labels.discrepancies_all
    return labels.discrepancies_some


def _rule_row(rule: InterpretationRule, indicators: Sequence[Indicator], lang: Language) -> RuleRow:
    zh = lang == "zh"
    return RuleRow(
        key=rule.key,
        wording=rule.wording,
        meaning=rule.meaning_zh if zh else rule.meaning_en,
        note=rule.note_zh if zh else rule.note_en,
        in_force=_in_force(rule, indicators, lang),
    )


def _in_force(rule: InterpretationRule, indicators: Sequence[Indicator], lang: Language) -> str:
    """The parameters the catalog sets for a rule that has any: 前列 cut-offs, trend windows.

    The indicators concerned are those of the rule's kinds (and, for a rule about a
    direction, of its direction); each distinct parameter is listed with the number of
    indicators using it, in catalog order. A rule without parameters states none.
    """
    if rule.key not in _PARAMETER_RULES:
        return ""
    direction = _RULE_DIRECTIONS.get(rule.key)
    used = [
        text
        for item in indicators
        if item.threshold.kind in rule.kinds and direction in (None, item.direction)
        if (text := parameter_text(item, lang))
    ]
    if not used:
        return THRESHOLD_PHRASES.say("no_such_indicator", lang)
    counts = Counter(used)
    return THRESHOLD_PHRASES.say("in_force_separator", lang).join(
        THRESHOLD_PHRASES.say(
            "in_force_entry",
            lang,
            value=value,
            count=counts[value],
            s="s" if counts[value] != 1 else "",
        )
        for value in dict.fromkeys(used)
    )


#: The rules whose reading has a parameter the catalog sets (the 前列 cut-off, trend windows).
_PARAMETER_RULES = frozenset({"top_group", "rising", "falling"})
#: Rules that read a direction of change: only the indicators going that way concern them.
_RULE_DIRECTIONS = {"rising": "higher", "falling": "lower"}


def _indicator_row(
    item: Indicator, lang: Language, plan: Plan | None, names: ClauseNames | None
) -> IndicatorRow:
    words = labels(lang)
    threshold = threshold_text(item, lang)
    deadline, deadline_full = deadline_texts(item, lang)
    responsible, responsible_full = responsible_texts(item, lang)
    separator = THRESHOLD_PHRASES.say("list_separator", lang)
    target = item.threshold.target(item.unit)
    body_leads = item.responsible.body_leads
    return IndicatorRow(
        id=item.id,
        clause_table=item.clause.table or "",
        clause_body=item.clause.body,
        clause=clause_text(item.clause, lang, names),
        section=item.section,
        section_title=section_title(item.section, lang, plan),
        title_zh=item.title_zh,
        title_en=item.title_en,
        quote=item.quote,
        formula=formula_text(item, lang),
        inputs=tuple(
            InputRow(entry.name, entry.label_zh, entry.unit, text)
            for entry, text in zip(item.inputs, inputs_texts(item, lang), strict=True)
        ),
        unit=indicator_unit_text(item, lang),
        sampled=measurement_text(item, lang),
        kind=item.threshold.kind,
        comparison=threshold.symbol,
        threshold=threshold.target,
        threshold_text=threshold.text,
        direction=direction_text(item, lang),
        deadline=deadline,
        deadline_inherited=words.yes if item.deadline_inherited else words.no,
        deadline_text=deadline_full,
        responsible=responsible,
        leads=separator.join(item.responsible.leads),
        body_leads=separator.join(body_leads),
        body_place=body_place(item.clause.body, lang, names) if body_leads else "",
        responsible_inherited_from=item.responsible.inherited_from or "",
        responsible_text=responsible_full,
        interpretation=item.interpretation_text(lang),
        title=item.title_zh if lang == "zh" else item.title_en,
        threshold_value=None if target is None else float(target),
        threshold_unit="" if target is None else unit_word(item.unit, lang),
    )


def _discrepancy_row(entry: Discrepancy, builtin: frozenset[str], lang: Language) -> DiscrepancyRow:
    zh = lang == "zh"
    return DiscrepancyRow(
        key=entry.key,
        clauses=entry.clauses,
        finding=entry.finding_zh if zh else entry.finding_en,
        reading=entry.reading_zh if zh else entry.reading_en,
        indicators=tuple(name for name in entry.indicator_ids if name in builtin),
    )
