"""Attention bands: near the line flagged, status unchanged, exact at the band's edge."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi import evaluate

RATE = kpi.catalog()["municipal_sampling_pass_rate"]  # ≥ 96 %

# 96.01, 96.50 (edge), 96.51, 95.50 (edge), 95.49 and 99.50 % against 96 %
ROWS = pd.DataFrame(
    {
        "region": list("abcdef"),
        "period": [2013] * 6,
        "municipal_sampled_batches": [10000] * 6,
        "municipal_passed_batches": [9601, 9650, 9651, 9550, 9549, 9950],
    }
)


def _flags(frame: pd.DataFrame) -> list[object]:
    column = frame["attention"]
    return column.astype(object).where(column.notna(), None).tolist()


def test_band_flags_near_assessments_without_changing_status() -> None:
    plain = evaluate(RATE, ROWS).to_frame()
    frame = evaluate(RATE, ROWS, attention=0.5).to_frame()
    assert frame["status"].tolist() == plain["status"].tolist()
    assert _flags(frame) == [
        "near_met",
        "near_met",  # 96.50 − 96 = 0.5: the edge is inside
        None,
        "near_not_met",  # 96 − 95.50 = 0.5
        None,
        None,
    ]
    assert _flags(evaluate(RATE, ROWS, attention="0.5").to_frame()) == _flags(frame)
    assert plain["attention"].isna().all()


def test_declared_band_and_per_call_mapping() -> None:
    declared = RATE.model_copy(update={"attention": Decimal("0.01")})
    frame = evaluate(declared, ROWS).to_frame()
    assert frame["attention"].notna().tolist() == [True, False, False, False, False, False]
    off = evaluate(declared, ROWS, attention={RATE.id: None}).to_frame()
    assert off["attention"].isna().all()
    wide = evaluate(declared, ROWS, attention={RATE.id: 4}).to_frame()
    assert wide["attention"].notna().all()  # every row within 4 points of 96 %


def test_band_is_exact_where_floats_are_not() -> None:
    """0.1 + 0.2 style: 96.3 % is exactly 0.3 above 96 %, inside a band of 0.3."""
    data = pd.DataFrame(
        {"period": [2013], "municipal_sampled_batches": [1000], "municipal_passed_batches": [963]}
    )
    assert evaluate(RATE, data, attention="0.3").to_frame()["attention"].tolist() == ["near_met"]


def test_explanations_mention_the_band() -> None:
    result = evaluate(RATE, ROWS, attention=0.5)
    zh = result.explanations("zh")
    assert zh[0].endswith("提示：与比较值相差不超过关注区间 0.5 个百分点，达标但接近临界。")
    assert "未达标但接近达标" in zh[3]
    assert "关注区间" not in zh[2]
    assert "0.5 percentage points" in result.explanations("en")[3]


def test_all_flags_misses_only_and_ranks_never() -> None:
    ports = kpi.catalog()["port_who_core_capacity_rate"]  # = 100 %
    data = pd.DataFrame(
        {
            "region": ["a", "b", "c"],
            "period": [2013] * 3,
            "class1_ports": [200, 200, 200],
            "class1_ports_certified": [200, 199, 190],
        }
    )
    assert _flags(evaluate(ports, data, attention=1).to_frame()) == [None, "near_not_met", None]
    trend = kpi.catalog()["service_satisfaction_trend"]
    series = pd.DataFrame({"period": [2013, 2014], "service_satisfaction_index": [80, 80.1]})
    assert evaluate(trend, series, attention=1).to_frame()["attention"].isna().all()


@pytest.mark.parametrize("band", [0, -1, "x", float("nan"), True])
def test_bad_bands_are_refused(band: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        evaluate(RATE, ROWS, attention=band)  # type: ignore[arg-type]


def test_band_for_an_unknown_indicator_is_refused() -> None:
    with pytest.raises(ValueError, match="no_such"):
        evaluate(RATE, ROWS, attention={"no_such": 1})
