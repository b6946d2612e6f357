"""Errors raised on bad input: one exception that lists every problem found."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

__all__ = ["DataError", "DataProblem"]


class DataProblem(BaseModel):
    """One problem in the caller's data, located by column and row.

    ``row`` is the caller's index label (or a 1-based line for files); ``None`` when the
    problem concerns the whole column.
    """

    model_config = ConfigDict(frozen=True)

    column: str | None
    row: object | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.column is not None:
            where.append(f"column {self.column!r}")
        if self.row is not None:
            where.append(f"row {self.row!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class DataError(ValueError):
    """The input data cannot be evaluated; ``problems`` lists every problem found.

    Example:
    >>> err = DataError([DataProblem(column="period", row=3, message="missing period")])
    >>> print(err)
    1 problem in the data:
      - column 'period', row 3: missing period
    """

    def __init__(self, problems: Iterable[DataProblem]) -> None:
        self.problems: tuple[DataProblem, ...] = tuple(problems)
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the data:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))

    @classmethod
    def single(cls, message: str, *, column: str | None = None, row: object = None) -> DataError:
        """Build an error holding one problem."""
        return cls([DataProblem(column=column, row=row, message=message)])
