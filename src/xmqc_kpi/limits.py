"""Budgets for reading a file: what a sender's file may ask of the machine, checked before the work.

Every budget is counted, never timed, and checked before the work it bounds: the file's size
before it is read, an archive's inflated size while it inflates, the cells of a sheet's used
range before they are laid out, the nesting of JSON before it is parsed. A file over a budget
is refused with a :class:`~xmqc_kpi.DataError` whose code is ``limit_exceeded`` and whose
``params["limit"]`` names the budget (the field of :class:`Limits`).

The defaults fit what a department sends (a few thousand rows, a few hundred columns) with a
wide margin, and keep a hostile file of a few megabytes to seconds and well under 1 GiB:

>>> Limits()
Limits(max_file_bytes=20971520, max_rows=100000, max_columns=2000, max_cells=500000, max_inflated_bytes=52428800, max_archive_members=10000, max_depth=32, max_keys=2000)

Change one with :func:`dataclasses.replace` or by keyword, and pass it as ``limits=``:

>>> Limits(max_rows=1_000_000).max_rows
1000000
>>> Limits(max_rows=0)
Traceback (most recent call last):
ValueError: Limits.max_rows must be a positive integer, not 0
"""  # noqa: E501 - a doctest's expected output is one line

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import DataError, DataProblem
from .text._problems_reading import LIMIT_WORDS

__all__ = ["DEFAULT_LIMITS", "Limits", "exceeded"]


@dataclass(frozen=True, slots=True)
class Limits:
    """The budgets of one reading; each is a positive integer."""

    #: The largest file read, in bytes (20 MiB).
    max_file_bytes: int = 20 * 2**20
    #: Rows of data (lines of CSV, rows of a sheet's used range, JSON records, Parquet rows).
    max_rows: int = 100_000
    #: Columns (CSV cells in a line, columns of a sheet's used range, JSON keys, Parquet columns).
    max_columns: int = 2_000
    #: Cells: rows × columns of the table as laid out (an XLSX sheet's used range included).
    #: An XLSX file's XML may hold at most four elements per such cell (rows, cells, strings).
    max_cells: int = 500_000
    #: XLSX: the bytes its XML parts inflate to, all together (50 MiB).
    max_inflated_bytes: int = 50 * 2**20
    #: XLSX: the members of the archive.
    max_archive_members: int = 10_000
    #: JSON: how deeply lists and objects nest.
    max_depth: int = 32
    #: JSON: distinct keys over all records.
    max_keys: int = 2_000

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"Limits.{item.name} must be a positive integer, not {value!r}")


#: The budgets used when none are given.
DEFAULT_LIMITS = Limits()


def exceeded(limit: str, count: int | str, maximum: int) -> DataError:
    """The error for a budget exceeded: code ``limit_exceeded``, ``params["limit"]`` its name.

    >>> print(exceeded("max_rows", 250_000, 100_000).render("en"))
    1 problem in the data:
      - too many rows: 250000, the limit is 100000 (Limits.max_rows)
    >>> print(exceeded("max_rows", 250_000, 100_000).render("zh"))
    数据中有 1 处问题：
      - 行数超出限额：250000，上限为 100000（Limits.max_rows）
    """
    problem = DataProblem(
        code="limit_exceeded",
        params={"limit": limit, "what": LIMIT_WORDS[limit], "count": count, "maximum": maximum},
    )
    return DataError([problem])
