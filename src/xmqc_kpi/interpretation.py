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
  the clauses and the built-in indicators it concerns;
- :data:`DEPARTMENT_ALIASES`, :func:`canonical_unit` and :func:`department_key`: one name per
  department (the plan writes 市质监局 in one row and 质监局 in the next);
- :data:`NOT_INDICATORS` and :func:`not_indicators`: the clauses that read like targets and were
  considered but not made indicators, each with its quote and the reason. The checkable ones
  (4.1.2's 竞争力, 7.1.1, 2.3.2, 9.6.2's ECFA data exchange) are supplementary indicators
  instead (:data:`xmqc_kpi.indicators.supplementary.SUPPLEMENTARY_INDICATORS`), not listed
  here.

>>> PLAN.number
'厦府〔2013〕98号'
>>> [rule.key for rule in RULES][:3]
['inclusive_bound', 'count_per_period', 'every_unit']
>>> DISCREPANCIES[0].clauses, DISCREPANCIES[0].indicator_ids
(('5.2.3',), ('local_agri_product_pass_rate',))
>>> SECTIONS["五"].title_zh
'组织实施'
>>> canonical_unit("质监局")
'市质监局'
>>> [entry.clause for entry in not_indicators(section="2")]
['2.3.1']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any

__all__ = [
    "DEPARTMENT_ALIASES",
    "DISCREPANCIES",
    "NOT_INDICATORS",
    "PLAN",
    "PLAN_REGIONS",
    "PLAN_YEARS",
    "RULES",
    "SECTIONS",
    "ConsideredClause",
    "Discrepancy",
    "InterpretationRule",
    "PlanSection",
    "PlanSource",
    "canonical_unit",
    "department_key",
    "not_indicators",
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


@dataclass(frozen=True)
class ConsideredClause:
    """Words of the plan that read like a target but were not made an indicator, and why.

    ``clause`` is where the words stand: a table sub-item (``"4.1.2"``) or, for words with no
    table row, the body section (``"二"``, ``"四"``); ``body`` is the body item (``"18"``) or
    section. ``quote`` is the plan's exact wording (a substring of its text). The reasons are
    written for an auditor checking that the catalog covers the plan.
    """

    key: str
    clause: str
    body: str
    quote: str
    reason_zh: str
    reason_en: str

    def __post_init__(self) -> None:
        if not _KEY.match(self.key):
            raise ValueError(f"considered clause key {self.key!r} is not a snake_case identifier")
        _check_texts(self)

    @property
    def section(self) -> str:
        """The plan section, as :attr:`xmqc_kpi.indicator.Clause.section` gives it.

        >>> NOT_INDICATORS[0].section, NOT_INDICATORS[1].section
        ('二', '2')
        """
        if re.match(r"^\d+\.\d+\.\d+$", self.clause):
            return self.clause.split(".")[0]
        return re.split(r"[(（]", self.clause)[0]


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
            "每个趋势指标声明其判断方式：按评价时段连续判断（截至该期的各期，可设窗口长度限制"
            "回溯期数；一期未提高，其后各期均未达标），或逐年比较（当期与上一期比较，即"
            "比上年提高）；各指标的选择及理由见其解释说明。比例达到上限（100%）后保持不变的，"
            "视为达标。首期或窗口内有缺值，结论为“数据不足”。"
        ),
        note_en=(
            "Each trend indicator declares its reading: over the window (the periods up to the "
            "one assessed, a window length may limit how far back; one step that does not rise "
            "fails every later period) or year on year (each period against the one before, "
            "比上年提高); each indicator's note gives its choice and why. A share that has "
            "reached its ceiling (100 %) and stays there is met. The first period, or a missing "
            "value in the window, is insufficient data."
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
        reading_zh="按 ≥ 95% 理解；引文取自正文第 23 条。",
        reading_en="Read as ≥ 95 %; the quote is body item 23's.",
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
        reading_zh="采用正文的口径：称号数量 ÷ GDP（亿元）；引文取自正文第 18 条。",
        reading_en="The body's form is used: titles ÷ GDP in 亿元, quoted from body item 18.",
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
            "正文五（三）（经费不低于年财政一般预算收入 1‰）在分解表中没有对应行，"
            "因而没有完成时限。"
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
    Discrepancy(
        key="department_short_names",
        clauses=("2.3.4", "3.2.3", "3.4.3", "4.1.1", "4.1.2", "4.2.1", "4.4.2", "7.4.1"),
        finding_zh=(
            "方案在列举责任单位时常省去“市”字（如“市质监局、厦门检验检疫局、建设局”），"
            "同一部门因而有两种写法：市质监局／质监局、市财政局／财政局、市建设局／建设局、"
            "市经发局／经发局、市商务局／商务局、市工商局／工商局、市发改委／发改委、"
            "市统计局／统计局、市卫生局／卫生局。"
        ),
        finding_en=(
            "Listing units, the plan often drops the city prefix 市 (「市质监局、厦门检验检疫局、"
            "建设局」), so one department has two names: 市质监局 / 质监局, 市财政局 / 财政局, "
            "市建设局 / 建设局, 市经发局 / 经发局, 市商务局 / 商务局, 市工商局 / 工商局, "
            "市发改委 / 发改委, 市统计局 / 统计局, 市卫生局 / 卫生局."
        ),
        reading_zh=(
            "每个部门采用方案中最完整的写法（如“市建设局”），简称作为别名记录，输入时两种写法"
            "均可识别；方案中只有一种写法的单位（农业局、编办、交通运输局、水利局、旅游局等）"
            "按原文。"
        ),
        reading_en=(
            "Each department takes the plan's fullest name (市建设局); the short names are "
            "recorded as aliases and accepted on input. Units the plan names one way only "
            "(农业局, 编办, 交通运输局, 水利局, 旅游局 …) keep that name."
        ),
        indicator_ids=(
            "market_metrology_coverage_trend",
            "special_enforcement_campaigns",
            "quality_analysis_releases",
            "brand_titles_per_100m_gdp",
            "made_in_xiamen_market_share_trend",
            "quality_award_enterprises",
            "quality_certificates_per_10k_employed",
            "consumer_complaint_rate",
            "consumer_complaint_rate_trend",
            "service_satisfaction_trend",
            "service_satisfaction_index_rank",
        ),
    ),
    Discrepancy(
        key="leads_named_in_body_only",
        clauses=("2.2.2", "3.2.3", "4.1.1", "4.1.2", "5.2.3"),
        finding_zh=(
            "正文第 9、15、18、23 条写明牵头单位和参加单位（如“市整规办牵头，市公安局……参加”），"
            "分解表相应行（2.2.1、3.2.1、4.1.1、5.2.1）列出相同的单位，但未写明谁牵头。"
        ),
        finding_en=(
            "Body items 9, 15, 18 and 23 name a lead and participants (「市整规办牵头,市公安局……"
            "参加」); the table's rows (2.2.1, 3.2.1, 4.1.1, 5.2.1) list the same units without "
            "naming a lead."
        ),
        reading_zh=("责任单位依分解表，不标注牵头单位；正文的牵头单位另列为“正文牵头单位”。"),
        reading_en=(
            "The responsible units are the table's, with no lead marked; the body's leads are "
            "recorded beside them as the body's leads."
        ),
        indicator_ids=(
            "agri_standardized_production_rate",
            "non_standard_production_share",
            "special_enforcement_campaigns",
            "brand_titles_per_100m_gdp",
            "made_in_xiamen_market_share_trend",
            "local_agri_product_pass_rate",
            "key_food_sampling_pass_rate",
        ),
    ),
    Discrepancy(
        key="body_leads_outside_table_row",
        clauses=("2.4.2", "4.2.1"),
        finding_zh=(
            "正文第 11 条由市质监局、厦门检验检疫局牵头（市经发局等 13 个单位参加），分解表 2.4.2 "
            "只列市质监局；正文第 19 条由市质监局、厦门检验检疫局、市建设局牵头，市经发局参加，"
            "分解表 4.2.1 列市质监局、厦门检验检疫局、经发局（市建设局列于 4.2.2）。"
            "正文一条涵盖分解表多行，其牵头单位是就整条而言的。"
        ),
        finding_en=(
            "Body item 11 is led by 市质监局 and 厦门检验检疫局 (13 units, 市经发局 first, "
            "taking part); table row 2.4.2 lists 市质监局 alone. Body item 19 is led by "
            "市质监局, 厦门检验检疫局 and 市建设局, with 市经发局 taking part; table row 4.2.1 "
            "lists 市质监局, 厦门检验检疫局 and 经发局 (市建设局 stands at 4.2.2). A body item "
            "covers several table rows, and its leads are the whole item's."
        ),
        reading_zh=(
            "责任单位依分解表该行，不标注牵头单位；正文的牵头单位另列为“正文牵头单位”，"
            "不据以认定该指标由谁牵头。"
        ),
        reading_en=(
            "The responsible units are the table row's, with no lead marked; the body's leads "
            "are recorded beside them and are not taken as this indicator's lead."
        ),
        indicator_ids=("ccc_certified_sampling_pass_rate", "quality_award_enterprises"),
    ),
    Discrepancy(
        key="body_lists_more_units",
        clauses=("1.3.1", "2.3.4"),
        finding_zh=(
            "正文第 3 条由市教育局、厦门检验检疫局、市质监局负责，分解表 1.3.1 列市教育局、"
            "厦门检验检疫局（市质监局列于 1.3.2）；正文第 10 条由市质监局、经发局、商务局、"
            "工商局、财政局负责，分解表 2.3.4 列市质监局、工商局、商务局、财政局"
            "（经发局列于 2.3.3）。"
        ),
        finding_en=(
            "Body item 3 names 市教育局, 厦门检验检疫局 and 市质监局; table row 1.3.1 names "
            "市教育局 and 厦门检验检疫局 (市质监局 stands at 1.3.2). Body item 10 names 市质监局, "
            "经发局, 商务局, 工商局 and 财政局; table row 2.3.4 names 市质监局, 工商局, 商务局 and "
            "财政局 (经发局 stands at 2.3.3)."
        ),
        reading_zh="责任单位依分解表该行。",
        reading_en="The responsible units are the table row's.",
        indicator_ids=("school_quality_base_reception_days", "market_metrology_coverage_trend"),
    ),
    Discrepancy(
        key="participants_in_body",
        clauses=("6.1.1",),
        finding_zh=(
            "正文第 26 条写“市建设局、交通运输局、水利局负责，市政园林局参加”，"
            "分解表 6.1.1 并列四个单位，未区分负责与参加。"
        ),
        finding_en=(
            "Body item 26 reads 「市建设局、交通运输局、水利局负责,市政园林局参加」 (three "
            "responsible, one taking part); table row 6.1.1 lists the four units alike."
        ),
        reading_zh="四个单位均列为责任单位，依分解表。",
        reading_en="All four are listed as responsible units, as in the table.",
        indicator_ids=(
            "large_medium_project_first_acceptance_rate",
            "other_project_first_acceptance_rate",
        ),
    ),
    Discrepancy(
        key="unit_order_differs",
        clauses=("3.4.3",),
        finding_zh=(
            "正文第 17 条的单位顺序为市质监局、建设局、发改委、厦门检验检疫局、市统计局、"
            "厦门调查队，分解表 3.4.1 为市质监局、厦门检验检疫局、建设局、发改委、统计局、"
            "厦门调查队：单位相同，顺序不同。"
        ),
        finding_en=(
            "Body item 17 lists 市质监局, 建设局, 发改委, 厦门检验检疫局, 市统计局, 厦门调查队; "
            "table row 3.4.1 the same units in another order (厦门检验检疫局 second)."
        ),
        reading_zh="采用分解表的顺序；两处均未写明牵头单位，顺序不表示主次。",
        reading_en=(
            "The table's order is used; neither names a lead, so the order implies no rank."
        ),
        indicator_ids=("quality_analysis_releases",),
    ),
)

