"""Byte-level fuzzing of the readers: mutated CSV, XLSX, JSON, Parquet and catalog files.

Whatever the bytes, reading answers within the budgets with a result or a ``DataError``
(``CatalogError`` for catalogs), never another exception. Each example starts from a valid
file of the corpus and applies a few mutations: bytes flipped, inserted, deleted, a chunk
repeated, the file truncated; for XLSX also inside one member of the archive, re-zipped, so
that the XML parsers see the damage rather than the zip checksum.

Under the ``ci`` profile each test runs 40 examples (``HYPOTHESIS_PROFILE=ci``, the default
``dev`` profile 100). For a long run, set ``XMQC_FUZZ_EXAMPLES``::

    XMQC_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest -q tests/test_byte_fuzz.py
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xmqc_kpi.catalogs import CatalogError, load_catalog
from xmqc_kpi.errors import DataError
from xmqc_kpi.limits import Limits
from xmqc_kpi.readers import read_data

pytest.importorskip("pyarrow")

CORPUS = Path(__file__).resolve().parent / "data" / "malformed"
SEEDS = {
    ".csv": (CORPUS / "title_rows.csv").read_bytes(),
    ".json": (CORPUS / "json_records_text.json").read_bytes(),
    ".parquet": (CORPUS / "parquet_strings.parquet").read_bytes(),
    ".xlsx": (CORPUS / "xlsx_merged_region.xlsx").read_bytes(),
}
CATALOG = (
    b'{"indicators": [{"id": "x", "title_zh": "t", "section": "1", "unit": "percent",'
    b' "formula": {"kind": "value", "input": "x"}, "threshold": {"kind": "at_least",'
    b' "value": 96}}]}'
)
#: Small budgets keep every example fast; a file over one is a DataError like any other.
LIMITS = Limits(max_file_bytes=2**20, max_rows=2_000, max_cells=20_000, max_inflated_bytes=2**22)

_examples = os.environ.get("XMQC_FUZZ_EXAMPLES")
fuzz_settings = settings(
    max_examples=int(_examples) if _examples else settings().max_examples,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

Mutation = tuple[str, int, bytes]
mutations = st.lists(
    st.tuples(
        st.sampled_from(["flip", "insert", "delete", "repeat", "truncate"]),
        st.integers(min_value=0, max_value=2**16),
        st.binary(min_size=1, max_size=8)
        | st.sampled_from([b"<!DOCTYPE", b'"', b"\\", b"[", b"{", b",", b"\n", b"\xef\xbb\xbf"]),
    ),
    min_size=1,
    max_size=4,
)


def mutate(data: bytes, steps: list[Mutation]) -> bytes:
    """``data`` with each mutation applied at its position (modulo the length)."""
    buffer = bytearray(data)
    for kind, position, payload in steps:
        at = position % (len(buffer) + 1)
        if kind == "flip" and buffer:
            index = min(at, len(buffer) - 1)
            buffer[index] ^= payload[0] or 1
        elif kind == "insert":
            buffer[at:at] = payload
        elif kind == "delete":
            del buffer[at : at + len(payload)]
        elif kind == "repeat":
            buffer[at:at] = buffer[at : at + 64] * (1 + payload[0] % 8)
        elif kind == "truncate":
            del buffer[at:]
    return bytes(buffer)


def _read(path: Path) -> None:
    refused: DataError | None = None
    try:
        read_data(path, limits=LIMITS)
    except DataError as error:  # the only refusal allowed
        refused = error
    if refused is not None:  # and it renders in both languages
        assert refused.render("zh")
        assert refused.render("en")


@pytest.mark.parametrize("suffix", list(SEEDS))
@fuzz_settings
@given(steps=mutations)
def test_mutated_files_are_read_or_refused(
    tmp_path: Path, suffix: str, steps: list[Mutation]
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(mutate(SEEDS[suffix], steps))
    _read(path)


@fuzz_settings
@given(member=st.integers(min_value=0, max_value=50), steps=mutations)
def test_mutated_workbook_parts_are_read_or_refused(
    tmp_path: Path, member: int, steps: list[Mutation]
) -> None:
    source = zipfile.ZipFile(io.BytesIO(SEEDS[".xlsx"]))
    names = source.namelist()
    damaged = names[member % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = source.read(name)
            target.writestr(name, mutate(content, steps) if name == damaged else content)
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(out.getvalue())
    _read(path)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
@fuzz_settings
@given(steps=mutations)
def test_mutated_catalogs_load_or_are_refused(
    tmp_path: Path, suffix: str, steps: list[Mutation]
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(mutate(CATALOG, steps))  # JSON is YAML too
    refused: CatalogError | None = None
    try:
        load_catalog(path)
    except CatalogError as error:
        refused = error
    if refused is not None:
        assert refused.render("zh")
        assert refused.render("en")


def test_the_mutations_change_the_bytes() -> None:
    assert mutate(b"abc", [("flip", 1, b"\x01")]) == b"acc"
    assert mutate(b"abc", [("insert", 3, b"xy")]) == b"abcxy"
    assert mutate(b"abcdef", [("delete", 1, b"..")]) == b"adef"
    assert mutate(b"abcdef", [("truncate", 2, b".")]) == b"ab"
    assert mutate(b"ab", [("repeat", 0, b"\x01")]) == b"ababab"
