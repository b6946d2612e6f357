"""Explanations: the formula with its numbers, the threshold with its clause, the verdict.

Rendering is separate from judging: the engine stores typed columns (value, threshold, status,
reason, inputs as given …) and this module fills templates from them, in Chinese or English,
over whole columns at once with numpy's string functions. Numbers are shown with the
indicator's decimals, and with more wherever fewer would make the shown value seem to
contradict the verdict (95.996 %, never 96.00 % beside 未达标).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .formulas import Ratio
from .indicator import Indicator
from .results import Language, Reason
from .thresholds import BelowBenchmark, TopAmongPeers, Trend
from .units import normalise_unit, unit_symbol

__all__ = ["format_fixed", "render_explanations", "text_series", "unit_text"]

S = np.dtypes.StringDType()
Text = npt.NDArray[Any]
MAX_DECIMALS = 12
#: From here on a float times a power of ten may not fit an int64: written positionally.
_EXACT_SCALE = 1e17

_EN_UNITS = {
    "percent": "%",
    "permille": "‰",
    "yuan": " yuan",
    "wan_yuan": " × 10⁴ yuan",
    "yi_yuan": " × 10⁸ yuan",
    "mu": " mu",
    "hectare": " ha",
    "meter ** 2": " m²",
    "person": " persons",
    "wan_ren": " × 10⁴ persons",
    "wan_tai": " × 10⁴ units",
    "per_10k_persons": " per 10,000 persons",
    "deaths_per_10k_units": " deaths per 10,000 units",
    "per_yi_yuan": " per 100 million yuan",
    "day": " days",
    "index_point": " points",
}


def unit_text(unit: str, lang: Language) -> str:
    """The unit as written after a number (``"%"``, ``" 万元"``, ``" per 10,000 persons"``)."""
    name = normalise_unit(unit)
    if lang == "en":
        return _EN_UNITS.get(name, "" if name in ("count", "dimensionless") else f" {name}")
    symbol = unit_symbol(unit)
    return symbol if symbol in ("%", "‰", "") or symbol.startswith("/") else f" {symbol}"


def format_fixed(values: npt.NDArray[np.float64], decimals: npt.NDArray[np.int64]) -> Text:
    """Numbers with a fixed number of decimals each, as strings (``"—"`` NaN, ``"∞"`` inf).

    A float has 17 significant digits at most, so no more are shown: the decimals of a large
    value are capped, and values from 10**17 on are written in positional form directly.

    >>> format_fixed(np.array([96.6667, 94.0, np.nan]), np.array([2, 2, 2])).tolist()
    ['96.67', '94.00', '—']
    >>> format_fixed(np.array([4.64e9, 1e20]), np.array([12, 3])).tolist()
    ['4640000000.0000000', '100000000000000000000']
    >>> format_fixed(np.array([np.inf, 1.0]), np.array([2, 2])).tolist()
    ['∞', '1.00']
    """
    finite = np.isfinite(values)
    magnitude = np.where(finite, np.abs(values), 0.0)
    huge = magnitude >= _EXACT_SCALE
    magnitude = np.where(huge, 0.0, magnitude)
    with np.errstate(divide="ignore"):
        whole_digits = np.where(magnitude >= 1, np.floor(np.log10(magnitude)) + 1, 1)
    decimals = np.clip(np.minimum(decimals, 17 - whole_digits), 0, None).astype(np.int64)
    scaled = np.rint(magnitude * 10.0 ** decimals.astype(np.float64)).astype(np.int64)
    digits = np.strings.zfill(scaled.astype(S), decimals + 1)
    length = np.strings.str_len(digits)
    whole = np.strings.slice(digits, 0, length - decimals)
    fraction = np.strings.slice(digits, length - decimals, length)
    text = _pick(decimals > 0, _join(whole, ".", fraction), whole)
    text = _pick((values < 0) & (scaled > 0), np.strings.add("-", text), text)
    # beyond floats (1e308 yuan of 1e-10 yuan) the value is infinite, not missing
    beyond = np.where(np.isnan(values), "—", np.where(values > 0, "∞", "-∞"))
    text = np.asarray(_pick(finite, text, beyond), dtype=S)
    if huge.any():
        text = np.array(text, dtype=S)
        text[huge] = [np.format_float_positional(v, trim="-") for v in values[huge]]
    return text


def format_given(values: npt.NDArray[np.float64]) -> Text:
    """Numbers as the caller wrote them: integers without decimals, others in shortest form.

    Only the non-integral values go through the (slow) shortest float repr.

    >>> format_given(np.array([1160.0, 0.25, np.nan])).tolist()
    ['1160', '0.25', '—']
    """
    if values.dtype == object:  # integers beyond int64, kept as Python ints by the panel
        return np.asarray(np.frompyfunc(_given_text, 1, 1)(values), dtype=object).astype(S)
    finite = np.isfinite(values)
    integral = finite & (np.abs(values) < 2.0**53) & (np.floor(values) == values)
    text = np.where(integral, values, 0).astype(np.int64).astype(S)
    fractional = np.flatnonzero(finite & ~integral)
    if len(fractional):
        text[fractional] = values[fractional].astype(S)
    text[~finite] = "—"
    return text


def _given_text(cell: object) -> str:
    """One cell of an object column as written: exact integers, shortest floats, ``—``."""
    if isinstance(cell, int | np.integer):
        return str(int(cell))
    number = float(cell)  # type: ignore[arg-type]
    if not np.isfinite(number):
        return "—"
    return str(int(number)) if number.is_integer() and abs(number) < 2.0**53 else repr(number)


def _decimals_for(
    value: npt.NDArray[np.float64],
    target: npt.NDArray[np.float64],
    base: int,
    op: str | None,
    equal: npt.NDArray[np.bool_] | None = None,
) -> npt.NDArray[np.int64]:
    """Enough decimals that the rounded value compares with the target as the value does.

    ``equal`` is the engine's exact equality (floats may disagree: 11 万元 ÷ 1.1 亿元).
    """
    decimals = np.full(len(value), base, dtype=np.int64)
    if op is None:
        return decimals
    compare = {"ge": np.greater_equal, "gt": np.greater, "le": np.less_equal, "lt": np.less}.get(op)
    with np.errstate(invalid="ignore"):
        if equal is None:
            equal = value == target
        truth = compare(value, target) | equal if compare else equal
        if op in ("gt", "lt") and compare:
            truth &= ~equal
        for _ in range(MAX_DECIMALS - base):
            scale = 10.0 ** decimals.astype(np.float64)
            shown = np.rint(value * scale) / scale
            seems = compare(shown, target) if compare else shown == target
            # an exactly equal value is shown as it is ("恰好达到", "未高于"): only an unequal
            # one can mislead, by seeming to fall on the other side or on the target itself
            misleading = ~equal & ((seems != truth) | (shown == target)) & np.isfinite(target)
            if not misleading.any():
                break
            decimals = np.where(misleading, decimals + 1, decimals)
    return decimals


def _exact_text(target: float) -> str:
    """A threshold as a short decimal (96, 0.517, 1)."""
    return np.format_float_positional(target, trim="-")


#: The comparison each threshold kind makes between the value and its threshold column.
_OPS_BY_KIND = {
    "at_least": "ge",
    "above": "gt",
    "at_most": "le",
    "below": "lt",
    "all": "eq",
    "below_benchmark": "lt",
}


def render_explanations(
    indicators: Sequence[Indicator], table: pd.DataFrame, lang: Language
) -> pd.Series:
    """One explanation per row of the engine's table, in ``lang``."""
    out = np.empty(len(table), dtype=S)
    codes = table["_indicator"].to_numpy(dtype=np.int64)
    bounds = np.searchsorted(codes, np.arange(len(indicators) + 1))
    for position, indicator in enumerate(indicators):
        start, stop = int(bounds[position]), int(bounds[position + 1])
        if stop == start:
            continue
        chunk = table.iloc[start:stop]
        if isinstance(indicator.threshold, Trend):
            # a trend's sentence quotes earlier rows of its region: render the whole chunk
            out[start:stop] = _Renderer(indicator, chunk, lang).render()
            continue
        reasons = chunk["reason"].cat.codes.to_numpy()
        for reason in np.unique(reasons):
            rows = np.flatnonzero(reasons == reason)
            renderer = _Renderer(indicator, chunk.iloc[rows], lang)
            out[start + rows] = renderer.render()
    return text_series(out, table.index, "explanation")


