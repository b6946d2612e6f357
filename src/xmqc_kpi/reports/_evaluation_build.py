"""Build the evaluation report's :class:`Document` from an :class:`~xmqc_kpi.Evaluation`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..payload import provenance
from ..results import FRAME_COLUMNS, Evaluation, Status
from ..text import Language
from ..text.kinds import kind_entry
from ..text.report_print import READING
from ..text.statuses import status_word
from ._evaluation_frame import Prepared, prepare
from ._evaluation_indicators import TAG_SEPARATOR, indicator_blocks, matrices, title_of
from ._evaluation_model import Cell, Document, Filter, Table
from ._evaluation_summary import deadline_lines, summary_tables
from ._evaluation_text import Words, matrix_note, words
from ._threshold_text import section_heading, unit_name

__all__ = ["build_document"]


def _default_title(result: Evaluation, lang: Language, text: Words) -> str:
    """The plan's own title with 指标评价报告, or the bare heading when the plan is not known."""
    if result.plan is None:
        return text.title
    return text.title_of_plan.format(plan=result.plan.title(lang))


def build_document(result: Evaluation, lang: Language, title: str | None) -> Document:
    """The structured report: lead, summary, matrices, indicator blocks, inputs, assessments."""
    text = words(lang)
    prepared = prepare(result, lang, text)
    lead = (
        *deadline_lines(result, prepared, text),
        text.lead.format(indicators=len(prepared.indicators), assessments=len(prepared.frame)),
    )
    return Document(
        title=_default_title(result, lang, text) if title is None else title,
        lang=lang,
        lead=lead,
        provenance=provenance(result, lang),
        summary=summary_tables(result, prepared, text),
        not_met=_not_met_table(prepared, text, lang),
        warnings=_warnings_table(result, prepared, text, lang),
        filters=_filters(prepared, lang),
        matrix_note=matrix_note(text),
        matrices=matrices(prepared, text, lang),
        indicators=indicator_blocks(prepared, text, lang),
        inputs=_inputs_table(result, text, lang),
        inputs_wide=_inputs_wide(result, prepared, text, lang),
        assessments=_assessments_table(prepared.frame, text.list_separator),
    )


def _not_met_table(prepared: Prepared, text: Words, lang: Language) -> Table:
    """Every assessment not met, in the indicators' order, with its explanation."""
    frame = prepared.frame
    rows: list[tuple[Cell, ...]] = []
    tags: list[dict[str, str]] = []
    positions = frame.groupby("indicator_id", observed=True, sort=False).indices
    status = frame["status"].to_numpy(dtype=object)
    columns = {
        name: frame[name].to_numpy(dtype=object)
        for name in ("region_label", "period_label", "status_text", "explanation")
    }
    for indicator in prepared.indicators.values():
        units = TAG_SEPARATOR.join(indicator.responsible.units)
        for i in positions.get(indicator.id, np.zeros(0, dtype=np.intp)):
            if status[i] != "not_met":
                continue
            region = str(columns["region_label"][i])
            rows.append(
                (
                    Cell(title_of(indicator, lang), link=indicator.id),
                    Cell(region),
                    Cell(str(columns["period_label"][i])),
                    Cell(str(columns["status_text"][i]), status="not_met"),
                    Cell(str(columns["explanation"][i])),
                )
            )
            tags.append(
                {"status": "not_met", "region": region, "section": indicator.section, "unit": units}
            )
    count = len(rows)
    note = (
        READING.say("not_met_lead", lang, count=count)
        if count
        else READING.say("not_met_none", lang)
    )
    header = (text.indicator, text.region, text.period, text.status, text.explanation)
    return Table(
        "not-met", READING.say("not_met_heading", lang), header, tuple(rows), note, tags=tuple(tags)
    )


def _warnings_table(result: Evaluation, prepared: Prepared, text: Words, lang: Language) -> Table:
    """Every plausibility warning, with the indicator, place, value and what looks wrong."""
    warnings = result.warnings(lang)
    titles = {id_: title_of(indicator, lang) for id_, indicator in prepared.indicators.items()}
    rows = tuple(
        (
            Cell(
                titles.get(str(row.indicator_id), str(row.indicator_id)), link=str(row.indicator_id)
            ),
            Cell("" if row.region is None else str(row.region)),
            Cell(str(row.period)),
            Cell(str(row.value)),
            Cell(str(row.message)),
        )
        for row in warnings.itertuples(index=False)
    )
    count = len(rows)
    note = (
        READING.say("warnings_lead", lang, count=count)
        if count
        else READING.say("warnings_none", lang)
    )
    header = (
        text.indicator,
        text.region,
        text.period,
        READING.say("warning_value", lang),
        READING.say("warning_message", lang),
    )
    return Table("warnings", READING.say("warnings_heading", lang), header, rows, note)


