"""The evaluation report as a workbook a user sorts and filters.

Six table sheets, each laid out by :mod:`._sheets` (headers in the report's language, fitted
widths, autofilter, frozen header): the status counts (汇总), the deadlines (期限), the status
matrix (状态矩阵: one row per period and indicator, each region's value as a number in its
unit, coloured by status; the period a number where it is a year), every assessment (评价结果:
the columns of :meth:`~xmqc_kpi.Evaluation.to_frame`, values and targets numeric with their
unit beside them, statuses worded and coloured), the inputs (输入数据) and the provenance
(来源: library, catalog and its hash, data file and its hash, date, language). Built from the
evaluation itself, so it holds every assessment whatever the HTML shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..indicator import Indicator
from ..results import Evaluation, Status
from ..text import Language
from ..text.numbers import pair_decimals
from ..text.spreadsheets import COLUMNS, SHEETS, SPREADSHEET
from ..text.statuses import reason_word, status_word
from ..text.units import unit_name
from ..units import UnitError, normalise_unit
from ._evaluation_frame import period_order
from ._sheets import Sheet, Styled, add_sheet, new_workbook, unit_format, workbook_bytes
from ._threshold_text import section_heading

if TYPE_CHECKING:
    from .evaluation_report import EvaluationSource

__all__ = ["render_xlsx"]

_STATUSES = tuple(status.value for status in Status)
#: Columns shown as numbers in the indicator's unit.
_IN_UNIT = frozenset({"value", "threshold", "margin", "ci_low", "ci_high"})
#: Columns holding a yes / no.
_FLAGS = frozenset({"conclusive", "direct", "due", "equals_threshold"})


def render_xlsx(source: EvaluationSource) -> bytes:
    """The workbook: summary, deadlines, matrix, assessments and inputs sheets."""
    result, lang = source.result, source.lang
    frame = result.to_frame(lang)
    formats = _row_formats(result, frame, lang)
    workbook = new_workbook()
    for sheet in (
        _summary(result, lang),
        _deadlines(frame, lang),
        _matrix(result, frame, formats, lang),
        _assessments(frame, formats, lang),
        _inputs(result, lang),
        _provenance(result, lang),
    ):
        add_sheet(workbook, sheet)
    if source.title is not None:
        workbook.properties.title = source.title
    return workbook_bytes(workbook)


def _row_formats(result: Evaluation, frame: pd.DataFrame, lang: Language) -> list[str]:
    """Each assessment's number format: its unit, and decimals enough to read truly.

    95.996 % is shown as 95.996 %, never as 96.00 % beside a target of 96 %.
    """
    declared = {i.id: (i.unit, i.decimals) for i in result.indicators}
    ids = frame["indicator_id"].astype(str).tolist()
    decimals = pair_decimals(
        frame["value"].to_numpy(dtype=np.float64),
        frame["threshold"].to_numpy(dtype=np.float64),
        np.array([declared[i][1] for i in ids], dtype=np.int64),
        equal=frame["equals_threshold"].to_numpy(dtype=bool),
    ).tolist()
    known: dict[tuple[str, int], str] = {}
    return [
        known.setdefault((i, d), unit_format(declared[i][0], lang, decimals=d))
        for i, d in zip(ids, decimals, strict=True)
    ]


def _header(key: str, lang: Language) -> str:
    """A column's header; a column added to the frame later is headed by its name."""
    return COLUMNS.say(key, lang) if key in COLUMNS else key


def _status_cells(counts: Sequence[int]) -> list[object]:
    """Status counts, each coloured by its status unless zero, then their total."""
    cells: list[object] = [
        Styled(int(n), status=status if n else None)
        for n, status in zip(counts, _STATUSES, strict=True)
    ]
    return [*cells, int(sum(counts))]


def _status_header(lang: Language) -> list[str]:
    return [*(status_word(s, lang) for s in _STATUSES), COLUMNS.say("total", lang)]


