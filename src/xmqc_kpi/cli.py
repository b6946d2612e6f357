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

Every subcommand takes ``--lang zh|en`` (default: ``XMQC_KPI_LANG``, else Chinese): the help,
the messages, the errors and the output are in that language. ``-o -`` writes to standard
output; an output path that names an input file is refused; text from data reaches the
terminal with its control characters replaced, and a terminal that cannot show a character
shows a replacement character instead (the files written are UTF-8 whatever the terminal).

Exit status: 0 on success; 1 when ``evaluate --fail-on not-met`` finds an assessment not met;
2 on bad input or any other error (a problem in the data, a missing, unreadable or damaged
file, a bad option), with one line on standard error and no traceback; 130 when interrupted.

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
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from . import __version__
from .safe_text import replace_controls
from .text import LANGUAGES, Language, is_language, resolve_language, using_language
from .text.cli import CLI, HELP
from .text.statuses import status_word

if TYPE_CHECKING:
    import pandas as pd

    from .catalogs import Catalog
    from .indicator import Indicator
    from .report_formats import Format, Formats
    from .results import Evaluation

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_NOT_MET",
    "EXIT_OK",
    "LARGE_INPUT_ROWS",
    "SUMMARY_REGIONS",
    "main",
]

#: Inputs with more rows than this get a progress line per step on stderr.
LARGE_INPUT_ROWS = 50_000
#: The summary table shows the counts of this many regions at most (the total always).
SUMMARY_REGIONS = 30

EXIT_OK = 0
EXIT_NOT_MET = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

#: ``-o -``: standard output.
STDOUT = "-"

_STATUSES = ("met", "not_met", "insufficient_data", "not_assessed")
#: The formats of the catalog listing (a listing, not a report: no registry of its own).
_LISTING_FORMATS = ("table", "json", "csv")
#: The report whose format registry each subcommand reads.
_REPORTS = {"thresholds": "THRESHOLD_FORMATS", "evaluate": "EVALUATION_FORMATS"}

Command = Callable[[argparse.Namespace], int]
T = TypeVar("T")


class CommandError(Exception):
    """Bad input that a command reports in one line, exiting with status 2."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields

    def render(self, lang: Language | None = None) -> str:
        """The message in ``lang``."""
        return CLI.say(self.key, lang, **self.fields)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``xmqc-kpi`` command with ``argv`` (default: the process's arguments).

    Returns the exit status; ``--help``, ``--version`` and a bad option exit through
    ``SystemExit`` as :mod:`argparse` does.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = _language_of(arguments)
    _tolerate_unencodable(sys.stdout, sys.stderr)
    args = _parser(lang).parse_args(arguments)
    command: Command = args.run
    with using_language(lang):
        try:
            return command(args)
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except BrokenPipeError:  # e.g. piped into `head`: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
        except Exception as exc:
            message = CLI.say("error", lang, command=args.command, message=_message(exc, lang))
            _say(message, sys.stderr)
            return EXIT_BAD_INPUT


def _language_of(arguments: Sequence[str]) -> Language:
    """The language asked for with ``--lang`` (before parsing: the help is in it too)."""
    for index, argument in enumerate(arguments):
        value = None
        if argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        if value is not None and is_language(value):
            return value
    return resolve_language(None)


def _tolerate_unencodable(*streams: TextIO) -> None:
    """Let a terminal that cannot show a character show ``?`` rather than fail the command."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def _message(exc: BaseException, lang: Language) -> str:
    """One line saying what went wrong, in ``lang``."""
    if isinstance(exc, CommandError):
        return _one_line(exc.render(lang))
    problems = getattr(exc, "problems", None)
    render = getattr(exc, "render", None)
    if problems and callable(render):
        return _one_line(_problems_text(exc, lang))
    if isinstance(exc, OSError):
        return _one_line(_os_error_text(exc, lang))
    if isinstance(exc, ValueError | ImportError):
        return _one_line(str(exc))
    return _one_line(CLI.say("unexpected", lang, kind=type(exc).__name__, message=str(exc)))


def _problems_text(exc: BaseException, lang: Language) -> str:
    """A :class:`~xmqc_kpi.DataError` or :class:`~xmqc_kpi.CatalogError` in one line."""
    problems: Sequence[Any] = getattr(exc, "problems", ())
    first = problems[0]
    first_text = first.render(lang) if hasattr(first, "render") else str(first)
    if len(problems) == 1:
        return str(first_text)
    rendered: str = getattr(exc, "render")(lang)  # noqa: B009 - duck-typed on purpose
    summary = rendered.splitlines()[0]
    return CLI.say("more_problems", lang, summary=summary, first=first_text)


