"""The evaluation as data for services: typed payload models and their versioned JSON Schema.

:meth:`Evaluation.to_dict() <xmqc_kpi.Evaluation.to_dict>` returns an
:class:`EvaluationPayload` dumped to plain JSON types, and
:meth:`~xmqc_kpi.Evaluation.to_json` is that dict as text. A web framework publishes the
model itself (FastAPI: ``response_model=EvaluationPayload``); :func:`result_schema` is its
JSON Schema, shipped as ``xmqc_kpi/data/result.schema.json``. Every payload names its
:data:`SCHEMA_VERSION`, and says where it comes from (:class:`Provenance`): the library's
version, the catalog (its plan, and a SHA-256 of the indicators evaluated), the data file
(its name and the SHA-256 of its bytes, when the data was read by
:func:`~xmqc_kpi.read_data`), ``as_of`` and the language. Nothing in it depends on the time
it was made: the same inputs give the same bytes.

This module renders nothing: it holds models, and the plan's title from
:mod:`xmqc_kpi.interpretation`.

>>> import xmqc_kpi as kpi
>>> result = kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")
>>> payload = EvaluationPayload.model_validate(result.to_dict("en"))
>>> payload.schema_version, payload.summary.assessments, payload.summary.by_status.not_assessed
('1.0', 1176, 60)
>>> payload.provenance.catalog.document, payload.provenance.catalog.indicators
('厦府〔2013〕98号', 42)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from . import __version__
from .text import Language, resolve_language

if TYPE_CHECKING:
    from .indicator import Indicator
    from .results import Evaluation

__all__ = [
    "SCHEMA_VERSION",
    "AssessmentPayload",
    "CatalogInfo",
    "DataSource",
    "EvaluationPayload",
    "Provenance",
    "StatusCounts",
    "SummaryPayload",
    "WarningPayload",
    "catalog_sha256",
    "evaluation_payload",
    "provenance",
    "result_schema",
]

#: The version of the payload's shape. The minor number grows when fields are added, the
#: major number when a field is removed, renamed or changes its meaning.
SCHEMA_VERSION: Literal["1.0"] = "1.0"

#: The status codes (those of :class:`xmqc_kpi.Status`), in its order.
StatusCode = Literal["met", "not_met", "insufficient_data", "not_assessed"]

_JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SCHEMA_ID = f"urn:xmqc-kpi:result:{SCHEMA_VERSION}"
_SHA256 = r"^[0-9a-f]{64}$"


class _Payload(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class DataSource(_Payload):
    """The file the evaluated data was read from."""

    file: str = Field(description="The file's name, without its folder.")
    sha256: str | None = Field(
        default=None,
        pattern=_SHA256,
        description="The SHA-256 of the file's bytes as read, in hexadecimal.",
    )
    sheet: str | None = Field(None, description="The worksheet read, for a workbook.")

    @classmethod
    def of(cls, data: object) -> DataSource | None:
        """The source :func:`~xmqc_kpi.read_data` recorded in a frame's ``attrs``, if any.

        >>> import pandas as pd
        >>> frame = pd.DataFrame({"period": [2013]})
        >>> frame.attrs.update(source="/srv/in/2013.csv", sha256="ab" * 32, sheet=None)
        >>> DataSource.of(frame).file
        '2013.csv'
        >>> DataSource.of(pd.DataFrame()) is None
        True
        """
        attrs = getattr(data, "attrs", None)
        if not isinstance(attrs, Mapping) or not isinstance(attrs.get("source"), str):
            return None
        return cls(
            file=PurePath(attrs["source"]).name,
            sha256=attrs.get("sha256"),
            sheet=attrs.get("sheet"),
        )


class CatalogInfo(_Payload):
    """The indicators evaluated: their plan and a hash of their declarations."""

    title: str | None = Field(
        description=(
            "The plan's title in the payload's language (``None`` for a catalog of one's own)."
        )
    )
    document: str | None = Field(
        description="The plan's document number (``None`` for a catalog of one's own)."
    )
    indicators: int = Field(ge=0, description="How many indicators were evaluated.")
    sha256: str = Field(
        pattern=_SHA256,
        description="SHA-256 of the indicators' declarations as JSON (see ``catalog_sha256``).",
    )


class Provenance(_Payload):
    """What produced the payload: library, catalog, data, evaluation date and language."""

    library: Literal["xmqc_kpi"] = Field("xmqc_kpi", description="The library's name.")
    version: str = Field(description="The library's version.")
    catalog: CatalogInfo = Field(description="The indicators evaluated.")
    source: DataSource | None = Field(
        description="The data file, when the data was read from one with ``read_data``."
    )
    as_of: dt.date | None = Field(
        description="The evaluation date deadlines were compared with, if one was given."
    )
    language: Language = Field(
        description="The language of the payload's texts (titles, comparisons, explanations)."
    )


class StatusCounts(_Payload):
    """How many assessments have each status."""

    met: int = Field(ge=0)
    not_met: int = Field(ge=0)
    insufficient_data: int = Field(ge=0)
    not_assessed: int = Field(ge=0)


class SummaryPayload(_Payload):
    """The counts a reader wants first."""

    assessments: int = Field(ge=0, description="How many assessments the payload holds.")
    indicators: int = Field(ge=0, description="How many indicators were evaluated.")
    by_status: StatusCounts = Field(description="The assessments counted by status.")


class AssessmentPayload(_Payload):
    """One indicator judged at one (region, period): a row of ``Evaluation.to_frame()``."""

    indicator_id: str = Field(description="The indicator's id.")
    title: str | None = Field(description="The indicator's title in the payload's language.")
    section: str | None = Field(
        description=(
            'The plan section: ``"5"`` for table item '
            "5.1.2, the body's numeral for a body section."
        )
    )
    region: str | None = Field(
        description="The region assessed (``None`` when the data has no region)."
    )
    period: int | str = Field(
        description=(
            "The period assessed: a year (2013), "
            'a month (``"2013-12"``) or a quarter (``"2013Q4"``).'
        )
    )
    value: float | None = Field(
        description="The indicator's value, in its display unit (96.5 for 96.5 %)."
    )
    unit: str = Field(
        description="The display unit of ``value``, ``threshold``, ``margin`` and the interval."
    )
    comparison: str = Field(description="The comparison made, in the payload's language.")
    threshold: float | None = Field(
        description="What the value was compared with, in the display unit."
    )
    status: StatusCode = Field(description="The verdict.")
    reason: str = Field(
        description="Why the assessment has its status (a machine code, e.g. ``meets_minimum``)."
    )
    explanation: str = Field(
        description="The verdict in words, with the numbers a person needs to check it."
    )
    numerator: float | None = Field(
        description="The formula's numerator (or its value), in its declared default unit."
    )
    denominator: float | None = Field(
        description="The formula's denominator, in its declared default unit."
    )
    margin: float | None = Field(
        description="The distance to the threshold, positive on the good side."
    )
    ci_low: float | None = Field(
        description="Lower bound of the 95 % confidence interval (sampled rates)."
    )
    ci_high: float | None = Field(
        description="Upper bound of the 95 % confidence interval (sampled rates)."
    )
    conclusive: bool | None = Field(
        description=(
            "Whether the whole interval lies on the verdict's side (``None`` without interval)."
        )
    )
    rank: int | None = Field(description="The region's rank among its peers (rank thresholds).")
    group_size: int | None = Field(description="The number of peers ranked.")
    cutoff_rank: int | None = Field(description="The last rank in the top group.")
    direct: bool = Field(
        description="Whether the value was given directly rather than computed from inputs."
    )
    deadline: str | None = Field(description='The target\'s deadline (``"2013-12"``).')
    due: bool | None = Field(
        description="Whether the deadline had passed on ``as_of`` (``None`` without ``as_of``)."
    )
    responsible: list[str] = Field(description="The units responsible for the target.")
    equals_threshold: bool | None = Field(
        description="Whether the value equals exactly what it was compared with."
    )
    attention: Literal["near_met", "near_not_met"] | None = Field(
        description=(
            "Within the attention band of what the value was compared with (status unchanged)."
        )
    )
    progress: Literal["met", "on_track", "needs_acceleration", "off_track", "regressing"] | None = (
        Field(
            description=(
                "Progress toward the deadline, before it (``None`` "
                "at and after it, or not applicable)."
            )
        )
    )
    required_change: float | None = Field(
        description=(
            "Change per year needed to reach the target by the deadline (display unit, signed)."
        )
    )
    observed_change: float | None = Field(
        description="Change per year observed over the region's history up to this period (signed)."
    )
    projected: float | None = Field(
        description="The value at the deadline at the observed pace (a share never above 100 %)."
    )


class WarningPayload(_Payload):
    """A value valid but unlikely for its unit: a row of ``Evaluation.warnings()``."""

    indicator_id: str = Field(description="The indicator whose data it is.")
    variable: str = Field(description="The input variable (or the indicator's id, for its value).")
    region: str | None = Field(
        description="The region of the row (``None`` when the data has no region)."
    )
    period: int | str = Field(description="The period of the row.")
    value: float = Field(
        description=(
            "The value as given (for a rate compared with its benchmark: the rate, display unit)."
        )
    )
    code: Literal[
        "share_as_fraction", "far_above_benchmark", "far_below_benchmark", "fractional_count"
    ] = Field(description="What looks wrong (a stable code).")
    message: str = Field(description="The warning in the payload's language.")


class EvaluationPayload(_Payload):
    """An evaluation of xmqc_kpi indicators: summary, provenance and every assessment."""

    model_config = ConfigDict(title="xmqc_kpi evaluation result")

    schema_version: Literal["1.0"] = Field(
        description="The version of this schema the payload follows."
    )
    as_of: dt.date | None = Field(
        description="The evaluation date deadlines were compared with, if one was given."
    )
    provenance: Provenance = Field(description="What produced the payload.")
    summary: SummaryPayload = Field(description="Counts by status.")
    assessments: list[AssessmentPayload] = Field(
        description="Every assessment, sorted by indicator, region and period."
    )
    warnings: list[WarningPayload] = Field(
        [],
        description=(
            "Plausibility warnings (values valid but unlikely "
            "for their unit); verdicts ignore them."
        ),
    )


def result_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of :meth:`Evaluation.to_dict`'s payload.

    >>> schema = result_schema()
    >>> schema["properties"]["schema_version"]["const"], schema["$id"]
    ('1.0', 'urn:xmqc-kpi:result:1.0')
    """
    schema = EvaluationPayload.model_json_schema()
    return {"$schema": _JSON_SCHEMA_DIALECT, "$id": _SCHEMA_ID, **schema}


