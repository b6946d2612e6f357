"""The HTML reports as a reader sees them: opened in a real headless Chromium.

The browser is Debian's ``chromium`` driven by Playwright (``executable_path``, so Playwright
never downloads a browser of its own). ``.ci/run`` installs it and sets
``XMQC_KPI_REQUIRE_BROWSER=1``, which turns a missing browser into a failure; elsewhere the
tests are skipped with a message saying how to enable them. Screenshots (the first screen)
and A4 PDFs (the whole report) are written under ``out/browser/`` for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi.reports import evaluation_report, threshold_report

SHOTS = Path(__file__).resolve().parents[1] / "out" / "browser"
HOSTILE = "<script>alert(1)</script>"

#: Flags that keep Chromium off the network of a closed CI machine and quiet as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    return os.environ.get("XMQC_KPI_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module, or a skip (a failure where it is required)."""
    executable = _chromium()
    missing = None
    if executable is None:
        missing = "no chromium found"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            missing = "playwright is not installed (pip install -e '.[dev]')"
    if missing is not None:
        if os.environ.get("XMQC_KPI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here, but {missing}")
        pytest.skip(
            f"{missing}: install Debian's chromium (apt-get install chromium) "
            "or point XMQC_KPI_CHROMIUM at a Chromium binary to run the browser tests"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Opened:
    """A report opened in a page, with everything the page complained about."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _open(browser: Any, html: str, name: str, tmp_path: Path) -> Opened:
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    opened = Opened(page)

    def on_console(message: Any) -> None:
        if message.type == "error":
            opened.console_errors.append(message.text)

    def on_dialog(dialog: Any) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_request(request: Any) -> None:
        if not request.url.startswith("file:"):
            opened.console_errors.append(f"network request to {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.on("request", on_request)
    page.goto(path.as_uri(), wait_until="load")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{name}.png"
    # The first screen a reader sees. Not full_page: the evaluation report of the sample is
    # about 80,000 px tall, and a full-page PNG of it (95 million pixels, 21 MB) takes Chromium
    # tens of seconds; the whole report is written as an A4 PDF by _a4_pages instead.
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000, "the screenshot is blank"
    return opened


def _visible_sections(page: Any, ids: list[str]) -> list[str]:
    missing = []
    for indicator_id in ids:
        box = page.locator(f"section.indicator[id='{indicator_id}']").bounding_box()
        if box is None or box["height"] <= 0:
            missing.append(indicator_id)
    return missing


def _a4_pages(page: Any, name: str) -> int:
    pdf = page.pdf(format="A4", print_background=True)
    (SHOTS / f"{name}.pdf").write_bytes(pdf)
    return int(pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"))


def test_threshold_report_opens_cleanly_with_every_indicator(browser: Any, tmp_path: Path) -> None:
    """No console error, no network request, every indicator's section shown, prints on A4."""
    ids = kpi.catalog().ids
    opened = _open(browser, str(threshold_report(format="html")), "threshold_report", tmp_path)
    assert opened.console_errors == []
    assert _visible_sections(opened.page, list(ids)) == []
    assert "以上" in opened.page.inner_text("body")
    assert _a4_pages(opened.page, "threshold_report") >= 2
    opened.page.close()


def test_evaluation_report_opens_cleanly_with_sections_and_charts(
    browser: Any, tmp_path: Path
) -> None:
    """Every evaluated indicator has its section and a drawn chart; nothing errs."""
    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")
    html = str(evaluation_report(result, format="html"))
    opened = _open(browser, html, "evaluation_report", tmp_path)
    page = opened.page
    assert opened.console_errors == []
    ids = [indicator.id for indicator in result.indicators]
    assert _visible_sections(page, ids) == []
    charts = page.locator("svg.chart")
    assert charts.count() >= len(ids)
    drawn = page.evaluate(
        "() => Array.from(document.querySelectorAll('svg.chart'))"
        ".filter(s => s.getBBox().width > 0 && s.querySelectorAll('*').length > 3).length"
    )
    assert drawn == charts.count()
    printed = _a4_pages(page, "evaluation_report")
    assert 10 <= printed <= 40  # an auditor reads it in print (it was 197 pages)
    page.close()


def _shown(page: Any, selector: str) -> list[str]:
    """The ids (or region tags) of the elements matched that the screen shows."""
    return list(
        page.evaluate(
            "(s) => Array.from(document.querySelectorAll(s))"
            ".filter(e => e.getClientRects().length > 0)"
            ".map(e => e.id || e.getAttribute('data-region'))",
            selector,
        )
    )


def test_evaluation_report_filters_narrow_what_the_screen_shows(
    browser: Any, tmp_path: Path
) -> None:
    """Status, region, section and unit filters hide what does not match; print shows all."""
    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")
    frame = result.to_frame()
    opened = _open(browser, str(evaluation_report(result)), "evaluation_filters", tmp_path)
    page = opened.page
    every = _shown(page, "section.indicator")
    assert len(every) == len(result.indicators)
    page.select_option("select[name=status]", "not_met")
    failing = set(frame.loc[frame["status"] == "not_met", "indicator_id"])
    assert set(_shown(page, "section.indicator")) == failing
    assert set(_shown(page, "#not-met tbody tr")) <= set(frame["region"].dropna())
    page.select_option("select[name=region]", "思明区")
    rows = _shown(page, "section.indicator tbody tr[data-status]")
    assert rows
    assert set(rows) == {"思明区"}
    wanted = frame[(frame["status"] == "not_met") & (frame["region"] == "思明区")]
    assert set(_shown(page, "section.indicator")) == set(wanted["indicator_id"])
    page.select_option("select[name=status]", "")
    page.select_option("select[name=region]", "")
    page.select_option("select[name=section]", "5")
    in_section = {i.id for i in result.indicators if i.section == "5"}
    assert set(_shown(page, "section.indicator")) == in_section
    unit = "市质监局"
    page.select_option("select[name=section]", "")
    page.select_option("select[name=unit]", unit)
    assert set(_shown(page, "section.indicator")) == {
        i.id for i in result.indicators if unit in i.responsible.units
    }
    assert page.locator("#filter-none").is_hidden()
    page.emulate_media(media="print")  # printing shows everything, whatever is chosen
    assert len(_shown(page, "section.indicator")) == len(result.indicators)
    assert opened.console_errors == []
    page.close()


def test_evaluation_report_is_complete_without_script(browser: Any, tmp_path: Path) -> None:
    """Without script, every section shows and the filter form (useless then) does not."""
    result = kpi.evaluate(kpi.catalog(), **kpi.sample_data(), as_of="2015-12-31")
    path = tmp_path / "noscript.html"
    path.write_text(str(evaluation_report(result, lang="en")), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri(), wait_until="load")
    assert len(_shown(page, "section.indicator")) == len(result.indicators)
    assert page.locator("#report-filters").is_hidden()
    assert "Targets not met" in page.inner_text("body")
    context.close()


def test_hostile_names_render_as_text_and_run_nothing(browser: Any, tmp_path: Path) -> None:
    """A region named like a script shows as text; no dialog opens."""
    rate = kpi.catalog()["municipal_sampling_pass_rate"]
    data = pd.DataFrame(
        {
            "region": [HOSTILE, "思明区"],
            "period": [2013, 2013],
            "municipal_sampled_batches": [1200, 50],
            "municipal_passed_batches": [1160, 47],
        }
    )
    html = str(evaluation_report(kpi.evaluate(rate, data), format="html"))
    opened = _open(browser, html, "hostile_region", tmp_path)
    assert opened.dialogs == []
    assert opened.console_errors == []
    assert HOSTILE in opened.page.inner_text("body")
    assert opened.page.locator("script").count() == 1  # the report's own filters only
    opened.page.close()
