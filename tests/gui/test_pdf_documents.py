"""PDF documents (catalogue_app.documents drawn by ui.documents.pdf): the object sheet and the
inventory register (title page, 18 columns, A3 landscape, order of entry, deaccessioned entries
marked, closing statement, editions by year, deposits apart, always in French, PDF/A-1b)."""

from __future__ import annotations

import hashlib
import io
import subprocess
import unicodedata

from PIL import Image as PILImage

from catalogue_app.documents.object_sheets import print_object_sheets
from catalogue_app.documents.register import print_register
from catalogue_app.images.store import ImageStore
from catalogue_app.records.lifecycle import radiate_record, rectify_record
from catalogue_app.records.store import insert_records
from db.local.models import Image
from tests.support import requires, run_cli
from ui.documents.pdf import render_pdf

pytestmark = requires("pdftotext")


def pdf_text(path, *pages: int, layout: bool = True) -> str:
    args = ["pdftotext", "-layout"] if layout else ["pdftotext"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    text = subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)  # the PDF's "ﬀ" ligatures back to "ff"


def page_count(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def test_register_lists_entries_in_order_of_entry_between_title_page_and_closing(
        qapp, catalogue, tmp_path):
    entries = [{"inventory_number": f"2004.1.{n}", "designation": f"objet {n}",
                "register_date": "2004-05-01"} for n in range(120, 0, -1)]
    entries += [{"inventory_number": "2010.1.1", "designation": "entré avant",
                 "register_date": "2003-01-15"},  # an older number entered later comes after
                {"inventory_number": "D.2004.1.1", "designation": "dépôt",
                 "register_date": "2004-05-01", "legal_status": "deposit"},
                # A purchase numbered with a D: the legal status decides, not the prefix.
                {"inventory_number": "D2228", "designation": "achat",
                 "register_date": "2004-05-01"},
                {"inventory_number": "2004.9.9", "designation": "brouillon"}]  # no date
    with catalogue.writing() as session:
        ids = insert_records(session, entries, "test")
        radiate_record(session, ids[3], "destroyed", "2020-03-01", "Détruit par un incendie",
                       "t")

    assert print_register(catalogue, tmp_path / "register.pdf", render_pdf) == 122
    text = pdf_text(tmp_path / "register.pdf")
    pages = page_count(tmp_path / "register.pdf")
    title_page, *table_pages, closing_page = text.split("\f")[:pages]
    assert "REGISTRE D'INVENTAIRE" in title_page and "Musée d'essai" in title_page
    assert f"Le présent registre comporte {pages} pages, numérotées de 1 à {pages}" in title_page
    assert "Code Muséofile : M0001" in title_page and "Ouvert le" in title_page
    assert table_pages and all("1. Numéro" in page and "18. Observations" in page
                               for page in table_pages)  # the headings repeat
    numbers = [line.split()[0] for line in text.splitlines()
               if line.strip().startswith(("2004.1.", "2010.1."))]
    assert numbers == ["2010.1.1"] + [f"2004.1.{n}" for n in range(1, 121)]
    whole = " ".join(pdf_text(tmp_path / "register.pdf", layout=False).split())
    assert all(words in whole for words in (
        "(radié)", "Radié le 01/03/2020 — motif : bien détruit — décision : Détruit par un "
                   "incendie"))
    assert "Clôture" in closing_page and f"comporte {pages} pages" in closing_page
    assert "122 inscription(s), de la première (n° 2010.1.1) à la dernière (n° D2228)" \
        in " ".join(closing_page.split())
    assert "Clos le" in closing_page
    assert all("Paraphe : " in page and f"Page {n} / {pages}" in page
               for n, page in enumerate(text.split("\f")[:pages], start=1))
    assert text.startswith("Registre d'inventaire — Musée d'essai (M0001)")
    assert "dépôt" not in text and "brouillon" not in text and "D2228" in text
    info = subprocess.run(["pdfinfo", str(tmp_path / "register.pdf")], capture_output=True,
                          text=True).stdout
    assert "1191 x 842" in info  # A3 landscape: eighteen readable columns
    assert "pdfaid:part=\"1\" pdfaid:conformance=\"B\"" in \
        (tmp_path / "register.pdf").read_bytes().decode("latin-1")  # PDF/A-1b, for archives

    assert print_register(catalogue, tmp_path / "deposits.pdf", render_pdf, deposits=True) == 1
    deposits = " ".join(pdf_text(tmp_path / "deposits.pdf", layout=False).split())
    assert "D.2004.1.1" in deposits and "REGISTRE DES BIENS DÉPOSÉS" in deposits
    assert all(heading in deposits for heading in (
        "Déposant", "propriétaire", "convention", "Échéance"))


def test_the_edition_of_a_year_stops_on_31_december_and_prints_the_same_every_time(
        qapp, catalogue, tmp_path):
    longest = " ".join(f"Restauration {n} du galon et reprise des coutures." for n in range(40))
    with catalogue.writing() as session:
        ids = insert_records(session, [
            {"inventory_number": "2019.1.1", "register_date": "2019-06-01",
             "designation": "coiffe", "observations": longest},
            {"inventory_number": "2019.1.2", "register_date": "2019-12-31", "designation": "col"},
            {"inventory_number": "2020.1.1", "register_date": "2020-01-02",
             "designation": "bonnet"}], "test")
        radiate_record(session, ids[1], "destroyed", "2020-03-01", "Arrêté du 2 mars 2020", "t")
        # Rectified today: the edition of 2019 still shows the number as it stood then.
        rectify_record(session, ids[0], "inventory_number", "2019.1.10",
                       "Erreur de transcription", "Conservatrice")

    for name in ("a.pdf", "b.pdf"):
        assert print_register(catalogue, tmp_path / name, render_pdf, year=2019) == 2
    first, again = pdf_text(tmp_path / "a.pdf"), pdf_text(tmp_path / "b.pdf")
    assert first == again  # no date of printing, nothing renumbered
    assert "Édition arrêtée au 31 décembre 2019" in first
    assert "2020.1.1" not in first and "bonnet" not in first  # entered in 2020
    assert "Radié" not in first and "(radié)" not in first  # radiated in 2020
    whole = " ".join(pdf_text(tmp_path / "a.pdf", layout=False).split())
    assert longest in whole  # the longest cell whole, wrapped, never cut
    pages = page_count(tmp_path / "a.pdf")
    assert f"Le présent registre comporte {pages} pages" in whole

    assert "2019.1.1 " in first and "2019.1.10" not in first and "Rectifié" not in first
    assert print_register(catalogue, tmp_path / "2020.pdf", render_pdf, year=2020) == 3
    assert "Radié le 01/03/2020" in pdf_text(tmp_path / "2020.pdf")
    print_register(catalogue, tmp_path / "now.pdf", render_pdf)
    now = " ".join(pdf_text(tmp_path / "now.pdf", layout=False).split())
    assert "2019.1.10" in now and "Rectifié le" in now and "par Conservatrice" in now
    assert all(words in now for words in (
        "Numéro d'inventaire « 2019.1.1 » remplacé par « 2019.1.10 »",
        "motif : Erreur de transcription"))


def test_object_sheet_prints_every_field_and_the_primary_image(qapp, catalogue, tmp_path):
    record = {"inventory_number": "1968.3.244", "designation": "coiffe",
              "title": "Coiffe de mariée", "materials": ["lin", "soie"],
              "authors": [{"name": "Atelier Lemarchand", "role": "fabricant"}],
              "observations": "Note interne\nsur deux lignes", "dating": "vers 1880"}
    picture = io.BytesIO()
    PILImage.new("RGB", (600, 400), "darkred").save(picture, "JPEG")
    sha256 = hashlib.sha256(picture.getvalue()).hexdigest()
    ImageStore(catalogue.images_dir).add_bytes(picture.getvalue())
    with catalogue.writing() as session:
        (record_id,) = insert_records(session, [record], "test")
        session.add(Image(record_id=record_id, sha256=sha256, file_name="face.jpg",
                          byte_size=len(picture.getvalue()), is_primary=True,
                          attached_at="2026-01-01"))

    assert print_object_sheets(catalogue, [record_id], tmp_path / "sheet.pdf", render_pdf) == 1
    text = " ".join(pdf_text(tmp_path / "sheet.pdf").split())
    for expected in ("1968.3.244 — Coiffe de mariée", "lin; soie",
                     "Atelier Lemarchand [fabricant]", "Note interne sur deux lignes",
                     "Inventory number", "Observations"):
        assert expected in text
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "sheet.pdf")],
                            capture_output=True, text=True).stdout
    assert len(images.splitlines()) == 3  # two heading lines, one picture