def _summary(result: Evaluation, lang: Language) -> Sheet:
    """Status counts overall, by plan section (as the plan heads it), by unit and by region."""
    rows: list[list[object]] = []
    overall = result.summary().reindex(columns=list(_STATUSES), fill_value=0)
    rows.append([SPREADSHEET.say("all", lang), "", *_status_cells(overall.iloc[0].tolist())])
    for by in ("section", "responsible", "region"):
        grouping = SPREADSHEET.say("by", lang, key=SPREADSHEET.say(f"by_{by}", lang))
        counts = result.summary(by=by).reindex(columns=list(_STATUSES), fill_value=0)
        for key, values in zip(counts.index, counts.to_numpy().tolist(), strict=True):
            group = _key_text(key, "no_region", lang)
            if by == "section":  # as the plan heads it: 「5 显著提高产品质量」
                group = section_heading(str(key), lang, result.plan)
            rows.append([grouping, group, *_status_cells(values)])
    header = [COLUMNS.say("grouping", lang), COLUMNS.say("group", lang), *_status_header(lang)]
    return Sheet(SHEETS.say("summary", lang), header, rows)


def _key_text(key: object, missing: str, lang: Language) -> object:
    """A group key as a cell: missing keys worded, numpy scalars plain."""
    if key is None or key is pd.NA or (isinstance(key, float) and np.isnan(key)):
        return SPREADSHEET.say(missing, lang)
    return key.item() if isinstance(key, np.generic) else key


def _deadlines(frame: pd.DataFrame, lang: Language) -> Sheet:
    """Per deadline: how many indicators, whether it has passed, the status counts."""
    no_deadline = SPREADSHEET.say("no_deadline", lang)
    deadline = frame["deadline"].astype(object)
    keys = deadline.where(deadline.notna(), no_deadline).astype(str)
    order = sorted(set(keys), key=lambda text: (text == no_deadline, text))
    counts = pd.crosstab(keys, frame["status"].astype(str)).reindex(
        index=order, columns=list(_STATUSES), fill_value=0
    )
    indicators = frame.groupby(keys, sort=False)["indicator_id"].nunique()
    due = frame.groupby(keys, sort=False)["due"].first()
    rows = [
        [name, int(indicators[name]), _flag(due[name], lang), *_status_cells(values)]
        for name, values in zip(order, counts.to_numpy().tolist(), strict=True)
    ]
    header = [
        COLUMNS.say("deadline", lang),
        COLUMNS.say("indicators", lang),
        COLUMNS.say("due", lang),
        *_status_header(lang),
    ]
    return Sheet(SHEETS.say("deadlines", lang), header, rows)


def _flag(value: object, lang: Language) -> str | None:
    """A yes / no cell; empty when unknown."""
    if value is None or value is pd.NA:
        return None
    return SPREADSHEET.say("yes" if bool(value) else "no", lang)


def _period(value: object) -> object:
    """A period as a cell: a year stays a number, anything else is text."""
    if isinstance(value, np.integer | int) and not isinstance(value, bool):
        return int(value)
    return str(value)


def _region_labels(frame: pd.DataFrame, lang: Language) -> list[str]:
    region = frame["region"].astype(object)
    return region.where(region.notna(), SPREADSHEET.say("no_region", lang)).astype(str).tolist()


def _matrix(result: Evaluation, frame: pd.DataFrame, formats: list[str], lang: Language) -> Sheet:
    """One row per period (latest first) and indicator; one column per region.

    A cell is the value in the indicator's unit, coloured by status; an assessment without a
    value shows its status word, coloured the same way.
    """
    regions = _region_labels(frame, lang)
    periods = [str(p) for p in frame["period"].tolist()]
    cells = {
        (str(indicator), region, period): (
            Styled(value, fmt, status=str(status))
            if not np.isnan(value)
            else Styled(status_word(str(status), lang), status=str(status))
        )
        for indicator, region, period, value, status, fmt in zip(
            frame["indicator_id"].astype(str),
            regions,
            periods,
            frame["value"].to_numpy(dtype=np.float64).tolist(),
            frame["status"].astype(str),
            formats,
            strict=True,
        )
    }
    columns = list(dict.fromkeys(regions))
    period_values = {str(p): p for p in frame["period"].tolist()}
    present = {(key[0], key[2]) for key in cells}
    titles = dict(zip(frame["indicator_id"].astype(str), frame["title"], strict=False))
    rows = [
        [
            _period(period_values[period]),
            indicator.id,
            titles[indicator.id],
            *(cells.get((indicator.id, region, period)) for region in columns),
        ]
        for period in reversed(period_order(frame["period"].tolist()))
        for indicator in result.indicators
        if (indicator.id, period) in present
    ]
    header = [
        COLUMNS.say("period", lang),
        COLUMNS.say("indicator_id", lang),
        COLUMNS.say("title", lang),
        *columns,
    ]
    return Sheet(SHEETS.say("matrix", lang), header, rows, max_width=40)


