"""Malformed catalog files: every one a CatalogError naming the entry and field, quickly.

Each case is a document (TOML, YAML or JSON text) and the exact problem expected: entry index,
id, field path and a fragment of the message. Linear time is checked on counted work (parser
events and nodes), never on the clock: speed is measured in benchmarks/bench_catalog_load.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from xmqc_kpi.catalogs import (
    MAX_CATALOG_BYTES,
    MAX_COUNT,
    MAX_NESTING,
    CatalogError,
    _Meter,  # the counted work of reading a file: linearity without a clock
    _parse,
    _Unreadable,
    catalog,
    load_catalog,
)
from xmqc_kpi.text import using_language

BUILTIN = catalog()
RATE = "municipal_sampling_pass_rate"


def entry(indicator_id: str = RATE, **changes: Any) -> dict[str, Any]:
    """A valid entry of the built-in catalog, with top-level fields changed or removed."""
    dumped: dict[str, Any] = BUILTIN[indicator_id].model_dump(mode="json")
    for name, new in changes.items():
        if new is None:
            del dumped[name]
        else:
            dumped[name] = new
    return dumped


def as_json(*entries: dict[str, Any]) -> str:
    return json.dumps({"indicators": list(entries)}, ensure_ascii=False)


def as_yaml(*entries: dict[str, Any]) -> str:
    return yaml.safe_dump({"indicators": list(entries)}, allow_unicode=True, sort_keys=False)


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


def as_toml(*entries: dict[str, Any]) -> str:
    """A TOML catalog, one ``[[indicators]]`` table per entry (TOML has no null: omitted)."""
    tables = [
        "[[indicators]]\n"
        + "".join(
            f"{key} = {toml_value(value)}\n" for key, value in item.items() if value is not None
        )
        for item in entries
    ]
    return "\n".join(tables)


@dataclass(frozen=True)
class Case:
    """A malformed file and the one problem it must raise."""

    name: str
    text: str
    entry: int | None
    id: str | None
    field: str | None
    message: str


VALID_YAML = as_yaml(entry())
VALID_JSON = as_json(entry())
THRESHOLD = entry()["threshold"]
FUNDING = "quality_funding_ratio"

CASES = [
    # wrong types, unknown kinds, missing and unknown fields: located by pydantic
    Case("type.toml", as_toml(entry(decimals="two")), 0, RATE, "decimals", "valid integer"),
    Case("type.json", as_json(entry(decimals="two")), 0, RATE, "decimals", "valid integer"),
    Case("type.yaml", as_yaml(entry(title_zh=[1])), 0, RATE, "title_zh", "valid string"),
    Case(
        "formula.toml",
        as_toml(entry(formula={"kind": "product", "inputs": []})),
        0,
        RATE,
        "formula",
        "'product'",
    ),
    Case(
        "formula.json",
        as_json(entry(), entry(FUNDING, formula={"kind": "sum", "inputs": []})),
        1,
        FUNDING,
        "formula",
        "'sum'",
    ),
    Case(
        "threshold.yaml",
        as_yaml(entry(threshold={**THRESHOLD, "kind": "at_least_ish"})),
        0,
        RATE,
        "threshold",
        "'at_least_ish'",
    ),
    Case(
        "unit.json",
        as_json(entry(threshold={**THRESHOLD, "unit": "万元"})),
        0,
        RATE,
        "threshold",
        "unit '万元' does not convert to 'percent'",
    ),
    Case("extra.yaml", as_yaml(entry(colour="red")), 0, RATE, "colour", "Extra inputs"),
    Case(
        "extra_nested.json",
        as_json(entry(clause={"body": "22", "page": 3})),
        0,
        RATE,
        "clause.page",
        "Extra inputs",
    ),
    Case("missing.json", as_json(entry(quote=None)), 0, RATE, "quote", "Field required"),
    Case("deadline.yaml", as_yaml(entry(deadline="2013/12")), 0, RATE, "deadline", "pattern"),
    Case("deadline.json", as_json(entry(deadline="2013-13")), 0, RATE, "deadline", "pattern"),
    Case(
        "deadline.toml",
        as_toml(entry()).replace('deadline = "2013-12"', "deadline = 2013-12-01"),
        0,
        RATE,
        "deadline",
        "valid string",
    ),
    Case(
        "value.json",
        as_json(entry(threshold={**THRESHOLD, "value": "1e-999999999"})),
        0,
        RATE,
        "threshold.at_least.value",
        "out of range",
    ),
    Case(
        "top_fraction.yaml",
        as_yaml(
            entry(
                "brand_titles_per_100m_gdp",
                threshold={
                    "kind": "top_among_peers",
                    "peer_group": "全国",
                    "top_fraction": "1e-99999",
                },
            )
        ),
        0,
        "brand_titles_per_100m_gdp",
        "threshold.top_among_peers.top_fraction",
        "out of range",
    ),
    Case(
        "nan.json", VALID_JSON.replace('"96"', "NaN"), 0, RATE, "threshold.at_least.value", "finite"
    ),
    # duplicates: ids, and keys (JSON and YAML; TOML refuses them itself)
    Case(
        "duplicate_id.yaml",
        as_yaml(entry(), entry(FUNDING), entry()),
        2,
        RATE,
        "id",
        "duplicate id: entry 0 has the same id",
    ),
    Case(
        "duplicate_key.json",
        VALID_JSON.replace('"decimals": 2', '"decimals": 2, "decimals": 3'),
        0,
        RATE,
        "decimals",
        "duplicate key 'decimals'",
    ),
    Case(
        "duplicate_key.yaml",
        VALID_YAML.replace("  decimals: 2\n", "  decimals: 2\n  decimals: 3\n"),
        0,
        RATE,
        "decimals",
        "duplicate key 'decimals' (line",
    ),
    Case(
        "duplicate_top.json",
        '{"indicators": [], "indicators": []}',
        None,
        None,
        "indicators",
        "duplicate key 'indicators'",
    ),
    Case("duplicate_key.toml", "indicators = []\nindicators = []\n", None, None, None, "TOML"),
    # the shape of the whole file
    Case("list.json", "[]", None, None, None, "must hold a mapping with an 'indicators' list"),
    Case("scalar.yaml", "42\n", None, None, None, "mapping with an 'indicators' list, not a int"),
    Case("comments.yaml", "# nothing\n", None, None, None, "not nothing"),
    Case("empty.json", "", None, None, None, "the file is empty"),
    Case("blank.toml", " \n\t\n", None, None, None, "the file is empty"),
    Case("none.json", "{}", None, None, "indicators", "Field required"),
    Case("version.toml", "indicators = []\nversion = 2\n", None, None, "version", "Extra inputs"),
    Case(
        "dict.json",
        '{"indicators": {"id": "x"}}',
        None,
        None,
        "indicators",
        "must be a list of indicator entries, not a mapping",
    ),
    Case("string.yaml", "indicators: abc\n", None, None, "indicators", "not a string"),
    Case("entry.json", '{"indicators": ["x"]}', 0, None, None, "valid dictionary"),
    Case("bad.json", '{"indicators": [', None, None, None, "not valid JSON"),
    Case("bad.toml", "indicators = [", None, None, None, "not valid TOML"),
    Case("bad.yaml", "indicators: [\n", None, None, None, "not valid YAML (line 2"),
    Case(
        "two.yaml",
        "indicators: []\n---\nindicators: []\n",
        None,
        None,
        None,
        "second YAML document",
    ),
    Case(
        "bigint.json",
        '{"indicators": [{"decimals": ' + "9" * 5000 + "}]}",
        None,
        None,
        None,
        "not valid JSON: Exceeds the limit (4300 digits)",
    ),
    # no code is run: any tag but the core schema's is refused, with its line
    Case(
        "apply.yaml",
        "indicators: !!python/object/apply:os.system [echo hi]\n",
        None,
        None,
        "indicators",
        "(line 1, column 13): the tag !!python/object/apply:os.system is not allowed",
    ),
    Case(
        "object.yaml",
        VALID_YAML.replace(
            "  decimals: 2\n", "  decimals: !!python/object:fractions.Fraction {}\n"
        ),
        0,
        None,
        "decimals",
        "the tag !!python/object:fractions.Fraction is not allowed",
    ),
    Case(
        "name.yaml",
        "indicators:\n- !!python/name:os.system\n",
        0,
        None,
        None,
        "(line 2, column 3): the tag !!python/name:os.system is not allowed",
    ),
    Case("set.yaml", "indicators: !!set {a: null}\n", None, None, "indicators", "!!set is not"),
    # nesting and aliases
    Case(
        "recursive.yaml",
        "indicators: &a [*a]\n",
        0,
        None,
        None,
        "the alias *a is inside the node &a it names (line 1, column 17)",
    ),
    Case(
        "recursive_entry.yaml",
        "indicators:\n- &e {id: x, clause: *e}\n",
        0,
        None,
        "clause",
        "the alias *e is inside the node &e",
    ),
    Case("undefined.yaml", "indicators: [*nowhere]\n", 0, None, None, "undefined alias *nowhere"),
    Case(
        "twice.yaml",
        "indicators: [&a 1, &a 2]\n",
        None,
        None,
        None,
        "the anchor &a is defined twice (line 1, column 20)",
    ),
    Case(
        "deep.yaml",
        "indicators:\n- title_zh: " + "[" * 100_000 + "]" * 100_000 + "\n",
        None,
        None,
        None,
        "not valid YAML",  # libyaml stops flow nesting at 1000 levels; PyYAML's own parser at 32
    ),
    Case(
        "deep_block.yaml",
        "indicators:\n" + "".join(" " * (2 * i) + "- \n" for i in range(200)),
        0,
        None,
        "[0]" * (MAX_NESTING - 2),
        f"nest more than {MAX_NESTING} levels deep (line 33,",
    ),
    Case(
        "deep.json",
        '{"indicators": [{"title_zh": ' + "[" * 100_000 + "]" * 100_000 + "}]}",
        None,
        None,
        None,
        f"nest more than {MAX_NESTING} levels deep",
    ),
    Case(
        "deeper.json",
        '{"indicators": [{"title_zh": ' + "[" * 100 + "]" * 100 + "}]}",
        0,
        None,
        "title_zh" + "[0]" * (MAX_NESTING - 3),
        f"nest more than {MAX_NESTING} levels deep",
    ),
    Case(
        "deep.toml",
        "indicators = " + "[" * 100_000 + "]" * 100_000 + "\n",
        None,
        None,
        None,
        f"nest more than {MAX_NESTING} levels deep",
    ),
    Case(
        "dotted.toml",
        "a" + ".a" * 100_000 + " = 1\n",
        None,
        None,
        None,
        f"a dotted key of more than {MAX_NESTING} parts (line 1)",
    ),
    Case(
        "deep_table.toml",
        "indicators = []\n[x" + ".x" * 40 + "]\n",
        None,
        None,
        None,
        "a dotted key of more than",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_malformed_file(tmp_path: Path, case: Case) -> None:
    path = tmp_path / case.name
    path.write_text(case.text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    (problem,) = problems
    assert (problem.entry, problem.id, problem.field) == (case.entry, case.id, case.field)
    assert case.message in problem.message, problem.message
    assert case.name in str(caught.value)


def test_problems_of_reading_and_of_validation_are_reported_together(tmp_path: Path) -> None:
    text = VALID_JSON.replace('"decimals": 2', '"decimals": 2, "decimals": "x"')
    path = tmp_path / "both.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert [(p.field, p.message.split(" (")[0]) for p in caught.value.problems] == [
        ("decimals", "duplicate key 'decimals'"),
        ("decimals", "Input should be a valid integer, unable to parse string as an integer"),
    ]


# ---------------------------------------------------------------------------------------------
# Bytes: encoding, byte-order marks, size


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".toml"])
def test_a_utf8_byte_order_mark_is_ignored(tmp_path: Path, suffix: str) -> None:
    text = {".json": VALID_JSON, ".yaml": VALID_YAML, ".toml": "indicators = []\n"}[suffix]
    path = tmp_path / f"bom{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert len(load_catalog(path)) == (0 if suffix == ".toml" else 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"indicators": []}\n\n  "caf\xe9"', "byte 0xe9 at line 3, byte 7 (invalid continuation"),
        (b"\xff\xfe{\x00}\x00", "not UTF-8 text: UTF-16 (byte-order mark)"),
        (b"\xff\xfe\x00\x00{\x00\x00\x00", "UTF-32 (byte-order mark)"),
    ],
)
def test_text_that_is_not_utf8(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(data)
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    (problem,) = caught.value.problems
    assert problem.message.startswith("not UTF-8 text")
    assert message in problem.message


def test_size_limit(tmp_path: Path) -> None:
    assert MAX_CATALOG_BYTES == 10 * 1024 * 1024
    path = tmp_path / "big.json"
    path.write_text(VALID_JSON + " " * 1000, encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(CatalogError, match=rf"too large \({size} bytes; the limit is 1000 bytes\)"):
        load_catalog(path, max_bytes=1000)
    assert len(load_catalog(path, max_bytes=size)) == 1


def test_the_default_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:  # sparse: nothing is written but the size
        file.truncate(MAX_CATALOG_BYTES + 1)
    with pytest.raises(CatalogError, match="the limit is 10485760 bytes"):
        load_catalog(path)


# ---------------------------------------------------------------------------------------------
# Aliases: allowed within a budget proportional to the file's size


def test_aliases_that_repeat_a_little_are_read(tmp_path: Path) -> None:
    first, second = entry(), entry(FUNDING)
    text = as_yaml(first, second).replace("  responsible:\n", "  responsible: &units\n", 1)
    head, block = text.rsplit("  responsible:\n", 1)
    rest = block.splitlines(keepends=True)
    while rest[0].startswith("    "):  # the second entry's own responsible block
        rest.pop(0)
    text = head + "  responsible: *units\n" + "".join(rest)
    path = tmp_path / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_catalog(path)
    assert loaded[FUNDING].responsible == loaded[RATE].responsible


def laughs(levels: int) -> str:
    """The "billion laughs": each level names the level below nine times."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(["indicators: []", *lines]) + "\n"