def _os_error_text(exc: OSError, lang: Language) -> str:
    if isinstance(exc, FileNotFoundError):
        reason = CLI.say("no_such_file", lang)
    elif isinstance(exc, IsADirectoryError):
        reason = CLI.say("is_directory", lang)
    elif isinstance(exc, PermissionError):
        reason = CLI.say("permission", lang)
    else:
        reason = exc.strerror or str(exc)
    if exc.filename:
        return CLI.say("file_error", lang, path=exc.filename, reason=reason)
    return reason


def _say(text: str, stream: TextIO | None = None) -> None:
    """Print ``text`` with control characters from data replaced."""
    print(replace_controls(text), file=stream if stream is not None else sys.stdout)


# --------------------------------------------------------------------------- parser


def _parser(lang: Language) -> argparse.ArgumentParser:
    def helps(key: str, **fields: object) -> str:
        return HELP.say(key, lang, **fields).replace("%", "%%")

    parser = argparse.ArgumentParser(
        prog="xmqc-kpi", description=helps("description"), epilog=helps("epilog")
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def subparser(name: str, run: Command, more: bool = False) -> argparse.ArgumentParser:
        summary = HELP.say(name, lang)
        description = f"{summary}\n\n{HELP.say(name + '_more', lang)}" if more else summary
        sub: argparse.ArgumentParser = commands.add_parser(
            name,
            help=summary.replace("%", "%%"),
            description=description.replace("%", "%%"),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run)
        return sub

    def add_catalog(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--catalog", type=Path, metavar="FILE", help=helps("catalog_file"))

    def add_lang(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--lang", choices=LANGUAGES, default=None, help=helps("lang"))

    def add_output(sub: argparse.ArgumentParser, command: str, default: str) -> None:
        sub.add_argument(
            "-f", "--format", choices=_formats(command).names, help=helps("format", default=default)
        )
        sub.add_argument("-o", "--output", metavar="FILE", help=helps("output"))

    def add_data_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--units", type=Path, metavar="FILE", help=helps("units"))
        sub.add_argument("--sheet", metavar="NAME", help=helps("sheet"))
        add_catalog(sub)

    listing = subparser("catalog", _cmd_catalog)
    add_lang(listing)
    listing.add_argument("--section", metavar="S", help=helps("section"))
    listing.add_argument("--kind", metavar="K", help=helps("kind"))
    listing.add_argument(
        "-f", "--format", choices=_LISTING_FORMATS, default="table", help=helps("format_table")
    )
    add_catalog(listing)

    thresholds = subparser("thresholds", _cmd_thresholds, more=True)
    add_output(thresholds, "thresholds", "md")
    add_lang(thresholds)
    add_catalog(thresholds)

    template = subparser("template", _cmd_template, more=True)
    template.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=helps("template_output")
    )
    template.add_argument("--periods", nargs="+", metavar="P", help=helps("periods"))
    template.add_argument("--regions", nargs="+", metavar="R", help=helps("regions"))
    add_lang(template)
    add_catalog(template)

    validate = subparser("validate", _cmd_validate, more=True)
    validate.add_argument("data", type=Path, metavar="DATA", help=helps("data"))
    add_data_options(validate)
    add_lang(validate)

    evaluate = subparser("evaluate", _cmd_evaluate, more=True)
    evaluate.add_argument("data", nargs="?", type=Path, metavar="DATA", help=helps("data"))
    evaluate.add_argument("--benchmarks", type=Path, metavar="FILE", help=helps("benchmarks"))
    evaluate.add_argument("--peers", type=Path, metavar="FILE", help=helps("peers"))
    add_data_options(evaluate)
    evaluate.add_argument("--as-of", type=_date, metavar="DATE", help=helps("as_of"))
    add_lang(evaluate)
    add_output(evaluate, "evaluate", HELP.say("no_output", lang))
    evaluate.add_argument("--title", help=helps("title"))
    evaluate.add_argument("--fail-on", choices=("not-met",), help=helps("fail_on"))
    return parser


def _formats(command: str) -> Formats[Any]:
    """The format registry of a subcommand's report (reading it loads no dependency)."""
    from . import report_formats

    registry: Formats[Any] = getattr(report_formats, _REPORTS[command])
    return registry


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        message = CLI.say("bad_date", None, text=text)
        raise argparse.ArgumentTypeError(message) from None


# --------------------------------------------------------------------------- commands


def _cmd_catalog(args: argparse.Namespace) -> int:
    lang = resolve_language(args.lang)
    chosen = _indicators(args.catalog)
    if args.section is not None or args.kind is not None:
        chosen = chosen.filter(section=args.section, kind=args.kind)
    keys = ("id", "clause", "title", "threshold")
    rows = [
        [
            indicator.id,
            str(indicator.clause),
            indicator.title_zh if lang == "zh" else indicator.title_en,
            _threshold_text(indicator, lang),
        ]
        for indicator in chosen
    ]
    if args.format == "json":
        records = [dict(zip(keys, row, strict=True)) for row in rows]
        _write(json.dumps(records, ensure_ascii=False, indent=2) + "\n", None)
    elif args.format == "csv":
        from .reports._markup import csv_text

        _write(csv_text(keys, rows), None)
    else:
        header = [CLI.say(key, lang) for key in keys]
        _write(replace_controls(_text_table(header, rows)) + "\n", None)
    return EXIT_OK


def _cmd_thresholds(args: argparse.Namespace) -> int:
    _refuse_overwriting_inputs(args)
    fmt = _output_format(args, "thresholds", default="md")
    assert fmt is not None  # a default is given
    from .reports import threshold_report

    chosen = _indicators(args.catalog) if args.catalog is not None else None
    content = threshold_report(chosen, format=fmt.name, lang=resolve_language(args.lang))
    _write(content, args.output, fmt)
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    _refuse_overwriting_inputs(args)
    from .template import input_template, write_input_template

    options: dict[str, Any] = {"lang": resolve_language(args.lang)}
    if args.regions is not None:  # else the plan's regions
        options["regions"] = args.regions
    if args.periods is not None:  # else the plan's years
        options["periods"] = args.periods
    if args.output == STDOUT:
        frame = input_template(_indicators(args.catalog), **options)
        _write(frame.to_csv(index=False, lineterminator="\n"), STDOUT)
        return EXIT_OK
    written = write_input_template(Path(args.output), _indicators(args.catalog), **options)
    _say(CLI.say("wrote", None, path=written))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from .engine import evaluate
    from .errors import DataError

    lang = resolve_language(args.lang)
    chosen = _indicators(args.catalog)
    explicit = _reading(args.units, lambda: _units_file(args.units))
    progress = _Progress()
    try:
        file = _reading(args.data, lambda: _data_file(args, chosen))
        progress.watch(len(file.frame))
        result = evaluate(chosen, file.frame, units=file.units_with(explicit))
    except DataError as exc:
        _say(CLI.say("file_error", lang, path=args.data, reason=exc.render(lang)))
        return EXIT_BAD_INPUT
    progress.step(CLI.say("checked", lang))
    inputs = result.inputs()
    ok = CLI.say(
        "ok",
        lang,
        path=args.data,
        rows=len(file.frame),
        variables=inputs["variable"].nunique(),
        regions=inputs["region"].nunique(),
        periods=inputs["period"].nunique(),
        assessments=len(result),
        indicators=len(chosen),
    )
    _say(ok)
    _print_warnings(result, lang)
    _print_notes(file.notes, sys.stdout, lang)
    ignored = _ignored(file.frame, chosen)
    if ignored:
        names = CLI.say("list_separator", lang).join(ignored)
        _say(CLI.say("note", lang, note=CLI.say("ignored", lang, names=names)))
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .engine import evaluate
    from .errors import DataError

    lang = resolve_language(args.lang)
    _refuse_overwriting_inputs(args)
    fmt = _output_format(args, "evaluate", default=None)
    chosen = _indicators(args.catalog)
    progress = _Progress()
    source, inputs = _evaluation_inputs(args, chosen, progress, lang)
    progress.step(CLI.say("evaluating", lang, count=len(chosen)))
    try:
        result = evaluate(chosen, inputs.pop("data"), as_of=args.as_of, **inputs)
    except DataError as exc:  # every problem of the data, one a line, under the error line
        summary, *problems = exc.render(lang).splitlines()
        message = CLI.say("cannot_evaluate", lang, source=source, problem=summary)
        error = CLI.say("error", lang, command=args.command, message=message)
        _say("\n".join([error, *problems]), sys.stderr)
        return EXIT_BAD_INPUT
    progress.step(CLI.say("evaluated", lang, count=f"{len(result):,}"))
    if fmt is not None:
        from .reports import evaluation_report

        progress.step(CLI.say("rendering", lang, format=fmt.name))
        content = evaluation_report(result, format=fmt.name, lang=lang, title=args.title)
        _write(content, args.output, fmt)
        where = args.output if args.output not in (None, STDOUT) else CLI.say("stdout", lang)
        progress.step(CLI.say("wrote", lang, path=where))
    counts = sys.stderr if fmt is not None and args.output in (None, STDOUT) else sys.stdout
    _say(_summary_text(result, lang), counts)
    _print_warnings(result, lang)
    not_met = _status_counts(result)["not_met"]
    return EXIT_NOT_MET if args.fail_on == "not-met" and not_met > 0 else EXIT_OK


# --------------------------------------------------------------------------- helpers


def _print_warnings(result: Evaluation, lang: Language) -> None:
    """The evaluation's plausibility warnings on stderr, in ``lang`` (nothing when none)."""
    from .text.warnings import WARNING_LIST

    warnings = result.warnings(lang)
    if warnings.empty:
        return
    lines = [WARNING_LIST.say("heading", lang, count=len(warnings))]
    places = warnings["region"].fillna("").astype(str) + " " + warnings["period"].astype(str)
    for where, message in zip(places.str.strip(), warnings["message"], strict=True):
        lines.append(WARNING_LIST.say("item", lang, where=where, message=message))
    _say("\n".join(lines), sys.stderr)


def _reading(path: Path | None, read: Callable[[], T]) -> T:
    """``read()``, any failure but the library's own errors said as "cannot read ``path``".

    :class:`~xmqc_kpi.DataError`, :class:`~xmqc_kpi.CatalogError` and operating-system errors
    keep their own words; anything else a damaged or hostile file provokes in a parser
    (``ParseError``, ``IndexError``, ``RecursionError`` …) is one line naming the file.
    """
    from .catalogs import CatalogError
    from .errors import DataError

    try:
        return read()
    except (DataError, CatalogError, KeyboardInterrupt):
        raise
    except OSError as exc:
        if exc.filename is None:  # name the file the command was reading
            exc.filename = str(path)
        raise
    except Exception as exc:  # a file's failure, said in one line
        # a plain ValueError is the library's own refusal (an unknown suffix …): its words
        # stand; anything else is a parser's failure on a damaged or hostile file
        reason = str(exc) if type(exc) is ValueError else ""
        if not reason:
            reason = CLI.say("not_readable", None, detail=type(exc).__name__)
        raise CommandError("cannot_read", path=path, reason=reason) from exc


def _units_file(path: Path | None) -> dict[str, str] | None:
    from .readers import read_units

    return None if path is None else read_units(path)


def _data_file(args: argparse.Namespace, chosen: Catalog) -> Any:
    """The data file, its unreadable cells kept for ``evaluate`` to report with the rest."""
    from .readers import read_data_file

    return read_data_file(args.data, sheet=args.sheet, indicators=chosen, defer=True)


def _indicators(path: Path | None) -> Catalog:
    from .catalogs import catalog, load_catalog

    if path is None:
        return catalog()
    return _reading(path, lambda: load_catalog(path))


def _inputs_named(args: argparse.Namespace) -> list[Path]:
    """The files a command reads."""
    names = ("data", "units", "catalog", "benchmarks", "peers")
    return [Path(value) for name in names if (value := getattr(args, name, None)) is not None]


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


def _refuse_overwriting_inputs(args: argparse.Namespace) -> None:
    """Refuse an ``-o`` that names a file the command reads (a department's data file)."""
    if args.output in (None, STDOUT):
        return
    output = Path(args.output)
    for given in _inputs_named(args):
        if _same_file(output, given) or output.resolve() == given.resolve():
            raise CommandError("output_is_input", path=args.output)


def _evaluation_inputs(
    args: argparse.Namespace, chosen: Catalog, progress: _Progress, lang: Language
) -> tuple[str, dict[str, Any]]:
    """The data and its companions: from the files named, or the bundled sample."""
    from .errors import DataError
    from .readers import read_data

    explicit = _reading(args.units, lambda: _units_file(args.units))
    if args.data is None:
        from .sample import sample_data

        sample = sample_data()
        source = CLI.say("bundled_sample", lang)
        inputs: dict[str, Any] = {
            "data": sample.data,
            "units": {**sample.units, **(explicit or {})},
            "benchmarks": sample.benchmarks,
            "peers": sample.peers,
        }
    else:
        file = _reading(args.data, lambda: _data_file(args, chosen))
        source = str(args.data)
        _print_notes(file.notes, sys.stderr, lang)
        try:
            units = file.units_with(explicit)
        except DataError as exc:
            problem = _problems_text(exc, lang)
            raise CommandError("cannot_evaluate", source=source, problem=problem) from exc
        inputs = {"data": file.frame, "units": units, "benchmarks": None, "peers": None}
    progress.watch(len(inputs["data"]))
    for name in ("benchmarks", "peers"):
        path = getattr(args, name)
        if path is not None:
            inputs[name] = _reading(path, partial(read_data, path))
    return source, inputs


def _print_notes(notes: Iterable[object], stream: TextIO, lang: Language) -> None:
    """One ``note:`` line per thing reading did leniently."""
    for note in notes:
        render = getattr(note, "render", None)
        text = render(lang) if callable(render) else str(note)
        _say(CLI.say("note", lang, note=text), stream)


def _output_format(
    args: argparse.Namespace, command: str, *, default: str | None
) -> Format[Any] | None:
    """The format asked for, else the one of the ``-o`` suffix, else ``default``."""
    formats = _formats(command)
    name: str | None = args.format
    if name is None and args.output not in (None, STDOUT):
        found = formats.from_suffix(args.output)
        if found is None:
            names = ", ".join(formats.names)
            raise CommandError("unknown_suffix", path=args.output, formats=names)
        name = found.name
    name = name or default
    if name is None:
        return None
    chosen = formats.get(name)
    binary_on_screen = args.output is None or (args.output == STDOUT and sys.stdout.isatty())
    if chosen.binary and binary_on_screen:
        raise CommandError("binary_to_terminal", format=chosen.name)
    return chosen


def _write(content: str | bytes, output: str | None, fmt: Format[Any] | None = None) -> None:
    """Write to the file ``output``, or to standard output (``None`` or ``-``), as UTF-8.

    A file gets the format's encoding (CSV with a byte-order mark); standard output gets UTF-8
    bytes whatever the terminal's encoding, so that a pipe receives what a file would.
    """
    to_file = output not in (None, STDOUT)
    if fmt is not None:
        data = fmt.encode(content, to_file=to_file)
    else:
        data = content.encode("utf-8") if isinstance(content, str) else content
    if to_file:
        Path(str(output)).write_bytes(data)
        return
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests redirect to one)
        sys.stdout.write(data.decode("utf-8", errors="replace"))
        return
    buffer.write(data)
    buffer.flush()


def _threshold_text(indicator: Indicator, lang: Language) -> str:
    """A threshold in a few symbols, as the threshold report writes it: ``≥ 96 %``."""
    from .reports._threshold_text import threshold_text

    words = threshold_text(indicator, lang)
    return f"{words.symbol} {words.target}"


def _ignored(frame: pd.DataFrame, chosen: Catalog) -> list[str]:
    """Columns (wide) or variables (long) that no indicator reads."""
    known = {item.name for indicator in chosen for item in indicator.inputs} | set(chosen.ids)
    if "variable" in frame.columns:
        given = {str(name) for name in frame["variable"].dropna()}
        return sorted(given - known)
    keys = {"region", "period"}
    return [str(c) for c in frame.columns if c not in known and c not in keys]


def _summary_text(result: Evaluation, lang: Language) -> str:
    """Status counts by region (the first :data:`SUMMARY_REGIONS`), then in total, as a table."""
    by_region = result.summary(by="region")
    total = _status_counts(result)
    rows = [[str(cell) for cell in row] for row in by_region.itertuples(name=None)]
    if len(rows) > SUMMARY_REGIONS:
        more = CLI.say("more_regions", lang, count=f"{len(rows) - SUMMARY_REGIONS:,}")
        rows = [*rows[:SUMMARY_REGIONS], [more, *("" for _ in _STATUSES)]]
    rows.append([CLI.say("total", lang), *(str(total[status]) for status in _STATUSES)])
    header = [CLI.say("region", lang), *(status_word(status, lang) for status in _STATUSES)]
    return _text_table(header, rows)


def _status_counts(result: Evaluation) -> dict[str, int]:
    """How many assessments have each status."""
    return {str(status): int(count) for status, count in result.summary().iloc[0].items()}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An aligned plain-text table (Chinese characters count double); numbers to the right.

    >>> print(_text_table(["region", "met"], [["Siming", "5"], ["total", "12"]]))
    region  met
    ------  ---
    Siming    5
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
