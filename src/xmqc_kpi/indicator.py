"""The :class:`Indicator` model: one target of the plan, declared as data.

An indicator reads like the plan's line it comes from: its clause, the plan's exact wording,
a declared formula over named input variables with units, the unit its value is shown in,
an exact threshold, the deadline and the responsible units.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .formulas import Formula, Ratio
from .text import resolve_language
from .thresholds import Threshold, threshold_kind
from .units import UnitError, is_compatible, normalise_unit

if TYPE_CHECKING:
    from .text import Language

__all__ = ["Clause", "Direction", "Indicator", "Input", "Responsible"]

Direction = Literal["higher", "lower"]

_IDENTIFIER = r"^[a-z][a-z0-9_]*$"
_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Input(BaseModel):
    """An input variable: a column of the caller's data (or a ``variable`` of a long frame)."""

    model_config = _FROZEN

    #: The column name (public API: notebooks and templates use it).
    name: str = Field(pattern=_IDENTIFIER)
    #: The unit a bare number is read in; the caller's ``units=`` may override it.
    unit: str
    #: The label a Chinese department sees in the input template.
    label_zh: str
    label_en: str = ""
    description: str = ""
    #: What one count counts, for its measure word (``"batch"`` → 批次, ``"enterprise"`` → 家):
    #: a key of :data:`xmqc_kpi.text.units.MEASURES`; ``None`` writes a bare count.
    counted: str | None = None

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        normalise_unit(unit)
        return unit


