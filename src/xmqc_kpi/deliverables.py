"""Deliverables: something the plan asks to have built or completed by a deadline year.

The plan's 建成 … 国家级服务业标准化试点 (7.1.1) and 建设 … 国家级现代产业计量测试中心 (2.3.2)
ask for a thing to exist by the deadline, not for a number. The input is **the year it was
completed** — a plain number, dimensionless (a calendar year is a label, not a duration that
converts to months) — and ``0`` where it is not yet completed (未建成 on the input template: a
blank cell is missing data, never "not built"). :class:`Deliverable` judges each row:

* a year ≤ ``by`` → ``completed_by_deadline``, met;
* a year > ``by`` → ``completed_late``, not met (late);
* ``0``, the row's period ending before the end of year ``by`` →
  ``not_completed_before_deadline``, not met (yet: the explanation says it is not yet due);
* ``0`` otherwise (the deadline reached, or the periods' calendar unknown) →
  ``not_completed``, not met;
* anything else (a fraction, 13) → ``not_a_completion_year``, insufficient data;
* a blank → ``missing_input``, insufficient data (as for every kind).

So the status is met only with a completion year no later than the deadline year. Whether the
deadline has passed at the evaluation date is the frame's ``due`` column, as for every kind.
A completion year is a whole number from :data:`FIRST_YEAR` to :data:`LAST_YEAR` (the years
a period may be in). The kind is built in: :mod:`xmqc_kpi.thresholds` registers it with its
words (:mod:`xmqc_kpi.text.deliverables`), and catalog files write it ``kind: deliverable``.

>>> kind = Deliverable(by=2015)
>>> kind.expected(Fraction(2014), {}).value, kind.expected(Fraction(2016), {}).value
('met', 'not_met')
>>> kind.expected(Fraction(0), {}).value, kind.expected(Fraction(1, 2), {}).value
('not_met', 'insufficient_data')
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import Field

from .judging import EQUAL, Direction, Subject, ThresholdKind, Verdict, decide
from .results import Status
from .text.kinds import kind_words
from .units import normalise_unit

if TYPE_CHECKING:
    from .text import Language

__all__ = ["FIRST_YEAR", "LAST_YEAR", "NOT_COMPLETED", "Deliverable"]

BoolArray = npt.NDArray[np.bool_]

#: The earliest completion year read as a year (as the earliest period, ``xmqc_kpi.panel``).
FIRST_YEAR = 1949
#: The latest completion year read as a year.
LAST_YEAR = 2100
#: What a clerk enters for "not yet completed" (未建成).
NOT_COMPLETED = 0
_MONTHS = 12


class Deliverable(ThresholdKind):
    """Completed by the end of year ``by``: the reported completion year is ``by`` or earlier.

    ``0`` means not yet completed (not met; the explanation says when the deadline is still to
    come); any other value that is not a whole year from :data:`FIRST_YEAR` to
    :data:`LAST_YEAR` is insufficient data. ``done`` words the deliverable: ``"built"``
    (建成, the default) or ``"completed"`` (完成).

    >>> Deliverable(by=2013).symbol
    '≤'
    """

    kind: Literal["deliverable"] = "deliverable"
    reasons: ClassVar[Mapping[str, Status]] = {
        "completed_by_deadline": Status.MET,
        "completed_late": Status.NOT_MET,
        "not_completed_before_deadline": Status.NOT_MET,
        "not_completed": Status.NOT_MET,
        "not_a_completion_year": Status.INSUFFICIENT_DATA,
    }
    #: The deadline year: completed in it or before is met (the indicator's deadline year).
    by: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    #: How the deliverable is worded: 建成 / built, or 完成 / completed.
    done: Literal["built", "completed"] = "built"

    @property
    def symbol(self) -> str:
        """``≤``: the completion year is at most the deadline year."""
        return "≤"

    def implied_direction(self) -> Direction | None:
        """An earlier completion year is better (the margin is the years to spare)."""
        return "lower"

    def check_unit(self, display_unit: str) -> None:
        """A completion year is a plain number: the display unit must be dimensionless."""
        if normalise_unit(display_unit) != normalise_unit("dimensionless"):
            raise ValueError(
                f"threshold: a deliverable's value is a year, shown dimensionless, "
                f"not in {display_unit!r}"
            )

    def describe_fields(self, display_unit: str | None, lang: Language | None) -> dict[str, str]:
        """``by``, ``deadline`` (the end of ``by`` in words), ``done``, ``first``, ``last``."""
        words = kind_words(self.kind)
        return {
            "by": str(self.by),
            "deadline": words.say("deadline", lang, by=self.by),
            "done": words.say(self.done, lang),
            "first": str(FIRST_YEAR),
            "last": str(LAST_YEAR),
        }

    def judge(self, subject: Subject) -> Verdict:
        """The verdict on every row (see :meth:`ThresholdKind.judge` and the module's table).

        Whole numbers are decided exactly: a value within float tolerance of an integer (a
        completion year written ``2014.0000000000000001``) is settled with its exact fraction.
        """
        value = subject.value
        rows = len(subject)
        whole_number = np.rint(value)
        whole = decide(
            value,
            whole_number,
            EQUAL,
            subject.exact,
            lambda row: Fraction(int(whole_number[row])) if np.isfinite(value[row]) else None,
        )
        with np.errstate(invalid="ignore"):
            none = whole & (value == NOT_COMPLETED)
            year = whole & (value >= FIRST_YEAR) & (value <= LAST_YEAR)
            early = year & (value <= self.by)
        before = none & self._before_deadline(subject)
        reason = np.full(rows, "not_a_completion_year", dtype=object)
        reason[year] = np.where(early[year], "completed_by_deadline", "completed_late")
        reason[none] = "not_completed"
        reason[before] = "not_completed_before_deadline"
        return Verdict(
            reason=reason,
            compared_with=np.where(year, float(self.by), np.nan),
            equal=year & (value == self.by),
            compared_exact=lambda row: Fraction(self.by) if year[row] else None,
            declared=True,
        )

    def _before_deadline(self, subject: Subject) -> BoolArray:
        """Rows whose period ends before the end of year ``by`` (none when periods are unknown)."""
        if subject.freq is None or len(subject) == 0:
            return np.zeros(len(subject), dtype=bool)
        ordinals, codes = np.unique(subject.ordinal, return_inverse=True)
        ends = [pd.Period(ordinal=int(o), freq=subject.freq).end_time for o in ordinals]
        months = np.array([end.year * _MONTHS + end.month for end in ends], dtype=np.int64)
        return np.asarray(months[codes] < self.by * _MONTHS + _MONTHS, dtype=bool)

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        """The exact reference status (see :meth:`ThresholdKind.expected`).

        Not completed is not met whether the deadline has come or not: only the wording differs.
        """
        if value == NOT_COMPLETED:
            return Status.NOT_MET
        if value.denominator != 1 or not FIRST_YEAR <= value <= LAST_YEAR:
            return Status.INSUFFICIENT_DATA
        return Status.MET if value <= self.by else Status.NOT_MET
