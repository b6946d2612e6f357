"""Explanations: the formula with its numbers, the threshold with its clause, the verdict.

Rendering is separate from judging: the engine stores typed columns (value, threshold, status,
reason …) and the :class:`Facts` its sentences quote (inputs as given, missing names, the
series a trend was judged over); this module fills the wording layer's templates from them
(:mod:`xmqc_kpi.text.kinds` per kind and reason, :mod:`xmqc_kpi.text.explanations` for the
shared parts) over whole columns with numpy's string functions. It names no threshold kind.
Numbers follow the one number policy (:mod:`xmqc_kpi.text.numbers`): a value and what it is
compared with are formatted together, so the sentence never contradicts its verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._explain_rows import render_rows
from ._explain_words import SPAN_DASH, Wording, parsed, period_text, wordings
from ._small import is_small
from .indicator import Indicator
from .plan import Plan
from .text import Language, resolve_language
from .text.explanations import EXPLANATIONS
from .text.numbers import format_given, number_pieces, pair_decimals
from .text.statuses import status_word
from .text.units import unit_suffix
from .thresholds import reason_status
from .units import exact_factor

__all__ = ["Facts", "join_columns", "render_explanations", "text_series"]

S = np.dtypes.StringDType()
Text = npt.NDArray[Any]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Facts:
    """What explanations quote beyond the frame's columns, one entry per row of the table."""

    #: The numerator (or a value formula's input) as the caller gave it, and its unit.
    numerator: npt.NDArray[Any]
    numerator_unit: npt.NDArray[np.object_]
    #: The denominator as given, and its unit (NaN and "" for a value formula).
    denominator: npt.NDArray[Any]
    denominator_unit: npt.NDArray[np.object_]
    #: The missing inputs' names, comma-separated ("" where none is missing).
    missing: npt.NDArray[np.object_]
    #: For a verdict over a series: the row (of the indicator's part) the series starts at and
    #: the row the reason points to (-1: none).
    series_start: IntArray
    cited_row: IntArray

    @classmethod
    def concatenate(cls, parts: Sequence[Facts]) -> Facts:
        """The facts of several indicators' parts, one below the other."""
        if not parts:
            nothing, texts, rows = np.empty(0), np.empty(0, dtype=object), np.empty(0, np.int64)
            return cls(nothing, texts, nothing, texts, texts, rows, rows)
        return cls(
            **{
                item.name: _concat_any([getattr(part, item.name) for part in parts])
                for item in fields(cls)
            }
        )

    def rows(self, start: int, stop: int) -> Facts:
        """The facts of rows ``start`` to ``stop``."""
        return Facts(**{item.name: getattr(self, item.name)[start:stop] for item in fields(self)})


def _concat_any(pieces: list[npt.NDArray[Any]]) -> npt.NDArray[Any]:
    if any(piece.dtype == object for piece in pieces):
        return np.concatenate([piece.astype(object) for piece in pieces])
    return np.concatenate(pieces)


def render_explanations(
    indicators: Sequence[Indicator],
    facts: Facts,
    table: pd.DataFrame,
    lang: Language | None,
    *,
    plan: Plan | None = None,
    tails: Sequence[Text] = (),
) -> list[Text | list[str]]:
    """One explanation per row of the engine's table, in ``lang``, one part per indicator.

    The parts follow the table's order (:func:`text_series` makes them a column): a numpy
    string array per indicator, or a list of strings for an indicator's few rows
    (``_small.is_small``), rendered row by row (:mod:`xmqc_kpi._explain_rows`, the same
    sentences byte for byte).

    Clauses are cited as ``plan`` names them (as the Xiamen plan does when ``None``); each of
    ``tails`` (one string per row of the table, "" for none) follows the sentence, in order.
    """
    language = resolve_language(lang)
    names = None if plan is None else plan.clause_words
    codes = table["_indicator"].to_numpy(dtype=np.int64)
    bounds = np.searchsorted(codes, np.arange(len(indicators) + 1)).tolist()
    columns = _Columns(table, facts)
    kept = wordings(language, names)
    tail_lists: list[list[str]] | None = None  # the tails as Python strings, for small parts
    parts: list[Text | list[str]] = []
    for position, indicator in enumerate(indicators):
        start, stop = bounds[position], bounds[position + 1]
        if stop <= start:
            continue
        chunk = _Chunk(columns, start, stop)
        words = kept.of(indicator)
        if is_small(stop - start):
            if tail_lists is None:
                tail_lists = [tail.tolist() for tail in tails]
            parts.append(render_rows(words, chunk, [tail[start:stop] for tail in tail_lists]))
        else:
            renderer = _Renderer(indicator, chunk, facts.rows(start, stop), language, words)
            parts.append(renderer.render([tail[start:stop] for tail in tails]))
    return parts


