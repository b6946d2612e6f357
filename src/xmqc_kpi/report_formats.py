r"""Report formats as a registry: a new output format is one registered renderer.

Each report has one :class:`Formats` registry (:data:`THRESHOLD_FORMATS`,
:data:`EVALUATION_FORMATS`); the report functions, their ``format=`` check and the command
line's ``-f`` choices, ``-o`` suffixes and file encodings all read it, so a format is declared
once. A renderer takes what the report built (the threshold report's
:class:`~xmqc_kpi.reports._threshold_model.ThresholdDocument`, the evaluation's
:class:`~xmqc_kpi.reports.evaluation_report.EvaluationSource`) and returns text or bytes. It
is given as a callable or as ``"module:function"``, imported on first use, so that reading
this registry (``xmqc-kpi --help``) loads no dependency: it lives outside the reports
package for that reason, and :mod:`xmqc_kpi.reports` re-exports it.

>>> formats = Formats("greeting")
>>> formats.add("txt", lambda name: f"hello {name}", suffixes=(".txt",))
>>> formats.names, formats.from_suffix("out.TXT").name
(('txt',), 'txt')
>>> formats.get("pdf")
Traceback (most recent call last):
ValueError: format must be one of 'txt', not 'pdf'
>>> formats.get("txt").encode("hello 李") == "hello 李".encode()
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Generic, TypeVar

__all__ = ["EVALUATION_FORMATS", "THRESHOLD_FORMATS", "Format", "Formats"]

Source = TypeVar("Source")


@dataclass(frozen=True, slots=True)
class Format(Generic[Source]):
    """One output format of a report: its name, renderer, file suffixes and encoding."""

    name: str
    #: The renderer, or where it lives: ``"module:function"``.
    renderer: Callable[[Source], str | bytes] | str
    #: File suffixes that select the format from ``-o FILE`` (lower case, with the dot).
    suffixes: tuple[str, ...] = ()
    #: Bytes rather than text (a terminal cannot show it: the command line needs a file).
    binary: bool = False
    #: Text written to a file with a UTF-8 byte-order mark (CSV, so that Excel reads Chinese).
    bom: bool = False

    def render(self, source: Source) -> str | bytes:
        """Render ``source`` in this format."""
        renderer = self.renderer
        if isinstance(renderer, str):
            module, _, name = renderer.partition(":")
            renderer = getattr(importlib.import_module(module), name)
        rendered: str | bytes = renderer(source)
        return rendered

    def encode(self, content: str | bytes, *, to_file: bool = True) -> bytes:
        """The bytes to write: text as UTF-8 (with a byte-order mark in a file if :attr:`bom`)."""
        if isinstance(content, bytes):
            return content
        return content.encode("utf-8-sig" if self.bom and to_file else "utf-8")


class Formats(Generic[Source]):
    """The formats of one report, in the order they were added (the first is the default)."""

    def __init__(self, report: str) -> None:
        self.report = report
        self._formats: dict[str, Format[Source]] = {}

    def add(
        self,
        name: str,
        render: Callable[[Source], str | bytes] | str,
        *,
        suffixes: tuple[str, ...] = (),
        binary: bool = False,
        bom: bool = False,
    ) -> None:
        """Register ``render`` as the format ``name`` (replacing a format of that name)."""
        if not name.isidentifier() or name != name.lower():
            raise ValueError(f"a format name is a lower-case word, not {name!r}")
        if any(not suffix.startswith(".") for suffix in suffixes):
            raise ValueError(f"suffixes start with a dot: {suffixes!r}")
        self._formats[name] = Format(
            name, render, tuple(s.lower() for s in suffixes), binary=binary, bom=bom
        )

    def remove(self, name: str) -> None:
        """Unregister the format ``name``."""
        self.get(name)
        del self._formats[name]

    @property
    def names(self) -> tuple[str, ...]:
        """The format names, in the order they were added."""
        return tuple(self._formats)

    def get(self, name: object) -> Format[Source]:
        """The format ``name``; a :class:`ValueError` naming the choices when there is none."""
        if isinstance(name, str) and name in self._formats:
            return self._formats[name]
        options = ", ".join(repr(option) for option in self._formats)
        raise ValueError(f"format must be one of {options}, not {name!r}")

    def from_suffix(self, path: str | PurePath) -> Format[Source] | None:
        """The format a file name's suffix selects (``report.HTML`` → html), if any."""
        suffix = PurePath(path).suffix.lower()
        return next((f for f in self._formats.values() if suffix in f.suffixes), None)

    def __iter__(self) -> Iterator[Format[Source]]:
        return iter(self._formats.values())

    def __contains__(self, name: object) -> bool:
        return name in self._formats

    def __repr__(self) -> str:
        return f"<Formats of the {self.report}: {', '.join(self._formats)}>"


#: The package of the reports, whose renderers the built-in formats name.
_REPORTS = f"{__package__}.reports"

#: The threshold report's formats; the first is the default.
THRESHOLD_FORMATS: Formats[Any] = Formats("threshold report")
THRESHOLD_FORMATS.add("md", f"{_REPORTS}._threshold_render:render_markdown", suffixes=(".md",))
THRESHOLD_FORMATS.add(
    "html", f"{_REPORTS}._threshold_render:render_html", suffixes=(".html", ".htm")
)
THRESHOLD_FORMATS.add(
    "xlsx", f"{_REPORTS}._threshold_render:render_xlsx", suffixes=(".xlsx",), binary=True
)
THRESHOLD_FORMATS.add(
    "csv", f"{_REPORTS}._threshold_render:render_csv", suffixes=(".csv",), bom=True
)
THRESHOLD_FORMATS.add("json", f"{_REPORTS}._threshold_render:render_json", suffixes=(".json",))

#: The evaluation report's formats; the first is the default.
EVALUATION_FORMATS: Formats[Any] = Formats("evaluation report")
_EVALUATION = f"{_REPORTS}.evaluation_report"
EVALUATION_FORMATS.add("html", f"{_EVALUATION}:render_html", suffixes=(".html", ".htm"))
EVALUATION_FORMATS.add("md", f"{_EVALUATION}:render_markdown", suffixes=(".md",))
EVALUATION_FORMATS.add(
    "xlsx", f"{_REPORTS}._evaluation_xlsx:render_xlsx", suffixes=(".xlsx",), binary=True
)
EVALUATION_FORMATS.add("json", f"{_EVALUATION}:render_json", suffixes=(".json",))
EVALUATION_FORMATS.add("csv", f"{_EVALUATION}:render_csv", suffixes=(".csv",), bom=True)
EVALUATION_FORMATS.add("pdf", f"{_REPORTS}._pdf:evaluation_pdf", suffixes=(".pdf",), binary=True)
THRESHOLD_FORMATS.add("pdf", f"{_REPORTS}._pdf:threshold_pdf", suffixes=(".pdf",), binary=True)
