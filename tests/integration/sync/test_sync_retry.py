"""`catalogue-app sync --retry`, as cron or a scheduled task runs it: a dropped connection or a
base that is down is tried again after a bounded wait, said in French on stderr; a refusal
(4xx) stops at once."""

from __future__ import annotations

import pytest

from catalogue_app.records.store import create_record
from tests.integration.sync.conftest import Desk, server_records
from tests.integration.sync.faulty_proxy import DROP_RESPONSE, FaultyProxy
from tests.support import run_cli

pytestmark = pytest.mark.parametrize("regional_config", ["sqlite"], indirect=True)


def _sync_cli(desk: Desk, url: str, tmp_path, *options: str, token: str | None = None):
    token_file = tmp_path / "token"
    token_file.write_text(token or desk.token)
    return run_cli("--catalogue", str(desk.catalogue.directory), "sync", "--server", url,
                   "--token-file", str(token_file), *options, env={"CATALOGUE_APP_LANG": "fr"})


def _create(desk: Desk, *numbers: str) -> None:
    with desk.catalogue.writing() as session:
        for number in numbers:
            create_record(session, {"inventory_number": number}, "alice")


def test_a_connection_dropped_mid_sync_is_tried_again_and_nothing_is_duplicated(
        make_desk, museum_server, proxy: FaultyProxy, tmp_path) -> None:
    desk = make_desk("desk")
    _create(desk, "R.1", "R.2", "R.3")
    # The batch reaches the base, its answer is lost: the retry sends it again, same key.
    proxy.inject_on("/api/v1/records:batch", DROP_RESPONSE)

    told = _sync_cli(desk, proxy.url, tmp_path, "--retry-max-wait", "0.2")

    assert told.returncode == 0, told.stderr
    assert "Nouvel essai (2 sur 4) dans 0.2 s." in told.stderr
    on_base = server_records(museum_server, desk.token)
    assert sorted(fields["inventory_number"] for fields in on_base.values()) == [
        "R.1", "R.2", "R.3"]
    assert on_base == desk.records()


def test_a_refused_token_is_not_tried_again(make_desk, proxy: FaultyProxy, tmp_path) -> None:
    desk = make_desk("desk")

    told = _sync_cli(desk, proxy.url, tmp_path, "--retry-max-wait", "0.2",
                     token="not-a-token")

    assert told.returncode == 2
    assert "refusé le jeton" in told.stderr and "essai" not in told.stderr
    assert proxy.requests == 1  # whoami, once


def test_retries_are_bounded_and_each_wait_is_said(make_desk, tmp_path) -> None:
    desk = make_desk("desk")
    _create(desk, "R.1")

    # The discard port: nothing listens there, as when the base is not running.
    told = _sync_cli(desk, "http://127.0.0.1:9", tmp_path, "--retry", "2",
                     "--retry-max-wait", "0.1")

    assert told.returncode == 2
    lines = told.stderr.splitlines()
    waits = [line for line in lines if "Nouvel essai" in line]
    assert [wait.split("Nouvel essai ")[1] for wait in waits] == [
        "(2 sur 3) dans 0.1 s.", "(3 sur 3) dans 0.1 s."]
    assert "indisponible" in waits[0]
    assert any(line.startswith("Synchronisation avec http://127.0.0.1:9 arrêtée")
               for line in lines), told.stderr