class _Columns:
    """The table's columns as plain numpy arrays, each converted once for every indicator.

    Missing booleans read as False and missing integers as 0 (the sentences that quote them
    are never chosen for those rows); ``reason`` is its categorical codes. For the row-wise
    renderer, columns and ``facts`` as Python lists, also converted once.
    """

    def __init__(self, table: pd.DataFrame, facts: Facts) -> None:
        self._table = table
        self.facts = facts
        self._arrays: dict[str, npt.NDArray[Any]] = {}
        self._lists: dict[str, list[Any]] = {}
        self._fact_lists: dict[str, list[Any]] = {}
        self.reasons = [str(c) for c in table["reason"].cat.categories]

    def values(self, name: str) -> list[Any]:
        """The column ``name`` as Python values."""
        if name not in self._lists:
            self._lists[name] = self.array(name).tolist()
        return self._lists[name]

    def fact_values(self, name: str) -> list[Any]:
        """The :class:`Facts` field ``name`` as Python values."""
        if name not in self._fact_lists:
            self._fact_lists[name] = getattr(self.facts, name).tolist()
        return self._fact_lists[name]

    def array(self, name: str) -> npt.NDArray[Any]:
        if name not in self._arrays:
            column = self._table[name]
            if name == "reason":
                array: npt.NDArray[Any] = column.cat.codes.to_numpy()
            elif name in ("equals_threshold", "direct", "conclusive"):
                array = column.to_numpy(dtype=bool, na_value=False)
            elif name in ("rank", "group_size", "cutoff_rank"):
                array = column.to_numpy(dtype=np.int64, na_value=0)
            elif name == "period":
                array = column.to_numpy(dtype=object)
            else:
                array = column.to_numpy(dtype=np.float64)
            self._arrays[name] = array
        return self._arrays[name]


@dataclass(frozen=True)
class _Chunk:
    """One indicator's rows of :class:`_Columns` (views, no copies).

    A :class:`~xmqc_kpi._explain_rows.RowSource` too: its columns and facts as Python values.
    """

    columns: _Columns
    start: int
    stop: int

    def __getitem__(self, name: str) -> npt.NDArray[Any]:
        return self.columns.array(name)[self.start : self.stop]

    def __len__(self) -> int:
        return self.stop - self.start

    @property
    def reasons(self) -> list[str]:
        """The categories the ``reason`` column's codes index."""
        return self.columns.reasons

    def column(self, name: str) -> list[Any]:
        """The column ``name`` of these rows as Python values."""
        return self.columns.values(name)[self.start : self.stop]

    def fact(self, name: str) -> list[Any]:
        """The facts' field ``name`` over these rows as Python values."""
        return self.columns.fact_values(name)[self.start : self.stop]

    def exact(self, name: str) -> bool:
        """Whether the facts' field ``name`` holds Python numbers (integers beyond int64)."""
        return bool(getattr(self.columns.facts, name).dtype == object)