def _filters(prepared: Prepared, lang: Language) -> tuple[Filter, ...]:
    """The report's filters: status, region, plan section, responsible unit."""
    indicators = prepared.indicators.values()
    sections = dict.fromkeys(indicator.section for indicator in indicators)
    units = dict.fromkeys(unit for i in indicators for unit in i.responsible.units)
    return (
        Filter(
            "status",
            READING.say("filter_status", lang),
            tuple((s.value, status_word(s.value, lang)) for s in Status),
        ),
        Filter(
            "region",
            READING.say("filter_region", lang),
            tuple((r, r) for r in prepared.regions),
        ),
        Filter(
            "section",
            READING.say("filter_section", lang),
            tuple((s, section_heading(s, lang, prepared.plan)) for s in sections),
        ),
        Filter("unit", READING.say("filter_unit", lang), tuple((u, u) for u in units)),
    )


def _inputs_table(result: Evaluation, text: Words, lang: Language) -> Table:
    """Every input number used, as given, with its unit and the template's label."""
    inputs = result.inputs()
    labels: dict[str, str] = {}
    worded_units: dict[str, str] = {}  # a kind that words its input's unit (a year built)
    for indicator in result.indicators:
        input_unit = kind_entry(indicator, "input_unit", lang)
        for item in indicator.inputs:
            label = item.label_en if lang == "en" and item.label_en else item.label_zh
            labels.setdefault(item.name, label)
            if input_unit is not None:
                worded_units.setdefault(item.name, input_unit)
    region = inputs["region"].astype(object)
    regions = region.where(region.notna(), text.no_region).astype(str).tolist()
    values = inputs["value"].to_numpy(dtype=np.float64)
    rows = tuple(
        (
            Cell(variable),
            Cell(labels.get(variable, "")),
            Cell(region_label),
            Cell(str(period), period),
            Cell(_as_given(value), value, numeric=True),
            Cell(worded_units.get(variable, unit)),
        )
        for variable, region_label, period, value, unit in zip(
            inputs["variable"].astype(str).tolist(),
            regions,
            inputs["period"].tolist(),
            values.tolist(),
            _unit_names(inputs["unit"], lang),
            strict=True,
        )
    )
    header = (text.variable, text.label, text.region, text.period, text.value, text.given_unit)
    return Table("inputs", text.inputs, header, rows, text.inputs_note)


def _inputs_wide(result: Evaluation, prepared: Prepared, text: Words, lang: Language) -> Table:
    """The inputs for reading: one row per variable and region, one column per period."""
    long = _inputs_table(result, text, lang)
    periods = prepared.periods
    column = {period: j for j, period in enumerate(periods)}
    grid: dict[tuple[str, str, str, str], list[Cell]] = {}
    for variable, label, region, period, value, unit in long.rows:
        cells = grid.setdefault(
            (variable.text, label.text, region.text, unit.text), [Cell("")] * len(periods)
        )
        cells[column[period.text]] = value
    header = (text.variable, text.label, text.region, text.given_unit, *periods)
    rows = tuple(
        (Cell(variable), Cell(label), Cell(region), Cell(unit), *cells)
        for (variable, label, region, unit), cells in grid.items()
    )
    return Table("inputs", text.inputs, header, rows, text.inputs_note)


def _unit_names(units: pd.Series, lang: Language) -> list[str]:
    """Each unit's display name (``"meter ** 2"`` → ``"平方米"``), looked up once per unit."""
    given = units.astype(str).tolist()
    names = {unit: unit_name(unit, lang) for unit in set(given)}
    return [names[unit] for unit in given]


def _as_given(value: float) -> str:
    """A number as written: no trailing zeros, no exponent.

    >>> _as_given(20.0), _as_given(0.0357), _as_given(281710000000.0)
    ('20', '0.0357', '281710000000')
    """
    return str(np.format_float_positional(value, trim="-"))


def _assessments_table(frame: pd.DataFrame, separator: str) -> Table:
    """The assessments with :data:`~xmqc_kpi.results.FRAME_COLUMNS`, as plain cell values.

    A list (the responsible units) becomes one text, its items joined by ``separator``.
    """
    columns = [[_plain(v, separator) for v in frame[name].tolist()] for name in FRAME_COLUMNS]
    rows = tuple(
        tuple(Cell("" if value is None else str(value), value) for value in row)
        for row in zip(*columns, strict=True)
    )
    return Table("assessments", "assessments", FRAME_COLUMNS, rows)


def _plain(value: object, separator: str) -> object:
    """A spreadsheet-ready value: ``None`` for missing, Python scalars for numpy ones.

    >>> _plain(np.int64(3), "、"), _plain(("市质监局", "各区政府"), "、"), _plain(np.nan, "、")
    (3, '市质监局、各区政府', None)
    """
    if isinstance(value, tuple | list):
        return separator.join(str(item) for item in value)
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value
