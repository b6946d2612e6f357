"""Evaluation's frame columns (title, section) and its views by responsible unit."""

from __future__ import annotations

import pandas as pd

import xmqc_kpi as kpi
from tests.factories import pass_rate
from xmqc_kpi import evaluate
from xmqc_kpi.indicator import Indicator, Responsible
from xmqc_kpi.results import FRAME_COLUMNS

ROWS = pd.DataFrame(
    {
        "region": ["思明区", "湖里区"],
        "period": [2013, 2013],
        "sampled": [50, 50],
        "passed": [47, 45],
    }
)


def with_units(*units: str) -> Indicator:
    return pass_rate().model_copy(update={"responsible": Responsible(units=units)})


def test_title_and_section_follow_the_indicator_id() -> None:
    assert FRAME_COLUMNS[:4] == ("indicator_id", "title", "section", "region")
    result = evaluate(pass_rate(), ROWS)
    zh, en = result.to_frame("zh"), result.to_frame("en")
    assert list(zh.columns) == list(FRAME_COLUMNS)
    assert zh["title"].tolist() == ["测试指标pass_rate"] * 2
    assert en["title"].tolist() == ["Test indicator pass_rate"] * 2
    assert zh["section"].tolist() == en["section"].tolist() == ["5", "5"]  # clause 5.1.2


def test_assessments_carry_title_and_section() -> None:
    result = evaluate(pass_rate(), ROWS)
    [first, _] = result.assessments("en")
    assert (first.title, first.section) == ("Test indicator pass_rate", "5")
    assert result[0].title == "测试指标pass_rate"  # the active language: Chinese by default


def test_titles_of_the_catalog_in_both_languages() -> None:
    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
    frame = result.to_frame("en")
    catalog = kpi.catalog()
    for indicator_id, title, section in frame[["indicator_id", "title", "section"]].itertuples(
        index=False
    ):
        assert title == catalog[indicator_id].title_en
        assert section == catalog[indicator_id].section
    head = result.head(3).to_frame("en")
    pd.testing.assert_series_equal(head["title"], frame["title"].iloc[:3])


def test_filter_by_responsible_accepts_any_name_of_the_department() -> None:
    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data())
    full = result.filter(responsible="市质监局")
    assert len(full) > 0
    for alias in ("质监局", " 市质监局 ", "市质监"):
        assert len(result.filter(responsible=alias)) == len(full)
    ids = set(full.to_frame()["indicator_id"])
    assert ids == {i.id for i in kpi.catalog().filter(responsible="市质监局")}
    assert len(result.filter(responsible="市委宣传部")) == 0


def test_summary_by_responsible_counts_each_department_once_and_never_splits_a_name() -> None:
    indicator = with_units("质检所、计量所", "质监局", "市质监局")
    summary = evaluate(indicator, ROWS).summary(by="responsible")
    assert list(summary.index) == sorted(["质检所、计量所", "市质监局"])
    assert summary.loc["市质监局"].tolist() == [1, 1, 0, 0]  # 94 % met, 90 % not met
    assert summary.loc["质检所、计量所"].tolist() == [1, 1, 0, 0]
