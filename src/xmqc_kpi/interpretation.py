"""How the plan's wording is read, and where its body and its table disagree, held as data.

The plan (厦府〔2013〕98号) states its targets in legal Chinese whose reading needs rules (以上
includes the number, 低于 is strict, 居…前列 sets no cut-off …), and its body (items 1–44) and
its decomposition table (目标任务分解表, sub-items 1.1.1 … 9.6.2) disagree in a few places.
This module records both, in Chinese and English, as immutable data that the threshold report
(:func:`xmqc_kpi.reports.threshold_report`) renders; the wording follows the catalog contract
(``targets.md``) and the plan's own text.

- :data:`PLAN`: the plan's number, title and date;
- :data:`SECTIONS`: the plan sections an indicator can belong to (table ``"1"`` … ``"9"``,
  body ``"五"``);
- :data:`RULES`: the interpretation rules, in the order the report states them;
- :data:`DISCREPANCIES`: the known discrepancies between the body and the table, each naming
  the clauses and the built-in indicators it concerns.

>>> PLAN.number
'厦府〔2013〕98号'
>>> [rule.key for rule in RULES][:3]
['inclusive_bound', 'count_per_period', 'every_unit']
>>> DISCREPANCIES[0].clauses, DISCREPANCIES[0].indicator_ids
(('5.2.3',), ('local_agri_product_pass_rate',))
>>> SECTIONS["五"].title_zh
'组织实施'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any

__all__ = [
    "DISCREPANCIES",
    "PLAN",
    "RULES",
    "SECTIONS",
    "Discrepancy",
    "InterpretationRule",
    "PlanSection",
    "PlanSource",
]

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def _check_texts(item: Any) -> None:
    """Reject blank text fields: every text is shown in a report."""
    for field in fields(item):
        value = getattr(item, field.name)
        if isinstance(value, str) and not value.strip():
            raise ValueError(f"{type(item).__name__}.{field.name} must not be blank")


@dataclass(frozen=True)
class PlanSource:
    """The plan the built-in catalog comes from."""

    #: The document number, 厦府〔2013〕98号.
    number: str
    #: The notice's title as issued.
    title_zh: str
    title_en: str
    #: Date of issue (ISO 8601).
    issued: str

    def __post_init__(self) -> None:
        _check_texts(self)


@dataclass(frozen=True)
class PlanSection:
    """A section of the plan: a table section ``"1"`` … ``"9"`` or a body section ``"五"``."""

    key: str
    title_zh: str
    title_en: str
    #: Where it stands in the body: ``"三(五)"`` for table section 5.
    body: str

    def __post_init__(self) -> None:
        _check_texts(self)


@dataclass(frozen=True)
class InterpretationRule:
    """How one kind of wording in the plan is read.

    ``kinds`` names the threshold kinds that implement the reading (``"at_least"`` …); it is
    empty for rules about the plan's form rather than a threshold (blank cells, sampling).
    """

    #: A stable identifier (``"inclusive_bound"``).
    key: str
    #: The plan's words the rule reads (Chinese, as the plan writes them).
    wording: str
    meaning_zh: str
    meaning_en: str
    #: Why, or an example.
    note_zh: str
    note_en: str
    kinds: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not _KEY.match(self.key):
            raise ValueError(f"rule key {self.key!r} is not a snake_case identifier")
        _check_texts(self)


@dataclass(frozen=True)
class Discrepancy:
    """A place where the plan's body and its table disagree or are silent, and how it is read.

    ``clauses`` are table sub-items (``"5.2.3"``) or body sections (``"五(三)"``);
    ``indicator_ids`` the built-in indicators whose declaration follows the reading.
    """

    key: str
    clauses: tuple[str, ...]
    #: What the plan says (or does not say).
    finding_zh: str
    finding_en: str
    #: The reading the catalog adopts.
    reading_zh: str
    reading_en: str
    indicator_ids: tuple[str, ...]

    def __post_init__(self) -> None:
        if not _KEY.match(self.key):
            raise ValueError(f"discrepancy key {self.key!r} is not a snake_case identifier")
        if not self.clauses or not self.indicator_ids:
            raise ValueError(f"discrepancy {self.key!r} needs clauses and indicator ids")
        _check_texts(self)


#: The notice that issued the plan.
PLAN = PlanSource(
    number="厦府〔2013〕98号",
    title_zh="厦门市人民政府关于印发创建全国质量强市示范城市工作方案的通知",
    title_en=(
        "Notice of the Xiamen Municipal People's Government on issuing the work plan for "
        "creating a national quality-city demonstration city"
    ),
    issued="2013-03-30",
)

#: The plan's sections, by the key :attr:`xmqc_kpi.indicator.Clause.section` gives.
SECTIONS: Mapping[str, PlanSection] = MappingProxyType(
    {
        section.key: section
        for section in (
            PlanSection(
                "1", "加强城市质量文化建设", "Strengthening the city's quality culture", "三(一)"
            ),
            PlanSection("2", "夯实城市质量基础", "Consolidating the city's quality base", "三(二)"),
            PlanSection("3", "建立健全质量工作机制", "Building sound quality mechanisms", "三(三)"),
            PlanSection(
                "4", "着力提升质量总体水平", "Raising the overall level of quality", "三(四)"
            ),
            PlanSection("5", "显著提高产品质量", "Markedly improving product quality", "三(五)"),
            PlanSection(
                "6", "大幅提高工程质量", "Substantially improving construction quality", "三(六)"
            ),
            PlanSection(
                "7", "不断提高服务质量满意度", "Raising satisfaction with service quality", "三(七)"
            ),
            PlanSection(
                "8", "市民共享质量发展成果", "Citizens sharing the gains of quality", "三(八)"
            ),
            PlanSection(
                "9", "创新质量发展机制", "Innovating quality development mechanisms", "三(九)"
            ),
            PlanSection("五", "组织实施", "Organisation and implementation", "五"),
        )
    }
)

#: The interpretation rules, in the order the threshold report states them.
RULES: tuple[InterpretationRule, ...] = (
    InterpretationRule(
        key="inclusive_bound",
        wording="以上、不低于、达到 N% 以上",
        meaning_zh="数值 ≥ N，含本数",
        meaning_en="value ≥ N, the number itself included",
        note_zh=(
            "依法律用语习惯，“以上”“以下”包括本数（《民法典》第一千二百五十九条）。"
            "抽查 50 批合格 47 批，合格率恰为 94%，达到“94%以上”。"
        ),
        note_en=(
            "Chinese legal usage counts 以上/以下 as including the number itself (Civil Code, "
            "art. 1259). 47 of 50 batches is exactly 94 % and meets 94%以上."
        ),
        kinds=("at_least",),
    ),
    InterpretationRule(
        key="count_per_period",
        wording="1个以上、2次以上",
        meaning_zh="每期数量 ≥ N，含本数",
        meaning_en="count ≥ N per period, the number itself included",
        note_zh="“每年定期开展”未规定次数，按每年至少 1 次理解。",
        note_en="每年定期开展 sets no number: it is read as at least once a year.",
        kinds=("at_least",),
    ),
    InterpretationRule(
        key="every_unit",
        wording="达到 100%、均、全、全面",
        meaning_zh="全部达标：分子等于分母，且分母大于 0",
        meaning_en="every unit complies: numerator = denominator, denominator > 0",
        note_zh="100% 的目标没有容差：1000 项中 999 项达标，即为未达标。",
        note_en="A 100 % target has no tolerance: 999 of 1,000 is not met.",
        kinds=("all",),
    ),
    InterpretationRule(
        key="strictly_below_average",
        wording="低于全国平均水平",
        meaning_zh="数值严格低于同期全国平均水平",
        meaning_en="value < the national average of the same period, strictly",
        note_zh=(
            "等于全国平均水平即为未达标。方案未给出全国数值：全国平均水平由使用者提供，"
            "未提供时结论为“数据不足”，绝不判为达标。"
        ),
        note_en=(
            "Equal is not met. The plan gives no national figure: the average is data the "
            "caller supplies, and without it the result is insufficient data, never met."
        ),
        kinds=("below_benchmark",),
    ),
    InterpretationRule(
        key="top_group",
        wording="居…前列、前列水平",
        meaning_zh="在方案所称比较群体中的排名进入前列",
        meaning_en="the rank among the named peer group is in the top group",
        note_zh=(
            "方案未规定“前列”的界线。默认：比较群体（含本地区）的前 20%，向上取整"
            "（名次 ≤ ⌈0.2·n⌉），并列取最好名次。界线是阈值的参数，本报告写明所用界线。"
            "比较数据中如也列出本地区，只计一次。"
        ),
        note_en=(
            "The plan sets no cut-off. Default: the top 20 % of the group, subject included, "
            "rounded up (rank ≤ ⌈0.2·n⌉); ties take the best rank. The cut-off is a parameter "
            "of the threshold, and this report states the one used. A peers table that also "
            "lists the subject region counts it once."
        ),
        kinds=("top_among_peers",),
    ),
    InterpretationRule(
        key="rising",
        wording="不断提高、持续提升",
        meaning_zh="评价窗口内逐期严格上升",
        meaning_en="the value rises strictly from each period to the next within the window",
        note_zh=(
            "在每个（地区，期间）按截至该期的各期判断（可设窗口长度限制回溯期数）；"
            "首期或窗口内有缺值，结论为“数据不足”。"
        ),
        note_en=(
            "Judged at each (region, period) over the periods up to it (a window length may "
            "limit how far back); the first period, or a missing value in the window, is "
            "insufficient data."
        ),
        kinds=("trend",),
    ),
    InterpretationRule(
        key="falling",
        wording="持续降低",
        meaning_zh="评价窗口内逐期严格下降",
        meaning_en="the value falls strictly from each period to the next within the window",
        note_zh="判断方式同“不断提高”。",
        note_en="Judged as for 不断提高.",
        kinds=("trend",),
    ),
    InterpretationRule(
        key="monitored",
        wording="无数值、无比较（推进、基本消灭、努力创建）",
        meaning_zh="仅监测：报告数值，不作达标判断",
        meaning_en="monitored: the value is reported, no verdict",
        note_zh="状态为 not_assessed（未评价），既不是达标，也不是未达标。",
        note_en="Status not_assessed, never met or not met.",
        kinds=("monitored",),
    ),
    InterpretationRule(
        key="sampled_or_counted",
        wording="抽查、抽检",
        meaning_zh="只有抽查、抽检的合格率是样本估计，附 95% Wilson 置信区间",
        meaning_en="only spot-check rates are estimated from a sample: 95 % Wilson interval",
        note_zh=(
            "其他比率统计全部对象（全部口岸、全部验收工程、全部检验批次、全部新开工建筑），"
            "是精确值，给出区间反而误导。达标判断依据点值，区间说明结论是否稳健。"
        ),
        note_en=(
            "Every other ratio counts its whole population (all ports, all projects accepted, "
            "all batches inspected, all buildings started): it is exact, and an interval would "
            "mislead. The verdict is on the point value; the interval shows whether it is "
            "conclusive."
        ),
    ),
    InterpretationRule(
        key="inherited_cells",
        wording="分解表中空白的责任单位、完成时限",
        meaning_zh="空白单元格沿用上一行",
        meaning_en="a blank 责任单位 or 完成时限 cell inherits the row above",
        note_zh="空白是原文中被拆平的合并单元格；目录记录了哪些取值系沿用，本报告逐项标注。",
        note_en=(
            "The blanks are merged cells flattened in the source; the catalog records which "
            "values were inherited, and this report marks them."
        ),
    ),
)

#: The known discrepancies between the plan's body and its table, in the contract's order.
DISCREPANCIES: tuple[Discrepancy, ...] = (
    Discrepancy(
        key="misplaced_percent_sign",
        clauses=("5.2.3",),
        finding_zh="分解表写作「95以上%」，正文写作「95%以上」。",
        finding_en="The table prints 「95以上%」, the body 「95%以上」.",
        reading_zh="按 ≥ 95% 理解。",
        reading_en="Read as ≥ 95 %.",
        indicator_ids=("local_agri_product_pass_rate",),
    ),
    Discrepancy(
        key="brand_titles_measure",
        clauses=("4.1.1",),
        finding_zh=(
            "正文按「城市每亿元GDP拥有称号数量」计量，分解表写作「称号数量占城市GDP比例」（无单位）。"
        ),
        finding_en=(
            "The body measures titles per 亿元 of GDP (「城市每亿元GDP拥有称号数量」), the table "
            "titles as a share of GDP (「称号数量占城市GDP比例」, no unit)."
        ),
        reading_zh="采用正文的口径：称号数量 ÷ GDP（亿元）。",
        reading_en="The body's form is used: titles ÷ GDP in 亿元.",
        indicator_ids=("brand_titles_per_100m_gdp",),
    ),
    Discrepancy(
        key="national_and_provincial",
        clauses=("5.1.2",),
        finding_zh="「产品质量国家、省级监督抽查合格率达94%以上」一个目标涵盖两级抽查。",
        finding_en="「产品质量国家、省级监督抽查合格率达94%以上」 sets one target for two levels.",
        reading_zh=(
            "按国家级、省级各自 ≥ 94% 理解（两个指标），这是较严的读法；合并计算是另一种读法。"
        ),
        reading_en=(
            "Each level ≥ 94 % (two indicators), the stricter reading; a combined rate would be "
            "the other."
        ),
        indicator_ids=("national_sampling_pass_rate", "provincial_sampling_pass_rate"),
    ),
    Discrepancy(
        key="licence_and_ccc",
        clauses=("5.1.4",),
        finding_zh="「相关产品生产许可证、CCC目录内认证证书覆盖率达到100%」一个覆盖率涵盖两种证书。",
        finding_en=(
            "「相关产品生产许可证、CCC目录内认证证书覆盖率达到100%」 names two certificates in "
            "one coverage rate."
        ),
        reading_zh="生产许可证覆盖率与 CCC 认证证书覆盖率是两个指标，各须达到 100%。",
        reading_en="Licence coverage and CCC certificate coverage are two indicators, each 100 %.",
        indicator_ids=("production_license_coverage", "ccc_certificate_coverage"),
    ),
    Discrepancy(
        key="detection_rate_direction",
        clauses=("5.3.2",),
        finding_zh="「进口法检商品不合格检出率……保持全国城市前列水平」未说明检出率高还是低为“前列”。",
        finding_en=(
            "「进口法检商品不合格检出率……保持全国城市前列水平」 does not say whether a high or a "
            "low detection rate ranks first."
        ),
        reading_zh="进口法检商品不合格检出率按越高越好理解（检验查出更多不合格商品）。",
        reading_en=(
            "For the import non-conformity detection rate, higher is taken as better "
            "(inspection finds more)."
        ),
        indicator_ids=("import_nonconformity_detection_rate",),
    ),
    Discrepancy(
        key="unit_name_truncated",
        clauses=("5.4.1",),
        finding_zh="正文第 25 条的责任单位写作「市质监」（缺“局”字），分解表为“市质监局”。",
        finding_en="The body (item 25) names 「市质监」 (missing 局); the table has 市质监局.",
        reading_zh="按市质监局理解。",
        reading_en="Read as 市质监局.",
        indicator_ids=("special_equipment_death_rate", "old_elevator_assessment_coverage"),
    ),
    Discrepancy(
        key="blank_cells",
        clauses=("2.2.2", "5.1.3"),
        finding_zh=(
            "分解表 2.2.2 和 5.1.3 的责任单位和完成时限为空白；另有若干行的责任单位为空白。"
        ),
        finding_en=(
            "2.2.2 and 5.1.3 have blank responsible units and deadlines in the table; several "
            "other rows have blank responsible units."
        ),
        reading_zh="空白单元格沿用上一行（合并单元格）；各指标条目标注了沿用的取值及其来源行。",
        reading_en=(
            "Blank cells inherit the row above (merged cells); each indicator's entry marks "
            "what it inherited and from which row."
        ),
        indicator_ids=(
            "agri_standardized_production_rate",
            "special_enforcement_campaigns",
            "quality_analysis_releases",
            "quality_certificates_per_10k_employed",
            "national_sampling_pass_rate",
            "provincial_sampling_pass_rate",
            "municipal_sampling_pass_rate",
            "export_inspection_pass_rate",
            "production_license_coverage",
            "ccc_certificate_coverage",
            "local_agri_product_pass_rate",
            "key_food_sampling_pass_rate",
            "export_overseas_notification_ratio",
            "import_nonconformity_detection_rate",
            "export_legal_inspection_pass_rate",
            "made_in_xiamen_market_share_trend",
            "old_elevator_assessment_coverage",
            "non_standard_production_share",
            "export_product_safety_demo_zones",
        ),
    ),
    Discrepancy(
        key="funding_without_row",
        clauses=("五(三)",),
        finding_zh=(
            "正文五(三)（经费不低于年财政一般预算收入 1‰）在分解表中没有对应行，因而没有完成时限。"
        ),
        finding_en=(
            "Section 五(三) (funding ≥ 1‰ of the general budget revenue) has no row in the "
            "table, so no deadline."
        ),
        reading_zh="每年适用。",
        reading_en="It applies every year.",
        indicator_ids=("quality_funding_ratio",),
    ),
    Discrepancy(
        key="reception_days_scope",
        clauses=("1.3.1",),
        finding_zh="方案未说明“全年基地接待时间36天以上”是每个基地的要求还是全部基地合计。",
        finding_en=(
            "The plan does not say whether 36 days applies per base or to all bases together."
        ),
        reading_zh="每个地区、每期一个数值。",
        reading_en="One value per region and period.",
        indicator_ids=("school_quality_base_reception_days",),
    ),
    Discrepancy(
        key="campaigns_without_number",
        clauses=("3.2.3",),
        finding_zh="「每年定期开展」专项执法整治，未规定次数。",
        finding_en="「每年定期开展」 sets no number.",
        reading_zh="按每年至少开展 1 次理解。",
        reading_en="Read as at least one campaign a year.",
        indicator_ids=("special_enforcement_campaigns",),
    ),
    Discrepancy(
        key="demo_zone_aspiration",
        clauses=("5.3.3", "2.6.1"),
        finding_zh=(
            "「努力创建出口产品质量安全示范区」是努力方向（“努力”），"
            "不同于 2.6.1「建成1个以上」的数量目标。"
        ),
        finding_en=(
            "「努力创建出口产品质量安全示范区」 is an aspiration (努力), unlike 2.6.1's "
            "「建成1个以上」, which is a count target."
        ),
        reading_zh="5.3.3 的示范区仅监测；2.6.1 按 ≥ 1 评价。",
        reading_en="5.3.3's demonstration zones are monitored; 2.6.1 is assessed as ≥ 1.",
        indicator_ids=("export_product_safety_demo_zones", "food_trade_safety_demo_zones"),
    ),
    Discrepancy(
        key="peer_groups_undefined",
        clauses=("4.1.1", "4.2.1", "5.3.2", "7.4.1", "8.4.1"),
        finding_zh="各条款的比较群体不同（同级城市、同等城市、全国城市、创建城市），且均未定义。",
        finding_en=(
            "The plan's peer groups differ by clause (同级城市, 同等城市, 全国城市, 创建城市) and "
            "none is defined."
        ),
        reading_zh="比较群体及其数值是使用者提供的数据。",
        reading_en="Peers are data the caller supplies.",
        indicator_ids=(
            "brand_titles_per_100m_gdp",
            "quality_award_enterprises",
            "import_nonconformity_detection_rate",
            "export_legal_inspection_pass_rate",
            "service_satisfaction_index_rank",
            "citizen_quality_satisfaction_rank",
        ),
    ),
)
