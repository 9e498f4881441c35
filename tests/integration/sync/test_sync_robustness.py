"""What a desk does with a base that limits, refuses or cannot be reached: batches cut to the
published limits, records it cannot store set aside while the rest syncs, drafts without a
number kept home, and tokens never sent unencrypted to another computer unless allowed."""

from __future__ import annotations

import dataclasses
import subprocess

import pytest
from sqlalchemy import select, text

from catalogue_app.images import gallery
from catalogue_app.images.store import ImageStore
from catalogue_app.records.store import create_record, update_record
from catalogue_app.regional.config import ServerConfig
from catalogue_app.regional.limits import Limits
from catalogue_app.sync import client as sync_client
from catalogue_app.sync.client import RegionalClient, SyncError, is_insecure
from catalogue_app.sync.outbox import pending_count
from db.local.models import Record
from db.regional.models import IdempotentResponse
from db.regional.models import Record as BaseRecord
from tests.integration.conftest import RegionalServer, serving
from tests.integration.sync.conftest import MUSEUM, Desk, jpeg_bytes, server_records
from tests.support import run_cli


def _create(desk: Desk, number: str, **fields) -> str:
    with desk.catalogue.writing() as session:
        return create_record(session, {"inventory_number": number, "designation": "Pichet",
                                       **fields}, "alice")


def _pushes_of(server: RegionalServer, record_id: str) -> int:
    """How many pushes carried the record, from the answers the base keeps under each batch's
    Idempotency-Key."""
    with server.database.read_session() as session:
        answers = session.scalars(select(IdempotentResponse.response))
        return sum(result["id"] == record_id for answer in answers
                   for result in answer["results"])


def _sync_in_french(desk: Desk, tmp_path) -> subprocess.CompletedProcess[str]:
    """`catalogue-app sync` of `desk`, run as a French-speaking curator does."""
    token_file = tmp_path / "token"
    token_file.write_text(desk.token)
    return run_cli("--catalogue", str(desk.catalogue.directory), "sync", "--server",
                   desk.server_url, "--token-file", str(token_file),
                   env={"CATALOGUE_APP_LANG": "fr"})


def test_batches_are_cut_by_count_and_by_bytes_to_the_published_limits(
    regional_config: ServerConfig, tmp_path,
) -> None:
    from catalogue_app.catalogue import Catalogue

    limits = Limits(batch_records=4, body_bytes=700_000)
    with serving(dataclasses.replace(regional_config, limits=limits)) as server:
        server.add_museum(MUSEUM)
        catalogue = Catalogue.open(tmp_path / "desk")
        try:
            desk = Desk(catalogue, server.url, server.token(MUSEUM))
            small = [_create(desk, f"S.{n}") for n in range(9)]
            # 250 KB of observations each: two fill a batch the limit lets through.
            large = [_create(desk, f"L.{n}", observations=f"{n} " + "x" * 250_000)
                     for n in range(5)]
            report = desk.sync()
            assert report.refused == [] and report.sent == len(small) + len(large)
            assert set(server_records(server, desk.token)) == set(small + large)
        finally:
            catalogue.close()


def test_a_record_the_desk_cannot_store_is_set_aside_and_the_rest_syncs(
    make_desk, tmp_path,
) -> None:
    first, second = make_desk("first"), make_desk("second")
    shared = _create(first, "A.1")
    first.sync()
    second.sync()
    with second.catalogue.writing() as session:  # renumbered here, not yet sent
        update_record(session, shared, {"inventory_number": "A.2"}, "bob")
    clashing = _create(first, "A.2")
    other = _create(first, "A.3")
    first.sync()

    report = second.sync()

    # A.2 from the base clashes with this desk's own A.2: set aside, A.3 still arrives, and
    # this desk's renumbering is refused by the base with a coded reason.
    assert other in second.records()
    assert clashing not in second.records()
    assert len(report.set_aside) == 1 and "A.2" in report.set_aside[0]
    assert len(report.refused) == 1 and "another record of your museum" in report.refused[0]
    (listed,) = second.catalogue.set_aside_records()
    assert listed.record_id == clashing and listed.inventory_number == "A.2"
    assert second.catalogue.sync_status().set_aside == 1

    told = _sync_in_french(second, tmp_path)
    assert told.returncode == 1
    assert "Mise de côté :" in told.stderr and "A.2" in told.stderr

    with second.catalogue.writing() as session:  # the curator settles it: another number
        update_record(session, shared, {"inventory_number": "A.20"}, "bob")
    report = second.sync()
    assert report.set_aside == [] and report.refused == []
    assert second.records()[clashing]["inventory_number"] == "A.2"
    assert second.catalogue.set_aside_records() == []


