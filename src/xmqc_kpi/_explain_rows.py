"""Explanations of a few rows, one row at a time, in plain Python strings.

For a service's row (an indicator's part of one or a few rows, ``_small.is_small``), the
column path of :mod:`xmqc_kpi.explain` spends its time in the fixed cost of dozens of numpy
string calls. Here each row's template is filled with Python strings instead: the same
wording (:class:`~xmqc_kpi._explain_words.Wording`), the same numbers
(:func:`~xmqc_kpi.text.numbers.number_text`, :func:`~xmqc_kpi.text.numbers.pair_places` and
:func:`~xmqc_kpi.text.numbers.given_text`, byte for byte as their column forms), so the same
sentences byte for byte (``tests/test_small_explanations.py`` compares both paths).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import pandas as pd

from ._explain_words import SPAN_DASH, Wording, fill_parts, fill_text, period_text
from .text.explanations import EXPLANATIONS
from .text.numbers import given_text, number_text, pair_places

__all__ = ["RowSource", "render_rows"]


class RowSource(Protocol):
    """One indicator's rows: the table's columns as Python values, and the facts they quote."""

    @property
    def reasons(self) -> list[str]:
        """The reason categories the ``reason`` column's codes index."""
        ...

    def column(self, name: str) -> list[Any]:
        """The table's column ``name`` over these rows (as :class:`xmqc_kpi.explain` reads it)."""
        ...

    def fact(self, name: str) -> list[Any]:
        """The :class:`~xmqc_kpi.explain.Facts` field ``name`` over these rows."""
        ...

    def exact(self, name: str) -> bool:
        """Whether the facts' field ``name`` holds Python numbers (integers beyond int64)."""
        ...


def render_rows(
    wording: Wording, source: RowSource, tails: Sequence[Sequence[str]] = ()
) -> list[str]:
    """Every row's sentence, each of ``tails`` (a string per row) joined after it.

    >>> import xmqc_kpi as kpi
    >>> result = kpi.evaluate(kpi.catalog(), kpi.sample_data()["data"].head(1))
    >>> part = result.filter(indicator="municipal_sampling_pass_rate")
    >>> print(part.explanations("en").iloc[0])  # doctest: +NORMALIZE_WHITESPACE
    Municipal supervision sampling pass rate of products = 20900 batches ÷ 22000 batches =
    95.00%, below the target of 96% (table 5.1.2), not met. 95% Wilson interval 94.70%–95.28%:
    conclusive.
    """
    return _Rows(wording, source).render(tails)


def _absent(cell: Any) -> bool:
    """A missing cell as ``pd.factorize`` counts it (None, NaN, ``pd.NA``)."""
    return cell is None or cell is pd.NA or (isinstance(cell, float) and cell != cell)