def test_a_french_object_sheet_says_codes_as_their_labels(qapp, french, catalogue, tmp_path):
    """Choices and dated entries are printed as the form shows them, never as stored codes."""
    with catalogue.writing() as session:
        (record_id,) = insert_records(session, [{
            "inventory_number": "1968.3.244", "designation": "coiffe", "legal_status": "deposit",
            "register_date": "2004-01-01", "deaccession_case": "destroyed",
            "movements": [{"id": "m1", "date": "2020-01-06", "to": "Réserve A",
                           "reason": "storage", "user": "Marie"}]}], "test")
        rectify_record(session, record_id, "inventory_number", "1968.3.245",
                       "Erreur de transcription", "Conservatrice")
        session.add(Image(record_id=record_id, sha256="0" * 64, file_name="revers.jpg",
                          byte_size=1, view_type="raking", attached_at="2026-01-01"))

    print_object_sheets(catalogue, [record_id], tmp_path / "sheet.pdf", render_pdf)
    text = " ".join(pdf_text(tmp_path / "sheet.pdf", layout=False).split())
    for expected in ("Statut juridique Dépôt", "Statut Présent", "Motif de radiation Bien détruit",
                     "2020-01-06 : Réserve A (depuis inconnu ; Rangement en réserve, Marie)",
                     "Numéro d'inventaire : « 1968.3.244 » → « 1968.3.245 » "
                     "(Erreur de transcription ; Conservatrice)", "revers.jpg (Lumière rasante)"):
        assert expected in text
    for code in ("deposit", "active", "destroyed", "storage", "inventory_number", "raking",
                 "{"):
        assert code not in text


