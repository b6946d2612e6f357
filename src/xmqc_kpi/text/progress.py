"""Words of progress toward the deadline (see :mod:`xmqc_kpi.progress`).

The sentence added to an explanation, by progress status (``met`` adds none: the verdict
says it); ``trend_…`` entries for trends, which need a move the right way, not a number.
Fields: ``{observed}`` and ``{required}`` (signed changes a year, with their unit),
``{projected}`` (the value at the deadline at the observed pace), ``{span}`` (years observed)
and ``{deadline}``.

>>> text = PROGRESS.say("on_track", "en", span="2", observed="+1.00 percentage points",
...                     required="+0.50 percentage points", deadline="2015-12",
...                     projected="95.00%")
>>> text.endswith("at this pace 95.00% then: on track.")
True
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["PROGRESS", "PROGRESS_STATUS"]

_HISTORY = Words(
    zh="进度：近 {span} 年每年变化 {observed}",
    en=" Progress: {observed} a year over a {span}-year history",
)
_PACE = Words(
    zh=_HISTORY.zh
    + "，到期限 {deadline} 达到目标每年需变化 {required}，按此速度届时约为 {projected}",
    en=_HISTORY.en + "; {required} a year is needed to reach the target by {deadline}; at this "
    "pace {projected} then",
)


def _after(start: Words, zh: str, en: str) -> Words:
    return Words(zh=start.zh + zh, en=start.en + en)


PROGRESS = WordTable(
    "progress",
    {
        "on_track": _after(_PACE, "，进度正常。", ": on track."),
        "needs_acceleration": _after(_PACE, "，需加快进度。", ": needs acceleration."),
        "off_track": _after(_PACE, "，按此速度无法按期达标。", ": off track."),
        "regressing": _after(
            _HISTORY,
            "，与目标方向相反，正在退步（期限 {deadline}）。",
            ", away from the target: regressing (deadline {deadline}).",
        ),
        "trend_needs_acceleration": _after(
            _HISTORY,
            "，方向正确，但期限 {deadline} 前须恢复逐期改善，需加快进度。",
            ", the right way, but every period before {deadline} must improve again: needs "
            "acceleration.",
        ),
        "trend_off_track": Words(
            zh="进度：近 {span} 年没有变化，按此无法在期限 {deadline} 前达到目标。",
            en=" Progress: no change over a {span}-year history: off track for {deadline}.",
        ),
    },
)

#: The progress statuses in words (for tables and reports).
PROGRESS_STATUS = WordTable(
    "progress_status",
    {
        "met": Words(zh="已达标", en="met"),
        "on_track": Words(zh="进度正常", en="on track"),
        "needs_acceleration": Words(zh="需加快", en="needs acceleration"),
        "off_track": Words(zh="进度滞后", en="off track"),
        "regressing": Words(zh="退步", en="regressing"),
    },
)
