"""Errors raised on bad input: one exception that lists every problem found.

Each :class:`DataProblem` carries a stable machine ``code`` (the key of its wording in
:mod:`xmqc_kpi.text.problems`), the parameters of its message, and its place as the sender
sees it: the sheet and cell of a file, the column as written (a header or a DataFrame column
name), the variable and its label. It renders in Chinese or English; ``str()`` uses the active
language (Chinese unless chosen otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from .text import Language, Words, resolve_language
from .text.problems import LOCATION, PROBLEMS, SUMMARY

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PROBLEM_COLUMNS",
    "DataError",
    "DataNote",
    "DataProblem",
    "Place",
    "ProblemsError",
    "by_place",
    "file_place",
]

#: Columns of :meth:`DataError.to_frame`, in order.
PROBLEM_COLUMNS = ("sheet", "cell", "row", "column", "variable", "value", "code", "message")


class Place(BaseModel):
    """Where something is in the caller's data, as the caller sees it.

    ``row`` is the caller's index label, or the 1-based row (line, record) of a file; ``None``
    when the place is a whole column. ``column`` is the column as written by the sender;
    ``variable`` the catalog's input variable it was read as, and ``label`` that variable's
    name in words. ``sheet`` and ``letter`` place it in a spreadsheet.

    >>> place = Place(row=43, letter="H", sheet="Sheet1", column="市级监督抽查批次")
    >>> place.location("en"), place.location("zh")
    ('Sheet1!H43 (市级监督抽查批次)', '工作表“Sheet1”第43行 H列（市级监督抽查批次）')
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    column: str | None = None
    row: object | None = None
    variable: str | None = None
    label: Words | None = None
    sheet: str | None = None
    letter: str | None = None

    @property
    def cell(self) -> str | None:
        """The spreadsheet cell (``"H43"``) when the column letter and row are known."""
        if self.letter is None or self.row is None:
            return None
        return f"{self.letter}{self.row}"

    def location(self, lang: Language | str | None = None) -> str:
        """Where it is, as the sender sees it (empty when it concerns the whole data)."""
        language = resolve_language(lang)
        parts: list[str] = []
        if self.cell is not None:
            prefix = f"{self.sheet}!" if self.sheet is not None else ""
            cell = LOCATION.say(
                "cell", language, row=self.row, letter=self.letter, sheet_prefix=prefix
            )
            if language == "zh" and self.sheet is not None:  # 工作表“Sheet1”第43行 H列
                cell = LOCATION.say("sheet", language, sheet=self.sheet) + cell
            parts.append(cell)
        else:
            if self.sheet is not None:
                parts.append(LOCATION.say("sheet", language, sheet=self.sheet))
            if self.row is not None:
                parts.append(LOCATION.say("row", language, row=self.row))
            if self.letter is not None:
                parts.append(LOCATION.say("letter", language, letter=self.letter))
            elif self.column is not None:
                parts.append(LOCATION.say("column", language, column=self.column))
        where = LOCATION.say("separator", language).join(parts)
        named = self.column if self.letter is not None else None
        if self.label is not None:
            named = f"{named} · {self.label(language)}" if named else self.label(language)
        if named and where:
            where += LOCATION.say("label", language, label=named)
        return where


class DataProblem(Place):
    """One problem in the caller's data, with its stable ``code``, located like a :class:`Place`.

    >>> problem = DataProblem(code="value_not_number", params={"text": "约1200"}, row=43,
    ...                       letter="H", sheet="Sheet1", column="市级监督抽查批次")
    >>> problem.render("en")
    "Sheet1!H43 (市级监督抽查批次): not a number: '约1200'"
    >>> problem.render("zh")
    '工作表“Sheet1”第43行 H列（市级监督抽查批次）：“约1200”不是数字'
    """

    #: Stable machine code; the key of the wording in :data:`xmqc_kpi.text.problems.PROBLEMS`.
    code: str
    #: The fields of the message template (a :class:`~xmqc_kpi.text.Words` is said in the
    #: language of the message).
    params: dict[str, Any] = Field(default_factory=dict)
    value: object | None = None

    def message_in(self, lang: Language | str | None = None) -> str:
        """The message alone, without the location, in ``lang``."""
        language = resolve_language(lang)
        fields = {
            key: value(language) if isinstance(value, Words) else value
            for key, value in self.params.items()
        }
        return PROBLEMS.say(self.code, language, **fields)

    @property
    def message(self) -> str:
        """The message in the active language."""
        return self.message_in()

    def render(self, lang: Language | str | None = None) -> str:
        """The location and the message, in ``lang``."""
        language = resolve_language(lang)
        where = self.location(language)
        message = self.message_in(language)
        return LOCATION.say("lead", language, where=where, message=message) if where else message

    def __str__(self) -> str:
        return self.render()


class DataNote(DataProblem):
    """Something reading did leniently that the sender should know, located like a problem.

    >>> note = DataNote(code="note_hidden_column", letter="C", column="gdp", sheet="Sheet1")
    >>> note.render("en")
    "sheet 'Sheet1', column C (gdp): hidden in the sheet; read like the others"
    >>> note.render("zh")
    '工作表“Sheet1”，C列（gdp）：该列在工作表中隐藏，照常读取'
    """


