"""The per-indicator blocks (facts, table, chart specifications) and the status matrices."""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..indicator import Indicator
from ..plan import Plan
from ..results import Language, Status
from ..text.report_print import READING
from ..text.statuses import status_word
from ..text.units import unit_suffix
from ._evaluation_frame import Prepared
from ._evaluation_model import Cell, Folded, IndicatorBlock, Table
from ._evaluation_progress import progress_chart_of
from ._evaluation_text import Words, reference_header, reference_of
from ._threshold_text import clause_text, section_heading
from ._threshold_text import threshold_text as threshold_words
from .svg import Chart, ProgressChart, Series, dot_chart, line_chart, progress_chart

__all__ = [
    "chart_svg",
    "indicator_blocks",
    "matrices",
    "short_threshold",
    "threshold_text",
    "title_of",
]

ChartKind = Literal["dots", "lines", "progress"]


def title_of(indicator: Indicator, lang: Language) -> str:
    """The indicator's title in ``lang``."""
    return indicator.title_zh if lang == "zh" else indicator.title_en


def threshold_text(indicator: Indicator, lang: Language) -> str:
    """The threshold in words, as the threshold report writes it (one source of wording).

    >>> from xmqc_kpi import catalog
    >>> threshold_text(catalog()["national_sampling_pass_rate"], "en")
    '≥ 94% (the number itself meets it)'
    """
    return threshold_words(indicator, lang).text


def short_threshold(indicator: Indicator, lang: Language) -> str:
    """The comparison and target alone, for a chart's legend: ``"≥ 94 %"``."""
    words = threshold_words(indicator, lang)
    return f"{words.symbol} {words.target}"


def indicator_blocks(
    prepared: Prepared, words: Words, lang: Language
) -> tuple[IndicatorBlock, ...]:
    """One block per evaluated indicator, in the evaluation's order."""
    frame = prepared.frame
    columns = {
        name: frame[name].to_numpy(dtype=object)
        for name in (
            "region_label",
            "period_label",
            "value_text",
            "threshold_text",
            "margin_text",
            "interval_text",
            "rank_text",
            "status",
            "status_text",
            "explanation",
            "due",
            "attention_text",
            "progress_code",
        )
    }
    numbers = {
        "value": frame["value"].to_numpy(dtype=np.float64),
        "threshold": frame["threshold"].to_numpy(dtype=np.float64),
        "rank": frame["rank"].to_numpy(dtype=np.float64, na_value=np.nan),
        "cutoff_rank": frame["cutoff_rank"].to_numpy(dtype=np.float64, na_value=np.nan),
        "projected": frame["projected"].to_numpy(dtype=np.float64),
    }
    positions = frame.groupby("indicator_id", observed=True, sort=False).indices
    empty = np.zeros(0, dtype=np.intp)
    return tuple(
        _block(
            indicator,
            {name: column[rows] for name, column in columns.items()},
            {name: column[rows] for name, column in numbers.items()},
            prepared,
            words,
            lang,
        )
        for indicator in prepared.indicators.values()
        for rows in [positions.get(indicator.id, empty)]
    )


def _block(
    indicator: Indicator,
    texts: dict[str, npt.NDArray[np.object_]],
    numbers: dict[str, npt.NDArray[np.float64]],
    prepared: Prepared,
    words: Words,
    lang: Language,
) -> IndicatorBlock:
    return IndicatorBlock(
        id=indicator.id,
        heading=title_of(indicator, lang),
        headline=headline(texts["status"], texts["period_label"], prepared.periods, lang),
        facts=_facts(indicator, texts, words, lang, prepared.plan),
        quote=indicator.quote,
        table=_table(indicator, texts, words, lang),
        charts=_charts(indicator, texts, numbers, prepared, words, lang),
        tags={
            "section": indicator.section,
            "unit": TAG_SEPARATOR.join(indicator.responsible.units),
        },
    )


#: Joins the several values of one filter tag (a block's units, a folded line's regions).
TAG_SEPARATOR = "|"


