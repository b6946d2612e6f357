"""Counts are written with their measure word or unit, never bare (issue 11, item 3).

Every count input of the catalog names what it counts (``Input.counted``), the wording layer
has its measure word in both languages, and no Chinese explanation of the sample prints a
bare count: ``1 个 ÷ 2 个口岸``, ``尚差 1 个口岸``, ``480 张 ÷ 262 万人 = 1.832 张/万人``.
"""

from __future__ import annotations

import re

import pytest

import xmqc_kpi as kpi
from xmqc_kpi.text import Language
from xmqc_kpi.text.units import COUNTED_NAMES, MEASURES, measure_word, with_unit

#: Count inputs that may stay bare, with the reason (none today: every count names its thing).
EXEMPT: dict[str, str] = {}

COUNT_INPUTS = sorted(
    {(item.name, item.counted) for i in kpi.catalog() for item in i.inputs if item.unit == "count"},
    key=lambda pair: pair[0],
)

#: A number followed directly by a sentence's punctuation or an operator: a bare count.
_NUMBER = r"(?<![\d.])\d+(?:\.\d+)?(?![\d.%‰])"
BARE = {
    "value": re.compile(rf"= {_NUMBER}[，；。]"),
    "numerator": re.compile(rf"{_NUMBER} ÷"),
    "denominator": re.compile(rf"÷ {_NUMBER} ="),
    "shortfall": re.compile(rf"尚差 {_NUMBER}[，。]"),
    "target": re.compile(rf"目标 {_NUMBER}[（，。]"),
}


@pytest.fixture(scope="module")
def sample() -> kpi.Evaluation:
    return kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")


def _explanation(
    sample: kpi.Evaluation, lang: Language, indicator: str, region: str, period: int
) -> str:
    part = sample.filter(indicator=indicator, region=region, period=period)
    texts = part.explanations(lang)
    assert len(texts) == 1
    return str(texts.iloc[0])


def test_there_are_count_inputs_to_check() -> None:
    assert len(COUNT_INPUTS) >= 40


@pytest.mark.parametrize(("name", "counted"), COUNT_INPUTS)
def test_every_count_input_names_what_it_counts(name: str, counted: str | None) -> None:
    if name in EXEMPT:
        return
    assert counted is not None, f"{name} declares no counted= (measure word)"
    assert counted in MEASURES
    assert counted in COUNTED_NAMES


@pytest.mark.parametrize("key", sorted({c for _n, c in COUNT_INPUTS if c is not None}))
def test_every_measure_used_has_both_languages(key: str) -> None:
    for lang in ("zh", "en"):
        assert MEASURES.say(key, lang).strip()
        assert COUNTED_NAMES.say(key, lang).strip()
    # Chinese names the thing after its measure word: 个 → 个口岸, 批次 → 批次.
    assert COUNTED_NAMES.say(key, "zh").startswith(MEASURES.say(key, "zh"))


def test_measure_tables_have_the_same_keys() -> None:
    assert set(MEASURES) == set(COUNTED_NAMES)


def test_measure_words_as_written() -> None:
    assert with_unit("2", "count", "zh", counted="port", named=True) == "2 个口岸"
    assert with_unit("1", "count", "zh", counted="port") == "1 个"
    assert with_unit("1", "count", "en", counted="port", one=True) == "1 port"
    assert with_unit("2", "count", "en", counted="port") == "2 ports"
    assert with_unit("3", "count", "zh", counted="quality_item", named=True) == "3 项指标"
    assert with_unit("2", "per_10k_persons", "zh", counted="certificate") == "2 张/万人"
    assert with_unit("8.2", "per_10k_persons", "en", counted="complaint") == (
        "8.2 complaints per 10,000 persons"
    )
    # A rate without a counted numerator keeps its plain unit.
    assert with_unit("2.5", "per_10k_persons", "zh") == "2.5/万人"
    assert measure_word("no_such_thing", "zh") == ""


def test_no_chinese_explanation_prints_a_bare_count(sample: kpi.Evaluation) -> None:
    offending = [
        (what, text)
        for text in sample.explanations("zh")
        for what, pattern in BARE.items()
        if pattern.search(str(text))
    ]
    assert offending == []


def test_a_shortfall_names_what_is_short(sample: kpi.Evaluation) -> None:
    port = _explanation(sample, "zh", "port_who_core_capacity_rate", "厦门市", 2012)
    assert "= 1 个 ÷ 2 个口岸 = 50.00%" in port
    assert "尚差 1 个口岸，未达标" in port
    items = _explanation(sample, "zh", "mandatory_standard_compliance_rate", "厦门市", 2012)
    assert "1097 项 ÷ 1100 项指标" in items
    assert "尚差 3 项指标" in items  # 1100 − 1097
    port_en = _explanation(sample, "en", "port_who_core_capacity_rate", "厦门市", 2012)
    assert "= 1 port ÷ 2 ports = 50.00%" in port_en
    assert "short of the target of 100% by 1 port (" in port_en


def test_a_rate_per_10k_names_its_numerator(sample: kpi.Evaluation) -> None:
    text = _explanation(sample, "zh", "quality_certificates_per_10k_employed", "厦门市", 2012)
    # 480 ÷ 2 620 000 × 10 000 = 1.8320… per 10,000 employed persons.
    assert "= 480 张 ÷ 262 万人 = 1.832 张/万人，低于目标 2 张/万人" in text
    english = _explanation(sample, "en", "quality_certificates_per_10k_employed", "厦门市", 2012)
    assert "= 480 certificates ÷ " in english
    assert "1.832 certificates per 10,000 persons" in english


def test_a_counted_value_and_its_target_carry_the_measure_word(sample: kpi.Evaluation) -> None:
    zones = _explanation(sample, "zh", "food_trade_safety_demo_zones", "厦门市", 2012)
    assert "= 0 个，低于目标 1 个（" in zones
    english = _explanation(sample, "en", "food_trade_safety_demo_zones", "厦门市", 2012)
    assert "= 0 zones, below the target of 1 zone (" in english
    batches = _explanation(sample, "zh", "national_sampling_pass_rate", "厦门市", 2012)
    assert "= 48 批次 ÷ 52 批次 = 92.31%" in batches