def catalog_sha256(indicators: Sequence[Indicator]) -> str:
    """SHA-256 of the indicators' declarations: their JSON dump, in order, keys sorted.

    The same declarations give the same hash on every machine; any change to one of them (a
    threshold, a unit, a title) gives another.

    >>> import xmqc_kpi as kpi
    >>> rates = kpi.catalog().filter(section="5")
    >>> catalog_sha256(tuple(rates)) == catalog_sha256(tuple(rates))
    True
    >>> catalog_sha256(tuple(rates)) == catalog_sha256(tuple(rates)[:1])
    False
    """
    items = tuple(indicators)
    try:
        return _cached_sha256(items)  # a service evaluates the same catalog call after call
    except TypeError:  # an indicator with an unhashable field (a user's threshold kind)
        return _sha256(items)


def _sha256(indicators: tuple[Indicator, ...]) -> str:
    dump = [indicator.model_dump(mode="json") for indicator in indicators]
    text = json.dumps(dump, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_cached_sha256 = lru_cache(maxsize=32)(_sha256)


def provenance(result: Evaluation, lang: Language | None = None) -> Provenance:
    """Where an evaluation comes from: library, catalog, data source, ``as_of``, language.

    Reports print it; :meth:`Evaluation.to_dict` carries it.

    >>> import xmqc_kpi as kpi
    >>> result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
    >>> made = provenance(result, "en")
    >>> made.catalog.title[:33], made.source, made.language
    ("Xiamen's work plan for creating a", None, 'en')
    """
    language = resolve_language(lang)
    plan = result.plan
    title = None if plan is None else plan.title(language)
    return Provenance(
        version=__version__,
        catalog=CatalogInfo(
            title=title,
            document=None if plan is None else plan.number,
            indicators=len(result.indicators),
            sha256=catalog_sha256(result.indicators),
        ),
        source=result.source,
        as_of=result.as_of,
        language=language,
    )


def evaluation_payload(result: Evaluation, lang: Language | None = None) -> EvaluationPayload:
    """The typed payload of an evaluation (what :meth:`Evaluation.to_dict` dumps)."""
    return EvaluationPayload.model_validate(result.to_dict(lang))


def payload_dict(
    result: Evaluation, columns: Mapping[str, list[object]], lang: Language
) -> dict[str, Any]:
    """The payload as plain JSON types, as :class:`EvaluationPayload` would dump it.

    ``columns`` are the columns of ``result.to_frame(lang)`` as Python values. They are made
    JSON-ready here a column at a time, not validated row by row by the model: a service's
    call would otherwise spend more on validating what the engine built than on the
    evaluation (``tests/test_payload.py`` checks that the model validates every payload and
    dumps it unchanged).
    """
    names = [str(name) for name in columns]
    ready = [_json_column(values) for values in columns.values()]
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": None if result.as_of is None else result.as_of.isoformat(),
        "provenance": provenance(result, lang).model_dump(mode="json"),
        "summary": {
            "assessments": len(result),
            "indicators": len(result.indicators),
            "by_status": result._status_counts(),
        },
        "assessments": [dict(zip(names, row, strict=True)) for row in zip(*ready, strict=True)],
        "warnings": [_json_record(record) for record in result._warning_records(lang)],
    }