#: The regions the plan's targets are reported for: the city and its six districts (the
#: plan's 各区政府, as the city was divided in 2013). The input template asks for them.
PLAN_REGIONS: tuple[str, ...] = (
    "厦门市",
    "思明区",
    "湖里区",
    "集美区",
    "海沧区",
    "同安区",
    "翔安区",
)
#: The plan's years: issued in 2013, deadlines in 2013 and 2014, the city's assessment in 2015.
PLAN_YEARS: tuple[int, ...] = (2013, 2014, 2015)

#: Other names of a responsible unit (alias → canonical name). The canonical name is the plan's
#: fullest form (市建设局 rather than 建设局, which the plan writes further along a list); units
#: the plan names one way only keep it, and the 市-prefixed form people type is their alias.
DEPARTMENT_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "质监局": "市质监局",
        "市质监": "市质监局",  # body item 25's truncated form (see ``unit_name_truncated``)
        "财政局": "市财政局",
        "建设局": "市建设局",
        "经发局": "市经发局",
        "商务局": "市商务局",
        "工商局": "市工商局",
        "发改委": "市发改委",
        "统计局": "市统计局",
        "卫生局": "市卫生局",
        "公安局": "市公安局",
        "教育局": "市教育局",
        "公务员局": "市公务员局",
        "整规办": "市整规办",
        "食安办": "市食安办",
        "市农业局": "农业局",
        "市编办": "编办",
        "市交通运输局": "交通运输局",
        "市水利局": "水利局",
        "市旅游局": "旅游局",
        "厦门出入境检验检疫局": "厦门检验检疫局",
        "质量强市领导小组办公室": "质量强市办",
        "市质量强市领导小组办公室": "质量强市办",
        "市质量强市办": "质量强市办",
    }
)


