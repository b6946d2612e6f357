"""Catalogs of indicators: the built-in one, and catalogs read from TOML, YAML or JSON files.

A :class:`Catalog` is an immutable, ordered collection of :class:`~xmqc_kpi.indicator.Indicator`
keyed by id. :func:`catalog` returns the built-in catalog (the plan's 42 targets).
:func:`load_catalog` reads a file holding ``{"indicators": [...]}``: every entry is validated by
the same pydantic models as the built-in declarations, no code is ever executed from a file,
and a malformed file raises one :class:`CatalogError` that lists every problem, each located by
entry (index and id) and field path. :func:`dump_catalog` writes JSON or YAML that
:func:`load_catalog` reads back to an equal catalog, and :func:`catalog_json_schema` gives the
JSON Schema of the file format.

>>> builtin = catalog()
>>> len(builtin)
42
>>> builtin["municipal_sampling_pass_rate"].threshold.kind
'at_least'
>>> builtin.filter(section="5", kind="below_benchmark").ids
('export_overseas_notification_ratio', 'special_equipment_death_rate')
"""

from __future__ import annotations

import codecs
import difflib
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .errors import ProblemsError
from .indicator import Indicator
from .interpretation import department_key
from .plan import Plan
from .text import Language, resolve_language
from .text._problems_catalog import CATALOG_LOCATION
from .text.problems import PROBLEMS, SUMMARY
from .thresholds import Threshold

if TYPE_CHECKING:
    pass

__all__ = [
    "CATALOG_PROBLEM_COLUMNS",
    "MAX_CATALOG_BYTES",
    "MAX_COUNT",
    "MAX_NESTING",
    "THRESHOLD_KINDS",
    "Catalog",
    "CatalogError",
    "CatalogProblem",
    "catalog",
    "catalog_json_schema",
    "dump_catalog",
    "load_catalog",
    "plan_of",
    "plan_text",
]

#: Every threshold kind, in the order of the ``Threshold`` union (``"at_least"``, ``"all"`` …).
THRESHOLD_KINDS: tuple[str, ...] = tuple(
    str(member.model_fields["kind"].default) for member in get_args(get_args(Threshold)[0])
)

_JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class CatalogProblem(BaseModel):
    """One problem in a catalog, located by entry and field, with a stable ``code``.

    ``entry`` is the 0-based index in the ``indicators`` list and ``id`` the entry's id when it
    has a readable one; both are ``None`` for problems of the whole file. ``field`` is a dotted
    path inside the entry (``"inputs[1].unit"``), ``None`` when the problem is the whole entry.
    ``code`` keys the wording in :mod:`xmqc_kpi.text.problems`, ``params`` fill it.

    >>> problem = CatalogProblem(entry=2, id="x", field="threshold.top_n",
    ...     code="catalog_too_big", params={"name": "top_n", "limit": 1000000, "value": "10**30"})
    >>> problem.render("en")
    "entry 2 (id 'x'), field 'threshold.top_n': top_n is too large: at most 1000000 (got 10**30)"
    >>> problem.render("zh")
    '第 3 条（编号“x”），字段“threshold.top_n”：top_n 过大：最大为 1000000（得到 10**30）'
    """

    model_config = ConfigDict(frozen=True)

    entry: int | None = None
    id: str | None = None
    field: str | None = None
    code: str
    params: dict[str, Any] = Field(default_factory=dict)

    def message_in(self, lang: Language | str | None = None) -> str:
        """The message alone, in ``lang`` (default: the active language)."""
        return PROBLEMS.say(self.code, resolve_language(lang), **self.params)

    @property
    def message(self) -> str:
        """The message in the active language."""
        return self.message_in()

    def location(self, lang: Language | str | None = None) -> str:
        """Entry, id and field as words (empty for a problem of the whole file)."""
        language = resolve_language(lang)
        where = []
        if self.entry is not None:
            key = "entry_id" if self.id else "entry"
            where.append(
                CATALOG_LOCATION.say(
                    key, language, entry=self.entry, ordinal=self.entry + 1, id=self.id
                )
            )
        elif self.id is not None:
            where.append(CATALOG_LOCATION.say("id", language, id=self.id))
        if self.field is not None:
            where.append(CATALOG_LOCATION.say("field", language, field=self.field))
        return CATALOG_LOCATION.say("separator", language).join(where)

    def render(self, lang: Language | str | None = None) -> str:
        """The location and the message, in ``lang``."""
        language = resolve_language(lang)
        where, message = self.location(language), self.message_in(language)
        if not where:
            return message
        return CATALOG_LOCATION.say("lead", language, where=where, message=message)

    def __str__(self) -> str:
        return self.render()


