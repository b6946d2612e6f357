"""The built-in catalog's plan: Xiamen's, issued by 厦府〔2013〕98号 on 30 March 2013.

Its number, date and sections are those of :mod:`xmqc_kpi.interpretation` (``PLAN``,
``SECTIONS``); the title is the plan's own (《厦门市创建全国质量强市示范城市工作方案》), the
notice's title being ``PLAN.title_zh``. It names its clauses as :mod:`xmqc_kpi.text.clauses`
does by default (「分解表 5.1.2」, 「正文第 18 条」), and says so explicitly.

>>> XIAMEN_PLAN.number, XIAMEN_PLAN.issuer, XIAMEN_PLAN.issued
('厦府〔2013〕98号', '厦门市人民政府', '2013-03-30')
>>> [section.key for section in XIAMEN_PLAN.sections][-2:]
['9', '五']
"""

from __future__ import annotations

from ..interpretation import PLAN, SECTIONS
from ..plan import CLAUSE_NAME_FIELDS, ClauseName, Plan, PlanSection
from ..text.clauses import CLAUSES

__all__ = ["XIAMEN_PLAN"]

XIAMEN_PLAN = Plan(
    title_zh="厦门市创建全国质量强市示范城市工作方案",
    title_en="Xiamen's work plan for creating a national quality-city demonstration city",
    number=PLAN.number,
    issuer="厦门市人民政府",
    issued=PLAN.issued,
    sections=tuple(
        PlanSection(key=s.key, title_zh=s.title_zh, title_en=s.title_en, body=s.body)
        for s in SECTIONS.values()
    ),
    clauses={key: ClauseName(zh=CLAUSES[key].zh, en=CLAUSES[key].en) for key in CLAUSE_NAME_FIELDS},
)
