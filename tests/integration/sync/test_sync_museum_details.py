"""The museum's own words (`catalogue-app museum set ... --owner --town --presentation`, the
museum dialog) reach the regional base at the next sync: its portal shows the town and the
presentation, its Joconde export writes the owner in STAT. A desk sends only what changed on
it, so the presentation the museum's admin wrote on the base stays until a desk changes it."""

from __future__ import annotations

import csv
from pathlib import Path

import httpx
from sqlalchemy import select

from catalogue_app.records.store import create_record
from catalogue_app.regional.joconde_export import export_joconde
from db.regional.models import Museum
from tests.integration.conftest import RegionalServer
from tests.integration.sync.conftest import MUSEUM


def _on_base(server: RegionalServer) -> tuple[str, str, str]:
    with server.database.read_session() as session:
        museum = session.scalar(select(Museum).where(Museum.code == MUSEUM))
        return museum.owner, museum.town, museum.presentation


def test_the_museums_own_words_reach_the_base_its_portal_and_its_joconde_export(
        make_desk, museum_server: RegionalServer, tmp_path: Path) -> None:
    desk = make_desk("ours")
    desk.catalogue.set_museum(MUSEUM, "Museum M0001", owner="propriété de la commune",
                              town="Fécamp", presentation="Les Terre-Neuvas et la pêche.")
    with desk.catalogue.writing() as session:
        create_record(session, {
            "inventory_number": "1995.3.1", "designation": "Coiffe", "public": True,
            "acquisition_mode": "don", "joconde_ref": "M0001000001",
            "domains": ["costume - accessoires du costume"]}, "curator")
    desk.sync()
    assert _on_base(museum_server) == (
        "propriété de la commune", "Fécamp", "Les Terre-Neuvas et la pêche.")
    with httpx.Client(base_url=museum_server.url) as visitor:
        page = visitor.get(f"/musees/{MUSEUM}").text
    assert "Fécamp" in page and "Les Terre-Neuvas et la pêche." in page
    out = tmp_path / "joconde.csv"
    with museum_server.database.read_session() as session:
        export_joconde(session, MUSEUM, out)
    [row] = csv.DictReader(out.open(encoding="utf-8", newline=""), delimiter=";")
    assert row["STAT"] == "propriété de la commune ; don"

    # The admin rewrites the presentation on the base; the desk then changes the town alone.
    with museum_server.client(museum_server.token(MUSEUM, "chief", "admin")) as chief:
        assert chief.put("/api/v1/museum/page", json={
            "town": "Fécamp", "presentation": "Écrit par l'administrateur."}).status_code == 200
    desk.sync()  # nothing changed on the desk: nothing sent
    assert _on_base(museum_server)[2] == "Écrit par l'administrateur."
    bound = desk.catalogue.museum()  # code and name now the base's
    desk.catalogue.set_museum(bound.code, bound.name, town="Fécamp (Seine-Maritime)")
    desk.sync()
    assert _on_base(museum_server) == (
        "propriété de la commune", "Fécamp (Seine-Maritime)", "Écrit par l'administrateur.")


def test_a_new_desk_with_no_words_of_its_own_blanks_nothing(
        make_desk, museum_server: RegionalServer) -> None:
    first = make_desk("first")
    first.catalogue.set_museum(MUSEUM, "Museum M0001", owner="propriété de l'État",
                               town="Caen")
    first.sync()
    second = make_desk("second")
    second.catalogue.set_museum(MUSEUM, "Museum M0001", presentation="Le château de Caen.")
    second.sync()
    assert _on_base(museum_server) == ("propriété de l'État", "Caen", "Le château de Caen.")


def test_editors_and_admins_set_the_museums_details_readers_do_not(
        museum_server: RegionalServer) -> None:
    with museum_server.client(museum_server.token(MUSEUM, "clerk", "editor")) as clerk:
        answer = clerk.put("/api/v1/museum/details", json={"owner": " propriété privée "})
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"museum": MUSEUM, "owner": "propriété privée", "town": "",
                                 "presentation": ""}
        assert clerk.put("/api/v1/museum/details",
                         json={"town": "x" * 201}).status_code == 422
    with museum_server.client(museum_server.token(MUSEUM, "visitor", "reader")) as reader:
        assert reader.put("/api/v1/museum/details", json={"town": "X"}).status_code == 403
    assert _on_base(museum_server) == ("propriété privée", "", "")


def test_a_base_without_the_details_keeps_them_here_and_the_sync_goes_on(
        make_desk, museum_server: RegionalServer, proxy, french) -> None:
    desk = make_desk("ours")
    desk.catalogue.set_museum(MUSEUM, "Museum M0001", town="Honfleur")
    with desk.catalogue.writing() as session:
        create_record(session, {"inventory_number": "2001.1.1", "designation": "Maquette"},
                      "curator")
    proxy.unknown_paths.add(b"/api/v1/museum/details")  # a base older than the details
    report = desk.sync(proxy.url)
    assert report.notices == [
        "La base régionale ne connaît pas encore le propriétaire, la ville et la présentation"
        " du musée : ils restent sur cet ordinateur et seront envoyés lors d'une prochaine"
        " synchronisation, une fois la base mise à jour."]
    assert report.sent == 1 and _on_base(museum_server)[1] == ""

    proxy.unknown_paths.clear()  # the base is upgraded: what was kept goes now
    assert desk.sync(proxy.url).notices == []
    assert _on_base(museum_server)[1] == "Honfleur"
