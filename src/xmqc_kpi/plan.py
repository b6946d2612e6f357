"""The plan a catalog's targets come from: its title, number, issuer, date, sections, clauses.

A catalog file may declare its plan beside its indicators (``[plan]`` in TOML, ``plan:`` in
YAML, ``"plan"`` in JSON); the built-in catalog's plan is Xiamen's (厦府〔2013〕98号, see
:data:`xmqc_kpi.indicators.plan.XIAMEN_PLAN`). Reports, explanations and the template name the
plan and cite its clauses as the plan names them: the Xiamen plan names a row of its
decomposition table 「分解表 5.1.2」 and a body item 「正文第 18 条」; another city's plan may
say 「附表 1.1.1」 and 「第 3 条」. A plan that does not say how it names its clauses is cited as
Xiamen's is.

>>> plan = Plan(
...     title_zh="示例市质量强市行动计划",
...     title_en="Example City's quality-city action plan",
...     number="示府〔2021〕1号",
...     clauses={"table": ClauseName(zh="附表 {table}", en="annex table {table}")},
... )
>>> plan.title("en"), plan.number
("Example City's quality-city action plan", '示府〔2021〕1号')
>>> plan.clause_words["table"]("zh", table="1.1.1"), plan.clause_words["body_item"]("en", body=3)
('附表 1.1.1', 'body item 3')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from string import Formatter
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .text import Language, Words, resolve_language
from .text.clauses import CLAUSES

__all__ = ["CLAUSE_NAME_FIELDS", "ClauseName", "Plan", "PlanSection"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")

#: How each clause name is keyed in :attr:`Plan.clauses`, and the fields its template may use:
#: ``table`` a row of the plan's table (``{table}``: ``"5.1.2"``), ``body_item`` a numbered item
#: of the body (``{body}``: ``"18"``), ``body_section`` a section of the body (``{body}``:
#: ``"五(三)"``), ``table_title`` the table itself (no field), as in 「分解表无对应行」.
CLAUSE_NAME_FIELDS: Mapping[str, frozenset[str]] = {
    "table": frozenset({"table"}),
    "body_item": frozenset({"body"}),
    "body_section": frozenset({"body"}),
    "table_title": frozenset(),
}

ClauseKey = Literal["table", "body_item", "body_section", "table_title"]


class ClauseName(BaseModel):
    """How the plan names one kind of clause, in Chinese and English (``"附表 {table}"``)."""

    model_config = _FROZEN

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def words(self) -> Words:
        """The name as wording of :mod:`xmqc_kpi.text`."""
        return Words(zh=self.zh, en=self.en)


class PlanSection(BaseModel):
    """A section of the plan, keyed as :attr:`xmqc_kpi.indicator.Clause.section` keys it.

    ``key`` is the table's first level (``"5"``) or a body section (``"五"``); ``body`` where
    the section stands in the body (``"三(五)"``), when it is not the key itself.
    """

    model_config = _FROZEN

    key: str = Field(min_length=1)
    title_zh: str = Field(min_length=1)
    title_en: str = ""
    body: str = ""

    def title(self, lang: Language | str | None = None) -> str:
        """The section's title in ``lang`` (the Chinese one when it has no English title)."""
        if resolve_language(lang) == "en" and self.title_en:
            return self.title_en
        return self.title_zh


class Plan(BaseModel):
    """The plan a catalog declares its targets from.

    Only the Chinese title is required. ``sections`` are listed in the plan's order (reports
    follow it); ``clauses`` says how the plan names its clauses, by the keys of
    :data:`CLAUSE_NAME_FIELDS`; a kind it does not name is named as the Xiamen plan names it.
    """

    model_config = _FROZEN

    #: The plan's title as issued (``"厦门市创建全国质量强市示范城市工作方案"``).
    title_zh: str = Field(min_length=1)
    title_en: str = ""
    #: The document number of the notice that issued it (``"厦府〔2013〕98号"``).
    number: str | None = None
    #: Who issued it (``"厦门市人民政府"``).
    issuer: str | None = None
    #: When it was issued: ISO 8601 (``"2013-03-30"``, ``"2013-03"`` or ``"2013"``).
    issued: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    sections: tuple[PlanSection, ...] = ()
    clauses: dict[ClauseKey, ClauseName] = Field(default_factory=dict)

    @field_validator("sections")
    @classmethod
    def _unique_sections(cls, sections: tuple[PlanSection, ...]) -> tuple[PlanSection, ...]:
        keys = [section.key for section in sections]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            raise ValueError(f"sections: {twice} are given twice")
        return sections

    @field_validator("clauses")
    @classmethod
    def _known_fields(cls, clauses: dict[str, ClauseName]) -> dict[str, ClauseName]:
        for key, name in clauses.items():
            allowed = CLAUSE_NAME_FIELDS[key]
            for lang in ("zh", "en"):
                used = _fields(getattr(name, lang))
                if not used <= allowed:
                    stray = ", ".join(sorted(used - allowed))
                    raise ValueError(
                        f"clauses.{key}.{lang}: unknown field(s) {{{stray}}}; "
                        f"use {' and '.join('{' + a + '}' for a in sorted(allowed)) or 'none'}"
                    )
        return clauses

    def __hash__(self) -> int:
        return hash(self.model_dump_json())

    def title(self, lang: Language | str | None = None) -> str:
        """The plan's title in ``lang`` (the Chinese one when it has no English title)."""
        if resolve_language(lang) == "en" and self.title_en:
            return self.title_en
        return self.title_zh

    @property
    def clause_words(self) -> dict[str, Words]:
        """The name of each kind of clause, as the plan names it (else as Xiamen's does)."""
        return {
            key: self.clauses[key].words() if key in self.clauses else CLAUSES[key]
            for key in CLAUSE_NAME_FIELDS
        }

    def section(self, key: str) -> PlanSection | None:
        """The section keyed ``key``, if the plan lists it."""
        return next((section for section in self.sections if section.key == key), None)

    def section_order(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """``keys`` in the plan's order: its listed sections first, then the others as given.

        >>> Plan(title_zh="方案", sections=[PlanSection(key="二", title_zh="乙"),
        ...     PlanSection(key="一", title_zh="甲")]).section_order(("一", "三", "二"))
        ('二', '一', '三')
        """
        listed = [section.key for section in self.sections]
        known = [key for key in listed if key in keys]
        return (*known, *(key for key in keys if key not in listed))


_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _fields(template: str) -> frozenset[str]:
    """The ``{field}`` names a template uses; a malformed template is a ``ValueError``."""
    names = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    bad = [name for name in names if not _FIELD_NAME.match(name)]
    if bad:
        raise ValueError(f"the template {template!r} has a malformed field {bad[0]!r}")
    return frozenset(names)
