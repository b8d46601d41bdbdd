"""The `sessiond` command.

With no subcommand it opens the TUI; every other subcommand is the CLI, which must stay
fast (well under 100 ms): nothing here imports Textual, and each command module imports
what it needs inside its handlers. Command modules each add their subcommands through
`register(sub, common)`; they are listed in `COMMANDS`.

Exit codes (DESIGN.md): 0 done, 1 a check failed, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from sessiond.cli.context import Context
from sessiond.errors import SessiondError
from sessiond.i18n import _

# Which module adds which commands. A call loads only the module of the command it
# names, so it pays for that command alone (tests/unit/test_cli.py checks this table
# against what the modules register).
COMMANDS: dict[str, tuple[str, ...]] = {
    "sessiond.cli.sessions": ("client", "session", "consent", "start", "pause", "resume",
                              "stop", "note", "status"),
    "sessiond.cli.record": ("record",),
    "sessiond.cli.audit": ("log", "verify"),
    "sessiond.cli.billing": ("policy", "bill", "credit"),
    "sessiond.cli.compliance": ("check",),
    "sessiond.cli.daemon": ("daemon", "systemd"),
    "sessiond.cli.exports": ("export", "receipt"),
}

# argparse's own words ("usage:", "options", its errors) in the user's language; this also
# spares a gettext search for catalogues at each of them.
setattr(argparse, "_", _)  # noqa: B010 - argparse reads its module global at call time


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(_("error: {message}", message=message) + "\n")
        raise SystemExit(2)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `command`, only the module that adds it is loaded."""
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true",
                        help=_("print JSON instead of text"))
    parser = _Parser(
        prog="sessiond",
        description=_("Remote-assistance session timer, consent record and audit log. "
                      "Without a command, opens the terminal interface."),
    )
    parser.add_argument("--version", action="version", version=_version())
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
    args = build_parser(argv[0]).parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        build_parser(argv[0]).parse_args([*argv, "--help"])
        return 2
    ctx = Context(json=getattr(args, "json", False))
    try:
        return int(handler(args, ctx) or 0)
    except SessiondError as e:
        sys.stderr.write(f"sessiond: {e.message}\n")
        return e.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(_("Interrupted.") + "\n")
        return 130
    finally:
        ctx.close()


def _run_tui() -> int:
    try:
        from sessiond.tui.app import run
    except ImportError as e:  # pragma: no cover - textual is a dependency
        sys.stderr.write(f"sessiond: {e}\n")
        return 2
    return run()
