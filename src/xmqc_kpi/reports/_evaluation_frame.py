"""The assessments of an evaluation, with every text the report shows computed column-wise.

:func:`prepare` reads :meth:`~xmqc_kpi.Evaluation.to_frame` once and adds formatted columns
(value, threshold, margin, interval, rank, status label, matrix cell) over all rows at once,
so the rest of the builder only slices arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..indicator import Indicator
from ..plan import Plan
from ..results import Evaluation, Language
from ..text.numbers import format_numbers, pair_decimals
from ..text.report_print import READING
from ..text.statuses import status_word
from ._evaluation_text import STATUS_SYMBOLS, Words

__all__ = ["Prepared", "period_order", "prepare"]


@dataclass(frozen=True)
class Prepared:
    """The assessments with display columns, and the orders the report lays them out in."""

    #: ``to_frame(lang)`` plus ``region_label``, ``period_label``, ``section``, ``kind`` and
    #: the ``*_text`` columns.
    frame: pd.DataFrame
    indicators: dict[str, Indicator]
    regions: tuple[str, ...]
    periods: tuple[str, ...]
    #: The plan the indicators come from (it names their clauses), if known.
    plan: Plan | None = None


def prepare(result: Evaluation, lang: Language, words: Words) -> Prepared:
    """The assessments of ``result`` with their display texts, in canonical order."""
    frame = result.to_frame(lang)
    indicators = {indicator.id: indicator for indicator in result.indicators}
    ids = frame["indicator_id"].astype(str).to_numpy(dtype=object)
    region = frame["region"].astype(object)
    frame["region_label"] = region.where(region.notna(), words.no_region).astype(str)
    frame["period_label"] = frame["period"].astype(str)
    frame["status"] = frame["status"].astype(str)
    frame["section"] = _per_indicator(ids, indicators, lambda i: i.section)
    frame["kind"] = _per_indicator(ids, indicators, lambda i: i.threshold.kind)
    base = np.asarray(_per_indicator(ids, indicators, lambda i: i.decimals), dtype=np.int64)
    _add_texts(frame, base, words)
    regions = tuple(dict.fromkeys(frame["region_label"].tolist()))
    periods = period_order(frame["period"].tolist())
    return Prepared(frame, indicators, regions, periods, result.plan)


def _per_indicator(
    ids: npt.NDArray[np.object_], indicators: dict[str, Indicator], attribute: Any
) -> list[Any]:
    """One attribute of each row's indicator (computed once per indicator)."""
    values = {key: attribute(indicator) for key, indicator in indicators.items()}
    return [values[key] for key in ids]


def _add_texts(frame: pd.DataFrame, base: npt.NDArray[np.int64], words: Words) -> None:
    value = frame["value"].to_numpy(dtype=np.float64)
    threshold = frame["threshold"].to_numpy(dtype=np.float64)
    decimals = pair_decimals(value, threshold, base)  # the one number policy
    frame["value_text"] = format_numbers(value, decimals)
    frame["threshold_text"] = format_numbers(threshold, decimals)
    frame["margin_text"] = format_numbers(frame["margin"].to_numpy(dtype=np.float64), decimals)
    low = frame["ci_low"].to_numpy(dtype=np.float64)
    high = frame["ci_high"].to_numpy(dtype=np.float64)
    interval = np.strings.add(
        np.strings.add(format_numbers(low, decimals), "–"), format_numbers(high, decimals)
    )
    frame["interval_text"] = np.where(np.isfinite(low) & np.isfinite(high), interval, "")
    frame["rank_text"] = _rank_texts(frame)
    status = frame["status"].to_numpy(dtype=object)
    frame["status_text"] = [status_word(s, words.lang) for s in status]
    symbol = np.asarray([STATUS_SYMBOLS[s] for s in status], dtype=object)
    attention = frame["attention"].astype(object)
    flags = {key: READING.say(key, words.lang) for key in ("near_met", "near_not_met")}
    frame["attention_text"] = [
        flags.get(str(a), "") for a in attention.where(attention.notna(), "")
    ]
    progress = frame["progress"].astype(object)
    frame["progress_code"] = progress.where(progress.notna(), "").astype(str)
    frame["cell_text"] = np.where(
        np.isfinite(value), symbol + " " + frame["value_text"].to_numpy(dtype=object), symbol
    )


def _rank_texts(frame: pd.DataFrame) -> npt.NDArray[np.object_]:
    """``"4 / 15 (≤ 3)"``: rank, group size and cut-off rank, where there is a rank."""
    rank = frame["rank"]
    known = rank.notna().to_numpy()
    text = (
        rank.astype("string")
        + " / "
        + frame["group_size"].astype("string")
        + " (≤ "
        + frame["cutoff_rank"].astype("string")
        + ")"
    )
    return np.where(known, text.fillna("").to_numpy(dtype=object), "")


def period_order(periods: list[Any]) -> tuple[str, ...]:
    """Distinct period labels in time order (years, or anything ``pandas.Period`` reads).

    >>> period_order([2014, 2012, 2014, 2013])
    ('2012', '2013', '2014')
    >>> period_order(["2013Q2", "2012Q4"])
    ('2012Q4', '2013Q2')
    """
    distinct = {str(period): period for period in periods}
    return tuple(sorted(distinct, key=lambda label: _period_key(distinct[label])))


def _period_key(period: Any) -> tuple[int, int, str]:
    try:
        if isinstance(period, int):
            return (0, pd.Period(year=period, freq="Y").ordinal, "")
        return (0, pd.Period(str(period)).ordinal, "")
    except ValueError:
        return (1, 0, str(period))
