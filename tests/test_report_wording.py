"""Chinese reports, the template and the notebook read as a 质监局 statistician writes Chinese.

Every Chinese output is scanned for half-width ``, ; : ( )`` next to a Chinese character
(GB/T 15834 wants full-width ones) and for pint's unit codes — all of it, the catalog's
declarations (titles, labels, quotes, notes, the plan's rules and discrepancies) included:
they are what the reader reads too.
"""

from __future__ import annotations

import html
import re
from functools import cache

import pytest

import xmqc_kpi as kpi
from xmqc_kpi import notebook
from xmqc_kpi.template import input_template

CHINESE = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]"
HALF_WIDTH = re.compile(rf"{CHINESE}[,;:()]|[,;:()]{CHINESE}")
#: pint's codes, as they would show where a unit name belongs.
PINT_CODES = re.compile(
    r"meter \*\* 2|\bindex_point\b|单位：(?:mu|count|day|percent|person|yuan)\b"
    r"|[（(](?:mu|count|day|index_point)[）)]|\b(?:mu|count|day)\s*$",
    re.MULTILINE,
)
TAGS = re.compile(r"<[^>]+>")


def _wording(text: str) -> str:
    """``text`` as read: markup removed."""
    return html.unescape(TAGS.sub("\n", text)).replace("\\", "")


@cache
def _result() -> kpi.Evaluation:
    return kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")


def _outputs() -> dict[str, str]:
    result = _result()
    template = input_template(lang="zh")
    return {
        "threshold report (md)": str(kpi.threshold_report(format="md", lang="zh")),
        "threshold report (html)": str(kpi.threshold_report(format="html", lang="zh")),
        "evaluation report (md)": str(kpi.evaluation_report(result, format="md", lang="zh")),
        "evaluation report (html)": str(kpi.evaluation_report(result, format="html", lang="zh")),
        "template": "\n".join(
            template[["unit", "accepted_units"]].astype(str).agg("\n".join, axis=1)
        ),
        "notebook": "\n".join(
            (
                notebook.evaluation_html(result, "zh"),
                notebook.catalog_html(kpi.catalog(), "zh"),
                *(notebook.indicator_html(item, "zh") for item in kpi.catalog()),
                *(notebook.assessment_html(a, "zh") for a in result.head(40)),
            )
        ),
    }


OUTPUTS = tuple(_outputs())


@pytest.mark.parametrize("name", OUTPUTS)
def test_chinese_punctuation_is_full_width(name: str) -> None:
    shown = _wording(_outputs()[name])
    offending = sorted(
        {shown[max(0, m.start() - 12) : m.end() + 12] for m in HALF_WIDTH.finditer(shown)}
    )
    assert offending == [], f"half-width punctuation next to Chinese in the {name}"


@pytest.mark.parametrize("name", OUTPUTS)
def test_no_pint_code_where_a_person_reads(name: str) -> None:
    shown = _wording(_outputs()[name])
    offending = sorted(
        {shown[max(0, m.start() - 12) : m.end() + 12] for m in PINT_CODES.finditer(shown)}
    )
    assert offending == [], f"pint codes in the {name}"


def test_the_scan_finds_what_it_looks_for() -> None:
    """The patterns catch the faults of the old reports (so the tests above can fail)."""
    assert HALF_WIDTH.search("评价日期:2015-12-31")
    assert HALF_WIDTH.search("名次(1 为最好)")
    assert not HALF_WIDTH.search("评价日期：2015-12-31，名次（1 为最好）")
    assert PINT_CODES.search("默认单位：mu")
    assert PINT_CODES.search("| 5 | meter ** 2 |")
    assert not PINT_CODES.search("默认单位：亩；school_base_reception_days")