class CatalogError(ProblemsError):
    """A catalog that cannot be built; ``problems`` lists every problem found.

    ``str()`` renders in the active language, :meth:`render` in either.

    >>> problem = CatalogProblem(entry=2, id="x", code="catalog_duplicate_id",
    ...                          params={"first": 0, "first_ordinal": 1})
    >>> err = CatalogError([problem])
    >>> print(err.render("en"))
    1 problem in the catalog:
      - entry 2 (id 'x'): duplicate id: entry 0 has the same id
    >>> print(err.render("zh"))
    指标目录中有 1 处问题：
      - 第 3 条（编号“x”）：重复的指标编号：第 1 条已使用此编号
    >>> err.codes
    ('catalog_duplicate_id',)
    """

    columns = ("entry", "id", "field", "code", "message")
    problems: tuple[CatalogProblem, ...]

    def __init__(self, problems: Iterable[CatalogProblem], *, source: str | None = None) -> None:
        self.source = source
        super().__init__(problems)

    def summary(self, language: Language, count: int) -> str:
        """``指标目录中有 N 处问题：``, naming the file when there is one."""
        plural = "s" if count != 1 else ""
        if self.source is None:
            return SUMMARY.say("catalog", language, count=count, s=plural)
        return SUMMARY.say("catalog_file", language, count=count, s=plural, source=self.source)

    def record(self, problem: CatalogProblem, language: Language) -> Mapping[str, Any]:
        """Entry, id, field, code and message of one problem.

        >>> problem = CatalogProblem(entry=0, field="indicators", code="catalog_empty")
        >>> CatalogError([problem]).to_frame("en")[["entry", "field", "code"]].to_dict("records")
        [{'entry': 0, 'field': 'indicators', 'code': 'catalog_empty'}]
        """
        return {
            "entry": problem.entry,
            "id": problem.id,
            "field": problem.field,
            "code": problem.code,
            "message": problem.message_in(language),
        }


#: Columns of :meth:`CatalogError.to_frame`, in order.
CATALOG_PROBLEM_COLUMNS = CatalogError.columns


def _unit_key(name: str) -> str:
    """Compare responsible units by department: aliases and the city prefix are ignored."""
    return department_key(name)


class Catalog:
    """An immutable, ordered collection of indicators with unique ids.

    Iterating gives the indicators in order; ``catalog["id"]`` looks one up (a ``KeyError`` names
    the closest ids); ``"id" in catalog`` tests for an id. :meth:`filter` selects by plan section,
    threshold kind or responsible unit and returns a new catalog.

    >>> from xmqc_kpi.indicators import BUILTIN_INDICATORS
    >>> small = Catalog(BUILTIN_INDICATORS[:2])
    >>> small.ids
    ('school_quality_base_reception_days', 'agri_standardized_production_rate')
    >>> "agri_standardized_production_rate" in small
    True
    >>> small["school_quality_base_reception_day"]
    Traceback (most recent call last):
        ...
    KeyError: "no indicator 'school_quality_base_reception_day' in the catalog; did you mean 'school_quality_base_reception_days'?"
    """  # noqa: E501 - a doctest's expected output is one line

    __slots__ = ("_by_id", "_indicators", "_plan")

    _indicators: tuple[Indicator, ...]
    _by_id: Mapping[str, Indicator]
    _plan: Plan | None

    def __init__(self, indicators: Iterable[Indicator] = (), *, plan: Plan | None = None) -> None:
        if plan is not None and not isinstance(plan, Plan):
            raise TypeError(f"plan must be a Plan, not {type(plan).__name__}")
        items = tuple(indicators)
        for index, item in enumerate(items):
            if not isinstance(item, Indicator):
                raise TypeError(
                    f"a catalog holds Indicator objects; entry {index} is {type(item).__name__}"
                )
        by_id: dict[str, Indicator] = {}
        first: dict[str, int] = {}
        problems = []
        for index, item in enumerate(items):
            if item.id in by_id:
                problems.append(
                    CatalogProblem(
                        entry=index,
                        id=item.id,
                        field="id",
                        code="catalog_duplicate_id",
                        params={"first": first[item.id], "first_ordinal": first[item.id] + 1},
                    )
                )
            else:
                by_id[item.id] = item
                first[item.id] = index
        if problems:
            raise CatalogError(problems)
        object.__setattr__(self, "_indicators", items)
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        object.__setattr__(self, "_plan", plan)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Catalog is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Catalog is immutable: cannot delete {name!r}")

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self._indicators)

    def __len__(self) -> int:
        return len(self._indicators)

    def __getitem__(self, indicator_id: str) -> Indicator:
        if not isinstance(indicator_id, str):
            raise TypeError(
                f"look indicators up by id (a str), not by {type(indicator_id).__name__}"
            )
        try:
            return self._by_id[indicator_id]
        except KeyError:
            raise KeyError(self._missing(indicator_id)) from None

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        if isinstance(item, Indicator):
            return self._by_id.get(item.id) == item
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return self._indicators == other._indicators and self.plan == other.plan

    def __hash__(self) -> int:
        return hash(self._indicators)

    def __repr__(self) -> str:
        shown = ", ".join(self.ids[:3]) + (", …" if len(self) > 3 else "")
        count = len(self)
        return f"<Catalog of {count} indicator{'s' if count != 1 else ''}: {shown}>"

    def _repr_html_(self) -> str:
        from . import display

        return display.html("catalog", self)

    def _missing(self, indicator_id: str) -> str:
        close = difflib.get_close_matches(indicator_id, self.ids, n=3, cutoff=0.6)
        message = f"no indicator {indicator_id!r} in the catalog"
        if close:
            return message + "; did you mean " + " or ".join(repr(c) for c in close) + "?"
        return message + f" ({len(self)} indicators; see .ids)"

    @property
    def plan(self) -> Plan | None:
        """The plan the indicators come from: the one declared, else Xiamen's for built-ins.

        A catalog read from a file with a ``plan`` has that plan; one built of built-in
        declarations only (the built-in catalog, a part of it) has the Xiamen plan; any other
        has none (``None``), and reports then name no plan.

        >>> catalog().plan.number
        '厦府〔2013〕98号'
        >>> Catalog().plan is None
        True
        """
        return self._plan if self._plan is not None else _builtin_plan(self._indicators)

    @property
    def declared_plan(self) -> Plan | None:
        """The plan given when the catalog was built (``Catalog(..., plan=)``), if any."""
        return self._plan

    @property
    def ids(self) -> tuple[str, ...]:
        """The indicator ids, in order."""
        return tuple(self._by_id)

    @property
    def sections(self) -> tuple[str, ...]:
        """The plan sections present, in the plan's order: table sections, then body sections.

        Table sections are ``"1"`` … ``"9"`` (body 三(一) … 三(九)); a target with no table row
        has its body section (``"五"``), which comes after them in the plan.
        """
        present = dict.fromkeys(item.section for item in self._indicators)
        return tuple(sorted(present, key=lambda s: (0, int(s), "") if s.isdigit() else (1, 0, s)))

    def filter(
        self,
        *,
        section: str | int | None = None,
        kind: str | None = None,
        responsible: str | None = None,
    ) -> Catalog:
        """Select indicators, keeping their order; criteria given together must all hold.

        Parameters
        ----------
        section
            Plan section: the table's first level (``"5"`` or ``5`` for 5.1.2) or, for a target
            with no table row, the body section (``"五"``).
        kind
            Threshold kind, one of :data:`THRESHOLD_KINDS` (``"at_least"``, ``"trend"`` …).
        responsible
            A responsible unit; matches when it is any of the indicator's units (lead or not),
            inherited or not. The city prefix 市 is ignored on both sides, since the plan writes
            ``市质监局`` in one row and ``质监局`` in the next.

        Returns
        -------
        Catalog
            The matching indicators (possibly none).

        Raises
        ------
        ValueError
            For an unknown threshold kind or an empty criterion.

        Examples
        --------
        >>> catalog().filter(kind="top_among_peers", responsible="质监局").ids
        ('brand_titles_per_100m_gdp', 'quality_award_enterprises')
        """
        selected: Iterable[Indicator] = self._indicators
        if section is not None:
            if isinstance(section, bool) or not isinstance(section, str | int):
                raise TypeError(f"section must be a str or int, not {type(section).__name__}")
            wanted_section = str(section).strip()
            if not wanted_section:
                raise ValueError("section must not be empty")
            selected = [item for item in selected if item.section == wanted_section]
        if kind is not None:
            if kind not in THRESHOLD_KINDS:
                raise ValueError(
                    f"unknown threshold kind {kind!r}; expected one of {', '.join(THRESHOLD_KINDS)}"
                )
            selected = [item for item in selected if item.threshold.kind == kind]
        if responsible is not None:
            wanted_unit = _unit_key(responsible)
            if not wanted_unit:
                raise ValueError("responsible must name a unit")
            selected = [
                item
                for item in selected
                if any(_unit_key(unit) == wanted_unit for unit in item.responsible.units)
            ]
        return Catalog(selected, plan=self._plan)


