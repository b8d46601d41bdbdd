"""Start-up of `status` and `--version`: what they do not import, and that the
parser-free path of `status` reads its arguments as argparse does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sessiond.cli import PLAIN, _plain, build_parser


def imported_after(argv: list[str], home: Path) -> tuple[set[str], str]:
    """The modules loaded by a fresh interpreter running `sessiond ARGV`, and its output."""
    code = (f"import sys; from sessiond.cli import main; main({argv!r}); "
            "loaded = sorted(sys.modules); import json; sys.stderr.write(json.dumps(loaded))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"SESSIOND_HOME": str(home), "PATH": "",
                                           "SESSIOND_LANG": "en"})
    return set(json.loads(done.stderr.splitlines()[-1])), done.stdout


@pytest.mark.parametrize("argv", [["status"], ["status", "--json"]])
def test_plain_commands_parse_as_argparse_does(argv: list[str]) -> None:
    parsed = vars(build_parser(argv[0]).parse_args(argv))
    assert vars(_plain(argv)) == parsed
    assert parsed["handler"].__name__ == "do_status"


@pytest.mark.parametrize("argv", [["status", "--help"], ["status", "--jsn"],
                                  ["status", "s-1"], ["log", "--json"]])
def test_anything_else_goes_to_the_parser(argv: list[str]) -> None:
    assert _plain(argv) is None


def test_every_plain_command_is_in_the_table() -> None:
    from sessiond.cli import COMMANDS

    for command, (module, _defaults) in PLAIN.items():
        assert command in COMMANDS[module]


def test_version_loads_neither_parser_nor_typing(tmp_path: Path) -> None:
    modules, out = imported_after(["--version"], tmp_path)
    assert out.startswith("sessiond ")
    assert not {"argparse", "typing", "sessiond.cli.context", "json"} & modules


def test_status_loads_no_parser_nor_what_only_writes_need(tmp_path: Path) -> None:
    from sessiond.config import Paths
    from sessiond.sessions import Sessiond

    svc = Sessiond(Paths(data=tmp_path, config=tmp_path))  # status reads an existing log
    svc.add_client("Jeanne Martin")
    svc.close()
    modules, out = imported_after(["status"], tmp_path)
    assert "No open session." in out
    assert not {"argparse", "gettext", "secrets", "hmac", "urllib.request", "decimal",
                "sessiond.cli.daemon", "sessiond.audit.checkpoint"} & modules
    # The records it reads are named tuples: dataclasses and the inspect it imports cost
    # 11 ms, and creating each frozen dataclass 0.8 ms more.
    assert "dataclasses" not in modules


def test_status_from_its_view_loads_neither_the_model_nor_the_store(tmp_path: Path) -> None:
    from sessiond.config import Paths
    from sessiond.sessions import Sessiond

    svc = Sessiond(Paths(data=tmp_path, config=tmp_path))
    svc.add_client("Jeanne Martin")
    svc.close()
    first, out = imported_after(["status"], tmp_path)  # folds, and keeps the view
    assert "sessiond.sessions" in first and "No open session." in out
    modules, again = imported_after(["status"], tmp_path)
    assert again == out
    # What the view spares: the service, the model and the store class, and the standard
    # modules only they need (pathlib with urllib.parse, typing, json, zoneinfo, and re:
    # the output filter needs it only for text with something to escape).
    assert not {"sessiond.sessions", "sessiond.model", "sessiond.store.sqlite",
                "sessiond.config", "pathlib", "typing", "json", "zoneinfo",
                "platformdirs", "re"} & modules
