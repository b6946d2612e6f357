"""``python -m xmqc_kpi.demo``: evaluate the bundled sample against the full catalog.

Prints counts of each status overall, by plan section and by region, then every indicator
not met with its explanation, and writes under ``--out`` the full result as CSV and JSON,
the auditors' threshold report (HTML, Markdown, XLSX) and the evaluation report (HTML, XLSX),
and both reports as PDF when a headless Chromium is found (saying so when none is).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from .catalogs import Catalog, catalog
from .engine import evaluate
from .reports import evaluation_report, threshold_report
from .reports._pdf import PdfError, find_browser
from .results import Evaluation
from .safe_text import replace_controls
from .sample import sample_data
from .text import LANGUAGES, Language, resolve_language
from .text.cli import DEMO
from .text.report_print import PDF
from .text.statuses import status_word


def summary_tables(result: Evaluation, lang: Language | None = None) -> dict[str, pd.DataFrame]:
    """Status counts overall, by plan section and by region, titled in ``lang``."""
    return {
        DEMO.say("overall", lang): result.summary(),
        DEMO.say("by_section", lang): result.summary(by="section"),
        DEMO.say("by_region", lang): result.summary(by="region"),
    }


def run(out: Path, *, lang: Language | None = None, as_of: str = "2015-12-31") -> Evaluation:
    """Evaluate the sample, print the summary, write the results and both reports."""
    lang = resolve_language(lang)
    indicators = catalog(supplementary=True)  # the 42, then the supplementary indicators
    result = evaluate(indicators, **sample_data(), as_of=as_of)
    with pd.option_context("display.width", 160, "display.max_columns", 20):
        for title, table in summary_tables(result, lang).items():
            print("\n" + DEMO.say("heading", lang, title=title))
            shown = table.rename(columns=lambda status: status_word(status, lang))
            print(shown.rename_axis(columns=None).to_string())
        not_met = result.not_met(lang)
        print("\n" + DEMO.say("heading", lang, title=DEMO.say("not_met", lang, count=len(not_met))))
        for row in not_met.itertuples(index=False):
            line = DEMO.say(
                "item", lang, region=row.region, period=row.period, explanation=row.explanation
            )
            print(replace_controls(line))
    out.mkdir(parents=True, exist_ok=True)
    result.to_frame(lang).to_csv(out / "result.csv", index=False, encoding="utf-8-sig")
    (out / "result.json").write_text(result.to_json(lang, indent=1), encoding="utf-8")
    threshold_report(indicators, format="html", lang=lang, path=out / "thresholds.html")
    threshold_report(indicators, format="md", lang=lang, path=out / "thresholds.md")
    threshold_report(indicators, format="xlsx", lang=lang, path=out / "thresholds.xlsx")
    evaluation_report(result, format="html", lang=lang, path=out / "evaluation.html")
    evaluation_report(result, format="xlsx", lang=lang, path=out / "evaluation.xlsx")
    names = ("result.csv", "result.json", "thresholds.html", "thresholds.md", "thresholds.xlsx")
    written = [out / name for name in (*names, "evaluation.html", "evaluation.xlsx")]
    print("\n" + DEMO.say("wrote", lang))
    for path in written:
        print(f"  {path}")
    _write_pdfs(result, indicators, out, lang)
    return result


def _write_pdfs(result: Evaluation, indicators: Catalog, out: Path, lang: Language) -> None:
    """Both reports as PDF beside the others, or a line saying why there are none."""
    try:
        pdfs = (out / "thresholds.pdf", out / "evaluation.pdf")
        threshold_report(indicators, format="pdf", lang=lang, path=pdfs[0])
        evaluation_report(result, format="pdf", lang=lang, path=pdfs[1])
    except PdfError as error:
        print("\n" + PDF.say("demo_skipped", lang, reason=error.message_in(lang)))
        return
    print("\n" + PDF.say("demo_written", lang, browser=find_browser()))
    for path in pdfs:
        print(f"  {path}")


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point of the demo."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/demo"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None)
    parser.add_argument("--as-of", default="2015-12-31")
    args = parser.parse_args(argv)
    run(args.out, lang=args.lang, as_of=args.as_of)


if __name__ == "__main__":
    main()