@cache
def catalog(*, supplementary: bool = False) -> Catalog:
    """Return the built-in catalog: the plan's 42 targets, in the order of the contract.

    With ``supplementary=True``, the 42 are followed by the supplementary indicators
    (:data:`xmqc_kpi.indicators.supplementary.SUPPLEMENTARY_INDICATORS`): clauses of the plan
    that give something checkable but are not in the target list (2.3.2's metrology testing
    centres, 4.1.2's 竞争力, 7.1.1's service-standardisation pilots, 9.6.2's ECFA data
    exchange), in the plan's order. The default keeps exactly the 42 of the catalog contract.

    >>> len(catalog()), len(catalog(supplementary=True))
    (42, 46)
    >>> catalog(supplementary=True).ids[42:]  # doctest: +NORMALIZE_WHITESPACE
    ('national_metrology_testing_centres', 'manufacturing_quality_competitiveness_trend',
     'national_service_standardization_pilots', 'ecfa_certificate_exchange')
    """
    from .indicators import BUILTIN_INDICATORS  # builds 42 declarations: only when asked
    from .indicators.plan import XIAMEN_PLAN

    if not supplementary:
        return Catalog(BUILTIN_INDICATORS, plan=XIAMEN_PLAN)
    from .indicators.supplementary import SUPPLEMENTARY_INDICATORS

    return Catalog(BUILTIN_INDICATORS + SUPPLEMENTARY_INDICATORS, plan=XIAMEN_PLAN)


def plan_of(indicators: Catalog | Iterable[Indicator]) -> Plan | None:
    """The plan the indicators were declared from, else ``None``.

    A catalog's :attr:`Catalog.plan`; for other indicators, the Xiamen plan when each is the
    built-in declaration of its id (one of the 42 or a supplementary indicator), else ``None``
    (a catalog of one's own, even one reusing an id).

    >>> plan_of(catalog().filter(section="5")).number
    '厦府〔2013〕98号'
    >>> rate = catalog()["national_sampling_pass_rate"]
    >>> plan_of([rate]).number, plan_of([rate.model_copy(update={"deadline": "2020-12"})])
    ('厦府〔2013〕98号', None)
    >>> plan_of([catalog(supplementary=True)["national_metrology_testing_centres"]]).number
    '厦府〔2013〕98号'
    """
    if isinstance(indicators, Catalog):
        return indicators.plan
    return _builtin_plan(tuple(indicators))


def _builtin_plan(items: tuple[Indicator, ...]) -> Plan | None:
    """The Xiamen plan when every one of ``items`` is a built-in declaration, else ``None``."""
    builtin = catalog(supplementary=True)
    same = [
        builtin._by_id.get(item.id) is item or builtin._by_id.get(item.id) == item for item in items
    ]
    return builtin._plan if items and all(same) else None


