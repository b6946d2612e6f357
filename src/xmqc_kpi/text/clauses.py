"""Where a quote stands in the plan, cited as a reader looks it up.

A quote is cited where its words stand: a row of the decomposition table
(``分解表 5.1.2「…」``) or an item of the body (``正文第 18 条「…」``, ``正文五（三）「…」``).
The clause says which (its ``quoted_from``); by default the table row when there is one.

>>> from types import SimpleNamespace as Clause
>>> cite(Clause(table="5.1.2", body="22", quoted_from="table"), "达96%以上", "zh")
'分解表 5.1.2「达96%以上」'
>>> cite(Clause(table="4.1.1", body="18", quoted_from="body"), "居前列", "zh")
'正文第 18 条「居前列」'
>>> cite(Clause(table=None, body="五(三)", quoted_from="body"), "1‰", "en")
'body section 五(三)'
"""

from __future__ import annotations

from typing import Protocol

from ._language import Language, resolve_language
from ._words import Words, WordTable

__all__ = ["CLAUSES", "ClauseLike", "cite", "clause_place", "full_width"]


class ClauseLike(Protocol):
    """What a citation reads of a clause (:class:`xmqc_kpi.Clause` has it)."""

    @property
    def table(self) -> str | None:
        """The table row (``"5.1.2"``), if any."""

    @property
    def body(self) -> str:
        """The body item (``"18"``) or section (``"五(三)"``)."""

    @property
    def quoted_from(self) -> str:
        """``"table"`` or ``"body"``: where the quote stands."""


CLAUSES = WordTable(
    "clause",
    {
        "table": Words(zh="分解表 {table}", en="table {table}"),
        "body_item": Words(zh="正文第 {body} 条", en="body item {body}"),
        "body_section": Words(zh="正文{body}", en="body section {body}"),
        "quoted": Words(zh="{place}「{quote}」", en="{place}"),
    },
)


def full_width(text: str) -> str:
    """Half-width brackets as full-width ones, for Chinese (``五(三)`` → ``五（三）``)."""
    return text.replace("(", "（").replace(")", "）")


def clause_place(clause: ClauseLike, lang: Language | str | None = None) -> str:
    """Where the clause's quote stands, without the quote (``分解表 5.1.2``)."""
    lang = resolve_language(lang)
    if clause.quoted_from == "table" and clause.table is not None:
        return CLAUSES.say("table", lang, table=clause.table)
    body = clause.body
    if body.isdigit():
        return CLAUSES.say("body_item", lang, body=body)
    return CLAUSES.say("body_section", lang, body=full_width(body) if lang == "zh" else body)


def cite(clause: ClauseLike, quote: str, lang: Language | str | None = None) -> str:
    """The citation of ``quote``: where it stands, and in Chinese the words themselves."""
    return CLAUSES.say("quoted", lang, place=clause_place(clause, lang), quote=quote)
