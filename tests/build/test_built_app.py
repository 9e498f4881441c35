"""Smoke test of the built program: what a desk does on its first day works from the build,
so every resource, migration, translation, decoder and Qt plugin it needs was bundled."""

from __future__ import annotations

import csv
import json
import re
import subprocess
from pathlib import Path

import pillow_heif
import pytest
from lxml import etree

from catalogue_app import __version__
from tests.image_samples import photo, tiff
from tests.integration.sync.conftest import server_records
from tests.support import REPO, requires

LIDO_SCHEMA = REPO / "resources" / "lido" / "lido-v1.1.xsd"


def test_the_build_says_its_version(built_app):
    result = built_app("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"catalogue-app {__version__} (catalogue schema ")


def test_the_window_opens_the_demo_catalogue_to_its_first_painted_rows(built_app):
    result = built_app("--demo", "--smoke-test")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^startup_ms=\d+$", result.stdout, re.MULTILINE), result.stdout
    demo = built_app.home / "data" / "catalogue-app" / "demo"
    check = built_app("--catalogue", str(demo), "search", "coiffe", "--json")
    assert json.loads(check.stdout)[0]["total"] > 0  # the demo data and its index are there


@requires("pdftotext")
def test_import_attach_export_and_check_from_the_build(built_app, tmp_path: Path):
    catalogue = str(tmp_path / "catalogue")
    rows = tmp_path / "objets.csv"
    with rows.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["inventory_number", "designation", "materials", "register_date",
                         "acquisition_mode", "public"])  # a LIDO file carries public records
        writer.writerow(["2024.1.1", "Coiffe de Caux", "lin; dentelle", "2024-03-01", "don",
                         "oui"])
        writer.writerow(["2024.1.2", "Bonnet rond", "coton", "2024-03-01", "achat", "oui"])
    imported = built_app("--catalogue", catalogue, "import-csv", str(rows))
    assert imported.returncode == 0, imported.stderr

    pillow_heif.register_heif_opener()  # to write the HEIC sample here; the build reads it
    pictures = [photo(tmp_path / "2024.1.1.jpg"), photo(tmp_path / "2024.1.1_verso.heic"),
                tiff(tmp_path / "2024.1.2.tif", mode="I;16", size=(120, 80))]
    attached = built_app("--catalogue", catalogue, "attach", *map(str, pictures),
                         "--match-inventory", "--json")
    assert attached.returncode == 0, attached.stderr
    assert [item["status"] for item in json.loads(attached.stdout)] == ["attached"] * 3

    lido = tmp_path / "objets.xml"
    assert built_app("--catalogue", catalogue, "export", "lido", str(lido)).returncode == 0
    etree.XMLSchema(etree.parse(str(LIDO_SCHEMA))).assertValid(etree.parse(str(lido)))

    register = tmp_path / "registre.pdf"
    printed = built_app("--catalogue", catalogue, "export", "register", str(register))
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", "-layout", str(register), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "2024.1.1" in text and "Caux" in text  # ("Coiffe" comes out with an ff ligature)

    checked = built_app("--catalogue", catalogue, "check", "--fixity")
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("regional_config", ["sqlite"], indirect=True)
def test_sync_from_the_build_reaches_a_local_regional_base(built_app, regional_server,
                                                            tmp_path: Path):
    regional_server.add_museum("M0725", "Musée d'essai")
    token_file = tmp_path / "token"
    token_file.write_text(regional_server.token("M0725"), encoding="utf-8")
    catalogue = str(tmp_path / "catalogue")
    rows = tmp_path / "objets.csv"
    rows.write_text("inventory_number,designation\n2024.5.1,Coiffe\n", encoding="utf-8")
    assert built_app("--catalogue", catalogue, "import-csv", str(rows)).returncode == 0

    synced = built_app("--catalogue", catalogue, "sync", "--server", regional_server.url,
                       "--token-file", str(token_file))
    assert synced.returncode == 0, synced.stderr

    on_the_base = server_records(regional_server, token_file.read_text(encoding="utf-8"))
    assert [fields["inventory_number"] for fields in on_the_base.values()] == ["2024.5.1"]


def test_the_debian_package_installs_a_working_program(built_app, tmp_path: Path):
    package, = built_app.program.parent.parent.glob("catalogue-app_*.deb")
    fields = subprocess.run(["dpkg-deb", "--field", str(package), "Package", "Version"],
                            capture_output=True, text=True, check=True).stdout
    assert fields.split() == ["Package:", "catalogue-app", "Version:", __version__]
    subprocess.run(["dpkg-deb", "--extract", str(package), str(tmp_path)], check=True)
    assert (tmp_path / "usr/share/applications/catalogue-app.desktop").exists()
    assert Path(tmp_path / "usr/bin/catalogue-app").readlink() == Path(
        "/opt/catalogue-app/catalogue-app")
    installed = subprocess.run([str(tmp_path / "opt/catalogue-app/catalogue-app"), "--version"],
                               capture_output=True, text=True, timeout=60)
    assert installed.stdout.startswith(f"catalogue-app {__version__} ")


def test_the_build_lists_the_components_it_ships_with_their_licences(built_app, tmp_path: Path):
    from dataclasses import asdict

    from catalogue_app.components import bundled_components

    listed = built_app("licences", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == [asdict(c) for c in bundled_components()]
    shot = tmp_path / "about.png"
    shown = built_app("--catalogue", str(tmp_path / "c"), "--smoke-test", "--screenshot",
                      str(shot), "--dialog", "about")
    assert shown.returncode == 0, shown.stderr
    assert shot.stat().st_size > 10_000


def test_the_build_ships_the_user_guide_with_its_pictures(built_app):
    guide, = built_app.program.parent.rglob("docs/guide/README.md")
    for picture in re.findall(r"\]\((images/[^)]+)\)", "".join(
            page.read_text(encoding="utf-8") for page in guide.parent.glob("*.md"))):
        assert (guide.parent / picture).is_file(), picture
