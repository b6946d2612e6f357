"""Section 4 of the decomposition table, 着力提升质量总体水平 (body 三(四), items 18–21)."""

from __future__ import annotations

from ..formulas import ratio, value
from ..indicator import Clause, Indicator, Input, Responsible
from ..thresholds import AtLeast, TopAmongPeers, Trend
from ._common import (
    CEILING,
    CEILING_ZH,
    RISING_YEAR_ON_YEAR,
    RISING_YEAR_ON_YEAR_ZH,
    YEAR_ON_YEAR_REASON,
    YEAR_ON_YEAR_REASON_ZH,
    counted,
    top_group,
    top_group_zh,
)

__all__ = [
    "BRAND_TITLES_PER_100M_GDP",
    "MADE_IN_XIAMEN_MARKET_SHARE_TREND",
    "QUALITY_AWARD_ENTERPRISES",
    "QUALITY_CERTIFICATES_PER_10K_EMPLOYED",
]

_BRAND_STRATEGY = ("市经发局", "市质监局", "市工商局", "市品牌带动领导小组各成员单位")
# Body item 18: 市经发局、质监局、工商局牵头,市品牌带动领导小组各成员单位参加.
_BRAND_LEADS = ("市经发局", "市质监局", "市工商局")

# Body 18: ……力争城市每亿元GDP拥有称号数量居全国同级城市前列 (quoted from the body: table 4.1.1
#          words it 称号数量占城市GDP比例).
BRAND_TITLES_PER_100M_GDP = Indicator(
    id="brand_titles_per_100m_gdp",
    clause=Clause(table="4.1.1", body="18", quoted_from="body"),
    title_zh="城市每亿元GDP拥有称号数量",
    title_en="Brand titles per 100 million yuan of GDP",
    formula=ratio("brand_titles", "gdp", part_of_whole=False),
    inputs=(
        counted(
            "brand_titles",
            "名牌产品、驰名商标、地理标志产品称号数量",
            "Brand titles held",
            "Famous-brand product, well-known trademark and geographical-indication product "
            "titles held by enterprises of the region.",
            of="title",
        ),
        Input(
            name="gdp",
            unit="yuan",
            label_zh="地区生产总值（GDP）",
            label_en="Gross domestic product",
            description="GDP of the region, same period; in yuan by default (亿元 converts).",
        ),
    ),
    unit="per_yi_yuan",
    threshold=TopAmongPeers(peer_group="全国同级城市"),
    quote="城市每亿元GDP拥有称号数量居全国同级城市前列",
    deadline="2013-12",
    responsible=Responsible(units=_BRAND_STRATEGY, body_leads=_BRAND_LEADS),
    interpretation=(
        "The body measures titles per 亿元 of GDP (每亿元GDP拥有称号数量); the table's 4.1.1 "
        "says 称号数量占城市GDP比例, a share with no unit. The body's form is used. "
        "力争 (strive to) is read as the target itself. " + top_group("全国同级城市")
    ),
    interpretation_zh=(
        "正文按每亿元GDP拥有称号数量计量（“每亿元GDP拥有称号数量”）；分解表4.1.1作"
        "“称号数量占城市GDP比例”，为无单位的比例。本指标采用正文口径。“力争”按目标本身解释。"
        + top_group_zh("全国同级城市")
    ),
    decimals=3,
)

# 4.1.2: ……不断提高“厦门制造”产品的市场占有率和竞争力。
MADE_IN_XIAMEN_MARKET_SHARE_TREND = Indicator(
    id="made_in_xiamen_market_share_trend",
    clause=Clause(table="4.1.2", body="18"),
    title_zh="“厦门制造”产品市场占有率",
    title_en='Market share of "Made in Xiamen" products',
    formula=value("made_in_xiamen_market_share"),
    inputs=(
        Input(
            name="made_in_xiamen_market_share",
            unit="percent",
            label_zh="“厦门制造”产品市场占有率",
            label_en='Market share of "Made in Xiamen" products',
            description=(
                "Market share in percent, measured the same way every period (the plan does not "
                "define the market)."
            ),
        ),
    ),
    unit="percent",
    threshold=Trend(direction="rising", reading="year_on_year", ceiling=100),
    quote="不断提高“厦门制造”产品的市场占有率",
    deadline="2013-12",
    # 4.1.2's 责任单位 cell is blank: it inherits 4.1.1's.
    responsible=Responsible(units=_BRAND_STRATEGY, inherited_from="4.1.1", body_leads=_BRAND_LEADS),
    interpretation="不断提高: " + RISING_YEAR_ON_YEAR + YEAR_ON_YEAR_REASON + CEILING,
    interpretation_zh="“不断提高”：" + RISING_YEAR_ON_YEAR_ZH + YEAR_ON_YEAR_REASON_ZH + CEILING_ZH,
)

