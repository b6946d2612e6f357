"""A part above its whole is found exactly, in integers or in fractions alike."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from xmqc_kpi.engine import _integers_greater
from xmqc_kpi.panel import Column

counts = st.lists(st.integers(0, 2**62), min_size=1, max_size=20)
count_units = st.sampled_from(["个", "count", "万个", "批次", "万家"])


@given(parts=counts, wholes=counts, part_unit=count_units, whole_unit=count_units)
def test_integers_decide_as_fractions_do(
    parts: list[int], wholes: list[int], part_unit: str, whole_unit: str
) -> None:
    size = min(len(parts), len(wholes))
    part = Column(
        raw=np.array(parts[:size]), unit_codes=np.zeros(size, np.intp), units=(part_unit,)
    )
    whole = Column(
        raw=np.array(wholes[:size]), unit_codes=np.zeros(size, np.intp), units=(whole_unit,)
    )
    rows = np.arange(size)
    expected = [part.exact(row, "count") > whole.exact(row, "count") for row in range(size)]
    settled = _integers_greater(part, whole, "count", rows)
    assert settled is not None
    assert settled.tolist() == expected


def test_other_numbers_are_left_to_fractions() -> None:
    shares = Column(raw=np.array([0.5]), unit_codes=np.zeros(1, np.intp), units=("count",))
    whole = Column(raw=np.array([1]), unit_codes=np.zeros(1, np.intp), units=("count",))
    assert _integers_greater(shares, whole, "count", np.array([0])) is None
    mixed = Column(raw=np.array([1, 2]), unit_codes=np.array([0, 1]), units=("个", "万个"))
    assert _integers_greater(mixed, whole, "count", np.array([0])) is None
