"""Declared formulas: pure, vectorised maths from input columns to an indicator's value.

A formula is data (a small frozen model chosen by ``kind``), never code read from a file. Each
kind computes over whole numpy columns at once in floats (:meth:`compute`) and, for the few rows
whose verdict hangs on the last bits, exactly in rationals (:meth:`compute_exact`). Inputs arrive
already converted to their declared default units; the result is in the formula's *natural unit*
(the input's unit, or numerator unit ÷ denominator unit), which the engine converts exactly to
the indicator's display unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Formula", "FormulaOutput", "Ratio", "Value", "ratio", "value"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class FormulaOutput:
    """Columns a formula produces, all of one length; NaN where an input is missing."""

    #: The value in the formula's natural unit.
    value: FloatArray
    #: True where the denominator is zero (the value is then NaN).
    zero_denominator: npt.NDArray[np.bool_]


class Value(BaseModel):
    """The input itself: ``value = x``.

    >>> Value(input="days").compute({"days": np.array([36.0])}).value
    array([36.])
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["value"] = "value"
    #: The input variable reported directly.
    input: str

    @property
    def inputs(self) -> tuple[str, ...]:
        """The input variables, in formula order."""
        return (self.input,)

    @property
    def numerator(self) -> str | None:
        """No numerator: a value formula is not a ratio."""
        return None

    @property
    def denominator(self) -> str | None:
        """No denominator: a value formula is not a ratio."""
        return None

    def natural_unit(self, units: Mapping[str, str]) -> str:
        """The unit of the result: the input's unit."""
        return units[self.input]

    def compute(self, columns: Mapping[str, FloatArray]) -> FormulaOutput:
        """Return the input column (a copy, so the caller's data is never aliased)."""
        column = np.array(columns[self.input], dtype=np.float64)
        return FormulaOutput(value=column, zero_denominator=np.zeros(column.shape, dtype=bool))

    def compute_exact(self, values: Mapping[str, Fraction]) -> Fraction | None:
        """The exact value of one row."""
        return values[self.input]


class Ratio(BaseModel):
    """A ratio of two inputs: ``value = numerator ÷ denominator``.

    A zero denominator gives NaN and is flagged, never a division error. ``part_of_whole``
    declares that the numerator counts a subset of the denominator (passed ≤ sampled), which
    the engine then checks in the data; ``sampled`` that the ratio estimates a proportion from
    a sample (spot checks), so it gets a confidence interval.

    >>> Ratio(numerator="passed", denominator="sampled").compute(
    ...     {"passed": np.array([47.0, 1.0]), "sampled": np.array([50.0, 0.0])}
    ... ).value
    array([0.94,  nan])
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["ratio"] = "ratio"
    numerator: str
    denominator: str
    part_of_whole: bool = True
    sampled: bool = False

    @property
    def inputs(self) -> tuple[str, ...]:
        """The input variables: numerator, then denominator."""
        return (self.numerator, self.denominator)

    def natural_unit(self, units: Mapping[str, str]) -> str:
        """The unit of the result: numerator unit ÷ denominator unit."""
        return f"({units[self.numerator]}) / ({units[self.denominator]})"

    def compute(self, columns: Mapping[str, FloatArray]) -> FormulaOutput:
        """Divide column by column; a zero denominator gives NaN."""
        numerator = np.asarray(columns[self.numerator], dtype=np.float64)
        denominator = np.asarray(columns[self.denominator], dtype=np.float64)
        zero = denominator == 0
        with np.errstate(divide="ignore", invalid="ignore"):
            result = np.where(zero, np.nan, numerator / np.where(zero, 1.0, denominator))
        return FormulaOutput(value=result, zero_denominator=zero)

    def compute_exact(self, values: Mapping[str, Fraction]) -> Fraction | None:
        """The exact ratio of one row, ``None`` for a zero denominator."""
        denominator = values[self.denominator]
        if denominator == 0:
            return None
        return values[self.numerator] / denominator


Formula = Annotated[Value | Ratio, Field(discriminator="kind")]


def value(input: str) -> Value:
    """Declare an indicator reported directly by one input variable."""
    return Value(input=input)


def ratio(
    numerator: str, denominator: str, *, part_of_whole: bool = True, sampled: bool = False
) -> Ratio:
    """Declare ``numerator ÷ denominator`` (see :class:`Ratio`)."""
    return Ratio(
        numerator=numerator, denominator=denominator, part_of_whole=part_of_whole, sampled=sampled
    )
