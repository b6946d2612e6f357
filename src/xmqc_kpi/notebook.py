"""Rich display in Jupyter: compact HTML for evaluations, assessments, indicators and catalogs.

The model's ``_repr_html_`` methods and :meth:`~xmqc_kpi.Evaluation.plot` reach the functions
here through the display hook (:mod:`xmqc_kpi.display`): importing this module registers them.
Every text is in the display language (the active one unless ``lang`` is given) and escaped (a
region named ``<script>`` shows as text); the status colours are those of the reports.

>>> import xmqc_kpi as kpi
>>> html = indicator_html(kpi.catalog()["municipal_sampling_pass_rate"], "en")
>>> "≥ 96" in html and "5.1.2" in html
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import display
from .reports._markup import STATUS_COLOURS, escape, html_page, write_output
from .reports._threshold_text import (
    clause_text,
    deadline_texts,
    direction_text,
    display_unit_text,
    responsible_texts,
    section_label,
    threshold_text,
)
from .reports.evaluation_report import indicator_charts
from .results import Status
from .text import Language, resolve_language
from .text.notebook import NOTEBOOK
from .text.numbers import format_number, format_pair
from .text.statuses import reason_word, status_word

if TYPE_CHECKING:
    from .indicator import Indicator
    from .results import Assessment, Evaluation

__all__ = [
    "MAX_ROWS",
    "Figure",
    "assessment_html",
    "catalog_html",
    "evaluation_figure",
    "evaluation_html",
    "indicator_html",
]

#: Rows an evaluation shows inline; the rest is counted, not drawn.
MAX_ROWS = 20

_CELL = "padding:2px 6px;border:1px solid #d0d7de;text-align:left;vertical-align:top"
_TABLE = '<table style="border-collapse:collapse;font-size:90%">'


def _badge(status: str, lang: Language, count: int | None = None) -> str:
    text = status_word(status, lang)
    if count is not None:
        text = f"{text} {count}"
    colour = STATUS_COLOURS.get(status, "#ffffff")
    return (
        f'<span style="background:{colour};padding:1px 6px;border-radius:3px;'
        f'margin-right:4px">{escape(text)}</span>'
    )


def _table(header: Iterable[str], rows: Iterable[str]) -> str:
    head = "".join(f'<th style="{_CELL}">{escape(h)}</th>' for h in header)
    return f"{_TABLE}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _facts(facts: Iterable[tuple[str, str]]) -> str:
    rows = "".join(
        f'<tr><th style="{_CELL}">{escape(k)}</th><td style="{_CELL}">{escape(v)}</td></tr>'
        for k, v in facts
    )
    return f"{_TABLE}{rows}</table>"


def _float(value: object) -> float:
    return float(value) if isinstance(value, int | float) else float("nan")


def _pair(value: object, threshold: object, decimals: int) -> tuple[str, str]:
    """A value and its threshold, formatted together by the one number policy."""
    return format_pair(_float(value), _float(threshold), decimals=decimals)


def _number(value: object, decimals: int) -> str:
    return format_number(_float(value), decimals=decimals)


def evaluation_html(
    result: Evaluation, lang: Language | None = None, max_rows: int = MAX_ROWS
) -> str:
    """Counts by status, then the first ``max_rows`` assessments with their explanations.

    Each row shows the indicator's title (its id on hover), the numbers, the status in the
    display language and the explanation as text; a last line says which language is shown.
    """
    chosen = resolve_language(lang)
    counts = result.summary().iloc[0]
    badges = "".join(_badge(str(s), chosen, int(counts[str(s)])) for s in Status)
    head = result.head(max_rows).to_frame(chosen)
    decimals = {indicator.id: indicator.decimals for indicator in result.indicators}
    rows = []
    for record in head.itertuples(index=False):
        value, threshold = _pair(record.value, record.threshold, decimals[str(record.indicator_id)])
        status = str(record.status)
        colour = STATUS_COLOURS.get(status, "#ffffff")
        region = record.region if isinstance(record.region, str) else ""
        cells = [
            f'<td style="{_CELL}" title="{escape(record.indicator_id)}">'
            f"{escape(record.title)}</td>",
            *(
                f'<td style="{_CELL}">{text}</td>'
                for text in (
                    escape(region or NOTEBOOK.say("no_region", chosen)),
                    escape(record.period),
                    escape(value),
                    escape(f"{record.comparison} {threshold}"),
                )
            ),
            f'<td style="{_CELL};background:{colour};white-space:nowrap">'
            f"{escape(status_word(status, chosen))}</td>",
            f'<td style="{_CELL}">{escape(record.explanation)}</td>',
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    header = [
        NOTEBOOK.say(key, chosen)
        for key in ("indicator", "region", "period", "value", "threshold", "status", "explanation")
    ]
    more = len(result) - len(head)
    if more > 0:
        code = "<code>.to_frame()</code>"
        tail = escape(NOTEBOOK["more"].template(chosen)).format(more=more, code=code)
    else:
        tail = escape(NOTEBOOK.say("hover", chosen))
    as_of = result.as_of.isoformat() if result.as_of else NOTEBOOK.say("no_date", chosen)
    title = escape(NOTEBOOK.say("evaluation_title", chosen, count=len(result), as_of=as_of))
    return (
        f"<div><p><b>{title}</b></p><p>{badges}</p>{_table(header, rows)}<p>{tail}</p>"
        f"{_language_line(chosen)}</div>"
    )


def _language_line(lang: Language) -> str:
    """Which language the display is in, and how to switch."""
    code = f"<code>{escape(NOTEBOOK.say('switch', lang))}</code>"
    line = escape(NOTEBOOK["language"].template(lang)).format(code=code)
    return f'<p style="color:#5b6675;font-size:85%">{line}</p>'


def assessment_html(assessment: Assessment, lang: Language | None = None) -> str:
    """One assessment: its status badge, key numbers and the explanation."""
    chosen = resolve_language(lang)

    def say(key: str) -> str:
        return NOTEBOOK.say(key, chosen)

    places = _decimals(assessment.indicator_id)
    value, threshold = _pair(assessment.value, assessment.threshold, places)
    facts = [
        (say("id"), assessment.indicator_id),
        (say("region"), assessment.region or say("no_region")),
        (say("period"), str(assessment.period)),
        (say("value"), value),
        (say("threshold"), f"{assessment.comparison} {threshold}"),
        (say("margin"), _number(assessment.margin, places)),
    ]
    if assessment.ci_low is not None:
        interval = f"{_number(assessment.ci_low, places)}–{_number(assessment.ci_high, places)}"
        facts.append((say("interval"), interval))
    reason = escape(reason_word(str(assessment.reason), chosen))
    title = _title(assessment.indicator_id, chosen, assessment.title)
    return (
        f'<div><p><b title="{escape(assessment.indicator_id)}">{escape(title)}</b></p>'
        f"<p>{_badge(assessment.status.value, chosen)} {reason}</p>"
        f"{_facts(facts)}<p>{escape(assessment.explanation)}</p>{_language_line(chosen)}</div>"
    )


def _title(indicator_id: str, lang: Language, given: str | None) -> str:
    """A built-in indicator's title in ``lang``; else the title given, else the id."""
    from .catalogs import catalog

    built_in = catalog()
    if indicator_id not in built_in:
        return given or indicator_id
    indicator = built_in[indicator_id]
    return indicator.title_zh if lang == "zh" else indicator.title_en


