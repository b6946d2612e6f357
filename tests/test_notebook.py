"""Notebook helpers: rich display, filtering, matrices, period-over-period views and plots."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi import notebook
from xmqc_kpi.text import using_language

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def result() -> kpi.Evaluation:
    return kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")


def test_evaluation_html_shows_titles_counts_and_explanations_as_text(
    result: kpi.Evaluation,
) -> None:
    html = result._repr_html_()
    counts = result.summary().iloc[0]
    assert f"达标 {counts['met']}" in html
    assert f"未达标 {counts['not_met']}" in html
    first = result.head(1).to_frame()
    explanation, title, indicator_id = first[["explanation", "title", "indicator_id"]].iloc[0]
    assert f">{explanation}</td>" in html  # visible, not only a tooltip
    assert f'title="{indicator_id}">{title}</td>' in html  # the title, its id on hover
    assert f">{indicator_id}<" not in html
    assert html.count("<tr>") == 1 + 20
    assert "<th" in html
    assert ">说明</th>" in html
    assert f"… 另有 {len(result) - 20} 项" in html
    assert "显示语言：中文" in html


def test_the_display_says_which_language_is_active(result: kpi.Evaluation) -> None:
    part = result.head(2)
    with using_language("en"):
        english = part._repr_html_()
        single = next(iter(part))._repr_html_()
    assert "Language: English" in english
    assert "Language: English" in single
    title = kpi.catalog()[str(part.to_frame()["indicator_id"].iloc[0])].title_en
    assert f">{title}</td>" in english
    assert ">explanation</th>" in english
    assert "显示语言" not in english
    assert "显示语言：中文" in next(iter(part))._repr_html_()
    assert f">{title}</b>" in single


def test_display_is_in_the_language_asked_for(result: kpi.Evaluation) -> None:
    """Chinese by default; English in a using_language block or by XMQC_KPI_LANG."""
    part = result.filter(status="not_assessed").head(3)
    chinese = part._repr_html_()
    assert "仅监测" in chinese
    assert "<th" in chinese
    assert "地区" in chinese
    assert "not_assessed" not in chinese.replace("status-not_assessed", "")
    with using_language("en"):
        english = part._repr_html_()
    assert "monitored" in english
    assert "region" in english
    assert "仅监测" not in english


def test_one_word_per_status_everywhere(result: kpi.Evaluation) -> None:
    """The notebook and the evaluation report call a status by the same word."""
    from xmqc_kpi.text.statuses import status_word

    report = kpi.evaluation_report(result.head(40), format="md", lang="en")
    monitored = result.filter(status="not_assessed").head(1)
    for lang, word in (("zh", "仅监测"), ("en", "monitored")):
        assert status_word("not_assessed", lang) == word
        with using_language(lang):
            assert word in monitored._repr_html_()
            assert word in next(iter(monitored))._repr_html_()
    assert "not assessed" not in report


def test_html_escapes_hostile_region_names() -> None:
    rate = kpi.catalog()["municipal_sampling_pass_rate"]
    data = pd.DataFrame(
        {
            "region": [HOSTILE],
            "period": [2013],
            "municipal_sampled_batches": [50],
            "municipal_passed_batches": [49],
        }
    )
    evaluation = kpi.evaluate(rate, data)
    for html in (evaluation._repr_html_(), next(iter(evaluation))._repr_html_()):
        assert HOSTILE not in html
        assert "&lt;script&gt;" in html


def test_indicator_and_catalog_display(result: kpi.Evaluation) -> None:
    rate = kpi.catalog()["municipal_sampling_pass_rate"]
    html = rate._repr_html_()
    assert "市级监督抽查合格率达96%以上" in html
    assert "5.1.2" in html
    assert repr(rate).startswith("<Indicator municipal_sampling_pass_rate:")
    table = kpi.catalog()._repr_html_()
    assert table.count("<tr>") == 1 + 42  # the header row, then one per indicator
    assert "共 42 个指标" in table
    assert "42 indicators" in notebook.catalog_html(kpi.catalog(), "en")


def test_the_model_reaches_display_through_the_hook_only() -> None:
    """A renderer registered for a subject replaces the package's; none falls back to repr."""
    from xmqc_kpi import display

    rate = kpi.catalog()["municipal_sampling_pass_rate"]
    original = display.renderer("html", "indicator")
    assert original is not None
    try:
        display.register("html", "indicator", lambda item, lang: f"<i>{item.id} {lang}</i>")
        assert rate._repr_html_() == "<i>municipal_sampling_pass_rate None</i>"
    finally:
        display.register("html", "indicator", original)
    assert display.html("unknown_subject", "<x>") == "<pre>&#x27;&lt;x&gt;&#x27;</pre>"
    with pytest.raises(LookupError, match="no renderer"):
        display.figure("unknown_subject", object())


