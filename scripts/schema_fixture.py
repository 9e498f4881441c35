"""Keep a catalogue written by this version's schema, for the upgrade tests.

    .venv/bin/python scripts/schema_fixture.py

Run it once whenever a migration is added (tests/unit/test_schema_upgrades.py fails until the
new head revision has its fixture), and commit what it writes: tests/data/catalogues/<REV>/
holds the catalogue (catalogue.sqlite and images/) and what it held, as this version exports
it (expected.csv, expected.json). A fixture is never rewritten: it is what that release wrote,
and every later release must open it with its data intact.

Revisions 0001 to 0003 were first shipped together, so no release wrote 0001 or 0002 alone:
their fixtures were made from the 0003 one with the downgrades those migrations ship."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue  # noqa: E402
from catalogue_app.condition.reports import save_condition_report  # noqa: E402
from catalogue_app.demo.generator import generate_records  # noqa: E402
from catalogue_app.exchange.export import export_catalogue  # noqa: E402
from catalogue_app.images import gallery  # noqa: E402
from catalogue_app.images.store import ImageStore  # noqa: E402
from catalogue_app.loans.edit import save_loan  # noqa: E402
from catalogue_app.recolement.checks import Observation  # noqa: E402
from catalogue_app.records import lifecycle  # noqa: E402
from catalogue_app.records.store import insert_records, update_record  # noqa: E402
from catalogue_app.search.service import search  # noqa: E402
from db.local import schema  # noqa: E402

FIXTURES = REPO / "tests" / "data" / "catalogues"
SEARCHED_WORDS = ("pistolet", "faience", "dentelle", "restauré")
USER = "fixture"


def main() -> int:
    target = FIXTURES / schema.HEAD_REVISION
    if target.exists():
        print(f"{target} exists: a fixture is never rewritten.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        made = Path(scratch) / "catalogue"
        _fill(made)
        _keep(made, target)
    print(f"wrote {target}", file=sys.stderr)
    for revision in schema.KNOWN_REVISIONS[:-1]:
        if not (FIXTURES / revision).exists():
            _downgraded(target, revision)
            print(f"wrote {FIXTURES / revision} (downgraded: no release wrote it alone)",
                  file=sys.stderr)
    return 0


def _downgraded(head: Path, revision: str) -> None:
    """A copy of the head fixture taken down to an older revision by its shipped downgrades;
    the data it holds is the same, so what it must upgrade to is too."""
    from alembic import command
    from alembic.config import Config

    from db.local.engine import make_engine

    target = FIXTURES / revision
    shutil.copytree(head, target)
    engine = make_engine(target / DB_FILE_NAME)
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
    engine.dispose()
    conn = sqlite3.connect(target / DB_FILE_NAME)
    conn.execute("VACUUM")
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, as the fixture is kept
    conn.close()
    expected = json.loads((target / "expected.json").read_text(encoding="utf-8"))
    expected["revision"] = revision
    (target / "expected.json").write_text(json.dumps(expected, indent=1) + "\n",
                                          encoding="utf-8")


def _fill(directory: Path) -> None:
    """A small catalogue with what an upgrade must carry: records with many-valued fields,
    themes, history, the trash, images, deposits, a rectification, a radiation, locations and
    movements, loans, a condition report and a closed récolement campaign with its checks."""
    from PIL import Image

    catalogue = Catalogue.open(directory)
    catalogue.set_museum("M0725", "Musée d'essai des mises à jour")
    records = list(generate_records(30, seed=2004))
    draft = {"inventory_number": "BROUILLON 1", "designation": "Fiche saisie par erreur"}
    deposit = {
        "inventory_number": "D.2010.1.1", "designation": "tableau", "register_date": "2010-04-01",
        "legal_status": "deposit", "depositor": "Musée du Louvre", "deposit_owner_number": "RF 12",
        "deposit_reference": "Convention du 3 mars 2010", "deposit_term": "2030-03-02",
        "former_numbers": ["10288 (Ancien n° inventaire)"], "domains": ["peinture"],
        "joconde_ref": "07270000123", "bibliography": "Catalogue ; 1998, n° 12",
        "exhibitions": "Caen, 2011", "ownership_history": "Collection Dupont ; vente 1901"}
    with catalogue.writing() as session:
        ids = insert_records(session, [*records, deposit, draft], USER)
    with catalogue.writing() as session:
        update_record(session, ids[0], {"observations": "Restauré en 2019 ; voir dossier."},
                      USER)
        lifecycle.trash_record(session, ids[-1], USER)
        inscribed = [i for i, r in zip(ids, records, strict=False) if r["register_date"]]
        lifecycle.rectify_record(session, inscribed[1], "acquisition_price", "1 200 F",
                                 "Erreur de report ; voir la facture", USER)
        lifecycle.radiate_record(session, inscribed[2], "destroyed", "2021-06-30",
                                 "Arrêté du 30 juin 2021, avis de la commission du 2 juin", USER)
    store = ImageStore(catalogue.images_dir)
    for n, record_id in enumerate(ids[1:5]):
        picture = Path(directory) / f"picture{n}.png"
        Image.new("RGB", (24, 16), (40 * n, 120, 200 - 30 * n)).save(picture)
        data = picture.read_bytes()
        picture.unlink()
        with catalogue.writing() as session:
            gallery.add_image(session, record_id, sha256=store.add_bytes(data),
                              file_name=f"vue{n}.png", media_type="image/png",
                              byte_size=len(data), width=24, height=16, view_type="general",
                              metadata={}, note="")
    shelf = catalogue.add_location("Réserve A > Travée 27 > Étagère 3", code="RA-27-3",
                                   kind="shelf").result
    catalogue.move(ids[3:6], shelf, reason="storage", date="2024-03-01", note="rangement")
    with catalogue.writing() as session:
        save_loan(session, ids[1], {
            "direction": "out", "party": "Musée des Beaux-Arts de Caen", "exhibition": "Coiffes",
            "start": "2024-03-01", "end": "2024-09-30", "returned_on": "2024-10-02",
            "insurance_value": "12 000 €", "condition_departure": "Bon état"}, USER)
        save_loan(session, ids[2], {"direction": "in", "party": "Collection Dupont",
                                    "start": "2025-01-06", "end": "2025-06-30"}, USER)
        [image] = gallery.record_images(session, ids[1])
        save_condition_report(session, ids[1], {
            "date": "2024-10-02", "author": "C. Martin", "state": "fair",
            "description": "Petite tache au revers.", "images": [image.sha256]}, USER)
    campaign = catalogue.start_campaign("Réserve A, 2026", location_ids=(shelf,),
                                        plan="2026-2035").result
    catalogue.check(campaign.id, ids[3], Observation(found=True, state="fair", marked=True,
                                                     note="étiquette à refaire"))
    catalogue.check(campaign.id, ids[4], Observation(found=False))
    catalogue.add_unlisted_find(campaign.id, "Statuette sans numéro", note="étagère du bas")
    catalogue.close_campaign(campaign.id)
    catalogue.close()


def _keep(made: Path, target: Path) -> None:
    """Copy the catalogue compactly (no WAL, no free pages) and write down what it holds."""
    target.mkdir(parents=True)
    source = sqlite3.connect(made / DB_FILE_NAME)
    source.execute(f"VACUUM INTO '{target / DB_FILE_NAME}'")
    source.close()
    kept = sqlite3.connect(target / DB_FILE_NAME)
    kept.execute("PRAGMA journal_mode = DELETE")  # one file, as the fixture is kept
    kept.close()
    shutil.copytree(made / "images", target / "images")
    catalogue = Catalogue.open(made)
    export_catalogue(catalogue, "csv", target / "expected.csv")
    with catalogue.reading() as session:
        hits = {word: search(session, word).total for word in SEARCHED_WORDS}
    expected = {"revision": schema.HEAD_REVISION, "records": catalogue.record_count(),
                "images": sorted(p.name for p in ImageStore(catalogue.images_dir).originals()),
                "searches": hits}
    catalogue.close()
    (target / "expected.json").write_text(json.dumps(expected, indent=1) + "\n",
                                          encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
