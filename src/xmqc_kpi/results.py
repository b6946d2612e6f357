"""Results: :class:`Status` and :class:`Reason` enums, :class:`Assessment` and :class:`Evaluation`.

An :class:`Evaluation` stores its assessments by column (one pandas frame); :class:`Assessment`
objects are built only when a caller asks for them, so a 100,000-row evaluation costs a frame,
not 100,000 pydantic objects. Explanations are rendered on demand, in Chinese or English.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import BaseModel, ConfigDict, field_validator

from . import display
from .interpretation import canonical_unit, department_key
from .text import Language, resolve_language

if TYPE_CHECKING:
    from .indicator import Indicator
    from .payload import DataSource
    from .plan import Plan
    from .plausibility import Warnings

__all__ = ["Assessment", "Evaluation", "Language", "Reason", "Status"]


class Status(enum.StrEnum):
    """The verdict of one assessment, in a meaningful sort order."""

    MET = "met"
    NOT_MET = "not_met"
    INSUFFICIENT_DATA = "insufficient_data"
    NOT_ASSESSED = "not_assessed"


class Reason(enum.StrEnum):
    """Why an assessment has its status (machine-readable; the explanation says it in words)."""

    # met
    MEETS_MINIMUM = "meets_minimum"
    ABOVE_FLOOR = "above_floor"
    WITHIN_MAXIMUM = "within_maximum"
    BELOW_LIMIT = "below_limit"
    ALL_COMPLY = "all_comply"
    BELOW_BENCHMARK = "below_benchmark"
    IN_TOP_GROUP = "in_top_group"
    TREND_HOLDS = "trend_holds"
    TREND_AT_CEILING = "trend_at_ceiling"
    # not met
    BELOW_MINIMUM = "below_minimum"
    NOT_ABOVE_FLOOR = "not_above_floor"
    ABOVE_MAXIMUM = "above_maximum"
    NOT_BELOW_LIMIT = "not_below_limit"
    NOT_ALL_COMPLY = "not_all_comply"
    NOT_BELOW_BENCHMARK = "not_below_benchmark"
    OUTSIDE_TOP_GROUP = "outside_top_group"
    TREND_BROKEN = "trend_broken"
    # insufficient data
    MISSING_INPUT = "missing_input"
    ZERO_DENOMINATOR = "zero_denominator"
    NO_BENCHMARK = "no_benchmark"
    NO_PEERS = "no_peers"
    TOO_FEW_PERIODS = "too_few_periods"
    GAP_IN_PERIODS = "gap_in_periods"
    # not assessed
    MONITORED = "monitored"


STATUS_DTYPE = pd.CategoricalDtype([s.value for s in Status], ordered=True)
REASON_DTYPE = pd.CategoricalDtype([r.value for r in Reason], ordered=False)

#: Columns of :meth:`Evaluation.to_frame`, in order.
FRAME_COLUMNS = (
    "indicator_id",
    "title",
    "section",
    "region",
    "period",
    "value",
    "unit",
    "comparison",
    "threshold",
    "status",
    "reason",
    "explanation",
    "numerator",
    "denominator",
    "margin",
    "ci_low",
    "ci_high",
    "conclusive",
    "rank",
    "group_size",
    "cutoff_rank",
    "direct",
    "deadline",
    "due",
    "responsible",
    "equals_threshold",
    "attention",
    "progress",
    "required_change",
    "observed_change",
    "projected",
)


#: Columns of :meth:`Evaluation.warnings`, in order.
WARNING_COLUMNS = ("indicator_id", "variable", "region", "period", "value", "code", "message")


class Assessment(BaseModel):
    """One indicator judged at one (region, period).

    ``value``, ``threshold``, ``margin`` and the interval are in the indicator's display unit
    (96.5 for 96.5 %). ``margin`` is signed so that a positive margin is on the good side of the
    threshold. ``numerator`` and ``denominator`` are the formula's inputs in their declared
    default units. ``conclusive`` is ``None`` where there is no interval. ``reason`` is a
    :class:`Reason`, or the code of a reason a registered threshold kind of a user gives.
    ``equals_threshold`` says whether the value equals exactly what it was compared with.
    ``title`` is the indicator's title in the language asked for, ``section`` its plan section.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    indicator_id: str
    title: str | None = None
    section: str | None = None
    region: str | None
    period: int | str
    value: float | None
    unit: str
    comparison: str
    threshold: float | None
    status: Status
    reason: Reason | str
    explanation: str
    numerator: float | None
    denominator: float | None
    margin: float | None
    ci_low: float | None
    ci_high: float | None
    conclusive: bool | None
    rank: int | None
    group_size: int | None
    cutoff_rank: int | None
    direct: bool
    deadline: str | None
    due: bool | None
    responsible: tuple[str, ...]
    equals_threshold: bool | None = None
    #: ``"near_met"`` / ``"near_not_met"``: within the attention band of what the value was
    #: compared with (the status is unchanged); ``None`` outside it or without a band.
    attention: Literal["near_met", "near_not_met"] | None = None
    #: Progress toward the deadline before it (:mod:`xmqc_kpi.progress`); ``None`` at and after
    #: the deadline, without one, for kinds without a target number, or with one period only.
    progress: Literal["met", "on_track", "needs_acceleration", "off_track", "regressing"] | None = (
        None
    )
    #: Change per year needed to reach the target by the deadline (display unit, signed).
    required_change: float | None = None
    #: Change per year observed over the region's history up to this period (signed).
    observed_change: float | None = None
    #: The value at the deadline at the observed pace (a share never above 100 %).
    projected: float | None = None

    @field_validator("reason", mode="before")
    @classmethod
    def _builtin_reason(cls, reason: Any) -> Any:
        return Reason(reason) if reason in Reason.__members__.values() else reason

    def _repr_html_(self) -> str:
        return display.html("assessment", self)