@cache
def plan_text() -> str:
    """Return the plan's text (厦府〔2013〕98号) that every indicator's ``quote`` comes from."""
    resource = resources.files("xmqc_kpi") / "data" / "plan.txt"
    return resource.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Files


class _CatalogFile(BaseModel):
    """A catalog of xmqc_kpi indicators: ``{"indicators": [...]}``, one object per indicator.

    ``plan`` (optional) declares the plan the indicators come from: its title, number, issuer,
    date, sections and how it names its clauses; reports and explanations then name it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", title="xmqc_kpi catalog")

    plan: Plan | None = None
    indicators: tuple[Indicator, ...]


_FILE = TypeAdapter(_CatalogFile)


def catalog_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a catalog file, generated from the models.

    Each model's description is the first paragraph of its docstring: the rest (details and
    doctest examples) is for Python readers, not for people writing catalog files.
    """
    schema = _FILE.json_schema()
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if isinstance(definition.get("description"), str):
            definition["description"] = definition["description"].split("\n\n")[0]
    return {"$schema": _JSON_SCHEMA_DIALECT, **schema}


# ---------------------------------------------------------------------------------------------
# Reading a file: bounded in size, nesting and work, and never running code

#: The largest catalog file :func:`load_catalog` reads: 10 MiB (the built-in catalog is 60 KB).
MAX_CATALOG_BYTES = 10 * 1024 * 1024
#: How deeply lists and mappings may nest in a catalog file (an entry needs 5 levels).
MAX_NESTING = 32
#: The node budget of a file: this many nodes per byte, plus :data:`_MIN_NODES`. Without YAML
#: aliases a file has at most about one node per byte; aliases may repeat what they name up to
#: this budget, which keeps the work of validation proportional to the file's size.
_NODES_PER_BYTE = 4
_MIN_NODES = 10_000
#: TOML dotted keys (``a.b.c = 1``) with at most this many parts: ``tomllib`` takes time
#: quadratic in the number of parts, so longer keys are refused before parsing.
_MAX_KEY_PARTS = MAX_NESTING
#: Threshold numbers have at most this many digits either side of the decimal point: exact
#: arithmetic on ``1e-999999999`` would take forever.
_MAX_EXPONENT = 100

Path_ = tuple[int | str, ...]


class _Unreadable(Exception):
    """A problem that stops reading the file; ``path`` locates it in the document if known.

    ``code`` and ``params`` are those of the :class:`CatalogProblem` it becomes; without a
    code, ``message`` is the detail of a ``catalog_unreadable`` problem.
    """

    def __init__(
        self, message: str, path: Path_ = (), *, code: str | None = None, **params: Any
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.code = code or "catalog_unreadable"
        self.params = params if code is not None else {"detail": message}


class _Meter:
    """The work spent reading one file, and its budget: both counted, never timed.

    ``events`` counts YAML parser events, ``nodes`` the nodes of the document including
    what YAML aliases repeat (counted, not walked, while composing), ``visited`` the nodes
    walked after parsing. Each is at most proportional to the file's size.
    """

    __slots__ = ("budget", "events", "nodes", "visited")

    def __init__(self, size: int) -> None:
        self.budget = _MIN_NODES + _NODES_PER_BYTE * size
        self.events = 0
        self.nodes = 0
        self.visited = 0

    @property
    def work(self) -> int:
        """Everything counted: events, plus nodes composed, plus nodes visited."""
        return self.events + self.nodes + self.visited

    def spend(self, count: int) -> bool:
        """Count ``count`` more nodes; whether the budget is now exceeded."""
        self.nodes += count
        return self.nodes > self.budget

    def exceeded(self, where: str, path: Path_) -> _Unreadable:
        """The error for a document over budget."""
        return _Unreadable(
            f"the document has more than {self.budget} nodes ({where}), the limit for a file "
            "of this size: YAML aliases (*name) repeat too much",
            path,
        )


def _read_bytes(source: Path, max_bytes: int) -> bytes:
    with source.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        data = file.read(max_bytes + 1)  # the size a pipe or a special file claims may be 0
    if len(data) > max_bytes:
        raise _too_large(None, max_bytes)
    return data


def _too_large(size: int | None, max_bytes: int) -> _Unreadable:
    given = f"{size} bytes" if size is not None else f"> {max_bytes} bytes"
    return _Unreadable(
        f"the file is too large ({given})", code="catalog_too_large", size=given, limit=max_bytes
    )


_OTHER_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


def _decode(data: bytes) -> str:
    """UTF-8 text; a leading byte-order mark (written by some Windows editors) is dropped."""
    for bom, encoding in _OTHER_BOMS.items():
        if data.startswith(bom):
            detail = f"{encoding} (byte-order mark)"
            raise _Unreadable(detail, code="catalog_encoding", detail=detail)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        detail = f"byte 0x{data[exc.start]:02x} at line {line}, byte {column} ({exc.reason})"
        raise _Unreadable(detail, code="catalog_encoding", detail=detail) from exc


# A dotted key of more than _MAX_KEY_PARTS parts; possessive so that the scan stays linear.
_TOML_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_TOML_LONG_KEY = re.compile(
    rf"(?<![A-Za-z0-9_-]){_TOML_KEY_PART}(?:[ \t]*+\.[ \t]*+{_TOML_KEY_PART}){{{_MAX_KEY_PARTS},}}"
)


def _read_toml(text: str, meter: _Meter) -> tuple[Any, list[_Found]]:
    long_key = _TOML_LONG_KEY.search(text)
    if long_key is not None:
        line = text.count("\n", 0, long_key.start()) + 1
        raise _Unreadable(f"a dotted key of more than {_MAX_KEY_PARTS} parts (line {line})")
    document = tomllib.loads(text, parse_float=Decimal)  # refuses duplicate keys itself
    return document, _walk(document, meter, {})


def _read_json(text: str, meter: _Meter) -> tuple[Any, list[_Found]]:
    duplicates: dict[int, tuple[dict[str, Any], list[str]]] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key, value in items:
            if key in mapping:
                # keep the mapping alive so that its id is not reused by another one
                duplicates.setdefault(id(mapping), (mapping, []))[1].append(key)
            mapping[key] = value
        return mapping

    document = json.loads(text, parse_float=Decimal, object_pairs_hook=pairs)
    return document, _walk(document, meter, duplicates)


#: A problem found while reading that does not stop validation: (path, message).
_Found = tuple[Path_, str, dict[str, Any]]


def _walk(
    document: Any, meter: _Meter, duplicates: Mapping[int, tuple[Any, list[str]]]
) -> list[_Found]:
    """Visit every node once (iteratively): bound the nesting and report duplicate keys.

    A YAML document may hold the same list or mapping more than once (aliases): it is walked
    each time, as validation will walk it, and the walk is bounded by the node budget that
    composing the YAML checked.
    """
    found: list[_Found] = []
    stack: list[tuple[Any, Path_]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        meter.visited += 1
        if len(path) >= MAX_NESTING:
            raise _Unreadable("too deep", path, code="catalog_too_deep", limit=MAX_NESTING)
        if isinstance(node, dict):
            if id(node) in duplicates:
                found += [
                    ((*path, key), "catalog_duplicate_key", {"key": repr(key)})
                    for key in duplicates[id(node)][1]
                ]
            children: Iterable[tuple[int | str, Any]] = node.items()
        elif isinstance(node, list):
            children = enumerate(node)
        else:
            continue
        for key, child in children:
            if isinstance(child, dict | list):
                stack.append((child, (*path, key if isinstance(key, int) else str(key))))
            else:
                meter.visited += 1
    return found


# libyaml's parser when PyYAML was built with it (ten times faster), else PyYAML's own.
_YAML_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeYAML(_YAML_BASE):  # type: ignore[misc,valid-type]
    """``yaml.safe_load``'s loader; :func:`_read_yaml` composes its nodes iteratively."""


#: The explicit YAML tags allowed: the core schema's. Any other (``!!python/object`` …) is
#: refused before anything is built; ``yaml.SafeLoader`` would refuse most of them too.
_YAML_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "seq", "map")
)