def text_series(parts: Sequence[Text | list[str]], index: pd.Index, name: str) -> pd.Series:
    """Numpy string arrays or lists of strings, one after the other, as one pandas text column.

    With pandas' Arrow-backed strings the arrays become the column's chunks directly: no
    concatenated copy, no detour through Python objects; lists alone (a few rows each) make
    one chunk together.

    >>> text_series([np.array(["达标"], dtype=S), ["未达标"]], pd.RangeIndex(2), "x").tolist()
    ['达标', '未达标']
    """
    dtype = pd.Series([""]).dtype
    if getattr(dtype, "storage", None) == "pyarrow":
        import pyarrow as pa

        if parts and all(isinstance(part, list) for part in parts):
            chunks = [pa.array([text for part in parts for text in part], type=pa.large_string())]
        else:
            chunks = [pa.array(part, type=pa.large_string()) for part in parts]
        column: Any = pd.array(pa.chunked_array(chunks, type=pa.large_string()), dtype=dtype)
        return pd.Series(column, index=index, name=name)
    arrays = [np.asarray(part, dtype=S) for part in parts]
    joined = np.concatenate(arrays) if arrays else np.empty(0, dtype=S)
    return pd.Series(joined.astype(object), index=index, name=name, dtype=dtype)


@dataclass(frozen=True)
class _Groups:
    """The templates used in one indicator's part, and each row's position among them."""

    #: (template, reason) per group.
    templates: list[tuple[str, str]]
    codes: IntArray


