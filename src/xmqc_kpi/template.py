"""The input template: one row per input variable and region, one blank column per period.

A department fills the period columns, may change a row's ``unit`` to another unit listed in
``accepted_units``, and returns the file. :func:`xmqc_kpi.evaluate` reads a filled template
directly: it recognises the ``variable`` column and the period columns and takes each row's
``unit``. The column names are therefore public API and must not change:

``variable``, ``label_zh``, ``unit``, ``accepted_units``, ``indicators``, ``region``, then one
column per period, named by its label (``"2013"``).

Written as XLSX, the template is a form (:mod:`xmqc_kpi._template_form`): headers in the
clerk's language (read back as these columns by :func:`xmqc_kpi.read_data`), a drop-down of
accepted units on each row, the key columns protected and an instructions sheet; it is titled
by the indicators' plan (:func:`template_title`).

By default it asks for the regions and years of the indicators' plan (:func:`plan_defaults`):
for the built-in catalog, or indicators of no known plan, Xiamen's
(:data:`~xmqc_kpi.interpretation.PLAN_REGIONS`, :data:`~xmqc_kpi.interpretation.PLAN_YEARS`);
for a catalog declaring another plan, the years from its issue to its last deadline and a
blank region column for the clerk (a plan declares no regions, and Xiamen's districts are
not another city's).

The template is generated from the indicators' declarations, never written by hand.
"""

from __future__ import annotations

import enum
import importlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .indicator import Indicator, Input
from .interpretation import PLAN_REGIONS, PLAN_YEARS
from .text import Language, resolve_language
from .text.template import TEMPLATE
from .text.units import unit_name
from .units import UnitError, is_compatible, normalise_unit

if TYPE_CHECKING:
    from .plan import Plan

__all__ = [
    "TEMPLATE_COLUMNS",
    "FromPlan",
    "PlanDefaults",
    "accepted_units",
    "input_template",
    "plan_defaults",
    "template_title",
    "write_input_template",
    "written_unit",
]

#: The columns before the period columns, in order.
TEMPLATE_COLUMNS = ("variable", "label_zh", "unit", "accepted_units", "indicators", "region")

#: Common units for each dimension, by the registry's names; the template writes them as a
#: department would (:func:`written_unit`). The first group containing a variable's default
#: unit applies. Counts and percent are both dimensionless for pint, so they are told apart
#: by name.
_COMMON_UNITS: tuple[tuple[str, ...], ...] = (
    ("yuan", "wan_yuan", "yi_yuan"),
    ("mu", "hectare", "meter ** 2"),
    ("person", "wan_ren"),
    ("count",),
    ("day",),
    ("dimensionless",),  # a plain number (a year built): % would read 2014 as 20.14
    ("percent", "permille", "dimensionless"),
    ("index_point",),
)


class FromPlan(enum.Enum):
    """The default of the template's ``periods`` and ``regions``: what the plan gives."""

    DEFAULT = "the plan's"


@dataclass(frozen=True)
class PlanDefaults:
    """The periods and regions a template asks for when the caller names none."""

    periods: tuple[int, ...]
    #: ``None``: one row per variable with a blank region, for the clerk to fill.
    regions: tuple[str, ...] | None


def plan_defaults(plan: Plan | None, indicators: Iterable[Indicator] = ()) -> PlanDefaults:
    """The template's default periods and regions for indicators declared from ``plan``.

    The Xiamen plan, or no known plan (indicators of one's own): its years and regions. Any
    other plan: the years from the year it was issued to the year of its last deadline (or of
    either alone), and no regions (a plan does not list them). A plan with neither gives no
    years (``()``): the template then needs the periods named.

    >>> from xmqc_kpi.plan import Plan
    >>> plan_defaults(None)
    PlanDefaults(periods=(2013, 2014, 2015), regions=('厦门市', '思明区', '湖里区', '集美区', \
'海沧区', '同安区', '翔安区'))
    >>> plan_defaults(Plan(title_zh="示例市行动计划", issued="2021-06-01"))
    PlanDefaults(periods=(2021,), regions=None)
    """
    from .indicators.plan import XIAMEN_PLAN

    if plan is None or plan == XIAMEN_PLAN:
        return PlanDefaults(PLAN_YEARS, PLAN_REGIONS)
    years = [int(i.deadline[:4]) for i in indicators if i.deadline is not None]
    if plan.issued is not None:
        years.append(int(plan.issued[:4]))
    if not years:
        return PlanDefaults((), None)
    return PlanDefaults(tuple(range(min(years), max(years) + 1)), None)


