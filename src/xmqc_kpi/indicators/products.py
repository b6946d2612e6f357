"""Section 5 of the decomposition table, 显著提高产品质量 (body 三(五), items 22–25)."""

from __future__ import annotations

from ..formulas import ratio, value
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import All, AtLeast, BelowBenchmark, Monitored, TopAmongPeers
from ._common import (
    BELOW_NATIONAL_AVERAGE,
    BELOW_NATIONAL_AVERAGE_ZH,
    EVERY_UNIT,
    EVERY_UNIT_ZH,
    counted,
    top_group,
    top_group_zh,
)

__all__ = [
    "CCC_CERTIFICATE_COVERAGE",
    "EXPORT_INSPECTION_PASS_RATE",
    "EXPORT_LEGAL_INSPECTION_PASS_RATE",
    "EXPORT_OVERSEAS_NOTIFICATION_RATIO",
    "EXPORT_PRODUCT_SAFETY_DEMO_ZONES",
    "IMPORT_NONCONFORMITY_DETECTION_RATE",
    "KEY_FOOD_SAMPLING_PASS_RATE",
    "LOCAL_AGRI_PRODUCT_PASS_RATE",
    "MANDATORY_STANDARD_COMPLIANCE_RATE",
    "MUNICIPAL_SAMPLING_PASS_RATE",
    "NATIONAL_SAMPLING_PASS_RATE",
    "OLD_ELEVATOR_ASSESSMENT_COVERAGE",
    "PRODUCTION_LICENSE_COVERAGE",
    "PROVINCIAL_SAMPLING_PASS_RATE",
    "SPECIAL_EQUIPMENT_DEATH_RATE",
]

# 5.1: the lead row 5.1.1 names the units; 5.1.2 to 5.1.4 leave the cell blank and inherit them.
_PRODUCT_SUPERVISION = ("市质监局", "厦门检验检疫局", "各区政府")
_AS_5_1_1 = Responsible(units=_PRODUCT_SUPERVISION, inherited_from="5.1.1")
# 5.2.2 and 5.2.3 inherit 5.2.1's units; 5.3.2 and 5.3.3 inherit 5.3.1's; 5.4.3 inherits 5.4.1's.
# Body item 23: 食安办牵头,各成员单位参加.
_AS_5_2_1 = Responsible(
    units=("市食安办", "食安办各成员单位"), inherited_from="5.2.1", body_leads=("市食安办",)
)
_CIQ = ("厦门检验检疫局",)
_AS_5_3_1 = Responsible(units=_CIQ, inherited_from="5.3.1")

# 5.1.1: 完善产品质量保障体系,产品质量安全指标全面达到国家强制性标准要求。
MANDATORY_STANDARD_COMPLIANCE_RATE = Indicator(
    id="mandatory_standard_compliance_rate",
    clause=Clause(table="5.1.1", body="22"),
    title_zh="产品质量安全指标达到国家强制性标准要求比例",
    title_en="Product safety items meeting mandatory national standards",
    formula=ratio("mandatory_items_compliant", "mandatory_items_checked"),
    inputs=(
        counted(
            "mandatory_items_checked",
            "按国家强制性标准检验的产品质量安全指标项数",
            "Product safety items checked against mandatory national standards",
            "Product quality-safety items (指标项) checked against mandatory national standards.",
            of="quality_item",
        ),
        counted(
            "mandatory_items_compliant",
            "达到国家强制性标准要求的产品质量安全指标项数",
            "Items meeting mandatory national standards",
            "Of the items checked, those that meet the mandatory national standards.",
            of="quality_item",
        ),
    ),
    unit="percent",
    threshold=All(),
    quote="产品质量安全指标全面达到国家强制性标准要求",
    deadline="2013-12",
    responsible=Responsible(units=_PRODUCT_SUPERVISION),
    interpretation="全面达到: " + EVERY_UNIT,
    interpretation_zh="“全面达到”指" + EVERY_UNIT_ZH,
)