class _Renderer:
    """Fills the templates for one indicator's rows (its part of the table)."""

    def __init__(
        self,
        indicator: Indicator,
        chunk: _Chunk,
        facts: Facts,
        lang: Language,
        words: Wording,
    ) -> None:
        self.indicator = indicator
        self.chunk = chunk
        self.facts = facts
        self.lang = lang
        #: The indicator's wording whatever the rows.
        self.wording = words
        self.rows = len(chunk)
        self.threshold = indicator.threshold
        self.words = self.wording.words
        self.value = chunk["value"]
        self.compared = chunk["threshold"]
        self.equal = chunk["equals_threshold"]
        self.declared = self.wording.declared
        self.unit = self.wording.unit
        #: English writes a count of one in the singular (``1 zone``).
        self.unit_one = self.wording.unit_one
        decimals = pair_decimals(
            self.value,
            self.compared,
            indicator.decimals,
            equal=self.equal,
            declared=self.declared is not None,
        )
        if self.wording.over_series and len(decimals):
            decimals = np.full(self.rows, int(decimals.max()))  # one series, one format
        self.decimals = decimals
        #: The values' texts as pieces for the sentence's join (:func:`number_pieces`).
        self.shown = _Pieces(number_pieces(self.value, decimals))
        self._cache: dict[str, Any] = {}

    # ------------------------------------------------------------------ rendering

    def render(self, tails: Sequence[Text] = ()) -> Text:
        """Every row's sentence: one template per (reason, variant), filled column-wise.

        Each of ``tails`` (a string per row) is joined after the sentence in the same pass.

        Templates sharing the same column fields in the same order (their fixed words and
        one-value fields differing) are filled together: the fixed segments are looked up by
        each row's template, so the rows are never split and joined again.
        """
        groups = self._groups()
        skeletons: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
        for code, (template, reason) in enumerate(groups.templates):
            names, segments = self._segments(template, reason)
            skeletons.setdefault(names, []).append((code, segments))
        text: Text = np.full(self.rows, "", dtype=S)
        for names, members in skeletons.items():
            codes = [code for code, _segments in members]
            if len(skeletons) == 1:
                rows: IntArray | slice = slice(None)
                local = groups.codes
            else:
                selected = np.flatnonzero(np.isin(groups.codes, codes))
                rows, local = selected, groups.codes[selected]
            lookup = np.zeros(len(groups.templates), dtype=np.int64)
            lookup[codes] = np.arange(len(codes))
            which = lookup[local]
            pieces: list[str | Text] = []
            for position in range(len(names) + 1):
                if len(members) == 1:
                    pieces.append(members[0][1][position])
                else:
                    segment = np.asarray([segments[position] for _c, segments in members], dtype=S)
                    pieces.append(segment[which])
                if position < len(names):
                    column: Text | _Pieces = self._field(names[position])
                    if isinstance(column, _Pieces):
                        pieces.extend(column.take(rows))
                    else:
                        pieces.append(column[rows])
            pieces.extend(tail[rows] for tail in tails)
            joined = join_columns(pieces)
            if len(skeletons) == 1 and isinstance(joined, np.ndarray):
                return joined  # every row filled at once: no copy into a blank column
            text[rows] = joined
        return text

    def _groups(self) -> _Groups:
        """Each row's template: its reason, then the variant (``equal``, ``direct``) if worded."""
        categories = self.chunk.columns.reasons
        reason_codes = self.chunk["reason"]
        direct = self.chunk["direct"]
        templates: list[tuple[str, str]] = []
        codes = np.full(self.rows, -1, dtype=np.int64)
        for code in np.unique(reason_codes):
            name = categories[code]
            rest = reason_codes == code
            for variant, flags in (("equal", self.equal), ("direct", direct)):
                if f"{name}:{variant}" in self.words:
                    chosen = rest & flags
                    if chosen.any():
                        codes[chosen] = len(templates)
                        templates.append((self.wording.template(name, variant), name))
                    rest = rest & ~flags
            if rest.any():
                codes[rest] = len(templates)
                templates.append((self.wording.template(name, ""), name))
        return _Groups(templates, codes)

    def _segments(self, template: str, reason: str) -> tuple[tuple[str, ...], list[str]]:
        """A template as its column fields and the fixed text around them (one-value fields in)."""
        names: list[str] = []
        segments = [""]
        for literal, name, _spec, _conversion in parsed(template):
            segments[-1] += literal
            if name is None:
                continue
            if name == "status":
                segments[-1] += status_word(reason_status(reason).value, self.lang)
                continue
            piece = self._field(name)
            if isinstance(piece, np.ndarray | _Pieces):
                names.append(name)
                segments.append("")
            else:
                segments[-1] += str(piece)
        return tuple(names), segments

    def _field(self, name: str) -> Any:
        if name not in self._cache:
            kind_fields = self.wording.kind_fields
            if name in kind_fields:
                self._cache[name] = kind_fields[name]
            else:
                maker: Callable[[], Any] | None = getattr(self, f"_field_{name}", None)
                if maker is None:
                    raise KeyError(f"no explanation field {name!r}")
                self._cache[name] = maker()
        return self._cache[name]

    # ------------------------------------------------------------------ fields

    def _field_title(self) -> str:
        return self.wording.title

    def _field_ref(self) -> str:
        return self.wording.ref

    def _field_value(self) -> _Pieces:
        if self.unit_one == self.unit:
            return _Pieces((*self.shown.parts, self.unit))
        return _Pieces((*self.shown.parts, np.where(self.value == 1, self.unit_one, self.unit)))

    def _field_target(self) -> Any:
        if self.declared is not None:
            return self.wording.declared_target
        return _Pieces((*number_pieces(self.compared, self.decimals), self.unit))

    def _field_inclusive(self) -> str:
        return self.wording.inclusive

    def _field_header(self) -> Text | _Pieces:
        formula = self.indicator.formula
        direct = self.chunk["direct"]
        fields: dict[str, Any] = {"title": self._field_title(), "value": self._field_value()}
        if formula.denominator is None:
            plain = _fill_pieces(EXPLANATIONS["value"].template(self.lang), fields)
        else:
            fields["numerator"] = self._given("numerator")
            fields["denominator"] = self._given("denominator")
            plain = _fill_pieces(EXPLANATIONS["ratio"].template(self.lang), fields)
        if not direct.any():
            return plain
        reported = _fill(EXPLANATIONS["direct"].template(self.lang), fields)
        return np.where(direct, reported, plain.joined(self.rows))

    def _given(self, role: str) -> _Pieces:
        """An input as given, with its unit; a rate per 10,000 shows its scaled denominator."""
        values = getattr(self.facts, role)
        units = getattr(self.facts, f"{role}_unit")
        formula = self.indicator.formula
        name = formula.numerator or formula.inputs[0]
        if role == "denominator":
            name = formula.denominator or name
        counted = self.wording.counted(name)
        scaled = self.wording.scaled
        codes, names = _factorize(units)
        if role == "denominator" and scaled is not None and values.dtype != object:
            factors = np.array(
                [float(exact_factor(str(u), scaled)) if u else 1.0 for u in names] + [1.0]
            )
            values = values * factors[codes]
            names = [scaled if u else "" for u in names]
        named = role == "denominator"
        suffixes = [
            unit_suffix(str(u), self.lang, counted=counted, named=named) if u else "" for u in names
        ]
        suffix = _spread_texts(suffixes, codes)
        if counted is None or self.lang == "zh":
            return _Pieces((format_given(values), suffix))
        ones = [unit_suffix(str(u), self.lang, counted=counted, one=True) for u in names]
        one = np.asarray(values == 1, dtype=bool)
        if one.any():
            suffix = np.where(one, _spread_texts(ones, codes, always=True), suffix)
        return _Pieces((format_given(values), suffix))

    def _field_period(self) -> Text:
        periods = self.chunk["period"]
        codes, uniques = _factorize(periods)
        texts = [period_text(u, self.lang) for u in uniques]
        return np.asarray([*texts, ""], dtype=S)[codes]

    def _field_interval(self) -> Any:
        low = self.chunk["ci_low"]
        high = self.chunk["ci_high"]
        has = np.isfinite(low)
        if not has.any():
            return ""
        conclusive = self.chunk["conclusive"]
        rows = slice(None) if has.all() else np.flatnonzero(has)
        places = self.decimals[rows]
        fields = {
            "low": _Pieces((*number_pieces(low[rows], places), self.unit)),
            "high": _Pieces((*number_pieces(high[rows], places), self.unit)),
        }
        words = [EXPLANATIONS[key].template(self.lang) for key in _INTERVAL_KEYS]
        which = (~conclusive[rows]).astype(np.int64)
        if isinstance(rows, slice):
            return _fill_choice_pieces(words, which, fields)
        text = np.full(self.rows, "", dtype=S)
        text[rows] = _fill_choice(words, which, fields)
        return text

    def _field_short(self) -> _Pieces:
        numerator = self._exact_counts("numerator")
        denominator = self._exact_counts("denominator")
        formula = self.indicator.formula
        counted = self.wording.counted(formula.denominator)
        short = denominator - numerator
        words = unit_suffix("count", self.lang, counted=counted, named=True)
        one = unit_suffix("count", self.lang, counted=counted, named=True, one=True)
        if one == words:
            return _Pieces((format_given(short), words))
        return _Pieces(
            (format_given(short), np.where(np.asarray(short == 1, dtype=bool), one, words))
        )

    def _exact_counts(self, role: str) -> npt.NDArray[Any]:
        """Numerator or denominator in its default unit, as exact ints where they are huge."""
        given: npt.NDArray[Any] = getattr(self.facts, role)
        if given.dtype == object:
            return given
        return self.chunk[role]

    def _field_missing(self) -> Text:
        codes, uniques = _factorize(self.facts.missing)
        separator = EXPLANATIONS.say("list", self.lang)
        texts = [
            separator.join(self.wording.label(part) for part in str(n).split(",") if part)
            for n in uniques
        ]
        return np.asarray([*texts, ""], dtype=S)[codes]

    def _field_denominator(self) -> str:
        return self.wording.denominator

    def _int_column(self, name: str) -> Text:
        return self.chunk[name].astype(S)

    def _field_rank(self) -> Text:
        return self._int_column("rank")

    def _field_size(self) -> Text:
        return self._int_column("group_size")

    def _field_cutoff(self) -> Text:
        return self._int_column("cutoff_rank")

    def _series_rows(self) -> tuple[IntArray, IntArray]:
        rows = np.arange(self.rows)
        return rows, np.where(self.facts.series_start >= 0, self.facts.series_start, rows)

    def _field_sequence(self) -> Text:
        rows, start = self._series_rows()
        values = np.strings.add(self.shown.joined(self.rows), self.unit)
        separator = EXPLANATIONS.say("list", self.lang)
        sequence = values
        for lag in range(1, int((rows - start).max(initial=0)) + 1):
            inside = rows - lag >= start
            earlier = np.strings.add(values[np.maximum(rows - lag, 0)], separator)
            sequence = np.where(inside, np.strings.add(earlier, sequence), sequence)
        return sequence

    def _field_span(self) -> _Pieces:
        _rows, start = self._series_rows()
        period = self._field("period")
        return _Pieces((period[start], SPAN_DASH, period))

    def _field_at(self) -> Text:
        period: Text = self._field("period")
        return period[np.maximum(self.facts.cited_row, 0)]

    def _field_before(self) -> Text:
        period: Text = self._field("period")
        return period[np.maximum(self.facts.cited_row - 1, 0)]


