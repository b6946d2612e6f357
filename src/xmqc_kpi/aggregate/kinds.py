"""The record kinds: how one table of records becomes catalog input variables.

A record kind is data, not code: the columns it needs and the variables each count feeds.
Every kind is counted by the same mechanism (:func:`xmqc_kpi.aggregate.aggregate_records`):
records are grouped by ``region``, ``period`` and the kind's optional *split* column (the
sampling programme, the project size class), and each group yields its measures —

* the number of records,
* for each *flag* column (boolean), the number of records where it is ``True``,
* for each *sum* column (non-negative integers), the total —

written to the variables that the split value names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["RECORD_KINDS", "RecordKind"]


@dataclass(frozen=True)
class RecordKind:
    """One kind of record table and the catalog variables its counts feed.

    ``variables`` maps each split value (``""`` when ``split`` is ``None``) to the variable
    names of its measures, in order: the record count, then one per flag, then one per sum;
    ``None`` leaves a measure out of the result.

    >>> kind = RECORD_KINDS["inspections"]
    >>> kind.columns
    ('region', 'programme', 'passed')
    >>> kind.variables["export"]
    ('export_inspected_batches', 'export_passed_batches')
    """

    #: The kind's name, the key of :data:`RECORD_KINDS`.
    name: str
    #: The column whose value picks the variables, or ``None`` for one set of variables.
    split: str | None
    #: Split value -> variable names of (record count, *flags, *sums).
    variables: Mapping[str, tuple[str | None, ...]]
    #: Boolean columns: the number of ``True`` per group is counted.
    flags: tuple[str, ...] = ()
    #: Non-negative integer columns: summed per group.
    sums: tuple[str, ...] = ()
    #: What one record is (documentation for callers reading the registry).
    record: str = field(default="record", compare=False)

    def __post_init__(self) -> None:
        width = 1 + len(self.flags) + len(self.sums)
        for value, names in self.variables.items():
            if len(names) != width:
                raise ValueError(
                    f"{self.name}: {value!r} names {len(names)} variables, not {width}"
                )
        if self.split is None and set(self.variables) != {""}:
            raise ValueError(f"{self.name}: without a split column the only key is ''")

    @property
    def columns(self) -> tuple[str, ...]:
        """The required columns besides the period (``period`` or ``date``)."""
        split = () if self.split is None else (self.split,)
        return ("region", *split, *self.flags, *self.sums)


def _sampling(
    prefix: str, sampled: str = "sampled_batches", passed: str = "passed_batches"
) -> tuple[str, tuple[str | None, ...]]:
    return prefix, (f"{prefix}_{sampled}", f"{prefix}_{passed}")


_KINDS = (
    RecordKind(
        name="inspections",
        split="programme",
        variables=dict(
            [
                _sampling("national"),
                _sampling("provincial"),
                _sampling("municipal"),
                _sampling("ccc"),
                _sampling("key_food"),
                _sampling("local_agri", "sampled", "passed"),
                _sampling("export", "inspected_batches", "passed_batches"),
            ]
        ),
        flags=("passed",),
        record="one inspected or sampled batch",
    ),
    RecordKind(
        name="acceptances",
        split="size_class",
        variables={
            "large_medium": ("large_medium_projects_accepted", "large_medium_projects_first_pass"),
            "other": ("other_projects_accepted", "other_projects_first_pass"),
        },
        flags=("first_pass",),
        record="one project's completion acceptance",
    ),
    RecordKind(
        name="equipment_accidents",
        split=None,
        variables={"": (None, "special_equipment_deaths")},
        sums=("deaths",),
        record="one special-equipment accident",
    ),
    RecordKind(
        name="equipment_register",
        split=None,
        variables={"": ("special_equipment_units",)},
        record="one registered unit of special equipment in service in the period",
    ),
)

#: The built-in record kinds by name (read-only).
RECORD_KINDS: Mapping[str, RecordKind] = MappingProxyType({kind.name: kind for kind in _KINDS})
