"""Small hand-written SVG charts: values against a threshold, across categories.

The charts know nothing of indicators: a :class:`Chart` is categories (regions or periods),
one or more :class:`Series` of numbers with the status of each point, and an optional
reference (the threshold at each category). :func:`dot_chart` draws one series as dots,
:func:`line_chart` draws one line per series. Both return an ``<svg class="chart">`` element
with ``role="img"`` and a ``<title>``, valid as XML and as inline HTML.

Everything is deterministic and safe: coordinates have one decimal, numbers a fixed number of
decimals, every text is escaped, and a missing value (NaN) is a gap, never an error. A
reference that is the same at every category is one straight line (``class="threshold"``);
one that varies is drawn per category. A :class:`ProgressChart` is drawn over time instead
(:func:`progress_chart`): each region's path, the target line, the deadline and, dashed, where
the pace observed so far leads by the deadline.

>>> chart = Chart(
...     title="Pass rate",
...     categories=("A", "B"),
...     series=(Series("2015", (96.5, float("nan")), ("met", "insufficient_data")),),
...     reference=(96.0, 96.0),
...     reference_label="target ≥ 96",
... )
>>> svg = dot_chart(chart)
>>> svg.startswith('<svg class="chart"') and '<line class="threshold"' in svg
True
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ._markup import STATUS_COLOURS, escape

__all__ = ["Chart", "ProgressChart", "Series", "Track", "dot_chart", "line_chart", "progress_chart"]

#: Okabe–Ito colours (colour-blind safe), then the same with dashes for more series.
_PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
_DASHES = ("", "5 3", "2 2")
_INK = "#1d2733"
_MUTED = "#5b6675"
_GRID = "#e3e8ee"
_THRESHOLD = "#b8322a"

_WIDTH = 640.0
_LEFT = 64.0
_RIGHT = 24.0
_TOP = 30.0
_PLOT_HEIGHT = 170.0
_LEGEND_ROW = 18.0
_LEGEND_ITEM = 150.0
_LABEL_CHARS = 20


@dataclass(frozen=True)
class Series:
    """One line (or row of dots): a value and a status per category; NaN is a gap.

    >>> Series("厦门市", (1.0, 2.0), ("met", "not_met")).label
    '厦门市'
    """

    label: str
    values: tuple[float, ...]
    statuses: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    """What to draw: categories along x, series of values, and the threshold to compare with.

    ``reference`` is empty (no threshold) or one number per category (NaN where unknown).
    ``reversed_axis`` puts the smallest value at the top (ranks: 1 is best). ``status_labels``
    names the statuses the dots are coloured by, for the legend.
    """

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    reference: tuple[float, ...] = ()
    reference_label: str = ""
    axis_label: str = ""
    decimals: int = 2
    reversed_axis: bool = False
    status_labels: tuple[tuple[str, str], ...] = ()
    no_data_label: str = "no data"


@dataclass(frozen=True)
class _Scale:
    """A linear map from values to y pixels with 'nice' ticks."""

    low: float
    high: float
    step: float
    reversed_axis: bool

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        if self.reversed_axis:
            share = 1.0 - share
        return _TOP + _PLOT_HEIGHT * (1.0 - share)

    def ticks(self) -> Iterator[float]:
        first = math.ceil(self.low / self.step - 1e-9)
        last = math.floor(self.high / self.step + 1e-9)
        for k in range(first, last + 1):
            yield k * self.step

    @property
    def decimals(self) -> int:
        return max(0, -math.floor(math.log10(self.step) + 1e-9))


def dot_chart(chart: Chart) -> str:
    """One dot per category for the first series, with value labels and the threshold.

    >>> svg = dot_chart(Chart("t", ("A",), (Series("s", (float("nan"),), ("missing",)),)))
    >>> "no data" in svg
    True
    """
    return _render(chart, lines=False)


def line_chart(chart: Chart) -> str:
    """One line per series across the categories, with the threshold drawn in.

    >>> series = (Series("A", (1.0, float("nan"), 3.0), ("met",) * 3),)
    >>> svg = line_chart(Chart("t", ("2013", "2014", "2015"), series, reference=(2.0,) * 3))
    >>> svg.count('class="series"'), svg.count('class="threshold"')
    (0, 1)
    """
    return _render(chart, lines=True)


def _render(chart: Chart, *, lines: bool) -> str:
    series = chart.series if lines else chart.series[:1]
    values = [v for s in series for v in s.values if math.isfinite(v)]
    references = [v for v in chart.reference if math.isfinite(v)]
    legend = _legend_items(chart, series, lines=lines)
    rows = math.ceil(len(legend) / _legend_columns())
    rotate = len(chart.categories) > 8
    axis_bottom = _TOP + _PLOT_HEIGHT + (64.0 if rotate else 28.0)
    height = axis_bottom + rows * _LEGEND_ROW + 6.0
    parts = _svg_head("chart", height, chart.title)
    scale = _scale(values + references or [0.0, 1.0], reversed_axis=chart.reversed_axis)
    parts.extend(_axes(chart, scale, rotate=rotate))
    parts.extend(_reference(chart, scale, lines=lines))
    if series:
        parts.extend(_lines(chart, series, scale) if lines else _dots(chart, series[0], scale))
    if not values:
        parts.append(_no_data(chart))
    parts.extend(_legend(legend, axis_bottom))
    parts.append("</svg>")
    return "\n".join(parts)


def _scale(numbers: Sequence[float], *, reversed_axis: bool = False) -> _Scale:
    low, high = min(numbers), max(numbers)
    if reversed_axis:  # ranks: whole numbers from 1
        low, high = min(low, 1.0), high
    span = high - low
    pad = span * 0.08 if span > 0 else max(abs(high) * 0.1, 1.0)
    low, high = low - pad, high + pad
    step = _nice_step((high - low) / 4.0)
    if reversed_axis:
        step = max(step, 1.0)
    return _Scale(low, high, step, reversed_axis)


def _nice_step(raw: float) -> float:
    """The smallest of 1, 2, 5 × 10^k at least ``raw``.

    >>> _nice_step(0.3), _nice_step(7.0), _nice_step(120.0)
    (0.5, 10.0, 200.0)
    """
    exponent = math.floor(math.log10(raw))
    for mantissa in (1, 2, 5, 10):
        step = mantissa * 10.0**exponent
        if step >= raw * (1 - 1e-9):
            return float(f"{step:.12g}")
    raise AssertionError("unreachable: 10 × 10^k ≥ raw")  # pragma: no cover


def _x(chart: Chart, index: int) -> float:
    band = (_WIDTH - _LEFT - _RIGHT) / max(len(chart.categories), 1)
    return _LEFT + band * (index + 0.5)


def _axes(chart: Chart, scale: _Scale, *, rotate: bool) -> list[str]:
    bottom = _TOP + _PLOT_HEIGHT
    parts = _grid(scale, chart.axis_label)
    band = (_WIDTH - _LEFT - _RIGHT) / max(len(chart.categories), 1)
    limit = _LABEL_CHARS if rotate else max(4, int(band // 11))
    labels = [(_x(chart, index), label) for index, label in enumerate(chart.categories)]
    parts.extend(_x_labels(labels, limit, rotate=rotate))
    parts.append(_baseline(bottom))
    return parts


def _svg_head(css_class: str, height: float, title: str) -> list[str]:
    """The opening ``<svg>`` element of a chart of ``height`` and its accessible ``<title>``."""
    return [
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {_WIDTH:.0f} {height:.0f}" width="{_WIDTH:.0f}" height="{height:.0f}" '
        f'font-size="11" fill="{_INK}">',
        f"<title>{escape(title)}</title>",
    ]


def _grid(scale: _Scale, axis_label: str) -> list[str]:
    """The horizontal grid lines, their values and the axis label."""
    parts = [f'<g class="axes" stroke="{_GRID}">']
    for tick in scale.ticks():
        y = scale.y(tick)
        parts.append(
            f'<line x1="{_LEFT:.1f}" y1="{y:.1f}" x2="{_WIDTH - _RIGHT:.1f}" y2="{y:.1f}"/>'
        )
    parts.append("</g>")
    parts.append(f'<g class="ticks" fill="{_MUTED}" text-anchor="end">')
    for tick in scale.ticks():
        parts.append(
            f'<text x="{_LEFT - 6:.1f}" y="{scale.y(tick) + 4:.1f}">'
            f"{_fixed(tick, scale.decimals)}</text>"
        )
    parts.append("</g>")
    if axis_label:
        parts.append(
            f'<text x="{_LEFT:.1f}" y="{_TOP - 12:.1f}" fill="{_MUTED}">{escape(axis_label)}</text>'
        )
    return parts


def _x_labels(labels: Sequence[tuple[float, str]], limit: int, *, rotate: bool) -> list[str]:
    """The labels along x, at their positions (slanted when there are many)."""
    bottom = _TOP + _PLOT_HEIGHT
    parts = [f'<g class="categories" fill="{_INK}">']
    for x, label in labels:
        if rotate:
            parts.append(
                f'<text x="{x:.1f}" y="{bottom + 14:.1f}" text-anchor="end" '
                f'transform="rotate(-35 {x:.1f} {bottom + 14:.1f})">{_short(label, limit)}</text>'
            )
        else:
            parts.append(
                f'<text x="{x:.1f}" y="{bottom + 16:.1f}" text-anchor="middle">'
                f"{_short(label, limit)}</text>"
            )
    parts.append("</g>")
    return parts


def _baseline(bottom: float) -> str:
    return (
        f'<line x1="{_LEFT:.1f}" y1="{bottom:.1f}" x2="{_WIDTH - _RIGHT:.1f}" y2="{bottom:.1f}" '
        f'stroke="{_MUTED}"/>'
    )


def _reference(chart: Chart, scale: _Scale, *, lines: bool) -> list[str]:
    finite = [(i, v) for i, v in enumerate(chart.reference) if math.isfinite(v)]
    if not finite:
        return []
    style = f'stroke="{_THRESHOLD}" stroke-width="1.5" stroke-dasharray="6 3" fill="none"'
    if len({v for _, v in finite}) == 1 and len(finite) == len(chart.categories):
        y = scale.y(finite[0][1])
        return [
            f'<line class="threshold" x1="{_LEFT:.1f}" y1="{y:.1f}" '
            f'x2="{_WIDTH - _RIGHT:.1f}" y2="{y:.1f}" {style}/>',
            f'<text x="{_WIDTH - _RIGHT:.1f}" y="{y - 4:.1f}" text-anchor="end" '
            f'fill="{_THRESHOLD}">{_fixed(finite[0][1], chart.decimals)}</text>',
        ]
    if lines:
        points = [(_x(chart, i), scale.y(v)) for i, v in enumerate(chart.reference)]
        return [
            f'<polyline class="threshold" points="{_points(run)}" {style}/>'
            for run in _runs(points, chart.reference)
            if len(run) > 1
        ] + [_tick(chart, i, scale.y(v), style) for i, v in finite if _isolated(chart, i)]
    return [_tick(chart, i, scale.y(v), style) for i, v in finite]


def _isolated(chart: Chart, index: int) -> bool:
    """Whether a reference point has no finite neighbour (so no line passes through it)."""
    reference = chart.reference
    return not any(
        0 <= j < len(reference) and math.isfinite(reference[j]) for j in (index - 1, index + 1)
    )


def _tick(chart: Chart, index: int, y: float, style: str) -> str:
    half = (_WIDTH - _LEFT - _RIGHT) / max(len(chart.categories), 1) * 0.3
    x = _x(chart, index)
    return (
        f'<line class="threshold" x1="{x - half:.1f}" y1="{y:.1f}" '
        f'x2="{x + half:.1f}" y2="{y:.1f}" {style}/>'
    )


def _dots(chart: Chart, series: Series, scale: _Scale) -> list[str]:
    parts = ['<g class="points">']
    for index, (value, status) in enumerate(zip(series.values, series.statuses, strict=True)):
        if math.isfinite(value):
            x, y = _x(chart, index), scale.y(value)
            parts.append(_marker(x, y, status, _INK))
            parts.append(
                f'<text x="{x + 8:.1f}" y="{y + 4:.1f}">{_fixed(value, chart.decimals)}</text>'
            )
    parts.append("</g>")
    return parts


def _lines(chart: Chart, series: Sequence[Series], scale: _Scale) -> list[str]:
    parts = []
    for number, item in enumerate(series):
        colour, dash = _style(number)
        points = [(_x(chart, i), scale.y(v)) for i, v in enumerate(item.values)]
        parts.append(f'<g class="region" stroke="{colour}"{dash}>')
        parts.extend(
            f'<polyline class="series" points="{_points(run)}" fill="none" stroke-width="1.5"/>'
            for run in _runs(points, item.values)
            if len(run) > 1
        )
        parts.extend(_markers(points, item.values, item.statuses, colour))
        parts.append("</g>")
    return parts


def _markers(
    points: Sequence[tuple[float, float]],
    values: Sequence[float],
    statuses: Sequence[str],
    colour: str,
) -> list[str]:
    """A status marker at each point whose value is known."""
    return [
        _marker(x, y, status, colour)
        for (x, y), value, status in zip(points, values, statuses, strict=True)
        if math.isfinite(value)
    ]


def _runs(
    points: Sequence[tuple[float, float]], values: Sequence[float]
) -> Iterator[list[tuple[float, float]]]:
    """Consecutive points whose values are finite: a NaN breaks the line."""
    run: list[tuple[float, float]] = []
    for point, value in zip(points, values, strict=True):
        if math.isfinite(value):
            run.append(point)
        else:
            yield run
            run = []
    yield run


def _points(run: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in run)


def _marker(x: float, y: float, status: str, stroke: str) -> str:
    """A point whose shape and fill say its status (readable in grey print too)."""
    fill = STATUS_COLOURS.get(status, "#ffffff")
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="1.5" stroke-dasharray="none"'
    css = f"status-{escape(status)}"
    if status == "not_met":  # a diamond
        return (
            f'<path class="{css}" d="M{x:.1f} {y - 5.5:.1f}L{x + 5.5:.1f} {y:.1f}'
            f'L{x:.1f} {y + 5.5:.1f}L{x - 5.5:.1f} {y:.1f}Z" {paint}/>'
        )
    if status == "not_assessed":  # a square
        return f'<rect class="{css}" x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" {paint}/>'
    if status == "insufficient_data":  # a triangle
        return (
            f'<path class="{css}" d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y + 4:.1f}'
            f'L{x - 5:.1f} {y + 4:.1f}Z" {paint}/>'
        )
    return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="4.5" {paint}/>'


def _style(number: int) -> tuple[str, str]:
    colour = _PALETTE[number % len(_PALETTE)]
    dash = _DASHES[(number // len(_PALETTE)) % len(_DASHES)]
    return colour, (f' stroke-dasharray="{dash}"' if dash else "")


def _no_data(chart: Chart) -> str:
    return (
        f'<text x="{_WIDTH / 2:.1f}" y="{_TOP + _PLOT_HEIGHT / 2:.1f}" text-anchor="middle" '
        f'fill="{_MUTED}">{escape(chart.no_data_label)}</text>'
    )


def _legend_items(chart: Chart, series: Sequence[Series], *, lines: bool) -> list[str]:
    """Legend entries as SVG fragments drawn at the origin (placed by :func:`_legend`).

    Series without a value and statuses of no drawn point are left out; a series keeps the
    colour of its position, so a region has the same colour in every chart.
    """
    items = []
    if lines:
        for number, item in enumerate(series):
            if not any(math.isfinite(v) for v in item.values):
                continue
            colour, dash = _style(number)
            items.append(
                f'<line x1="0" y1="-4" x2="18" y2="-4" stroke="{colour}" stroke-width="2"{dash}/>'
                f'<text x="24" y="0">{_short(item.label)}</text>'
            )
    if any(math.isfinite(v) for v in chart.reference) and chart.reference_label:
        items.append(
            f'<line x1="0" y1="-4" x2="18" y2="-4" stroke="{_THRESHOLD}" stroke-width="1.5" '
            f'stroke-dasharray="6 3"/><text x="24" y="0">{_short(chart.reference_label)}</text>'
        )
    return items + _status_items(series, chart.status_labels)


def _status_items(series: Sequence[Series], labels: Sequence[tuple[str, str]]) -> list[str]:
    """Legend entries of the statuses of the points drawn (a marker and its word)."""
    drawn = {
        status
        for item in series
        for value, status in zip(item.values, item.statuses, strict=True)
        if math.isfinite(value)
    }
    return [
        f'{_marker(9, -4, status, _INK)}<text x="24" y="0">{_short(label)}</text>'
        for status, label in labels
        if status in drawn
    ]


def _legend_columns() -> int:
    return int((_WIDTH - _LEFT) // _LEGEND_ITEM)


def _legend(items: Sequence[str], top: float) -> list[str]:
    columns = _legend_columns()
    parts = ['<g class="legend">'] if items else []
    for index, item in enumerate(items):
        x = _LEFT + (index % columns) * _LEGEND_ITEM
        y = top + (index // columns) * _LEGEND_ROW + 10
        parts.append(f'<g transform="translate({x:.1f} {y:.1f})">{item}</g>')
    if items:
        parts.append("</g>")
    return parts


def _short(label: str, limit: int = _LABEL_CHARS) -> str:
    """A label cut to ``limit`` characters (with an ellipsis), escaped."""
    text = label if len(label) <= limit else label[: limit - 1] + "…"
    return escape(text)


def _fixed(value: float, decimals: int) -> str:
    """A number with a fixed number of decimals, never ``-0``.

    >>> _fixed(-0.0004, 2), _fixed(96.666, 2), _fixed(3.0, 0)
    ('0.00', '96.67', '3')
    """
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


# --------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class Track:
    """One region's path: values at times (NaN is a gap), and where its pace leads.

    ``times`` are numbers on one time scale (months, say); ``projection`` is the point the
    observed pace reaches at the deadline, drawn dashed from ``start``, or ``None``.
    """

    label: str
    times: tuple[float, ...]
    values: tuple[float, ...]
    statuses: tuple[str, ...]
    #: (time, value) the projection starts from: the latest period assessed for progress.
    start: tuple[float, float] | None = None
    #: (time, value) at the deadline, at the pace observed so far.
    projection: tuple[float, float] | None = None


@dataclass(frozen=True)
class ProgressChart:
    """Paths against a target line up to a deadline, with each path's projection dashed.

    ``target`` is NaN when the target is no number (a trend); ``time_labels`` are the labels
    along x at their times; every text is given in the reader's language.
    """

    title: str
    description: str
    time_labels: tuple[tuple[float, str], ...]
    tracks: tuple[Track, ...]
    deadline: float
    deadline_label: str
    target: float = math.nan
    target_text: str = ""
    target_label: str = ""
    projection_label: str = ""
    axis_label: str = ""
    status_labels: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Times:
    """A linear map from times to x pixels, with a margin at both ends."""

    low: float
    high: float

    def x(self, time: float) -> float:
        return _LEFT + (_WIDTH - _LEFT - _RIGHT) * (time - self.low) / (self.high - self.low)


def progress_chart(chart: ProgressChart) -> str:
    """Each track as a line, its projection dashed to the deadline, the target line across.

    >>> track = Track("A", (24156.0, 24168.0), (90.0, 92.0), ("not_met",) * 2,
    ...               start=(24168.0, 92.0), projection=(24192.0, 96.0))
    >>> svg = progress_chart(ProgressChart("t", "d", ((24156.0, "2012"), (24168.0, "2013")),
    ...                                    (track,), 24192.0, "2015-12", target=94.0))
    >>> [svg.count(f'class="{css}"') for css in ("threshold", "deadline", "projection")]
    [1, 1, 1]
    """
    values = [v for t in chart.tracks for v in t.values if math.isfinite(v)]
    ends = [t.projection[1] for t in chart.tracks if t.projection is not None]
    numbers = values + [v for v in (*ends, chart.target) if math.isfinite(v)]
    scale = _scale(numbers or [0.0, 1.0])
    moments = [t for track in chart.tracks for t in track.times] + [chart.deadline]
    moments += [time for time, _ in chart.time_labels]
    pad = max((max(moments) - min(moments)) * 0.06, 1.0)
    times = _Times(min(moments) - pad, max(moments) + pad)
    legend = _progress_legend(chart)
    rows = math.ceil(len(legend) / _legend_columns())
    rotate = len(chart.time_labels) > 8
    axis_bottom = _TOP + _PLOT_HEIGHT + (64.0 if rotate else 28.0)
    height = axis_bottom + rows * _LEGEND_ROW + 6.0
    parts = [
        *_svg_head("chart progress", height, chart.title),
        f"<desc>{escape(chart.description)}</desc>",
        *_grid(scale, chart.axis_label),
        *_x_labels(
            [(times.x(time), label) for time, label in chart.time_labels],
            _LABEL_CHARS if rotate else 10,
            rotate=rotate,
        ),
        _baseline(_TOP + _PLOT_HEIGHT),
        *_deadline(chart, times),
        *_target(chart, scale),
        *_tracks(chart, scale, times),
    ]
    parts.extend(_legend(legend, axis_bottom))
    parts.append("</svg>")
    return "\n".join(parts)


def _deadline(chart: ProgressChart, times: _Times) -> list[str]:
    x = times.x(chart.deadline)
    return [
        f'<line class="deadline" x1="{x:.1f}" y1="{_TOP - 4:.1f}" x2="{x:.1f}" '
        f'y2="{_TOP + _PLOT_HEIGHT:.1f}" stroke="{_MUTED}" stroke-width="1.5"/>',
        f'<text x="{x - 4:.1f}" y="{_TOP + 8:.1f}" text-anchor="end" fill="{_MUTED}">'
        f"{_short(chart.deadline_label)}</text>",
    ]


def _target(chart: ProgressChart, scale: _Scale) -> list[str]:
    if not math.isfinite(chart.target):
        return []
    y = scale.y(chart.target)
    return [
        f'<line class="threshold" x1="{_LEFT:.1f}" y1="{y:.1f}" x2="{_WIDTH - _RIGHT:.1f}" '
        f'y2="{y:.1f}" stroke="{_THRESHOLD}" stroke-width="1.5" stroke-dasharray="6 3"/>',
        f'<text x="{_LEFT + 4:.1f}" y="{y - 4:.1f}" fill="{_THRESHOLD}">'
        f"{_short(chart.target_text)}</text>",
    ]


def _tracks(chart: ProgressChart, scale: _Scale, times: _Times) -> list[str]:
    parts = []
    for number, track in enumerate(chart.tracks):
        colour, dash = _style(number)
        points = [(times.x(t), scale.y(v)) for t, v in zip(track.times, track.values, strict=True)]
        parts.append(f'<g class="region" stroke="{colour}"{dash}>')
        parts.extend(
            f'<polyline class="series" points="{_points(run)}" fill="none" stroke-width="1.5"/>'
            for run in _runs(points, track.values)
            if len(run) > 1
        )
        if track.start is not None and track.projection is not None:
            (t0, v0), (t1, v1) = track.start, track.projection
            parts.append(
                f'<line class="projection" x1="{times.x(t0):.1f}" y1="{scale.y(v0):.1f}" '
                f'x2="{times.x(t1):.1f}" y2="{scale.y(v1):.1f}" stroke-width="1.5" '
                f'stroke-dasharray="5 3"/>'
            )
            parts.append(
                f'<circle cx="{times.x(t1):.1f}" cy="{scale.y(v1):.1f}" r="3.5" fill="#ffffff" '
                f'stroke-width="1.5" stroke-dasharray="none"/>'
            )
        parts.extend(_markers(points, track.values, track.statuses, colour))
        parts.append("</g>")
    return parts


def _progress_legend(chart: ProgressChart) -> list[str]:
    """Regions, the target, the projection and the statuses drawn, as legend entries."""
    series = tuple(Series(t.label, t.values, t.statuses) for t in chart.tracks)
    lines = Chart("", ("",), series, (chart.target,), chart.target_label)
    items = _legend_items(lines, series, lines=True)
    if chart.projection_label and any(t.projection is not None for t in chart.tracks):
        items.append(
            f'<line x1="0" y1="-4" x2="18" y2="-4" stroke="{_MUTED}" stroke-width="1.5" '
            f'stroke-dasharray="5 3"/><text x="24" y="0">{_short(chart.projection_label)}</text>'
        )
    return items + _status_items(series, chart.status_labels)
