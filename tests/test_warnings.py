"""Plausibility warnings: implausible values are listed, never changed, verdicts unchanged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi.plausibility import BENCHMARK_FACTOR, WARNING_COLUMNS

CATALOG = kpi.catalog()
RATE = CATALOG["municipal_sampling_pass_rate"]  # 达96%以上, a percentage
DEATHS = CATALOG["special_equipment_death_rate"]  # 人/万台, below the national average
BENCHMARK = pd.DataFrame(
    {"period": [2013], "indicator_id": [DEATHS.id], "value": [Decimal("0.517")]}
)


def test_a_pass_rate_entered_as_a_fraction_is_warned_of_and_read_as_given() -> None:
    data = pd.DataFrame({"period": [2013], RATE.id: [0.9759]})
    result = kpi.evaluate(RATE, data)
    row = result.to_frame().iloc[0]
    assert (float(row["value"]), row["status"]) == (0.9759, "not_met")  # read as 0.9759 %
    warnings = result.warnings("zh")
    assert list(warnings.columns) == list(WARNING_COLUMNS)
    assert warnings[["indicator_id", "variable", "period", "value", "code"]].to_dict("records") == [
        {
            "indicator_id": RATE.id,
            "variable": RATE.id,
            "period": 2013,
            "value": 0.9759,
            "code": "share_as_fraction",
        }
    ]
    assert "97.59%" in warnings.loc[0, "message"]  # what it probably meant
    assert "97.59%" in result.warnings("en").loc[0, "message"]


def test_a_fraction_with_its_unit_stated_or_a_real_percentage_is_not_warned_of() -> None:
    fraction = pd.DataFrame({"period": [2013], RATE.id: [0.9759]})
    stated = kpi.evaluate(RATE, fraction, units={RATE.id: "dimensionless"})
    assert stated.to_frame()["status"].tolist() == ["met"]  # 97.59 %
    assert len(stated.warnings()) == 0
    percentages = pd.DataFrame({"period": [2013, 2014], RATE.id: [1.5, 97.59]})
    assert len(kpi.evaluate(RATE, percentages).warnings()) == 0


def test_units_entered_for_ten_thousand_units_are_warned_of() -> None:
    # 5 deaths among 7 units instead of 7 万台: 5 / 7 × 10,000 = 7,142.857 人/万台
    data = pd.DataFrame(
        {"period": [2013], "special_equipment_deaths": [5], "special_equipment_units": [7]}
    )
    result = kpi.evaluate(DEATHS, data, benchmarks=BENCHMARK)
    row = result.to_frame().iloc[0]
    assert round(float(row["value"]), 3) == 7142.857
    assert row["status"] == "not_met"
    warnings = result.warnings("en")
    assert warnings["code"].tolist() == ["far_above_benchmark"]
    assert warnings.loc[0, "variable"] == DEATHS.id
    assert round(float(warnings["value"].iloc[0]), 3) == 7142.857
    # 7142.857 / 0.517 = 13815.97…, shown without decimals
    assert "13816 times the national average 0.517" in warnings.loc[0, "message"]
    assert "13816 倍" in result.warnings("zh").loc[0, "message"]


def test_the_benchmark_factor_is_decided_exactly_at_its_boundary() -> None:
    # 0.517 × 100 = 51.7 人/万台: 517 deaths of 100,000 units is exactly the factor
    data = pd.DataFrame(
        {
            "region": ["甲", "乙", "丙"],
            "period": [2013] * 3,
            "special_equipment_deaths": [517, 516, 5],
            "special_equipment_units": [100_000] * 3,
        }
    )
    assert BENCHMARK_FACTOR == 100
    result = kpi.evaluate(DEATHS, data, benchmarks=BENCHMARK)
    warnings = result.warnings()
    assert warnings[["region", "code"]].to_dict("records") == [
        {"region": "甲", "code": "far_above_benchmark"}
    ]


def test_a_rate_a_hundred_times_below_its_benchmark_is_warned_of() -> None:
    # 1 death of 10,000,000 units: 0.001 人/万台, 1/517 of 0.517
    data = pd.DataFrame(
        {"period": [2013], "special_equipment_deaths": [1], "special_equipment_units": [10**7]}
    )
    warnings = kpi.evaluate(DEATHS, data, benchmarks=BENCHMARK).warnings("en")
    assert warnings["code"].tolist() == ["far_below_benchmark"]
    assert "1/517 of the national average" in warnings.loc[0, "message"]


def test_a_count_with_a_fractional_part_is_warned_of() -> None:
    data = pd.DataFrame(
        {
            "region": ["甲", "乙"],
            "period": [2013, 2013],
            "municipal_sampled_batches": [1200, 1200.5],
            "municipal_passed_batches": [1160, 1160],
        }
    )
    result = kpi.evaluate(RATE, data)
    warnings = result.warnings("en")
    assert warnings[["region", "variable", "value", "code"]].to_dict("records") == [
        {
            "region": "乙",
            "variable": "municipal_sampled_batches",
            "value": 1200.5,
            "code": "fractional_count",
        }
    ]
    assert "1200.5 has a fractional part" in warnings.loc[0, "message"]


def test_warnings_never_change_values_or_statuses() -> None:
    rates = pd.DataFrame(
        {
            "region": ["甲", "乙", "丙"],
            "period": [2013] * 3,
            "municipal_sampled_batches": [1200.5, 1200, None],
            "municipal_passed_batches": [1160, 1160, None],
            RATE.id: [None, None, 0.9759],
        }
    )
    result = kpi.evaluate(RATE, rates)
    # rows in region order: 丙, 乙, 甲
    assert result.warnings()[["region", "code"]].to_dict("records") == [
        {"region": "丙", "code": "share_as_fraction"},
        {"region": "甲", "code": "fractional_count"},
    ]
    frame = result.to_frame()
    # 0.9759 % as given, not met; 1160 / 1200 = 96.667 % met; 1160 / 1200.5 = 96.626… % met
    assert frame["region"].tolist() == ["丙", "乙", "甲"]
    assert frame["value"].tolist() == [0.9759, 1160 / 1200 * 100, 1160 / 1200.5 * 100]
    assert frame["status"].tolist() == ["not_met", "met", "met"]
    deaths = pd.DataFrame(
        {"period": [2013], "special_equipment_deaths": [5], "special_equipment_units": [7]}
    )
    warned = kpi.evaluate(DEATHS, deaths, benchmarks=BENCHMARK)
    assert len(warned.warnings()) == 1
    assert warned.to_frame()["reason"].tolist() == ["not_below_benchmark"]


def test_a_subset_keeps_its_own_warnings_and_the_sample_has_none() -> None:
    data = pd.DataFrame(
        {
            "region": ["甲", "乙"],
            "period": [2013, 2013],
            "municipal_sampled_batches": [1200.5, 1200],
            "municipal_passed_batches": [1160, 1160],
        }
    )
    result = kpi.evaluate(RATE, data)
    assert result.filter(region="甲").warnings()["region"].tolist() == ["甲"]
    assert len(result.filter(region="乙").warnings()) == 0
    assert len(kpi.evaluate(CATALOG, **kpi.sample_data()).warnings()) == 0


def test_the_payload_carries_the_warnings_in_its_language() -> None:
    import jsonschema

    data = pd.DataFrame({"region": ["思明区"], "period": [2013], RATE.id: [0.9759]})
    payload = kpi.evaluate(RATE, data).to_dict("en")
    jsonschema.validate(payload, kpi.result_schema())
    assert [(w["region"], w["period"], w["code"]) for w in payload["warnings"]] == [
        ("思明区", 2013, "share_as_fraction")
    ]
    assert payload["warnings"][0]["message"].startswith("Municipal supervision sampling")
    assert kpi.evaluate(RATE, data.assign(**{RATE.id: [97.59]})).to_dict()["warnings"] == []


def test_the_command_line_prints_the_warnings_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from xmqc_kpi.cli import main

    path = tmp_path / "data.csv"
    path.write_text(f"region,period,{RATE.id}\n思明区,2013,0.9759\n", encoding="utf-8")
    main(["validate", str(path), "--lang", "en"])
    err = capsys.readouterr().err
    assert "1 plausibility warning(s)" in err
    assert "思明区 2013: Municipal supervision sampling pass rate" in err
