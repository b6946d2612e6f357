"""A user's own threshold kind: the example runs, and registration guards its words."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar, Literal

import pytest

from xmqc_kpi.judging import ThresholdKind
from xmqc_kpi.results import Status
from xmqc_kpi.text import Words
from xmqc_kpi.text.kinds import kind_name
from xmqc_kpi.thresholds import register_threshold, threshold_kinds

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "custom_threshold.py"


def test_the_band_example_prints_its_verdicts_words_and_report_entry() -> None:
    completed = subprocess.run(
        [sys.executable, str(EXAMPLE)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[1].split() == ["思明区", "5.50", "met", "in_band"]
    assert lines[2].split() == ["湖里区", "7.25", "not_met", "above_band"]
    assert "检验报告平均出具天数 = 5.5 天，在 3 天至 7 天之间（正文二十「" in completed.stdout
    assert "，高于上限 7.0 天（正文二十「" in completed.stdout
    assert "above the upper limit of 7.0 days (body section 二十), not met." in completed.stdout
    assert "阈值报告： 介于 3 天至 7 天之间（含两端）" in lines
    assert "Threshold report: between 3 days and 7 days (both included)" in lines
    assert "reason words: 高于上限 / above the upper limit" in lines
    assert lines[-1] == "oracle: met"


def test_a_kind_without_words_for_each_reason_is_refused() -> None:
    with pytest.raises(ValueError, match="no words for"):

        @register_threshold({"describe": Words(zh="某", en="some")})
        class Unworded(ThresholdKind):
            kind: Literal["unworded"] = "unworded"
            reasons: ClassVar[Mapping[str, Status]] = {"fine": Status.MET}


def test_a_kind_without_a_name_is_refused() -> None:
    words = {
        "describe": Words(zh="某", en="some"),
        "target": Words(zh="某", en="some"),
        "fine": Words(zh="{header}，达标。", en="{header}, met."),
    }
    with pytest.raises(ValueError, match=r"Nameless: no words for \['name'\]"):

        @register_threshold(words)
        class Nameless(ThresholdKind):
            kind: Literal["nameless"] = "nameless"
            reasons: ClassVar[Mapping[str, Status]] = {"fine": Status.MET}


def test_every_built_in_kind_has_its_name_in_both_languages() -> None:
    names = {kind: (kind_name(kind, "zh"), kind_name(kind, "en")) for kind in threshold_kinds()}
    assert names["at_least"] == ("不低于（≥）", "at least (≥)")
    assert names["below_benchmark"] == ("低于全国平均水平（<）", "below the national average (<)")
    assert names["monitored"] == ("仅监测", "monitored")
    assert all(zh and en and zh != en for zh, en in names.values())


def test_a_kind_worded_in_one_language_only_is_refused() -> None:
    words = {
        "name": Words(zh="某类", en="some kind"),
        "describe": Words(zh="某", en="some"),
        "target": Words(zh="某", en="some"),
        "fine": Words(zh="{header}，达标。", en=""),
    }
    with pytest.raises(ValueError, match="no en wording"):

        @register_threshold(words)
        class HalfWorded(ThresholdKind):
            kind: Literal["half_worded"] = "half_worded"
            reasons: ClassVar[Mapping[str, Status]] = {"fine": Status.MET}


def test_a_reason_cannot_change_the_status_it_means() -> None:
    words = {
        "name": Words(zh="某类", en="some kind"),
        "describe": Words(zh="某", en="some"),
        "target": Words(zh="某", en="some"),
        "meets_minimum": Words(zh="{header}", en="{header}"),
    }
    with pytest.raises(ValueError, match="already means met"):

        @register_threshold(words)
        class Contrary(ThresholdKind):
            kind: Literal["contrary"] = "contrary"
            reasons: ClassVar[Mapping[str, Status]] = {"meets_minimum": Status.NOT_MET}