def test_a_push_this_desk_cannot_merge_is_said_and_sent_once_per_sync(
        make_desk, museum_server) -> None:
    first, second = make_desk("first"), make_desk("second")
    moved, other = _create(first, "B.1"), _create(first, "B.3")
    first.sync()
    second.sync()
    with first.catalogue.writing() as session:
        update_record(session, moved, {"inventory_number": "B.2"}, "alice")
    first.sync()
    with second.catalogue.writing() as session:  # meanwhile, not yet sent
        update_record(session, moved, {"designation": "Cruche"}, "bob")
        update_record(session, other, {"inventory_number": "B.2"}, "bob")
    before = {record_id: _pushes_of(museum_server, record_id) for record_id in (moved, other)}

    report = second.sync()

    # `moved` comes back from its push as a conflict whose merge (B.2) clashes with `other`
    # here: the base's copy is set aside, as the pull had; and the base refuses `other` (B.2
    # is `moved`'s there). The same answers each round, so each record is said, and sent, once.
    clash = (f"Record 'B.2' ({moved}) from the regional base cannot be stored here: Inventory"
             " number 'B.2' is already used by record «Pichet»; inventory numbers must be unique"
             " in the museum. Nothing was saved.")
    assert report.set_aside == [clash]
    assert report.refused == [
        "Record B.2: another record of your museum on the regional base already has this"
        " inventory number. (the regional base said: inventory number 'B.2' is already used by"
        f" record {moved} of your museum)"]
    assert {r: _pushes_of(museum_server, r) - before[r] for r in before} == {moved: 1, other: 1}

    with second.catalogue.writing() as session:  # the curator settles it: the next sync sends both
        update_record(session, other, {"inventory_number": "B.4"}, "bob")
    report = second.sync()
    assert report.refused == [] and report.set_aside == [] and report.sent == 2
    assert {r: _pushes_of(museum_server, r) - before[r] for r in before} == {moved: 2, other: 2}
    assert second.records()[moved] == server_records(museum_server, second.token)[moved]
    assert second.records()[moved]["designation"] == "Cruche"