#: The interval's sentences: the whole interval on the verdict's side, or not.
_INTERVAL_KEYS = ("interval_conclusive", "interval_inconclusive")


def _factorize(values: npt.NDArray[Any]) -> tuple[IntArray, list[Any]]:
    """``pd.factorize``: codes by first appearance, -1 for missing (a dict pass when small).

    >>> _factorize(np.array(["m", None, "m", "t"], dtype=object))
    (array([ 0, -1,  0,  1]), ['m', 't'])
    """
    if not is_small(len(values)):
        codes, uniques = pd.factorize(values)
        return codes.astype(np.int64), list(uniques)
    seen: dict[Any, int] = {}
    found = [
        -1
        if value is None or value is pd.NA or value != value
        else seen.setdefault(value, len(seen))
        for value in values.tolist()
    ]
    return np.asarray(found, dtype=np.int64), list(seen)


def _fill(template: str, fields: dict[str, Any]) -> Text:
    """A template filled over whole columns: ``fields`` are strings, string arrays or pieces.

    >>> _fill("{a}，{b}。", {"a": np.array(["x", "y"], dtype=S), "b": "z"}).tolist()
    ['x，z。', 'y，z。']
    """
    return np.asarray(join_columns(_fill_pieces(template, fields).parts), dtype=S)