# 4.2.1: ……力争获奖企业居全国同级城市前列……
QUALITY_AWARD_ENTERPRISES = Indicator(
    id="quality_award_enterprises",
    clause=Clause(table="4.2.1", body="19"),
    title_zh="政府质量奖获奖企业数量",
    title_en="Enterprises holding government quality awards",
    formula=value("quality_award_enterprises"),
    inputs=(
        counted(
            "quality_award_enterprises",
            "获得政府质量奖的企业数",
            "Enterprises holding government quality awards",
            "Enterprises of the region that won government quality awards (中国质量奖, "
            "福建省政府质量奖 …), counted the same way as for the peer cities.",
            of="enterprise",
        ),
    ),
    unit="count",
    threshold=TopAmongPeers(peer_group="全国同级城市"),
    quote="力争获奖企业居全国同级城市前列",
    deadline="2014-06",
    # Body item 19: 市质监局、厦门检验检疫局、市建设局牵头,市经发局参加 (for all of item 19).
    responsible=Responsible(
        units=("市质监局", "厦门检验检疫局", "市经发局"),
        body_leads=("市质监局", "厦门检验检疫局", "市建设局"),
    ),
    interpretation=(
        "力争 (strive to) is read as the target itself; the plan does not list which awards "
        "count, so the same awards must be counted for the region and its peers. "
        + top_group("全国同级城市")
    ),
    interpretation_zh=(
        "“力争”按目标本身解释；方案未列明计入哪些奖项，被评价地区与同组城市须按相同奖项统计。"
        + top_group_zh("全国同级城市")
    ),
    decimals=0,
)

# 4.4.2: ……城市万名就业人员拥有质量专业技术人员职业资格证书数达到2张以上。
QUALITY_CERTIFICATES_PER_10K_EMPLOYED = Indicator(
    id="quality_certificates_per_10k_employed",
    clause=Clause(table="4.4.2", body="21"),
    title_zh="城市万名就业人员拥有质量专业技术人员职业资格证书数",
    title_en="Quality professional qualification certificates per 10,000 employed persons",
    formula=ratio("quality_professional_certificates", "employed_persons", part_of_whole=False),
    inputs=(
        counted(
            "quality_professional_certificates",
            "质量专业技术人员职业资格证书数",
            "Quality professional qualification certificates",
            "Vocational qualification certificates of quality professionals (质量专业技术人员) "
            "held by persons employed in the region.",
            of="certificate",
        ),
        Input(
            name="employed_persons",
            unit="person",
            label_zh="城市就业人员数",
            label_en="Employed persons",
            description="Persons employed in the region, in persons by default (万人 converts).",
        ),
    ),
    unit="per_10k_persons",
    threshold=AtLeast(2, "per_10k_persons"),
    quote="城市万名就业人员拥有质量专业技术人员职业资格证书数达到2张以上",
    deadline="2013-12",
    # 4.4.2's 责任单位 cell is blank: it inherits 4.4.1's.
    responsible=Responsible(units=("市公务员局", "市质监局"), inherited_from="4.4.1"),
    interpretation=(
        "Certificates ÷ (employed persons ÷ 10,000); 达到2张以上 includes 2 certificates per "
        "10,000 employed persons."
    ),
    interpretation_zh=(
        "按证书数÷（就业人员数÷10000）计算；“达到2张以上”含本数，即每万名就业人员拥有2张即为达标。"
    ),
    decimals=3,
)
