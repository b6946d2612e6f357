"""Trend readings (over the window, year on year) and the ceiling of a share (issue 15, item 4)."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest
from pydantic import ValidationError

import xmqc_kpi as kpi
from xmqc_kpi import Status, Trend, evaluate
from xmqc_kpi.catalogs import dump_catalog, load_catalog
from xmqc_kpi.formulas import value
from xmqc_kpi.text.kinds import describe_threshold

from .factories import make

COVERAGE = kpi.catalog()["market_metrology_coverage_trend"]


def _score(reading: str) -> kpi.Indicator:
    return make(
        "score_trend",
        value("score"),
        [("score", "index_point")],
        "index_point",
        Trend(direction="rising", reading=reading),
        decimals=1,
    )


# one dip in 2014: 80 → 81 → 80.5 → 82 → 83
DIPPED = pd.DataFrame(
    {"period": [2012, 2013, 2014, 2015, 2016], "score": [80.0, 81.0, 80.5, 82.0, 83.0]}
)


def test_coverage_that_reached_100_percent_stays_met() -> None:
    """50 → 83.3 → 100 → 100 %: 2015 kept every market covered, which is the plan's end."""
    data = pd.DataFrame(
        {
            "period": [2012, 2013, 2014, 2015],
            "vegetable_markets": [6, 6, 6, 6],
            "vegetable_markets_four_unified": [3, 5, 6, 6],
        }
    )
    result = evaluate(COVERAGE, data)
    frame = result.to_frame()
    assert frame["status"].tolist() == ["insufficient_data", "met", "met", "met"]
    assert frame["reason"].tolist() == [
        "too_few_periods",
        "trend_holds",
        "trend_holds",
        "trend_at_ceiling",
    ]
    zh = result.explanations("zh")[3]
    assert "已达到上限 100%" in zh
    assert "保持即为达标" in zh
    assert zh.endswith("，达标。")
    assert "未做到持续提高" not in zh
    assert "at the ceiling of 100%" in result.explanations("en")[3]


def test_a_fall_from_the_ceiling_still_breaks_the_trend() -> None:
    data = pd.DataFrame(
        {
            "period": [2013, 2014, 2015],
            "vegetable_markets": [6, 6, 6],
            "vegetable_markets_four_unified": [6, 5, 6],
        }
    )
    frame = evaluate(COVERAGE, data).to_frame()
    # 2014 fell (100 → 83.3 %); over the window the fall still counts in 2015
    assert frame["reason"].tolist() == ["too_few_periods", "trend_broken", "trend_broken"]


def test_ceiling_is_exact() -> None:
    """999,999,999 of 1,000,000,000 is not 100 %, though it prints so with two decimals."""
    data = pd.DataFrame(
        {
            "period": [2014, 2015],
            "vegetable_markets": [10**9, 10**9],
            "vegetable_markets_four_unified": [10**9, 10**9 - 1],
        }
    )
    assert evaluate(COVERAGE, data).to_frame()["status"].tolist() == [
        "insufficient_data",
        "not_met",
    ]


def test_window_reading_fails_every_year_after_one_dip() -> None:
    frame = evaluate(_score("window"), DIPPED).to_frame()
    assert frame["status"].tolist() == [
        "insufficient_data",
        "met",  # 81 > 80
        "not_met",  # 80.5 < 81
        "not_met",  # 82 > 80.5, but the 2014 dip is inside the window
        "not_met",
    ]
    assert "2014 年未高于 2013 年" in frame.loc[4, "explanation"]
    assert "按评价时段连续判断" in frame.loc[4, "explanation"]


def test_year_on_year_reading_fails_only_the_year_of_the_dip() -> None:
    result = evaluate(_score("year_on_year"), DIPPED)
    frame = result.to_frame()
    assert frame["status"].tolist() == ["insufficient_data", "met", "not_met", "met", "met"]
    # each sentence quotes the two periods compared
    assert "2014 年–2015 年依次为 80.5 分、82.0 分，" in frame.loc[3, "explanation"]
    assert "逐年比较，比上年提高" in frame.loc[3, "explanation"]
    assert "read year on year" in result.explanations("en")[2]


def test_expected_status_follows_both_readings() -> None:
    """The testing oracle agrees with the engine on the dipped series."""
    from xmqc_kpi.testing import expected_statuses

    for reading in ("window", "year_on_year"):
        indicator = _score(reading)
        engine = evaluate(indicator, DIPPED).to_frame()["status"].tolist()
        oracle = expected_statuses(indicator, DIPPED)["status"].tolist()
        assert engine == oracle


def test_expected_keeps_the_ceiling() -> None:
    trend = Trend(direction="rising", ceiling=100)
    series = [(2013, Fraction(100)), (2014, Fraction(100))]
    assert trend.expected(Fraction(100), {"series": series}) is Status.MET
    assert Trend(direction="rising").expected(Fraction(100), {"series": series}) is Status.NOT_MET


def test_reading_is_declared_and_shown() -> None:
    service = kpi.catalog()["service_satisfaction_trend"]
    assert service.threshold.reading == "year_on_year"
    assert "比上年提高" in describe_threshold(service, "zh").text
    assert "year on year" in describe_threshold(service, "en").text
    assert "逐年比较" in service.interpretation_text("zh")
    coverage = describe_threshold(COVERAGE, "zh").text
    assert "截至当期的全部期" in coverage
    assert "达到上限 100% 后保持即为达标" in coverage
    assert "Read over the window" in COVERAGE.interpretation_text("en")


def test_readings_round_trip_through_catalog_files(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "catalog.json"
    dump_catalog(kpi.catalog(), path)
    loaded = load_catalog(path)
    for indicator in kpi.catalog():
        assert loaded[indicator.id].threshold == indicator.threshold


@pytest.mark.parametrize(
    "fields",
    [
        {"direction": "rising", "reading": "year_on_year", "window": 3},
        {"direction": "falling", "ceiling": 0},
        {"direction": "rising", "reading": "yearly"},
    ],
)
def test_inconsistent_readings_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Trend.model_validate(fields)