def template_title(plan: Plan | None, lang: Language | None = None) -> str:
    """The template's title: its plan's title and document number, where there is a plan.

    >>> from xmqc_kpi.plan import Plan
    >>> template_title(Plan(title_zh="示例市行动计划", number="示府〔2021〕1号"), "zh")
    '示例市行动计划（示府〔2021〕1号）数据填报模板'
    >>> template_title(None, "en")
    'Indicator data entry template'
    """
    language = resolve_language(lang)
    if plan is None:
        return TEMPLATE.say("title_no_plan", language)
    if plan.number is None:
        return TEMPLATE.say("title", language, plan=plan.title(language))
    return TEMPLATE.say("title_number", language, plan=plan.title(language), number=plan.number)


def input_template(
    indicators: Iterable[Indicator] | Indicator | None = None,
    *,
    periods: Sequence[int | str] | FromPlan = FromPlan.DEFAULT,
    regions: Sequence[str] | FromPlan | None = FromPlan.DEFAULT,
    lang: Language | None = None,
) -> pd.DataFrame:
    """Return a blank input template for ``indicators``.

    Parameters
    ----------
    indicators
        The indicators whose inputs the template asks for. ``None`` means the built-in
        catalog. A variable that several indicators use appears once, with the label and unit
        declared by the first.
    periods
        The periods to fill in. Each becomes a blank column named ``str(period)``. By default
        the plan's years (:func:`plan_defaults`): 2013 to 2015 for Xiamen's.
    regions
        One block of rows per region, in the order given, with the ``region`` cell filled; by
        default the plan's regions (厦门市 and its six districts for Xiamen's; none for a plan
        of another city). ``None``: one row per variable and a blank ``region``.
    lang
        The language of the unit names (``"亩"``, ``"个"``; never a code such as ``mu``) and
        of the errors; the active language when ``None`` (Chinese unless set). A unit name
        that would not read back as the same unit is written in Chinese.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TEMPLATE_COLUMNS`, then one float column per period, all NaN.

    Raises
    ------
    ValueError
        If there are no indicators or no periods, if two periods have the same label or
        clash with a fixed column, or if a region is blank or repeated.

    Examples
    --------
    >>> from xmqc_kpi.formulas import ratio
    >>> from xmqc_kpi.indicator import Clause, Input, Responsible
    >>> from xmqc_kpi.thresholds import AtLeast
    >>> funding = Indicator(
    ...     id="quality_funding_ratio",
    ...     clause=Clause(body="五(三)"),
    ...     title_zh="质量工作经费占一般预算收入比例",
    ...     title_en="Quality funding as a share of general budget revenue",
    ...     formula=ratio("quality_funding", "general_budget_revenue", part_of_whole=False),
    ...     inputs=(
    ...         Input(name="quality_funding", unit="yuan", label_zh="质量工作经费"),
    ...         Input(name="general_budget_revenue", unit="yuan", label_zh="财政一般预算收入"),
    ...     ),
    ...     unit="permille",
    ...     threshold=AtLeast(1, "permille"),
    ...     quote="经费数额不低于厦门市年财政一般预算收入1‰",
    ...     responsible=Responsible(units=("市财政局",)),
    ... )
    >>> template = input_template([funding], periods=[2013, 2014], regions=None)
    >>> list(template.columns)
    ['variable', 'label_zh', 'unit', 'accepted_units', 'indicators', 'region', '2013', '2014']
    >>> template.loc[0, ["variable", "unit", "accepted_units"]].tolist()
    ['quality_funding', '元', '元、万元、亿元']
    >>> len(input_template([funding])), list(input_template([funding]).columns[-3:])
    (14, ['2013', '2014', '2015'])
    """
    language = resolve_language(lang)
    chosen, plan = _indicators(indicators, language)
    return _template(chosen, plan, periods, regions, language)


