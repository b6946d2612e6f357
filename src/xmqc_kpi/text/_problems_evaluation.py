"""Problem wording for the arguments of evaluate(): benchmarks, peers, as_of (engine)."""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES"]

ENTRIES: dict[str, Words] = {
    "header_unit_conflict": Words(
        zh="表头给出的单位是“{header}”，但 units= 指定为“{given}”",
        en="the header gives the unit {header!r} but units= says {given!r}",
    ),
    "share_above_whole": Words(
        zh="比例超过 100%（{value}）；如为百分数，请注明单位",
        en="a share above 100 % ({value}); if it is a percentage, give its unit",
    ),
    "part_exceeds_whole": Words(
        zh="{part}（{part_value}）大于 {whole}（{whole_value}）",
        en="{part} ({part_value}) exceeds {whole} ({whole_value})",
    ),
    "duplicate_benchmark": Words(
        zh="指标 {indicator} 在 {period} 期有两个全国平均水平",
        en="two benchmarks for {indicator} in period {period}",
    ),
}
