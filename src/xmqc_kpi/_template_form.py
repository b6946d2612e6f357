"""The input template as an XLSX form a clerk fills in, and its instructions sheet.

The form sheet (「填报表」, ``Form``) is the template's frame with its headers in the clerk's
language (they read back as the template's columns, :data:`~xmqc_kpi.text.template.HEADER_COLUMNS`),
widths fitted, the header row and the key columns frozen, a drop-down list of accepted units
on each row's unit cell (a data validation), and the sheet protected without a password: the
unit and period cells are unlocked, the key columns (variable, label, accepted units,
indicators, region) are not. Sorting and filtering stay allowed.

The instructions sheet (「填报说明」, ``Instructions``) lists every variable once: its label,
definition, default and accepted units, an example (the bundled sample's value for 厦门市
where it has one, for Xiamen's plan only), the indicators it serves and their plan clauses,
cited as the indicators' plan names them. The workbook's title, and the header of every
printed page, is the template's title the caller gives (its plan's).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .indicator import Indicator, Input
from .interpretation import PLAN_REGIONS
from .text import Language
from .text.clauses import cite
from .text.template import HEADERS, INSTRUCTIONS, TEMPLATE
from .text.units import with_unit

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from .plan import Plan
    from .reports._sheets import Sheet

__all__ = ["form_bytes", "instruction_rows"]

#: The columns a clerk may change: the unit (from its list) and the period values.
_EDITABLE = ("unit",)


def form_bytes(
    frame: pd.DataFrame,
    indicators: Sequence[Indicator],
    lang: Language,
    *,
    plan: Plan | None = None,
    title: str = "",
) -> bytes:
    """The template ``frame`` (from :func:`~xmqc_kpi.template.input_template`) as a form.

    ``plan`` is the indicators' plan (it names the clauses cited); ``title`` titles the
    workbook and heads every printed page.
    """
    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter

    from .reports._sheets import Sheet, add_sheet, new_workbook, workbook_bytes

    fixed = [c for c in frame.columns if c in HEADERS]
    header = [HEADERS.say(c, lang) if c in fixed else str(c) for c in frame.columns]
    cells = frame.astype(object).where(frame.notna(), None)
    rows = [list(row) for row in cells.itertuples(index=False, name=None)]
    workbook = new_workbook()
    form = add_sheet(workbook, Sheet(INSTRUCTIONS.say("form_sheet", lang), header, rows))
    form.freeze_panes = f"{get_column_letter(len(fixed) + 1)}2"
    unlocked = Protection(locked=False)
    positions = {name: index for index, name in enumerate(frame.columns, start=1)}
    editable = [positions[c] for c in _EDITABLE] + [
        positions[c] for c in frame.columns if c not in fixed
    ]
    for column in editable:
        for (cell,) in form.iter_rows(
            min_row=2, max_row=len(rows) + 1, min_col=column, max_col=column
        ):
            cell.protection = unlocked
    _unit_lists(form, frame, positions["unit"], lang)
    _protect(form)
    instructions = add_sheet(workbook, instruction_rows(frame, indicators, lang, plan=plan))
    workbook.properties.title = title or None
    for sheet in (form, instructions):
        printed = sheet.oddHeader
        if printed is not None:  # openpyxl gives every sheet one
            printed.center.text = title.replace("&", "&&")  # & starts a header code
    return workbook_bytes(workbook)


def _unit_lists(form: Worksheet, frame: pd.DataFrame, column: int, lang: Language) -> None:
    """One list validation per distinct list of accepted units, over the rows it applies to."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    separator = TEMPLATE.say("list_separator", lang)
    letter = get_column_letter(column)
    rows_of: dict[tuple[str, ...], list[int]] = {}
    for row, listed in enumerate(frame["accepted_units"].tolist(), start=2):
        rows_of.setdefault(tuple(str(listed).split(separator)), []).append(row)
    for units, rows in rows_of.items():
        if any("," in unit or '"' in unit for unit in units):
            continue  # a list validation cannot hold such a name; the cell stays free text
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(units) + '"',
            allow_blank=True,
            showDropDown=False,  # openpyxl's name for "hide the arrow": False shows it
            promptTitle=INSTRUCTIONS.say("unit_prompt", lang),
            prompt=INSTRUCTIONS.say("unit_help", lang),
        )
        validation.showInputMessage = True
        validation.showErrorMessage = True
        for row in rows:
            validation.add(f"{letter}{row}")
        form.add_data_validation(validation)


def _protect(form: Worksheet) -> None:
    """Protect the sheet without a password; filtering, sorting and widths stay allowed."""
    protection = form.protection
    protection.sheet = True
    protection.autoFilter = False
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False


def instruction_rows(
    frame: pd.DataFrame,
    indicators: Sequence[Indicator],
    lang: Language,
    *,
    plan: Plan | None = None,
) -> Sheet:
    """The instructions sheet: one row per variable of the template.

    Clauses are cited as ``plan`` names them; the examples are the bundled sample's, which
    is Xiamen's, so only a template of Xiamen's plan (or of no known plan) shows them.
    """
    from .indicators.plan import XIAMEN_PLAN
    from .reports._sheets import Sheet

    inputs: dict[str, Input] = {}
    users: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        for item in indicator.inputs:
            inputs.setdefault(item.name, item)
            if indicator not in users.setdefault(item.name, []):
                users[item.name].append(indicator)
    firsts = frame.drop_duplicates("variable")
    examples = _examples(lang) if plan is None or plan == XIAMEN_PLAN else {}
    names = None if plan is None else plan.clause_words
    separator = INSTRUCTIONS.say("clause_separator", lang)
    rows = [
        [
            variable,
            inputs[variable].label_en if lang == "en" and inputs[variable].label_en else label,
            inputs[variable].description or label,
            unit,
            accepted,
            examples.get(variable),
            ", ".join(i.id for i in users[variable]),
            separator.join(
                dict.fromkeys(cite(i.clause, i.quote, lang, names=names) for i in users[variable])
            ),
        ]
        for variable, label, unit, accepted in zip(
            firsts["variable"],
            firsts["label_zh"],
            firsts["unit"],
            firsts["accepted_units"],
            strict=True,
        )
    ]
    keys = (
        "variable",
        "label",
        "definition",
        "unit",
        "accepted_units",
        "example",
        "indicators",
        "clause",
    )
    header = [INSTRUCTIONS.say(key, lang) for key in keys]
    return Sheet(INSTRUCTIONS.say("sheet", lang), header, rows, max_width=50)


def _examples(lang: Language) -> dict[str, str]:
    """Each sample variable's value for the city in its first year, with its unit."""
    from .catalogs import catalog
    from .sample import sample_data

    sample = sample_data()
    data = sample.data
    city = data[data["region"] == PLAN_REGIONS[0]].sort_values("period")
    declared = {i.name: i for indicator in catalog() for i in indicator.inputs}
    examples: dict[str, str] = {}
    for name in city.columns:
        if name in ("region", "period") or name not in declared:
            continue
        known = city.loc[city[name].notna(), ["period", name]]
        if known.empty:
            continue
        period, value = known.iloc[0]
        unit = sample.units.get(name, declared[name].unit)
        number = str(np.format_float_positional(float(value), trim="-"))
        shown = with_unit(number, unit, lang, counted=declared[name].counted)
        examples[name] = INSTRUCTIONS.say(
            "example_value", lang, value=shown, region=PLAN_REGIONS[0], period=period
        )
    return examples