def _json_column(values: list[object]) -> list[object]:
    """A column's values as JSON types (see :func:`_json_value`), a type check per column.

    >>> _json_column([1.5, float("nan"), None]), _json_column([("市质监局",)])
    ([1.5, None, None], [['市质监局']])
    """
    types = set(map(type, values))
    if types <= {float, type(None)}:
        return [
            value if isinstance(value, float) and math.isfinite(value) else None for value in values
        ]
    if types <= {str, int, bool, type(None)}:
        return values
    return [_json_value(value) for value in values]


def _json_record(record: Mapping[Any, object]) -> dict[str, object]:
    """A row as JSON types the way pydantic dumps them: tuples as lists, ±inf and NaN as null.

    >>> _json_record({"value": float("inf"), "responsible": ("市质监局",), "period": 2013})
    {'value': None, 'responsible': ['市质监局'], 'period': 2013}
    """
    return {str(name): _json_value(value) for name, value in record.items()}


def _json_value(value: object) -> object:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, tuple):
        return list(value)
    if value is None or isinstance(value, str | int):
        return value
    if hasattr(value, "item"):  # a numpy scalar left in a warnings row
        return _json_value(value.item())
    if value is pd.NA or value is pd.NaT:
        return None
    raise TypeError(f"no JSON form for {type(value).__name__}")
