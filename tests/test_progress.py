"""Progress toward the deadline: hand-computed statuses, changes and projections."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import xmqc_kpi as kpi

CATALOG = kpi.catalog()
#: 达94%以上, here with a deadline of 2015-12 so that 2012–2014 are before it.
RATE = CATALOG["national_sampling_pass_rate"].model_copy(update={"deadline": "2015-12"})
PORTS = CATALOG["port_who_core_capacity_rate"].model_copy(update={"deadline": "2015-12"})
SATISFACTION = CATALOG["service_satisfaction_trend"].model_copy(update={"deadline": "2015-12"})
COLUMNS = [
    "region",
    "period",
    "status",
    "progress",
    "required_change",
    "observed_change",
    "projected",
]


def rates(region_rows: dict[str, list[tuple[int, int, int]]]) -> pd.DataFrame:
    """(period, passed, sampled) rows by region."""
    records = [
        {
            "region": region,
            "period": period,
            "national_passed_batches": passed,
            "national_sampled_batches": sampled,
        }
        for region, rows in region_rows.items()
        for period, passed, sampled in rows
    ]
    return pd.DataFrame.from_records(records)


def frame(indicator: kpi.Indicator, data: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return kpi.evaluate(indicator, data).to_frame(lang)[COLUMNS]  # type: ignore[arg-type]


def row(table: pd.DataFrame, region: str, period: int) -> pd.Series:
    found = table[(table["region"] == region) & (table["period"] == period)]
    assert len(found) == 1
    return found.iloc[0]


def test_a_straight_path_to_the_target_exactly_at_the_deadline_is_on_track() -> None:
    # 2012: 261/300 = 87 %, 2013: 67/75 = 268/3 % = 89.33 %: +7/3 points a year; with 2 years
    # left 268/3 + 2 × 7/3 = 94 exactly (in floats 93.99999999999999: decided exactly)
    table = frame(RATE, rates({"甲": [(2012, 261, 300), (2013, 67, 75)]}))
    latest = row(table, "甲", 2013)
    assert latest["status"] == "not_met"
    assert latest["progress"] == "on_track"
    assert latest["observed_change"] == pytest.approx(7 / 3)
    assert latest["required_change"] == pytest.approx(7 / 3)  # (94 − 268/3) / 2
    assert latest["projected"] == pytest.approx(94)


def test_a_path_short_of_the_target_by_a_hair_is_not_on_track() -> None:
    # 2013 at 6,699,999 of 7,500,000 (89.33332 %): the projection falls 4×10⁻⁵ points short
    table = frame(RATE, rates({"甲": [(2012, 261, 300), (2013, 6_699_999, 7_500_000)]}))
    latest = row(table, "甲", 2013)
    assert latest["progress"] == "needs_acceleration"  # well above half the pace needed
    assert latest["projected"] < 94


def test_progress_statuses_hand_computed() -> None:
    table = frame(
        RATE,
        rates(
            {
                # 91 → 91.9: +0.9 a year, needed (94 − 91.9) / 2 = 1.05; 0.9 ≥ 0.525
                "accelerate": [(2012, 910, 1000), (2013, 919, 1000)],
                # 91 → 91.5: +0.5 a year, needed 1.25; 0.5 < 0.625
                "off": [(2012, 910, 1000), (2013, 915, 1000)],
                # 93 → 92: away from the target
                "regress": [(2012, 930, 1000), (2013, 920, 1000)],
                # 95 % in 2013 with no history: met all the same
                "met": [(2013, 950, 1000)],
                # one period, not met: no progress
                "single": [(2013, 900, 1000)],
            }
        ),
    )
    assert row(table, "accelerate", 2013)["progress"] == "needs_acceleration"
    assert row(table, "accelerate", 2013)["observed_change"] == pytest.approx(0.9)
    assert row(table, "accelerate", 2013)["required_change"] == pytest.approx(1.05)
    assert row(table, "accelerate", 2013)["projected"] == pytest.approx(93.7)
    assert row(table, "off", 2013)["progress"] == "off_track"
    assert row(table, "regress", 2013)["progress"] == "regressing"
    assert row(table, "regress", 2013)["observed_change"] == pytest.approx(-1)
    assert row(table, "regress", 2013)["projected"] == pytest.approx(90)
    assert row(table, "met", 2013)["progress"] == "met"
    assert math.isnan(row(table, "met", 2013)["required_change"])
    single = row(table, "single", 2013)
    assert pd.isna(single["progress"])
    assert math.isnan(single["observed_change"])
    assert single["required_change"] == pytest.approx(2)  # (94 − 90) / 2 years


def test_observed_change_spans_the_whole_history() -> None:
    # 2012 90 %, 2013 89 %, 2014 92 %: (92 − 90) / 2 years = +1 a year; needed (94 − 92) / 1
    table = frame(RATE, rates({"甲": [(2012, 90, 100), (2013, 89, 100), (2014, 92, 100)]}))
    latest = row(table, "甲", 2014)
    assert latest["observed_change"] == pytest.approx(1)
    assert latest["required_change"] == pytest.approx(2)
    # 1 < 2: not on track; 1 ≥ ½ × 2 exactly (the half is inclusive): needs acceleration
    assert latest["progress"] == "needs_acceleration"
    assert latest["projected"] == pytest.approx(93)


def test_no_progress_at_or_after_the_deadline() -> None:
    data = rates({"甲": [(2013, 91, 100), (2014, 92, 100), (2015, 93, 100), (2016, 95, 100)]})
    table = frame(RATE, data)
    assert table["progress"].isna().tolist() == [True, False, True, True]
    assert table["required_change"].isna().tolist() == [False, False, True, True]


def test_a_share_is_projected_no_higher_than_the_whole() -> None:
    data = pd.DataFrame(
        {"period": [2012, 2013], "class1_ports": [10, 10], "class1_ports_certified": [8, 9]}
    )
    latest = frame(PORTS, data).iloc[1]
    # 80 % → 90 %: +10 a year; needed (100 − 90) / 2 = 5; projected 110 %, shown as 100 %
    assert (latest["status"], latest["progress"]) == ("not_met", "on_track")
    assert latest["observed_change"] == pytest.approx(10)
    assert latest["required_change"] == pytest.approx(5)
    assert latest["projected"] == 100


def test_trends_move_the_right_way_or_not() -> None:
    data = pd.DataFrame(
        {
            "region": ["升", "升", "降", "降", "折", "折", "折"],
            "period": [2012, 2013, 2012, 2013, 2012, 2013, 2014],
            "service_satisfaction_index": [80, 81, 80, 79, 80, 82, 81],
        }
    )
    table = frame(SATISFACTION, data)
    assert row(table, "升", 2013)["progress"] == "met"
    assert row(table, "降", 2013)["progress"] == "regressing"
    broken = row(table, "折", 2014)  # 82 → 81 breaks the rise; 80 → 81 over 2 years
    assert (broken["status"], broken["progress"]) == ("not_met", "needs_acceleration")
    assert broken["observed_change"] == pytest.approx(0.5)
    assert math.isnan(broken["required_change"])  # a trend needs a rise, not a number


def test_ranks_benchmarks_and_monitored_targets_get_no_progress() -> None:
    frame_ = kpi.evaluate(CATALOG, **kpi.sample_data()).to_frame()
    kinds = (
        frame_["indicator_id"]
        .astype(str)
        .map({indicator.id: indicator.threshold.kind for indicator in CATALOG})
    )
    others = frame_[kinds.isin(["top_among_peers", "below_benchmark", "monitored"])]
    assert len(others) > 0
    assert others["progress"].isna().all()
    assert others[["required_change", "observed_change", "projected"]].isna().all().all()


def test_explanations_say_the_progress_in_both_languages() -> None:
    result = kpi.evaluate(RATE, rates({"甲": [(2012, 910, 1000), (2013, 920, 1000)]}))
    en = result.explanations("en").iloc[1]
    zh = result.explanations("zh").iloc[1]
    assert en.endswith(
        " Progress: +1.00 percentage points a year over a 1-year history; +1.00 percentage "
        "points a year is needed to reach the target by 2015-12; at this pace 94.00% then: "
        "on track."
    )
    assert zh.endswith(
        "进度：近 1 年每年变化 +1.00 个百分点，到期限 2015-12 达到目标每年需变化 +1.00 个百分点，"
        "按此速度届时约为 94.00%，进度正常。"
    )
    assert "Progress" not in result.explanations("en").iloc[0]  # one period: no progress
