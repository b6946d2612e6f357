"""The display hook: how the model shows itself without importing presentation.

The model (results, indicators, catalogs) renders nothing. Its ``_repr_html_`` methods and
:meth:`~xmqc_kpi.Evaluation.plot` ask this registry for the renderer of a *view* (``"html"``,
``"figure"``) and of a *subject* (``"evaluation"``, ``"assessment"``, ``"indicator"``,
``"catalog"``); presentation modules register their renderers with :func:`register`. The
pattern is pint's ``PrettyIPython``: the object delegates to a formatter found by name.

Where the package's own renderers live is data, :data:`PROVIDERS`: a view with no renderer
registered yet imports its provider once, by name, and the provider registers itself when
imported. So nothing here, nor in the model, imports presentation; a user may register their
own renderer for any view and subject (registering replaces). Without any renderer, the HTML
view falls back to the object's ``repr``, escaped, so the model works with no presentation.

>>> register("html", "greeting", lambda subject, lang: f"<b>{subject}</b>")
>>> html("greeting", "hello")
'<b>hello</b>'
>>> html("no_such_subject", "<x>")
'<pre>&#x27;&lt;x&gt;&#x27;</pre>'
"""

from __future__ import annotations

import html as _html
import importlib
import os
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Protocol

from .text import Language

__all__ = ["PROVIDERS", "Figure", "figure", "html", "register", "renderer"]

#: A renderer: the subject first, then the language (and the view's own options).
Renderer = Callable[..., Any]

#: The module that registers the package's renderers of each view, imported on first use.
PROVIDERS: Mapping[str, str] = MappingProxyType(
    {"html": "xmqc_kpi.notebook", "figure": "xmqc_kpi.notebook"}
)

_REGISTRY: dict[tuple[str, str], Renderer] = {}
_LOADED: set[str] = set()


class Figure(Protocol):
    """What the ``"figure"`` view returns: charts that display themselves and can be saved."""

    title: str
    charts: tuple[str, ...]

    def _repr_html_(self) -> str: ...

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the charts as a self-contained HTML page."""


def register(view: str, subject: str, renderer: Renderer) -> None:
    """Make ``renderer`` draw ``subject`` in ``view`` (it replaces any renderer before it)."""
    _REGISTRY[view, subject] = renderer


def renderer(view: str, subject: str) -> Renderer | None:
    """The renderer of ``subject`` in ``view``, loading the view's provider once if needed."""
    found = _REGISTRY.get((view, subject))
    provider = PROVIDERS.get(view)
    if found is None and provider is not None and provider not in _LOADED:
        _LOADED.add(provider)
        importlib.import_module(provider)  # the provider registers its renderers
        found = _REGISTRY.get((view, subject))
    return found


def html(subject: str, value: object, lang: Language | None = None) -> str:
    """``value`` as notebook HTML (a model's ``_repr_html_``); its ``repr`` without renderer."""
    draw = renderer("html", subject)
    if draw is None:
        return f"<pre>{_html.escape(repr(value))}</pre>"
    text: str = draw(value, lang)
    return text


def figure(subject: str, value: object, lang: Language | None = None, **options: Any) -> Figure:
    """The charts of ``value`` (``options`` name what to draw, e.g. ``indicator_id``)."""
    draw = renderer("figure", subject)
    if draw is None:
        raise LookupError(f"no renderer is registered for figures of {subject!r}")
    shown: Figure = draw(value, lang, **options)
    return shown