def headline(
    statuses: npt.NDArray[np.object_],
    periods: npt.NDArray[np.object_],
    order: tuple[str, ...],
    lang: Language,
) -> str:
    """How the regions did in the latest period with a verdict (else the latest period).

    >>> s = np.array(["met", "met", "not_met", "insufficient_data", "met"], dtype=object)
    >>> p = np.array(["2014", "2015", "2015", "2015", "2015"], dtype=object)
    >>> headline(s, p, ("2014", "2015"), "zh")
    '2015 年：3 个地区中 2 个达标，1 个未达标；1 个地区缺少数据'
    >>> headline(s[:1], p[:1], ("2014",), "en")
    '2014: 1 of 1 regions met, 0 not met'
    """
    if len(statuses) == 0:
        return READING.say("headline_no_rows", lang)
    judged = np.isin(statuses, ["met", "not_met"])
    with_verdict = [p for p in order if (judged & (periods == p)).any()]
    present = [p for p in order if (periods == p).any()]
    period = (with_verdict or present)[-1]
    here = statuses[periods == period]
    count = {s.value: int((here == s.value).sum()) for s in Status}
    parts = []
    if count["met"] + count["not_met"]:
        parts.append(
            READING.say(
                "headline_regions",
                lang,
                regions=count["met"] + count["not_met"],
                met=count["met"],
                not_met=count["not_met"],
            )
        )
    if count["insufficient_data"]:
        parts.append(READING.say("headline_missing", lang, count=count["insufficient_data"]))
    if count["not_assessed"]:
        parts.append(READING.say("headline_not_assessed", lang, count=count["not_assessed"]))
    text = READING.say("headline_separator", lang).join(parts)
    return READING.say("headline_period", lang, period=period, text=text)


def _facts(
    indicator: Indicator,
    texts: dict[str, npt.NDArray[np.object_]],
    words: Words,
    lang: Language,
    plan: Plan | None,
) -> tuple[tuple[str, str], ...]:
    clause = indicator.clause
    names = None if plan is None else plan.clause_words
    where = clause_text(clause, lang, names)  # as the threshold report words it, as the plan
    responsible = indicator.responsible
    units = words.list_separator.join(responsible.units)
    if responsible.inherited_from is not None:
        units += words.inherited.format(row=responsible.inherited_from)
    facts = [
        (words.id, indicator.id),
        (words.clause, where),
        (words.section, section_heading(indicator.section, lang, plan)),
        (words.threshold, threshold_text(indicator, lang)),
        (words.deadline, _deadline_text(indicator, texts, words)),
        (words.responsible, units),
    ]
    note = indicator.interpretation_text(lang)
    if note:
        facts.insert(4, (words.interpretation, note))
    return tuple(facts)


def _deadline_text(
    indicator: Indicator, texts: dict[str, npt.NDArray[np.object_]], words: Words
) -> str:
    """The deadline and, when there is an evaluation date, whether it has passed."""
    if indicator.deadline is None:
        return words.no_deadline
    due = texts["due"][0] if len(texts["due"]) else pd.NA
    if due is pd.NA:
        return indicator.deadline
    state = words.passed if bool(due) else words.not_passed
    return words.deadline_state.format(deadline=indicator.deadline, state=state)


def _table(
    indicator: Indicator, texts: dict[str, npt.NDArray[np.object_]], words: Words, lang: Language
) -> Table:
    reference = reference_of(indicator.threshold)
    unit = unit_suffix(indicator.unit, lang).strip()
    value_header = words.say("value_in", unit=unit) if unit else words.value
    extra: list[tuple[str, str]] = []
    if any(texts["interval_text"]):
        extra.append((words.interval, "interval_text"))
    if reference == "cutoff":
        extra.append((words.rank, "rank_text"))
    header = (
        words.region,
        words.period,
        value_header,
        reference_header(words, indicator.threshold),
        words.margin,
        *(title for title, _ in extra),
        words.status,
        words.explanation,
    )
    status = texts["status"]
    shown = np.flatnonzero(status != "insufficient_data")
    rows = tuple(
        (
            Cell(str(texts["region_label"][i])),
            Cell(str(texts["period_label"][i])),
            Cell(str(texts["value_text"][i]), numeric=True),
            Cell(str(texts["threshold_text"][i]) if reference != "none" else "—", numeric=True),
            Cell(str(texts["margin_text"][i]), numeric=True),
            *(Cell(str(texts[column][i]), numeric=True) for _, column in extra),
            Cell(_status_text(texts, i, lang), status=str(status[i])),
            Cell(str(texts["explanation"][i])),
        )
        for i in shown.tolist()
    )
    tags = tuple({"status": str(status[i]), "region": str(texts["region_label"][i])} for i in shown)
    return Table(
        f"table-{indicator.id}",
        "",
        header,
        rows,
        tags=tags,
        folded=_folded(texts, np.flatnonzero(status == "insufficient_data"), words, lang),
    )


