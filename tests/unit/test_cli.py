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


def test_an_allow_list_option_takes_the_words_the_interface_shows() -> None:
    """--method carte, --channel téléphone, --mode "sur site": the French words of a
    value are read as its id, in any case, with or without accents."""
    from sessiond.cli.options import allow_list
    from sessiond.i18n import set_language
    from sessiond.model import CHANNELS, MODES, PAYMENT_METHODS

    set_language("fr")
    try:
        method = allow_list(PAYMENT_METHODS)
        assert [method(t) for t in ("carte", "Espèces", "especes", "CHÈQUE", "virement",
                                    "card", "carte bancaire")] == [
            "card", "cash", "cash", "cheque", "transfer", "card", "card"]
        assert method("bitcoin") == "bitcoin"  # left for argparse to refuse
        assert allow_list(CHANNELS)("téléphone") == "phone"
        assert allow_list(MODES)("sur site") == "onsite"
    finally:
        set_language(None)


def test_an_event_number_is_read_as_the_log_and_the_messages_print_it() -> None:
    from sessiond.cli.options import event_number

    assert [event_number(t) for t in ("16", " 16 ", "#16", "n° 16", "n°16", "No 16",
                                      "nº16")] == [16] * 7
    for text in ("abc", "16a", "-3", ""):
        try:
            event_number(text)
        except argparse.ArgumentTypeError:
            continue
        raise AssertionError(text)
