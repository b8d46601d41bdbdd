"""The `sessiond` command.

With no subcommand it opens the TUI; every other subcommand is the CLI, which must stay
fast (well under 100 ms): nothing here imports Textual, and each command module imports
what it needs inside its handlers. Command modules each add their subcommands through
`register(sub, common)`; they are listed in `COMMANDS`.

Exit codes (DESIGN.md): 0 done, 1 a check failed, 2 bad input or usage, 3 a fault of the
environment (disk full, read-only or damaged database, missing key), 4 a bug (reported in
one line, never as a traceback).
"""

from __future__ import annotations

import importlib
import os
import sys

from sessiond.errors import InputError, SessiondError
from sessiond.i18n import _

# typing.TYPE_CHECKING without importing typing: with re, collections and contextlib it is
# a third of `--version`. Annotations are not evaluated (`from __future__ import ...`).
TYPE_CHECKING = False
if TYPE_CHECKING:  # argparse loads only when a parser is built (not for status, --version)
    import argparse
    from collections.abc import Sequence
    from typing import Any

    from sessiond.cli.context import Context

# Which module adds which commands. A call loads only the module of the command it
# names, so it pays for that command alone (tests/unit/test_cli.py checks this table
# against what the modules register).
COMMANDS: dict[str, tuple[str, ...]] = {
    "sessiond.cli.sessions": ("client", "session", "consent", "start", "pause", "resume",
                              "stop", "note"),
    "sessiond.cli.status": ("status",),
    "sessiond.cli.record": ("record",),
    "sessiond.cli.corrections": ("amend", "reopen", "cancel", "redact", "withdraw"),
    "sessiond.cli.audit": ("log", "verify"),
    "sessiond.cli.billing": ("policy", "bill", "credit"),
    "sessiond.cli.compliance": ("check",),
    "sessiond.cli.daemon": ("daemon", "systemd"),
    "sessiond.cli.exports": ("export", "receipt"),
    "sessiond.cli.invoices": ("invoice",),
    "sessiond.cli.config": ("config",),
    "sessiond.cli.evidence": ("evidence",),
    "sessiond.cli.maintenance": ("backup", "restore", "doctor"),
}