def _status_text(texts: dict[str, npt.NDArray[np.object_]], i: int, lang: Language) -> str:
    """The status word, with the attention flag when the value is near the threshold."""
    attention = str(texts["attention_text"][i])
    status = str(texts["status_text"][i])
    if not attention:
        return status
    return READING.say("with_attention", lang, status=status, attention=attention)


def _folded(
    texts: dict[str, npt.NDArray[np.object_]],
    rows: npt.NDArray[np.intp],
    words: Words,
    lang: Language,
) -> tuple[Folded, ...]:
    """Rows lacking data, one line per explanation (it names what is missing)."""
    groups: dict[str, list[int]] = {}
    for i in rows.tolist():
        groups.setdefault(str(texts["explanation"][i]), []).append(i)
    separator = words.list_separator
    return tuple(
        Folded(
            "insufficient_data",
            READING.say(
                "collapsed",
                lang,
                count=len(members),
                explanation=explanation,
                regions=separator.join(regions),
                periods=separator.join(periods),
            ),
            {"status": "insufficient_data", "region": TAG_SEPARATOR.join(regions)},
        )
        for explanation, members in groups.items()
        for regions in [list(dict.fromkeys(str(texts["region_label"][i]) for i in members))]
        for periods in [sorted({str(texts["period_label"][i]) for i in members})]
    )


def chart_svg(kind: ChartKind, chart: Chart | ProgressChart) -> str:
    """A chart of a block drawn as SVG: dots across regions, lines or progress over time."""
    if isinstance(chart, ProgressChart):
        return progress_chart(chart)
    return dot_chart(chart) if kind == "dots" else line_chart(chart)


def _charts(
    indicator: Indicator,
    texts: dict[str, npt.NDArray[np.object_]],
    numbers: dict[str, npt.NDArray[np.float64]],
    prepared: Prepared,
    words: Words,
    lang: Language,
) -> tuple[tuple[ChartKind, Chart | ProgressChart], ...]:
    """A dot chart across regions (latest period with data), then lines across periods.

    Where there is progress toward the deadline, the lines are the progress chart: the same
    paths on a time axis, with the deadline and each region's projection.
    """
    reference = reference_of(indicator.threshold)
    ranked = reference == "cutoff"
    value_grid, status_grid = _grids(
        numbers["rank" if ranked else "value"], texts["status"], texts, prepared
    )
    reference_grid, _ = _grids(
        numbers["cutoff_rank" if ranked else "threshold"], texts["status"], texts, prepared
    )
    # a fixed target, a benchmark or a cut-off is drawn; the previous value is not
    drawn = reference in ("target", "benchmark", "cutoff")
    title = title_of(indicator, lang)
    common: dict[str, Any] = {
        "reference_label": _reference_label(indicator, words, lang) if drawn else "",
        "axis_label": words.rank_axis if ranked else unit_suffix(indicator.unit, lang).strip(),
        "decimals": 0 if ranked else indicator.decimals,
        "reversed_axis": ranked,
        "status_labels": tuple((s.value, status_word(s.value, lang)) for s in Status),
        "no_data_label": words.no_data,
    }
    with_data = np.flatnonzero(np.isfinite(value_grid).any(axis=0))
    latest = int(with_data[-1]) if len(with_data) else len(prepared.periods) - 1
    period = prepared.periods[latest] if prepared.periods else ""
    dots = Chart(
        title=words.chart_regions.format(title=title, period=period),
        categories=prepared.regions,
        series=(Series(period, _floats(value_grid[:, latest]), _strs(status_grid[:, latest])),)
        if prepared.periods
        else (),
        reference=_floats(reference_grid[:, latest]) if drawn and prepared.periods else (),
        **common,
    )
    charts: list[tuple[ChartKind, Chart | ProgressChart]] = [("dots", dots)]
    projected_grid, progress_grid = _grids(
        numbers["projected"], texts["progress_code"], texts, prepared
    )
    progress = progress_chart_of(
        indicator,
        prepared.periods,
        prepared.regions,
        (value_grid, status_grid, projected_grid, progress_grid),
        target_label=common["reference_label"],
        axis_label=common["axis_label"],
        status_labels=common["status_labels"],
        lang=lang,
    )
    if progress is not None:  # the path across periods, with the deadline and projections
        charts.append(("progress", progress))
    elif len(prepared.periods) > 1:
        lines = Chart(
            title=words.chart_periods.format(title=title),
            categories=prepared.periods,
            series=tuple(
                Series(region, _floats(value_grid[r]), _strs(status_grid[r]))
                for r, region in enumerate(prepared.regions)
            ),
            reference=tuple(
                _common_value(reference_grid[:, p]) for p in range(len(prepared.periods))
            )
            if drawn
            else (),
            **common,
        )
        charts.append(("lines", lines))
    return tuple(charts)