def text_series(text: Text, index: pd.Index, name: str) -> pd.Series:
    """A numpy string array as a pandas text column, without a detour through Python objects.

    With pyarrow-backed strings (pandas' default when pyarrow is installed) the UTF-8 buffer
    goes to Arrow directly; otherwise the column holds Python strings.

    >>> text_series(np.array(["达标"], dtype=S), pd.RangeIndex(1), "x").tolist()
    ['达标']
    """
    dtype = pd.Series([""]).dtype
    if getattr(dtype, "storage", None) == "pyarrow":
        import pyarrow as pa

        return pd.Series(pa.array(text), index=index, name=name, dtype=dtype)
    return pd.Series(text.astype(object), index=index, name=name, dtype=dtype)


class _Renderer:
    """Fills the templates for one indicator's rows."""

    def __init__(self, indicator: Indicator, chunk: pd.DataFrame, lang: Language) -> None:
        self.indicator = indicator
        self.chunk = chunk
        self.lang = lang
        self.zh = lang == "zh"
        self.reason = np.asarray(chunk["reason"].cat.categories, dtype=object)[
            chunk["reason"].cat.codes.to_numpy()
        ]
        self.value = chunk["value"].to_numpy(dtype=np.float64)
        self.target = chunk["threshold"].to_numpy(dtype=np.float64)
        self.unit = unit_text(indicator.unit, lang)
        op = _OPS_BY_KIND.get(indicator.threshold.kind)
        if isinstance(indicator.threshold, Trend):
            op = "gt" if indicator.threshold.direction == "rising" else "lt"
        equal = _exact_equality(chunk)
        self.decimals = _decimals_for(self.value, self.target, indicator.decimals, op, equal)
        self.shown = format_fixed(self.value, self.decimals)
        self.period = _period_text(chunk["period"].to_numpy(dtype=object), self.zh)

    # ------------------------------------------------------------------ pieces

    @property
    def title(self) -> str:
        return self.indicator.title_zh if self.zh else self.indicator.title_en

    @property
    def reference(self) -> str:
        clause = self.indicator.clause
        quote = self.indicator.quote
        if self.zh:
            where = f"分解表 {clause.table}" if clause.table else f"方案{clause.body}"
            return f"{where}「{quote}」"
        return f"table {clause.table}" if clause.table else f"section {clause.body}"

    def header(self) -> Text:
        formula = self.indicator.formula
        direct = self.chunk["direct"].to_numpy(dtype=bool)
        value_part = np.strings.add(self.shown, self.unit)
        if isinstance(formula, Ratio):
            num = np.strings.add(
                format_given(self.chunk["_num_given"].to_numpy()),
                self._units("_num_unit"),
            )
            den = np.strings.add(
                format_given(self.chunk["_den_given"].to_numpy()),
                self._units("_den_unit"),
            )
            ratio = _join(num, " ÷ ", den, " = ", value_part)
            reported = "(直接填报)= " if self.zh else " (reported directly) = "
            body = _pick(direct, np.strings.add(reported, value_part), np.strings.add(" = ", ratio))
        else:
            body = np.strings.add(" = ", value_part)
        return np.strings.add(self.title, body)

    def _units(self, column: str) -> Text:
        codes, names = pd.factorize(self.chunk[column])
        texts = [unit_text(str(name), self.lang) if name else "" for name in names]
        return np.asarray([*texts, ""], dtype=S)[codes]

    def render(self) -> Text:
        text: Text = np.full(len(self.chunk), "", dtype=S)
        header = self.header()
        t = format_fixed(self.target, self.decimals) if self._shows_target() else header
        fixed_target = _exact_text(float(self.target[0])) if len(self.target) else ""
        for reason in pd.unique(self.reason):
            mask = self.reason == reason
            text = _pick(mask, self._sentence(Reason(reason), header, t, fixed_target), text)
        return text

    @property
    def _inclusive_zh(self) -> str:
        """The plan's inclusive word quoted when it is in the wording (以上, 不低于)."""
        word = next((w for w in ("以上", "不低于", "不少于") if w in self.indicator.quote), None)
        return f"“{word}”" if word else ""

    @property
    def _inclusive_en(self) -> str:
        word = self._inclusive_zh
        return f"{word} " if word else "the target "

    def _shows_target(self) -> bool:
        return isinstance(self.indicator.threshold, BelowBenchmark)

    def _sentence(self, reason: Reason, header: Text, t: Text, fixed: str) -> Text:
        zh, unit, ref = self.zh, self.unit, self.reference
        exact = _exact_equality(self.chunk)
        equal = np.zeros(len(self.chunk), bool) if exact is None else exact
        period = self.period
        if reason is Reason.MEETS_MINIMUM:
            exactly = (
                f",恰好达到目标 {fixed}{unit}({self._inclusive_zh}含本数;{ref}),达标。"
                if zh
                else f", exactly the {fixed}{unit} target ({self._inclusive_en}includes the number;"
                f" {ref}), met."
            )
            above = (
                f",不低于目标 {fixed}{unit}({ref}),达标。"
                if zh
                else f", at least the {fixed}{unit} target ({ref}), met."
            )
            return np.strings.add(
                np.strings.add(header, _pick(equal, exactly, above)), self._interval()
            )
        if reason is Reason.BELOW_MINIMUM:
            tail = (
                f",低于目标 {fixed}{unit}({ref}),未达标。"
                if zh
                else f", below the {fixed}{unit} target ({ref}), not met."
            )
            return np.strings.add(np.strings.add(header, tail), self._interval())
        simple = {
            Reason.ABOVE_FLOOR: (
                f",高于 {fixed}{unit}({ref}),达标。",
                f", above {fixed}{unit} ({ref}), met.",
            ),
            Reason.NOT_ABOVE_FLOOR: (
                f",未高于 {fixed}{unit}({ref}),未达标。",
                f", not above {fixed}{unit} ({ref}), not met.",
            ),
            Reason.WITHIN_MAXIMUM: (
                f",不高于上限 {fixed}{unit}({ref}),达标。",
                f", at most the {fixed}{unit} limit ({ref}), met.",
            ),
            Reason.ABOVE_MAXIMUM: (
                f",高于上限 {fixed}{unit}({ref}),未达标。",
                f", above the {fixed}{unit} limit ({ref}), not met.",
            ),
            Reason.BELOW_LIMIT: (
                f",低于 {fixed}{unit}({ref}),达标。",
                f", below {fixed}{unit} ({ref}), met.",
            ),
            Reason.NOT_BELOW_LIMIT: (
                f",未低于 {fixed}{unit}(“低于”不含本数;{ref}),未达标。",
                f", not below {fixed}{unit} (“低于” excludes the number; {ref}), not met.",
            ),
            Reason.ALL_COMPLY: (
                f",达到目标 100%({ref}),达标。",
                f", the 100% target ({ref}), met.",
            ),
            Reason.MONITORED: (
                f";方案未设定数值目标,仅作监测({ref})。",
                f"; the plan sets no number ({ref}): monitored only.",
            ),
        }
        if reason in simple:
            return np.strings.add(header, simple[reason][0 if zh else 1])
        if reason is Reason.NOT_ALL_COMPLY:
            return np.strings.add(header, self._shortfall(ref))
        if reason in (Reason.BELOW_BENCHMARK, Reason.NOT_BELOW_BENCHMARK):
            return np.strings.add(header, self._benchmark(reason, t, equal))
        if reason in (Reason.IN_TOP_GROUP, Reason.OUTSIDE_TOP_GROUP):
            return np.strings.add(header, self._peers(reason))
        if reason in (Reason.TREND_HOLDS, Reason.TREND_BROKEN):
            return np.strings.add(self._title_only(), self._trend(reason))
        return self._insufficient(reason, header, period)

    def _title_only(self) -> Text:
        return np.full(len(self.chunk), self.title, dtype=S)

    def _interval(self) -> Text:
        low = self.chunk["ci_low"].to_numpy(dtype=np.float64)
        high = self.chunk["ci_high"].to_numpy(dtype=np.float64)
        has = np.isfinite(low)
        if not has.any():
            return np.full(len(low), "", dtype=S)
        conclusive = self.chunk["conclusive"].fillna(False).to_numpy(dtype=bool)
        lo = format_fixed(low, self.decimals)
        hi = format_fixed(high, self.decimals)
        if self.zh:
            lead = _join("95% 置信区间(Wilson)", lo, self.unit, "–", hi, self.unit)
            verdict = _pick(conclusive, ",结论稳健。", ",区间跨越目标,结论不稳健。")
        else:
            lead = _join(" 95% Wilson interval ", lo, "–", hi, self.unit)
            verdict = _pick(
                conclusive, ": conclusive.", ": not conclusive (the interval straddles the target)."
            )
        return np.asarray(_pick(has, np.strings.add(lead, verdict), ""), dtype=S)

    def _shortfall(self, ref: str) -> Text:
        numerator = self.chunk["numerator"].to_numpy(dtype=np.float64)
        denominator = self.chunk["denominator"].to_numpy(dtype=np.float64)
        short = format_given(self._exact_counts("_den") - self._exact_counts("_num"))
        has = np.isfinite(numerator) & np.isfinite(denominator)
        if self.zh:
            base = f",未达到目标 100%({ref}),未达标"
            return np.where(has, _join(base, ":", short, " 项未达标。"), base + "。")
        base = f", short of the 100% target ({ref}), not met"
        return np.where(has, _join(base, ": ", short, " did not comply."), base + ".")

    def _exact_counts(self, role: str) -> npt.NDArray[Any]:
        """The numerator or denominator in its default unit, as exact ints where they are huge.

        Counts beyond int64 come as Python ints given in a count unit; elsewhere the float
        value in the default unit is exact enough to print.
        """
        given = self.chunk[f"{role}_given"].to_numpy()
        if given.dtype == object:
            return given
        column = "numerator" if role == "_num" else "denominator"
        return self.chunk[column].to_numpy(dtype=np.float64)

    def _benchmark(self, reason: Reason, t: Text, equal: npt.NDArray[np.bool_]) -> Text:
        unit, ref, period = self.unit, self.reference, self.period
        if self.zh:
            if reason is Reason.BELOW_BENCHMARK:
                return _join(",低于 ", period, "全国平均水平 ", t, unit, f"({ref}),达标。")
            return np.where(
                equal,
                _join(",等于 ", period, "全国平均水平 ", t, unit, f",未“低于”({ref}),未达标。"),
                _join(",高于 ", period, "全国平均水平 ", t, unit, f"({ref}),未达标。"),
            )
        if reason is Reason.BELOW_BENCHMARK:
            return _join(
                ", below the ", period, " national average of ", t, unit, f" ({ref}), met."
            )
        return np.where(
            equal,
            _join(
                ", equal to the ",
                period,
                " national average of ",
                t,
                unit,
                f", not below it ({ref}): not met.",
            ),
            _join(", above the ", period, " national average of ", t, unit, f" ({ref}), not met."),
        )

    def _peers(self, reason: Reason) -> Text:
        threshold = self.indicator.threshold
        assert isinstance(threshold, TopAmongPeers)
        rank = self.chunk["rank"].astype("Int64").fillna(0).to_numpy(dtype=np.int64).astype(S)
        size = self.chunk["group_size"].astype("Int64").fillna(0).to_numpy(dtype=np.int64).astype(S)
        cut = self.chunk["cutoff_rank"].astype("Int64").fillna(0).to_numpy(dtype=np.int64).astype(S)
        group, rule, ref = threshold.peer_group, threshold.describe_cutoff(), self.reference
        if self.zh:
            rule_zh = rule.replace("top ", "前 ").replace("%", "%")
            lead = _join(",在 ", size, f" 个{group}(含本地区)中排第 ", rank, " 名")
            if reason is Reason.IN_TOP_GROUP:
                return _join(lead, ",属前 ", cut, f" 名(“前列”按{rule_zh}解释;{ref}),达标。")
            return _join(lead, ",未进入前 ", cut, f" 名(“前列”按{rule_zh}解释;{ref}),未达标。")
        lead = _join(", ranked ", rank, " of ", size, f" ({group}, subject included)")
        if reason is Reason.IN_TOP_GROUP:
            return _join(
                lead, ", within the top ", cut, f" (“前列” read as the {rule}; {ref}), met."
            )
        return _join(
            lead, ", outside the top ", cut, f" (“前列” read as the {rule}; {ref}), not met."
        )

    def _trend(self, reason: Reason) -> Text:
        threshold = self.indicator.threshold
        assert isinstance(threshold, Trend)
        rows = self.chunk["_row"].to_numpy(dtype=np.int64) - int(self.chunk["_row"].iloc[0])
        start = self.chunk["_window_start"].to_numpy(dtype=np.int64) - int(
            self.chunk["_row"].iloc[0]
        )
        sequence = _join(self.shown, self.unit)
        joiner = "、" if self.zh else ", "
        for lag in range(1, int((rows - start).max(initial=0)) + 1):
            inside = rows - lag >= start
            earlier = _join(self.shown[np.maximum(rows - lag, 0)], self.unit, joiner)
            sequence = np.where(inside, np.strings.add(earlier, sequence), sequence)
        first = self.period[np.maximum(start, 0)]
        span = _join(first, "–", self.period)
        rising = threshold.direction == "rising"
        broken = self.chunk["_last_broken"].to_numpy(dtype=np.int64) - int(
            self.chunk["_row"].iloc[0]
        )
        ref = self.reference
        if self.zh:
            word = "提高" if rising else "降低"
            if reason is Reason.TREND_HOLDS:
                return _join(" ", span, "依次为 ", sequence, f",逐期{word}({ref}),达标。")
            at = self.period[np.maximum(broken, 0)]
            before = self.period[np.maximum(broken - 1, 0)]
            verb = "未高于" if rising else "未低于"
            return _join(
                " ",
                span,
                "依次为 ",
                sequence,
                ",",
                at,
                verb,
                " ",
                before,
                f",未做到持续{word}({ref}),未达标。",
            )
        word = "rising" if rising else "falling"
        if reason is Reason.TREND_HOLDS:
            return _join(" ", span, ": ", sequence, f", {word} every period ({ref}), met.")
        at = self.period[np.maximum(broken, 0)]
        before = self.period[np.maximum(broken - 1, 0)]
        verb = " did not rise above " if rising else " did not fall below "
        return _join(
            " ",
            span,
            ": ",
            sequence,
            "; ",
            at,
            verb,
            before,
            f", so not continuously {word} ({ref}): not met.",
        )

    def _insufficient(self, reason: Reason, header: Text, period: Text) -> Text:
        title = self.title
        zh = self.zh
        if reason is Reason.MISSING_INPUT:
            names = self.chunk["_missing"].to_numpy(dtype=object)
            labels = self._labels(names)
            if zh:
                return _join(f"{title}:缺少", labels, ",无法评价。")
            return _join(f"{title}: ", labels, " missing, so it cannot be assessed.")
        if reason is Reason.ZERO_DENOMINATOR:
            formula = self.indicator.formula
            assert isinstance(formula, Ratio)
            label = self._label_of(formula.denominator)
            if zh:
                return np.full(len(period), f"{title}:{label}为 0,比率无定义,无法评价。", dtype=S)
            return np.full(
                len(period),
                f"{title}: {label} is 0, so the ratio is undefined and cannot be assessed.",
                dtype=S,
            )
        if reason is Reason.NO_BENCHMARK:
            assert isinstance(self.indicator.threshold, BelowBenchmark)
            if zh:
                return _join(header, ";未提供 ", period, "全国平均水平,无法评价。")
            return _join(
                header,
                "; no national average for ",
                period,
                " was supplied, so it cannot be assessed.",
            )
        if reason is Reason.NO_PEERS:
            threshold = self.indicator.threshold
            assert isinstance(threshold, TopAmongPeers)
            if zh:
                return _join(
                    header, ";未提供 ", period, f"{threshold.peer_group}的比较数据,无法评价。"
                )
            return _join(
                header,
                "; no peer values (",
                threshold.peer_group,
                ") for ",
                period,
                " were supplied, so it cannot be assessed.",
            )
        if reason is Reason.TOO_FEW_PERIODS:
            if zh:
                return _join(header, ";", period, "为首个评价期,没有上一期可比较,无法判断趋势。")
            return _join(
                header,
                "; ",
                period,
                " is the first period, with nothing before it to compare,"
                " so the trend cannot be judged.",
            )
        gap_at = self.chunk["_last_gap"].to_numpy(dtype=np.int64) - int(self.chunk["_row"].iloc[0])
        where = self.period[np.maximum(gap_at, 0)]
        if zh:
            return _join(header, ";", where, "与上一期之间数据缺失或不连续,无法判断趋势。")
        return _join(
            header,
            "; the data are missing or not consecutive before ",
            where,
            ", so the trend cannot be judged.",
        )

    def _label_of(self, name: str) -> str:
        for item in self.indicator.inputs:
            if item.name == name:
                label = item.label_zh if self.zh else (item.label_en or item.name)
                return f"“{label}”({name})" if self.zh else f"“{label}” ({name})"
        return name

    def _labels(self, names: npt.NDArray[np.object_]) -> Text:
        codes, uniques = pd.factorize(names)
        texts = [
            ("、" if self.zh else ", ").join(
                self._label_of(part) for part in str(n).split(",") if part
            )
            for n in uniques
        ]
        return np.asarray([*texts, ""], dtype=S)[codes]