def test_billion_laughs_is_refused_after_little_work() -> None:
    data = laughs(10).encode()  # 9**10 = 3.5e9 nodes expanded, 560 bytes
    meter = _Meter(len(data))
    with pytest.raises(_Unreadable, match=r"YAML aliases \(\*name\) repeat too much") as caught:
        _parse(data, ".yaml", meter)
    assert "(line 6, column 10)" in caught.value.message  # the 5th level
    assert meter.events < len(data)  # stopped at the level that broke the budget
    assert meter.nodes <= meter.budget * 10  # counted, never built nor walked
    assert meter.visited == 0


def test_billion_laughs_file(tmp_path: Path) -> None:
    path = tmp_path / "lol.yaml"
    path.write_text(laughs(10), encoding="utf-8")
    budget = _Meter(path.stat().st_size).budget
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    (problem,) = caught.value.problems
    assert (problem.entry, problem.field) == (None, "a4[0]")
    assert problem.message.startswith(f"the document has more than {budget} nodes (line 6")


# ---------------------------------------------------------------------------------------------
# Linear time, on counted work


def big_catalog(count: int, suffix: str) -> bytes:
    entries = []
    for index in range(count):
        item = entry()
        item["id"] = f"rate_{index}"
        entries.append(item)
    if suffix == ".json":
        return as_json(*entries).encode()
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: ten times faster
    document = {"indicators": entries}
    return yaml.dump(document, Dumper=dumper, allow_unicode=True, sort_keys=False).encode()


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_work_is_linear_in_the_file_size(suffix: str) -> None:
    work = {}
    for count in (100, 400):
        data = big_catalog(count, suffix)
        meter = _Meter(len(data))
        _parse(data, suffix, meter)
        assert meter.work <= len(data)  # at most one unit of work per byte
        work[count] = meter.work
    assert 3.9 <= work[400] / work[100] <= 4.1