def test_filter_selects_and_keeps_the_full_evaluations_explanations(
    result: kpi.Evaluation,
) -> None:
    """A trend's sentence quotes earlier periods: filtering must not cut it short."""
    full = result.to_frame()
    part = result.filter(indicator="consumer_complaint_rate_trend", region="思明区", period=2015)
    frame = part.to_frame()
    expected = full.loc[
        (full["indicator_id"] == "consumer_complaint_rate_trend")
        & (full["region"] == "思明区")
        & (full["period"] == 2015)
    ]
    assert len(frame) == 1
    assert frame["explanation"].iloc[0] == expected["explanation"].iloc[0]
    assert [i.id for i in part.indicators] == ["consumer_complaint_rate_trend"]


def test_filter_by_responsible_unit_and_status(result: kpi.Evaluation) -> None:
    frame = result.filter(responsible="市质监局", status=["not_met"]).to_frame()
    assert len(frame) > 0
    assert set(frame["status"]) == {"not_met"}
    assert all("市质监局" in r for r in frame["responsible"])
    everyone = result.to_frame()
    expected = everyone.loc[
        (everyone["status"] == "not_met") & everyone["responsible"].map(lambda r: "市质监局" in r)
    ]
    assert len(frame) == len(expected)


def test_trend_explanations_keep_the_indicators_decimals(result: kpi.Evaluation) -> None:
    """Mixing kinds in one evaluation must not inflate a trend's digits (NaN is not equal).

    The complaint rate is read year on year (比上年降低), so each sentence lists the period
    assessed and the one before, at the indicator's 3 decimals.
    """
    text = result.filter(indicator="consumer_complaint_rate_trend", region="思明区")
    sentences = text.to_frame()["explanation"].tolist()
    assert "2012 年–2013 年依次为 8.654 件/万人、8.149 件/万人" in sentences[1]
    assert "2013 年–2014 年依次为 8.149 件/万人、7.891 件/万人" in sentences[2]
    assert "2014 年–2015 年依次为 7.891 件/万人、7.663 件/万人" in sentences[3]
    assert "逐年比较，比上年降低" in sentences[3]


def test_matrix_is_indicator_by_region(result: kpi.Evaluation) -> None:
    latest = result.matrix()
    assert list(latest.index) == [i.id for i in result.indicators]
    assert "思明区" in latest.columns
    full = result.to_frame()
    row = full.loc[
        (full["indicator_id"] == "municipal_sampling_pass_rate") & (full["region"] == "思明区")
    ].iloc[-1]
    assert latest.loc["municipal_sampling_pass_rate", "思明区"] == row["status"]
    values = result.matrix("value", period=2013)
    one = full.loc[
        (full["indicator_id"] == "municipal_sampling_pass_rate")
        & (full["region"] == "思明区")
        & (full["period"] == 2013),
        "value",
    ].iloc[0]
    assert values.loc["municipal_sampling_pass_rate", "思明区"] == pytest.approx(one)


def test_changes_pair_each_period_with_the_previous(result: kpi.Evaluation) -> None:
    view = result.changes()
    rows = view.loc[
        (view["indicator_id"] == "municipal_sampling_pass_rate") & (view["region"] == "思明区")
    ]
    values = rows["value"].to_numpy()
    assert np.isnan(rows["previous_value"].iloc[0])
    np.testing.assert_allclose(rows["previous_value"].to_numpy()[1:], values[:-1])
    np.testing.assert_allclose(rows["change"].to_numpy()[1:], np.diff(values))


def test_plot_gives_the_reports_charts(result: kpi.Evaluation, tmp_path: object) -> None:
    figure = result.plot("municipal_sampling_pass_rate")
    assert len(figure.charts) == 2
    for chart in figure.charts:
        ET.fromstring(chart)
    assert '<line class="threshold"' in figure.charts[0]
    with pytest.raises(KeyError, match="no assessment"):
        result.plot("no_such_indicator")


def test_head_is_the_first_assessments(result: kpi.Evaluation) -> None:
    head = result.head(3).to_frame()
    pd.testing.assert_frame_equal(head, result.to_frame().iloc[:3].reset_index(drop=True))


def test_summary_by_section_and_responsible_unit(result: kpi.Evaluation) -> None:
    by_section = result.summary(by="section")
    assert int(by_section.to_numpy().sum()) == len(result)
    assert set(by_section.index) == {i.section for i in result.indicators}
    by_unit = result.summary(by="responsible")
    frame = result.to_frame()
    expected = sum(len(set(r)) for r in frame["responsible"])
    assert int(by_unit.to_numpy().sum()) == expected
    with pytest.raises(ValueError, match="by must be"):
        result.summary(by="_indicator")


def test_equal_trend_values_keep_their_decimals(result: kpi.Evaluation) -> None:
    """4/18 in two years is shown as 22.22% twice, not padded to twelve decimals."""
    part = result.filter(
        indicator="market_metrology_coverage_trend", region="海沧区", period=2015
    ).to_frame()
    assert "22.22%、22.22%" in part["explanation"].iloc[0]


def test_english_lists_use_an_english_comma(result: kpi.Evaluation) -> None:
    english = result.to_frame("en")["explanation"]
    assert not english.str.contains("、").any()


def test_figure_saves_to_a_path(result: kpi.Evaluation, tmp_path: Path) -> None:
    target = tmp_path / "chart.html"
    result.plot("municipal_sampling_pass_rate").save(target)
    assert target.read_text(encoding="utf-8").count('<svg class="chart"') == 2
