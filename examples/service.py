"""A service's use of xmqc_kpi: build the data, call evaluate, emit the JSON result.

.venv/bin/python examples/service.py
"""

from __future__ import annotations

import pandas as pd

import xmqc_kpi as kpi

LEVELS = ("national", "provincial", "municipal")


def assess_sampling(data: pd.DataFrame, as_of: str) -> str:
    """Evaluate the three supervision-sampling indicators and return the JSON result."""
    catalog = kpi.catalog()
    sampling = [catalog[f"{level}_sampling_pass_rate"] for level in LEVELS]
    return kpi.evaluate(sampling, data, as_of=as_of).to_json(indent=1)


def main() -> None:
    data = pd.DataFrame(
        {
            "region": ["思明区", "湖里区"],
            "period": [2013, 2013],
            "national_sampled_batches": [50, 120],
            "national_passed_batches": [47, 110],
            "provincial_sampled_batches": [200, 180],
            "provincial_passed_batches": [190, 171],
            "municipal_sampled_batches": [1200, 25000],
            "municipal_passed_batches": [1160, 23999],
        }
    )
    print(assess_sampling(data, as_of="2013-12-31"))


if __name__ == "__main__":
    main()