def test_register_is_printed_headless_from_the_command_line(catalogue, tmp_path):
    with catalogue.writing() as session:
        insert_records(session, [{"inventory_number": "2004.1.1", "designation": "bol",
                                  "register_date": "2004-05-01"}], "test")
    catalogue.close()
    result = run_cli("--catalogue", str(catalogue.directory), "export", "register",
                     str(tmp_path / "register.pdf"), "--year", "2004",
                     env={"QT_QPA_PLATFORM": "", "CATALOGUE_APP_LANG": "en"})
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "register.pdf")
    assert "2004.1.1" in text and "Édition arrêtée au 31 décembre 2004" in text
    assert "Registre d'inventaire" in text and "Inventory" not in text  # French, always


def test_an_entry_taller_than_a_page_continues_on_the_next_ones_and_loses_nothing(
        qapp, catalogue, tmp_path):
    note = " ".join(f"Constat {n} : reprise de la dorure." for n in range(300))
    with catalogue.writing() as session:
        insert_records(session, [
            {"inventory_number": "2004.1.1", "register_date": "2004-05-01", "observations": note},
            {"inventory_number": "2004.1.2", "register_date": "2004-05-01"}], "test")
    print_register(catalogue, tmp_path / "register.pdf", render_pdf)
    pages = page_count(tmp_path / "register.pdf")
    assert pages > 4
    for page in range(3, pages):  # between the title page and the closing
        text = pdf_text(tmp_path / "register.pdf", page)
        assert "1. Numéro" in text  # the headings repeat on every page
        if "Constat 299" not in text:  # a page the entry continues on names it
            assert "2004.1.1" in text and "(suite)" in text
    whole = " ".join(pdf_text(tmp_path / "register.pdf", layout=False).split())
    # Nothing cut off (a page may fall anywhere between two words).
    assert whole.count("Constat") == whole.count("dorure.") == 300
    assert {str(n) for n in range(300)} <= set(whole.split())
    assert "…" not in whole and "2004.1.2" in whole
