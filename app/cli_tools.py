"""Support-staff commands: `history`, `batch`, `netcheck` (wired into app/cli.py).

    pairing-wizard history [--provider P] [--since DATE] [--until DATE] [--search TEXT]
                           [--outcome O] [--json | --csv]
    pairing-wizard batch FILE.csv --provider P [--concurrency N] [--resume]
                         [--skip-invalid] [--results OUT.csv] [--json]
                         [--base-url URL] [--api-key K | --token T] [--timeout S]
    pairing-wizard netcheck --provider P [--base-url URL] [--json]

Exit codes (as app/cli.py): 0 done; 2 invalid input, nothing sent; 3 refused (for
batch: some row failed or is unknown); 4 network (batch: stopped, resumable).
The progress bar goes to stderr; stdout carries only the result (or JSON).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from app.cli_common import (
    EXIT_INPUT,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_REFUSED,
    add_xee_api_version_option,
    api_root_from_args,
    credential,
    emit,
    fail,
    managed,
    provider_api,
    seconds,
)

COMMANDS = ("history", "batch", "netcheck")


def listed(words: list[str]) -> str:
    """"A", "A or B", "A, B or C"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


def credential_help(specs: list[Any], what: str) -> str:
    """The help of batch's --api-key or --token: the providers that take it, and their
    environment variables ("RUFUS or Zype api key (default: $RUFUS_API_KEY /
    $ZYPE_API_KEY)")."""
    variables = " / ".join(f"${spec.credential_env}" for spec in specs if spec.credential_env)
    default = f" (default: {variables})" if variables else ""
    return f"{listed([spec.info.title for spec in specs])} {what}{default}"


def add_parsers(subparsers: Any) -> None:
    """Add history, batch and netcheck to the `pairing-wizard` subcommands: the
    providers they take, and the options and help of each, are the registered specs'."""
    from app.core.providers import SPECS

    specs = list(SPECS.values())
    keys = tuple(SPECS)
    p = subparsers.add_parser("history", help="show the history of pairings")
    p.add_argument("--provider", choices=keys)
    p.add_argument("--since", help="from this date (YYYY-MM-DD, UTC) or ISO time")
    p.add_argument("--until", help="up to this date, included (YYYY-MM-DD)")
    p.add_argument("--search", help="text to find (device id, serial, email, error…)")
    p.add_argument("--outcome", choices=("ok", "failed", "unknown"))
    p.add_argument("--limit", type=int, default=1000)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON list")
    out.add_argument("--csv", action="store_true", help="print CSV (for a spreadsheet)")

    p = subparsers.add_parser(
        "batch", help="pair every row of a CSV file",
        description="Pair the devices of a CSV file (templates: resources/templates/). "
        "Every row is checked first; nothing is sent while a row is invalid.")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--provider", required=True, choices=keys)
    p.add_argument("--concurrency", type=int, default=8, help="requests at a time (1-64)")
    p.add_argument("--resume", action="store_true",
                   help="continue the interrupted batch of this file")
    p.add_argument("--skip-invalid", action="store_true",
                   help="leave the invalid rows out instead of refusing the file")
    p.add_argument("--check-only", action="store_true", help="check the file, send nothing")
    p.add_argument("--results", metavar="OUT.csv", help="write one line per row here")
    p.add_argument("--base-url", help="the provider's API root (default: production)")
    cred = p.add_mutually_exclusive_group()
    with_key = [spec for spec in specs if spec.info.has_api_key]
    signing_in = [spec for spec in specs if spec.info.signs_in]
    if with_key:
        cred.add_argument("--api-key", help=credential_help(with_key, "api key"))
    if signing_in:
        cred.add_argument("--token", help=credential_help(signing_in, "access token"))
    if with_key:
        cred.add_argument("--api-key-file", metavar="PATH",
                          help="read the api key from the first line of PATH (- for stdin)")
    p.add_argument("--timeout", type=seconds, default=30.0, help="seconds per request")
    p.add_argument("--max-wait", type=seconds, default=300.0, metavar="SECONDS",
                   help="the longest Retry-After to wait for (default 300); a longer one "
                   "stops the batch, resumable with --resume")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    for spec in specs:   # the formats a spec's values are validated with (Xee's)
        spec.add_format_options(p)
    if any(spec.info.api_versions for spec in specs):
        add_xee_api_version_option(p)

    p = subparsers.add_parser("netcheck", help="check the network path to a provider")
    p.add_argument("--provider", required=True, choices=keys)
    p.add_argument("--base-url", help="the provider's API root (default: production)")
    p.add_argument("--timeout", type=seconds, default=8.0)
    p.add_argument("--json", action="store_true")


