"""The built-in indicators: declarations only, one module per section of the plan.

Modules are named after the plan's section titles (the first level of the 目标任务分解表):

========================  ======================================  ================
module                    section                                 table / body
========================  ======================================  ================
:mod:`.culture`           加强城市质量文化建设                    1 / 三(一)
:mod:`.foundation`        夯实城市质量基础                        2 / 三(二)
:mod:`.mechanisms`        建立健全质量工作机制                    3 / 三(三)
:mod:`.overall_level`     着力提升质量总体水平                    4 / 三(四)
:mod:`.products`          显著提高产品质量                        5 / 三(五)
:mod:`.construction`      大幅提高工程质量                        6 / 三(六)
:mod:`.services`          不断提高服务质量满意度                  7 / 三(七)
:mod:`.citizens`          市民共享质量发展成果                    8 / 三(八)
:mod:`.funding`           组织实施 — 加大经费投入                 — / 五(三)
========================  ======================================  ================

Section 9 (创新质量发展机制) sets no measurable target. :data:`BUILTIN_INDICATORS` lists the
indicators in the order of the catalog contract (absolute thresholds, national averages, peer
ranks, trends, monitored); :func:`xmqc_kpi.catalogs.catalog` wraps it in a
:class:`~xmqc_kpi.catalogs.Catalog`.
"""

from __future__ import annotations

from ..indicator import Indicator
from . import (
    citizens,
    construction,
    culture,
    foundation,
    funding,
    mechanisms,
    overall_level,
    products,
    services,
)

__all__ = ["BUILTIN_INDICATORS"]

BUILTIN_INDICATORS: tuple[Indicator, ...] = (
    # Absolute thresholds (以上, 达到100%, 1个以上 …)
    culture.SCHOOL_QUALITY_BASE_RECEPTION_DAYS,
    foundation.AGRI_STANDARDIZED_PRODUCTION_RATE,
    foundation.CCC_CERTIFIED_SAMPLING_PASS_RATE,
    foundation.PORT_WHO_CORE_CAPACITY_RATE,
    foundation.FOOD_TRADE_SAFETY_DEMO_ZONES,
    mechanisms.SPECIAL_ENFORCEMENT_CAMPAIGNS,
    mechanisms.QUALITY_ANALYSIS_RELEASES,
    overall_level.QUALITY_CERTIFICATES_PER_10K_EMPLOYED,
    products.MANDATORY_STANDARD_COMPLIANCE_RATE,
    products.NATIONAL_SAMPLING_PASS_RATE,
    products.PROVINCIAL_SAMPLING_PASS_RATE,
    products.MUNICIPAL_SAMPLING_PASS_RATE,
    products.EXPORT_INSPECTION_PASS_RATE,
    products.PRODUCTION_LICENSE_COVERAGE,
    products.CCC_CERTIFICATE_COVERAGE,
    products.LOCAL_AGRI_PRODUCT_PASS_RATE,
    products.KEY_FOOD_SAMPLING_PASS_RATE,
    construction.LARGE_MEDIUM_PROJECT_FIRST_ACCEPTANCE_RATE,
    construction.OTHER_PROJECT_FIRST_ACCEPTANCE_RATE,
    construction.NEW_BUILDING_ENERGY_STANDARD_RATE,
    construction.AFFORDABLE_HOUSING_SUPERVISION_COVERAGE,
    construction.AFFORDABLE_HOUSING_FIRST_ACCEPTANCE_RATE,
    funding.QUALITY_FUNDING_RATIO,
    # Relative to the national average (低于全国平均水平)
    products.EXPORT_OVERSEAS_NOTIFICATION_RATIO,
    products.SPECIAL_EQUIPMENT_DEATH_RATE,
    services.CONSUMER_COMPLAINT_RATE,
    # Rank among peers (居…前列)
    overall_level.BRAND_TITLES_PER_100M_GDP,
    overall_level.QUALITY_AWARD_ENTERPRISES,
    products.IMPORT_NONCONFORMITY_DETECTION_RATE,
    products.EXPORT_LEGAL_INSPECTION_PASS_RATE,
    services.SERVICE_SATISFACTION_INDEX_RANK,
    citizens.CITIZEN_QUALITY_SATISFACTION_RANK,
    # Trends (不断提高, 持续提升, 持续降低)
    overall_level.MADE_IN_XIAMEN_MARKET_SHARE_TREND,
    foundation.MARKET_METROLOGY_COVERAGE_TREND,
    construction.ENERGY_SAVING_BUILDING_SHARE_TREND,
    construction.INDUSTRIALIZED_CONSTRUCTION_SHARE_TREND,
    services.CONSUMER_COMPLAINT_RATE_TREND,
    services.SERVICE_SATISFACTION_TREND,
    citizens.CITIZEN_QUALITY_SATISFACTION_TREND,
    # Monitored (no number in the plan)
    products.OLD_ELEVATOR_ASSESSMENT_COVERAGE,
    foundation.NON_STANDARD_PRODUCTION_SHARE,
    products.EXPORT_PRODUCT_SAFETY_DEMO_ZONES,
)
