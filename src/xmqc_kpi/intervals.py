"""Confidence intervals for proportions estimated from a sample (spot checks).

The Wilson score interval is used: it stays inside [0, 1], behaves well near 0 % and 100 %
(where pass rates live) and is the interval most statistics offices recommend over the normal
approximation.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["Z_95", "wilson_interval"]

FloatArray = npt.NDArray[np.float64]

#: The standard normal quantile for a two-sided 95 % interval.
Z_95 = 1.959963984540054


def wilson_interval(
    successes: FloatArray, trials: FloatArray, z: float = Z_95
) -> tuple[FloatArray, FloatArray]:
    r"""The Wilson score interval of ``successes / trials``, as fractions in [0, 1].

    .. math::

        \frac{\hat p + \frac{z^2}{2n} \pm z\sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}}
             {1 + \frac{z^2}{n}}

    NaN where ``trials`` is 0 or missing. It is computed as
    :math:`(n\hat p + z^2/2 \pm z\sqrt{n\hat p(1-\hat p) + z^2/4}) / (n + z^2)`, which
    neither overflows for huge nor for tiny ``trials``, and it always contains
    :math:`\hat p` (``successes / trials`` as floats), as the exact interval does.

    >>> low, high = wilson_interval(np.array([1160.0]), np.array([1200.0]))
    >>> round(float(low[0]) * 100, 2), round(float(high[0]) * 100, 2)
    (95.49, 97.54)
    """
    # over: successes beyond trials (a data error the engine reports) may overflow p
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        n = np.where(trials > 0, trials, np.nan)
        p = successes / n
        z2 = z * z
        centre = (n * p + z2 / 2) / (n + z2)
        half = z * np.sqrt(n * (p * (1 - p)) + z2 / 4) / (n + z2)
        low = np.minimum(np.clip(centre - half, 0.0, 1.0), p)
        high = np.maximum(np.clip(centre + half, 0.0, 1.0), p)
    return low, high
