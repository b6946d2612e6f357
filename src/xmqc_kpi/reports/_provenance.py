"""The provenance block of every report: library, catalog and its hash, data file, date, language.

One function gives the block's (label, value) rows in the report's language
(:func:`provenance_rows`, for spreadsheets too); :func:`provenance_html` and
:func:`provenance_markdown` lay them out. The facts come from
:func:`xmqc_kpi.payload.provenance` (an evaluation) or :func:`catalog_provenance` (a catalog
alone, for the threshold report). Nothing here depends on the time: the same inputs give the
same bytes.

>>> import xmqc_kpi as kpi
>>> made = catalog_provenance(kpi.catalog().filter(section="5"), "en")
>>> [label for label, _ in provenance_rows(made)][:3]
['Library', 'Catalog', 'Catalog content hash (SHA-256)']
>>> provenance_markdown(made).splitlines()[0]
'## Provenance'
"""

from __future__ import annotations

from collections.abc import Iterable

from ..indicator import Indicator
from ..payload import CatalogInfo, Provenance, catalog_sha256
from ..text import Language, resolve_language
from ..text.report_print import PROVENANCE
from ._markup import escape, markdown_escape

__all__ = ["catalog_provenance", "provenance_html", "provenance_markdown", "provenance_rows"]


def catalog_provenance(indicators: Iterable[Indicator], lang: Language | None = None) -> Provenance:
    """The provenance of a report on a catalog alone (no data, no evaluation date)."""
    from .. import __version__
    from ..catalogs import plan_of
    from ..interpretation import PLAN

    language = resolve_language(lang)
    chosen = tuple(indicators)
    plan: object = plan_of(indicators)  # a catalog keeps its plan; a plain list is judged
    number = getattr(plan, "number", plan)  # a plan record, or its number
    document = number if isinstance(number, str) else None
    builtin = document == PLAN.number
    return Provenance(
        version=__version__,
        catalog=CatalogInfo(
            title=(PLAN.title_zh if language == "zh" else PLAN.title_en) if builtin else None,
            document=document,
            indicators=len(chosen),
            sha256=catalog_sha256(chosen),
        ),
        source=None,
        as_of=None,
        language=language,
    )


def provenance_rows(made: Provenance) -> tuple[tuple[str, str], ...]:
    """The block's (label, value) rows, in the provenance's own language."""
    lang = made.language

    def say(key: str, **fields: object) -> str:
        return PROVENANCE.say(key, lang, **fields)

    catalog = made.catalog
    title = catalog.title or catalog.document or say("own_catalog")
    rows = [
        (say("library"), say("library_value", library=made.library, version=made.version)),
        (say("catalog"), say("catalog_value", title=title, indicators=catalog.indicators)),
        (say("catalog_hash"), catalog.sha256),
    ]
    source = made.source
    if source is None:
        rows.append((say("source"), say("no_source")))
    else:
        where = (
            say("source_sheet", file=source.file, sheet=source.sheet)
            if source.sheet
            else say("source_value", file=source.file)
        )
        rows.append((say("source"), where))
        if source.sha256:
            rows.append((say("source_hash"), source.sha256))
    as_of = made.as_of.isoformat() if made.as_of is not None else say("no_as_of")
    rows.append((say("as_of"), as_of))
    rows.append((say("language"), say(f"language_{lang}")))
    return tuple(rows)


def provenance_html(made: Provenance, *, section_id: str = "report-provenance") -> str:
    """The block as an HTML section (a heading and a definition list)."""
    items = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
        for label, value in provenance_rows(made)
    )
    heading = escape(PROVENANCE.say("heading", made.language))
    return (
        f'<section id="{escape(section_id)}" class="provenance">\n'
        f'<h2>{heading}</h2>\n<dl class="provenance">{items}</dl>\n</section>'
    )


def provenance_markdown(made: Provenance, *, level: int = 2) -> str:
    """The block as Markdown: a heading and one bullet per fact."""
    heading = "#" * level + " " + markdown_escape(PROVENANCE.say("heading", made.language))
    lines = (
        "- "
        + PROVENANCE.say(
            "fact", made.language, label=markdown_escape(label), value=markdown_escape(value)
        )
        for label, value in provenance_rows(made)
    )
    return heading + "\n\n" + "\n".join(lines)
