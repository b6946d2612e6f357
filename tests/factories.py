"""Small hand-built indicators for engine tests, independent of the built-in catalog."""

from __future__ import annotations

from xmqc_kpi.formulas import Formula, ratio, value
from xmqc_kpi.indicator import Clause, Indicator, Input, Responsible
from xmqc_kpi.thresholds import (
    All,
    AtLeast,
    BelowBenchmark,
    Monitored,
    Threshold,
    TopAmongPeers,
    Trend,
)


def make(
    id: str,
    formula: Formula,
    inputs: list[tuple[str, str]],
    unit: str,
    threshold: Threshold,
    **extra: object,
) -> Indicator:
    """An indicator with placeholder provenance; ``inputs`` are (name, default unit)."""
    return Indicator.model_validate(
        {
            "id": id,
            "clause": Clause(table="5.1.2", body="22"),
            "title_zh": f"测试指标{id}",
            "title_en": f"Test indicator {id}",
            "formula": formula,
            "inputs": tuple(Input(name=n, unit=u, label_zh=f"输入{n}") for n, u in inputs),
            "unit": unit,
            "threshold": threshold,
            "quote": "市级监督抽查合格率达96%以上",
            "deadline": "2013-12",
            "responsible": Responsible(units=("市质监局", "厦门检验检疫局")),
            **extra,
        }
    )


def pass_rate(target: int = 94) -> Indicator:
    """passed ÷ sampled ≥ target %, a sampled rate."""
    return make(
        "pass_rate",
        ratio("passed", "sampled", sampled=True),
        [("sampled", "count"), ("passed", "count")],
        "percent",
        AtLeast(target, "percent"),
    )


def funding_ratio() -> Indicator:
    """funding ÷ revenue ≥ 1 ‰, both in yuan by default."""
    return make(
        "funding_ratio",
        ratio("funding", "revenue", part_of_whole=False),
        [("funding", "yuan"), ("revenue", "yuan")],
        "permille",
        AtLeast(1, "permille"),
        decimals=3,
    )


def all_comply() -> Indicator:
    """compliant ÷ total = 100 %."""
    return make(
        "all_comply",
        ratio("compliant", "total"),
        [("total", "count"), ("compliant", "count")],
        "percent",
        All(),
    )


def death_rate() -> Indicator:
    """deaths per 10,000 units, strictly below the national average."""
    return make(
        "death_rate",
        ratio("deaths", "units", part_of_whole=False),
        [("deaths", "person"), ("units", "count")],
        "deaths_per_10k_units",
        BelowBenchmark(),
        decimals=3,
    )


def awards(direction: str = "higher", **cutoff: object) -> Indicator:
    """A count ranked among peers."""
    return make(
        "awards",
        value("award_count"),
        [("award_count", "count")],
        "count",
        TopAmongPeers(peer_group="全国同级城市", **cutoff),
        direction=direction,
        decimals=0,
    )


def satisfaction(direction: str = "rising", window: int | None = None) -> Indicator:
    """An index that must keep rising (or falling)."""
    return make(
        "satisfaction",
        value("score"),
        [("score", "index_point")],
        "index_point",
        Trend(direction=direction, window=window),
        decimals=1,
    )


def monitored_share() -> Indicator:
    """A share with no number in the plan."""
    return make(
        "monitored_share",
        ratio("part", "whole"),
        [("whole", "count"), ("part", "count")],
        "percent",
        Monitored(),
    )
