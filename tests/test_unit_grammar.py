"""The project's own unit grammar: what it reads, what it refuses, and that it never evaluates."""

from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from xmqc_kpi.text import LANGUAGES
from xmqc_kpi.text.problems import PROBLEMS
from xmqc_kpi.units import (
    COUNT_WORDS,
    MAX_EXPONENT,
    MAX_UNIT_LENGTH,
    ParsedUnit,
    UnitError,
    exact_factor,
    float_factor,
    is_compatible,
    parse_unit,
)


def code_of(text: str) -> str:
    with pytest.raises(UnitError) as caught:
        parse_unit(text)
    return caught.value.code


@pytest.mark.parametrize(
    "text",
    ["count**9**9**9", "count ** 99999999", "count^9^9", "m**4", "meter ** 2 * meter ** 2"],
)
def test_huge_powers_are_refused_before_any_arithmetic(text: str) -> None:
    # pint computed 9**9**9 for the first one (minutes); the grammar refuses its power
    assert code_of(text) == "unit_exponent"


def test_a_string_beyond_the_limit_is_refused_before_reading() -> None:
    text = "个" * (MAX_UNIT_LENGTH + 1)
    with pytest.raises(UnitError) as caught:
        parse_unit(text)
    assert caught.value.code == "unit_too_long"
    assert caught.value.params == {"length": MAX_UNIT_LENGTH + 1, "limit": MAX_UNIT_LENGTH}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1 / (10000 * person)", "unit_number"),
        ("2 * count", "unit_number"),
        ("count person", "unit_syntax"),
        ("(count", "unit_syntax"),
        ("count)", "unit_syntax"),
        ("/ count", "unit_syntax"),
        ("((((((count))))))", "unit_syntax"),
        ("__import__('os')", "unit_unknown"),
        ("万斤斤", "unit_unknown"),
        ("degree", "unit_not_allowed"),
        ("radian", "unit_not_allowed"),
        ("bit", "unit_not_allowed"),
        ("ppm", "unit_not_allowed"),
        ("个²", "unit_mixed"),
        ("%·个", "unit_mixed"),
        (12, "unit_not_text"),
    ],
)
def test_refusals_have_codes(text: str, code: str) -> None:
    assert code_of(text) == code


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("万元", "wan_yuan", "quantity"),
        ("wan_yuan / yi_yuan", "wan_yuan / yi_yuan", "share"),
        ("(count) / (person)", "count / person", "quantity"),
        ("（count）／（person）", "count / person", "quantity"),
        ("count·person**-1", "count / person", "quantity"),
        ("m²", "meter ** 2", "quantity"),
        ("km^2", "kilometer ** 2", "quantity"),
        ("平方米", "meter ** 2", "quantity"),
        ("％", "percent", "share"),
        ("‰", "permille", "share"),
        ("1", "dimensionless", "share"),
        ("个/个", "dimensionless", "share"),
        ("批次", "count", "count"),
        ("万家", "wan_count", "count"),
        ("万台", "wan_tai", "count"),
        ("人", "person", "quantity"),
        ("人/万台", "deaths_per_10k_units", "quantity"),
        ("天", "day", "quantity"),
    ],
)
def test_what_the_grammar_reads(text: str, name: str, kind: str) -> None:
    unit = parse_unit(text)
    assert (unit.name, unit.kind) == (name, kind)


@pytest.mark.parametrize("word", COUNT_WORDS)
def test_every_count_word_is_a_count_and_its_wan_is_ten_thousand(word: str) -> None:
    assert is_compatible(word, "count")
    assert exact_factor(f"万{word}", word) == 10_000


@pytest.mark.parametrize(
    ("given", "declared", "code"),
    [
        ("%", "count", "unit_not_count"),  # every dimensionless pint unit passed as a count
        ("‰", "count", "unit_not_count"),
        ("1", "count", "unit_not_count"),
        ("个", "percent", "unit_not_share"),
        ("人", "count", "unit_not_count"),
        ("人", "deaths_per_10k_units", "unit_not_convertible"),  # pint: both [population]
        ("万元", "person", "unit_not_convertible"),
    ],
)
def test_counts_shares_and_quantities_do_not_mix(given: str, declared: str, code: str) -> None:
    assert not is_compatible(given, declared)
    with pytest.raises(UnitError) as caught:
        float_factor(given, declared)
    assert caught.value.code == code
    for lang in LANGUAGES:
        message = caught.value.message_in(lang)
        assert given in message
        assert "{" not in message


def test_conversions_between_counts_and_between_shares_are_exact() -> None:
    assert exact_factor("万家", "个") == 10_000
    assert exact_factor("‰", "%") == Fraction(1, 10)
    assert exact_factor("count / person", "per_10k_persons") == 10_000


def test_every_unit_code_is_worded_in_both_languages() -> None:
    codes = [
        "unit_not_text",
        "unit_too_long",
        "unit_syntax",
        "unit_number",
        "unit_exponent",
        "unit_unknown",
        "unit_not_allowed",
        "unit_mixed",
        "unit_not_count",
        "unit_not_share",
        "unit_not_convertible",
        "unit_factor_not_rational",
    ]
    for code in codes:
        assert code in PROBLEMS


_PIECES = st.sampled_from(
    [
        "count",
        "个",
        "万家",
        "%",
        "‰",
        "person",
        "万元",
        "m",
        "km",
        "*",
        "/",
        "·",
        "**",
        "^",
        "9",
        "-1",
        "3",
        "(",
        ")",
        "²",
        " ",
        "1",
        "degree",
        "yuan",
        "é",
        "\x00",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=200)))
@example("count**9**9**9")
@example("(" * 100 + "count" + ")" * 100)
@example("count" + "**9" * 50)
def test_any_string_is_read_or_refused_with_a_unit_error(text: str) -> None:
    # the work is bounded structurally: length, depth and powers are checked while reading,
    # before any arithmetic, so every string is answered at once
    outcome: ParsedUnit | UnitError
    try:
        outcome = parse_unit(text)
    except UnitError as error:
        outcome = error
    if isinstance(outcome, UnitError):
        assert outcome.code.startswith("unit_")
        assert outcome.message_in("zh")
        assert outcome.message_in("en")
    else:
        assert all(0 < abs(power) <= MAX_EXPONENT for _, power in outcome.factors)