def file_place(attrs: Mapping[str, Any], column: object, row: object) -> dict[str, Any]:
    """Where a cell of a frame read by :func:`xmqc_kpi.read_data` is in the sender's file.

    ``attrs`` is the frame's ``attrs``: ``"sheet"`` (XLSX), ``"letters"`` (frame column →
    column letter, CSV and XLSX) and ``"headers"`` (frame column → header as written);
    ``row`` the frame's index label, which is the file's row (line, record) number. The result
    is the keyword arguments ``sheet``, ``letter``, ``column`` and ``row`` of a :class:`Place`
    (and so of a :class:`DataProblem`); for a frame not read from a file, the column and row
    as given.

    >>> attrs = {"sheet": "Sheet1", "letters": {"gdp": "H"}, "headers": {"gdp": "GDP（亿元）"}}
    >>> Place(**file_place(attrs, "gdp", 43)).location("en")
    'Sheet1!H43 (GDP（亿元）)'
    >>> file_place({}, "gdp", 0)
    {'sheet': None, 'letter': None, 'column': 'gdp', 'row': 0}
    """
    letters = attrs.get("letters") or {}
    headers = attrs.get("headers") or {}
    name = None if column is None else str(column)
    return {
        "sheet": attrs.get("sheet"),
        "letter": letters.get(name) if name is not None else None,
        "column": headers.get(name, name) if name is not None else None,
        "row": row,
    }


def by_place(problems: Iterable[DataProblem]) -> list[DataProblem]:
    """``problems`` in the order a person reads a file: by row, then by column.

    Problems of no row (a whole column, the whole file) come first; rows that are not line
    numbers (a DataFrame's own index labels) keep the order they were found in, after them.
    Within a row, a column with a letter is placed by it (``AA`` after ``Z``).

    >>> found = [DataProblem(code="value_negative", row=3, letter="C"),
    ...          DataProblem(code="part_exceeds_whole", row=2, letter="F"),
    ...          DataProblem(code="value_not_number", row=2, letter="D")]
    >>> [problem.cell for problem in by_place(found)]
    ['D2', 'F2', 'C3']
    """

    def order(problem: DataProblem) -> tuple[int, int, int]:
        row = problem.row
        column = _column_number(problem.letter) if problem.letter is not None else 0
        if row is None:
            return 0, 0, column
        if isinstance(row, int) and not isinstance(row, bool):
            return 1, row, column
        return 2, 0, 0

    return sorted(problems, key=order)


def _column_number(letters: str) -> int:
    """A spreadsheet column's number from its letters: ``A`` → 1, ``AA`` → 27."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


class ProblemsError(ValueError):
    """An error that lists every problem found, rendered in Chinese or English.

    Subclasses say how the list is headed (:meth:`summary`), which columns
    :meth:`to_frame` has (``columns``) and what each problem gives for them (:meth:`record`).
    The exception's ``args`` hold the Chinese rendering; ``str()`` uses the active language.
    """

    #: Columns of :meth:`to_frame`, in order.
    columns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, problems: Iterable[Any]) -> None:
        self.problems: tuple[Any, ...] = tuple(problems)
        super().__init__(self.render("zh"))

    @property
    def codes(self) -> tuple[str, ...]:
        """The code of each problem, in order."""
        return tuple(problem.code for problem in self.problems)

    def summary(self, language: Language, count: int) -> str:
        """The line above the problems (``数据中有 2 处问题：``)."""
        raise NotImplementedError

    def record(self, problem: Any, language: Language) -> Mapping[str, Any]:
        """One problem as a row of :meth:`to_frame`."""
        raise NotImplementedError

    def render(self, lang: Language | str | None = None) -> str:
        """Every problem, one per line, under a summary line, in ``lang``."""
        language = resolve_language(lang)
        lines = [self.summary(language, len(self.problems))]
        lines += [f"  - {problem.render(language)}" for problem in self.problems]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()

    def to_frame(self, lang: Language | str | None = None) -> pd.DataFrame:
        """The problems as a table with :attr:`columns`, messages in ``lang``."""
        import pandas as pd

        language = resolve_language(lang)
        records = [self.record(problem, language) for problem in self.problems]
        return pd.DataFrame.from_records(records, columns=list(self.columns))


class DataError(ProblemsError):
    """The input data cannot be evaluated; ``problems`` lists every problem found.

    ``str()`` renders in the active language; :meth:`render` in either.

    Example:
    >>> err = DataError([DataProblem(code="period_missing", column="period", row=3)])
    >>> print(err.render("en"))
    1 problem in the data:
      - row 3, column 'period': missing period
    >>> print(err.render("zh"))
    数据中有 1 处问题：
      - 第3行，“period”列：缺少期间
    >>> err.codes
    ('period_missing',)
    """

    columns = PROBLEM_COLUMNS
    problems: tuple[DataProblem, ...]

    def __init__(self, problems: Iterable[DataProblem]) -> None:
        super().__init__(problems)

    def summary(self, language: Language, count: int) -> str:
        """``数据中有 N 处问题：`` / ``N problems in the data:``."""
        return SUMMARY.say("data", language, count=count, s="s" if count != 1 else "")

    def record(self, problem: DataProblem, language: Language) -> Mapping[str, Any]:
        """Sheet, cell, row, column, variable, value, code and message of one problem.

        >>> DataError([DataProblem(code="period_missing", column="period", row=3)]).to_frame(
        ...     "en")[["row", "column", "code", "message"]].to_dict("records")
        [{'row': 3, 'column': 'period', 'code': 'period_missing', 'message': 'missing period'}]
        """
        return {
            "sheet": problem.sheet,
            "cell": problem.cell,
            "row": problem.row,
            "column": problem.column,
            "variable": problem.variable,
            "value": problem.value,
            "code": problem.code,
            "message": problem.message_in(language),
        }
