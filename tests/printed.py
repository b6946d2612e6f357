"""The plan's words as printed, for comparing a quote with the plan's source text.

The source text (``data/plan.txt``) was extracted with half-width punctuation; the plan, and
every quote of it the catalog declares, writes ``，；：（）`` next to Chinese (GB/T 15834).
"""

from __future__ import annotations

import re

_CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
_BESIDE_CJK = re.compile(rf"(?<=[{_CJK}])[,;:()]|[,;:()](?=[{_CJK}])")


def printed(text: str) -> str:
    """``text`` with half-width ``, ; : ( )`` next to a Chinese character made full-width.

    >>> printed("出口商品境外通报比率(通报次数/出口批次)低于全国平均水平,努力创建")
    '出口商品境外通报比率（通报次数/出口批次）低于全国平均水平，努力创建'
    >>> printed("良好农业规范(GAP)、危害分析")
    '良好农业规范（GAP）、危害分析'
    """
    return _BESIDE_CJK.sub(lambda match: _FULL[match.group(0)], text)