def _fill_pieces(template: str, fields: dict[str, Any]) -> _Pieces:
    """A template's pieces with its fields in, for the sentence's one join.

    Consecutive literal text and scalar fields are joined when the sentence is, so each array
    field costs its share of one pass over the rows and the sentence's fixed words none.

    >>> _fill_pieces("{a}，{b}。", {"a": _Pieces(("x", "y")), "b": "z"}).parts
    ('', 'x', 'y', '，', 'z', '。')
    """
    pieces: list[str | Text] = []
    for literal, name, _spec, _conversion in parsed(template):
        pieces.append(literal)
        if name is not None:
            pieces.extend(_as_pieces(fields[name]))
    return _Pieces(tuple(pieces))


def _as_pieces(field: Any) -> tuple[str | Text, ...]:
    if isinstance(field, _Pieces):
        return field.parts
    return (field if isinstance(field, np.ndarray) else str(field),)


def _fill_choice(templates: Sequence[str], which: IntArray, fields: dict[str, Any]) -> Text:
    """Each row's template among ``templates`` (by ``which``), filled over whole columns.

    >>> column = np.array(["x", "y"], dtype=S)
    >>> _fill_choice(["<{a}>", "({a})"], np.array([1, 0]), {"a": column}).tolist()
    ['(x)', '<y>']
    """
    filled = _fill_choice_pieces(templates, which, fields)
    return np.asarray(filled.joined(len(which)), dtype=S)


def _fill_choice_pieces(
    templates: Sequence[str], which: IntArray, fields: dict[str, Any]
) -> _Pieces:
    """:func:`_fill_choice` as pieces, for the sentence's one join.

    Templates with the same fields in the same order share one pass: their fixed words are
    looked up per row. Others are filled one by one and chosen row by row.
    """
    found = [parsed(template) for template in templates]
    names = {tuple(name for _literal, name, _spec, _conv in parts) for parts in found}
    if len(names) != 1:
        filled = np.stack([_fill(template, fields) for template in templates])
        return _Pieces((np.asarray(filled[which, np.arange(len(which))], dtype=S),))
    pieces: list[str | Text] = []
    for position, (_literal, name, _spec, _conv) in enumerate(found[0]):
        literals = [parts[position][0] for parts in found]
        if len(set(literals)) == 1:
            pieces.append(literals[0])
        else:
            pieces.append(np.asarray(literals, dtype=S)[which])
        if name is not None:
            pieces.extend(_as_pieces(fields[name]))
    return _Pieces(tuple(pieces))


