"""Explanations a statistician signs: full-width punctuation, no pint codes, one verdict each."""

from __future__ import annotations

import re

import pytest

import xmqc_kpi as kpi
from xmqc_kpi.text.clauses import cite
from xmqc_kpi.text.kinds import comparison_text, describe_threshold

HAN = r"[\u4e00-\u9fff]"
#: A half-width , ; : ( ) next to a Chinese character.
HALF_WIDTH = re.compile(rf"{HAN}[,;:()]|[,;:()]{HAN}")
#: pint's names, which no reader sees (English writes mu, count, days, points as such).
PINT_CODES = re.compile(r"meter \*\* 2|index_point|per_10k|_yuan|\bpercent\b|_per_|hectare")
PINT_CODES_ZH = re.compile(rf"{PINT_CODES.pattern}|\bcount\b|\bmu\b|\bday\b")


@pytest.fixture(scope="module")
def sample() -> kpi.Evaluation:
    return kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")


def _outside_quotes(text: str) -> str:
    """The explanation without the plan's own words (quoted verbatim in 「」)."""
    return re.sub(r"「[^」]*」", "「」", text)


def test_chinese_explanations_use_full_width_punctuation(sample: kpi.Evaluation) -> None:
    for text in sample.explanations("zh"):
        assert not HALF_WIDTH.search(_outside_quotes(text)), text


def test_no_pint_code_reaches_a_reader(sample: kpi.Evaluation) -> None:
    for text in sample.explanations("zh"):
        assert not PINT_CODES_ZH.search(_outside_quotes(text)), text
    for text in sample.explanations("en"):
        assert not PINT_CODES.search(text), text


def test_one_verdict_per_sentence(sample: kpi.Evaluation) -> None:
    for indicator, text in zip(
        sample.to_frame()["indicator_id"], sample.explanations("zh"), strict=True
    ):
        title = kpi.catalog()[indicator].title_zh
        verdicts = re.findall(r"未?达标[。，；]", _outside_quotes(text).replace(title, ""))
        assert len(verdicts) <= 1, text


def test_per_10k_rates_show_their_scaled_denominator(sample: kpi.Evaluation) -> None:
    deaths = sample.filter(indicator="special_equipment_death_rate", region="厦门市", period=2012)
    (text,) = deaths.explanations("zh")
    assert "4 人 ÷ 20 万台 = 0.200 人/万台" in text
    complaints = sample.filter(indicator="consumer_complaint_rate", region="厦门市", period=2012)
    (text,) = complaints.explanations("zh")
    assert "3000 件 ÷ 367 万人 = 8.174 件/万人" in text


def test_a_rank_says_which_way_it_runs(sample: kpi.Evaluation) -> None:
    part = sample.filter(indicator="import_nonconformity_detection_rate", status="met")
    for text in part.explanations("zh"):
        assert "由高到低排名" in text
    for text in part.explanations("en"):
        assert "highest first" in text


def test_english_reads_as_english(sample: kpi.Evaluation) -> None:
    part = sample.filter(indicator="municipal_sampling_pass_rate", status="not_met")
    for text in part.explanations("en"):
        assert "below the target of 96%" in text
        assert text.endswith(("conclusive.", "straddles the target)."))


def test_the_frame_keeps_codes_and_words_come_from_the_wording_layer(
    sample: kpi.Evaluation,
) -> None:
    frame = sample.to_frame("zh")
    assert set(frame["status"].astype(str)) <= {
        "met",
        "not_met",
        "insufficient_data",
        "not_assessed",
    }
    rate = kpi.catalog()["municipal_sampling_pass_rate"]
    assert comparison_text(rate, "zh") == "≥"
    row = frame.loc[frame["indicator_id"] == "municipal_sampling_pass_rate"].iloc[0]
    assert isinstance(row["responsible"], tuple)
    assert row["responsible"][0] == "市质监局"


def test_quotes_are_cited_where_they_stand() -> None:
    body = kpi.Clause(table="4.1.1", body="18", quoted_from="body")
    assert cite(body, "居前列", "zh") == "正文第 18 条「居前列」"
    assert (
        cite(kpi.Clause(table="5.1.2", body="22"), "达96%以上", "zh") == "分解表 5.1.2「达96%以上」"
    )
    assert cite(kpi.Clause(body="五(三)"), "1‰", "zh") == "正文五（三）「1‰」"
    assert cite(body, "居前列", "en") == "body item 18"
    with pytest.raises(ValueError, match="needs a table row"):
        kpi.Clause(body="18", quoted_from="table")


@pytest.mark.parametrize("indicator", list(kpi.catalog()), ids=lambda i: i.id)
def test_every_threshold_describes_itself_in_both_languages(indicator: kpi.Indicator) -> None:
    zh, en = describe_threshold(indicator, "zh"), describe_threshold(indicator, "en")
    assert all((zh.text, en.text, zh.target, en.target))
    assert not HALF_WIDTH.search(zh.text), zh.text
    assert not PINT_CODES_ZH.search(zh.text)
    assert not PINT_CODES.search(en.text)
