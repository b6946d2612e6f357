"""An auditor's use of xmqc_kpi: the threshold report and the evaluation report of the sample.

    .venv/bin/python examples/auditor.py [OUT] [--lang zh|en] [--as-of 2015-12-31]

The threshold report traces every threshold of the built-in catalog to the plan (厦府〔2013〕
98号): its clause, exact wording, formula, comparison, deadline and responsible units, and how
vague wording (以上, 低于, 前列, 不断提高) was read. The evaluation report gives the verdicts of
the bundled sample, with the inputs they were computed from. Both are generated from the
declarations and the data, never written by hand, and are byte-identical from run to run, so an
auditor can diff two runs. Writes into OUT (default ``out/examples/auditor``):

* ``thresholds.md``, ``thresholds.html``, ``thresholds.xlsx``
* ``evaluation.html``, ``evaluation.xlsx``

The XLSX files need ``openpyxl`` (the ``report`` extra).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Literal

import xmqc_kpi as kpi

THRESHOLD_FORMATS: tuple[Literal["md", "html", "xlsx"], ...] = ("md", "html", "xlsx")


def write_reports(
    out: Path, *, lang: Literal["zh", "en"] = "zh", as_of: str = "2015-12-31"
) -> list[Path]:
    """Write the five report files into ``out`` and return their paths, in writing order."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for format in THRESHOLD_FORMATS:
        path = out / f"thresholds.{format}"
        kpi.threshold_report(format=format, lang=lang, path=path)
        written.append(path)

    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of=as_of)
    html = out / "evaluation.html"
    kpi.evaluation_report(result, format="html", lang=lang, path=html)
    xlsx = out / "evaluation.xlsx"
    kpi.evaluation_report(result, format="xlsx", lang=lang, path=xlsx)
    return [*written, html, xlsx]


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: write the reports and list them with their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out", nargs="?", type=Path, default=Path("out/examples/auditor"))
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--as-of", default="2015-12-31", help="evaluation date of the sample")
    args = parser.parse_args(argv)
    for path in write_reports(args.out, lang=args.lang, as_of=args.as_of):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