class _Open:
    """A YAML list or mapping being composed."""

    __slots__ = ("anchor", "key", "keys", "node", "path", "size")

    def __init__(self, node: yaml.Node, anchor: str | None, path: Path_) -> None:
        self.node = node
        self.anchor = anchor
        self.path = path
        self.size = 1
        self.key: yaml.Node | None = None  # a mapping's key waiting for its value
        self.keys: set[str] = set()


def _line(event: Any) -> str:
    """Where an event starts: ``"line 3, column 5"``."""
    mark = event.start_mark
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _read_yaml(text: str, meter: _Meter) -> tuple[Any, list[_Found]]:
    """Compose the document's nodes without recursion, then build it with the safe loader.

    Composing counts every node, an alias counting as many nodes as what it names, against the
    meter's budget; it refuses nesting deeper than :data:`MAX_NESTING`, an alias inside what it
    names (``&a [*a]``), an undefined alias, a second document and any tag but the core
    schema's, each with its line. Duplicate keys are reported without stopping.
    """
    loader: Any = _SafeYAML(text)  # typed Any: the stubs leave its methods untyped
    try:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None, []
        loader.get_event()  # document start
        root, found = _compose_yaml(loader, meter)
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            where = _line(loader.peek_event())
            raise _Unreadable(f"a second YAML document starts at {where}; give only one")
        document = loader.construct_document(root)
    finally:
        loader.dispose()
    return document, found + _walk(document, meter, {})


