"""Catalogs that carry their own plan: the Plan model, files, reports and explanations."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pydantic import ValidationError

import xmqc_kpi as kpi
from xmqc_kpi.catalogs import (
    Catalog,
    catalog,
    catalog_json_schema,
    dump_catalog,
    load_catalog,
    plan_of,
)
from xmqc_kpi.plan import ClauseName, Plan, PlanSection

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "custom_catalog"


def test_builtin_catalog_has_xiamens_plan() -> None:
    plan = catalog().plan
    assert plan is not None
    assert plan.title_zh == "厦门市创建全国质量强市示范城市工作方案"
    assert (plan.number, plan.issuer, plan.issued) == (
        "厦府〔2013〕98号",
        "厦门市人民政府",
        "2013-03-30",
    )
    assert plan.clause_words["table"]("zh", table="5.1.2") == "分解表 5.1.2"
    assert plan.clause_words["body_item"]("zh", body="18") == "正文第 18 条"
    assert catalog().filter(section="5").plan == plan
    assert plan_of(list(catalog())[:3]) == plan


def test_a_catalog_of_ones_own_has_no_plan_unless_declared() -> None:
    rate = catalog()["municipal_sampling_pass_rate"].model_copy(update={"deadline": "2020-12"})
    assert Catalog([rate]).plan is None
    own = Plan(title_zh="乙市方案")
    assert Catalog([rate], plan=own).plan == own
    assert Catalog([rate], plan=own) != Catalog([rate])


def test_clause_templates_may_use_only_their_fields() -> None:
    with pytest.raises(ValidationError, match="unknown field"):
        Plan(title_zh="方案", clauses={"table": ClauseName(zh="附表 {body}", en="x {table}")})
    with pytest.raises(ValidationError, match="twice"):
        Plan(title_zh="方案", sections=[PlanSection(key="1", title_zh="甲")] * 2)


def test_plan_round_trips_through_json_and_yaml(tmp_path: Path) -> None:
    loaded = load_catalog(EXAMPLE / "catalog.toml")
    assert loaded.declared_plan is not None
    for suffix in (".json", ".yaml"):
        again = load_catalog(dump_catalog(loaded, tmp_path / f"c{suffix}"))
        assert again == loaded
        assert again.plan == loaded.plan


def test_schema_covers_the_plan() -> None:
    schema = catalog_json_schema()
    assert "plan" in schema["properties"]
    assert "Plan" in schema["$defs"]


def test_custom_catalog_reports_and_explanations_name_its_own_plan() -> None:
    own = load_catalog(EXAMPLE / "catalog.toml")
    for lang in ("zh", "en"):
        for format in ("md", "html", "json"):
            report = str(kpi.threshold_report(own, format=format, lang=lang))
            assert "厦门" not in report, (format, lang)
            assert "Xiamen" not in report, (format, lang)
            assert "分解表" not in report, (format, lang)
    markdown = kpi.threshold_report(own, lang="zh")
    assert markdown.splitlines()[0] == "# 阈值报告：示例市质量强市行动计划的量化目标"
    assert "附表 1.1.1 / 第一（一）部分" in markdown
    data = pd.read_csv(EXAMPLE / "data.csv")
    benchmarks = pd.read_csv(EXAMPLE / "benchmarks.csv")
    result = kpi.evaluate(own, data, benchmarks=benchmarks, as_of="2023-12-31")
    assert result.plan == own.plan
    texts = " ".join(result.to_frame("zh")["explanation"])
    assert "附表 1.1.1「产品质量监督抽查合格率达95%以上」" in texts
    assert "分解表" not in texts
    assert "厦门" not in texts
    assert result.to_dict("zh")["provenance"]["catalog"]["title"] == "示例市质量强市行动计划"


def test_builtin_report_is_in_plan_order_with_overview_and_considered_clauses() -> None:
    markdown = kpi.threshold_report(lang="zh")
    overview = markdown.split("\n## ")[1]
    assert overview.startswith("总览")
    headings = [line for line in overview.splitlines() if line.startswith("### ")]
    assert headings[0] == "### 1 加强城市质量文化建设"
    assert headings[-1] == "### 五 组织实施"
    assert "## 已研究但未列为指标的条款" in markdown
    assert "「全社会质量意识持续增强」" in markdown
    assert "牵头单位在前" not in markdown
    entry = markdown.split("#### 4.1.1 ")[1].split("\n#### ")[0]
    assert "- **责任单位**：" in entry
