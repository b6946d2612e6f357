"""The documentation site's examples are tests, and the site builds in strict mode.

* The examples of a page run in page order, as one session, in a fresh namespace and a
  temporary working directory (so any file an example writes lands there):
  every ```` ```pycon ```` block is a doctest; every ```` ```console ```` block is a shell
  session whose ``$ xmqc-kpi …`` commands are run (in this process, through
  :func:`xmqc_kpi.cli.main`) and their output compared with the text below them; a block with
  ``title="NAME"`` (a data or catalog file shown on the page) is written to NAME. ``...``
  matches anything and whitespace runs compare equal, as in doctests.
* Each ``pycon`` block checks something: at least one example with expected output.
* Python is shown only in ``pycon`` blocks, or as a file (``title="test_x.py"``) that a
  ``pycon`` example runs, so that no example escapes being run.
* ``mkdocs build --strict`` succeeds (a broken link, anchor, cross-reference or marker fails
  it), when MkDocs is installed.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from xmqc_kpi.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: Terminal width for the command line's help text, as docs/hooks.py renders it.
HELP_COLUMNS = 88

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
_TITLE = re.compile(r'title="([^"]+)"')


@dataclass(frozen=True)
class Block:
    """A fenced code block: its language, ``title="…"`` if any, first line (1-based), text."""

    language: str
    title: str | None
    line: int
    text: str


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, indented ones (in admonitions) included."""
    found: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    opened: tuple[str, str, str, str | None, int] | None = None
    content: list[str] = []
    for number, line in enumerate(lines, start=1):
        match = _FENCE.match(line)
        if opened is None:
            if match:
                info = match.group("info").strip()
                words = info.split()
                language = words[0].lstrip(".{") if words else ""
                title = _TITLE.search(info)
                opened = (
                    match.group("indent"),
                    match.group("fence"),
                    language,
                    title.group(1) if title else None,
                    number + 1,
                )
                content = []
            continue
        indent, fence, language, name, first = opened
        if match and match.group("fence").startswith(fence) and not match.group("info").strip():
            found.append(Block(language, name, first, "\n".join(content)))
            opened = None
        else:
            content.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
    assert opened is None, f"{page}: a code fence opened on line {opened[4] - 1} is not closed"
    return found


def page_id(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


def console_sessions(block: Block) -> list[tuple[list[str], str, int]]:
    """The ``$ …`` commands of a console block: arguments, expected output, line number."""
    sessions: list[tuple[list[str], str, int]] = []
    for offset, line in enumerate(block.text.splitlines()):
        if line.startswith("$ "):
            sessions.append((shlex.split(line[2:]), "", block.line + offset))
        elif sessions:
            words, want, number = sessions[-1]
            sessions[-1] = (words, f"{want}{line}\n", number)
    return sessions


def run_command(arguments: list[str]) -> tuple[int, str]:
    """Run ``xmqc-kpi ARGUMENTS`` in this process; its exit status and output (both streams)."""
    output = io.BytesIO()
    stream = io.TextIOWrapper(output, encoding="utf-8", write_through=True)
    with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream):
        try:
            status = main(arguments)
        except SystemExit as exit_:  # --help, --version and bad options, as argparse does
            status = exit_.code if isinstance(exit_.code, int) else 0
        stream.flush()
    return status, output.getvalue().decode("utf-8")


EXAMPLE_PAGES = [p for p in PAGES if any(b.language in {"pycon", "console"} for b in blocks(p))]


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=page_id)
def test_examples(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a page's examples in order in a temporary directory, as one session.

    ``pycon`` blocks are doctests sharing one namespace; ``console`` blocks run their
    ``$ xmqc-kpi …`` commands; a block with ``title="NAME"`` is written to the file NAME first.
    """
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", str(HELP_COLUMNS))
    parser = doctest.DocTestParser()
    checker = doctest.OutputChecker()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    report: list[str] = []
    for block in blocks(page):
        where = f"{page_id(page)}:{block.line}"
        if block.language == "pycon":
            test = parser.get_doctest(block.text, namespace, where, str(page), block.line - 1)
            with pd.option_context("display.width", 100, "display.max_columns", 10):
                runner.run(test, out=report.append, clear_globs=False)
            namespace = test.globs  # the test ran in a copy: carry its names to the next block
        elif block.language == "console":
            for words, want, number in console_sessions(block):
                assert words[0] == "xmqc-kpi", f"{page_id(page)}:{number}: only xmqc-kpi runs"
                status, got = run_command(words[1:])
                if not checker.check_output(want, got, FLAGS):
                    report.append(
                        f"{page_id(page)}:{number}: $ {shlex.join(words)} (exit {status})\n"
                        f"Expected:\n{want}Got:\n{got}\n"
                    )
        elif block.title is not None:
            (tmp_path / block.title).write_text(block.text + "\n", encoding="utf-8")
    if report:
        pytest.fail("".join(report), pytrace=False)


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=page_id)
def test_every_example_checks_something(page: Path) -> None:
    parser = doctest.DocTestParser()
    for block in blocks(page):
        if block.language == "pycon":
            examples = parser.get_examples(block.text)
            assert examples, f"{page_id(page)}:{block.line}: a pycon block without >>>"
            assert any(example.want.strip() for example in examples), (
                f"{page_id(page)}:{block.line}: the block shows no output, so checks nothing"
            )
        if block.language == "console":
            assert console_sessions(block), f"{page_id(page)}:{block.line}: no $ command"


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_python_is_only_shown_where_it_runs(page: Path) -> None:
    for block in blocks(page):
        if block.language in {"python", "py", "python3", "ipython"}:
            assert block.title is not None, (
                f"{page_id(page)}:{block.line}: write Python as a ```pycon doctest, so it is "
                'run, or as a file (title="NAME.py") that a pycon example runs'
            )


def test_site_builds_in_strict_mode(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    pytest.importorskip("mkdocstrings_handlers.python", reason="the docs extra is not installed")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "catalog" / "index.html").is_file()
    assert "municipal_sampling_pass_rate" in (tmp_path / "catalog" / "index.html").read_text(
        encoding="utf-8"
    )