def _compose_yaml(loader: Any, meter: _Meter) -> tuple[yaml.Node, list[_Found]]:
    found: list[_Found] = []
    anchors: dict[str, tuple[yaml.Node, int] | None] = {}  # None while the node is open
    stack: list[_Open] = []
    while True:
        event: Any = loader.get_event()
        meter.events += 1
        anchor = getattr(event, "anchor", None)
        marks: tuple[Any, Any] = (event.start_mark, event.end_mark)  # error.Mark or _yaml.Mark
        node: yaml.Node
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise _Unreadable(
                    f"undefined alias *{event.anchor} ({_line(event)})", _yaml_path(stack)
                )
            named = anchors[event.anchor]
            if named is None:
                raise _Unreadable(
                    f"the alias *{event.anchor} is inside the node &{event.anchor} it names "
                    f"({_line(event)}): a catalog cannot be recursive",
                    _yaml_path(stack),
                )
            node, size = named
            if meter.spend(size):
                raise meter.exceeded(_line(event), _yaml_path(stack))
        elif isinstance(event, yaml.ScalarEvent | yaml.SequenceStartEvent | yaml.MappingStartEvent):
            tag = event.tag
            if tag is not None and tag != "!" and tag not in _YAML_TAGS:
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                raise _Unreadable(
                    f"not valid YAML for a catalog ({_line(event)}): the tag {shown} is not "
                    "allowed; a catalog holds plain data and no code is ever run from it",
                    _yaml_path(stack),
                )
            if anchor is not None and anchor in anchors:
                raise _Unreadable(f"the anchor &{anchor} is defined twice ({_line(event)})")
            if meter.spend(1):
                raise meter.exceeded(_line(event), _yaml_path(stack))
            if isinstance(event, yaml.ScalarEvent):
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                node = yaml.ScalarNode(tag, event.value, *marks, style=event.style)
                size = 1
                if anchor is not None:
                    anchors[anchor] = (node, size)
            else:
                if len(stack) >= MAX_NESTING:
                    raise _Unreadable(
                        f"lists and mappings nest more than {MAX_NESTING} levels deep "
                        f"({_line(event)})",
                        _yaml_path(stack),
                    )
                kind = (
                    yaml.SequenceNode
                    if isinstance(event, yaml.SequenceStartEvent)
                    else yaml.MappingNode
                )
                if tag is None or tag == "!":
                    tag = loader.resolve(kind, None, event.implicit)
                collection = kind(tag, [], marks[0], None, flow_style=event.flow_style)
                if anchor is not None:
                    anchors[anchor] = None
                stack.append(_Open(collection, anchor, _yaml_path(stack)))
                continue
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            done = stack.pop()
            node, size = done.node, done.size
            node.end_mark = event.end_mark
            if done.anchor is not None:
                anchors[done.anchor] = (node, size)
        else:  # the parser yields nothing else inside a document
            raise _Unreadable(f"unexpected YAML event {type(event).__name__}")
        if not stack:
            return node, found
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.node, yaml.SequenceNode):
            parent.node.value.append(node)
        elif parent.key is None:
            parent.key = node
            if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:merge":
                if node.value in parent.keys:
                    found.append(
                        (
                            (*parent.path, str(node.value)),
                            "catalog_duplicate_key",
                            {"key": f"{node.value!r} ({_line(event)})"},
                        )
                    )
                parent.keys.add(node.value)
        else:
            parent.node.value.append((parent.key, node))
            parent.key = None


def _yaml_path(stack: list[_Open]) -> Path_:
    """Where the next node goes: list indices and scalar mapping keys (``?`` for others)."""
    if not stack:
        return ()
    top = stack[-1]
    if isinstance(top.node, yaml.SequenceNode):
        return (*top.path, len(top.node.value))
    if top.key is None:
        return top.path
    key = top.key.value if isinstance(top.key, yaml.ScalarNode) else "?"
    return (*top.path, str(key))