def canonical_unit(name: str) -> str:
    """The one name a responsible unit goes by: ``name`` itself unless it is a known alias.

    Surrounding white space is ignored; a name that is not an alias (a unit of a custom
    catalog, or a canonical name) comes back unchanged.

    >>> canonical_unit(" 建设局 "), canonical_unit("市建设局"), canonical_unit("市水利局")
    ('市建设局', '市建设局', '水利局')
    >>> canonical_unit("某市规划局")
    '某市规划局'
    """
    stripped = name.strip()
    return DEPARTMENT_ALIASES.get(stripped, stripped)


def department_key(name: str) -> str:
    """What every name of one department shares: its canonical name without the prefix 市.

    Two names match when their keys are equal; the prefix is dropped as well so that a custom
    catalog's units, whose aliases are not recorded here, match with and without it.

    >>> department_key("质监局") == department_key("市质监局") == department_key(" 市质监 ")
    True
    >>> department_key("市规划局") == department_key("规划局")
    True
    """
    return canonical_unit(name).removeprefix("市")


#: The plan's clauses considered and not made indicators, in plan order, each with its reason.
NOT_INDICATORS: tuple[ConsideredClause, ...] = (
    ConsideredClause(
        key="quality_awareness",
        clause="二",
        body="二",
        quote="全社会质量意识持续增强",
        reason_zh=(
            "属“二、创建目标”的总体表述：方案未规定衡量质量意识的调查、口径或数值，"
            "分解表也无对应行；其落实体现在分解表第 1 部分（加强城市质量文化建设）的各项措施中。"
        ),
        reason_en=(
            "An overall aim of section 二 (创建目标): the plan names no survey, measure or "
            "number for quality awareness, and the table has no row for it; it is carried out "
            "through the measures of table section 1 (quality culture)."
        ),
    ),
    ConsideredClause(
        key="metrology_system",
        clause="2.3.1",
        body="10",
        quote="计量体系基本满足发展需求",
        reason_zh=(
            "“基本满足发展需求”没有可计量的口径和数值，是否满足须由专业评估判断，"
            "不能由统计数据核对。"
        ),
        reason_en=(
            "基本满足发展需求 (basically meets the needs of development) has no measure and no "
            "number: whether it does is an expert assessment, not something statistics can check."
        ),
    ),
    ConsideredClause(
        key="international_service_level",
        clause="7.1.2",
        body="31",
        quote="骨干企业和重点行业的服务质量达到国际先进水平",
        reason_zh=(
            "方案未界定“骨干企业”“重点行业”的范围，也未规定“国际先进水平”的衡量口径和比较对象，"
            "无法判定是否达到。"
        ),
        reason_en=(
            "The plan defines neither which enterprises and industries are meant (骨干企业, "
            "重点行业) nor how 国际先进水平 (the international advanced level) is measured or "
            "against whom, so whether it is reached cannot be judged."
        ),
    ),
    ConsideredClause(
        key="famous_brand_demonstration_area",
        clause="7.3.1",
        body="33",
        quote="“鼓浪屿—万石山风景名胜区”争创成为“全国知名品牌示范区”",
        reason_zh=(
            "“争创”属努力方向，是否获评由国家主管部门决定；且只涉及一个指定景区的一次性称号，"
            "不是按地区、按期统计的数值。"
        ),
        reason_en=(
            "争创 (strive to become) is an aspiration whose outcome the national authority "
            "decides, and it concerns a single title for one named scenic area, not a value "
            "per region and period."
        ),
    ),
    ConsideredClause(
        key="service_product_variety",
        clause="7.4.1",
        body="34",
        quote="不断丰富服务产品种类",
        reason_zh=(
            "“服务产品种类”没有统计口径（既无分类目录，也无计数方法），“不断丰富”无法用统计数据"
            "核对；同条的投诉率和满意度已列为指标。"
        ),
        reason_en=(
            "There is no statistic of 服务产品种类 (kinds of service products: no classification, "
            "no way of counting them), so 不断丰富 (keep enriching) cannot be checked against "
            "data; the same clause's complaint rate and satisfaction are indicators."
        ),
    ),
    ConsideredClause(
        key="complaint_platform_awareness",
        clause="8.1.1",
        body="35",
        quote="提高公众对质量投诉信息平台认知度，及时有效解决群众质量投诉",
        reason_zh=(
            "“认知度”“及时有效”均未规定数值、调查方法或办理时限。8.4.1 规定了委托调查测评机构"
            "定期测评满意度，故列为指标；本条未给出衡量认知度的工具。若另行开展认知度调查或"
            "规定办结时限，可作为监测指标增设。"
        ),
        reason_en=(
            "认知度 (awareness) and 及时有效 (timely and effective) come with no number, survey "
            "or time limit. Unlike 8.4.1, which commissions a regular satisfaction survey and is "
            "an indicator, this clause names no instrument; an awareness survey or a time limit "
            "for handling complaints, if set, could be monitored."
        ),
    ),
    ConsideredClause(
        key="taiwan_technical_committees",
        clause="9.4.2",
        body="42",
        quote=(
            "争取更多与台湾对接产业所需的全国标准化、计量专业技术委员会、分技术委员会、"
            "工作组等技术组织落户厦门"
        ),
        reason_zh=(
            "“争取更多”既无数值也无基数，技术组织是否落户由国家标准化、计量主管部门决定，"
            "不由责任单位完成。落户数量可以监测，但无从判定达标与否。"
        ),
        reason_en=(
            "争取更多 (strive for more) has neither a number nor a baseline, and whether a "
            "technical committee settles in Xiamen is decided by the national standardization "
            "and metrology authorities, not by the responsible units. The count could be "
            "monitored, but nothing in it is met or not met."
        ),
    ),
    ConsideredClause(
        key="taiwan_certification_scope",
        clause="9.6.2",
        body="44",
        quote="扩大对台认证领域和采信范围",
        reason_zh=(
            "“扩大”既无数值也无基数，方案也未界定“认证领域”“采信范围”的统计口径"
            "（同条“推广金门酒厂‘社会认证、官方采信’模式”同样没有），无法判定是否达到。"
            "同条“实现ECFA原产地证书电子信息的实时有效交换”是一次性完成事项，"
            "已列为补充指标（按期完成）。"
        ),
        reason_en=(
            "扩大 (widen) has neither a number nor a baseline, and the plan defines no measure "
            "of the certification fields or of the scope of acceptance (nor does the same row's "
            "promotion of the Kinmen distillery model), so whether it is reached cannot be "
            "judged. The same row's ECFA certificate-of-origin data exchange is done once by "
            "a deadline, and is a supplementary indicator (a deliverable)."
        ),
    ),
    ConsideredClause(
        key="national_front_rank",
        clause="四",
        body="四",
        quote="推动我市质量总体水平走在全国前列",
        reason_zh=(
            "属“四、工作步骤”第四阶段的总体目标：方案未规定“质量总体水平”的衡量口径；"
            "具体的“前列”目标已分别列为指标（分解表 4.1.1、4.2.1、5.3.2、7.4.1、8.4.1）。"
        ),
        reason_en=(
            "The overall aim of the fourth stage in section 四 (工作步骤): the plan gives no "
            "measure of the overall level of quality; its specific 前列 targets are indicators "
            "(table 4.1.1, 4.2.1, 5.3.2, 7.4.1, 8.4.1)."
        ),
    ),
)


def not_indicators(*, section: str | int | None = None) -> tuple[ConsideredClause, ...]:
    """The clauses considered and not made indicators, in plan order, with their reasons.

    Parameters
    ----------
    section
        Keep those of one plan section, keyed as :attr:`xmqc_kpi.indicator.Clause.section`
        keys it: the table's first level (``"7"`` or ``7``) or a body section (``"二"``).

    Returns
    -------
    tuple of ConsideredClause
        Each with its clause, the plan's exact wording and the reason in Chinese and English.

    Examples
    --------
    >>> [entry.clause for entry in not_indicators(section=7)]
    ['7.1.2', '7.3.1', '7.4.1']
    >>> not_indicators(section="四")[0].quote
    '推动我市质量总体水平走在全国前列'
    >>> len(not_indicators()) == len(NOT_INDICATORS)
    True
    """
    if section is None:
        return NOT_INDICATORS
    wanted = str(section).strip()
    return tuple(entry for entry in NOT_INDICATORS if entry.section == wanted)
