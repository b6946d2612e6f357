"""Section 1 of the decomposition table, 加强城市质量文化建设 (body 三(一), items 1–7)."""

from __future__ import annotations

from ..formulas import value
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import AtLeast

__all__ = ["SCHOOL_QUALITY_BASE_RECEPTION_DAYS"]

# 1.3.1: 建设完善……国家级“中小学质量教育社会实践基地”……全年基地接待时间36天以上。
SCHOOL_QUALITY_BASE_RECEPTION_DAYS = Indicator(
    id="school_quality_base_reception_days",
    clause=Clause(table="1.3.1", body="3"),
    title_zh="中小学质量教育社会实践基地全年接待时间",
    title_en="Days a year the school quality-education bases receive pupils",
    formula=value("school_base_reception_days"),
    inputs=(
        Input(
            name="school_base_reception_days",
            unit="day",
            label_zh="国家级中小学质量教育社会实践基地全年接待天数",
            label_en="Days the national-level school quality-education bases received pupils",
            description=(
                "Days in the year on which the national-level 中小学质量教育社会实践基地 received "
                "quality-education activities for primary and secondary pupils organised by the "
                "education authorities; one figure per region and year."
            ),
        ),
    ),
    unit="day",
    threshold=AtLeast(36, "day"),
    quote="全年基地接待时间36天以上",
    deadline="2013-12",
    responsible=Responsible(units=("市教育局", "厦门检验检疫局")),
    interpretation=(
        "36天以上 includes 36 days. The plan does not say whether the 36 days apply to each base "
        "or to all bases together: one value is reported per region and year and compared with "
        "36 days."
    ),
    interpretation_zh=(
        "“36天以上”含本数（36天）。方案未明确36天是指每个基地还是全部基地合计：按每个地区"
        "每年报送一个数值，与36天比较。"
    ),
    decimals=0,
)