def _yaml_message(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        what = "; ".join(part for part in (exc.context, exc.problem) if part)
        return f"not valid YAML{at}: {what}"
    return f"not valid YAML: {exc}"


_READERS: dict[str, tuple[str, Callable[[str, _Meter], tuple[Any, list[_Found]]]]] = {
    ".toml": ("TOML", _read_toml),
    ".yaml": ("YAML", _read_yaml),
    ".yml": ("YAML", _read_yaml),
    ".json": ("JSON", _read_json),
}


def load_catalog(path: str | os.PathLike[str], *, max_bytes: int = MAX_CATALOG_BYTES) -> Catalog:
    r"""Read a catalog from a TOML, YAML or JSON file, chosen by the file's suffix.

    The file holds ``{"indicators": [...]}``; each entry has the fields of
    :class:`~xmqc_kpi.indicator.Indicator`, and formulas and thresholds are chosen by their
    ``kind`` (see :func:`catalog_json_schema`). An optional ``plan`` (the fields of
    :class:`~xmqc_kpi.plan.Plan`) declares the plan the indicators come from.

    A file is data, never code: YAML is built by ``yaml.SafeLoader``'s constructors and any tag
    but the core schema's (``!!python/object`` …) is refused; nothing is evaluated, unpickled
    or imported. Reading takes time and memory proportional to the file's size: the file is at
    most ``max_bytes`` long, lists and mappings nest at most :data:`MAX_NESTING` levels, and
    YAML aliases (``*name``) may repeat what they name only up to a budget of nodes
    proportional to the file's size (so an "exponential entity" document is refused at once);
    an alias inside what it names (``&a [*a]``) is refused.

    Parameters
    ----------
    path
        A ``.toml``, ``.yaml``, ``.yml`` or ``.json`` file, UTF-8 (a leading byte-order mark
        is ignored).
    max_bytes
        The largest file read, :data:`MAX_CATALOG_BYTES` (10 MiB) by default.

    Returns
    -------
    Catalog
        The indicators in file order.

    Raises
    ------
    CatalogError
        When the file cannot be read as a catalog (too large, not UTF-8, empty, not valid
        TOML, YAML or JSON, too deeply nested, a refused YAML tag or alias), or for every entry
        and field that does not validate (wrong type, missing or unknown field, unknown formula
        or threshold kind, incompatible unit, duplicate id or key), all reported at once.
    OSError
        When the file cannot be read (``FileNotFoundError`` …).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     bad = Path(folder) / "bad.yaml"
    ...     _ = bad.write_text("indicators: !!python/object/apply:os.system [echo hi]\n")
    ...     try:
    ...         load_catalog(bad)
    ...     except CatalogError as error:
    ...         print(error.codes, error.problems[0].render("en"))
    ('catalog_unreadable',) field 'indicators': not valid YAML for a catalog (line 1, column 13): the tag !!python/object/apply:os.system is not allowed; a catalog holds plain data and no code is ever run from it
    """  # noqa: E501 - a doctest's expected output is one line
    source = Path(path)
    reader = _READERS.get(source.suffix.lower())
    if reader is None:
        raise CatalogError(
            [CatalogProblem(code="catalog_suffix")],
            source=str(source),
        )
    try:
        document, found = _parse(_read_bytes(source, max_bytes), source.suffix.lower())
    except _Unreadable as exc:
        problem = _located(exc.path, exc.code, exc.params, None)
        raise CatalogError([problem], source=str(source)) from exc
    return _from_document(document, source=str(source), found=found)


def _parse(data: bytes, suffix: str, meter: _Meter | None = None) -> tuple[Any, list[_Found]]:
    """Decode and parse a file's bytes; raise :class:`_Unreadable` for a file that is not one.

    ``meter`` counts the work done (a fresh one for the file's size when not given).
    """
    name, read = _READERS[suffix]
    text = _decode(data)
    if not text.strip():
        raise _Unreadable("empty", code="catalog_empty")
    try:
        return read(text, _Meter(len(data)) if meter is None else meter)
    except RecursionError as exc:  # the JSON and TOML parsers recurse once per nesting level
        raise _Unreadable("too deep", code="catalog_too_deep", limit=MAX_NESTING) from exc
    except yaml.YAMLError as exc:
        raise _Unreadable(_yaml_message(exc)) from exc
    except ValueError as exc:  # JSON and TOML decode errors, integers of over 4300 digits
        detail = _clip(str(exc))
        raise _Unreadable(detail, code="catalog_syntax", format=name, detail=detail) from exc


def _located(path: Path_, code: str, params: dict[str, Any], document: Any) -> CatalogProblem:
    """A problem at ``path`` in the document: entry, id (when readable) and field."""
    entry: int | None = None
    entry_id: str | None = None
    if len(path) >= 2 and path[0] == "indicators" and isinstance(path[1], int):
        entry, path = path[1], path[2:]
        entries = document.get("indicators") if isinstance(document, dict) else None
        if isinstance(entries, list) and entry < len(entries):
            entry_id = _entry_id(entries[entry])
    return CatalogProblem(
        entry=entry, id=entry_id, field=_format_loc(path), code=code, params=params
    )


def _from_document(document: Any, *, source: str | None, found: Iterable[_Found] = ()) -> Catalog:
    """Validate a parsed document and build the catalog, collecting every problem first."""
    if not isinstance(document, dict):
        given = "nothing" if document is None else f"a {type(document).__name__}"
        raise CatalogError(
            [CatalogProblem(code="catalog_not_mapping", params={"given": given})],
            source=source,
        )
    problems = [_located(path, code, params, document) for path, code, params in found]
    entries = document.get("indicators")
    raw_entries: list[Any] = entries if isinstance(entries, list) else []
    if isinstance(entries, list):
        checked, more = _check_threshold_values(entries)
        problems += more
        document = {**document, "indicators": checked}
    elif "indicators" in document:
        problems.append(
            CatalogProblem(
                field="indicators",
                code="catalog_not_list",
                params={"given": _kind_of(entries), "value": _short(entries)},
            )
        )
        document = {**document, "indicators": []}
    parsed: _CatalogFile | None = None
    try:
        parsed = _FILE.validate_python(document)
    except ValidationError as exc:
        problems += _problems_from(exc, raw_entries)
    except (ArithmeticError, TypeError) as exc:  # a validator that raised outside pydantic's net
        detail = _clip(f"invalid value: {type(exc).__name__}: {exc}")
        problems.append(CatalogProblem(code="catalog_invalid", params={"detail": detail}))
    problems += _duplicate_ids(raw_entries)
    if problems or parsed is None:
        problems.sort(key=lambda p: (-1 if p.entry is None else p.entry, p.field or ""))
        raise CatalogError(problems, source=source)
    return Catalog(parsed.indicators, plan=parsed.plan)


def _kind_of(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "a string", type(None): "null"}
    return names.get(type(value), f"a {type(value).__name__}")


def _entry_id(entry: Any) -> str | None:
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return str(entry["id"])
    return None


#: The largest ``top_n`` and ``window`` a catalog may give: a count of regions or periods
#: (``10**30`` would load, then make ``evaluate`` allocate without end).
MAX_COUNT = 1_000_000

_Reason = tuple[str, dict[str, Any]]


def _check_threshold_values(entries: list[Any]) -> tuple[list[Any], list[CatalogProblem]]:
    """Report threshold numbers that are not decimals or are out of range, and stand in for them.

    ``thresholds._exact_decimal`` raises ``decimal.InvalidOperation`` or ``TypeError`` for such a
    value, which pydantic does not turn into a validation error, and exact arithmetic on a
    number such as ``1e-999999999`` (in ``value`` or ``top_fraction``) would not end; a
    ``top_n`` or ``window`` beyond :data:`MAX_COUNT` would load and then exhaust ``evaluate``.
    Checking first keeps every problem of the file in one report, and loading linear in time.
    """
    checked = []
    problems = []
    for index, entry in enumerate(entries):
        threshold = entry.get("threshold") if isinstance(entry, dict) else None
        if isinstance(threshold, dict):
            kind = threshold.get("kind")
            checks: tuple[tuple[str, object, Callable[[Any, str], _Reason | None]], ...] = (
                ("value", 0, _not_a_decimal),
                ("top_fraction", "1/5", _extreme),
                ("top_n", 1, _too_big),
                ("window", None, _too_big),
            )
            for name, stand_in, check in checks:
                if name not in threshold:
                    continue
                reason = check(threshold[name], name)
                if reason is not None:
                    field = (
                        f"threshold.{kind}.{name}"
                        if kind in THRESHOLD_KINDS
                        else f"threshold.{name}"
                    )
                    code, params = reason
                    problems.append(
                        CatalogProblem(
                            entry=index, id=_entry_id(entry), field=field, code=code, params=params
                        )
                    )
                    threshold = {**threshold, name: stand_in}
                    entry = {**entry, "threshold": threshold}
        checked.append(entry)
    return checked, problems


def _too_big(number: Any, name: str) -> _Reason | None:
    """A reason when a count (``top_n``, ``window``) is an integer beyond :data:`MAX_COUNT`."""
    if isinstance(number, int) and not isinstance(number, bool) and number > MAX_COUNT:
        return "catalog_too_big", {"name": name, "limit": MAX_COUNT, "value": _short(number)}
    return None  # anything else: the model validates it


def _not_a_decimal(number: Any, name: str = "value") -> _Reason | None:
    if isinstance(number, bool) or not isinstance(number, int | float | str | Decimal):
        return "catalog_threshold_value", {"value": _short(number)}
    if isinstance(number, str):
        try:
            Decimal(number)
        except InvalidOperation:
            return "catalog_not_decimal", {"value": _short(number)}
    return _extreme(number, name)


def _extreme(number: Any, name: str = "value") -> _Reason | None:
    """A reason when ``number`` has more than :data:`_MAX_EXPONENT` digits on either side."""
    if isinstance(number, bool) or not isinstance(number, int | float | str | Decimal):
        return None  # the model reports it
    if isinstance(number, int) and number.bit_length() > 4 * _MAX_EXPONENT:
        return "catalog_out_of_range", {"limit": _MAX_EXPONENT, "value": _short(number)}
    try:
        exact = Decimal(str(number).strip()) if not isinstance(number, int) else Decimal(number)
    except InvalidOperation:
        return None  # "1/5", or not a number: the model reads or reports it
    if not exact.is_finite():
        return None
    exponent = exact.as_tuple().exponent
    if (isinstance(exponent, int) and exponent < -_MAX_EXPONENT) or (
        exact.adjusted() > _MAX_EXPONENT
    ):
        return "catalog_out_of_range", {"limit": _MAX_EXPONENT, "value": _short(number)}
    return None


def _duplicate_ids(entries: list[Any]) -> list[CatalogProblem]:
    first: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(entries):
        entry_id = _entry_id(entry)
        if entry_id is None:
            continue
        if entry_id in first:
            problems.append(
                CatalogProblem(
                    entry=index,
                    id=entry_id,
                    field="id",
                    code="catalog_duplicate_id",
                    params={"first": first[entry_id], "first_ordinal": first[entry_id] + 1},
                )
            )
        else:
            first[entry_id] = index
    return problems


# A model validator reports "field: message" (see Indicator._consistent): keep the field apart.
_FIELD_PREFIX = re.compile(r"^([a-z_]+): (.+)$", re.DOTALL)
_SCALARS = (str, int, float, bool, Decimal)


def _problems_from(exc: ValidationError, entries: list[Any]) -> list[CatalogProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        entry: int | None = None
        if len(loc) >= 2 and loc[0] == "indicators" and isinstance(loc[1], int):
            entry, loc = loc[1], loc[2:]
        message = _clip(str(error["msg"]).removeprefix("Value error, "))
        field = _format_loc(loc)
        if field is None:
            match = _FIELD_PREFIX.match(message)
            if match is not None:
                field, message = match.group(1), match.group(2)
        given = error.get("input")
        if (
            error["type"] != "missing"
            and isinstance(given, _SCALARS)
            and repr(given) not in message
        ):
            message += f" (got {_short(given)})"
        entry_id = _entry_id(entries[entry]) if entry is not None and entry < len(entries) else None
        problems.append(
            CatalogProblem(
                entry=entry,
                id=entry_id,
                field=field,
                code="catalog_invalid",
                params={"detail": message},
            )
        )
    return problems


def _format_loc(loc: tuple[int | str, ...]) -> str | None:
    """``("inputs", 1, "unit")`` → ``"inputs[1].unit"``; ``None`` for the empty path."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or None


def _clip(message: str, limit: int = 300) -> str:
    """A message of at most ``limit`` characters: an input may be a megabyte long."""
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _short(given: Any) -> str:
    text = repr(given)
    return text if len(text) <= 60 else text[:57] + "…"


def dump_catalog(indicators: Iterable[Indicator], path: str | os.PathLike[str]) -> Path:
    """Write a catalog as JSON or YAML (by the file's suffix); return the path written.

    ``load_catalog(dump_catalog(c, path)) == c`` for every catalog ``c``; a catalog's declared
    plan is written first, under ``plan``. Every field is written,
    defaults included, so that the file documents itself. TOML is read but not written (the
    standard library has no TOML writer, and TOML has no null).

    Parameters
    ----------
    indicators
        A :class:`Catalog`, or indicators with unique ids.
    path
        A ``.json``, ``.yaml`` or ``.yml`` file; written in UTF-8, overwritten if present.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in {".json", ".yaml", ".yml"}:
        raise ValueError(f"cannot write {target.name!r}: use a .json, .yaml or .yml file")
    chosen = indicators if isinstance(indicators, Catalog) else Catalog(indicators)
    document: dict[str, Any] = {}
    if chosen.declared_plan is not None:
        document["plan"] = chosen.declared_plan.model_dump(mode="json")
    document["indicators"] = [item.model_dump(mode="json") for item in chosen]
    if suffix == ".json":
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    target.write_text(text, encoding="utf-8")
    return target
