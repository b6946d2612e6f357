"""The words of the deliverable kind (:class:`xmqc_kpi.deliverables.Deliverable`).

A deliverable is something the plan asks to have built or completed by its deadline (建成 …
国家级服务业标准化试点). The input is the year it was completed, ``0`` when it is not yet
completed. Fields of the explanations, besides the shared ones (``{title}``, ``{value}``,
``{period}``, ``{ref}``, ``{status}``): ``{done}`` (建成 / built), ``{deadline}`` (the end of
the deadline year, ``2015 年底``), ``{by}`` (the deadline year), ``{first}`` and ``{last}``
(the years a completion year may be in).

>>> DELIVERABLE_WORDS["completed_by_deadline"]("zh", title="国家级现代产业计量测试中心",
...     done="建成", value="2014", deadline="2015 年底", ref="分解表 2.3.2", status="达标")
'国家级现代产业计量测试中心已于 2014 年建成，早于完成时限 2015 年底（分解表 2.3.2），达标。'
"""

from __future__ import annotations

from ._words import Words

__all__ = ["DELIVERABLE_WORDS"]

#: The kind's table, passed to :func:`xmqc_kpi.thresholds.register_threshold`.
DELIVERABLE_WORDS: dict[str, Words] = {
    "name": Words(zh="按期完成（交付）", en="completed by the deadline (deliverable)"),
    "describe": Words(
        zh="在 {by} 年底前{done}：填报{done}年份，不晚于 {by} 年即达标，晚于 {by} 年为逾期、"
        "未达标；填 0 表示尚未{done}，未达标（完成时限未到时为暂未达标）；空白为数据不足",
        en="{done} by the end of {by}: the year it was {done} is reported; {by} or earlier is "
        "met, later is late and not met; 0 means not yet {done}, not met (not met yet while the "
        "deadline has not come); a blank is insufficient data",
    ),
    "target": Words(zh="{by} 年底前{done}", en="{done} by the end of {by}"),
    "comparison": Words(zh="{done}年份 ≤ {by}", en="year {done} ≤ {by}"),
    "deadline": Words(zh="{by} 年底", en="the end of {by}"),
    # the value is a year, not a quantity: the threshold report words it so (越低越好 and
    # 无量纲 would be true of the number but say nothing about a year)
    "direction": Words(zh="越早越好", en="earlier is better"),
    "unit": Words(zh="年份", en="year"),
    "input_unit": Words(zh="年份（0 表示尚未{done}）", en="year (0 = not yet {done})"),
    "built": Words(zh="建成", en="built"),
    "completed": Words(zh="完成", en="completed"),
    # each reason in a few words, for tables
    "reason:completed_by_deadline": Words(zh="按期完成", en="completed by the deadline"),
    "reason:completed_late": Words(zh="逾期完成", en="completed late"),
    "reason:not_completed_before_deadline": Words(
        zh="尚未完成（未到期）", en="not yet completed (before the deadline)"
    ),
    "reason:not_completed": Words(zh="未完成", en="not completed"),
    "reason:not_a_completion_year": Words(zh="填报值不是年份", en="not a year"),
    # the explanations
    "completed_by_deadline": Words(
        zh="{title}已于 {value} 年{done}，早于完成时限 {deadline}（{ref}），{status}。",
        en="{title} was {done} in {value}, before the deadline at {deadline} ({ref}), {status}.",
    ),
    "completed_by_deadline:equal": Words(
        zh="{title}已于 {value} 年{done}，在完成时限 {deadline}之内（含当年；{ref}），{status}。",
        en="{title} was {done} in {value}, within the deadline at {deadline} (the year itself "
        "counts; {ref}), {status}.",
    ),
    "completed_late": Words(
        zh="{title}于 {value} 年{done}，晚于完成时限 {deadline}，逾期{done}（{ref}），{status}。",
        en="{title} was {done} in {value}, after the deadline at {deadline}: late ({ref}), "
        "{status}.",
    ),
    "not_completed_before_deadline": Words(
        zh="{title}截至 {period}尚未{done}；完成时限为 {deadline}，尚未到期（{ref}），暂{status}。",
        en="{title}: not yet {done} by {period}; the deadline at {deadline} has not come yet "
        "({ref}), {status} so far.",
    ),
    "not_completed": Words(
        zh="{title}截至 {period}未{done}，完成时限为 {deadline}（{ref}），{status}。",
        en="{title}: not {done} by {period}, with the deadline at {deadline} ({ref}), {status}.",
    ),
    "not_a_completion_year": Words(
        # no {value}: shown with the indicator's decimals, 1.5 would read as the year 2
        zh="{title}：填报值既不是{done}年份（{first}–{last} 年之间的整数），"
        "也不是表示尚未{done}的 0，无法评价。",
        en="{title}: the reported value is neither the year it was {done} (a whole number "
        "from {first} to {last}) nor 0 for not yet {done}, so it cannot be assessed.",
    ),
}
