"""Unit and status words: every unit, status and reason the catalog uses has both languages."""

from __future__ import annotations

import pytest

import xmqc_kpi as kpi
from xmqc_kpi.results import Reason, Status
from xmqc_kpi.text.statuses import REASONS, STATUSES, reason_word, status_word
from xmqc_kpi.text.units import MEASURES, UNIT_NAMES, unit_name, with_unit
from xmqc_kpi.thresholds import threshold_kinds
from xmqc_kpi.units import normalise_unit

CATALOG_UNITS = sorted(
    {normalise_unit(i.unit) for i in kpi.catalog()}
    | {normalise_unit(item.unit) for i in kpi.catalog() for item in i.inputs}
)


@pytest.mark.parametrize("unit", CATALOG_UNITS)
def test_every_catalog_unit_is_worded_in_both_languages(unit: str) -> None:
    assert unit in UNIT_NAMES
    assert unit_name(unit, "zh")
    assert unit_name(unit, "en")
    assert "_" not in unit_name(unit, "en")
    assert "**" not in unit_name(unit, "en")


def test_numbers_are_written_with_their_units_as_people_write_them() -> None:
    assert with_unit("12", "meter ** 2", "zh") == "12 平方米"
    assert with_unit("12", "meter ** 2", "en") == "12 m²"
    assert with_unit("3", "mu", "zh") == "3 亩"
    assert with_unit("5", "day", "en") == "5 days"
    assert with_unit("80", "index_point", "zh") == "80 分"
    assert with_unit("96", "percent", "zh") == "96%"
    assert with_unit("2.5", "per_10k_persons", "zh") == "2.5/万人"
    assert with_unit("800", "wan_yuan", "en") == "800 × 10,000 yuan"
    assert with_unit("3", "count", "zh", counted="enterprise") == "3 家"
    assert with_unit("3", "count", "en", counted="batch") == "3 batches"
    assert with_unit("3", "count", "zh") == "3"


def test_every_measure_word_has_both_languages() -> None:
    for key in MEASURES:
        assert MEASURES.say(key, "zh")
        assert MEASURES.say(key, "en")


def test_every_status_and_reason_is_worded() -> None:
    assert set(STATUSES) == {status.value for status in Status}
    for reason in Reason:
        assert reason_word(reason, "zh")
        assert reason_word(reason, "en")
    assert status_word(Status.NOT_ASSESSED, "zh") == "仅监测"
    assert reason_word(Reason.MONITORED, "en") == status_word(Status.NOT_ASSESSED, "en")


def test_every_registered_reason_has_explanation_words() -> None:
    from xmqc_kpi.text.kinds import kind_words

    for name, kind in threshold_kinds().items():
        words = kind_words(name)
        for reason in kind.reasons:
            assert reason in words, (name, reason)
    assert set(REASONS) >= {reason.value for reason in Reason}