def test_a_record_made_on_two_desks_that_cannot_be_merged_stays_on_the_desk_unsent(
        make_desk, museum_server, french, tmp_path) -> None:
    first, second = make_desk("first"), make_desk("second")
    theirs = _create(first, "X.1", description="Pichet de la vitrine 3")
    first.sync()
    with museum_server.database.write_session() as session:  # what a newer base may hold
        held = session.get(BaseRecord, theirs)
        held.fields = {**held.fields, "deaccession_case": "lost"}
    mine = _create(second, "X.1", description="Pichet ébréché, réserve B")

    report = second.sync()

    # The same object, created on both desks: this desk would adopt the base's id, but the
    # merge cannot be stored here. Neither the pull (the base's X.1 names this desk's record
    # by its number) nor the push (answered: adopt X.1) may lose the curator's record.
    assert second.records()[mine]["description"] == "Pichet ébréché, réserve B"
    assert theirs not in second.records()
    unstorable = (
        f"La fiche « X.1 » ({theirs}) venue de la base régionale ne peut pas être enregistrée"
        " ici : Le champ « Motif de radiation » doit prendre l'une de ces valeurs : "
        "« undue_inscription », « double_inscription », « destroyed », "
        "« transferred_public_person », « declassified », « reassigned », « restituted », "
        "ou rester vide.")
    # The base refused nothing: its X.1 is set aside here, said once, while this desk's waits.
    assert report.set_aside == [unstorable] and report.refused == []
    assert report.sent == 0 and set(server_records(museum_server, second.token)) == {theirs}
    with second.catalogue.reading() as session:
        assert pending_count(session) == 1

    report = second.sync()  # the base's X.1, set aside, is tried again first: the same
    assert report.set_aside == [unstorable] and report.refused == []
    assert second.records()[mine]["description"] == "Pichet ébréché, réserve B"

    # The command line says it in one French line: what happened and what settles it; its
    # totals are French too.
    told = _sync_in_french(second, tmp_path)
    assert told.returncode == 1
    assert [line for line in told.stderr.splitlines() if "X.1" in line] == [
        f"Mise de côté : {unstorable} Chaque synchronisation la reprend : réglez la cause sur ce"
        " poste (un autre numéro d'inventaire pour la fiche d'ici, ou une version plus récente"
        " de l'application quand la base tient une valeur qu'elle ne connaît pas)."]
    assert told.stderr.splitlines()[-1] == (
        f"Synchronisation avec {second.server_url} terminée : 0 fiche(s) reçue(s), 0 envoyée(s),"
        " 1 mise(s) de côté. 1 modification(s) encore en attente.")


def test_a_series_renumbered_on_a_desk_syncs_whole_in_one_sync(make_desk, museum_server) -> None:
    """Records are pushed in id order and the base checks a batch in order: the record taking
    a number another one gives up in the same sync may come first and be refused, then goes
    again in the next round of the same sync, once the number is free."""
    desk = make_desk("desk")
    taker, giver = sorted([_create(desk, "C.1"), _create(desk, "C.2")])
    with desk.catalogue.writing() as session:  # the first in id order holds C.1
        update_record(session, giver, {"inventory_number": "C.0"}, "alice")
        update_record(session, taker, {"inventory_number": "C.1"}, "alice")
        update_record(session, giver, {"inventory_number": "C.2"}, "alice")
    desk.sync()
    with desk.catalogue.writing() as session:
        update_record(session, giver, {"inventory_number": "C.3"}, "alice")
        update_record(session, taker, {"inventory_number": "C.2"}, "alice")

    report = desk.sync()

    assert report.refused == [] and report.pending == 0
    on_base = server_records(museum_server, desk.token)
    assert {on_base[taker]["inventory_number"], on_base[giver]["inventory_number"]} == {
        "C.2", "C.3"} and on_base[taker]["inventory_number"] == "C.2"
    assert _pushes_of(museum_server, taker) == 3  # created, refused once, then accepted


def test_an_image_lost_from_the_desk_is_said_once_and_the_other_records_sync(
        make_desk, museum_server) -> None:
    desk = make_desk("desk")
    illustrated, kept = _create(desk, "F.1"), _create(desk, "F.2")
    data = jpeg_bytes(7)
    store = ImageStore(desk.catalogue.images_dir)
    sha256 = store.add_bytes(data)
    with desk.catalogue.writing() as session:
        gallery.add_image(session, illustrated, sha256=sha256, file_name="F.1.jpg",
                          media_type="image/jpeg", byte_size=len(data), width=64, height=64,
                          view_type="general", metadata={}, note="")
    store.path_for(sha256).unlink()  # a disk restored without the images folder

    report = desk.sync()

    missing = (f"Image {sha256} is missing from this desk's image store; its record cannot be"
               " sent (run check).")
    assert report.refused.count(missing) == 1
    assert set(server_records(museum_server, desk.token)) == {kept}
    assert report.pending == 1