def _grids(
    values: npt.NDArray[np.float64],
    statuses: npt.NDArray[np.object_],
    texts: dict[str, npt.NDArray[np.object_]],
    prepared: Prepared,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.object_]]:
    """Values and statuses as region × period grids (NaN and ``""`` where there is no row)."""
    shape = (len(prepared.regions), len(prepared.periods))
    region_index = {region: i for i, region in enumerate(prepared.regions)}
    period_index = {period: j for j, period in enumerate(prepared.periods)}
    rows = [region_index[r] for r in texts["region_label"]]
    columns = [period_index[p] for p in texts["period_label"]]
    value_grid = np.full(shape, np.nan)
    status_grid = np.full(shape, "", dtype=object)
    value_grid[rows, columns] = values
    status_grid[rows, columns] = statuses
    return value_grid, status_grid


def _common_value(values: npt.NDArray[np.float64]) -> float:
    """The one finite value of a column, or NaN when there is none or they differ."""
    finite = np.unique(values[np.isfinite(values)])
    return float(finite[0]) if len(finite) == 1 else math.nan


def _floats(values: npt.NDArray[np.float64]) -> tuple[float, ...]:
    return tuple(float(v) for v in values)


def _strs(values: npt.NDArray[np.object_]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


def _reference_label(indicator: Indicator, words: Words, lang: Language) -> str:
    reference = reference_of(indicator.threshold)
    if reference == "cutoff":
        return words.cutoff_rank
    if reference == "benchmark":
        return reference_header(words, indicator.threshold)
    return f"{words.threshold} {short_threshold(indicator, lang)}"


def matrices(prepared: Prepared, words: Words, lang: Language) -> tuple[Table, ...]:
    """One region × indicator status matrix per period, the most recent first."""
    frame = prepared.frame
    keys = zip(
        frame["indicator_id"].astype(str),
        frame["region_label"],
        frame["period_label"],
        strict=True,
    )
    cells = dict(
        zip(
            keys,
            (
                Cell(text, status=status)
                for text, status in zip(frame["cell_text"], frame["status"], strict=True)
            ),
            strict=True,
        )
    )
    blank = Cell("")
    header = (words.indicator, *prepared.regions)
    return tuple(
        Table(
            f"matrix-{period}",
            words.matrix_period.format(period=period),
            header,
            tuple(
                (
                    Cell(title_of(indicator, lang), link=indicator.id),
                    *(
                        cells.get((indicator.id, region, period), blank)
                        for region in prepared.regions
                    ),
                )
                for indicator in prepared.indicators.values()
            ),
            label=period,
        )
        for period in reversed(prepared.periods)
    )
