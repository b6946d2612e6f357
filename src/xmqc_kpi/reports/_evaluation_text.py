"""The evaluation report's wording in one language, from the wording layer.

The words themselves are :data:`xmqc_kpi.text.reports.EVALUATION` (report texts) and
:mod:`xmqc_kpi.text.statuses` (one word and one symbol per status); this module only picks a
language and composes the few texts made of several entries.
"""

from __future__ import annotations

from ..text import Language
from ..text.reports import EVALUATION
from ..text.statuses import STATUS_SYMBOLS, status_word
from ._labels import Labels

__all__ = ["STATUS_SYMBOLS", "Words", "matrix_note", "reference_header", "words"]

Words = Labels

#: The header of the threshold column, for kinds whose column holds something else than a
#: fixed target (the entry ``reference_<kind>`` of the wording table, when there is one).
_REFERENCE = "reference_{kind}"


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


def reference_header(text: Labels, kind: str) -> str:
    """What the threshold column of a kind holds: the target, the national average …."""
    key = _REFERENCE.format(kind=kind)
    return text.say(key) if key in EVALUATION else text.threshold
