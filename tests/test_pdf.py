"""PDF for filing: the reports printed by a headless Chromium (reports/_pdf.py).

The printing tests need a Chromium: ``.ci/run`` installs Debian's and sets
``XMQC_KPI_REQUIRE_BROWSER=1``, which turns a missing browser into a failure; elsewhere they
are skipped with a message saying how to enable them. The error raised without a browser is
tested everywhere.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

import xmqc_kpi as kpi
from xmqc_kpi.report_formats import EVALUATION_FORMATS, THRESHOLD_FORMATS
from xmqc_kpi.reports import evaluation_report
from xmqc_kpi.reports._pdf import BROWSER_VARIABLE, BrowserNotFound, find_browser, fixed_dates


def small_result() -> kpi.Evaluation:
    rate = kpi.catalog()["national_sampling_pass_rate"]
    data = pd.DataFrame(
        {
            "region": ["思明区", "湖里区"],
            "period": [2013, 2013],
            "national_sampled_batches": [50, 40],
            "national_passed_batches": [47, 30],
        }
    )
    return kpi.evaluate(rate, data, as_of="2014-01-01")


def pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(BROWSER_VARIABLE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no chromium on it


@pytest.fixture(scope="module")
def browser() -> str:
    found = find_browser()
    if found is None:
        if os.environ.get("XMQC_KPI_REQUIRE_BROWSER") == "1":
            pytest.fail("PDF tests are required here, but no chromium was found")
        pytest.skip(f"no chromium: apt-get install chromium, or set {BROWSER_VARIABLE}")
    return found


def test_pdf_is_a_format_of_both_reports() -> None:
    for formats in (EVALUATION_FORMATS, THRESHOLD_FORMATS):
        chosen = formats.get("pdf")
        assert chosen.binary
        assert formats.from_suffix("report.PDF") is chosen


def test_without_a_browser_the_error_says_how_to_install_one(no_browser: None) -> None:
    with pytest.raises(BrowserNotFound) as raised:
        evaluation_report(small_result(), format="pdf")
    error = raised.value
    assert error.code == "browser_not_found"
    chinese, english = error.message_in("zh"), error.message_in("en")
    assert "apt-get install chromium" in chinese
    assert BROWSER_VARIABLE in chinese
    assert "Chromium" in english
    assert BROWSER_VARIABLE in english
    assert "chromium-browser" in english  # the names looked for
    assert "，" in chinese
    assert "," not in chinese.split("（")[0]


def test_a_named_browser_that_does_not_exist_is_reported(
    no_browser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BROWSER_VARIABLE, "/nonexistent/chromium")
    with pytest.raises(BrowserNotFound) as raised:
        kpi.threshold_report(format="pdf")
    assert raised.value.code == "browser_not_runnable"
    assert "/nonexistent/chromium" in raised.value.message_in("en")


def test_fixed_dates_keep_the_length_of_the_file() -> None:
    given = b"<</CreationDate (D:20261202130522+00'00')\n/ModDate (D:20261202130523Z)>>"
    fixed = fixed_dates(given)
    assert len(fixed) == len(given)
    assert re.findall(rb"D:(\d{14})", fixed) == [b"20130101000000"] * 2


def test_evaluation_pdf_is_a4_with_embedded_cjk_fonts_and_the_same_bytes_twice(
    browser: str, tmp_path: Path
) -> None:
    result = small_result()
    pdf = evaluation_report(result, format="pdf", path=tmp_path / "r.pdf")
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF-")
    assert (tmp_path / "r.pdf").read_bytes() == pdf
    assert pages(pdf) >= 1
    assert b"/MediaBox [0 0 594.95996 841.91998]" in pdf or b"/MediaBox [0 0 595" in pdf  # A4
    assert b"/FontFile2" in pdf or b"/FontFile3" in pdf  # fonts embedded
    assert b"CJK" in pdf or b"Han" in pdf  # a CJK font among them (Noto Sans CJK)
    assert b"D:20130101000000" in pdf  # no date of the run
    assert evaluation_report(result, format="pdf") == pdf
