"""The ``xmqc-kpi`` command: list, report, template, validate and evaluate from the shell.

Subcommands (each has ``--help``):

``catalog``     list the indicators: id, clause, title, threshold;
``thresholds``  write the threshold report (Markdown, HTML, XLSX, CSV or JSON);
``template``    write the blank input template (``.xlsx`` or ``.csv``);
``validate``    read a data file and list every problem in it, by row and column;
``evaluate``    evaluate a data file (or the bundled sample) and write the results.

Data files are read by :func:`xmqc_kpi.readers.read_data_file` (CSV in UTF-8 or GB18030,
XLSX, Parquet, JSON). What reading did leniently (title rows skipped, thousands separators,
markers of missing values, total rows dropped, …) is printed as ``note:`` lines: by
``validate`` after its verdict, by ``evaluate`` on standard error. A ``--units`` file maps
variable names to units, as JSON (``{"gdp": "亿元"}``), YAML (``gdp: 亿元``) or CSV
(columns ``variable`` and ``unit``); a unit written in a column's header
(``地区生产总值(GDP)(亿元)``) applies too, and contradicting it is an error.

Exit status: 0 on success; 1 when ``evaluate --fail-on not-met`` finds an assessment not met;
2 on bad input (a problem in the data, a missing or unreadable file, a bad option), with a
message and no traceback.

``--help`` imports no dependency: pandas, pint and pydantic load inside the commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from . import __version__

if TYPE_CHECKING:
    import pandas as pd

    from .catalogs import Catalog
    from .indicator import Indicator
    from .results import Evaluation

__all__ = ["LARGE_INPUT_ROWS", "SUMMARY_REGIONS", "main"]

#: Inputs with more rows than this get a progress line per step on stderr.
LARGE_INPUT_ROWS = 50_000
#: The summary table shows the counts of this many regions at most (the total always).
SUMMARY_REGIONS = 30

EXIT_OK = 0
EXIT_NOT_MET = 1
EXIT_BAD_INPUT = 2

_SUFFIX_FORMATS = {
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".json": "json",
}
_STATUSES = ("met", "not_met", "insufficient_data", "not_assessed")

_ThresholdFormat = Literal["md", "html", "xlsx", "csv", "json"]
Command = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """Bad input that a command reports in one paragraph, exiting with status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``xmqc-kpi`` command with ``argv`` (default: the process's arguments).

    Returns the exit status; ``--help``, ``--version`` and a bad option exit through
    ``SystemExit`` as :mod:`argparse` does.
    """
    args = _parser().parse_args(argv)
    command: Command = args.run
    try:
        return command(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (CommandError, ValueError, OSError, ImportError) as exc:
        print(f"xmqc-kpi {args.command}: error: {_message(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc)


# --------------------------------------------------------------------------- parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xmqc-kpi",
        description="Indicators of Xiamen's 2013 quality-city plan (厦府〔2013〕98号).",
        epilog="Run 'xmqc-kpi COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _catalog_parser(commands)
    _thresholds_parser(commands)
    _template_parser(commands)
    _validate_parser(commands)
    _evaluate_parser(commands)
    return parser


def _subparser(
    commands: Any, name: str, summary: str, run: Command, description: str = ""
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=f"{summary}\n\n{description}".strip(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    return parser


def _add_catalog(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        type=Path,
        metavar="FILE",
        help="a catalog file (TOML, YAML or JSON) instead of the built-in 42 indicators",
    )


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (zh)")


def _add_output(parser: argparse.ArgumentParser, formats: Sequence[str], text_default: str) -> None:
    parser.add_argument(
        "-f",
        "--format",
        choices=formats,
        help=f"output format (default: from the -o suffix, else {text_default})",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (default: standard output; xlsx needs a file)",
    )


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--units",
        type=Path,
        metavar="FILE",
        help="variable → unit mapping: JSON, YAML or CSV (columns variable, unit)",
    )
    parser.add_argument("--sheet", metavar="NAME", help="the XLSX sheet to read (the first)")
    _add_catalog(parser)


def _catalog_parser(commands: Any) -> None:
    parser = _subparser(commands, "catalog", "List the indicators.", _cmd_catalog)
    _add_lang(parser)
    parser.add_argument("--section", metavar="S", help="plan section: 1 … 9, or 五")
    parser.add_argument("--kind", metavar="K", help="threshold kind: at_least, trend …")
    parser.add_argument(
        "-f", "--format", choices=("table", "json", "csv"), default="table", help="(table)"
    )
    _add_catalog(parser)


def _thresholds_parser(commands: Any) -> None:
    parser = _subparser(
        commands,
        "thresholds",
        "Write the threshold report.",
        _cmd_thresholds,
        "Every threshold traced to its clause, wording, responsible units and deadline.",
    )
    _add_output(parser, ("md", "html", "xlsx", "csv", "json"), "md")
    _add_lang(parser)
    _add_catalog(parser)


def _template_parser(commands: Any) -> None:
    parser = _subparser(
        commands,
        "template",
        "Write the blank input template.",
        _cmd_template,
        "One row per input variable, one column per period; fill it and evaluate it.",
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="a .xlsx or .csv file"
    )
    parser.add_argument("--periods", nargs="+", metavar="P", help="period columns (2013 2014)")
    parser.add_argument("--regions", nargs="+", metavar="R", help="one block of rows per region")
    _add_catalog(parser)


def _validate_parser(commands: Any) -> None:
    parser = _subparser(
        commands,
        "validate",
        "Check a data file: list every problem, by row and column.",
        _cmd_validate,
        "Rows are the file's line numbers (CSV) or row numbers (XLSX), or record numbers;\n"
        "columns are named by letter and header (CSV, XLSX), and XLSX by sheet too.\n"
        "'note:' lines say what was read leniently (title rows, 1,160, —, 96.5%, 合计 …).\n"
        "Exit status 0 when the file can be evaluated, 2 when it cannot.",
    )
    parser.add_argument("data", type=Path, metavar="DATA", help=".csv, .xlsx, .parquet or .json")
    _add_data_options(parser)


def _evaluate_parser(commands: Any) -> None:
    parser = _subparser(
        commands,
        "evaluate",
        "Evaluate the indicators over a data file, or the bundled sample.",
        _cmd_evaluate,
        "Without DATA, the bundled sample is evaluated with its units, benchmarks and peers\n"
        "(--units, --benchmarks and --peers replace those given).\n"
        "The status counts go to standard output, or to standard error when the results do.",
    )
    parser.add_argument(
        "data", nargs="?", type=Path, metavar="DATA", help=".csv, .xlsx, .parquet or .json"
    )
    parser.add_argument(
        "--benchmarks", type=Path, metavar="FILE", help="period, indicator_id, value"
    )
    parser.add_argument(
        "--peers", type=Path, metavar="FILE", help="period, indicator_id, peer, value"
    )
    _add_data_options(parser)
    parser.add_argument("--as-of", type=_date, metavar="DATE", help="evaluation date, 2014-06-30")
    _add_lang(parser)
    _add_output(parser, ("html", "md", "xlsx", "json", "csv"), "no output but the counts")
    parser.add_argument("--title", help="the report's title (html, md, xlsx)")
    parser.add_argument(
        "--fail-on",
        choices=("not-met",),
        help="exit with status 1 when an assessment is not met",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


# --------------------------------------------------------------------------- commands


def _cmd_catalog(args: argparse.Namespace) -> int:
    chosen = _indicators(args.catalog)
    if args.section is not None or args.kind is not None:
        chosen = chosen.filter(section=args.section, kind=args.kind)
    header = ["id", "clause", "title", "threshold"]
    rows = [
        [
            indicator.id,
            str(indicator.clause),
            indicator.title_zh if args.lang == "zh" else indicator.title_en,
            _threshold_text(indicator, args.lang),
        ]
        for indicator in chosen
    ]
    if args.format == "json":
        records = [dict(zip(header, row, strict=True)) for row in rows]
        _write(json.dumps(records, ensure_ascii=False, indent=2) + "\n", None)
    elif args.format == "csv":
        from .reports._markup import csv_text

        _write(csv_text(header, rows), None)
    else:
        _write(_text_table(header, rows) + "\n", None)
    return EXIT_OK


def _cmd_thresholds(args: argparse.Namespace) -> int:
    fmt = _output_format(args, default="md")
    from .reports import threshold_report

    chosen = _indicators(args.catalog) if args.catalog is not None else None
    content = threshold_report(chosen, format=cast(_ThresholdFormat, fmt), lang=args.lang)
    _write(content, args.output, bom=fmt == "csv")
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from .template import write_input_template

    options: dict[str, Any] = {"regions": args.regions}
    if args.periods is not None:
        options["periods"] = args.periods
    written = write_input_template(args.output, _indicators(args.catalog), **options)
    print(f"wrote {written}")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from .engine import evaluate
    from .errors import DataError
    from .readers import read_data_file, read_units

    chosen = _indicators(args.catalog)
    explicit = read_units(args.units) if args.units is not None else None
    progress = _Progress()
    try:
        file = read_data_file(args.data, sheet=args.sheet, indicators=chosen)
        progress.watch(len(file.frame))
        result = evaluate(chosen, file.frame, units=file.units_with(explicit))
    except DataError as exc:
        print(f"{args.data}: {exc}")
        return EXIT_BAD_INPUT
    progress.step("checked")
    inputs = result.inputs()
    print(
        f"OK {args.data}: {len(file.frame)} rows; values for {inputs['variable'].nunique()} "
        f"variables, {inputs['region'].nunique()} regions, {inputs['period'].nunique()} periods; "
        f"{len(result)} assessments of {len(chosen)} indicators"
    )
    _print_notes(file.notes, sys.stdout)
    ignored = _ignored(file.frame, chosen)
    if ignored:
        print(f"note: not used by any indicator, ignored: {', '.join(ignored)}")
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .engine import evaluate
    from .errors import DataError

    fmt = _output_format(args, default=None)
    chosen = _indicators(args.catalog)
    progress = _Progress()
    source, inputs = _evaluation_inputs(args, chosen, progress)
    progress.step(f"evaluating {len(chosen)} indicators")
    try:
        result = evaluate(chosen, inputs.pop("data"), as_of=args.as_of, **inputs)
    except DataError as exc:
        raise CommandError(f"cannot evaluate {source}: {exc}") from exc
    progress.step(f"evaluated: {len(result):,} assessments")
    counts = sys.stderr if fmt is not None and args.output is None else sys.stdout
    print(_summary_text(result), file=counts)
    if fmt is not None:
        progress.step(f"rendering {fmt}")
        _write(_render(result, fmt, args), args.output, bom=fmt == "csv")
        progress.step(f"wrote {args.output or 'the results'}")
    not_met = _status_counts(result)["not_met"]
    return EXIT_NOT_MET if args.fail_on == "not-met" and not_met > 0 else EXIT_OK


# --------------------------------------------------------------------------- helpers


def _indicators(path: Path | None) -> Catalog:
    from .catalogs import catalog, load_catalog

    return catalog() if path is None else load_catalog(path)


def _evaluation_inputs(
    args: argparse.Namespace, chosen: Catalog, progress: _Progress
) -> tuple[str, dict[str, Any]]:
    """The data and its companions: from the files named, or the bundled sample."""
    from .errors import DataError
    from .readers import read_data, read_data_file, read_units

    explicit = read_units(args.units) if args.units is not None else None
    if args.data is None:
        from .sample import sample_data

        sample = sample_data()
        source = "the bundled sample"
        inputs: dict[str, Any] = {
            "data": sample.data,
            "units": {**sample.units, **(explicit or {})},
            "benchmarks": sample.benchmarks,
            "peers": sample.peers,
        }
    else:
        file = read_data_file(args.data, sheet=args.sheet, indicators=chosen)
        source = str(args.data)
        _print_notes(file.notes, sys.stderr)
        try:
            units = file.units_with(explicit)
        except DataError as exc:
            raise CommandError(f"{source}: {exc}") from exc
        inputs = {"data": file.frame, "units": units, "benchmarks": None, "peers": None}
    progress.watch(len(inputs["data"]))
    for name in ("benchmarks", "peers"):
        path = getattr(args, name)
        if path is not None:
            inputs[name] = read_data(path)
    return source, inputs


def _print_notes(notes: Sequence[str], stream: Any) -> None:
    """One ``note:`` line per thing reading did leniently."""
    for note in notes:
        print(f"note: {note}", file=stream)


def _output_format(args: argparse.Namespace, *, default: str | None) -> str | None:
    """The format asked for, else the one of the ``-o`` suffix, else ``default``."""
    fmt: str | None = args.format
    if fmt is None and args.output is not None:
        suffix = args.output.suffix.lower()
        fmt = _SUFFIX_FORMATS.get(suffix)
        if fmt is None:
            raise CommandError(f"cannot tell the format of {args.output}: give -f FORMAT")
    fmt = fmt or default
    if fmt == "xlsx" and args.output is None:
        raise CommandError("xlsx output is binary: give -o FILE.xlsx")
    return fmt


def _render(result: Evaluation, fmt: str, args: argparse.Namespace) -> str | bytes:
    if fmt == "json":
        return result.to_json(args.lang, indent=2) + "\n"
    if fmt == "csv":
        return _frame_csv(result.to_frame(args.lang))
    from .reports import evaluation_report

    if fmt == "xlsx":
        return evaluation_report(result, format="xlsx", lang=args.lang, title=args.title)
    text_format = cast(Literal["html", "md"], fmt)
    return evaluation_report(result, format=text_format, lang=args.lang, title=args.title)


def _frame_csv(frame: pd.DataFrame) -> str:
    from .reports._markup import csv_text

    cells = frame.astype(object).where(frame.notna(), None)
    return csv_text([str(c) for c in frame.columns], cells.itertuples(index=False, name=None))


def _write(content: str | bytes, output: Path | None, *, bom: bool = False) -> None:
    """Write to ``output``, or to standard output; text as UTF-8 (``bom``: with a BOM in files)."""
    if output is not None:
        if isinstance(content, str):
            content = content.encode("utf-8-sig" if bom else "utf-8")
        output.write_bytes(content)
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _threshold_text(indicator: Indicator, lang: str) -> str:
    """A threshold in a few symbols, as the threshold report writes it: ``≥ 96 %``."""
    from .reports._threshold_text import threshold_text

    words = threshold_text(indicator, "zh" if lang == "zh" else "en")
    return f"{words.comparison} {words.target}"


def _ignored(frame: pd.DataFrame, chosen: Catalog) -> list[str]:
    """Columns (wide) or variables (long) that no indicator reads."""
    known = {item.name for indicator in chosen for item in indicator.inputs} | set(chosen.ids)
    if "variable" in frame.columns:
        given = {str(name) for name in frame["variable"].dropna()}
        return sorted(given - known)
    keys = {"region", "period"}
    return [str(c) for c in frame.columns if c not in known and c not in keys]


def _summary_text(result: Evaluation) -> str:
    """Status counts by region (the first :data:`SUMMARY_REGIONS`), then in total, as a table."""
    by_region = result.summary(by="region")
    total = _status_counts(result)
    rows = [[str(cell) for cell in row] for row in by_region.itertuples(name=None)]
    if len(rows) > SUMMARY_REGIONS:
        more = f"… {len(rows) - SUMMARY_REGIONS:,} more"
        rows = [*rows[:SUMMARY_REGIONS], [more, *("" for _ in _STATUSES)]]
    rows.append(["total", *(str(total[status]) for status in _STATUSES)])
    return _text_table(["region", *_STATUSES], rows)


def _status_counts(result: Evaluation) -> dict[str, int]:
    """How many assessments have each status."""
    return {str(status): int(count) for status, count in result.summary().iloc[0].items()}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An aligned plain-text table (Chinese characters count double); numbers to the right.

    >>> print(_text_table(["region", "met"], [["思明区", "5"], ["total", "12"]]))
    region  met
    ------  ---
    思明区    5
    total    12
    """
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    numeric = [
        bool(rows) and all(row[i].isdigit() or not row[i] for row in rows)
        for i in range(len(header))
    ]

    def line(cells: Sequence[str]) -> str:
        padded = [
            " " * (w - _width(c)) + c if right else c + " " * (w - _width(c))
            for c, w, right in zip(cells, widths, numeric, strict=True)
        ]
        return "  ".join(padded).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


class _Progress:
    """One short line per step on stderr, once the input is known to be large."""

    def __init__(self) -> None:
        self._start = time.perf_counter()
        self.enabled = False

    def watch(self, rows: int) -> None:
        """Turn the progress lines on when ``rows`` exceeds :data:`LARGE_INPUT_ROWS`."""
        self.enabled = rows > LARGE_INPUT_ROWS
        self.step(f"read {rows:,} rows")

    def step(self, message: str) -> None:
        """Print ``message`` with the time elapsed, when enabled."""
        if self.enabled:
            elapsed = time.perf_counter() - self._start
            print(f"[{elapsed:6.1f} s] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
