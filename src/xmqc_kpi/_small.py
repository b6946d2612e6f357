"""The one switch between the small-input path and the batch path.

Up to :data:`ROWS` rows, a Python pass over the values costs less than a numpy or pandas
call, so the engine, the progress check and the explanations take Python passes there. Both
paths give the same answers byte for byte: the tests set ``ROWS = -1`` to send every input
through the batch path and compare (``tests/test_small_path.py``). Read it as
``_small.ROWS`` (not ``from ._small import ROWS``) so that switch reaches every caller.
"""

from __future__ import annotations

__all__ = ["ROWS", "is_small"]

#: Up to this many rows, the small-input path is taken.
ROWS = 64


def is_small(rows: int) -> bool:
    """Whether ``rows`` rows take the small-input path.

    >>> is_small(1), is_small(10_000)
    (True, False)
    """
    return rows <= ROWS
