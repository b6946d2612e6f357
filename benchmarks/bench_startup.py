"""Start-up cost of the package and of the command, against their targets.

* **import overhead**: importing the dependencies (pandas, pint, pydantic, numpy), then
  ``import xmqc_kpi; xmqc_kpi.evaluate`` (the engine and everything it imports), minus
  importing the dependencies alone: what the package adds, target at most 0.2 s;
* **command help**: the wall time of ``xmqc-kpi --help``, target at most 0.3 s.

Each is the best of N fresh interpreter runs, so that caches and noise favour neither side.

    .venv/bin/python benchmarks/bench_startup.py --runs 7

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

IMPORT_TARGET = 0.2
HELP_TARGET = 0.3

DEPENDENCIES = "import pandas, pint, pydantic, numpy"
# The dependencies are imported on both sides: ``xmqc_kpi.evaluate`` alone loads pint only when
# a unit is first parsed, and the difference must be the package's own cost.
PACKAGE = f"{DEPENDENCIES}; import xmqc_kpi; xmqc_kpi.evaluate"


def best_of(command: list[str], runs: int) -> float:
    """The shortest wall time of ``runs`` runs of ``command``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def best_inside(runs: int) -> float:
    """The shortest time of ``import xmqc_kpi; xmqc_kpi.evaluate`` timed inside the process.

    The dependencies are imported first, untimed: a cross-check of the subtraction above that
    is less sensitive to a busy machine.
    """
    code = (
        f"import time; {DEPENDENCIES}; start = time.perf_counter(); "
        "import xmqc_kpi; xmqc_kpi.evaluate; print(time.perf_counter() - start)"
    )
    return min(
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True).stdout)
        for _ in range(runs)
    )


def verdict(seconds: float, target: float) -> str:
    return "PASS" if seconds <= target else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (7)")
    runs = parser.parse_args().runs
    python = sys.executable
    script = Path(python).with_name("xmqc-kpi")

    dependencies = best_of([python, "-c", DEPENDENCIES], runs)
    package = best_of([python, "-c", PACKAGE], runs)
    overhead = package - dependencies
    inside = best_inside(runs)
    help_time = best_of([str(script), "--help"], runs)

    print(f"best of {runs} runs")
    print(f"  {DEPENDENCIES!r:82} {dependencies:6.3f} s")
    print(f"  {PACKAGE!r:82} {package:6.3f} s")
    print(
        f"  import overhead {overhead:6.3f} s  (target <= {IMPORT_TARGET} s)  "
        f"{verdict(overhead, IMPORT_TARGET)}"
    )
    print(f"  (timed inside the process: {inside:6.3f} s)")
    print(
        f"  xmqc-kpi --help {help_time:6.3f} s  (target <= {HELP_TARGET} s)  "
        f"{verdict(help_time, HELP_TARGET)}"
    )
    return 0 if overhead <= IMPORT_TARGET and help_time <= HELP_TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
