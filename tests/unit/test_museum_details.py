"""`catalogue-app museum set CODE NAME [--owner] [--town] [--presentation]`: the museum's
Muséofile code and name (until the first sync binds them) and, at any time, its own words: who
owns its collections (Joconde's STAT), its town (LOCA), its presentation."""

from __future__ import annotations

from catalogue_app.catalogue import Catalogue
from db.local.models import Museum
from tests.support import run_cli


def test_museum_set_names_the_museum_and_its_owner_from_the_command_line(tmp_path):
    folder = tmp_path / "catalogue"
    result = run_cli("--catalogue", str(folder), "museum", "set", "M0694",
                     "musée des beaux-arts et de la dentelle", "--owner",
                     "propriété de la commune", "--town", "Alençon",
                     env={"CATALOGUE_APP_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert "Museum M0694: musée des beaux-arts et de la dentelle." in result.stderr
    catalogue = Catalogue.open(folder)
    try:
        museum = catalogue.museum()
        assert (museum.code, museum.owner, museum.town, museum.presentation) == (
            "M0694", "propriété de la commune", "Alençon", "")
        # What is not given stays as it was.
        catalogue.set_museum("M0694", "musée des beaux-arts et de la dentelle",
                             presentation="Dentelle au point d'Alençon")
        assert catalogue.museum().owner == "propriété de la commune"
        assert catalogue.museum().presentation == "Dentelle au point d'Alençon"
    finally:
        catalogue.close()


def test_a_bound_museum_keeps_its_code_but_its_owner_and_town_may_change(catalogue):
    with catalogue.writing() as session:
        session.get(Museum, 1).bound_at = "2026-01-01T00:00:00Z"
    catalogue.set_museum("M0001", "Musée d'essai", owner="propriété de l'État", town="Caen")
    assert (catalogue.museum().owner, catalogue.museum().town) == ("propriété de l'État", "Caen")
    catalogue.close()
    refused = run_cli("--catalogue", str(catalogue.directory), "museum", "set", "M9999",
                      "Autre musée", env={"CATALOGUE_APP_LANG": "en"})
    assert refused.returncode == 2 and "bound to museum M0001" in refused.stderr
    reopened = Catalogue.open(catalogue.directory)
    try:
        assert reopened.museum().code == "M0001"
    finally:
        reopened.close()
