"""Another city's plan as a catalog file: load it, evaluate its data, report its thresholds.

示例市 is fictional. Its five targets are declared in ``catalog.toml`` (no Python: the file is
validated by the same models as the built-in catalog), its figures are in ``data.csv`` and the
national averages its death rate is compared with are in ``benchmarks.csv``::

    .venv/bin/python examples/custom_catalog/run.py [--out out/examples/custom_catalog]

Prints the status counts and every explanation, and writes ``result.json``, ``result.csv``
and the catalog's threshold report (``thresholds.md``, ``thresholds.html``) under ``--out``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Literal

import pandas as pd

import xmqc_kpi as kpi

HERE = Path(__file__).resolve().parent
AS_OF = "2023-12-31"


def load() -> tuple[kpi.Catalog, pd.DataFrame, pd.DataFrame]:
    """The catalog, the wide data frame and the benchmarks, read from the files beside this one.

    Inputs are read in the units the catalog declares for them (经费 in 万元, 收入 in 亿元), so
    the CSV needs no ``units=``; blank cells are missing values, never zeros.
    """
    plan = kpi.load_catalog(HERE / "catalog.toml")  # a CatalogError lists every problem at once
    data = pd.read_csv(HERE / "data.csv", encoding="utf-8")
    benchmarks = pd.read_csv(HERE / "benchmarks.csv", encoding="utf-8")
    return plan, data, benchmarks


def run(out: Path, *, lang: Literal["zh", "en"] = "zh") -> kpi.Evaluation:
    """Evaluate the plan, print the summary and the explanations, write the result and report."""
    plan, data, benchmarks = load()
    result = kpi.evaluate(plan, data, benchmarks=benchmarks, as_of=AS_OF)

    with pd.option_context("display.width", 120):
        print(f"== {len(plan)} indicators of 示例市, as of {AS_OF} ==")
        print(result.summary(by="indicator_id").to_string())
        print("\n== by region ==")
        print(result.summary(by="region").to_string())
    print("\n== explanations ==")
    for row in result.to_frame(lang).itertuples(index=False):
        print(f"- [{row.status}] {row.explanation}")

    out.mkdir(parents=True, exist_ok=True)
    written = [
        out / "result.json",
        out / "result.csv",
        out / "thresholds.md",
        out / "thresholds.html",
    ]
    written[0].write_text(result.to_json(lang, indent=1), encoding="utf-8")
    result.to_frame(lang).to_csv(written[1], index=False, encoding="utf-8-sig")
    kpi.threshold_report(plan, format="md", lang=lang, path=written[2])
    kpi.threshold_report(plan, format="html", lang=lang, path=written[3])
    print("\nwrote " + ", ".join(str(path) for path in written))
    return result


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("out/examples/custom_catalog"))
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args(argv)
    run(args.out, lang=args.lang)


if __name__ == "__main__":
    main()
