"""The evaluation report's wording in one language, from the wording layer.

The words themselves are :data:`xmqc_kpi.text.reports.EVALUATION` (report texts) and
:mod:`xmqc_kpi.text.statuses` (one word and one symbol per status); this module only picks a
language and composes the few texts made of several entries.
"""

from __future__ import annotations

from typing import Literal

from ..text import Language
from ..text.reports import EVALUATION
from ..text.statuses import STATUS_SYMBOLS, status_word
from ._labels import Labels

__all__ = [
    "STATUS_SYMBOLS",
    "Reference",
    "Words",
    "matrix_note",
    "reference_header",
    "reference_of",
    "words",
]

Words = Labels


def words(lang: Language) -> Labels:
    """The report's wording in ``lang``.

    >>> words("en").matrix
    'Region × indicator matrix'
    """
    return Labels(EVALUATION, lang)


def matrix_note(text: Labels) -> str:
    """The note under the matrices, its legend built from the status symbols and words."""
    legend = text.say("legend_separator").join(
        text.say("legend_entry", symbol=symbol, status=status_word(status, text.lang))
        for status, symbol in STATUS_SYMBOLS.items()
    )
    return text.say("matrix_note", legend=legend)


Reference = Literal["target", "benchmark", "cutoff", "previous", "none"]


def reference_of(threshold: object) -> Reference:
    """What a threshold's ``threshold`` column holds, read from the kind's own facts.

    A kind that ranks among peers (it needs ``peers``) holds the cut-off member's value; one
    that reads benchmarks, the benchmark; one judged over a series, the previous period's
    value; one with a comparator, its fixed target; any other (monitored), nothing.

    >>> from xmqc_kpi import catalog
    >>> [reference_of(catalog()[name].threshold) for name in (
    ...     "municipal_sampling_pass_rate", "special_equipment_death_rate",
    ...     "brand_titles_per_100m_gdp", "consumer_complaint_rate_trend",
    ...     "non_standard_production_share")]
    ['target', 'benchmark', 'cutoff', 'previous', 'none']
    """
    needs = getattr(threshold, "needs", ())
    if "peers" in needs:
        return "cutoff"
    if "benchmarks" in needs:
        return "benchmark"
    if getattr(threshold, "over_series", False):
        return "previous"
    return "target" if getattr(threshold, "comparator", None) is not None else "none"


def reference_header(text: Labels, threshold: object) -> str:
    """The header of the threshold column: the target, the national average and so on."""
    key = f"reference_{reference_of(threshold)}"
    return text.say(key) if key in EVALUATION else text.threshold
