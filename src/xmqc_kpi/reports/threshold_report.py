"""The auditors' threshold report: every threshold of a catalog traced to the plan.

:func:`threshold_report` opens with the interpretation rules (以上 includes the number, 低于 is
strict, 100 % has no tolerance, the 前列 cut-off in force, trends, monitored targets, inherited
blank cells), lists every indicator in catalog order (clause, section, titles, the plan's exact
wording, the formula with its inputs and units, sampled or counted in full, the threshold and
its comparison, direction, deadline, responsible units, interpretation) and ends with the known
discrepancies between the plan's body and its table. It is built as a structured document
first (:mod:`._threshold_model`) and rendered second (:mod:`._threshold_render`), so every
format says the same things, byte-identically on every run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal, overload

from ..catalogs import Catalog
from ..catalogs import catalog as builtin_catalog
from ..indicator import Indicator
from ..report_formats import THRESHOLD_FORMATS
from ..text import Language, resolve_language
from ._markup import write_output
from ._threshold_model import build_document

__all__ = ["THRESHOLD_FORMATS", "threshold_report"]


@overload
def threshold_report(
    catalog: Iterable[Indicator] | None = ...,
    *,
    format: Literal["md", "html", "csv", "json"] = ...,
    lang: Language | None = ...,
    path: str | Path | None = ...,
) -> str: ...


@overload
def threshold_report(
    catalog: Iterable[Indicator] | None = ...,
    *,
    format: Literal["xlsx"],
    lang: Language | None = ...,
    path: str | Path | None = ...,
) -> bytes: ...


@overload
def threshold_report(  # a format known only at run time
    catalog: Iterable[Indicator] | None = ...,
    *,
    format: str,
    lang: Language | None = ...,
    path: str | Path | None = ...,
) -> str | bytes: ...


def threshold_report(
    catalog: Iterable[Indicator] | None = None,
    *,
    format: str = "md",
    lang: Language | None = None,
    path: str | Path | None = None,
) -> str | bytes:
    """Render the threshold report of a catalog, for auditors.

    Parameters
    ----------
    catalog
        The indicators to report, in the order given: a :class:`~xmqc_kpi.Catalog` or any
        iterable of :class:`~xmqc_kpi.Indicator` with unique ids. ``None`` (the default) is
        the built-in catalog, :func:`xmqc_kpi.catalog`.
    format
        ``"md"`` (GitHub-flavoured Markdown), ``"html"`` (a self-contained page that prints
        on A4; each indicator is a ``<section class="indicator" id="<indicator id>">``),
        ``"xlsx"`` (sheets ``rules``, ``indicators``, ``discrepancies``; needs ``openpyxl``),
        ``"csv"`` (one row per indicator, snake_case columns) or ``"json"`` (an object with
        ``"rules"``, ``"indicators"`` and ``"discrepancies"``), or any format added to
        :data:`~xmqc_kpi.report_formats.THRESHOLD_FORMATS`.
    lang
        ``"zh"`` or ``"en"``: headings, labels and explanations; ``None`` (the default) is
        the active language (:func:`xmqc_kpi.text.resolve_language`, Chinese unless set).
        The plan's wording, Chinese titles and labels and the responsible units stay
        Chinese in both.
    path
        When given, the report is also written there: text as UTF-8 (CSV with a byte-order
        mark, ``utf-8-sig``, so that Excel reads the Chinese), XLSX as bytes.

    Returns
    -------
    str or bytes
        The report: ``bytes`` for ``"xlsx"``, ``str`` otherwise. The output depends on the
        catalog and the options only: no timestamp, the same bytes on every run.

    Raises
    ------
    ValueError
        For an unknown ``format`` or ``lang``, an empty catalog, or duplicate ids
        (:class:`~xmqc_kpi.CatalogError`, a ``ValueError``).
    TypeError
        When ``catalog`` holds anything but indicators.

    Notes
    -----
    The interpretation rules (:data:`xmqc_kpi.interpretation.RULES`) are readings of the
    plan's wording and are stated for every catalog. The discrepancies
    (:data:`xmqc_kpi.interpretation.DISCREPANCIES`) belong to the built-in plan: one is listed
    when it concerns an indicator of the catalog identical to its built-in declaration, so a
    custom catalog shows none (with a sentence saying so) and a subset of the built-in one
    shows those that concern it.

    Examples
    --------
    >>> report = threshold_report(lang="en")
    >>> report.splitlines()[0].split(" of ")[0]
    '# Threshold report: the quantitative targets'
    >>> "- **Threshold**: ≥ 96% (the number itself meets it)" in report
    True
    >>> threshold_report(format="docx")
    Traceback (most recent call last):
        ...
    ValueError: format must be one of 'md', 'html', 'xlsx', 'csv', 'json', 'pdf', not 'docx'
    """
    chosen = THRESHOLD_FORMATS.get(format)
    document = build_document(_indicators(catalog), _language(lang))
    content = chosen.render(document)
    if path is not None:
        write_output(chosen.encode(content), path)
    return content


def _language(lang: object) -> Language:
    if lang is not None and not isinstance(lang, str):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    return resolve_language(lang)


def _indicators(indicators: Iterable[Indicator] | None) -> Catalog:
    """The catalog to report, checked: indicators only, unique ids, at least one."""
    if indicators is None:
        return builtin_catalog()
    if isinstance(indicators, Indicator):
        raise TypeError("catalog must be a collection of indicators: pass [indicator]")
    chosen = indicators if isinstance(indicators, Catalog) else Catalog(indicators)
    if len(chosen) == 0:
        raise ValueError("the catalog is empty: the report would list no indicator")
    return chosen
