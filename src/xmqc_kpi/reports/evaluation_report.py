"""The evaluation report: the verdicts of an evaluation for officials, in HTML, Markdown or XLSX.

The report is built as a structured document first (summary tables, the targets not met,
per-indicator blocks with a headline and chart specifications, status matrices, the inputs
used, its provenance) and rendered second, so the formats say the same thing. Output is
deterministic: the same evaluation gives the same bytes, whatever the order of the rows given
to :func:`~xmqc_kpi.evaluate` and whatever ``PYTHONHASHSEED``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, overload

from ..report_formats import EVALUATION_FORMATS
from ..results import Evaluation
from ..text import Language, resolve_language
from . import _evaluation_flat, _evaluation_html
from ._evaluation_build import build_document
from ._evaluation_frame import prepare
from ._evaluation_indicators import chart_svg, indicator_blocks
from ._evaluation_model import Document
from ._evaluation_text import words
from ._markup import csv_text, write_output

__all__ = [
    "EVALUATION_FORMATS",
    "EvaluationSource",
    "evaluation_report",
    "indicator_charts",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
]


@dataclass(frozen=True)
class EvaluationSource:
    """What an evaluation renderer receives: the evaluation, the language and the title."""

    result: Evaluation
    lang: Language
    #: The report's title; ``None`` for the default in :attr:`lang`.
    title: str | None = None
    _document: list[Document] = field(default_factory=list, repr=False, compare=False)

    @property
    def document(self) -> Document:
        """The structured report (built once, on first use)."""
        if not self._document:
            self._document.append(build_document(self.result, self.lang, self.title))
        return self._document[0]


def render_html(source: EvaluationSource) -> str:
    """The report as one self-contained HTML page."""
    return _evaluation_html.render_html(source.document)


def render_markdown(source: EvaluationSource) -> str:
    """The report as Markdown tables, without the charts."""
    return _evaluation_flat.render_markdown(source.document)


def render_json(source: EvaluationSource) -> str:
    """Every assessment as JSON (:meth:`~xmqc_kpi.Evaluation.to_json`)."""
    return source.result.to_json(source.lang, indent=2) + "\n"


def render_csv(source: EvaluationSource) -> str:
    """Every assessment as CSV (:meth:`~xmqc_kpi.Evaluation.to_frame`), formulas neutralised."""
    frame = source.result.to_frame(source.lang)
    separator = words(source.lang).list_separator
    cells = frame.astype(object).where(frame.notna(), None)
    header = [str(column) for column in frame.columns]
    rows = (
        [separator.join(map(str, v)) if isinstance(v, tuple | list) else v for v in row]
        for row in cells.itertuples(index=False, name=None)
    )
    return csv_text(header, rows)


@overload
def evaluation_report(
    result: Evaluation,
    *,
    format: Literal["html", "md", "json", "csv"] = ...,
    lang: Language | None = ...,
    path: str | Path | None = ...,
    title: str | None = ...,
) -> str: ...


@overload
def evaluation_report(
    result: Evaluation,
    *,
    format: Literal["xlsx", "pdf"],
    lang: Language | None = ...,
    path: str | Path | None = ...,
    title: str | None = ...,
) -> bytes: ...


@overload
def evaluation_report(  # a format known only at run time
    result: Evaluation,
    *,
    format: str,
    lang: Language | None = ...,
    path: str | Path | None = ...,
    title: str | None = ...,
) -> str | bytes: ...


def evaluation_report(
    result: Evaluation,
    *,
    format: str = "html",
    lang: Language | None = None,
    path: str | Path | None = None,
    title: str | None = None,
) -> str | bytes:
    """Report the verdicts of an evaluation: summary, matrix, each indicator, inputs.

    Parameters
    ----------
    result
        What :func:`xmqc_kpi.evaluate` returned.
    format
        ``"html"``: one self-contained page (inline CSS and SVG charts; a small inline script
        for the filters, the page complete without it; prints on A4 with page numbers).
        ``"pdf"``: that page printed to A4 by a headless Chromium (found on ``PATH`` or named
        by ``XMQC_KPI_CHROMIUM``; :class:`~xmqc_kpi.reports._pdf.BrowserNotFound` without
        one). ``"md"``: Markdown tables, without the charts. ``"xlsx"``: a workbook with the
        sheets ``summary``, ``deadlines``, ``matrix``, ``assessments`` (the columns of
        :meth:`~xmqc_kpi.Evaluation.to_frame`) and ``inputs``; needs ``openpyxl``.
        ``"json"`` and ``"csv"``: every assessment, as :meth:`~xmqc_kpi.Evaluation.to_json`
        and :meth:`~xmqc_kpi.Evaluation.to_frame` give them. Or any format added to
        :data:`~xmqc_kpi.report_formats.EVALUATION_FORMATS`.
    lang
        ``"zh"`` (headings and explanations in Chinese) or ``"en"``; ``None`` (the default)
        is the active language (Chinese unless set).
    path
        Where to write the report as well (text as UTF-8; CSV with a byte-order mark).
    title
        The report's title; a default in ``lang`` when ``None``.

    Returns
    -------
    str or bytes
        The HTML, Markdown, JSON or CSV text, or the workbook's or the PDF's bytes.

    Raises
    ------
    ValueError
        For an unknown ``format`` or ``lang``.
    TypeError
        When ``result`` is not an :class:`~xmqc_kpi.Evaluation`.

    Examples
    --------
    >>> import pandas as pd
    >>> import xmqc_kpi as kpi
    >>> rate = kpi.catalog()["national_sampling_pass_rate"]
    >>> data = pd.DataFrame({"region": ["思明区", "湖里区"], "period": [2013, 2013],
    ...                      "national_sampled_batches": [50, 40],
    ...                      "national_passed_batches": [47, 30]})
    >>> page = evaluation_report(kpi.evaluate(rate, data, as_of="2014-01-01"), lang="en")
    >>> '<section class="indicator" id="national_sampling_pass_rate"' in page
    True
    >>> print(evaluation_report(kpi.evaluate(rate, data), format="md").splitlines()[2])
    未给出评价日期，无法判断期限是否已到
    """
    chosen = EVALUATION_FORMATS.get(format)
    if lang is not None and not isinstance(lang, str):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    language = resolve_language(lang)
    if not isinstance(result, Evaluation):
        raise TypeError(f"result must be an Evaluation, not {type(result).__name__}")
    content = chosen.render(EvaluationSource(result, language, title))
    if path is not None:
        write_output(chosen.encode(content), path)
    return content


def indicator_charts(
    result: Evaluation, indicator_id: str, lang: Language | None = None
) -> tuple[str, ...]:
    """The report's SVG charts of one indicator: across regions, then across periods.

    The chart across periods shows the deadline and each region's projection where there is
    progress toward the deadline.

    >>> import pandas as pd
    >>> import xmqc_kpi as kpi
    >>> rate = kpi.catalog()["national_sampling_pass_rate"]
    >>> data = pd.DataFrame({"region": ["思明区", "思明区"], "period": [2013, 2014],
    ...                      "national_sampled_batches": [50, 40],
    ...                      "national_passed_batches": [47, 30]})
    >>> charts = indicator_charts(kpi.evaluate(rate, data), rate.id, "en")
    >>> len(charts), charts[0].startswith('<svg class="chart"')
    (2, True)
    """
    language = resolve_language(lang)
    text = words(language)
    blocks = indicator_blocks(prepare(result, language, text), text, language)
    block = next((b for b in blocks if b.id == indicator_id), None)
    if block is None:
        raise KeyError(f"no indicator {indicator_id!r} in this evaluation")
    return tuple(chart_svg(kind, chart) for kind, chart in block.charts)