def test_a_record_without_a_number_never_leaves_the_desk(make_desk, museum_server) -> None:
    desk = make_desk("desk")
    draft = _create(desk, "D.1")
    kept = _create(desk, "D.2")
    with desk.catalogue.writing() as session:  # as an older or damaged catalogue may hold it
        session.execute(text("UPDATE records SET inventory_number = '' WHERE id = :id"),
                        {"id": draft})

    report = desk.sync()

    assert set(server_records(museum_server, desk.token)) == {kept}
    assert len(report.refused) == 1 and "no inventory number" in report.refused[0]
    with desk.catalogue.reading() as session:
        assert pending_count(session) == 1
        assert session.get(Record, draft) is not None


def test_a_value_the_base_refuses_is_said_once_in_the_curators_language_and_sent_next_sync(
        make_desk, museum_server, french) -> None:
    desk = make_desk("desk")
    odd = _create(desk, "E.1")
    kept = _create(desk, "E.2")
    with desk.catalogue.writing() as session:  # its label where the code belongs, as an older
        session.execute(text("UPDATE records SET legal_status = 'Dépôt' WHERE id = :id"),
                        {"id": odd})            # or damaged catalogue may hold it

    report = desk.sync()

    # The base answers with the core's code and parameters: the desk says the precise reason
    # in French, not its generic refusal followed by the base's English; once, and the record
    # went once, though the sync pushes in several rounds.
    assert set(server_records(museum_server, desk.token)) == {kept} and report.sent == 1
    assert report.refused == [
        "Fiche E.1 : Le champ « Statut juridique » doit prendre l'une de ces valeurs : "
        "« inventory », « deposit », « outside »."]
    assert _pushes_of(museum_server, odd) == 1
    with desk.catalogue.reading() as session:
        assert pending_count(session) == 1

    with desk.catalogue.writing() as session:  # the curator corrects it: the next sync sends it
        update_record(session, odd, {"legal_status": "deposit"}, "alice")
    report = desk.sync()
    assert report.refused == [] and report.sent == 1
    assert set(server_records(museum_server, desk.token)) == {odd, kept}
    assert _pushes_of(museum_server, odd) == 2


@pytest.mark.parametrize(("url", "insecure"), [
    ("https://base.example.org", False), ("http://127.0.0.1:8765", False),
    ("http://127.8.9.1:8765", False), ("http://localhost:8765", False),
    ("http://[::1]:8765", False), ("http://base.example.org", True),
    ("http://192.0.2.10:8765", True), ("http://[2001:db8::1]:8765", True),
])
def test_only_http_to_another_computer_is_insecure(url: str, insecure: bool) -> None:
    assert is_insecure(url) is insecure


def test_a_token_is_never_sent_unencrypted_to_another_computer_unless_allowed(tmp_path) -> None:
    with pytest.raises(SyncError) as refused:
        RegionalClient("http://192.0.2.10:8765", "a-token")
    assert refused.value.message.code == "sync.insecure_http"
    RegionalClient("http://192.0.2.10:8765", "a-token", allow_insecure_http=True).close()

    token_file = tmp_path / "token"
    token_file.write_text("a-token")
    told = run_cli("--catalogue", str(tmp_path / "desk"), "sync", "--server",
                   "http://192.0.2.10:8765", "--token-file", str(token_file),
                   env={"CATALOGUE_APP_LANG": "fr"})
    assert told.returncode == 2
    assert "n'est pas chiffrée" in told.stderr


def test_a_base_that_is_not_running_is_said_unavailable_and_retried(make_desk) -> None:
    desk = make_desk("desk")
    _create(desk, "U.1")
    with pytest.raises(SyncError) as stopped:
        desk.sync("http://127.0.0.1:9")  # the discard port: nothing listens there
    assert stopped.value.message.code == "sync.unavailable"
    assert stopped.value.retry_after == sync_client.OUTAGE_RETRY_SECONDS
    with desk.catalogue.reading() as session:
        assert pending_count(session) == 1
