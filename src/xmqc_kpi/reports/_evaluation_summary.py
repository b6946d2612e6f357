"""The report's summary: status counts overall, by section, unit and region, and deadlines."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..results import Evaluation, Status
from ..text.statuses import status_word
from ._evaluation_frame import Prepared
from ._evaluation_model import Cell, Table
from ._evaluation_text import Words
from ._threshold_text import section_heading

__all__ = ["deadline_lines", "summary_tables"]

_STATUSES = [status.value for status in Status]


def summary_tables(result: Evaluation, prepared: Prepared, words: Words) -> tuple[Table, ...]:
    """The overall, by-section, by-unit, by-region and deadline tables, in that order."""
    frame = prepared.frame
    sections = list(dict.fromkeys(i.section for i in prepared.indicators.values()))
    regions = list(prepared.regions)
    overall = result.summary().set_axis([words.total]).reindex(columns=_STATUSES)
    return (
        _counts_table("summary-overall", words.overall, "", overall, words),
        _counts_table(
            "summary-section",
            words.by_section,
            words.section,
            _status_counts(frame["section"], frame["status"], sections).rename(
                index=lambda key: section_heading(str(key), words.lang, prepared.plan)
            ),
            words,
        ),
        _counts_table(
            "summary-unit",
            words.by_unit,
            words.unit,
            _unit_counts(prepared),
            words,
            note=words.by_unit_note,
        ),
        _counts_table(
            "summary-region",
            words.by_region,
            words.region,
            _status_counts(frame["region_label"], frame["status"], regions),
            words,
        ),
        _deadline_table(prepared, words),
    )


def _status_counts(keys: pd.Series, status: pd.Series, order: Sequence[str]) -> pd.DataFrame:
    """Status counts per key: rows in ``order``, one column per status."""
    return pd.crosstab(keys, status).reindex(index=list(order), columns=_STATUSES, fill_value=0)


def _unit_counts(prepared: Prepared) -> pd.DataFrame:
    """Status counts per responsible unit: each assessment counts once for each of its units."""
    pairs = pd.DataFrame(
        [
            (indicator_id, unit)
            for indicator_id, indicator in prepared.indicators.items()
            for unit in dict.fromkeys(indicator.responsible.units)
        ],
        columns=["indicator_id", "unit"],
    )
    frame = prepared.frame
    per_indicator = _status_counts(
        frame["indicator_id"].astype(str), frame["status"], list(prepared.indicators)
    )
    units = list(dict.fromkeys(pairs["unit"]))
    joined = pairs.join(per_indicator, on="indicator_id")
    return joined.groupby("unit", sort=False)[_STATUSES].sum().reindex(units)


def _counts_table(
    key: str, title: str, label: str, counts: pd.DataFrame, words: Words, *, note: str = ""
) -> Table:
    header = (label, *(status_word(s, words.lang) for s in _STATUSES), words.total)
    rows = tuple(
        (
            Cell(str(name)),
            *(_count(int(n), status) for n, status in zip(values, _STATUSES, strict=True)),
            _count(int(sum(values)), None),
        )
        for name, values in zip(counts.index, counts.to_numpy().tolist(), strict=True)
    )
    return Table(key, title, header, rows, note)


def _count(number: int, status: str | None) -> Cell:
    """A count, coloured by its status unless it is zero."""
    return Cell(str(number), number, numeric=True, status=status if number else None)


def _deadline_table(prepared: Prepared, words: Words) -> Table:
    """Per deadline: indicators, whether it has passed by the evaluation date, status counts."""
    frame = prepared.frame
    deadline = frame["deadline"].astype(object)
    keys = deadline.where(deadline.notna(), words.no_deadline).astype(str)
    order = sorted(set(keys), key=lambda text: (text == words.no_deadline, text))
    counts = _status_counts(keys, frame["status"], order)
    indicators = frame.groupby(keys, sort=False)["indicator_id"].nunique()
    due = frame.groupby(keys, sort=False)["due"].first()
    header = (
        words.deadline,
        words.indicators_count,
        words.deadline_passed,
        *(status_word(s, words.lang) for s in _STATUSES),
        words.total,
    )
    rows = tuple(
        (
            Cell(name),
            _count(int(indicators[name]), None),
            Cell(_due_text(due[name], name == words.no_deadline, words)),
            *(_count(int(n), s) for n, s in zip(values, _STATUSES, strict=True)),
            _count(int(sum(values)), None),
        )
        for name, values in zip(order, counts.to_numpy().tolist(), strict=True)
    )
    return Table("summary-deadline", words.deadlines, header, rows)


def _due_text(due: object, every_period: bool, words: Words) -> str:
    if every_period:
        return words.every_period
    if due is None or due is pd.NA:
        return words.unknown
    return words.passed if bool(due) else words.not_passed


def deadline_lines(result: Evaluation, prepared: Prepared, words: Words) -> tuple[str, ...]:
    """The evaluation date (or that none was given) and which deadlines have passed by it."""
    if result.as_of is None:
        return (words.no_as_of,)
    frame = prepared.frame
    dated = frame.loc[frame["deadline"].notna(), ["deadline", "due"]].drop_duplicates("deadline")
    dated = dated.sort_values("deadline")
    due = dated["due"].astype("boolean")
    passed = dated.loc[due.fillna(False).to_numpy(), "deadline"].astype(str).tolist()
    pending = dated.loc[(~due).fillna(False).to_numpy(), "deadline"].astype(str).tolist()
    return (
        words.as_of.format(date=result.as_of.isoformat()),
        words.deadlines_line.format(
            passed=words.list_separator.join(passed) or words.none,
            pending=words.list_separator.join(pending) or words.none,
        ),
    )
