from fractions import Fraction

import pytest

from xmqc_kpi.units import UnitError, exact_factor, is_compatible, normalise_unit, unit_symbol


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("万元", "wan_yuan"),
        ("亿元", "yi_yuan"),
        ("亩", "mu"),
        ("万人", "wan_ren"),
        ("%", "percent"),
        ("‰", "permille"),
        ("1", "dimensionless"),
        ("m²", "meter ** 2"),
    ],
)
def test_chinese_unit_strings_parse(text: str, name: str) -> None:
    assert normalise_unit(text) == name


def test_funding_against_revenue_is_exactly_one_permille() -> None:
    # 800 万元 ÷ 80 亿元 = 8e6 / 8e9 = 1/1000
    factor = exact_factor("万元", "yuan") / exact_factor("亿元", "yuan")
    assert Fraction(800) * factor / 80 * exact_factor("dimensionless", "permille") == 1


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("亿元", "万元", Fraction(10_000)),
        ("亩", "hectare", Fraction(1, 15)),
        ("亩", "m²", Fraction(2000, 3)),
        ("万人", "person", Fraction(10_000)),
        ("percent", "dimensionless", Fraction(1, 100)),
        ("permille", "percent", Fraction(1, 10)),
        ("count / person", "per_10k_persons", Fraction(10_000)),
        ("person / count", "deaths_per_10k_units", Fraction(10_000)),
        ("count / yuan", "per_yi_yuan", Fraction(100_000_000)),
    ],
)
def test_exact_factors(source: str, target: str, factor: Fraction) -> None:
    assert exact_factor(source, target) == factor


def test_incompatible_units_are_refused() -> None:
    assert not is_compatible("万元", "person")
    with pytest.raises(UnitError) as caught:
        exact_factor("万元", "person")
    assert caught.value.code == "unit_not_convertible"


def test_unknown_unit_is_refused() -> None:
    with pytest.raises(UnitError) as caught:
        normalise_unit("万斤斤")
    assert caught.value.code == "unit_unknown"


def test_symbols() -> None:
    assert unit_symbol("percent") == "%"
    assert unit_symbol("wan_yuan") == "万元"
