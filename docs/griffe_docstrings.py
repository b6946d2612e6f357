"""A griffe extension that makes the package's docstrings read well as Markdown.

The docstrings are written for pydoc and doctest (numpy style, reStructuredText inline markup).
mkdocstrings renders them as Markdown, where three habits of theirs would read badly:

* a doctest outside a numpy ``Examples`` section (in a module or method summary) would become
  nested block quotes (``>>>``): it is fenced as a ``pycon`` code block;
* a reStructuredText literal block introduced by ``::`` keeps its indented code, but the
  paragraph would end in a double colon: it ends in one;
* attributes documented by ``#:`` comments above them (as Sphinx reads them) have no docstring
  for griffe: the comment becomes the attribute's docstring.

Sphinx roles (``:func:`evaluate```) are handled after rendering, by ``hooks.py``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from griffe import Alias, Attribute, Docstring, Extension, GriffeLoader, Object

_SECTION_RULE = re.compile(r"^\s*-{3,}\s*$")


@cache
def _source_lines(path: str) -> tuple[str, ...]:
    return tuple(Path(path).read_text(encoding="utf-8").splitlines())


def _comment_above(attr: Attribute) -> str | None:
    """The ``#:`` comment lines right above an attribute's first line, joined."""
    filepath = attr.filepath
    if not isinstance(filepath, Path) or attr.lineno is None:
        return None
    lines = _source_lines(str(filepath))
    index = attr.lineno - 2  # the line above, 0-based
    found: list[str] = []
    while index >= 0 and lines[index].strip().startswith("#:"):
        found.insert(0, lines[index].strip()[2:].strip())
        index -= 1
    return "\n".join(found) if found else None


def markdown_docstring(text: str) -> str:
    """Fence doctests outside numpy ``Examples`` sections and end ``::`` paragraphs in ``:``.

    A doctest block runs from a ``>>>`` line to the next blank line.
    """
    lines = text.splitlines()
    out: list[str] = []
    in_examples = False
    in_doctest = False
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if line.strip() and _SECTION_RULE.match(following) and not in_doctest:
            in_examples = line.strip() == "Examples"
        if in_doctest and not line.strip():
            out += ["```", line]
            in_doctest = False
            continue
        if not in_examples and not in_doctest and line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            in_doctest = True
        if not in_doctest and line.rstrip().endswith("::") and line.strip() != "::":
            line = line.rstrip()[:-1]
        out.append(line)
    if in_doctest:
        out.append("```")
    return "\n".join(out)


class DocstringMarkdown(Extension):
    """Adapt every docstring of the loaded package for Markdown (see the module docstring)."""

    def on_object(self, *, obj: Object, loader: GriffeLoader, **kwargs: Any) -> None:
        """Give ``#:``-commented attributes a docstring, then adapt the docstring's text."""
        if isinstance(obj, Alias):
            return
        if obj.docstring is None and isinstance(obj, Attribute):
            comment = _comment_above(obj)
            if comment is not None:
                obj.docstring = Docstring(
                    comment,
                    lineno=obj.lineno,
                    parent=obj,
                    parser=loader.docstring_parser,
                    parser_options=loader.docstring_options,
                )
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)
