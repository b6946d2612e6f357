"""Start-up cost of the package and of the command, against their targets.

* **import overhead**: importing the dependencies (pandas, pint, pydantic, numpy), then
  ``import xmqc_kpi; xmqc_kpi.evaluate`` (the engine and everything it imports), minus
  importing the dependencies alone: what the package adds, target at most 0.2 s;
* **command help**: the wall time of ``xmqc-kpi --help``, target at most 0.3 s;
* **first call** (issue 14): the CPU time of a fresh process that imports ``xmqc_kpi``,
  evaluates the full catalog on one (region, period) of the sample with its benchmarks, peers
  and units (read from a pickle, untimed by neither side) and writes ``to_json()``, minus the
  CPU time of one that imports pandas, pint and pydantic and builds a ``pint.UnitRegistry()``;
  target at most 0.10 s. CPU time (``resource.getrusage`` of the child) is less sensitive to
  a busy machine than wall time.

Each is the best of N fresh interpreter runs, so that caches and noise favour neither side.

    .venv/bin/python benchmarks/bench_startup.py --runs 7

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IMPORT_TARGET = 0.2
HELP_TARGET = 0.3
FIRST_CALL_TARGET = 0.10

#: Prints the CPU seconds (user + system) the process has used so far.
_CPU = (
    "import resource; usage = resource.getrusage(resource.RUSAGE_SELF); "
    "print(usage.ru_utime + usage.ru_stime)"
)
#: The peer a service engineer compares with: the dependencies and a unit registry.
PEER_CALL = f"import pandas, pint, pydantic; pint.UnitRegistry(); {_CPU}"
#: The first call of a service: the request is read from the pickle named by argv[1].
FIRST_CALL = (
    "import pickle, sys; import xmqc_kpi as kpi; "
    "request = pickle.load(open(sys.argv[1], 'rb')); "
    "kpi.evaluate(kpi.catalog(), as_of='2015-12-31', **request).to_json(); "
    f"{_CPU}"
)

#: The interpreters measured run as a deployed service does, from compiled bytecode: a
#: ``PYTHONDONTWRITEBYTECODE`` in the caller's environment (set on some development machines)
#: would make every run compile the package's sources again and measure the compiler.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

DEPENDENCIES = "import pandas, pint, pydantic, numpy"
# The dependencies are imported on both sides: ``xmqc_kpi.evaluate`` alone loads pint only when
# a unit is first parsed, and the difference must be the package's own cost.
PACKAGE = f"{DEPENDENCIES}; import xmqc_kpi; xmqc_kpi.evaluate"


def best_of(command: list[str], runs: int) -> float:
    """The shortest wall time of ``runs`` runs of ``command``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=ENVIRONMENT)
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
        float(
            subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, env=ENVIRONMENT
            ).stdout
        )
        for _ in range(runs)
    )


def best_cpu(code: str, runs: int, *args: str) -> float:
    """The least CPU time of ``runs`` fresh interpreters running ``code``, in seconds."""
    return min(
        float(
            subprocess.run(
                [sys.executable, "-c", code, *args],
                check=True,
                capture_output=True,
                text=True,
                env=ENVIRONMENT,
            ).stdout.split()[-1]
        )
        for _ in range(runs)
    )


def first_call(runs: int) -> tuple[float, float]:
    """CPU of the first call of a service, and of its peer (best of ``runs`` each)."""
    import xmqc_kpi as kpi

    sample = kpi.sample_data()
    data = sample["data"]
    row = data[(data["region"] == "厦门市") & (data["period"] == 2014)].reset_index(drop=True)
    request = {"data": row, **{k: sample[k] for k in ("benchmarks", "peers", "units")}}
    with tempfile.NamedTemporaryFile(suffix=".pickle") as handle:
        pickle.dump(request, handle)
        handle.flush()
        ours = best_cpu(FIRST_CALL, runs, handle.name)
        peer = best_cpu(PEER_CALL, runs)
    return ours, peer


def verdict(seconds: float, target: float) -> str:
    return "PASS" if seconds <= target else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (7)")
    runs = parser.parse_args().runs
    python = sys.executable
    script = Path(python).with_name("xmqc-kpi")

    best_of(
        [
            python,
            "-c",
            "import compileall, xmqc_kpi; compileall.compile_dir(xmqc_kpi.__path__[0], quiet=1)",
        ],
        1,
    )
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
    ours, peer = first_call(runs)
    extra = ours - peer
    print(f"  first call (import, full catalog on one row, to_json): {ours:6.3f} s CPU")
    print(f"  pandas + pint + pydantic + UnitRegistry():            {peer:6.3f} s CPU")
    print(
        f"  first call overhead {extra:6.3f} s CPU  (target <= {FIRST_CALL_TARGET} s)  "
        f"{verdict(extra, FIRST_CALL_TARGET)}"
    )
    passed = overhead <= IMPORT_TARGET and help_time <= HELP_TARGET and extra <= FIRST_CALL_TARGET
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