_SPLIT_5_1_2 = (
    "「国家、省级监督抽查合格率达94%以上」 is read as each level at 94 % or more (two "
    "indicators), the stricter reading; a combined national-and-provincial rate would be the "
    "other reading. 94%以上 includes 94 %: 47 passed of 50 sampled meets it."
)
_SPLIT_5_1_2_ZH = (
    "“国家、省级监督抽查合格率达94%以上”按国家级、省级各自不低于94%解释（分列两个指标），"
    "此为较严格的解读；另一种解读为国家级与省级合并计算的合格率。“94%以上”含本数："
    "抽查50批、合格47批即为达标。"
)


def _supervision_sampling(
    level: str,
    level_zh: str,
    *,
    at_least: int,
    quote: str,
    interpretation: str,
    interpretation_zh: str,
) -> Indicator:
    """One level of 产品质量监督抽查 (国家级, 省级, 市级): passed ÷ sampled batches."""
    sampled, passed = f"{level}_sampled_batches", f"{level}_passed_batches"
    return Indicator(
        id=f"{level}_sampling_pass_rate",
        clause=Clause(table="5.1.2", body="22"),
        title_zh=f"产品质量{level_zh}监督抽查合格率",
        title_en=f"{level.capitalize()} supervision sampling pass rate of products",
        formula=ratio(passed, sampled, sampled=True),
        inputs=(
            counted(
                sampled,
                f"{level_zh}监督抽查批次",
                f"Batches sampled in {level} supervision spot checks",
                f"Batches of products made in the region sampled in {level} supervision spot "
                "checks in the period.",
                of="batch",
            ),
            counted(
                passed,
                f"{level_zh}监督抽查合格批次",
                f"Batches passed in {level} supervision spot checks",
                "Of the sampled batches, those found conforming.",
                of="batch",
            ),
        ),
        unit="percent",
        threshold=AtLeast(at_least, "percent"),
        quote=quote,
        deadline="2013-12",
        responsible=_AS_5_1_1,
        interpretation=interpretation,
        interpretation_zh=interpretation_zh,
    )


# 5.1.2: 产品质量国家、省级监督抽查合格率达94%以上,市级监督抽查合格率达96%以上。
NATIONAL_SAMPLING_PASS_RATE = _supervision_sampling(
    "national",
    "国家级",
    at_least=94,
    quote="产品质量国家、省级监督抽查合格率达94%以上",
    interpretation=_SPLIT_5_1_2,
    interpretation_zh=_SPLIT_5_1_2_ZH,
)
PROVINCIAL_SAMPLING_PASS_RATE = _supervision_sampling(
    "provincial",
    "省级",
    at_least=94,
    quote="产品质量国家、省级监督抽查合格率达94%以上",
    interpretation=_SPLIT_5_1_2,
    interpretation_zh=_SPLIT_5_1_2_ZH,
)
MUNICIPAL_SAMPLING_PASS_RATE = _supervision_sampling(
    "municipal",
    "市级",
    at_least=96,
    quote="市级监督抽查合格率达96%以上",
    interpretation="96%以上 includes 96 %.",
    interpretation_zh="“96%以上”含本数（96%）。",
)