def _clean(value: object) -> object:
    """Turn pandas' missing markers and numpy scalars into plain Python values."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _plain_column(column: pd.Series) -> list[object]:
    """A column as Python values: floats, ints, bools and strings, ``None`` where missing.

    >>> _plain_column(pd.Series([1.5, float("nan")]))
    [1.5, None]
    >>> _plain_column(pd.Series([1, None], dtype="Int64"))
    [1, None]
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = [str(c) for c in column.cat.categories]
        lookup: list[object] = [*categories, None]
        return [lookup[code] for code in column.cat.codes.to_numpy().tolist()]
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "biuf":
        plain: list[object] = column.to_numpy().tolist()  # Python scalars, as astype(object)
        if column.dtype.kind == "f":
            return [None if value != value else value for value in plain]  # NaN is not NaN
        return plain
    if isinstance(column.array, pd.arrays.IntegerArray | pd.arrays.BooleanArray):  # no NaN inside
        missing: Any = None  # pandas' stubs do not list None, which it takes
        masked: list[object] = column.array.to_numpy(dtype=object, na_value=missing).tolist()
        return masked
    values = np.array(column.to_numpy(dtype=object), dtype=object)  # a copy we may write to
    values[pd.isna(values)] = None  # NaN, NA, NaT and None alike
    return list(values)


def _spread_list(values: Sequence[object], codes: list[int]) -> list[object]:
    """Each row's value among ``values`` by its code (``None`` for code -1).

    >>> _spread_list(["a", "b"], [1, 1, 0, -1])
    ['b', 'b', 'a', None]
    """
    lookup = [*values, None]
    return [lookup[code] for code in codes]


