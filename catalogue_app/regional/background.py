"""A daemon thread of the server that works in the background until stopped: the OAI metadata
keeper (oai/keeper.py) and the derivative worker (derivatives.py). `wake` asks for work now (a
push came), `stop` ends the thread at its next pause and waits for it. `Requests` tells such a
thread when its process is answering requests, so that it can give way to them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from catalogue_app.regional.asgi import HttpMiddleware

STOP_SECONDS = 30.0  # how long `stop` waits for the thread to finish what it does
# A process that answered nothing for this long is quiet: background work goes on.
QUIET_SECONDS = 0.25
# How long background work gives way at most before its next step: under a crowd that never
# pauses it still moves on, a step every few seconds instead of one in three.
GIVE_WAY_SECONDS = 5.0
GIVE_WAY_CHECK_SECONDS = 0.05


class Requests:
    """Whether this process is answering requests. Its background threads share its
    interpreter (one GIL) with the requests: a step of theirs while visitors are served makes
    each request wait for the lock every time it comes back from the database."""

    def __init__(self) -> None:
        self._answering = 0
        self._last = float("-inf")

    def began(self) -> None:
        self._answering += 1

    def ended(self) -> None:
        self._answering -= 1
        self._last = time.monotonic()

    def quiet(self) -> bool:
        return not self._answering and time.monotonic() - self._last >= QUIET_SECONDS


class NoteRequests(HttpMiddleware):
    """Tells `requests` when each request begins and ends."""

    def __init__(self, app: ASGIApp, requests: Requests) -> None:
        super().__init__(app)
        self.requests = requests

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.requests.began()
        try:
            await self.app(scope, receive, send)
        finally:
            self.requests.ended()


class Background:
    """Subclassed by each: `run`, its loop, checks `stopping` and waits with `pause` or `idle`,
    so that `stop` never waits long."""

    def __init__(self, name: str, run: Callable[[], None], requests: Requests | None = None
                 ) -> None:
        self.requests = requests
        self._woken = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._woken.set()

    def stop(self) -> None:
        self._stopping.set()
        self._woken.set()
        if self._thread.is_alive():
            self._thread.join(STOP_SECONDS)

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def pause(self, seconds: float) -> None:
        """Wait, cut short by `stop` only."""
        self._stopping.wait(seconds)

    def give_way(self) -> None:
        """Wait while the process answers requests (cut short by `stop`), at most
        GIVE_WAY_SECONDS: before each step of work, so that visitors and desks go first."""
        if self.requests is None:
            return
        until = time.monotonic() + GIVE_WAY_SECONDS
        while not self.requests.quiet() and time.monotonic() < until and not self.stopping:
            self.pause(GIVE_WAY_CHECK_SECONDS)

    def idle(self, seconds: float) -> None:
        """Wait for a wake (or `stop`), at most `seconds`."""
        self._woken.wait(seconds)

    def forget_wakes(self) -> None:
        """The work about to be done answers the wakes so far; one after this asks again."""
        self._woken.clear()