def handle(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command == "history":
        return _history(args)
    if command == "batch":
        return asyncio.run(_batch(args))
    if command == "netcheck":
        return asyncio.run(_netcheck(args))
    return None


# ------------------------------------------------------------------ history


def _history(args: argparse.Namespace) -> int:
    from app.core.history import History, entries_as_json

    try:
        with History() as history:
            rows = history.query(args.search, provider=args.provider, outcome=args.outcome,
                                 since=args.since, until=args.until, limit=args.limit)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    if args.json:
        print(json.dumps(entries_as_json(rows), ensure_ascii=False))
    elif args.csv:
        sys.stdout.reconfigure(newline="")  # type: ignore[union-attr]
        History.export_csv(sys.stdout, rows)
    elif not rows:
        print("No history entry matches.", file=sys.stderr)
    else:
        for entry in rows:
            ids = " ".join(f"{k}={v}" for k, v in entry.identifiers.items())
            error = f" {entry.error_kind}" if entry.error_kind else ""
            print(f"{entry.time[:19].replace('T', ' ')}  {entry.provider:<5} "
                  f"{entry.action:<7} {entry.outcome:<7} {ids}{error}")
    return EXIT_OK


# ------------------------------------------------------------------ batch


class ProgressBar:
    """One redrawn line on a terminal, plain lines otherwise (logs, CI)."""

    def __init__(self, stream: TextIO, width: int = 28) -> None:
        self.stream = stream
        self.width = width
        self.tty = stream.isatty()
        self._last = 0.0

    def __call__(self, progress: Any) -> None:
        if progress.event == "slowdown" and progress.message:
            self._line(progress.message, newline=True)
            return
        now = time.monotonic()
        final = progress.event in ("finished", "stopped")
        if not final and now - self._last < (0.1 if self.tty else 2.0):
            return
        self._last = now
        total = max(progress.total, 1)
        filled = int(self.width * progress.finished / total)
        eta = "" if progress.eta is None else f" ETA {_duration(progress.eta)}"
        text = (f"[{'#' * filled}{'.' * (self.width - filled)}] {progress.finished}/"
                f"{progress.total}  done {progress.done}  failed {progress.failed}  "
                f"unknown {progress.unknown}  skipped {progress.skipped}{eta}")
        self._line(text, newline=final or not self.tty)

    def _line(self, text: str, newline: bool) -> None:
        if self.tty:
            self.stream.write("\r\x1b[2K" + text + ("\n" if newline else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


async def _batch(args: argparse.Namespace) -> int:
    from app.auth.errors import as_provider_errors
    from app.core.batch import BatchFileError, BatchRefused, BatchRunner, check_file, prepare
    from app.core.errors import ProviderError
    from app.core.history import Database, History
    from app.core.providers import known
    from app.core.transport import make_client

    if not 1 <= args.concurrency <= 64:
        return fail(args, EXIT_INPUT, "--concurrency must be between 1 and 64.")
    try:
        root = api_root_from_args(args)
        report = check_file(args.file, args.provider)
    except ProviderError as error:
        return fail(args, EXIT_INPUT, error.advice, kind=error.kind)
    except BatchFileError as exc:
        return fail(args, EXIT_INPUT, str(exc), kind="input.batch_file")
    if args.check_only or report.file_problems:
        problem = None if report.ok else {"kind": "input.batch_rows", "advice": report.text()}
        emit(args, report.ok, report.as_dict(), problem, report.text())
        return EXIT_OK if report.ok else EXIT_INPUT
    try:
        secret = credential(args)
    except ProviderError as error:  # an unreadable --api-key-file
        return fail(args, EXIT_INPUT, error.advice, kind=error.kind)
    spec = known(args.provider)
    # Xee's online sandbox needs no sign-in (needs_sign_in is False there).
    needs_sign_in = spec.info.needs_sign_in(getattr(args, "env", None))
    session = None
    if secret is None and needs_sign_in:
        from app.cli import _stored_xee_session

        # The stored sign-in (`login xee`), as `pair xee` uses: its token is refreshed
        # once when Xee says it expired, so a long batch does not stop on it.
        session = _stored_xee_session(root, args)
    if secret is None and session is None and (needs_sign_in or not spec.info.signs_in):
        from app.cli import _missing_credential  # the same sentence as `pair`'s

        missing = _missing_credential(args)   # an InputError
        return fail(args, EXIT_INPUT, f"{missing.advice} Nothing was sent.")  # type: ignore[attr-defined]
    database = Database()
    try:
        try:
            batch_id, resumed = prepare(database, report, root, resume=args.resume,
                                        skip_invalid=args.skip_invalid)
        except BatchRefused as exc:
            return fail(args, EXIT_INPUT, str(exc), kind="input.batch_refused",
                        result={"report": report.as_dict()} if report.invalid else None)
        progress = None if (args.no_progress or args.json) else ProgressBar(sys.stderr)
        if resumed and progress is not None:
            print(f"Resuming batch #{batch_id}.", file=sys.stderr)
        async with make_client(timeout=args.timeout) as client:
            try:
                api = provider_api(args.provider, client, root, secret)
            except ProviderError as error:
                return fail(args, EXIT_INPUT, error.advice, kind=error.kind)
            runner = BatchRunner(api, database, batch_id, report, environment=root,
                                 concurrency=args.concurrency, on_progress=progress,
                                 history=History(database=database), resumed=resumed,
                                 setting=managed().value,
                                 max_retry_after=args.max_wait,
                                 call=as_provider_errors(session.call) if session else None)
            loop = asyncio.get_running_loop()
            interrupts = 0

            def on_interrupt() -> None:
                nonlocal interrupts
                interrupts += 1
                if interrupts == 1:
                    print("\nStopping: waiting for the requests in flight (Ctrl+C again to "
                          "quit at once; --resume continues).", file=sys.stderr)
                    runner.cancel()
                else:
                    os._exit(130)  # the journal is committed: --resume is safe

            installed = False
            previous: Any = None
            try:
                loop.add_signal_handler(signal.SIGINT, on_interrupt)
                installed = True
            except (NotImplementedError, RuntimeError):
                # Windows has no add_signal_handler, and asyncio.run's own SIGINT handler
                # would cancel this task (a traceback, no summary): a plain signal handler
                # hands Ctrl+C to the loop instead.
                def on_sigint(_signum: int, _frame: Any) -> None:
                    loop.call_soon_threadsafe(on_interrupt)

                previous = signal.signal(signal.SIGINT, on_sigint)
            try:
                summary = await runner.run()
            except BatchRefused as exc:
                return fail(args, EXIT_INPUT, str(exc), kind="input.batch_refused")
            finally:
                if installed:
                    loop.remove_signal_handler(signal.SIGINT)
                elif previous is not None:
                    signal.signal(signal.SIGINT, previous)
        if args.results:
            from app.core.batch import write_results

            write_results(Path(args.results), args.provider, summary.rows, summary.lines)
    finally:
        database.close()
        if session is not None:
            await session.aclose()
    return _batch_report(args, summary)


def _batch_report(args: argparse.Namespace, summary: Any) -> int:
    counts = summary.counts
    error = summary.stop_error
    if summary.status != "finished":
        # Stopped (Ctrl+C, or the network gave out): resumable with --resume.
        code = EXIT_REFUSED if error is not None and error.category == "auth" else EXIT_NETWORK
    else:
        code = EXIT_OK if counts["failed"] == counts["unknown"] == 0 else EXIT_REFUSED
    if args.json:
        problem = error
        if problem is None and code != EXIT_OK:
            problem = {"kind": "batch.incomplete", "advice": summary.stop_reason or
                       "Some rows failed or are unknown: see result.rows."}
        emit(args, code == EXIT_OK, summary.as_dict(), problem)
        return code
    out = sys.stdout if code == EXIT_OK else sys.stderr
    print(f"Batch #{summary.batch_id} {summary.status}: {counts['done']} done, "
          f"{counts['failed']} failed, {counts['unknown']} unknown (check by hand), "
          f"{counts['skipped']} skipped, {counts['pending'] + counts['sending']} not sent.",
          file=out)
    if summary.stop_reason:
        print(summary.stop_reason, file=sys.stderr)
    for row in summary.rows:
        if row.state in ("failed", "unknown"):
            ids = " ".join(f"{k}={v}" for k, v in row.identifiers.items())
            # The file's line, as the check report and the results CSV number it.
            line = summary.lines.get(row.row_no, row.row_no)
            print(f"  line {line} {row.state}: {ids} — {row.message}", file=sys.stderr)
    return code


# ------------------------------------------------------------------ netcheck


async def _netcheck(args: argparse.Namespace) -> int:
    from app.core.errors import ProviderError
    from app.core.netcheck import check

    try:
        root = api_root_from_args(args)
    except ProviderError as error:
        return fail(args, EXIT_INPUT, error.advice, kind=error.kind)
    report = await check(args.provider, root, step_timeout=args.timeout)
    problem = None if report.ok else {"kind": "network.check_failed", "advice": report.text()}
    emit(args, report.ok, report.as_dict(), problem, report.text())
    return EXIT_OK if report.ok else EXIT_NETWORK


def main(argv: list[str] | None = None) -> int:
    """`python -m app.cli_tools …`: these commands alone (until wired into app/cli.py)."""
    parser = argparse.ArgumentParser(prog="pairing-wizard")
    add_parsers(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    result = handle(parser.parse_args(argv))
    return EXIT_INPUT if result is None else result


if __name__ == "__main__":
    raise SystemExit(main())