class _Rows:
    """The fields of one indicator's rows, each a list of strings made on first use."""

    def __init__(self, wording: Wording, source: RowSource) -> None:
        self.wording = wording
        self.source = source
        self.values: list[float] = source.column("value")
        declared = wording.declared is not None
        decimals = wording.indicator.decimals
        places = [
            pair_places(value, other, decimals, equal=equal, declared=declared)
            for value, other, equal in zip(
                self.values,
                source.column("threshold"),
                source.column("equals_threshold"),
                strict=True,
            )
        ]
        if wording.over_series and places:
            places = [max(places)] * len(places)  # one series, one format
        self.places = places
        self.shown = [number_text(value, p) for value, p in zip(self.values, places, strict=True)]
        self._fields: dict[str, list[str]] = {}

    def render(self, tails: Sequence[Sequence[str]]) -> list[str]:
        """Each row's template (its reason, then ``equal`` or ``direct`` if worded), filled."""
        wording = self.wording
        reasons = self.source.reasons
        equal = self.source.column("equals_threshold")
        direct = self.source.column("direct")
        texts = []
        for row, code in enumerate(self.source.column("reason")):
            reason = reasons[code]
            if equal[row] and wording.worded(reason, "equal"):
                variant = "equal"
            elif direct[row] and wording.worded(reason, "direct"):
                variant = "direct"
            else:
                variant = ""
            pieces = []
            for text, name in wording.parts(reason, variant):
                pieces.append(text)
                if name is not None:
                    pieces.append(self.field(name)[row])
            pieces.extend(tail[row] for tail in tails)
            texts.append("".join(pieces))
        return texts

    def field(self, name: str) -> list[str]:
        """Field ``name`` of every row (one not worded by the indicator: a row field's)."""
        if name not in self._fields:
            maker: Callable[[], list[str]] | None = getattr(self, f"_field_{name}", None)
            if maker is None:
                raise KeyError(f"no explanation field {name!r}")
            self._fields[name] = maker()
        return self._fields[name]

    # ------------------------------------------------------------------ fields

    def _field_value(self) -> list[str]:
        unit, one = self.wording.unit, self.wording.unit_one
        return [
            text + (one if value == 1 else unit)
            for text, value in zip(self.shown, self.values, strict=True)
        ]

    def _field_target(self) -> list[str]:
        unit = self.wording.unit
        compared = self.source.column("threshold")
        return [number_text(c, p) + unit for c, p in zip(compared, self.places, strict=True)]

    def _field_header(self) -> list[str]:
        parts = self.wording.header_parts
        values = self.field("value")
        direct = self.source.column("direct")
        if self.wording.indicator.formula.denominator is None:
            return [
                fill_parts(parts[reported], {"value": value})
                for value, reported in zip(values, direct, strict=True)
            ]
        return [
            fill_parts(parts[reported], {"value": value, "numerator": up, "denominator": down})
            for value, reported, up, down in zip(
                values, direct, self._given("numerator"), self._given("denominator"), strict=True
            )
        ]

    def _given(self, role: str) -> list[str]:
        """An input as given, with its unit; a rate per 10,000 shows its scaled denominator."""
        wording = self.wording
        given = self.source.fact(role)
        _name, counted = wording.roles[role]
        named = role == "denominator"
        exact = self.source.exact(role)  # integers beyond int64: as they are
        scale = named and wording.scaled is not None and not exact
        singular = counted is not None and wording.lang != "zh"
        units = self.source.fact(f"{role}_unit")
        texts = []
        for cell, unit in zip(given, units, strict=True):
            value = cell if exact else float(cell)
            if _absent(unit):
                texts.append(given_text(value))
                continue
            if scale:
                value *= wording.factor(str(unit)) if unit else 1.0
                unit = wording.scaled if unit else ""
            if singular and value == 1:
                suffix = wording.suffix(str(unit), counted, one=True)
            else:
                suffix = wording.suffix(str(unit), counted, named=named) if unit else ""
            texts.append(given_text(value) + suffix)
        return texts

    def _field_period(self) -> list[str]:
        lang = self.wording.lang
        return [
            "" if _absent(period) else period_text(period, lang)
            for period in self.source.column("period")
        ]

    def _field_interval(self) -> list[str]:
        low = self.source.column("ci_low")
        if not any(math.isfinite(number) for number in low):
            return [""] * len(low)
        lang, unit = self.wording.lang, self.wording.unit
        conclusive = self.source.column("conclusive")
        high = self.source.column("ci_high")
        texts = []
        for row, places in enumerate(self.places):
            if not math.isfinite(low[row]):
                texts.append("")
                continue
            key = "interval_conclusive" if conclusive[row] else "interval_inconclusive"
            fields = {
                "low": number_text(low[row], places) + unit,
                "high": number_text(high[row], places) + unit,
            }
            texts.append(fill_text(EXPLANATIONS[key].template(lang), fields))
        return texts

    def _field_short(self) -> list[str]:
        wording = self.wording
        counted = wording.counted(wording.indicator.formula.denominator)
        words = wording.suffix("count", counted, named=True)
        one = wording.suffix("count", counted, named=True, one=True)
        shorts = [
            denominator - numerator
            for numerator, denominator in zip(
                self._exact_counts("numerator"), self._exact_counts("denominator"), strict=True
            )
        ]
        return [given_text(short) + (one if short == 1 else words) for short in shorts]

    def _exact_counts(self, role: str) -> list[Any]:
        """Numerator or denominator in its default unit, as exact ints where they are huge."""
        if self.source.exact(role):
            return self.source.fact(role)
        return self.source.column(role)

    def _field_missing(self) -> list[str]:
        wording = self.wording
        separator = EXPLANATIONS.say("list", wording.lang)
        return [
            ""
            if _absent(names)
            else separator.join(wording.label(part) for part in str(names).split(",") if part)
            for names in self.source.fact("missing")
        ]

    def _int_column(self, name: str) -> list[str]:
        return [str(number) for number in self.source.column(name)]

    def _field_rank(self) -> list[str]:
        return self._int_column("rank")

    def _field_size(self) -> list[str]:
        return self._int_column("group_size")

    def _field_cutoff(self) -> list[str]:
        return self._int_column("cutoff_rank")

    def _series_starts(self) -> list[int]:
        """The row each row's series starts at (its own row where none is given)."""
        starts = self.source.fact("series_start")
        return [start if start >= 0 else row for row, start in enumerate(starts)]

    def _field_sequence(self) -> list[str]:
        unit = self.wording.unit
        values = [text + unit for text in self.shown]
        separator = EXPLANATIONS.say("list", self.wording.lang)
        return [
            separator.join(values[min(start, row) : row + 1])
            for row, start in enumerate(self._series_starts())
        ]

    def _field_span(self) -> list[str]:
        period = self.field("period")
        return [
            period[start] + SPAN_DASH + period[row]
            for row, start in enumerate(self._series_starts())
        ]

    def _field_at(self) -> list[str]:
        period = self.field("period")
        return [period[max(row, 0)] for row in self.source.fact("cited_row")]

    def _field_before(self) -> list[str]:
        period = self.field("period")
        return [period[max(row - 1, 0)] for row in self.source.fact("cited_row")]