class Evaluation:
    """The immutable result of :func:`xmqc_kpi.evaluate`: one assessment per indicator and row.

    Iterate to get :class:`Assessment` objects, or call :meth:`to_frame` for a DataFrame.
    """

    __slots__ = (
        "_as_of",
        "_explain",
        "_indicators",
        "_inputs",
        "_plan",
        "_source",
        "_table",
        "_texts",
        "_universe",
        "_warnings",
    )

    def __init__(
        self,
        table: pd.DataFrame,
        *,
        explain: Callable[[pd.DataFrame, Language | None], pd.Series],
        as_of: dt.date | None,
        indicators: tuple[Indicator, ...] = (),
        universe: tuple[Indicator, ...] | None = None,
        inputs: Callable[[], pd.DataFrame] | None = None,
        source: DataSource | None = None,
        plan: Plan | None = None,
        warnings: Warnings | None = None,
    ) -> None:
        self._table = table
        self._explain = explain
        self._as_of = as_of
        self._indicators = indicators
        #: Every indicator the table's ``indicator_id`` categories name (a subset keeps its
        #: parent's), so that derived categorical columns have the same categories in any subset.
        self._universe = indicators if universe is None else universe
        self._source = source
        self._plan = plan
        self._inputs: Callable[[], pd.DataFrame] | pd.DataFrame | None = inputs
        self._texts: dict[Language, pd.Series] = {}
        self._warnings = warnings

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """The indicators that were evaluated, in the order given."""
        return self._indicators

    def inputs(self) -> pd.DataFrame:
        """The input numbers used, as given: region, period, variable, value and unit.

        One row per variable read and (region, period) where it has a value, sorted by variable,
        region and period, so that a reader can recompute any assessment by hand.
        """
        if self._inputs is None:
            return pd.DataFrame(columns=["region", "period", "variable", "value", "unit"])
        if callable(self._inputs):
            self._inputs = self._inputs()
        return self._inputs.copy()

    def warnings(self, lang: Language | None = None) -> pd.DataFrame:
        """Plausibility warnings: values valid but unlikely for their unit, never changed.

        One row per warning: ``indicator_id``, ``variable``, ``region``, ``period``,
        ``value`` (as given; for a rate compared with its benchmark, the rate in its display
        unit), ``code`` (``share_as_fraction``, ``far_above_benchmark``,
        ``far_below_benchmark``, ``fractional_count``: see :mod:`xmqc_kpi.plausibility`) and
        ``message`` in ``lang`` (default: the active language). Statuses never depend on them.
        """
        if self._warnings is None:
            return pd.DataFrame(columns=list(WARNING_COLUMNS))
        return self._warnings.frame(lang)

    @property
    def as_of(self) -> dt.date | None:
        """The evaluation date deadlines were compared with, if one was given."""
        return self._as_of

    @property
    def source(self) -> DataSource | None:
        """The data file (name, SHA-256, sheet) when the data was read by ``read_data``."""
        return self._source

    @property
    def plan(self) -> Plan | None:
        """The plan the indicators come from (:func:`xmqc_kpi.catalogs.plan_of`), if known."""
        return self._plan

    def __len__(self) -> int:
        return len(self._table)

    def __repr__(self) -> str:
        counts = self._table["status"].value_counts(sort=False)
        parts = ", ".join(f"{status}={counts.get(status, 0)}" for status in Status)
        indicators = self._table["indicator_id"].nunique()
        return f"<Evaluation: {len(self)} assessments of {indicators} indicators; {parts}>"

    def explanations(self, lang: Language | None = None) -> pd.Series:
        """The explanation of every assessment, rendered once per language (default: active)."""
        language = resolve_language(lang)
        if language not in self._texts:
            self._texts[language] = self._explain(self._table, language)
        return self._texts[language]

    def to_frame(self, lang: Language | None = None) -> pd.DataFrame:
        """All assessments as a new DataFrame (columns :data:`FRAME_COLUMNS`).

        ``status`` and ``reason`` hold the machine codes in every language (they are API);
        :func:`xmqc_kpi.text.statuses.status_word` and ``reason_word`` give their words.
        ``comparison`` and ``title`` are worded in ``lang``; ``section`` is the plan section;
        ``responsible`` holds a tuple of units per row.
        """
        language = resolve_language(lang)
        derived = self._derived(language)
        stored = [c for c in FRAME_COLUMNS if c in self._table.columns and c not in derived]
        frame = self._table.loc[:, stored]
        for name, column in derived.items():
            frame[name] = column
        return frame.loc[:, list(FRAME_COLUMNS)].reset_index(drop=True)

    def _derived(self, lang: Language) -> dict[str, Any]:
        """The frame's columns that are not stored in the table, by name (in ``lang``)."""
        return {
            "title": self._per_indicator_texts(partial(_title, lang=lang)),
            "section": self._per_indicator_texts(_section),
            "explanation": self.explanations(lang).array,
            "comparison": self._comparisons(lang),
            "responsible": self._per_indicator(_responsible),
        }

    def _per_indicator(self, of: Callable[[Indicator], object]) -> npt.NDArray[np.object_]:
        """One value per row, computed once per indicator (``None`` for an unknown id)."""
        values = self._per_category(of)
        lookup = np.empty(len(values) + 1, dtype=object)
        lookup[: len(values)] = values
        return lookup[self._table["indicator_id"].cat.codes.to_numpy()]

    def _per_indicator_texts(self, of: Callable[[Indicator], object]) -> pd.Series:
        """A text per row, as pandas would infer it, made from one text per indicator.

        The few texts are made a pandas array once and spread to the rows by position, not
        inferred again over every row.
        """
        texts = pd.Series([*self._per_category(of), None]).array
        codes = self._table["indicator_id"].cat.codes.to_numpy()
        return pd.Series(
            texts.take(np.where(codes < 0, len(texts) - 1, codes)), index=self._table.index
        )

    def _per_category(self, of: Callable[[Indicator], object]) -> list[object]:
        """One value per ``indicator_id`` category, rows or not (``None`` for an unknown id)."""
        return [None if item is None else of(item) for item in self._category_indicators()]

    def _category_indicators(self) -> list[Indicator | None]:
        """The indicator of each ``indicator_id`` category (``None`` for an unknown id)."""
        known = {indicator.id: indicator for indicator in self._universe}
        categories = self._table["indicator_id"].cat.categories.tolist()
        return [known.get(str(category)) for category in categories]

    def _comparisons(self, lang: Language) -> pd.Series:
        """The comparison words, with every indicator's words as categories (in any subset)."""
        words = self._per_category(partial(_comparison, lang=lang))
        categories = sorted({str(word) for word in words if word is not None})
        position = {word: code for code, word in enumerate(categories)}
        coded = [-1 if word is None else position[str(word)] for word in words]
        lookup = np.asarray([*coded, -1], dtype=np.int64)
        codes = lookup[self._table["indicator_id"].cat.codes.to_numpy()]
        texts = pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories))
        return pd.Series(texts, index=self._table.index)

    def _plain_columns(self, lang: Language | None) -> dict[str, list[object]]:
        """Every column of :meth:`to_frame` as Python values (``None`` for missing), by name.

        Read from the stored table and the indicators directly (no frame is built: a
        service's small result costs no pandas copy).
        """
        language = resolve_language(lang)
        codes = self._table["indicator_id"].cat.codes.to_numpy().tolist()
        indicators = self._category_indicators()
        plain: dict[str, list[object]] = {}
        for name in FRAME_COLUMNS:
            if name == "explanation":
                plain[name] = _plain_column(self.explanations(language))
            elif name in _PER_INDICATOR:
                of = _PER_INDICATOR[name]
                values = [None if item is None else of(item, language) for item in indicators]
                plain[name] = _spread_list(values, codes)
            else:
                plain[name] = _plain_column(self._table[name])
        return plain

    def _records(self, lang: Language | None) -> list[dict[str, object]]:
        """The rows of :meth:`to_frame` as plain-Python records (``None`` for missing)."""
        columns = self._plain_columns(lang)
        names = list(columns)
        return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self.assessments())

    def __getitem__(self, position: int) -> Assessment:
        record = self.to_frame().iloc[position].to_dict()
        return _build_assessment({str(k): _clean(v) for k, v in record.items()})

    def assessments(self, lang: Language | None = None) -> list[Assessment]:
        """Every assessment as a typed, immutable :class:`Assessment`."""
        return [_build_assessment(record) for record in self._records(lang)]

    def summary(self, by: str | None = None) -> pd.DataFrame:
        """Counts of each status, overall or by one key.

        ``by`` is ``"region"``, ``"period"``, ``"indicator_id"``, ``"section"`` (plan section)
        or ``"responsible"`` (an assessment counts once for each of its responsible units, each
        unit under its one name, :func:`~xmqc_kpi.interpretation.canonical_unit`; a unit's name
        is used as declared, never split).

        >>> import xmqc_kpi as kpi
        >>> result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
        >>> int(result.summary(by="section").sum().sum()) == len(result)
        True
        """
        statuses = list(STATUS_DTYPE.categories)
        if by is None:
            counts = list(self._status_counts().values())
            columns = pd.Index(statuses, name="status")
            return pd.DataFrame([counts], index=["count"], columns=columns)
        keys, status = self._summary_keys(by)
        return (
            pd.crosstab(keys, status, dropna=False)
            .reindex(columns=statuses, fill_value=0)
            .sort_index()
        )

    def _status_counts(self) -> dict[str, int]:
        """How many assessments have each status, every status named (in their order)."""
        statuses = list(STATUS_DTYPE.categories)
        codes = self._table["status"].cat.codes.to_numpy()
        counts = np.bincount(codes[codes >= 0], minlength=len(statuses)).tolist()
        return dict(zip(statuses, counts, strict=True))

    def _warning_records(self, lang: Language) -> list[dict[str, object]]:
        """The rows of :meth:`warnings` as records (none built when there is no warning)."""
        if self._warnings is None or self._warnings.raw.empty:
            return []
        frame = self._warnings.frame(lang).astype(object)
        return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]

    def _summary_keys(self, by: str) -> tuple[pd.Series, pd.Series]:
        table = self._table
        status = table["status"].astype(str).rename("status")
        if by in ("region", "period", "indicator_id"):
            return table[by].astype(object).rename(by), status
        if by == "section":
            sections = {indicator.id: indicator.section for indicator in self._indicators}
            return table["indicator_id"].astype(str).map(sections).rename(by), status
        if by == "responsible":
            named = self._per_indicator(
                lambda item: tuple(dict.fromkeys(map(canonical_unit, item.responsible.units)))
            )
            units = pd.Series(named, index=table.index).explode()
            return (
                units.rename(by).reset_index(drop=True),
                status.loc[units.index].reset_index(drop=True),
            )
        raise ValueError(
            "by must be None, 'region', 'period', 'indicator_id', 'section' or 'responsible', "
            f"not {by!r}"
        )

    def not_met(self, lang: Language | None = None) -> pd.DataFrame:
        """The assessments whose status is ``not_met``."""
        frame = self.to_frame(lang)
        return frame.loc[frame["status"] == Status.NOT_MET.value].reset_index(drop=True)

    # ------------------------------------------------------------------ exploring

    def _subset(self, positions: npt.NDArray[np.intp]) -> Evaluation:
        """The assessments at ``positions``; explanations still come from the whole table.

        A trend's sentence quotes earlier periods of its region, so texts are rendered over
        the full evaluation once and then selected, never re-rendered on a part of it.
        """
        parent = self

        def explain(_table: pd.DataFrame, lang: Language | None) -> pd.Series:
            texts = parent.explanations(lang).iloc[positions]
            return texts.reset_index(drop=True)

        table = self._table.iloc[positions].reset_index(drop=True)
        chosen = set(table["indicator_id"].astype(str))
        warnings = None if self._warnings is None else self._warnings.within(table)
        return Evaluation(
            table,
            explain=explain,
            as_of=self._as_of,
            indicators=tuple(i for i in self._indicators if i.id in chosen),
            universe=self._universe,
            inputs=self.inputs,
            source=self._source,
            plan=self._plan,
            warnings=warnings,
        )

    def head(self, n: int = 5) -> Evaluation:
        """The first ``n`` assessments (in indicator, region, period order)."""
        return self._subset(np.arange(min(max(n, 0), len(self))))

    def filter(
        self,
        *,
        indicator: str | Collection[str] | None = None,
        region: str | Collection[str] | None = None,
        period: int | str | Collection[int | str] | None = None,
        status: str | Collection[str] | None = None,
        responsible: str | None = None,
    ) -> Evaluation:
        """The assessments matching every criterion given (each a value or a collection).

        ``responsible`` keeps the indicators that name that unit among their responsible units,
        under any of its names (``质监局`` finds ``市质监局``, see
        :func:`~xmqc_kpi.interpretation.department_key`).

        >>> import xmqc_kpi as kpi
        >>> result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
        >>> part = result.filter(responsible="市质监局", status="not_met", period=2015)
        >>> set(part.to_frame()["status"])
        {'not_met'}
        >>> len(result.filter(responsible="质监局")) == len(result.filter(responsible="市质监局"))
        True
        """
        table = self._table
        keep = np.ones(len(table), dtype=bool)
        for column, wanted in (
            ("indicator_id", indicator),
            ("region", region),
            ("period", period),
            ("status", status),
        ):
            if wanted is not None:
                values = [wanted] if isinstance(wanted, str | int) else list(wanted)
                keep &= table[column].astype(object).isin(values).to_numpy()
        if responsible is not None:  # decided once per indicator's list of units
            key = department_key(responsible)
            named = self._per_indicator(
                lambda item: any(department_key(unit) == key for unit in item.responsible.units)
            )
            keep &= named == True  # noqa: E712 - an object array of True, False and None
        return self._subset(np.flatnonzero(keep))

    def matrix(
        self,
        values: str = "status",
        *,
        period: int | str | None = None,
        lang: Language | None = None,
    ) -> pd.DataFrame:
        """A indicator × region table of one column (``status``, ``value``, ``explanation`` …).

        Without ``period``, each cell is the latest period assessed for that indicator and
        region; with it, that period only.
        """
        frame = self.to_frame(lang)
        if period is not None:
            frame = frame.loc[frame["period"].astype(object) == period]
        latest = frame.drop_duplicates(["indicator_id", "region"], keep="last")
        table = latest.pivot_table(
            index="indicator_id", columns="region", values=values, aggfunc="first", observed=True
        )
        return table.reindex([i.id for i in self._indicators if i.id in table.index])

    def changes(self, lang: Language | None = None) -> pd.DataFrame:
        """Period over period: each assessment beside the previous period of the same region.

        Columns ``indicator_id``, ``region``, ``period``, ``value``, ``previous_value``,
        ``change``, ``status`` and ``previous_status``; the first period has no previous.
        """
        frame = self.to_frame(lang)
        keys = [frame["indicator_id"].astype(str), frame["region"].astype(object).fillna("")]
        grouped = frame.groupby(keys, sort=False)
        view = frame.loc[:, ["indicator_id", "region", "period", "value", "status"]].copy()
        view["previous_value"] = grouped["value"].shift(1)
        view["change"] = view["value"] - view["previous_value"]
        view["previous_status"] = grouped["status"].shift(1)
        return view

    def plot(self, indicator_id: str, lang: Language | None = None) -> display.Figure:
        """The report's charts for one indicator: across regions, and across periods.

        The same inline SVG as in :func:`~xmqc_kpi.evaluation_report` (no plotting library);
        it displays itself in a notebook and ``.save("chart.html")`` writes it to a file. It is
        drawn by the ``"figure"`` view of :mod:`xmqc_kpi.display`.
        """
        part = self.filter(indicator=indicator_id)
        if len(part) == 0:
            raise KeyError(f"no assessment of {indicator_id!r} in this evaluation")
        return display.figure("evaluation", part, lang, indicator_id=indicator_id)

    def _repr_html_(self) -> str:
        return display.html("evaluation", self)

    def to_dict(self, lang: Language | None = None) -> dict[str, Any]:
        """The evaluation as plain JSON types: summary, provenance and every assessment.

        The dict follows :func:`xmqc_kpi.result_schema` (its ``schema_version`` says which);
        :class:`xmqc_kpi.payload.EvaluationPayload` is its typed model. Texts are in ``lang``.

        >>> import xmqc_kpi as kpi
        >>> result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
        >>> payload = result.to_dict()
        >>> payload["schema_version"], payload["summary"]["by_status"]["not_met"] == len(
        ...     result.not_met())
        ('1.0', True)
        """
        from .payload import payload_dict

        language = resolve_language(lang)
        return payload_dict(self, self._plain_columns(language), language)

    def to_json(self, lang: Language | None = None, *, indent: int | None = None) -> str:
        r"""The evaluation as UTF-8 JSON (Chinese characters as themselves, not ``\\u`` escapes).

        The text of :meth:`to_dict`: the same inputs give the same bytes.
        """
        separators = (",", ":") if indent is None else (",", ": ")
        payload = self.to_dict(lang)
        return json.dumps(payload, ensure_ascii=False, indent=indent, separators=separators)


def _title(indicator: Indicator, lang: Language) -> str:
    return indicator.title_zh if lang == "zh" else indicator.title_en


def _section(indicator: Indicator, lang: Language | None = None) -> str:
    return indicator.section


def _comparison(indicator: Indicator, lang: Language) -> str:
    from .text.kinds import comparison_text

    return comparison_text(indicator, lang)


def _responsible(indicator: Indicator, lang: Language | None = None) -> tuple[str, ...]:
    return tuple(indicator.responsible.units)


#: The frame's columns read from each row's indicator (the same value for all its rows).
_PER_INDICATOR: dict[str, Callable[..., object]] = {
    "title": _title,
    "section": _section,
    "comparison": _comparison,
    "responsible": _responsible,
}


def _build_assessment(record: dict[str, object]) -> Assessment:
    record = dict(record)
    responsible = record.get("responsible")
    record["responsible"] = tuple(responsible) if isinstance(responsible, tuple) else ()
    return Assessment.model_validate(record)
