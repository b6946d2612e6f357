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
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from .indicator import Indicator
from .thresholds import Threshold

__all__ = [
    "THRESHOLD_KINDS",
    "Catalog",
    "CatalogError",
    "CatalogProblem",
    "catalog",
    "catalog_json_schema",
    "dump_catalog",
    "load_catalog",
    "plan_text",
]

#: Every threshold kind, in the order of the ``Threshold`` union (``"at_least"``, ``"all"`` …).
THRESHOLD_KINDS: tuple[str, ...] = tuple(
    str(member.model_fields["kind"].default) for member in get_args(get_args(Threshold)[0])
)

_JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class CatalogProblem(BaseModel):
    """One problem in a catalog, located by entry and field.

    ``entry`` is the 0-based index in the ``indicators`` list and ``id`` the entry's id when it
    has a readable one; both are ``None`` for problems of the whole file. ``field`` is a dotted
    path inside the entry (``"inputs[1].unit"``), ``None`` when the problem is the whole entry.
    """

    model_config = ConfigDict(frozen=True)

    entry: int | None = None
    id: str | None = None
    field: str | None = None
    message: str

    def __str__(self) -> str:
        where = []
        if self.entry is not None:
            where.append(f"entry {self.entry}" + (f" (id {self.id!r})" if self.id else ""))
        elif self.id is not None:
            where.append(f"id {self.id!r}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class CatalogError(ValueError):
    """A catalog that cannot be built; ``problems`` lists every problem found.

    >>> err = CatalogError([CatalogProblem(entry=2, id="x", field="unit", message="unknown unit")])
    >>> print(err)
    1 problem in the catalog:
      - entry 2 (id 'x'), field 'unit': unknown unit
    """

    def __init__(self, problems: Iterable[CatalogProblem], *, source: str | None = None) -> None:
        self.problems: tuple[CatalogProblem, ...] = tuple(problems)
        self.source = source
        count = len(self.problems)
        where = f"catalog file {source!r}" if source is not None else "the catalog"
        lines = [f"{count} problem{'s' if count != 1 else ''} in {where}:"]
        lines += [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


def _unit_key(name: str) -> str:
    """Compare responsible units without the city prefix: the plan writes 市质监局 and 质监局."""
    return name.strip().removeprefix("市")


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

    __slots__ = ("_by_id", "_indicators")

    _indicators: tuple[Indicator, ...]
    _by_id: Mapping[str, Indicator]

    def __init__(self, indicators: Iterable[Indicator] = ()) -> None:
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
                        message=f"duplicate id: entry {first[item.id]} has the same id",
                    )
                )
            else:
                by_id[item.id] = item
                first[item.id] = index
        if problems:
            raise CatalogError(problems)
        object.__setattr__(self, "_indicators", items)
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))

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
        return self._indicators == other._indicators

    def __hash__(self) -> int:
        return hash(self._indicators)

    def __repr__(self) -> str:
        shown = ", ".join(self.ids[:3]) + (", …" if len(self) > 3 else "")
        count = len(self)
        return f"<Catalog of {count} indicator{'s' if count != 1 else ''}: {shown}>"

    def _repr_html_(self) -> str:
        from .notebook import catalog_html

        return catalog_html(self)

    def _missing(self, indicator_id: str) -> str:
        close = difflib.get_close_matches(indicator_id, self.ids, n=3, cutoff=0.6)
        message = f"no indicator {indicator_id!r} in the catalog"
        if close:
            return message + "; did you mean " + " or ".join(repr(c) for c in close) + "?"
        return message + f" ({len(self)} indicators; see .ids)"

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
        return Catalog(selected)


@cache
def catalog() -> Catalog:
    """Return the built-in catalog: the plan's 42 targets, in the order of the contract."""
    from .indicators import BUILTIN_INDICATORS  # builds 42 declarations: only when asked

    return Catalog(BUILTIN_INDICATORS)


@cache
def plan_text() -> str:
    """Return the plan's text (厦府〔2013〕98号) that every indicator's ``quote`` comes from."""
    resource = resources.files("xmqc_kpi") / "data" / "plan.txt"
    return resource.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Files


