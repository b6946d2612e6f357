"""Rich display in Jupyter: compact HTML for evaluations, assessments, indicators and catalogs.

Each ``_repr_html_`` of the public classes calls one function here, so the classes stay
small and the markup lives in one place. Every text is escaped (a region named
``<script>`` shows as text) and the status colours are those of the reports.

>>> import xmqc_kpi as kpi
>>> html = indicator_html(kpi.catalog()["municipal_sampling_pass_rate"])
>>> "≥ 96" in html and "5.1.2" in html
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from .reports._markup import STATUS_COLOURS, escape
from .reports._threshold_text import threshold_text
from .results import Language, Status

if TYPE_CHECKING:
    from .indicator import Indicator
    from .results import Assessment, Evaluation

__all__ = [
    "Figure",
    "assessment_html",
    "catalog_html",
    "evaluation_html",
    "indicator_html",
]

#: Rows an evaluation shows inline; the rest is counted, not drawn.
MAX_ROWS = 20

_STATUS_WORDS: dict[Language, dict[str, str]] = {
    "zh": {
        "met": "达标",
        "not_met": "未达标",
        "insufficient_data": "数据不足",
        "not_assessed": "仅监测",
    },
    "en": {
        "met": "met",
        "not_met": "not met",
        "insufficient_data": "insufficient data",
        "not_assessed": "not assessed",
    },
}
_CELL = "padding:2px 6px;border:1px solid #d0d7de;text-align:left;vertical-align:top"


def _badge(status: str, lang: Language, count: int | None = None) -> str:
    text = _STATUS_WORDS[lang].get(status, status)
    if count is not None:
        text = f"{text} {count}"
    colour = STATUS_COLOURS.get(status, "#ffffff")
    return (
        f'<span style="background:{colour};padding:1px 6px;border-radius:3px;'
        f'margin-right:4px">{escape(text)}</span>'
    )


def _table(header: Iterable[str], rows: Iterable[str]) -> str:
    head = "".join(f'<th style="{_CELL}">{escape(h)}</th>' for h in header)
    return (
        '<table style="border-collapse:collapse;font-size:90%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _number(value: object, decimals: int = 2) -> str:
    if not isinstance(value, int | float | np.number) or not np.isfinite(float(value)):
        return "—"
    return f"{float(value):.{decimals}f}"


def evaluation_html(result: Evaluation, lang: Language = "zh", max_rows: int = MAX_ROWS) -> str:
    """Counts by status, then the first ``max_rows`` assessments; explanations on hover."""
    counts = result.summary().iloc[0]
    badges = "".join(_badge(str(s), lang, int(counts[str(s)])) for s in Status)
    head = result.head(max_rows).to_frame(lang)
    rows = []
    for record in head.itertuples(index=False):
        colour = STATUS_COLOURS.get(str(record.status), "#ffffff")
        cells = [
            escape(record.indicator_id),
            escape(record.region if isinstance(record.region, str) else ""),
            escape(record.period),
            _number(record.value),
            escape(f"{record.comparison} {_number(record.threshold)}"),
        ]
        status = _STATUS_WORDS[lang][str(record.status)]
        rows.append(
            f'<tr title="{escape(record.explanation)}">'
            + "".join(f'<td style="{_CELL}">{cell}</td>' for cell in cells)
            + f'<td style="{_CELL};background:{colour}">{escape(status)}</td></tr>'
        )
    header = (
        ("指标", "地区", "期间", "数值", "目标", "状态")
        if lang == "zh"
        else ("indicator", "region", "period", "value", "threshold", "status")
    )
    more = len(result) - len(head)
    tail = (
        f"<p>… {more} more (<code>.to_frame()</code> for all; hover a row for its explanation)</p>"
        if more > 0
        else "<p>Hover a row for its explanation.</p>"
    )
    title = f"<p><b>Evaluation</b>: {len(result)} assessments, as of {result.as_of or '—'}</p>"
    return f"<div>{title}<p>{badges}</p>{_table(header, rows)}{tail}</div>"


def assessment_html(assessment: Assessment, lang: Language = "zh") -> str:
    """One assessment: its status badge, key numbers and the explanation."""
    facts = [
        ("indicator", assessment.indicator_id),
        ("region", assessment.region or ""),
        ("period", str(assessment.period)),
        ("value", f"{_number(assessment.value)} {assessment.unit}"),
        ("threshold", f"{assessment.comparison} {_number(assessment.threshold)}"),
        ("margin", _number(assessment.margin)),
    ]
    if assessment.ci_low is not None:
        facts.append(
            ("95% interval", f"{_number(assessment.ci_low)}–{_number(assessment.ci_high)}")
        )
    rows = "".join(
        f'<tr><th style="{_CELL}">{escape(k)}</th><td style="{_CELL}">{escape(v)}</td></tr>'
        for k, v in facts
    )
    return (
        f"<div><p>{_badge(assessment.status.value, lang)} {escape(assessment.reason.value)}</p>"
        f'<table style="border-collapse:collapse;font-size:90%">{rows}</table>'
        f"<p>{escape(assessment.explanation)}</p></div>"
    )


def indicator_html(indicator: Indicator, lang: Language = "zh") -> str:
    """One indicator: title, clause, wording, threshold, deadline, responsible units and note.

    The title and the interpretation note are in ``lang`` (the note falls back to the other
    language when the indicator has it in one only).
    """
    title = indicator.title_zh if lang == "zh" else indicator.title_en
    responsible = "、".join(indicator.responsible.units)
    if indicator.responsible.inherited_from:
        responsible += f" (inherited from {indicator.responsible.inherited_from})"
    facts = [
        ("id", indicator.id),
        ("clause", f"{indicator.clause.table or '—'} / {indicator.clause.body or '—'}"),
        ("plan wording", f"「{indicator.quote}」"),
        ("threshold", threshold_text(indicator, lang).text),
        ("unit", indicator.unit),
        ("direction", f"{indicator.direction} is better"),
        ("deadline", indicator.deadline or "none: every period"),
        ("responsible", responsible),
    ]
    note = indicator.interpretation_text(lang)
    if note:
        facts.append(("interpretation", note))
    rows = "".join(
        f'<tr><th style="{_CELL}">{escape(k)}</th><td style="{_CELL}">{escape(v)}</td></tr>'
        for k, v in facts
    )
    return (
        f"<div><p><b>{escape(title)}</b></p>"
        f'<table style="border-collapse:collapse;font-size:90%">{rows}</table></div>'
    )


def catalog_html(indicators: Iterable[Indicator], lang: Language = "zh") -> str:
    """A catalog as one table: id, clause, title, threshold and deadline of each indicator."""
    rows = []
    for indicator in indicators:
        title = indicator.title_zh if lang == "zh" else indicator.title_en
        cells = (
            indicator.id,
            indicator.clause.table or indicator.clause.body,
            title,
            threshold_text(indicator, lang).comparison
            + " "
            + threshold_text(indicator, lang).target,
            indicator.deadline or "—",
        )
        rows.append(
            "<tr>" + "".join(f'<td style="{_CELL}">{escape(c)}</td>' for c in cells) + "</tr>"
        )
    header = ("id", "clause", "title", "threshold", "deadline")
    return f"<div><p><b>Catalog</b>: {len(rows)} indicators</p>{_table(header, rows)}</div>"


class Figure:
    """SVG charts that display themselves in Jupyter and can be saved as a standalone file.

    >>> figure = Figure(('<svg class="chart"></svg>',), "demo")
    >>> figure._repr_html_()
    '<div><svg class="chart"></svg></div>'
    """

    def __init__(self, charts: tuple[str, ...], title: str) -> None:
        self.charts = charts
        self.title = title

    def __repr__(self) -> str:
        return f"<Figure {self.title!r}: {len(self.charts)} chart(s)>"

    def _repr_html_(self) -> str:
        return "<div>" + "".join(self.charts) + "</div>"

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the charts as a self-contained HTML page."""
        from .reports._markup import html_page, write_output

        write_output(html_page(self.title, self._repr_html_()), path)