def _exact_equality(chunk: pd.DataFrame) -> npt.NDArray[np.bool_] | None:
    """The engine's exact value = threshold flags, or ``None`` where this kind has none.

    In an evaluation mixing kinds the column is missing (NaN) for trends and ranks: NaN must
    not read as ``True``.
    """
    if "_equal" not in chunk:
        return None
    flags = chunk["_equal"]
    if flags.isna().any():
        return None
    return flags.to_numpy(dtype=bool)


def _period_text(periods: npt.NDArray[np.object_], zh: bool) -> Text:
    codes, uniques = pd.factorize(periods)
    texts = [f"{u} 年" if zh and str(u).isdigit() else str(u) for u in uniques]
    return np.asarray([*texts, ""], dtype=S)[codes]


def _pick(mask: npt.NDArray[np.bool_], yes: Any, no: Any) -> Any:
    """``np.where(mask, yes, no)`` for strings, without building anything when ``mask`` is uniform.

    Returns ``yes`` or ``no`` itself (an array or a scalar that broadcasts) when every row
    agrees: joining long sentences is the cost of rendering, so no pass is wasted.

    >>> _pick(np.array([True, True]), "met", "not met")
    'met'
    >>> _pick(np.array([True, False]), "met", "not met").tolist()
    ['met', 'not met']
    """
    if mask.all():
        return yes
    if not mask.any():
        return no
    return np.where(mask, np.asarray(yes, dtype=S), np.asarray(no, dtype=S))


def _join(*parts: Any) -> Text:
    result = np.asarray(parts[0], dtype=S)
    for part in parts[1:]:
        result = np.strings.add(result, np.asarray(part, dtype=S))
    return result