def _template(
    chosen: tuple[Indicator, ...],
    plan: Plan | None,
    periods: Sequence[int | str] | FromPlan,
    regions: Sequence[str] | FromPlan | None,
    language: Language,
) -> pd.DataFrame:
    if isinstance(periods, FromPlan) or isinstance(regions, FromPlan):
        defaults = plan_defaults(plan, chosen)
        if isinstance(periods, FromPlan):
            if not defaults.periods:
                raise ValueError(TEMPLATE.say("no_plan_years", language))
            periods = defaults.periods
        regions = defaults.regions if isinstance(regions, FromPlan) else regions
    labels = _period_labels(periods, language)
    blocks = _regions(regions, language)
    separator = TEMPLATE.say("list_separator", language)
    inputs: dict[str, Input] = {}
    users: dict[str, list[str]] = {}
    for indicator in chosen:
        for item in indicator.inputs:
            inputs.setdefault(item.name, item)
            users.setdefault(item.name, [])
            if indicator.id not in users[item.name]:
                users[item.name].append(indicator.id)
    rows = [
        {
            "variable": name,
            "label_zh": item.label_zh,
            "unit": written_unit(item.unit, language),
            "accepted_units": separator.join(accepted_units(item.unit, language)),
            "indicators": ", ".join(users[name]),
            "region": region,
        }
        for region in blocks
        for name, item in inputs.items()
    ]
    frame = pd.DataFrame(rows, columns=list(TEMPLATE_COLUMNS))
    for label in labels:
        frame[label] = pd.Series(float("nan"), index=frame.index, dtype="float64")
    return frame


def write_input_template(
    path: str | os.PathLike[str],
    indicators: Iterable[Indicator] | Indicator | None = None,
    *,
    periods: Sequence[int | str] | FromPlan = FromPlan.DEFAULT,
    regions: Sequence[str] | FromPlan | None = FromPlan.DEFAULT,
    lang: Language | None = None,
) -> Path:
    """Write :func:`input_template` to ``path`` as CSV or XLSX, chosen by the file's suffix.

    CSV is written in UTF-8 with a byte-order mark, so that Excel shows the Chinese labels
    correctly, with the column names of :data:`TEMPLATE_COLUMNS`. XLSX is a form a clerk
    fills (:func:`xmqc_kpi._template_form.form_bytes`): a sheet 「填报表」 with headers in
    ``lang``, fitted widths, frozen key columns, a drop-down of accepted units on each row and
    the key columns protected (no password), then a sheet 「填报说明」 with each variable's
    definition, unit, an example and the plan clause it serves (cited as the plan names its
    clauses). The workbook is titled by the plan (:func:`template_title`): its document title
    and the header of every printed page. It needs ``openpyxl``, from the ``report`` extra.

    Parameters
    ----------
    path
        Where to write: a ``.csv`` or ``.xlsx`` file. An existing file is overwritten.
    indicators, periods, regions, lang
        As for :func:`input_template`.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        If the suffix is neither ``.csv`` nor ``.xlsx``, or the arguments are invalid.
    ImportError
        For ``.xlsx`` when ``openpyxl`` is not installed.
    """
    language = resolve_language(lang)
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise ValueError(TEMPLATE.say("bad_suffix", language, name=target.name))
    if suffix == ".xlsx":
        _require_openpyxl(language)
    chosen, plan = _indicators(indicators, language)
    frame = _template(chosen, plan, periods, regions, language)
    if suffix == ".csv":
        frame.to_csv(target, index=False, encoding="utf-8-sig")
    else:
        from ._template_form import form_bytes

        title = template_title(plan, language)
        target.write_bytes(form_bytes(frame, chosen, language, plan=plan, title=title))
    return target


def _require_openpyxl(lang: Language) -> None:
    try:
        importlib.import_module("openpyxl")
    except ImportError as exc:
        raise ImportError(TEMPLATE.say("needs_openpyxl", lang)) from exc