class _Usage(SessiondError):
    """A usage error found by argparse (exit 2), with the usage line of its command."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


# Commands whose only option is --json, and the function of their module that says what
# they parse to: they run without argparse, which with the gettext it imports is a third
# of the start-up of `status`. Anything more (--help, a typo) goes to the parser.
PLAIN: dict[str, tuple[str, str]] = {"status": ("sessiond.cli.status", "status_defaults")}


def _plain(argv: Sequence[str]) -> Any | None:
    """The parsed arguments of a PLAIN command line, as argparse would give them."""
    if argv[0] not in PLAIN or any(arg != "--json" for arg in argv[1:]):
        return None
    from types import SimpleNamespace

    module, defaults = PLAIN[argv[0]]
    return SimpleNamespace(command=argv[0], json="--json" in argv,
                           **getattr(importlib.import_module(module), defaults)())


_parser_class: type[argparse.ArgumentParser] | None = None


def _parser() -> type[argparse.ArgumentParser]:
    """The parser class, argparse imported on first use."""
    global _parser_class
    if _parser_class is None:
        import argparse

        # argparse's own words ("usage:", "options", its errors) in the user's language;
        # this also spares a gettext search for catalogues at each of them.
        setattr(argparse, "_", _)  # noqa: B010 - argparse reads its global at call time

        # A misspelt command, choice or option gets the one it was meant to be.
        class Parser(argparse.ArgumentParser):
            def error(self, message: str) -> None:  # type: ignore[override]
                raise _Usage(message, self.format_usage())

            def _check_value(self, action: argparse.Action, value: Any) -> None:
                try:
                    super()._check_value(action, value)
                except argparse.ArgumentError as refused:
                    from sessiond.spelling import did_you_mean

                    choices = [str(c) for c in action.choices or ()]
                    raise argparse.ArgumentError(
                        action, refused.message + did_you_mean(str(value), choices)) from None

            def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
                parsed, extras = self.parse_known_args(args, namespace)
                if extras:
                    from sessiond.spelling import did_you_mean

                    unknown = next((a for a in extras if a.startswith("--")), "")
                    self.error(_("unrecognized arguments: %s") % " ".join(extras)
                               + did_you_mean(unknown.partition("=")[0],
                                              self._options_along(args or [])))
                return parsed

            def _options_along(self, args: Sequence[str]) -> list[str]:
                """The long options of this parser and of the subcommands `args` name
                (`session new`: those of sessiond, session and new)."""
                options: list[str] = []
                parser: argparse.ArgumentParser | None = self
                while parser is not None:
                    options += [o for o in parser._option_string_actions if o[:2] == "--"]
                    commands = next((a.choices for a in parser._actions
                                     if isinstance(a, argparse._SubParsersAction)), {})
                    parser = next((commands[a] for a in args if a in commands), None)
                return options

        _parser_class = Parser
    return _parser_class


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `command`, only the module that adds it is loaded."""
    _Parser = _parser()
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true",
                        help=_("print JSON instead of text"))
    parser = _Parser(
        prog="sessiond",
        description=_("Remote-assistance session timer, consent record and audit log. "
                      "Without a command, opens the terminal interface."),
    )
    parser.add_argument("--version", action="version", version=_version(),
                        help=_("show program's version number and exit"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = [m for m, names in COMMANDS.items() if command in names]
    if command != "--version":
        for name in modules or COMMANDS:
            importlib.import_module(name).register(sub, common)
    return parser


def _version() -> str:
    from sessiond import __version__

    return f"sessiond {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        return _run_tui()
    if argv == ["--version"]:  # constant text: neither parser nor output filter needed
        sys.stdout.write(_version() + "\n")
        return 0
    if argv[0] == "--json" and len(argv) > 1:
        # `sessiond --json status`: the option every printing command takes, typed before
        # the command as much as after it.
        argv = [*argv[1:], "--json"]
    # Every line the CLI prints goes through one filter: text that came from a user (a
    # client's name, a note, a policy, an argument) may hold escape sequences.
    streams = sys.stdout, sys.stderr
    # With --json, what goes out is JSON: a character beyond the BMP is escaped as JSON
    # writes it (a UTF-16 pair), so that a JSON reader decodes the text it stands for.
    as_json = "--json" in argv
    sys.stdout = _SafeStream(streams[0], json=as_json)
    sys.stderr = _SafeStream(streams[1], json=as_json)
    try:
        return _main(argv, as_json=as_json)
    finally:
        sys.stdout, sys.stderr = streams


# Arguments that name a session, a client or a policy: ids are shown in lower case and
# read in any case (`stop S-K6P7QP` is `stop s-k6p7qp`).
_ID_ARGUMENTS = ("session_id", "client_id", "duplicate", "into", "client", "policy_id",
                 "policy")
# Exit code of a bug (an exception nobody expected): said in one line, never a traceback
# (set SESSIOND_DEBUG=1 to see it).
INTERNAL_ERROR = 4


def _main(argv: list[str], *, as_json: bool) -> int:
    from sessiond.cli.context import Context

    ctx: Context | None = None
    try:
        _refuse_undecodable(argv)
        args = _plain(argv) or build_parser(argv[0]).parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None:
            build_parser(argv[0]).parse_args([*argv, "--help"])
            return 2
        for name in _ID_ARGUMENTS:
            value = getattr(args, name, None)
            if isinstance(value, str):
                setattr(args, name, value.strip().lower())
        ctx = Context(json=getattr(args, "json", False),
                      readonly=getattr(args, "readonly", False))
        code = int(handler(args, ctx) or 0)
        ctx.succeeded()
        return code
    except _Usage as e:
        if not as_json:
            sys.stderr.write(e.usage)
        return _fail(_("error: {message}", message=e.message), 2, as_json, prefix="")
    except SessiondError as e:
        return _fail(e.message, e.exit_code, as_json,
                     messages=ctx.messages if ctx is not None else None)
    except KeyboardInterrupt:
        return _fail(_("Interrupted."), 130, as_json, prefix="")
    except BrokenPipeError:  # `sessiond log | head`: the reader left; nothing to say
        _silence_stdout()
        return 141  # as a shell reports a process killed by SIGPIPE
    except Exception as e:  # the last net: no traceback reaches the user
        from sessiond.errors import from_fault

        if os.environ.get("SESSIOND_DEBUG"):
            raise
        fault = from_fault(e) or _damage(ctx)
        if fault is not None:
            return _fail(fault.message, fault.exit_code, as_json)
        return _fail(_("internal error ({kind}: {problem}). Please report it; "
                       "SESSIOND_DEBUG=1 shows the details.", kind=type(e).__name__,
                       problem=str(e)[:200]), INTERNAL_ERROR, as_json)
    finally:
        if ctx is not None:
            import contextlib

            with contextlib.suppress(Exception):  # closing after a fault must not hide it
                ctx.close()


def _damage(ctx: Any) -> SessiondError | None:
    """The log's damage behind an unexpected failure of a command that read it
    (Sessiond.damage); None if the command never opened the log."""
    if ctx is None or "service" not in ctx.__dict__:
        return None
    damage: SessiondError | None = ctx.service.damage()
    return damage


def _fail(message: str, code: int, as_json: bool, *, prefix: str = "sessiond: ",
          messages: list[str] | None = None) -> int:
    """Report an error on stderr: a line for people, or JSON with --json (with the
    warnings the command gave before it failed, `messages`)."""
    if as_json:
        import json

        report: dict[str, object] = {"error": message, "exit_code": code}
        if messages:
            report["messages"] = messages
        sys.stderr.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(f"{prefix}{message}\n")
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail too."""
    try:
        fd = sys.__stdout__.fileno() if sys.__stdout__ is not None else -1
    except (OSError, ValueError):
        return
    if fd >= 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)


def _refuse_undecodable(argv: list[str]) -> None:
    """Bytes that are not UTF-8 reach argv as lone surrogates: refuse them before anything
    reads them (they cannot be stored, sealed or printed)."""
    for number, arg in enumerate(argv, 1):
        if "\x00" in arg:  # no real command line holds one; main() called from Python may
            raise InputError(_("Argument {number} holds a NUL character: no file name or "
                               "text may.", number=number))
        if any("\udc80" <= c <= "\udcff" for c in arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise InputError(_("Argument {number} ({shown}) is not valid UTF-8 text: set "
                               "the terminal to UTF-8 and type it again.", number=number,
                               shown=shown[:80]))


class _SafeStream:
    """A text stream that writes user-supplied text as text (see display.safe_text)."""

    def __init__(self, stream: Any, *, json: bool = False) -> None:
        self._stream = stream
        self._json = json

    def write(self, text: str) -> int:
        from sessiond.display import safe_text

        return int(self._stream.write(safe_text(text, json=self._json)))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _run_tui() -> int:
    try:
        from sessiond.tui.app import run
    except ImportError as e:  # pragma: no cover - textual is a dependency
        sys.stderr.write(f"sessiond: {e}\n")
        return 2
    return run()
