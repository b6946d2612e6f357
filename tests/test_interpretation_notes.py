"""The interpretation notes in two languages: the built-in catalog has both, reports pick one.

``Indicator.interpretation`` is the English note (its name is kept for catalog files written
before the Chinese note existed) and ``Indicator.interpretation_zh`` the Chinese one. The model
accepts either alone (custom catalogs); the built-in catalog must give both.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi.catalogs import Catalog, catalog, dump_catalog, load_catalog
from xmqc_kpi.indicator import Indicator
from xmqc_kpi.notebook import indicator_html
from xmqc_kpi.reports import evaluation_report, threshold_report
from xmqc_kpi.results import Language
from xmqc_kpi.thresholds import TopAmongPeers, Trend

BUILTIN = catalog()
CJK = re.compile(r"[\u4e00-\u9fff]")
#: An English word left in a Chinese note (CCC and GDP are upper case, so they pass).
ENGLISH_WORD = re.compile(r"[a-z]{3,}")
RATE_ID = "municipal_sampling_pass_rate"


def _only(indicator: Indicator, **notes: str) -> Indicator:
    return indicator.model_copy(update=notes)


# ---------------------------------------------------------------------------- the catalog


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_builtin_notes_come_in_both_languages(indicator: Indicator) -> None:
    assert bool(indicator.interpretation) == bool(indicator.interpretation_zh)
    assert indicator.interpretation_zh, "every built-in indicator states its reading"


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_chinese_note_is_written_in_chinese(indicator: Indicator) -> None:
    note = indicator.interpretation_zh
    assert CJK.search(note)
    assert note != indicator.interpretation
    assert not ENGLISH_WORD.search(note), ENGLISH_WORD.findall(note)
    assert note.endswith("。")
    assert note == note.strip()


@pytest.mark.parametrize("indicator", BUILTIN, ids=BUILTIN.ids)
def test_chinese_note_states_the_same_rules(indicator: Indicator) -> None:
    """The plan's terms of each reading appear in the Chinese note as in the English one."""
    english, chinese = indicator.interpretation, indicator.interpretation_zh
    if " includes " in english:
        assert "含本数" in chinese or "含95%" in chinese
    if "no tolerance" in english:
        assert "不设容差" in chinese
        assert "分母大于零" in chinese
    if "低于全国平均水平 is strict" in english:
        assert "严格小于" in chinese
        assert "数据不足" in chinese
    threshold = indicator.threshold
    if isinstance(threshold, TopAmongPeers):
        assert "前20%（向上取整）" in chinese
        assert "⌈0.2·n⌉" in chinese
        assert f"居{threshold.peer_group}前列" in chinese
    if isinstance(threshold, Trend):
        strictly = "严格高于" if threshold.direction == "rising" else "严格低于"
        assert strictly in chinese
        assert "数据不足" in chinese
    for clause in re.findall(r"\b\d\.\d\.\d\b", english):
        assert clause in chinese


@pytest.mark.parametrize(
    ("indicator_id", "words"),
    [
        ("local_agri_product_pass_rate", "95以上%"),
        ("brand_titles_per_100m_gdp", "称号数量占城市GDP比例"),
        ("national_sampling_pass_rate", "国家、省级"),
        ("production_license_coverage", "两个指标"),
        ("special_equipment_death_rate", "市质监"),
        ("school_quality_base_reception_days", "每个基地"),
        ("special_enforcement_campaigns", "至少开展1次"),
        ("export_product_safety_demo_zones", "2.6.1"),
        ("export_inspection_pass_rate", "空白"),
        ("quality_funding_ratio", "每年适用"),
        ("import_nonconformity_detection_rate", "越高越好"),
    ],
)
def test_chinese_note_states_the_known_discrepancies(indicator_id: str, words: str) -> None:
    assert words in BUILTIN[indicator_id].interpretation_zh


# ---------------------------------------------------------------------------- the model


def test_interpretation_text_picks_the_language_and_falls_back() -> None:
    rate = BUILTIN[RATE_ID]
    assert rate.interpretation_text("zh") == rate.interpretation_zh
    assert rate.interpretation_text("en") == rate.interpretation
    assert rate.interpretation_text() == rate.interpretation_zh  # zh is the default
    english_only = _only(rate, interpretation_zh="")
    assert english_only.interpretation_text("zh") == rate.interpretation
    chinese_only = _only(rate, interpretation="")
    assert chinese_only.interpretation_text("en") == rate.interpretation_zh
    neither = _only(rate, interpretation="", interpretation_zh="")
    assert neither.interpretation_text("zh") == neither.interpretation_text("en") == ""