def _indicators(
    indicators: Iterable[Indicator] | Indicator | None, lang: Language
) -> tuple[tuple[Indicator, ...], Plan | None]:
    """The indicators as a tuple, and the plan they were declared from (if known)."""
    # the catalog imports every declaration: only when needed
    from .catalogs import Catalog, catalog, plan_of

    if indicators is None:
        indicators = catalog()
    if isinstance(indicators, Indicator):
        return (indicators,), plan_of([indicators])
    chosen = tuple(indicators)
    wrong = [type(item).__name__ for item in chosen if not isinstance(item, Indicator)]
    if wrong:
        types = sorted(set(wrong))
        raise TypeError(TEMPLATE.say("not_indicators", lang, types=types))
    if not chosen:
        raise ValueError(TEMPLATE.say("no_indicators", lang))
    return chosen, plan_of(indicators if isinstance(indicators, Catalog) else chosen)


def _period_labels(periods: Sequence[int | str], lang: Language) -> list[str]:
    if isinstance(periods, str | int):
        periods = [periods]
    labels = [str(period).strip() for period in periods]
    if not labels:
        raise ValueError(TEMPLATE.say("no_periods", lang))
    listed = TEMPLATE.say("list_separator", lang).join
    problems = []
    if any(label == "" for label in labels):
        problems.append(TEMPLATE.say("blank_period", lang))
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:
        problems.append(TEMPLATE.say("periods_repeated", lang, periods=listed(repeated)))
    clashing = sorted(set(labels) & set(TEMPLATE_COLUMNS))
    if clashing:
        problems.append(TEMPLATE.say("periods_clash", lang, periods=listed(clashing)))
    if problems:
        raise ValueError(TEMPLATE.say("separator", lang).join(problems))
    return labels


def _regions(regions: Sequence[str] | None, lang: Language) -> list[str]:
    if regions is None:
        return [""]
    if isinstance(regions, str):
        regions = [regions]
    names = list(regions)
    if not names:
        raise ValueError(TEMPLATE.say("no_regions", lang))
    if any(not isinstance(name, str) or not name.strip() for name in names):
        raise ValueError(TEMPLATE.say("blank_region", lang))
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        listed = TEMPLATE.say("list_separator", lang).join(repeated)
        raise ValueError(TEMPLATE.say("regions_repeated", lang, regions=listed))
    return names


def written_unit(unit: str, lang: Language | None = None) -> str:
    """A unit as the template writes it: a name a clerk reads, that reads back as the unit.

    Its name in ``lang`` when that reads back as the same unit, else its Chinese name, else
    as declared: never a code such as ``mu`` or ``count`` when a name exists.

    >>> written_unit("mu", "zh"), written_unit("count", "zh"), written_unit("万元", "en")
    ('亩', '个', '万元')
    """
    try:
        key = normalise_unit(unit)
    except UnitError:
        return unit
    for language in (resolve_language(lang), "zh"):
        name = unit_name(key, language)
        try:
            if normalise_unit(name) == key:
                return name
        except UnitError:
            continue
    return unit


def accepted_units(unit: str, lang: Language | None = None) -> tuple[str, ...]:
    """The units a department may write for a variable whose default unit is ``unit``.

    The default comes first, then the other common units of its dimension (see
    ``_COMMON_UNITS``), each as :func:`written_unit` writes it in ``lang``.

    >>> accepted_units("yuan", "zh")
    ('元', '万元', '亿元')
    >>> accepted_units("m²", "zh")
    ('平方米', '亩', '公顷')
    >>> accepted_units("count", "en")
    ('count',)
    """
    name = normalise_unit(unit)
    group = next(
        (g for g in _COMMON_UNITS if name in {normalise_unit(u) for u in g}),
        None,
    )
    if group is None:  # an unusual default: other units of its dimension, if it has one
        group = next(
            (
                g
                for g in _COMMON_UNITS
                if not is_compatible(g[0], "dimensionless") and is_compatible(g[0], unit)
            ),
            (),
        )
    others = (u for u in group if normalise_unit(u) != name)
    return tuple(written_unit(u, lang) for u in (unit, *others))