def _decimals(indicator_id: str) -> int:
    """The declared decimals of a built-in indicator (2 for one the catalog does not hold)."""
    from .catalogs import catalog

    built_in = catalog()
    return built_in[indicator_id].decimals if indicator_id in built_in else 2


def indicator_html(indicator: Indicator, lang: Language | None = None) -> str:
    """One indicator: title, clause, wording, threshold, deadline, responsible units and note.

    Worded as the threshold report words them. The title and the interpretation note are in
    ``lang`` (the note falls back to the other language when the indicator has it in one only).
    """
    chosen = resolve_language(lang)

    def say(key: str) -> str:
        return NOTEBOOK.say(key, chosen)

    facts = [
        (say("id"), indicator.id),
        (say("clause"), clause_text(indicator.clause, chosen)),
        (say("quote"), NOTEBOOK.say("quoted", chosen, quote=indicator.quote)),
        (say("threshold"), threshold_text(indicator, chosen).text),
        (say("unit"), display_unit_text(indicator.unit, chosen)),
        (say("direction"), direction_text(indicator, chosen)),
        (say("deadline"), deadline_texts(indicator, chosen)[1]),
        (say("responsible"), responsible_texts(indicator, chosen)[1]),
    ]
    note = indicator.interpretation_text(chosen)
    if note:
        facts.append((say("interpretation"), note))
    title = indicator.title_zh if chosen == "zh" else indicator.title_en
    return f"<div><p><b>{escape(title)}</b></p>{_facts(facts)}</div>"


def catalog_html(indicators: Iterable[Indicator], lang: Language | None = None) -> str:
    """A catalog as one table: id, clause, title, threshold and deadline of each indicator."""
    chosen = resolve_language(lang)
    rows = []
    for indicator in indicators:
        threshold = threshold_text(indicator, chosen)
        cells = (
            indicator.id,
            indicator.clause.table or section_label(indicator.clause.body, chosen),
            indicator.title_zh if chosen == "zh" else indicator.title_en,
            f"{threshold.symbol} {threshold.target}",
            deadline_texts(indicator, chosen)[0],
        )
        rows.append(
            "<tr>" + "".join(f'<td style="{_CELL}">{escape(c)}</td>' for c in cells) + "</tr>"
        )
    header = [NOTEBOOK.say(key, chosen) for key in ("id", "clause", "title", "threshold")]
    header.append(NOTEBOOK.say("deadline", chosen))
    title = escape(NOTEBOOK.say("catalog_title", chosen, count=len(rows)))
    return f"<div><p><b>{title}</b></p>{_table(header, rows)}</div>"


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
        write_output(html_page(self.title, self._repr_html_()), path)


def evaluation_figure(
    result: Evaluation, lang: Language | None = None, *, indicator_id: str
) -> Figure:
    """The evaluation report's charts of one indicator, as a :class:`Figure`."""
    return Figure(indicator_charts(result, indicator_id, lang), indicator_id)


display.register("html", "evaluation", evaluation_html)
display.register("html", "assessment", assessment_html)
display.register("html", "indicator", indicator_html)
display.register("html", "catalog", catalog_html)
display.register("figure", "evaluation", evaluation_figure)
