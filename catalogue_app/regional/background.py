"""A daemon thread of the server that works in the background until stopped: the OAI metadata
keeper (oai/keeper.py) and the derivative worker (derivatives.py). `wake` asks for work now (a
push came), `stop` ends the thread at its next pause and waits for it."""

from __future__ import annotations

import threading
from collections.abc import Callable

STOP_SECONDS = 30.0  # how long `stop` waits for the thread to finish what it does


class Background:
    """Subclassed by each: `run`, its loop, checks `stopping` and waits with `pause` or `idle`,
    so that `stop` never waits long."""

    def __init__(self, name: str, run: Callable[[], None]) -> None:
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

    def idle(self, seconds: float) -> None:
        """Wait for a wake (or `stop`), at most `seconds`."""
        self._woken.wait(seconds)

    def forget_wakes(self) -> None:
        """The work about to be done answers the wakes so far; one after this asks again."""
        self._woken.clear()