def test_aliases_cost_what_they_repeat_up_to_the_budget() -> None:
    unit = "- &u [" + ", ".join(["x"] * 50) + "]\n"
    for copies in (20, 80):
        data = ("indicators: []\nrest:\n" + unit + "- *u\n" * copies).encode()
        meter = _Meter(len(data))
        _parse(data, ".yaml", meter)
        assert meter.nodes == 5 + 51 * (copies + 1)  # 5: the mapping, 2 keys, 2 lists
        assert meter.work <= 3 * meter.budget
    data = ("indicators: []\nrest:\n" + unit + "- *u\n" * 400).encode()  # 10 nodes a byte
    meter = _Meter(len(data))
    with pytest.raises(_Unreadable, match="repeat too much"):
        _parse(data, ".yaml", meter)
    assert meter.nodes <= meter.budget + 51


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """The messages compared here are the English ones (Chinese is the default)."""
    with using_language("en"):
        yield


@pytest.mark.parametrize(
    ("indicator_id", "threshold"),
    [
        (
            "brand_titles_per_100m_gdp",
            {"kind": "top_among_peers", "peer_group": "全国同级城市", "top_n": 10**30},
        ),
        ("service_satisfaction_trend", {"kind": "trend", "direction": "rising", "window": 10**30}),
    ],
)
def test_counts_beyond_any_region_or_period_are_refused(
    tmp_path: Path, indicator_id: str, threshold: dict[str, Any]
) -> None:
    """top_n or window of 10**30 loaded, then made evaluate allocate without end."""
    path = tmp_path / "huge.json"
    path.write_text(as_json(entry(indicator_id, threshold=threshold)), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    (problem,) = caught.value.problems
    name = "top_n" if "top_n" in threshold else "window"
    assert problem.code == "catalog_too_big"
    assert problem.field == f"threshold.{threshold['kind']}.{name}"
    assert problem.message_in("en") == (f"{name} is too large: at most {MAX_COUNT} (got {10**30})")
    assert problem.message_in("zh") == f"{name} 过大：最大为 {MAX_COUNT}（得到 {10**30}）"


def test_catalog_errors_render_in_both_languages_and_as_a_table(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text(as_json(entry(), entry()), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    error = caught.value
    assert error.codes == ("catalog_duplicate_id",)
    assert error.render("zh").splitlines() == [
        f"指标目录文件“{path}”中有 1 处问题：",
        f"  - 第 2 条（编号“{RATE}”），字段“id”：重复的指标编号：第 1 条已使用此编号",
    ]
    assert str(error) == error.render("en")  # the active language
    with using_language("zh"):
        assert str(error) == error.render("zh")
    frame = error.to_frame("en")
    assert list(frame.columns) == ["entry", "id", "field", "code", "message"]
    assert frame.to_dict("records") == [
        {
            "entry": 1,
            "id": RATE,
            "field": "id",
            "code": "catalog_duplicate_id",
            "message": "duplicate id: entry 0 has the same id",
        }
    ]
