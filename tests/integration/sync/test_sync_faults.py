"""Faults on the wire or a killed process lose nothing and duplicate nothing: after them, a
clean sync leaves desk and regional base holding exactly the same records and images."""

from __future__ import annotations

import contextlib

import httpx
import pytest

from catalogue_app.images import gallery
from catalogue_app.images.store import ImageStore
from catalogue_app.records.store import create_record, update_record
from catalogue_app.sync.client import TIMEOUT, RegionalClient, SyncError
from catalogue_app.sync.engine import Synchroniser
from tests.integration.sync.conftest import FAULTED_TIMEOUT, jpeg_bytes, server_records
from tests.integration.sync.faulty_proxy import FAULTS

# Enough request numbers to hit every step of a sync: whoami, feed, blobs:check, upload
# state, chunk, finish, batch.
POSITIONS = range(9)


def _sync_through(desk, url: str, timeout: httpx.Timeout = TIMEOUT) -> None:
    with RegionalClient(url, desk.token, timeout=timeout) as client:
        Synchroniser(desk.catalogue, client, desk.token).run()


def _add_object(desk, n: int, previous: str | None) -> str:
    """A new record with an image, and an edit of the previous one."""
    data = jpeg_bytes(n, size=32 + n)
    sha256 = ImageStore(desk.catalogue.images_dir).add_bytes(data)
    with desk.catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": f"F.{n}"}, "curator")
        gallery.add_image(session, record_id, sha256=sha256, file_name=f"F.{n}.jpg",
                          media_type="image/jpeg", byte_size=len(data), width=8, height=8,
                          view_type="general", metadata={}, note="")
        if previous:
            update_record(session, previous, {"title": f"edited at step {n}"}, "curator")
    return record_id


def _assert_identical(server, *desks) -> None:
    on_server = server_records(server, desks[0].token)
    for desk in desks:
        assert desk.records() == on_server
        store = ImageStore(desk.catalogue.images_dir)
        hashes = {i["sha256"] for fields in on_server.values() for i in fields["images"]}
        assert all(store.verify(h) == "ok" for h in hashes)
    with server.client(desks[0].token) as http:
        hashes = [i["sha256"] for fields in on_server.values() for i in fields["images"]]
        assert http.post("/api/v1/blobs:check", json={"sha256": hashes}).json()["missing"] == []


@pytest.mark.parametrize("fault", FAULTS)
def test_after_any_fault_a_clean_sync_leaves_desks_and_base_identical(
        fault, make_desk, museum_server, proxy):
    sender, receiver = make_desk("sender"), make_desk("receiver")
    previous = None
    for position in POSITIONS:
        previous = _add_object(sender, position, previous)
        for desk in (sender, receiver):
            proxy.inject(position, fault)
            with contextlib.suppress(SyncError):  # expected: the fault stops this sync
                _sync_through(desk, proxy.url, FAULTED_TIMEOUT)
    proxy.heal()
    for desk in (sender, receiver, sender, receiver):
        _sync_through(desk, proxy.url)
    assert len(sender.records()) == len(POSITIONS)
    _assert_identical(museum_server, sender, receiver)
