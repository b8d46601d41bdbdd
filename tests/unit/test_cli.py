"""The command table of the CLI matches what the command modules register."""

from __future__ import annotations

import argparse
import importlib

from sessiond.cli import COMMANDS, build_parser


def registered(module: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(module).register(sub, argparse.ArgumentParser(add_help=False))
    return set(sub.choices)


def test_the_table_names_what_each_module_registers() -> None:
    for module, commands in COMMANDS.items():
        assert registered(module) == set(commands), module


def test_a_command_loads_only_its_module() -> None:
    sub = next(a for a in build_parser("verify")._actions
               if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == {"log", "verify"}
    everything = next(a for a in build_parser("--help")._actions
                      if isinstance(a, argparse._SubParsersAction))
    assert set(everything.choices) == {c for names in COMMANDS.values() for c in names}
