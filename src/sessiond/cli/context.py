"""What every command handler gets: the service, the time zone, and output helpers."""

from __future__ import annotations

import json
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sessiond.sessions import Sessiond


class Context:
    def __init__(self, *, json: bool = False, readonly: bool = False) -> None:
        self.json = json
        # A command that only reads opens the log read-only: it works on a read-only copy
        # (or a full disk) and can never create a key or a file.
        self.readonly = readonly

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
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        elif text:
            sys.stdout.write(text.rstrip("\n") + "\n")

    def close(self) -> None:
        if "service" in self.__dict__:
            self.service.close()
