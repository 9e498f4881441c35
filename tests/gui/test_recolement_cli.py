"""`catalogue-app recolement` (design.md §11) as a user runs it, each step a separate process:
start prints the campaign id alone, check records what was seen, status counts, close makes what
stayed not found missing, and report writes the procès-verbal in French, read back here."""

from __future__ import annotations

import json

from catalogue_app.catalogue import Catalogue
from catalogue_app.records.store import insert_records
from tests.gui.test_pdf_documents import pdf_text
from tests.support import requires, run_cli

pytestmark = requires("pdftotext")


def test_a_campaign_from_start_to_its_proces_verbal(tmp_path):
    folder = tmp_path / "catalogue"
    catalogue = Catalogue.open(folder, user="Marie Curie")
    catalogue.set_museum("M0001", "Musée d'essai")
    with catalogue.writing() as session:
        insert_records(session, [
            {"inventory_number": f"2004.1.{n}", "designation": f"assiette {n}",
             "current_location": "Réserve A > Étagère 1"} for n in range(1, 5)] + [
            {"inventory_number": "D.1", "designation": "vase déposé",
             "legal_status": "deposit", "current_location": "Salle 3"}], "test")
    catalogue.close()

    def cli(*args: str):
        return run_cli("--catalogue", str(folder), "recolement", *args)

    started = cli("start", "Récolement 2026", "--query", "assiette", "--plan", "2026-2035")
    assert started.returncode == 0, started.stderr
    campaign = started.stdout.strip()
    assert started.stdout == campaign + "\n" and len(campaign) == 36
    for args in (("2004.1.1", "--found", "--state", "good"),
                 ("2004.1.2", "--found", "--state", "to_restore", "--note", "fêlure"),
                 ("2004.1.3", "--missing", "--note", "pas sur l'étagère"),
                 ("D.1", "--found")):  # found on the shelf although outside the search
        checked = cli("check", campaign, *args)
        assert checked.returncode == 0, checked.stderr
    unknown = cli("check", campaign, "1900.9.9", "--found")
    assert unknown.returncode == 1 and "1900.9.9" in unknown.stderr
    bad_state = cli("check", campaign, "2004.1.4", "--found", "--state", "splendid")
    assert bad_state.returncode == 2

    status = cli("status", campaign, "--json")
    assert status.returncode == 0, status.stderr
    counts = json.loads(status.stdout)
    assert {k: counts[k] for k in ("campaign", "total", "checked", "found", "missing",
                                   "not_checked")} == {
        "campaign": campaign, "total": 5, "checked": 4, "found": 3, "missing": 1,
        "not_checked": 1}
    assert counts["locations"][0] == {"location": "Réserve A > Étagère 1", "total": 4,
                                      "checked": 3, "found": 2, "missing": 1, "not_checked": 1}

    closed = cli("close", "Récolement 2026")  # by its name as well
    assert closed.returncode == 0, closed.stderr
    assert "1" in closed.stderr
    catalogue = Catalogue.open(folder)
    assert catalogue.load(catalogue.record_id_of("2004.1.3"))["status"] == "missing"
    catalogue.close()

    report = cli("report", campaign, str(tmp_path / "pv.pdf"))
    assert report.returncode == 0, report.stderr
    text = pdf_text(tmp_path / "pv.pdf")
    for said in ("PROCÈS-VERBAL DE RÉCOLEMENT", "Récolement 2026", "Musée d'essai",
                 "2026-2035", "recherche « assiette »", "Biens à récoler", "Biens présents (3)",
                 "Biens manquants (1)", "Biens non encore récolés (1)", "À restaurer", "fêlure",
                 "pas sur l'étagère", "Réserve A > Étagère 1", "Le chef d'établissement"):
        assert said in text, said
    present = text[text.index("Biens présents"):text.index("Biens manquants")]
    assert "2004.1.1" in present and "D.1" in present and "2004.1.3" not in present
    missing = text[text.index("Biens manquants"):text.index("Biens non encore récolés (")]
    assert "2004.1.3" in missing and "2004.1.1" not in missing


def test_the_states_a_check_notes_are_listed_by_fields():
    listed = run_cli("fields", "--json")
    assert listed.returncode == 0, listed.stderr
    (checks,) = [f for f in json.loads(listed.stdout) if f["name"] == "recolement_checks"]
    assert [v["code"] for v in checks["values"] if v["code"]] == [
        "good", "fair", "poor", "to_restore"]
    assert [v["label_fr"] for v in checks["values"] if v["code"]] == [
        "Bon", "Moyen", "Mauvais", "À restaurer"]


def test_a_campaign_of_a_room_and_an_object_found_on_another_shelf(tmp_path):
    folder = tmp_path / "catalogue"
    catalogue = Catalogue.open(folder)
    with catalogue.writing() as session:
        insert_records(session, [{"inventory_number": f"2004.1.{n}"} for n in range(1, 4)], "t")
    catalogue.close()

    def cli(*args: str):
        result = run_cli("--catalogue", str(folder), *args)
        assert result.returncode == 0, result.stderr
        return result

    for shelf in ("Réserve A > Étagère 1", "Réserve A > Étagère 2", "Réserve B"):
        cli("location", "add", shelf)
    cli("move", "2004.1.1", "2004.1.2", "--to", "Réserve A > Étagère 1")
    cli("move", "2004.1.3", "--to", "Réserve B")
    campaign = cli("recolement", "start", "Réserve A", "--location", "Réserve A").stdout.strip()
    cli("recolement", "check", campaign, "2004.1.2", "--found", "--location",
        "Réserve A > Étagère 2")
    counts = json.loads(cli("recolement", "status", campaign, "--json").stdout)
    assert (counts["total"], counts["checked"], counts["found"]) == (2, 1, 1)
    assert [(p["location"], p["total"], p["found"]) for p in counts["locations"]] == [
        ("Réserve A > Étagère 1", 1, 0), ("Réserve A > Étagère 2", 1, 1)]
    catalogue = Catalogue.open(folder)
    moved = catalogue.load(catalogue.record_id_of("2004.1.2"))
    catalogue.close()
    assert moved["current_location"] == "Réserve A > Étagère 2"
    assert moved["movements"][-1]["reason"] == "recolement"
