"""Print the mutation score of a finished ``mutmut run`` (used by ``make mutation``).

mutmut 3 stores each mutant's test exit code in ``mutants/src/**/*.meta``. Killed mutants
(the tests failed) and timeouts count as killed; survivors, mutants no test covers and
suspicious ones count against the score.

    .venv/bin/python benchmarks/mutation_score.py mutants
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

#: mutmut's exit-code meanings (mutmut/__main__.py, status_by_exit_code).
_OUTCOME = {
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    24: "timeout",
    -24: "timeout",
    36: "timeout",
    152: "timeout",
    255: "timeout",
}


def outcomes(folder: Path) -> collections.Counter[str]:
    """Count the outcomes of every mutant recorded under ``folder``."""
    counts: collections.Counter[str] = collections.Counter()
    for meta in sorted(folder.glob("src/**/*.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        counts.update(_OUTCOME.get(code, "suspicious") for code in codes if code is not None)
    return counts


def main() -> None:
    """Print the counts and the score."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=Path("mutants"))
    counts = outcomes(parser.parse_args().folder)
    killed = counts["killed"] + counts["timeout"]
    total = killed + counts["survived"] + counts["no tests"] + counts["suspicious"]
    print(dict(sorted(counts.items())))
    if total:
        print(f"mutation score: {killed}/{total} = {100 * killed / total:.1f}% killed")


if __name__ == "__main__":
    main()