def _assessments(frame: pd.DataFrame, formats: list[str], lang: Language) -> Sheet:
    """Every assessment, with the threshold numeric and the unit in the column beside it."""
    order = [c for c in frame.columns if c != "unit"]
    order.insert(order.index("threshold") + 1 if "threshold" in order else len(order), "unit")
    separator = SPREADSHEET.say("list_separator", lang)
    columns: list[list[object]] = []
    for name in order:
        values = frame[name].astype(object).tolist()
        cell = _cell_maker(name, lang, separator)
        if name in _IN_UNIT:
            columns.append([Styled(v, f) for v, f in zip(values, formats, strict=True)])
        else:
            columns.append([cell(v) for v in values])
    rows = [list(row) for row in zip(*columns, strict=True)]
    return Sheet(SHEETS.say("assessments", lang), [_header(c, lang) for c in order], rows)


def _cell_maker(name: str, lang: Language, separator: str) -> Callable[[Any], object]:
    """How a column's values become cells (worded codes, yes / no, plain numbers)."""
    if name == "status":
        return lambda v: Styled(status_word(str(v), lang), status=str(v))
    if name == "reason":
        return lambda v: None if _missing(v) else reason_word(str(v), lang)
    if name == "unit":
        return lambda v: _unit_text(str(v), lang)
    if name in _FLAGS:
        return lambda v: None if _missing(v) else _flag(v, lang)
    if name == "period":
        return _period
    if name == "attention":
        return lambda v: (
            None
            if _missing(v)
            else SPREADSHEET.say(str(v), lang)
            if str(v) in SPREADSHEET
            else str(v)
        )
    if name == "responsible":
        return lambda v: separator.join(map(str, v)) if isinstance(v, tuple | list) else v
    return lambda v: None if _missing(v) else v


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))


def _unit_text(unit: str, lang: Language) -> str:
    """A unit's name as a reader writes it (``平方米``, never ``meter ** 2``)."""
    try:
        return unit_name(normalise_unit(unit), lang)
    except UnitError:
        return unit


def _inputs(result: Evaluation, lang: Language) -> Sheet:
    """Every input number used, as given, in its unit, with the template's label."""
    inputs = result.inputs()
    labels = _input_labels(result.indicators, lang)
    units = inputs["unit"].astype(str).tolist()
    known = {unit: (_input_format(unit, lang), _unit_text(unit, lang)) for unit in set(units)}
    rows = [
        [
            variable,
            labels.get(variable, ""),
            region,
            _period(period),
            Styled(value, known[unit][0]),
            known[unit][1],
        ]
        for variable, region, period, value, unit in zip(
            inputs["variable"].astype(str).tolist(),
            _region_labels(inputs, lang),
            inputs["period"].tolist(),
            inputs["value"].to_numpy(dtype=np.float64).tolist(),
            units,
            strict=True,
        )
    ]
    header = [
        COLUMNS.say(key, lang) for key in ("variable", "label", "region", "period", "value", "unit")
    ]
    return Sheet(SHEETS.say("inputs", lang), header, rows)


def _provenance(result: Evaluation, lang: Language) -> Sheet:
    """Which library, catalog (and its hash), data file (and its hash), date and language."""
    from ..payload import provenance
    from ._provenance import provenance_rows

    header = [COLUMNS.say("fact", lang), COLUMNS.say("fact_value", lang)]
    rows = [list(pair) for pair in provenance_rows(provenance(result, lang))]
    return Sheet(SHEETS.say("provenance", lang), header, rows)


def _input_format(unit: str, lang: Language) -> str | None:
    """The number format of an input's unit as given (General: the number as written)."""
    try:
        return unit_format(unit, lang)
    except UnitError:
        return None


def _input_labels(indicators: Sequence[Indicator], lang: Language) -> dict[str, str]:
    labels: dict[str, str] = {}
    for indicator in indicators:
        for item in indicator.inputs:
            label = item.label_en if lang == "en" and item.label_en else item.label_zh
            labels.setdefault(item.name, label)
    return labels
