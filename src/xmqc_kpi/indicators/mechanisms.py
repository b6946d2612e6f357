"""Section 3 of the decomposition table, 建立健全质量工作机制 (body 三(三), items 14–17)."""

from __future__ import annotations

from ..formulas import value
from ..indicator import Clause, Indicator, Responsible
from ..thresholds import AtLeast
from ._common import counted

__all__ = ["QUALITY_ANALYSIS_RELEASES", "SPECIAL_ENFORCEMENT_CAMPAIGNS"]

# 3.2.3: ……每年定期开展针对重点产品、重点工程、重点行业、重点地区和重点市场的专项执法整治。
SPECIAL_ENFORCEMENT_CAMPAIGNS = Indicator(
    id="special_enforcement_campaigns",
    clause=Clause(table="3.2.3", body="15"),
    title_zh="专项执法整治开展次数",
    title_en="Special enforcement campaigns a year",
    formula=value("special_enforcement_campaigns"),
    inputs=(
        counted(
            "special_enforcement_campaigns",
            "专项执法整治行动次数",
            "Special enforcement campaigns conducted",
            "Campaigns in the year against quality violations in key products, projects, "
            "industries, areas or markets.",
            of="campaign",
        ),
    ),
    unit="count",
    threshold=AtLeast(1, "count"),
    quote="每年定期开展针对重点产品、重点工程、重点行业、重点地区和重点市场的专项执法整治",
    deadline="2013-12",
    # 3.2.3's 责任单位 cell is blank: it inherits 3.2.1's. Body item 15: 市整规办牵头.
    responsible=Responsible(
        units=(
            "市整规办",
            "市公安局",
            "农业局",
            "市卫生局",
            "市工商局",
            "市质监局",
            "厦门检验检疫局",
            "市商务局",
            "市财政局",
            "编办",
        ),
        inherited_from="3.2.1",
        body_leads=("市整规办",),
    ),
    interpretation=(
        "每年定期开展 sets no number: read as at least one campaign a year (≥ 1 per region "
        "and year)."
    ),
    interpretation_zh=(
        "“每年定期开展”未规定次数：按每年至少开展1次专项执法整治解释（每个地区每年不少于1次）。"
    ),
    decimals=0,
)

# 3.4.3: 每年发布2次以上质量分析报告或监督抽查合格率、质量损失率等重点质量指标。
QUALITY_ANALYSIS_RELEASES = Indicator(
    id="quality_analysis_releases",
    clause=Clause(table="3.4.3", body="17"),
    title_zh="质量分析报告或重点质量指标发布次数",
    title_en="Releases of quality analysis reports or key quality indicators a year",
    formula=value("quality_analysis_releases"),
    inputs=(
        counted(
            "quality_analysis_releases",
            "发布质量分析报告或重点质量指标次数",
            "Releases of quality analysis reports or key quality indicators",
            "Public releases in the year of a quality analysis report or of key quality "
            "indicators (监督抽查合格率, 质量损失率 …).",
            of="release",
        ),
    ),
    unit="count",
    threshold=AtLeast(2, "count"),
    quote="每年发布2次以上质量分析报告或监督抽查合格率、质量损失率等重点质量指标",
    deadline="2013-12",
    # 3.4.3's 责任单位 cell is blank: it inherits 3.4.1's.
    responsible=Responsible(
        units=("市质监局", "厦门检验检疫局", "市建设局", "市发改委", "市统计局", "厦门调查队"),
        inherited_from="3.4.1",
    ),
    interpretation=(
        "2次以上 includes two: at least two releases a year; a release of either a report or of "
        "key indicators counts."
    ),
    interpretation_zh=(
        "“2次以上”含本数：每年至少发布2次；发布质量分析报告或发布重点质量指标的，均计为1次。"
    ),
    decimals=0,
)
