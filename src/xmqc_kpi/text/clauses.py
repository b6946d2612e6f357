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

The names are the Xiamen plan's; a catalog that declares its own plan
(:class:`xmqc_kpi.plan.Plan`) passes its own as ``names``:

>>> from xmqc_kpi.text import Words
>>> annex = {"table": Words(zh="附表 {table}", en="annex table {table}")}
>>> cite(Clause(table="1.1.1", body="3", quoted_from="table"), "达95%以上", "zh", names=annex)
'附表 1.1.1「达95%以上」'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from ._language import Language, resolve_language
from ._words import Words, WordTable

__all__ = [
    "CLAUSES",
    "ClauseLike",
    "ClauseNames",
    "body_place",
    "cite",
    "clause_place",
    "full_width",
    "table_place",
    "table_title",
]


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
        "table_title": Words(zh="分解表", en="the table"),
        "quoted": Words(zh="{place}「{quote}」", en="{place}"),
    },
)


def full_width(text: str) -> str:
    """Half-width brackets as full-width ones, for Chinese (``五(三)`` → ``五（三）``)."""
    return text.replace("(", "（").replace(")", "）")


#: How a plan names its clauses, by kind (``"table"``, ``"body_item"`` …); see
#: :attr:`xmqc_kpi.plan.Plan.clause_words`. A kind missing is named as in :data:`CLAUSES`.
ClauseNames = Mapping[str, Words]


def _name(key: str, names: ClauseNames | None) -> Words:
    if names is not None and key in names:
        return names[key]
    return CLAUSES[key]


def table_place(
    table: str, lang: Language | str | None = None, names: ClauseNames | None = None
) -> str:
    """A row of the plan's table (``分解表 5.1.2``)."""
    return _name("table", names)(resolve_language(lang), table=table)


def body_place(
    body: str, lang: Language | str | None = None, names: ClauseNames | None = None
) -> str:
    """An item (``正文第 18 条``) or a section (``正文五（三）``) of the plan's body."""
    lang = resolve_language(lang)
    if body.isdigit():
        return _name("body_item", names)(lang, body=body)
    return _name("body_section", names)(lang, body=full_width(body) if lang == "zh" else body)


def table_title(lang: Language | str | None = None, names: ClauseNames | None = None) -> str:
    """The plan's table itself (``分解表``)."""
    return _name("table_title", names)(resolve_language(lang))


def clause_place(
    clause: ClauseLike, lang: Language | str | None = None, *, names: ClauseNames | None = None
) -> str:
    """Where the clause's quote stands, without the quote (``分解表 5.1.2``)."""
    if clause.quoted_from == "table" and clause.table is not None:
        return table_place(clause.table, lang, names)
    return body_place(clause.body, lang, names)


def cite(
    clause: ClauseLike,
    quote: str,
    lang: Language | str | None = None,
    *,
    names: ClauseNames | None = None,
) -> str:
    """The citation of ``quote``: where it stands, and in Chinese the words themselves."""
    place = clause_place(clause, lang, names=names)
    return CLAUSES.say("quoted", lang, place=place, quote=quote)
