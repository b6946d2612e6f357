"""Body section 五(三), 加大经费投入: the one target with no row in the decomposition table."""

from __future__ import annotations

from ..formulas import ratio
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import AtLeast

__all__ = ["QUALITY_FUNDING_RATIO"]

# 五(三): 为实施质量发展规划提供经费保障,经费数额不低于厦门市年财政一般预算收入1‰。
QUALITY_FUNDING_RATIO = Indicator(
    id="quality_funding_ratio",
    clause=Clause(table=None, body="五(三)"),
    title_zh="质量发展经费占年财政一般预算收入比例",
    title_en="Quality funding as a share of general budget revenue",
    formula=ratio("quality_funding", "general_budget_revenue", part_of_whole=False),
    inputs=(
        Input(
            name="quality_funding",
            unit="yuan",
            label_zh="质量发展经费投入",
            label_en="Funding for the quality development plan",
            description=(
                "Funds provided in the year for implementing the quality development plan, in "
                "yuan by default (万元 and 亿元 convert)."
            ),
        ),
        Input(
            name="general_budget_revenue",
            unit="yuan",
            label_zh="年财政一般预算收入",
            label_en="General budget revenue of the year",
            description=(
                "The city's general public budget revenue (一般预算收入) of the same year, in yuan "
                "by default (万元 and 亿元 convert)."
            ),
        ),
    ),
    unit="permille",
    threshold=AtLeast(1, "permille"),
    quote="经费数额不低于厦门市年财政一般预算收入1‰",
    deadline=None,
    responsible=Responsible(units=("市财政局",)),
    interpretation=(
        "不低于 includes 1 ‰. Section 五 has no row in the decomposition table, so there is no "
        "deadline: the target applies every year."
    ),
    interpretation_zh=(
        "“不低于”含本数（1‰）。正文第五部分在目标任务分解表中无对应行，故无完成时限："
        "该目标每年适用。"
    ),
    decimals=3,
)
