"""`catalogue-app sync` killed with SIGKILL at random moments, then run again: nothing lost,
nothing duplicated, and a final sync leaves desk and base identical, records and museum
documents (locations) alike."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from catalogue_app.catalogue import Catalogue
from catalogue_app.images import gallery
from catalogue_app.images.store import ImageStore
from catalogue_app.locations import tree
from catalogue_app.records.store import insert_records, update_record
from tests.integration.sync.conftest import Desk, noise_png, server_records
from tests.support import REPO

KILLS = 30
RECORDS = 400
ADDED_PER_KILL = 20  # new work for every run, so kills land in every phase of a sync


def _start_sync(catalogue_dir, url: str, token_file) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "catalogue_app", "--catalogue", str(catalogue_dir), "sync",
         "--server", url, "--token-file", str(token_file)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())


def test_sync_killed_at_random_moments_resumes_without_loss_or_duplicates(
        museum_server, make_desk, tmp_path):
    token = museum_server.token("M0001", "killed-desk")
    token_file = tmp_path / "token"
    token_file.write_text(token)
    desk_dir = tmp_path / "killed"
    catalogue = Catalogue.open(desk_dir)
    catalogue.set_museum("M0001", "Musée d'essai")
    rows = [{"inventory_number": f"K.{n}", "designation": f"objet {n}"} for n in range(RECORDS)]
    with catalogue.writing() as session:
        ids = insert_records(session, rows, "importer")
    store = ImageStore(catalogue.images_dir)
    for n in range(3):
        data = noise_png(n, side=1400)  # about 6 MB: its upload takes several chunks
        sha256 = store.add_bytes(data)
        with catalogue.writing() as session:
            gallery.add_image(session, ids[n], sha256=sha256, file_name=f"K.{n}.png",
                              media_type="image/png", byte_size=len(data), width=1400,
                              height=1400, view_type="general", metadata={}, note="")
    chance = random.Random(8)
    for kill in range(KILLS):
        with catalogue.writing() as session:  # keep changing while syncs die
            update_record(session, chance.choice(ids), {"title": f"kill {kill}"}, "curator")
            insert_records(session, [{"inventory_number": f"K.{kill}.{n}"}
                                     for n in range(ADDED_PER_KILL)], "curator")
            tree.add_location(session, f"Salle {kill}")
        process = _start_sync(desk_dir, museum_server.url, token_file)
        time.sleep(chance.uniform(0.3, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    final = _start_sync(desk_dir, museum_server.url, token_file)
    _out, errors = final.communicate(timeout=300)
    assert final.returncode == 0, errors.decode()

    desk = Desk(catalogue, museum_server.url, token)
    receiver = make_desk("receiver")
    receiver.sync()
    on_server = server_records(museum_server, token)
    assert len(on_server) == RECORDS + KILLS * ADDED_PER_KILL
    assert desk.records() == receiver.records() == on_server
    hashes = {i["sha256"] for fields in on_server.values() for i in fields["images"]}
    assert len(hashes) == 3
    assert all(ImageStore(receiver.catalogue.images_dir).verify(h) == "ok" for h in hashes)
    for side in (desk, receiver):
        with side.catalogue.reading() as session:
            assert sorted(place.name for place in tree.places(session)) == sorted(
                f"Salle {kill}" for kill in range(KILLS))
    catalogue.close()