# 5.1.3: 出口商品检验合格率达99%以上。(责任单位 and 完成时限 blank)
EXPORT_INSPECTION_PASS_RATE = Indicator(
    id="export_inspection_pass_rate",
    clause=Clause(table="5.1.3", body="22"),
    title_zh="出口商品检验合格率",
    title_en="Export commodity inspection pass rate",
    formula=ratio("export_passed_batches", "export_inspected_batches"),
    inputs=(
        counted(
            "export_inspected_batches",
            "出口商品检验批次",
            "Export commodity batches inspected",
            "Batches of export commodities inspected in the period (every batch, not a sample).",
            of="batch",
        ),
        counted(
            "export_passed_batches",
            "出口商品检验合格批次",
            "Export commodity batches passed",
            "Of the inspected batches, those found conforming.",
            of="batch",
        ),
    ),
    unit="percent",
    threshold=AtLeast(99, "percent"),
    quote="出口商品检验合格率达99%以上",
    deadline="2013-12",
    deadline_inherited=True,
    responsible=_AS_5_1_1,
    interpretation=(
        "99%以上 includes 99 %. The table's 责任单位 and 完成时限 cells for 5.1.3 are blank "
        "(merged cells): the units are 5.1.1's, and the deadline 2013-12, as both neighbouring "
        "rows say."
    ),
    interpretation_zh=(
        "“99%以上”含本数（99%）。分解表中5.1.3的责任单位和完成时限栏为空白（系合并单元格）："
        "责任单位沿用5.1.1，完成时限按前后相邻两行均载明的2013年12月确定。"
    ),
)

_SPLIT_5_1_4 = (
    "「相关产品生产许可证、CCC目录内认证证书覆盖率达到100%」 names two certificates: production "
    "licence coverage and CCC certificate coverage are two indicators, each at 100 %. "
)
_SPLIT_5_1_4_ZH = (
    "“相关产品生产许可证、CCC目录内认证证书覆盖率达到100%”涉及两类证书：生产许可证覆盖率与"
    "CCC认证证书覆盖率分列为两个指标，均须达到100%。"
)

# 5.1.4: 相关产品生产许可证、CCC目录内认证证书覆盖率达到100%。
PRODUCTION_LICENSE_COVERAGE = Indicator(
    id="production_license_coverage",
    clause=Clause(table="5.1.4", body="22"),
    title_zh="相关产品生产许可证覆盖率",
    title_en="Production licence coverage",
    formula=ratio("licensed_producers", "license_required_producers"),
    inputs=(
        counted(
            "license_required_producers",
            "须取得生产许可证的生产企业数",
            "Producers required to hold a production licence",
            "Producers of products under the industrial production licence system.",
            of="enterprise",
        ),
        counted(
            "licensed_producers",
            "已取得生产许可证的生产企业数",
            "Producers holding a production licence",
            "Of those, producers holding a valid production licence.",
            of="enterprise",
        ),
    ),
    unit="percent",
    threshold=All(),
    quote="相关产品生产许可证、CCC目录内认证证书覆盖率达到100%",
    deadline="2013-12",
    responsible=_AS_5_1_1,
    interpretation=_SPLIT_5_1_4 + EVERY_UNIT,
    interpretation_zh=_SPLIT_5_1_4_ZH + EVERY_UNIT_ZH,
)
CCC_CERTIFICATE_COVERAGE = Indicator(
    id="ccc_certificate_coverage",
    clause=Clause(table="5.1.4", body="22"),
    title_zh="CCC目录内认证证书覆盖率",
    title_en="CCC certificate coverage of catalogue products",
    formula=ratio("ccc_certified_products", "ccc_catalogue_products"),
    inputs=(
        counted(
            "ccc_catalogue_products",
            "CCC目录内相关产品数",
            "Products in the CCC catalogue",
            "Products made in the region that fall within the compulsory certification (CCC) "
            "catalogue.",
            of="product",
        ),
        counted(
            "ccc_certified_products",
            "已取得CCC认证证书的目录内产品数",
            "Catalogue products holding a CCC certificate",
            "Of those, products holding a valid CCC certificate.",
            of="product",
        ),
    ),
    unit="percent",
    threshold=All(),
    quote="相关产品生产许可证、CCC目录内认证证书覆盖率达到100%",
    deadline="2013-12",
    responsible=_AS_5_1_1,
    interpretation=_SPLIT_5_1_4 + EVERY_UNIT,
    interpretation_zh=_SPLIT_5_1_4_ZH + EVERY_UNIT_ZH,
)

