"""PDF for filing: a report's HTML page printed on A4 by a headless Chromium.

The browser is found on ``PATH`` (``chromium``, ``chromium-browser``, ``google-chrome``) or
named by the environment variable :data:`BROWSER_VARIABLE`; it runs as a subprocess with its
own throw-away profile, offline flags and ``--print-to-pdf``, so nothing beyond the standard
library is needed here. Chromium embeds the fonts it used (the CJK ones included) and prints
the page numbers the report's ``@page`` rule asks for.

Chromium stamps a creation and a modification date into every PDF; they are replaced by a
fixed date, digit for digit (so the cross-reference offsets stay right), which makes the PDF
of the same report identical from one run to the next on the same browser and fonts. A
different Chromium or font version may still lay the page out differently.

>>> fixed_dates(b"<</CreationDate (D:20261202130522+00'00')>>")
b"<</CreationDate (D:20130101000000+00'00')>>"
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..text import Language, resolve_language
from ..text.report_print import PDF

__all__ = [
    "BROWSER_NAMES",
    "BROWSER_VARIABLE",
    "BrowserNotFound",
    "PdfError",
    "evaluation_pdf",
    "find_browser",
    "fixed_dates",
    "html_to_pdf",
    "threshold_pdf",
]

#: The environment variable that names the browser to print with.
BROWSER_VARIABLE = "XMQC_KPI_CHROMIUM"
#: The browsers looked for on ``PATH``, in this order.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome")
#: Flags that keep the browser headless, offline and quiet (also as root in a container).
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)
#: Seconds a browser is given to print a report.
TIMEOUT = 180

_DATES = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)\d{14}")


class PdfError(RuntimeError):
    """A PDF could not be made; :attr:`code` names why, :meth:`message_in` says it."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message_in(None))

    def message_in(self, lang: Language | None) -> str:
        """The message in ``lang`` (the active language when ``None``)."""
        language = resolve_language(lang)
        fields = dict(self.params)
        fields["install"] = PDF.say("install", language, variable=BROWSER_VARIABLE)
        return PDF.say(self.code, language, **fields)


class BrowserNotFound(PdfError):
    """No Chromium to print with: none on ``PATH``, or the one named cannot be run."""


def find_browser() -> str | None:
    """The browser to print with: :data:`BROWSER_VARIABLE` if set, else the first on ``PATH``.

    >>> import os
    >>> os.environ[BROWSER_VARIABLE] = "/opt/my-chromium"
    >>> find_browser()
    '/opt/my-chromium'
    >>> del os.environ[BROWSER_VARIABLE]
    """
    named = os.environ.get(BROWSER_VARIABLE)
    if named:
        return named
    return next((found for name in BROWSER_NAMES if (found := shutil.which(name))), None)


def html_to_pdf(html: str, *, browser: str | None = None) -> bytes:
    """Print an HTML page (self-contained, no external resource) to A4 PDF bytes.

    Raises :class:`BrowserNotFound` (code ``browser_not_found`` or ``browser_not_runnable``)
    without a usable browser, :class:`PdfError` (``pdf_failed``, ``pdf_timeout``) when the
    browser fails.
    """
    executable = browser or find_browser()
    if executable is None:
        raise BrowserNotFound("browser_not_found", names=", ".join(BROWSER_NAMES))
    resolved = shutil.which(executable)
    if resolved is None:
        raise BrowserNotFound("browser_not_runnable", variable=BROWSER_VARIABLE, path=executable)
    with tempfile.TemporaryDirectory(prefix="xmqc_kpi_pdf_") as folder:
        work = Path(folder)
        page = work / "report.html"
        page.write_text(html, encoding="utf-8")
        target = work / "report.pdf"
        command = [
            resolved,
            *BROWSER_FLAGS,
            f"--user-data-dir={work / 'profile'}",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfError("pdf_timeout", browser=executable, seconds=TIMEOUT) from exc
        except OSError as exc:
            raise BrowserNotFound(
                "browser_not_runnable", variable=BROWSER_VARIABLE, path=executable
            ) from exc
        if done.returncode != 0 or not target.exists() or target.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise PdfError(
                "pdf_failed", browser=executable, exit_code=done.returncode, detail=detail[0][:300]
            )
        return fixed_dates(target.read_bytes())


def fixed_dates(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates set to 2013-01-01 (same length)."""
    return _DATES.sub(lambda m: m[1] + b"20130101000000", pdf)


def evaluation_pdf(source: Any) -> bytes:
    """The evaluation report's HTML (an ``EvaluationSource``), printed to PDF."""
    from .evaluation_report import render_html

    return html_to_pdf(render_html(source))


def threshold_pdf(document: Any) -> bytes:
    """The threshold report's HTML (a ``ThresholdDocument``), printed to PDF."""
    from ._threshold_render import render_html

    return html_to_pdf(render_html(document))