class _CatalogFile(BaseModel):
    """A catalog of xmqc_kpi indicators: ``{"indicators": [...]}``, one object per indicator."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="xmqc_kpi catalog")

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


def _read_toml(text: str) -> Any:
    return tomllib.loads(text, parse_float=Decimal)


def _read_yaml(text: str) -> Any:
    return yaml.safe_load(text)


def _read_json(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


_READERS: dict[str, tuple[str, Callable[[str], Any]]] = {
    ".toml": ("TOML", _read_toml),
    ".yaml": ("YAML", _read_yaml),
    ".yml": ("YAML", _read_yaml),
    ".json": ("JSON", _read_json),
}


def load_catalog(path: str | os.PathLike[str]) -> Catalog:
    """Read a catalog from a TOML, YAML or JSON file, chosen by the file's suffix.

    The file holds ``{"indicators": [...]}``; each entry has the fields of
    :class:`~xmqc_kpi.indicator.Indicator`, and formulas and thresholds are chosen by their
    ``kind`` (see :func:`catalog_json_schema`). YAML is read with ``yaml.safe_load``: no code
    is ever executed from a file.

    Parameters
    ----------
    path
        A ``.toml``, ``.yaml``, ``.yml`` or ``.json`` file, UTF-8.

    Returns
    -------
    Catalog
        The indicators in file order.

    Raises
    ------
    CatalogError
        When the file cannot be parsed, or for every entry and field that does not validate
        (wrong type, missing field, unknown formula or threshold kind, incompatible unit,
        duplicate id), all reported at once.
    OSError
        When the file cannot be read (``FileNotFoundError`` …).
    """
    source = Path(path)
    reader = _READERS.get(source.suffix.lower())
    if reader is None:
        raise CatalogError(
            [CatalogProblem(message="unsupported suffix: use .toml, .yaml, .yml or .json")],
            source=str(source),
        )
    name, read = reader
    try:
        document = read(source.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise CatalogError(
            [CatalogProblem(message=f"not UTF-8 text: {exc}")], source=str(source)
        ) from exc
    except (tomllib.TOMLDecodeError, yaml.YAMLError, json.JSONDecodeError) as exc:
        raise CatalogError(
            [CatalogProblem(message=f"not valid {name}: {exc}")], source=str(source)
        ) from exc
    return _from_document(document, source=str(source))


def _from_document(document: Any, *, source: str | None) -> Catalog:
    """Validate a parsed document and build the catalog, collecting every problem first."""
    if not isinstance(document, dict):
        raise CatalogError(
            [
                CatalogProblem(
                    message="the file must hold a mapping with an 'indicators' list, "
                    f"not {type(document).__name__}"
                )
            ],
            source=source,
        )
    entries = document.get("indicators")
    raw_entries: list[Any] = entries if isinstance(entries, list) else []
    problems: list[CatalogProblem] = []
    if isinstance(entries, list):
        checked, problems = _check_threshold_values(entries)
        document = {**document, "indicators": checked}
    parsed: _CatalogFile | None = None
    try:
        parsed = _FILE.validate_python(document)
    except ValidationError as exc:
        problems += _problems_from(exc, raw_entries)
    except (ArithmeticError, TypeError) as exc:  # a validator that raised outside pydantic's net
        problems.append(CatalogProblem(message=f"invalid value: {type(exc).__name__}: {exc}"))
    problems += _duplicate_ids(raw_entries)
    if problems or parsed is None:
        problems.sort(key=lambda p: (-1 if p.entry is None else p.entry, p.field or ""))
        raise CatalogError(problems, source=source)
    return Catalog(parsed.indicators)


def _entry_id(entry: Any) -> str | None:
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return str(entry["id"])
    return None


def _check_threshold_values(entries: list[Any]) -> tuple[list[Any], list[CatalogProblem]]:
    """Report threshold values that are not decimals, and stand 0 in for them.

    ``thresholds._exact_decimal`` raises ``decimal.InvalidOperation`` or ``TypeError`` for such a
    value, which pydantic does not turn into a validation error; checking first keeps every
    problem of the file in one report.
    """
    checked = []
    problems = []
    for index, entry in enumerate(entries):
        threshold = entry.get("threshold") if isinstance(entry, dict) else None
        if isinstance(threshold, dict) and "value" in threshold:
            reason = _not_a_decimal(threshold["value"])
            if reason is not None:
                kind = threshold.get("kind")
                field = f"threshold.{kind}.value" if kind in THRESHOLD_KINDS else "threshold.value"
                problems.append(
                    CatalogProblem(entry=index, id=_entry_id(entry), field=field, message=reason)
                )
                entry = {**entry, "threshold": {**threshold, "value": 0}}
        checked.append(entry)
    return checked, problems


def _not_a_decimal(number: Any) -> str | None:
    if isinstance(number, bool) or not isinstance(number, int | float | str | Decimal):
        return f"a threshold value must be a number or a decimal string (got {_short(number)})"
    if isinstance(number, str):
        try:
            Decimal(number)
        except InvalidOperation:
            return f"not a decimal number (got {_short(number)})"
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
                    message=f"duplicate id: entry {first[entry_id]} has the same id",
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
        message = str(error["msg"]).removeprefix("Value error, ")
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
        problems.append(CatalogProblem(entry=entry, id=entry_id, field=field, message=message))
    return problems


def _format_loc(loc: tuple[int | str, ...]) -> str | None:
    """``("inputs", 1, "unit")`` → ``"inputs[1].unit"``; ``None`` for the empty path."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or None


def _short(given: Any) -> str:
    text = repr(given)
    return text if len(text) <= 60 else text[:57] + "…"


def dump_catalog(indicators: Iterable[Indicator], path: str | os.PathLike[str]) -> Path:
    """Write a catalog as JSON or YAML (by the file's suffix); return the path written.

    ``load_catalog(dump_catalog(c, path)) == c`` for every catalog ``c``. Every field is written,
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
    document = {"indicators": [item.model_dump(mode="json") for item in Catalog(indicators)]}
    if suffix == ".json":
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    target.write_text(text, encoding="utf-8")
    return target