# 5.2.3: 地产农产品抽检合格率达95以上%,重点食品监督抽查合格率达95%以上。
# The quote is body item 23's 「地产农产品抽检合格率达95%以上」: the table misplaces the % sign.
LOCAL_AGRI_PRODUCT_PASS_RATE = Indicator(
    id="local_agri_product_pass_rate",
    clause=Clause(table="5.2.3", body="23", quoted_from="body"),
    title_zh="地产农产品抽检合格率",
    title_en="Sampling pass rate of locally produced agricultural products",
    formula=ratio("local_agri_passed", "local_agri_sampled", sampled=True),
    inputs=(
        counted(
            "local_agri_sampled",
            "地产农产品抽检批次",
            "Local agricultural product samples tested",
            "Samples (批次) of agricultural products produced in the region tested in the period.",
            of="batch",
        ),
        counted(
            "local_agri_passed",
            "地产农产品抽检合格批次",
            "Local agricultural product samples passed",
            "Of the samples tested, those found conforming.",
            of="batch",
        ),
    ),
    unit="percent",
    threshold=AtLeast(95, "percent"),
    quote="地产农产品抽检合格率达95%以上",
    deadline="2013-12",
    responsible=_AS_5_2_1,
    interpretation=(
        "The table prints 「95以上%」, the body 「95%以上」: read as ≥ 95 %, 95 % included."
    ),
    interpretation_zh="分解表印作“95以上%”，正文为“95%以上”：按95%以上（含95%）解释。",
)
KEY_FOOD_SAMPLING_PASS_RATE = Indicator(
    id="key_food_sampling_pass_rate",
    clause=Clause(table="5.2.3", body="23"),
    title_zh="重点食品监督抽查合格率",
    title_en="Supervision sampling pass rate of key foods",
    formula=ratio("key_food_passed_batches", "key_food_sampled_batches", sampled=True),
    inputs=(
        counted(
            "key_food_sampled_batches",
            "重点食品监督抽查批次",
            "Key food batches sampled",
            "Batches of key foods sampled in supervision spot checks in the period.",
            of="batch",
        ),
        counted(
            "key_food_passed_batches",
            "重点食品监督抽查合格批次",
            "Key food batches passed",
            "Of the sampled batches, those found conforming.",
            of="batch",
        ),
    ),
    unit="percent",
    threshold=AtLeast(95, "percent"),
    quote="重点食品监督抽查合格率达95%以上",
    deadline="2013-12",
    responsible=_AS_5_2_1,
    interpretation="95%以上 includes 95 %.",
    interpretation_zh="“95%以上”含本数（95%）。",
)

