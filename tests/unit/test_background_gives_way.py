"""The server's background work (the OAI keeper) shares its process's interpreter with the
requests it answers: before each step it waits until the process has been quiet for a moment,
but never longer than a few seconds, so that it still moves on under a crowd that never
pauses."""

from __future__ import annotations

import threading
import time

import pytest

from catalogue_app.regional import background
from catalogue_app.regional.background import Background, Requests


def giving_way(worker: Background) -> threading.Event:
    done = threading.Event()
    threading.Thread(target=lambda: (worker.give_way(), done.set()), daemon=True).start()
    return done


def test_background_work_waits_while_a_request_is_answered_and_goes_on_once_quiet() -> None:
    requests = Requests()
    worker = Background("test", lambda: None, requests)
    requests.began()
    done = giving_way(worker)
    assert not done.wait(1.0)  # a request still being answered: the work waits
    ended = time.monotonic()
    requests.ended()
    assert done.wait(5)
    assert time.monotonic() - ended >= background.QUIET_SECONDS


def test_background_work_gives_way_a_few_seconds_at_most(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "GIVE_WAY_SECONDS", 0.5)
    requests = Requests()
    requests.began()  # answered forever
    started = time.monotonic()
    assert giving_way(Background("test", lambda: None, requests)).wait(5)
    assert 0.5 <= time.monotonic() - started < 5


def test_stopping_ends_the_wait_at_once() -> None:
    requests = Requests()
    requests.began()
    worker = Background("test", lambda: None, requests)
    done = giving_way(worker)
    worker.stop()  # its thread never started: stop only sets the flag
    assert done.wait(background.GIVE_WAY_SECONDS / 2)


def test_a_quiet_process_does_not_hold_background_work() -> None:
    started = time.monotonic()
    Background("test", lambda: None, Requests()).give_way()
    assert time.monotonic() - started < background.QUIET_SECONDS