def test_custom_indicators_may_have_one_note_only() -> None:
    data = BUILTIN[RATE_ID].model_dump(mode="json")
    del data["interpretation"]
    assert Indicator.model_validate(data).interpretation == ""
    data = BUILTIN[RATE_ID].model_dump(mode="json")
    del data["interpretation_zh"]
    assert Indicator.model_validate(data).interpretation_zh == ""


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_catalog_files_keep_both_notes(tmp_path: Path, suffix: str) -> None:
    path = dump_catalog(BUILTIN, tmp_path / f"catalog{suffix}")
    assert "“96%以上”含本数" in path.read_text(encoding="utf-8")
    loaded = load_catalog(path)
    assert [item.interpretation_zh for item in loaded] == [
        item.interpretation_zh for item in BUILTIN
    ]
    chinese_only = Catalog([_only(BUILTIN[RATE_ID], interpretation="")])
    again = load_catalog(dump_catalog(chinese_only, tmp_path / f"zh{suffix}"))
    assert again == chinese_only


# ---------------------------------------------------------------------------- the reports


def _csv_note(lang: Language) -> str:
    table = threshold_report([BUILTIN[RATE_ID]], format="csv", lang=lang)
    (row,) = csv.DictReader(io.StringIO(str(table)))
    return row["interpretation"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_threshold_report_shows_the_note_in_its_language(lang: Language) -> None:
    indicator = BUILTIN["service_satisfaction_index_rank"]
    shown = indicator.interpretation_zh if lang == "zh" else indicator.interpretation
    hidden = indicator.interpretation if lang == "zh" else indicator.interpretation_zh
    markdown = str(threshold_report(BUILTIN, format="md", lang=lang))
    page = html.unescape(str(threshold_report(BUILTIN, format="html", lang=lang)))
    for text in (markdown, page):
        assert shown in text
        assert hidden not in text
    document = json.loads(str(threshold_report(BUILTIN, format="json", lang=lang)))
    (row,) = [entry for entry in document["indicators"] if entry["id"] == indicator.id]
    assert row["interpretation"] == shown
    expected = BUILTIN[RATE_ID].interpretation_zh if lang == "zh" else "96%以上 includes 96 %."
    assert _csv_note(lang) == expected


def test_threshold_report_xlsx_shows_the_chinese_note() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(threshold_report(BUILTIN, format="xlsx")))
    sheet = workbook["指标详情"]  # named and headed in the report's language: Chinese by default
    header = [cell.value for cell in sheet[1]]
    notes = {
        row[header.index("编号")]: row[header.index("解释说明")]
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert notes == {item.id: item.interpretation_zh for item in BUILTIN}


def test_threshold_report_falls_back_to_the_only_note() -> None:
    english_only = _only(BUILTIN[RATE_ID], interpretation_zh="")
    table = threshold_report([english_only], format="csv", lang="zh")
    (row,) = csv.DictReader(io.StringIO(str(table)))
    assert row["interpretation"] == english_only.interpretation


def test_evaluation_report_shows_the_note_in_its_language() -> None:
    rate = BUILTIN[RATE_ID]
    data = pd.DataFrame(
        {
            "region": ["思明区", "湖里区"],
            "period": [2013, 2013],
            "municipal_sampled_batches": [50, 40],
            "municipal_passed_batches": [48, 39],
        }
    )
    result = kpi.evaluate([rate], data, as_of="2014-06-30")
    languages: tuple[tuple[Language, str, str], ...] = (
        ("zh", rate.interpretation_zh, rate.interpretation),
        ("en", rate.interpretation, rate.interpretation_zh),
    )
    for lang, shown, hidden in languages:
        for text in (
            evaluation_report(result, format="md", lang=lang),
            html.unescape(evaluation_report(result, format="html", lang=lang)),
        ):
            assert shown in text, lang
            assert hidden not in text, lang


def test_notebook_shows_the_note_in_its_language() -> None:
    indicator = BUILTIN["consumer_complaint_rate"]
    chinese = html.unescape(indicator_html(indicator, "zh"))
    english = html.unescape(indicator_html(indicator, "en"))
    assert indicator.interpretation_zh in chinese
    assert indicator.interpretation not in chinese
    assert indicator.interpretation in english
    assert indicator.interpretation_zh not in english
    assert html.unescape(indicator._repr_html_()) == chinese