# 5.3.2: 进口法检商品不合格检出率和出口法检商品合格率保持全国城市前列水平。
IMPORT_NONCONFORMITY_DETECTION_RATE = Indicator(
    id="import_nonconformity_detection_rate",
    clause=Clause(table="5.3.2", body="24"),
    title_zh="进口法检商品不合格检出率",
    title_en="Detection rate of nonconforming imports under statutory inspection",
    formula=ratio("import_nonconforming_batches", "import_legal_inspection_batches"),
    inputs=(
        counted(
            "import_legal_inspection_batches",
            "进口法检商品检验批次",
            "Import batches under statutory inspection",
            "Batches of imports subject to statutory inspection (法检) inspected in the period.",
            of="batch",
        ),
        counted(
            "import_nonconforming_batches",
            "进口法检商品检出不合格批次",
            "Nonconforming import batches detected",
            "Of the inspected batches, those found nonconforming.",
            of="batch",
        ),
    ),
    unit="percent",
    threshold=TopAmongPeers(peer_group="全国城市"),
    direction="higher",
    quote="进口法检商品不合格检出率和出口法检商品合格率保持全国城市前列水平",
    deadline="2013-12",
    responsible=_AS_5_3_1,
    interpretation=(
        "Higher is taken as better: the rate measures how much nonconforming goods inspection "
        "finds at the border, not how good the imports are, so ranking among the front means "
        "detecting more. " + top_group("全国城市")
    ),
    interpretation_zh=(
        "本指标按数值越高越好解释：该比率反映口岸检验检疫发现不合格货物的程度，而非进口商品本身的"
        "质量，故居前列即检出更多。" + top_group_zh("全国城市")
    ),
)
EXPORT_LEGAL_INSPECTION_PASS_RATE = Indicator(
    id="export_legal_inspection_pass_rate",
    clause=Clause(table="5.3.2", body="24"),
    title_zh="出口法检商品合格率",
    title_en="Pass rate of exports under statutory inspection",
    formula=ratio("export_legal_inspection_passed", "export_legal_inspection_batches"),
    inputs=(
        counted(
            "export_legal_inspection_batches",
            "出口法检商品检验批次",
            "Export batches under statutory inspection",
            "Batches of exports subject to statutory inspection (法检) inspected in the period.",
            of="batch",
        ),
        counted(
            "export_legal_inspection_passed",
            "出口法检商品检验合格批次",
            "Export batches passed statutory inspection",
            "Of the inspected batches, those found conforming.",
            of="batch",
        ),
    ),
    unit="percent",
    threshold=TopAmongPeers(peer_group="全国城市"),
    quote="进口法检商品不合格检出率和出口法检商品合格率保持全国城市前列水平",
    deadline="2013-12",
    responsible=_AS_5_3_1,
    interpretation=top_group("全国城市"),
    interpretation_zh=top_group_zh("全国城市"),
)

# 5.3.3: 出口商品境外通报比率(通报次数/出口批次)低于全国平均水平,努力创建出口产品质量安全示范区。
EXPORT_OVERSEAS_NOTIFICATION_RATIO = Indicator(
    id="export_overseas_notification_ratio",
    clause=Clause(table="5.3.3", body="24"),
    title_zh="出口商品境外通报比率",
    title_en="Overseas notifications per export batch",
    formula=ratio("export_overseas_notifications", "export_batches", part_of_whole=False),
    inputs=(
        counted(
            "export_overseas_notifications",
            "出口商品被境外通报次数",
            "Overseas notifications on exports",
            "Notifications by foreign authorities on the region's exports in the period.",
            of="notification",
        ),
        counted(
            "export_batches",
            "出口批次",
            "Export batches",
            "Batches of commodities exported in the period.",
            of="batch",
        ),
    ),
    unit="percent",
    threshold=BelowBenchmark(),
    quote="出口商品境外通报比率（通报次数/出口批次）低于全国平均水平",
    deadline="2013-12",
    responsible=_AS_5_3_1,
    interpretation=(
        "The plan defines the ratio as 通报次数/出口批次, shown in percent. "
        + BELOW_NATIONAL_AVERAGE
    ),
    interpretation_zh=(
        "方案将该比率定义为“通报次数/出口批次”，以百分比表示。" + BELOW_NATIONAL_AVERAGE_ZH
    ),
)
EXPORT_PRODUCT_SAFETY_DEMO_ZONES = Indicator(
    id="export_product_safety_demo_zones",
    clause=Clause(table="5.3.3", body="24"),
    title_zh="出口产品质量安全示范区数量",
    title_en="Export product quality-safety demonstration zones",
    formula=value("export_product_safety_demo_zones"),
    inputs=(
        counted(
            "export_product_safety_demo_zones",
            "已创建出口产品质量安全示范区数",
            "Export product quality-safety demonstration zones established",
            "Demonstration zones for export product quality safety established in the region.",
            of="zone",
        ),
    ),
    unit="count",
    threshold=Monitored(),
    quote="努力创建出口产品质量安全示范区",
    deadline="2013-12",
    responsible=_AS_5_3_1,
    interpretation=(
        "努力创建 (strive to create) is an aspiration with no number: the count is reported and "
        "no verdict is given, unlike 2.6.1's 建成1个以上, which is a count target."
    ),
    interpretation_zh=(
        "“努力创建”属努力方向，未规定数量：仅报告示范区个数，不作达标判定；这与2.6.1"
        "“建成1个以上”作为数量目标不同。"
    ),
    decimals=0,
)

