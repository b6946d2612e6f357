"""A threshold kind of your own: a band ``Between(low, high)``, defined outside the package.

A kind is one class (its facts, its judge, its reference case) and one table of words; once
registered, catalogs, the engine, the explanations in both languages, the threshold report's
entry and the testing oracle all know it. Run it:

    python examples/custom_threshold.py
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd

import xmqc_kpi as kpi
from xmqc_kpi.indicator import Clause, Indicator, Input, Responsible
from xmqc_kpi.judging import (
    AT_LEAST,
    AT_MOST,
    EQUAL,
    Subject,
    ThresholdKind,
    Verdict,
    decide,
)
from xmqc_kpi.results import Status
from xmqc_kpi.testing import expected_status
from xmqc_kpi.text import Words
from xmqc_kpi.text.kinds import describe_threshold
from xmqc_kpi.text.numbers import declared_text
from xmqc_kpi.text.statuses import reason_word
from xmqc_kpi.text.units import with_unit
from xmqc_kpi.thresholds import register_threshold

BAND_WORDS = {
    # the kind's name (the threshold report's summary table), its entry, the threshold in a
    # few words
    "name": Words(zh="区间（上下限）", en="band (between limits)"),
    "describe": Words(
        zh="介于 {low}至 {high}之间（含两端）", en="between {low} and {high} (both included)"
    ),
    "target": Words(zh="{low}–{high}", en="{low}–{high}"),
    # each reason in a few words, for tables
    "reason:in_band": Words(zh="在区间内", en="inside the band"),
    "reason:below_band": Words(zh="低于下限", en="below the lower limit"),
    "reason:above_band": Words(zh="高于上限", en="above the upper limit"),
    # one explanation per reason; {header}, {ref}, {status}, {target} come with every kind
    "in_band": Words(
        zh="{header}，在 {low}至 {high}之间（{ref}），{status}。",
        en="{header}, between {low} and {high} ({ref}), {status}.",
    ),
    "below_band": Words(
        zh="{header}，低于下限 {target}（{ref}），{status}。",
        en="{header}, below the lower limit of {target} ({ref}), {status}.",
    ),
    "above_band": Words(
        zh="{header}，高于上限 {target}（{ref}），{status}。",
        en="{header}, above the upper limit of {target} ({ref}), {status}.",
    ),
}


@register_threshold(BAND_WORDS)
class Between(ThresholdKind):
    """``low ≤ value ≤ high``: a band with both ends included."""

    kind: Literal["between"] = "between"
    reasons: ClassVar[Mapping[str, Status]] = {
        "in_band": Status.MET,
        "below_band": Status.NOT_MET,
        "above_band": Status.NOT_MET,
    }
    low: Decimal
    high: Decimal

    def __init__(self, low: Any = None, high: Any = None, **data: Any) -> None:
        super().__init__(**({"low": low, "high": high} | data))

    def judge(self, subject: Subject) -> Verdict:
        low, high = Fraction(self.low), Fraction(self.high)
        value = subject.value
        # decide() compares in floats and settles the rows too close to call exactly
        above_low = decide(value, float(low), AT_LEAST, subject.exact, lambda _row: low)
        below_high = decide(value, float(high), AT_MOST, subject.exact, lambda _row: high)
        nearest = np.where(above_low, float(high), float(low))
        on_low = decide(value, float(low), EQUAL, subject.exact, lambda _row: low)
        on_high = decide(value, float(high), EQUAL, subject.exact, lambda _row: high)
        reason = np.where(
            ~above_low, "below_band", np.where(~below_high, "above_band", "in_band")
        ).astype(object)
        return Verdict(
            reason=reason,
            compared_with=nearest,
            equal=np.where(above_low, on_high, on_low),
        )

    def expected(self, value: Fraction, context: Mapping[str, Any]) -> Status:
        inside = Fraction(self.low) <= value <= Fraction(self.high)
        return Status.MET if inside else Status.NOT_MET

    def describe_fields(self, display_unit: str | None, lang: Any) -> dict[str, str]:
        def written(number: Decimal) -> str:
            text = declared_text(number)
            return text if display_unit is None else with_unit(text, display_unit, lang)

        return {"low": written(self.low), "high": written(self.high)}


RATE = Indicator(
    id="inspection_turnaround_days",
    clause=Clause(body="二十"),
    title_zh="检验报告平均出具天数",
    title_en="Average days to issue an inspection report",
    formula=kpi.value("turnaround_days"),
    inputs=(Input(name="turnaround_days", unit="day", label_zh="平均出具天数"),),
    unit="day",
    threshold=Between(3, 7),
    quote="检验报告平均出具时间控制在3至7个工作日",
    responsible=Responsible(units=("市质监局",)),
    decimals=1,
)


def main() -> None:
    data = pd.DataFrame(
        {
            "region": ["思明区", "湖里区", "集美区"],
            "period": [2014, 2014, 2014],
            "turnaround_days": [5.5, 7.25, 3],
        }
    )
    result = kpi.evaluate(RATE, data)
    frame = result.to_frame("zh")
    print(frame[["region", "value", "status", "reason"]].to_string(index=False))
    for text in result.explanations("zh"):
        print(text)
    for text in result.explanations("en"):
        print(text)
    print("阈值报告：", describe_threshold(RATE, "zh").text)
    print("Threshold report:", describe_threshold(RATE, "en").text)
    # the testing oracle asks the kind too
    print("reason words:", reason_word("above_band", "zh"), "/", reason_word("above_band", "en"))
    print("oracle:", expected_status(RATE, {"turnaround_days": 7}).value)


if __name__ == "__main__":
    main()
