"""Museums stay apart: a catalogue is bound to its museum, and two museums never mix."""

from __future__ import annotations

import threading

import pytest

from catalogue_app.records.store import create_record
from catalogue_app.sync.client import TokenRefused
from tests.integration.sync.conftest import Desk, server_records
from tests.support import run_cli


def test_two_museums_syncing_at_once_never_see_each_others_records(make_desk, museum_server):
    museum_server.add_museum("M0002", "Autre musée")
    ours, theirs = make_desk("ours"), make_desk("theirs", museum="M0002")
    for desk, prefix in ((ours, "A"), (theirs, "B")):
        with desk.catalogue.writing() as session:
            for n in range(30):
                create_record(session, {"inventory_number": f"{prefix}.{n}"}, "curator")
    threads = [threading.Thread(target=desk.sync) for desk in (ours, theirs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ours.sync()
    theirs.sync()

    assert {f["inventory_number"][0] for f in ours.records().values()} == {"A"}
    assert {f["inventory_number"][0] for f in theirs.records().values()} == {"B"}
    assert ours.records() == server_records(museum_server, ours.token)
    assert theirs.records() == server_records(museum_server, theirs.token)


def test_a_token_of_another_museum_is_refused_before_anything_is_sent(make_desk, museum_server):
    museum_server.add_museum("M0002", "Autre musée")
    desk = make_desk("ours")
    with desk.catalogue.writing() as session:
        create_record(session, {"inventory_number": "A.1"}, "curator")
    intruder = Desk(desk.catalogue, desk.server_url, museum_server.token("M0002"))

    with pytest.raises(TokenRefused, match="belongs to museum M0001"):
        intruder.sync()
    assert server_records(museum_server, intruder.token) == {}


def test_the_first_sync_binds_the_catalogue_to_the_tokens_museum(make_desk):
    desk = make_desk("ours")
    assert not desk.catalogue.museum().bound
    desk.sync()
    assert desk.catalogue.museum().bound


def test_sync_command_reports_what_it_did_and_a_revoked_token_clearly(
        museum_server, tmp_path):
    token_file = tmp_path / "token.txt"
    token_file.write_text(museum_server.token("M0001") + "\n")
    catalogue = str(tmp_path / "cli-desk")
    done = run_cli("--catalogue", catalogue, "sync", "--server", museum_server.url,
                   "--token-file", str(token_file))
    assert done.returncode == 0, done.stderr
    assert "done" in done.stderr

    token_file.write_text("not-a-token\n")
    refused = run_cli("--catalogue", catalogue, "sync", "--server", museum_server.url,
                      "--token-file", str(token_file))
    assert refused.returncode == 2
    assert "refused the token" in refused.stderr