# 5.4.1: 建立特种设备安全保障长效机制及应急预案且运行良好,特种设备安全事故死亡率低于全国平均水平。
SPECIAL_EQUIPMENT_DEATH_RATE = Indicator(
    id="special_equipment_death_rate",
    clause=Clause(table="5.4.1", body="25"),
    title_zh="特种设备安全事故死亡率",
    title_en="Special equipment accident death rate",
    formula=ratio("special_equipment_deaths", "special_equipment_units", part_of_whole=False),
    inputs=(
        Input(
            name="special_equipment_deaths",
            unit="person",
            label_zh="特种设备安全事故死亡人数",
            label_en="Deaths in special equipment accidents",
            description="Persons killed in special equipment accidents in the period.",
        ),
        counted(
            "special_equipment_units",
            "在用特种设备台数",
            "Special equipment units in service",
            "Units (台) of special equipment registered and in service in the period.",
            of="unit",
        ),
    ),
    unit="deaths_per_10k_units",
    threshold=BelowBenchmark(),
    quote="特种设备安全事故死亡率低于全国平均水平",
    deadline="2013-12",
    responsible=Responsible(units=("市质监局",)),
    interpretation=(
        "The death rate is deaths per 10,000 units of special equipment (万台设备死亡人数, the "
        "national statistical convention). " + BELOW_NATIONAL_AVERAGE + " The body names "
        "「市质监」 (missing 局); the table's 市质监局 is used."
    ),
    interpretation_zh=(
        "死亡率按每万台特种设备死亡人数计算（万台设备死亡人数，全国统计口径）。"
        + BELOW_NATIONAL_AVERAGE_ZH
        + "正文作“市质监”（缺“局”字），采用分解表中的“市质监局”。"
    ),
    decimals=3,
)

# 5.4.3: 建立老旧电梯更新改造工作机制,推进使用年限15年以上老旧电梯的安全评估。
OLD_ELEVATOR_ASSESSMENT_COVERAGE = Indicator(
    id="old_elevator_assessment_coverage",
    clause=Clause(table="5.4.3", body="25"),
    title_zh="使用年限15年以上老旧电梯安全评估覆盖率",
    title_en="Safety assessment coverage of elevators in service 15 years or more",
    formula=ratio("elevators_over_15y_assessed", "elevators_over_15y"),
    inputs=(
        counted(
            "elevators_over_15y",
            "使用年限15年以上的在用电梯数",
            "Elevators in service 15 years or more",
            "Elevators in service whose service life is 15 years or more at the end of the period.",
            of="elevator",
        ),
        counted(
            "elevators_over_15y_assessed",
            "其中已完成安全评估的电梯数",
            "Of those, elevators safety-assessed",
            "Of those elevators, the ones that have had a safety assessment.",
            of="elevator",
        ),
    ),
    unit="percent",
    threshold=Monitored(),
    quote="推进使用年限15年以上老旧电梯的安全评估",
    deadline="2013-12",
    # 5.4.3's 责任单位 cell is blank: it inherits 5.4.1's.
    responsible=Responsible(units=("市质监局",), inherited_from="5.4.1"),
    interpretation=(
        "推进 (advance) sets no number: the share is reported, higher being better, and no verdict "
        "is given. 使用年限15年以上 includes 15 years: the age limit is fixed by the input's "
        "definition, not by the formula."
    ),
    interpretation_zh=(
        "“推进”未规定具体数值：仅报告该比例（越高越好），不作达标判定。“使用年限15年以上”"
        "含本数（15年）：年限界限由输入数据的统计口径确定，而非由公式确定。"
    ),
)
