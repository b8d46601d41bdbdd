"""What every command handler gets: the service, the time zone, and output helpers."""

from __future__ import annotations

import sys
from functools import cached_property

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (`sessiond status`)
if TYPE_CHECKING:
    from typing import Any

    from sessiond.sessions import Sessiond


class Context:
    def __init__(self, *, json: bool = False, readonly: bool = False) -> None:
        self.json = json
        # A command that only reads opens the log read-only: it works on a read-only copy
        # (or a full disk) and can never create a key or a file.
        self.readonly = readonly
        # With --json, what a person reads on stderr (a warning, what the terms still ask)
        # waits for the outcome: a command that fails puts it in its JSON error, so that
        # stderr stays one JSON document; one that succeeds prints it on stderr as text
        # and adds it to its output as "messages".
        self.messages: list[str] = []

    def warn(self, text: str) -> None:
        """A warning for the technician: a `sessiond:` line on stderr (see `messages`)."""
        if self.json:
            self.messages.append(text)
        else:
            sys.stderr.write("sessiond: " + text.rstrip("\n") + "\n")

    def succeeded(self) -> None:
        """The command succeeded: the warnings held for --json go to stderr after all."""
        for text in self.messages:
            sys.stderr.write("sessiond: " + text.rstrip("\n") + "\n")

    @cached_property
    def service(self) -> Sessiond:
        from sessiond.i18n import set_language
        from sessiond.sessions import Sessiond

        service = Sessiond(readonly=self.readonly)
        set_language(service.config.language or None)
        return service

    @property
    def config(self) -> Any:
        return self.service.config

    @property
    def tz(self) -> Any:
        return self.service.tz

    def emit(self, text: str, data: Any) -> None:
        """Print `text` for a person, or `data` as JSON with --json."""
        if self.json:
            import json

            if self.messages and isinstance(data, dict) and "messages" not in data:
                data = {**data, "messages": list(self.messages)}
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        elif text:
            sys.stdout.write(text.rstrip("\n") + "\n")

    def close(self) -> None:
        if "service" in self.__dict__:
            self.service.close()
