"""The evaluation report: the verdicts of an evaluation for officials, in HTML, Markdown or XLSX.

The report is built as a structured document first (summary tables, status matrices,
per-indicator blocks with chart specifications, the inputs used) and rendered second, so the
three formats say the same thing. Output is deterministic: the same evaluation gives the same
bytes, whatever the order of the rows given to :func:`~xmqc_kpi.evaluate` and whatever
``PYTHONHASHSEED``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, overload

from ..results import Evaluation
from ._evaluation_build import build_document
from ._evaluation_flat import render_markdown, render_xlsx
from ._evaluation_frame import prepare
from ._evaluation_html import render_html
from ._evaluation_indicators import indicator_blocks
from ._evaluation_text import words
from ._markup import write_output
from .svg import dot_chart, line_chart

__all__ = ["evaluation_report", "indicator_charts"]

_FORMATS = ("html", "md", "xlsx")
_LANGUAGES = ("zh", "en")


@overload
def evaluation_report(
    result: Evaluation,
    *,
    format: Literal["html", "md"] = ...,
    lang: Literal["zh", "en"] = ...,
    path: str | Path | None = ...,
    title: str | None = ...,
) -> str: ...


@overload
def evaluation_report(
    result: Evaluation,
    *,
    format: Literal["xlsx"],
    lang: Literal["zh", "en"] = ...,
    path: str | Path | None = ...,
    title: str | None = ...,
) -> bytes: ...


def evaluation_report(
    result: Evaluation,
    *,
    format: Literal["html", "md", "xlsx"] = "html",
    lang: Literal["zh", "en"] = "zh",
    path: str | Path | None = None,
    title: str | None = None,
) -> str | bytes:
    """Report the verdicts of an evaluation: summary, matrix, each indicator, inputs.

    Parameters
    ----------
    result
        What :func:`xmqc_kpi.evaluate` returned.
    format
        ``"html"``: one self-contained page (inline CSS and SVG charts, no script, prints on
        A4). ``"md"``: Markdown tables, without the charts. ``"xlsx"``: a workbook with the
        sheets ``summary``, ``deadlines``, ``matrix``, ``assessments`` (the columns of
        :meth:`~xmqc_kpi.Evaluation.to_frame`) and ``inputs``; needs ``openpyxl``.
    lang
        ``"zh"`` (headings and explanations in Chinese) or ``"en"``.
    path
        Where to write the report as well (text as UTF-8).
    title
        The report's title; a default in ``lang`` when ``None``.

    Returns
    -------
    str or bytes
        The HTML or Markdown text, or the workbook's bytes.

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
    >>> '<section class="indicator" id="national_sampling_pass_rate">' in page
    True
    >>> print(evaluation_report(kpi.evaluate(rate, data), format="md").splitlines()[2])
    未给出评价日期,无法判断期限是否已到
    """
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {_FORMATS}, not {format!r}")
    if lang not in _LANGUAGES:
        raise ValueError(f"lang must be one of {_LANGUAGES}, not {lang!r}")
    if not isinstance(result, Evaluation):
        raise TypeError(f"result must be an Evaluation, not {type(result).__name__}")
    document = build_document(result, lang, title)
    content: str | bytes
    if format == "html":
        content = render_html(document)
    elif format == "md":
        content = render_markdown(document)
    else:
        content = render_xlsx(document)
    if path is not None:
        write_output(content, path)
    return content


def indicator_charts(
    result: Evaluation, indicator_id: str, lang: Literal["zh", "en"] = "zh"
) -> tuple[str, ...]:
    """The report's SVG charts of one indicator: across regions, then across periods.

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
    if lang not in _LANGUAGES:
        raise ValueError(f"lang must be one of {_LANGUAGES}, not {lang!r}")
    text = words(lang)
    blocks = indicator_blocks(prepare(result, lang, text), text, lang)
    block = next((b for b in blocks if b.id == indicator_id), None)
    if block is None:
        raise KeyError(f"no indicator {indicator_id!r} in this evaluation")
    return tuple(dot_chart(c) if kind == "dots" else line_chart(c) for kind, c in block.charts)
