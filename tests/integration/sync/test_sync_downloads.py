"""Originals another desk of the museum uploaded are downloaded resumably: a dropped download
continues from the bytes already received (HTTP Range), and what arrives enters the image
store only once its sha256 is checked."""

from __future__ import annotations

import pytest

from catalogue_app.images import gallery
from catalogue_app.images.store import ImageStore
from catalogue_app.records.store import create_record
from catalogue_app.sync.client import SyncError
from tests.integration.sync.conftest import noise_png, server_records
from tests.integration.sync.faulty_proxy import DROP_RESPONSE

SIDE = 600  # about 1 MB: half of it is well past the first blocks received


def _shared_image(sender) -> tuple[str, bytes]:
    """A record with an image, pushed to the regional base by `sender`."""
    data = noise_png(1, SIDE)
    sha256 = ImageStore(sender.catalogue.images_dir).add_bytes(data)
    with sender.catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "D.1"}, "alice")
        gallery.add_image(session, record_id, sha256=sha256, file_name="D.1.png",
                          media_type="image/png", byte_size=len(data), width=SIDE,
                          height=SIDE, view_type="general", metadata={}, note="")
    sender.sync()
    return sha256, data


def _interrupted_download(make_desk, proxy):
    """A receiver whose download of the sender's image was cut half-way; its partial file."""
    sender, receiver = make_desk("sender"), make_desk("receiver")
    receiver.sync(proxy.url)  # bound to the museum: the next sync starts with the feed
    sha256, data = _shared_image(sender)
    proxy.inject(1, DROP_RESPONSE)  # 0: the feed, 1: the image
    with pytest.raises(SyncError):
        receiver.sync(proxy.url)
    store = ImageStore(receiver.catalogue.images_dir)
    partial = store.incoming / f"download-{sha256}"
    assert not store.contains(sha256)
    assert 0 < partial.stat().st_size < len(data)
    return receiver, store, sha256, partial


def _image_requests(proxy, sha256: str) -> list[str]:
    return [head for head in map(str.lower, proxy.heads)
            if head.startswith(f"get /api/v1/blobs/{sha256} ")]


def test_a_dropped_download_resumes_from_the_bytes_already_received(
        make_desk, museum_server, proxy):
    receiver, store, sha256, partial = _interrupted_download(make_desk, proxy)
    received = partial.stat().st_size

    receiver.sync(proxy.url)

    assert f"range: bytes={received}-" in _image_requests(proxy, sha256)[-1]
    assert store.verify(sha256) == "ok"
    assert not partial.exists()
    assert receiver.records() == server_records(museum_server, receiver.token)


def test_a_base_that_ignores_range_sends_the_whole_original_again(make_desk, proxy):
    receiver, store, sha256, partial = _interrupted_download(make_desk, proxy)
    proxy.stripped_headers.add(b"range")  # the server never sees it: it answers 200, whole

    receiver.sync(proxy.url)

    assert store.verify(sha256) == "ok"
    assert not partial.exists()


def test_a_partial_download_that_does_not_hash_right_never_enters_the_store(make_desk):
    sender, receiver = make_desk("sender"), make_desk("receiver")
    receiver.sync()
    sha256, data = _shared_image(sender)
    store = ImageStore(receiver.catalogue.images_dir)
    store.incoming.mkdir(parents=True, exist_ok=True)
    partial = store.incoming / f"download-{sha256}"
    partial.write_bytes(bytes(len(data) // 2))  # damaged: zeros where the image starts

    with pytest.raises(SyncError, match="arrived damaged"):
        receiver.sync()
    assert not store.contains(sha256) and not partial.exists()

    receiver.sync()  # fetched anew, whole
    assert store.verify(sha256) == "ok"
