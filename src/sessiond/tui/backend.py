"""The one thread that talks to the store.

The service holds a single SQLite connection. Every call the TUI makes to it (commands and
the loading of what the screens show) runs here, on one thread, in the order it was made:
transactions never interleave, a pause typed right after a start is applied after it, and
the event loop stays free while SQLite syncs to disk. Screens `await backend.run(...)`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from sessiond.sessions import Sessiond

P = ParamSpec("P")
T = TypeVar("T")


class Backend:
    def __init__(self, service: Sessiond) -> None:
        self.service = service
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sessiond-store")
        self._pending = 0

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run `fn` on the store thread and wait for it without blocking the event loop."""
        self._pending += 1
        try:
            return await asyncio.wrap_future(self._pool.submit(fn, *args, **kwargs))
        finally:
            self._pending -= 1

    def call(self, fn: Callable[[], T]) -> T:
        """Run `fn` on the store thread and wait for it, blocking: for the event loop's
        last words when the interface ends on an error (SessiondApp._handle_exception)."""
        return self._pool.submit(fn).result()

    @property
    def busy(self) -> bool:
        """Calls submitted and not finished (tests wait for this to settle)."""
        return self._pending > 0

    def close(self, *, close_service: bool) -> None:
        """Finish what was submitted; close the connection (on its thread) if it is ours."""
        if close_service:
            self._pool.submit(self.service.close).result()
        self._pool.shutdown(wait=True)
