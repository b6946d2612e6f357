"""The chart of progress toward the deadline: each region's path against the target line.

For an indicator with a deadline whose assessments carry a projection (see
:mod:`xmqc_kpi.progress`), the report draws the values by period on a time axis (a period at
its last month), the target line, the deadline, and for each region a dashed line from the
latest period assessed for progress to the value its observed pace reaches at the deadline.
Without a deadline, or without any projection, there is no such chart.

>>> period_month("2013"), period_month("2014Q2"), period_month("不是期间")
(24168.0, 24174.0, None)
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..indicator import Indicator
from ..progress import deadline_month
from ..text import Language
from ..text.numbers import format_number
from ..text.progress import PROGRESS_STATUS
from ..text.report_print import PROGRESS_CHART
from .svg import ProgressChart, Track

__all__ = ["period_month", "progress_chart_of"]

_MONTHS = 12


def period_month(label: str) -> float | None:
    """A period's last month as ``year × 12 + month`` (``None``: not a calendar period)."""
    try:
        end = pd.Period(label).end_time
    except (ValueError, TypeError):
        return None
    return float(end.year * _MONTHS + end.month)


def progress_chart_of(
    indicator: Indicator,
    periods: tuple[str, ...],
    regions: tuple[str, ...],
    grids: tuple[
        npt.NDArray[np.float64],
        npt.NDArray[np.object_],
        npt.NDArray[np.float64],
        npt.NDArray[np.object_],
    ],
    *,
    target_label: str,
    axis_label: str,
    status_labels: tuple[tuple[str, str], ...],
    lang: Language,
) -> ProgressChart | None:
    """The progress chart of one indicator, or ``None`` when it has no projection to draw.

    ``grids`` are region × period grids of the value, the status, the projected value at the
    deadline and the progress status (``""`` where none), in the report's orders.
    """
    values, statuses, projected, progress = grids
    months = [period_month(label) for label in periods]
    if indicator.deadline is None or not np.isfinite(projected).any() or None in months:
        return None
    times = tuple(float(m) for m in months if m is not None)
    deadline = float(deadline_month(indicator.deadline))
    target = indicator.threshold.target(indicator.unit)
    tracks = []
    sentences = []
    for r, region in enumerate(regions):
        known = np.flatnonzero(np.isfinite(projected[r]))
        start = end = None
        if len(known):
            p = int(known[-1])
            start, end = (times[p], float(values[r, p])), (deadline, float(projected[r, p]))
            sentences.append(
                PROGRESS_CHART.say(
                    "track",
                    lang,
                    region=region,
                    period=periods[p],
                    value=_number(values[r, p], indicator, lang),
                    projected=_number(projected[r, p], indicator, lang),
                    progress=PROGRESS_STATUS.say(str(progress[r, p]), lang),
                )
            )
        row = tuple(float(v) for v in values[r])
        tracks.append(Track(region, times, row, tuple(map(str, statuses[r])), start, end))
    described = PROGRESS_CHART.say("track_separator", lang).join(sentences)
    fields = {"deadline": indicator.deadline, "tracks": described + PROGRESS_CHART.say("end", lang)}
    if target is None:
        description = PROGRESS_CHART.say("description_trend", lang, **fields)
    else:
        description = PROGRESS_CHART.say(
            "description", lang, target=_number(float(target), indicator, lang), **fields
        )
    title = indicator.title_zh if lang == "zh" else indicator.title_en
    return ProgressChart(
        title=PROGRESS_CHART.say("title", lang, title=title, deadline=indicator.deadline),
        description=description,
        time_labels=tuple(zip(times, periods, strict=True)),
        tracks=tuple(tracks),
        deadline=deadline,
        deadline_label=PROGRESS_CHART.say("deadline", lang, deadline=indicator.deadline),
        target=math.nan if target is None else float(target),
        target_text="" if target is None else _number(float(target), indicator, lang),
        target_label=target_label if target is not None else "",
        projection_label=PROGRESS_CHART.say("projection", lang),
        axis_label=axis_label,
        status_labels=status_labels,
    )


def _number(value: float, indicator: Indicator, lang: Language) -> str:
    return format_number(float(value), indicator.unit, decimals=indicator.decimals, lang=lang)