def _spread_texts(texts: list[str], codes: IntArray, *, always: bool = False) -> str | Text:
    """Each row's text among ``texts`` by its code ("" for -1); one text when all rows share it.

    >>> _spread_texts(["批次"], np.array([0, 0])), _spread_texts(["a", "b"], np.array([1, -1]))
    ('批次', array(['b', ''], dtype=StringDType()))
    """
    if not always and len(codes) and len(texts) == 1 and bool((codes == 0).all()):
        return texts[0]
    return np.asarray([*texts, ""], dtype=S)[codes]


@dataclass(frozen=True)
class _Pieces:
    """A field as several pieces (texts and string columns), joined with the whole sentence.

    Filling a field first (a number, then its unit) and the sentence after copies each
    character once more per level; pieces are spliced into the sentence's one join instead.
    """

    parts: tuple[str | Text, ...]

    def take(self, rows: IntArray | slice) -> list[str | Text]:
        """The pieces for ``rows`` only."""
        return [part if isinstance(part, str) else part[rows] for part in self.parts]

    def joined(self, rows: int) -> Text:
        """The pieces joined: one string per row."""
        joined = join_columns(self.parts)
        if isinstance(joined, str):
            return np.full(rows, joined, dtype=S)
        return np.asarray(joined, dtype=S)


def join_columns(pieces: Sequence[str | Text]) -> str | Text:
    """Strings and string columns joined row by row, in order.

    Adjacent strings are joined first, and each run of fixed-width numpy string columns
    (digits from a table, units chosen per row) with the short words between them, which
    numpy joins fast, becomes one variable-width column. Then the columns are joined
    pairwise, as a balanced tree, so that each character is copied about log2(pieces) times
    instead of once for every piece after it (for a 15-piece sentence over 300,000 rows,
    half the time of a chain).

    >>> join_columns(["a", np.array(["x", "y"], dtype=S), "b", "c", np.array(["1", "2"])])
    array(['axbc1', 'aybc2'], dtype=StringDType())
    >>> join_columns(["a", "b"])
    'ab'
    """
    merged: list[str | Text] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif not (isinstance(piece, str) and piece == ""):
            merged.append(piece)
    merged = _fixed_width_runs(merged)
    while len(merged) > 1:
        merged = [
            np.strings.add(merged[i], merged[i + 1]) if i + 1 < len(merged) else merged[i]
            for i in range(0, len(merged), 2)
        ]
    return merged[0] if merged else ""


def _fixed_width_runs(pieces: list[str | Text]) -> list[str | Text]:
    """Each run of fixed-width string columns and short words, joined as one column.

    ``94``, ``.``, ``69``, ``%`` are four pieces of a number but one of the sentence: joined in
    fixed width (a copy of a few characters a row) and made variable-width once.

    >>> _fixed_width_runs(["= ", np.array(["94"]), ".", np.array(["69"]), "%，达标"])
    ['= ', array(['94.69'], dtype=StringDType()), '%，达标']
    """
    runs: list[str | Text] = []
    run: list[str | Text] = []
    for piece in [*pieces, ""]:
        fixed = isinstance(piece, np.ndarray) and piece.dtype.kind == "U"
        if fixed or (run and isinstance(piece, str) and 0 < len(piece) <= _SHORT_WORD):
            run.append(piece)
            continue
        if run:
            joined = run[0]
            for part in run[1:]:
                joined = np.strings.add(joined, part)
            runs.append(np.asarray(joined).astype(S))
            run = []
        if not (isinstance(piece, str) and piece == ""):
            runs.append(piece)
    return runs


#: Words up to this long join a run of fixed-width columns (:func:`_fixed_width_runs`).
_SHORT_WORD = 3
