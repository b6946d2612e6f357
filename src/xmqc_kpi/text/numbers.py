"""The one number policy: how many decimals every number a person reads gets.

Explanations, reports, the notebook and the command line all format numbers here. The rule:

* the indicator's declared decimals are a minimum;
* a value and what it is compared with (threshold, benchmark, cut-off member's value, the
  previous period) are formatted **together**: two numbers that differ never print equal, and
  the printed pair never reads backwards (a value below its benchmark never prints above it);
* a number declared in the catalog (the 96 of 96 %) is shown as written.

>>> format_pair(0.030, 0.028125, decimals=2)
('0.030', '0.028')
>>> format_pair(0.0206, 0.025, decimals=2)
('0.021', '0.025')
>>> format_pair(95.996, 96, decimals=2, declared=True)
('95.996', '96')
>>> format_number(96.6667, "percent", decimals=2, lang="zh")
'96.67%'
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from ._language import Language
from .units import with_unit

__all__ = [
    "MAX_DECIMALS",
    "declared_text",
    "digit_texts",
    "format_given",
    "format_number",
    "format_numbers",
    "format_pair",
    "given_text",
    "number_pieces",
    "number_text",
    "pair_decimals",
    "pair_places",
]

S = np.dtypes.StringDType()
Text = npt.NDArray[Any]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: The most decimals a number is ever given to tell it from what it is compared with.
MAX_DECIMALS = 12
#: From here on a float times a power of ten may not fit an int64: written positionally.
_EXACT_SCALE = 1e17


def format_numbers(values: FloatArray, decimals: IntArray | int) -> Text:
    """Numbers with a fixed number of decimals each, as strings (``"—"`` NaN, ``"∞"`` inf).

    A float has 17 significant digits at most, so no more are shown: the decimals of a large
    value are capped, and values from 10**17 on are written in positional form directly.

    >>> format_numbers(np.array([96.6667, 94.0, np.nan]), np.array([2, 2, 2])).tolist()
    ['96.67', '94.00', '—']
    >>> format_numbers(np.array([4.64e9, 1e20]), np.array([12, 3])).tolist()
    ['4640000000.0000000', '100000000000000000000']
    >>> format_numbers(np.array([np.inf, 1.0]), 2).tolist()
    ['∞', '1.00']
    """
    return _joined(number_pieces(values, decimals))


def number_pieces(values: FloatArray, decimals: IntArray | int) -> tuple[Text | str, ...]:
    """:func:`format_numbers` as pieces whose row-by-row join is its text.

    A sentence joins its pieces once: the sign, whole digits, point and fraction of a column
    of plain numbers (the common case, :func:`_plain_pieces`) are spliced into that join
    rather than joined first. Other columns come as one piece, the formatted text.

    >>> sign, whole, point, fraction = number_pieces(np.array([96.6667, -94.0] * 5), 2)
    >>> sign[:2].tolist(), whole[:2].tolist(), point, fraction[:2].tolist()
    (['', '-'], ['96', '94'], '.', ['67', '00'])
    """
    values = np.asarray(values, dtype=np.float64)
    places = np.broadcast_to(np.asarray(decimals, dtype=np.int64), values.shape)
    if values.ndim == 1 and len(values) <= _FEW:
        return (_format_few(values, places),)
    plain = _plain_pieces(values, places)
    if plain is not None:
        return plain
    finite = np.isfinite(values)
    if values.ndim == 1 and finite.any():  # plain numbers besides missing ones ("—")
        plain = _plain_pieces(np.where(finite, values, 0.0), places)
        if plain is not None:
            text = _joined(plain)
            text[~finite] = _beyond(values[~finite])
            return (text,)
    return (_format_column(values, places),)


def _joined(pieces: tuple[Text | str, ...]) -> Text:
    """Pieces joined row by row, as a variable-width string column."""
    joined: Text | str = pieces[0]
    for piece in pieces[1:]:
        joined = np.strings.add(joined, piece)
    return np.asarray(joined).astype(S, copy=False)


def _beyond(values: FloatArray) -> Text:
    """What a number that is not finite shows: ``—`` (NaN, missing), ``∞`` or ``-∞``."""
    return np.where(np.isnan(values), "—", np.where(values > 0, "∞", "-∞"))


def _plain_pieces(values: FloatArray, places: IntArray) -> tuple[Text | str, ...] | None:
    """The pieces of a column of plain numbers, else ``None``.

    Plain: every number finite, below 10**17 and too small for its decimals to be capped
    (:func:`_shown_decimals`). Then each row shows ``places`` decimals (0 to 16), and its
    digits are integer arithmetic and table lookups (:func:`digit_texts`).
    """
    if values.ndim != 1 or not len(values):
        return None
    magnitude = np.abs(values)
    fewest, most = int(places.min()), int(places.max())
    if fewest == most:
        largest = float(magnitude.max())  # NaN when any is NaN: then not plain
        plain = largest < max(1.0, _UNCAPPED * 10.0 ** (16 - fewest))
    else:
        bound = np.maximum(1.0, _UNCAPPED * 10.0 ** (16 - places.astype(np.float64)))
        largest = float(magnitude.max())
        plain = bool((magnitude < bound).all())
    if not plain or not largest < _EXACT_SCALE:
        return None
    shown = np.clip(places, 0, 16)
    scaled = np.rint(magnitude * 10.0 ** shown.astype(np.float64)).astype(np.int64)
    pieces: list[Text | str] = []
    negative = (values < 0) & (scaled > 0)
    if negative.any():
        pieces.append(np.where(negative, "-", ""))
    if most <= 0:
        return (*pieces, digit_texts(scaled))
    whole, fraction = np.divmod(scaled, 10**shown)
    pieces.append(digit_texts(whole))
    if fewest == most:
        return (*pieces, ".", digit_texts(fraction, width=most))
    pieces.append(np.where(shown > 0, ".", ""))
    fractions = np.full(len(values), "", dtype=f"<U{min(most, 16)}")
    for width in np.unique(shown[shown > 0]).tolist():
        rows = shown == width
        fractions[rows] = digit_texts(fraction[rows], width=width)
    return (*pieces, fractions)


def _format_column(values: FloatArray, places: IntArray) -> Text:
    """:func:`format_numbers` over a column, whatever its numbers and decimals."""
    finite = np.isfinite(values)
    magnitude = np.where(finite, np.abs(values), 0.0)
    huge = magnitude >= _EXACT_SCALE
    magnitude = np.where(huge, 0.0, magnitude)
    with np.errstate(divide="ignore"):
        whole_digits = np.where(magnitude >= 1, np.floor(np.log10(magnitude)) + 1, 1)
    places = np.clip(np.minimum(places, 17 - whole_digits), 0, None).astype(np.int64)
    scaled = np.rint(magnitude * 10.0 ** places.astype(np.float64)).astype(np.int64)
    unit = 10**places  # below 10**17: an int64
    whole = (scaled // unit).astype(S)

    def with_fraction() -> Text:
        fraction = np.strings.zfill((scaled % unit).astype(S), places)
        return np.strings.add(np.strings.add(whole, "."), fraction)

    text = _where(places > 0, with_fraction, whole)
    text = _where((values < 0) & (scaled > 0), lambda: np.strings.add("-", text), text)
    # beyond floats (1e308 yuan of 1e-10 yuan) the value is infinite, not missing
    text = np.asarray(_where(~finite, lambda: _beyond(values), text), dtype=S)
    if huge.any():
        text = np.array(text, dtype=S)
        text[huge] = [np.format_float_positional(v, trim="-") for v in values[huge]]
    return text


#: Up to this many numbers, :func:`format_numbers` formats one at a time (a service's row).
_FEW = 8


def _format_few(values: FloatArray, places: IntArray) -> Text:
    """:func:`format_numbers` for a few numbers, each by :func:`number_text`.

    >>> _format_few(np.array([96.6667, -0.004, np.nan]), np.array([2, 2, 2])).tolist()
    ['96.67', '0.00', '—']
    """
    texts = [
        number_text(value, wanted)
        for value, wanted in zip(values.tolist(), places.tolist(), strict=True)
    ]
    return np.asarray(texts, dtype=S)


def number_text(value: float, places: int) -> str:
    """One number as :func:`format_numbers` writes it in a column, byte for byte, in Python.

    The same float operations one by one: products, powers and round-half-even are the IEEE
    operations numpy applies to each element; the digits count (which caps the decimals of a
    number from 10**(16 − places) on) comes from the same ``np.log10`` as the column path.
    ``tests/test_numbers.py`` compares both.

    >>> number_text(96.6667, 2), number_text(-0.004, 2), number_text(float("nan"), 2)
    ('96.67', '0.00', '—')
    >>> number_text(4.64e9, 12), number_text(1e20, 3), number_text(float("-inf"), 1)
    ('4640000000.0000000', '100000000000000000000', '-∞')
    """
    if not math.isfinite(value):
        return "—" if value != value else ("∞" if value > 0 else "-∞")
    magnitude = abs(value)
    if magnitude >= _EXACT_SCALE:
        return np.format_float_positional(value, trim="-")
    decimals = _shown_decimals(magnitude, places)
    scaled = round(magnitude * 10.0 ** float(decimals))
    digits = str(scaled).zfill(decimals + 1)
    text = f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits
    return f"-{text}" if value < 0 and scaled > 0 else text


#: Below this share of 10**(16 − places) a number's whole digits leave its decimals uncapped,
#: whatever the last bit of its logarithm (a margin of 0.004 in log10, far above any error).
_UNCAPPED = 0.99


def _shown_decimals(magnitude: float, wanted: int) -> int:
    """``wanted`` decimals, capped at 17 significant digits: max(min(wanted, 17 − digits), 0).

    The whole digits are counted only where they may cap (``np.log10``, as the column does).

    >>> _shown_decimals(96.6667, 2), _shown_decimals(4.64e9, 12), _shown_decimals(0.5, 20)
    (2, 7, 16)
    """
    if magnitude < 1.0 or magnitude < _UNCAPPED * 10.0 ** (16 - wanted):
        return max(min(wanted, 16), 0)
    whole_digits = math.floor(float(np.log10(magnitude))) + 1
    return max(min(wanted, 17 - whole_digits), 0)


def _where(mask: npt.NDArray[np.bool_], yes: Any, no: Text) -> Text:
    """``np.where(mask, yes(), no)``, computing ``yes`` only when some row needs it.

    Formatting whole columns is the cost of rendering: no pass is spent on a uniform mask.
    """
    if not mask.any():
        return no
    chosen = yes()
    return chosen if mask.all() else np.where(mask, chosen, no)


def format_given(values: npt.NDArray[Any]) -> Text:
    """Numbers as the caller wrote them: integers without decimals, others in shortest form.

    >>> format_given(np.array([1160.0, 0.25, np.nan])).tolist()
    ['1160', '0.25', '—']
    """
    if values.dtype == object:  # integers beyond int64, kept as Python ints by the panel
        return np.asarray(np.frompyfunc(given_text, 1, 1)(values), dtype=object).astype(S)
    values = values.astype(np.float64)
    finite = np.isfinite(values)
    integral = finite & (np.abs(values) < 2.0**53) & (np.floor(values) == values)
    if len(values) and integral.all() and values.min() >= 0:  # counts: the common case
        return digit_texts(values.astype(np.int64))
    text = np.where(integral, values, 0).astype(np.int64).astype(S)
    fractional = np.flatnonzero(finite & ~integral)
    if len(fractional):
        text[fractional] = values[fractional].astype(S)
    text[~finite] = "—"
    return text


def digit_texts(numbers: IntArray, *, width: int = 0) -> Text:
    """Integers in decimal digits, zero-padded to ``width``: ``str(n).zfill(width)`` each.

    Below 10**8 the digits are looked up in a table of 10,000 texts (two lookups from 10**4
    on) instead of converted one by one, which costs numpy about fifty times more; the
    texts are fixed-width numpy strings, joined with the sentence later.

    >>> digit_texts(np.array([7, 95, 123456, 10**12])).tolist(), digit_texts(np.array([5]), width=3)
    (['7', '95', '123456', '1000000000000'], array(['005'], dtype='<U4'))
    """
    numbers = np.asarray(numbers, dtype=np.int64)
    outside = (
        int(numbers.min()) < 0 or int(numbers.max()) >= _TABLE_SIZE**2 if len(numbers) else True
    )
    if outside or width > _TABLE_DIGITS:
        text = numbers.astype(S)
        return np.strings.zfill(text, width) if width else text
    if int(numbers.max()) < _TABLE_SIZE:
        return _digit_table(width)[numbers]
    high, low = np.divmod(numbers, _TABLE_SIZE)
    padded = np.strings.add(_digit_table(0)[high], _digit_table(_TABLE_DIGITS)[low])
    return np.where(high > 0, padded, _digit_table(width)[low])


#: :func:`digit_texts` looks up numbers below 10**_TABLE_DIGITS in one table.
_TABLE_DIGITS = 4
_TABLE_SIZE = 10**_TABLE_DIGITS


@lru_cache(maxsize=_TABLE_DIGITS + 1)
def _digit_table(width: int) -> Text:
    """Every number below :data:`_TABLE_SIZE` in digits, zero-padded to ``width``."""
    return np.array([str(number).zfill(width) for number in range(_TABLE_SIZE)])


def given_text(cell: object) -> str:
    """One number as :func:`format_given` writes it in a column, byte for byte, in Python.

    >>> given_text(1160.0), given_text(0.25), given_text(float("nan")), given_text(2**70)
    ('1160', '0.25', '—', '1180591620717411303424')
    """
    if isinstance(cell, int | np.integer):
        return str(int(cell))
    number = float(cell)  # type: ignore[arg-type]
    if not math.isfinite(number):
        return "—"
    return str(int(number)) if number.is_integer() and abs(number) < 2.0**53 else repr(number)


def declared_text(number: Decimal | Fraction | float | int) -> str:
    """A number declared in a catalog, as written: ``96``, ``0.517``, ``1/15`` when not decimal.

    >>> declared_text(Decimal("96")), declared_text(Decimal("0.50")), declared_text(0.517)
    ('96', '0.5', '0.517')
    >>> declared_text(Fraction(1, 3))
    '1/3'
    """
    if isinstance(number, Fraction):
        denominator = number.denominator
        while denominator % 2 == 0:
            denominator //= 2
        while denominator % 5 == 0:
            denominator //= 5
        if denominator != 1:
            return f"{number.numerator}/{number.denominator}"
        number = Decimal(number.numerator) / Decimal(number.denominator)
    if isinstance(number, float):
        return np.format_float_positional(number, trim="-")
    return format(Decimal(number).normalize(), "f")


def pair_decimals(
    values: FloatArray,
    others: FloatArray,
    decimals: IntArray | int,
    *,
    equal: npt.NDArray[np.bool_] | None = None,
    declared: bool = False,
) -> IntArray:
    """Decimals to show each value and what it is compared with, so the pair reads truly.

    From ``decimals`` (the minimum) up, a row gets one more decimal while its two rounded
    numbers print equal though they differ, or print in the wrong order. ``equal`` is the
    exact equality (floats may disagree: 11 万元 ÷ 1.1 亿元 is exactly 1 ‰); equal rows keep
    the minimum. With ``declared`` the other number is shown as written, so only the value
    is rounded.

    >>> pair_decimals(np.array([0.030, 0.0206, 3.0]), np.array([0.028125, 0.025, np.nan]),
    ...               2).tolist()
    [3, 3, 2]
    """
    values = np.asarray(values, dtype=np.float64)
    others = np.broadcast_to(np.asarray(others, dtype=np.float64), values.shape)
    result = np.array(np.broadcast_to(np.asarray(decimals, dtype=np.int64), values.shape))
    with np.errstate(invalid="ignore"):
        truth = np.sign(values - others)
        if equal is not None:
            truth = np.where(equal, 0.0, truth)
        check = np.isfinite(values) & np.isfinite(others) & (truth != 0)
        for _ in range(MAX_DECIMALS):
            if not check.any():
                break
            scale = 10.0 ** result.astype(np.float64)
            shown = np.rint(values * scale) / scale
            other = others if declared else np.rint(others * scale) / scale
            wrong = check & (np.sign(shown - other) != truth)
            if not wrong.any():
                break
            result = np.where(wrong & (result < MAX_DECIMALS), result + 1, result)
            check = wrong & (result < MAX_DECIMALS)
    return result.astype(np.int64)


def pair_places(
    value: float,
    other: float,
    decimals: int,
    *,
    equal: bool = False,
    declared: bool = False,
) -> int:
    """:func:`pair_decimals` for one pair, in Python floats (the same IEEE operations).

    >>> pair_places(0.030, 0.028125, 2), pair_places(0.0206, 0.025, 2), pair_places(3.0, 1.0, 2)
    (3, 3, 2)
    """
    truth = 0 if equal else (value > other) - (value < other)
    if truth == 0 or not (math.isfinite(value) and math.isfinite(other)):
        return decimals
    places = decimals
    for _ in range(MAX_DECIMALS):
        scale = 10.0**places
        shown = _rint(value * scale) / scale
        compared = other if declared else _rint(other * scale) / scale
        if (shown > compared) - (shown < compared) == truth:
            break
        if places >= MAX_DECIMALS:
            break
        places += 1
    return places


def _rint(number: float) -> float:
    """``np.rint`` of one float: round half to even (infinities as they are)."""
    return float(round(number)) if math.isfinite(number) else number


def format_pair(
    value: float,
    other: float,
    *,
    decimals: int = 2,
    unit: str | None = None,
    equal: bool | None = None,
    declared: bool = False,
    lang: Language | str | None = None,
) -> tuple[str, str]:
    """A value and what it is compared with, formatted together (see :func:`pair_decimals`).

    ``unit`` (a registry name) appends the unit to both.

    >>> format_pair(0.5, 0.517, decimals=3, unit="deaths_per_10k_units", lang="zh")
    ('0.500 人/万台', '0.517 人/万台')
    """
    places = pair_decimals(
        np.array([value]),
        np.array([other]),
        decimals,
        equal=None if equal is None else np.array([equal]),
        declared=declared,
    )
    left = str(format_numbers(np.array([value]), places)[0])
    right = declared_text(other) if declared else str(format_numbers(np.array([other]), places)[0])
    if unit is None:
        return left, right
    return with_unit(left, unit, lang), with_unit(right, unit, lang)


def format_number(
    value: float,
    unit: str | None = None,
    *,
    decimals: int = 2,
    lang: Language | str | None = None,
) -> str:
    """One number with ``decimals`` decimals and its unit, as a table cell shows it.

    >>> format_number(5, "person", decimals=0, lang="en"), format_number(float("nan"))
    ('5 persons', '—')
    """
    text = str(format_numbers(np.array([value], dtype=np.float64), decimals)[0])
    return text if unit is None or text == "—" else with_unit(text, unit, lang)