class Clause(BaseModel):
    """Where the target stands in the plan: a table sub-item (``"5.1.2"``) and a body item.

    ``body`` is the body's item number (``"22"``) or section (``"五(三)"``). The plan section
    is the table's first level (``"5"``), or the body section for targets with no table row.
    """

    model_config = _FROZEN

    table: str | None = Field(default=None, pattern=r"^\d+\.\d+\.\d+$")
    body: str
    #: Where the indicator's quote stands: the table row, or the body item (a quote may come
    #: from the body even when a table row exists). Default: the table when there is a row.
    quoted_from: Literal["table", "body"] = None  # type: ignore[assignment]

    @model_validator(mode="before")
    @classmethod
    def _default_quoted_from(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("quoted_from") is None:
            data = {**data, "quoted_from": "table" if data.get("table") else "body"}
        return data

    @model_validator(mode="after")
    def _quote_has_a_place(self) -> Clause:
        if self.quoted_from == "table" and self.table is None:
            raise ValueError("quoted_from: 'table' needs a table row")
        return self

    @property
    def section(self) -> str:
        """The plan section used for filtering and summaries (``"5"``, ``"五"``)."""
        if self.table is not None:
            return self.table.split(".")[0]
        return re.split(r"[(\uff08]", self.body)[0]

    def __str__(self) -> str:
        return self.table if self.table is not None else self.body


class Responsible(BaseModel):
    """The units responsible, as the plan states them; ``inherited_from`` names their table row.

    ``units`` are the table's 责任单位 in the plan's order. The order ranks nothing: a unit leads
    only where the plan says 牵头, and most rows of the table name no lead. ``leads`` are the
    units the table marks 牵头 (among ``units``); ``body_leads`` those the body item marks 牵头,
    recorded beside the table's units, which they may differ from (a body item covers several
    table rows). A blank 责任单位 cell in the decomposition table is a merged cell flattened in
    the source: it inherits the row above, and the catalog records so.

    >>> units = Responsible(units=("市质监局",), body_leads=("市质监局", "厦门检验检疫局"))
    >>> units.leads, units.body_leads
    ((), ('市质监局', '厦门检验检疫局'))
    """

    model_config = _FROZEN

    units: tuple[str, ...] = Field(min_length=1)
    inherited_from: str | None = None
    #: The units the table marks 牵头 (a subset of ``units``); empty when it names no lead.
    leads: tuple[str, ...] = ()
    #: The units the body item marks 牵头; empty when the body names no lead.
    body_leads: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _leads_among_units(self) -> Responsible:
        stray = [unit for unit in self.leads if unit not in self.units]
        if stray:
            raise ValueError(f"leads: {stray} are not among the units")
        return self

    @property
    def inherited(self) -> bool:
        """Whether the plan's cell was blank and the units come from a row above."""
        return self.inherited_from is not None


class Indicator(BaseModel):
    """One target of the plan: formula, unit, threshold and provenance.

    >>> from xmqc_kpi.formulas import ratio
    >>> from xmqc_kpi.thresholds import AtLeast
    >>> rate = Indicator(
    ...     id="municipal_sampling_pass_rate",
    ...     clause=Clause(table="5.1.2", body="22"),
    ...     title_zh="市级监督抽查合格率",
    ...     title_en="Municipal supervision sampling pass rate",
    ...     formula=ratio("municipal_passed_batches", "municipal_sampled_batches", sampled=True),
    ...     inputs=(
    ...         Input(name="municipal_sampled_batches", unit="count", label_zh="市级监督抽查批次"),
    ...         Input(name="municipal_passed_batches", unit="count", label_zh="合格批次"),
    ...     ),
    ...     unit="percent",
    ...     threshold=AtLeast(96, "percent"),
    ...     quote="市级监督抽查合格率达96%以上",
    ...     deadline="2013-12",
    ...     responsible=Responsible(units=("市质监局", "厦门检验检疫局", "各区政府")),
    ... )
    >>> rate.direction
    'higher'
    """

    model_config = _FROZEN

    id: str = Field(pattern=_IDENTIFIER)
    clause: Clause
    title_zh: str
    title_en: str
    formula: Formula
    inputs: tuple[Input, ...] = Field(min_length=1)
    #: The unit the value, margin, interval, benchmarks and peer values are shown in.
    unit: str
    threshold: Threshold
    #: Whether a higher or a lower value is better; derived from the threshold when omitted.
    direction: Direction = "higher"
    #: Year-month the target is due (``"2013-12"``), or ``None`` (applies every period).
    deadline: str | None = Field(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    deadline_inherited: bool = False
    responsible: Responsible
    #: The plan's exact wording (a substring of the plan's text).
    quote: str
    #: How vague wording was read (前列, 不断提高 …), in English; empty when the wording is plain.
    #: The field keeps its name (catalog files and older code use it): it is the English note.
    interpretation: str = ""
    #: The same note in Chinese, shown by reports in ``lang="zh"``; empty when there is none.
    #: :meth:`interpretation_text` falls back to the other language when one of them is empty.
    interpretation_zh: str = ""
    #: Decimals shown in explanations (more are shown where fewer would seem to contradict).
    decimals: int = Field(default=2, ge=0, le=6)
    #: An attention band in the display unit (0.5 for half a percentage point): assessments
    #: whose value lies within it of what they are compared with are flagged (``near_met``,
    #: ``near_not_met``), their status unchanged. ``None``: no band.
    attention: Decimal | None = Field(default=None, gt=0)

    @property
    def input_names(self) -> tuple[str, ...]:
        """Names of the declared inputs, in declaration order."""
        return tuple(item.name for item in self.inputs)

    @property
    def input_units(self) -> dict[str, str]:
        """Default unit of each declared input."""
        return {item.name: item.unit for item in self.inputs}

    @property
    def sampled(self) -> bool:
        """Whether the value estimates a proportion from a sample (it then has an interval)."""
        return isinstance(self.formula, Ratio) and self.formula.sampled

    @property
    def section(self) -> str:
        """The plan section (``"5"`` for table item 5.1.2)."""
        return self.clause.section

    def interpretation_text(self, lang: Language | None = None) -> str:
        """The interpretation note in ``lang``, or in the other language when that one is empty.

        ``"zh"`` reads :attr:`interpretation_zh`, ``"en"`` :attr:`interpretation`; a custom
        catalog may give only one of them, and every language then shows that one. Empty when
        the indicator has no note.

        >>> from xmqc_kpi import catalog
        >>> rate = catalog()["municipal_sampling_pass_rate"]
        >>> rate.interpretation_text("en")
        '96%以上 includes 96 %.'
        >>> rate.interpretation_text("zh")
        '“96%以上”含本数（96%）。'
        >>> rate.model_copy(update={"interpretation_zh": ""}).interpretation_text("zh")
        '96%以上 includes 96 %.'
        """
        first, second = (
            (self.interpretation_zh, self.interpretation)
            if resolve_language(lang) == "zh"
            else (self.interpretation, self.interpretation_zh)
        )
        return first or second

    @model_validator(mode="before")
    @classmethod
    def _default_direction(cls, data: object) -> object:
        if isinstance(data, dict) and "direction" not in data:
            implied = _implied_direction(data.get("threshold"))
            data = {**data, "direction": implied or "higher"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        names = self.input_names
        if len(set(names)) != len(names):
            raise ValueError("inputs: duplicate input names")
        undeclared = [name for name in self.formula.inputs if name not in names]
        if undeclared:
            raise ValueError(f"formula: uses undeclared inputs {undeclared}")
        try:
            natural = self.formula.natural_unit(self.input_units)
            if not is_compatible(natural, self.unit):
                raise ValueError(
                    f"unit: the formula gives {natural!r}, not convertible to {self.unit!r}"
                )
        except UnitError as exc:
            raise ValueError(f"unit: {exc}") from exc
        threshold = self.threshold
        threshold.check_unit(self.unit)
        expected = threshold.implied_direction()
        if expected is not None and expected != self.direction:
            raise ValueError(f"direction: {threshold.kind} implies {expected!r}")
        return self

    def __repr__(self) -> str:
        return (
            f"<Indicator {self.id}: {self.title_zh} {self.threshold.kind} "
            f"(clause {self.clause.table or self.clause.body})>"
        )

    def _repr_html_(self) -> str:
        from . import display

        return display.html("indicator", self)


def _implied_direction(threshold: object) -> Direction | None:
    """The direction a threshold (a kind, or its mapping in a catalog file) implies, if any."""
    if isinstance(threshold, dict):
        try:
            threshold = threshold_kind(str(threshold.get("kind"))).model_validate(threshold)
        except (KeyError, ValueError):  # the threshold field reports what is wrong with it
            return None
    implied = getattr(threshold, "implied_direction", None)
    return implied() if callable(implied) else None
