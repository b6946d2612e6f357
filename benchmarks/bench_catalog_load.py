"""Time load_catalog on catalogs of n and 4n entries (JSON, YAML, TOML): it should scale ~4x.

The tests check linearity on counted work (tests/test_catalog_files.py); this script records
the wall-clock times. Run: ``.venv/bin/python benchmarks/bench_catalog_load.py [n]``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from xmqc_kpi.catalogs import catalog, load_catalog


def entries(count: int) -> list[dict[str, Any]]:
    template = catalog()["municipal_sampling_pass_rate"].model_dump(mode="json")
    # fresh copies: shared ones would be written as YAML anchors and aliases
    return [{**json.loads(json.dumps(template)), "id": f"rate_{index}"} for index in range(count)]


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    assert isinstance(value, dict)
    pairs = [f"{key} = {toml_value(item)}" for key, item in value.items() if item is not None]
    return "{ " + ", ".join(pairs) + " }"


def write(folder: Path, count: int, suffix: str) -> Path:
    document = {"indicators": entries(count)}
    path = folder / f"catalog_{count}{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    elif suffix == ".yaml":
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        path.write_text(yaml.dump(document, Dumper=dumper, allow_unicode=True), encoding="utf-8")
    else:
        tables = [
            "[[indicators]]\n"
            + "".join(f"{k} = {toml_value(v)}\n" for k, v in item.items() if v is not None)
            for item in document["indicators"]
        ]
        path.write_text("\n".join(tables), encoding="utf-8")
    return path


def best_of(path: Path, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        load_catalog(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".json", ".yaml", ".toml"):
            small, large = write(Path(folder), n, suffix), write(Path(folder), 4 * n, suffix)
            t_small, t_large = best_of(small), best_of(large)
            print(
                f"{suffix:6} n={n:<5} {small.stat().st_size:>9} B {t_small * 1000:8.1f} ms   "
                f"4n={4 * n:<5} {large.stat().st_size:>9} B {t_large * 1000:8.1f} ms   "
                f"ratio {t_large / t_small:4.2f}"
            )


if __name__ == "__main__":
    main()
