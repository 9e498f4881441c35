"""`catalogue-base`, run as museum IT staff run it, against the same base the API serves."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from catalogue_app.regional.cli import main
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import RADIATION, read_feed

TEXTILE, LACE, CERAMICS = (str(uuid.uuid4()) for _ in range(3))
THEMES = {
    "format": "catalogue-themes", "version": 1,
    "themes": [
        {"id": TEXTILE, "label_fr": "Textile", "label_en": "Textiles", "children": [
            {"id": LACE, "label_fr": "Dentelle", "label_en": "Lace", "children": []},
        ]},
        {"id": CERAMICS, "label_fr": "Céramique", "label_en": "Ceramics", "children": []},
    ],
}


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def base(
    regional_server: RegionalServer, capsys: pytest.CaptureFixture[str],
) -> Callable[..., Outcome]:
    """Run `catalogue-base --db URL --blobs DIR ARGS...` in this process, on the served base."""
    where = ["--db", regional_server.config.db_url, "--blobs", str(regional_server.config.blobs)]

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        try:
            code = main([*where, *args])
        except SystemExit as exit_:  # argparse usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_created_token_is_printed_alone_and_works_until_revoked(
    regional_server: RegionalServer, base: Callable[..., Outcome],
) -> None:
    added = base("museum", "add", "MHN", "Musée d'histoire naturelle")
    assert added.returncode == 0, added.stderr
    created = base("token", "create", "--museum", "MHN", "--user", "Anne",
                   "--role", "admin")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert created.stdout == f"{token}\n" and len(token) >= 40
    token_id = created.stderr.strip().splitlines()[-1].removeprefix("token_id=")
    with regional_server.client(token) as client:
        assert client.get("/api/v1/whoami").json()["role"] == "admin"
        assert base("token", "revoke", token_id).returncode == 0
        assert client.get("/api/v1/whoami").status_code == 401
    listed = base("museum", "list")
    assert listed.stdout.startswith("MHN\tMusée d'histoire naturelle\t1 users\t0 records")


def test_refusals_exit_1_with_a_message_and_usage_errors_exit_2(
    regional_server: RegionalServer, base: Callable[..., Outcome],
) -> None:
    base("museum", "add", "MA", "Musée A")
    again = base("museum", "add", "MA", "Musée A")
    assert again.returncode == 1 and "already exists" in again.stderr
    unknown = base("token", "create", "--museum", "ZZ", "--user", "x")
    assert unknown.returncode == 1 and "no museum with code ZZ" in unknown.stderr
    assert unknown.stdout == ""
    bad_role = base("token", "create", "--museum", "MA", "--user", "x",
                    "--role", "god")
    assert bad_role.returncode == 2 and "invalid choice" in bad_role.stderr


def test_imported_themes_reach_the_feed_and_export_to_the_same_tree(
    regional_server: RegionalServer, base: Callable[..., Outcome], tmp_path: Path,
) -> None:
    source = write_json(tmp_path / "themes.json", THEMES)
    imported = base("themes", "import", str(source))
    assert imported.returncode == 0 and "3 added" in imported.stderr
    regional_server.add_museum("MA")
    with regional_server.client(regional_server.token("MA", "reader", "reader")) as client:
        changes, cursor = read_feed(client)
        themes = [c["theme"] for c in changes if c["kind"] == "theme"]
        assert [(t["id"], t["parent_id"]) for t in themes] == [
            (TEXTILE, None), (LACE, TEXTILE), (CERAMICS, None),
        ]
        # Ceramics leaves the network tree: desks learn it through the feed.
        without_ceramics = {**THEMES, "themes": THEMES["themes"][:1]}
        base("themes", "import",
             str(write_json(tmp_path / "t2.json", without_ceramics)))
        changes, _ = read_feed(client, cursor)
        assert [(c["theme"]["id"], c["theme"]["deleted"]) for c in changes] == [(CERAMICS, True)]
    exported = base("themes", "export", str(tmp_path / "out.json"))
    assert exported.returncode == 0
    assert json.loads((tmp_path / "out.json").read_text()) == without_ceramics


def test_a_broken_themes_file_is_refused_with_where_and_nothing_imported(
    regional_server: RegionalServer, base: Callable[..., Outcome], tmp_path: Path,
) -> None:
    broken = json.loads(json.dumps(THEMES))
    broken["themes"][0]["children"][0]["id"] = "dentelle"
    result = base("themes", "import", str(write_json(tmp_path / "t.json", broken)))
    assert result.returncode == 1
    assert "theme 'Dentelle'" in result.stderr and "not a UUID" in result.stderr
    not_json = tmp_path / "n.json"
    not_json.write_text("{", encoding="utf-8")
    result = base("themes", "import", str(not_json))
    assert result.returncode == 1 and "not valid JSON (line 1" in result.stderr
    exported = base("themes", "export", str(tmp_path / "out.json"))
    assert json.loads((tmp_path / "out.json").read_text())["themes"] == [], exported.stderr


def test_imported_vocabulary_terms_reach_the_feed_with_their_extra_keys(
    regional_server: RegionalServer, base: Callable[..., Outcome], tmp_path: Path,
) -> None:
    wood, oak = str(uuid.uuid4()), str(uuid.uuid4())
    vocabulary = {"vocabulary": "material", "terms": [
        {"id": wood, "label": "bois"},
        {"id": oak, "label": "chêne", "broader": wood, "label_en": "oak"},
    ]}
    result = base("vocabularies", "import",
                  str(write_json(tmp_path / "material.json", vocabulary)))
    assert result.returncode == 0 and "2 added" in result.stderr
    regional_server.add_museum("MA")
    with regional_server.client(regional_server.token("MA")) as client:
        changes, _ = read_feed(client)
    assert [c["vocabulary_term"] for c in changes] == [
        {"id": wood, "vocabulary": "material", "label": "bois", "deleted": False},
        {"id": oak, "vocabulary": "material", "label": "chêne", "deleted": False,
         "broader": wood, "label_en": "oak"},
    ]


def test_the_console_command_creates_its_data_directory_and_prints_the_token_alone(
    tmp_path: Path,
) -> None:
    data = tmp_path / "new" / "base"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "catalogue_app.regional.cli", *args, "--data", str(data)],
            capture_output=True, text=True, timeout=60,
        )

    assert run("museum", "add", "MA", "Musée A").returncode == 0
    assert (data / "regional.sqlite3").is_file()
    created = run("token", "create", "--museum", "MA", "--user", "Anne")
    assert created.returncode == 0, created.stderr
    assert len(created.stdout.splitlines()) == 1 and len(created.stdout.strip()) >= 40
    assert created.stderr.splitlines()[-1] == "token_id=1"


def test_serve_with_several_workers_answers_kept_alive_requests_without_a_delay(
    tmp_path: Path,
) -> None:
    """Nagle's algorithm against the desk's delayed ACK costs 40 ms per request (uvicorn 3149)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "catalogue_app.regional.cli", "--data", str(tmp_path), "serve",
         "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as desk:
            deadline = time.monotonic() + 60
            while True:
                try:
                    desk.get("/openapi.json")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "the server did not start"
                    time.sleep(0.1)
            took = []
            for _ in range(30):
                start = time.perf_counter()
                desk.get("/api/v1/whoami", headers={"Catalogue-Protocol": "1"})
                took.append(time.perf_counter() - start)
        # The first answers of a connection are acknowledged at once; later ones were not.
        assert min(took[10:]) < 0.03, took
    finally:
        server.terminate()
        server.wait(30)


def test_export_joconde_writes_a_museums_published_records_as_the_desk_does(
    base: Callable[..., Outcome], regional_server: RegionalServer, tmp_path: Path
) -> None:
    import csv

    from catalogue_app.exchange.joconde import write_joconde
    from tests.integration.regional.conftest import new_record, push_ok

    assert base("museum", "add", "M01", "Musée de Fécamp").returncode == 0
    assert base("museum", "add", "M02", "Autre musée").returncode == 0
    (tmp_path / "themes.json").write_text(json.dumps(THEMES), encoding="utf-8")
    assert base("themes", "import", str(tmp_path / "themes.json")).returncode == 0
    shown = new_record("1995.3.1", designation="Coiffe", public=True, themes=[LACE],
                       authors=[{"name": "Lemarchand", "role": "maker"}],
                       joconde_ref="M01000000001", domains=["costume - accessoires du costume"],
                       acquisition_mode="don",
                       acquisition_source="Famille Secret", observations="Note privée")
    # Not on POP yet, and missing: Joconde, unlike the portal, takes a missing object.
    also = new_record("1995.3.2", designation="Bonnet", public=True, status="missing",
                      acquisition_mode="achat", domains=["costume - accessoires du costume"])
    hidden = [new_record("1995.3.3", public=False),
              new_record("1995.3.4", public=True, **RADIATION)]
    with regional_server.client(regional_server.token("M01")) as client:
        assert {r["status"] for r in push_ok(client, [shown, also, *hidden])} == {"ok"}
    with regional_server.client(regional_server.token("M02")) as client:
        push_ok(client, [new_record("1995.3.1", public=True)])

    out = tmp_path / "joconde.csv"
    outcome = base("export", "joconde", str(out), "--museum", "M01")
    assert outcome.returncode == 0, outcome.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline=""), delimiter=";"))
    assert [r["INV"] for r in rows] == ["1995.3.1"]
    new = list(csv.DictReader((tmp_path / "joconde-nouvelles-notices.csv").open(
        encoding="utf-8", newline=""), delimiter=";"))
    assert [(r["REF"], r["INV"], r["LOCA"]) for r in new] == [
        ("", "1995.3.2", "Musée de Fécamp ; manquant")]  # no REF invented; MANQUANT for POP
    [first] = rows
    assert (first["REF"], first["MUSEO"], first["LOCA"], first["DOMN"], first["AUTR"],
            first["STAT"]) == ("M01000000001", "M01", "Musée de Fécamp",
                               "costume - accessoires du costume", "Lemarchand (fabricant)",
                               "don")
    assert "Secret" not in out.read_text(encoding="utf-8")
    assert "Note privée" not in out.read_text(encoding="utf-8")
    # The desk's writer, given the same record, writes the same row.
    desk = tmp_path / "desk.csv"
    with desk.open("w", encoding="utf-8", newline="") as stream:
        write_joconde([{**shown["fields"], "id": shown["id"], "themes": ["Textile > Dentelle"]}],
                      stream, museum={"code": "M01", "name": "Musée de Fécamp"})
    assert desk.read_text(encoding="utf-8").splitlines()[1] in out.read_text(
        encoding="utf-8").splitlines()
    refused = base("export", "joconde", str(tmp_path / "x.csv"), "--museum", "NOPE")
    assert refused.returncode == 1 and "NOPE" in refused.stderr


def test_tokens_list_their_expiry_and_last_use_and_an_expired_one_is_refused(
    regional_server: RegionalServer, base: Callable[..., Outcome],
) -> None:
    regional_server.add_museum("MA")
    lasting = base("token", "create", "--museum", "MA", "--user", "Anne")
    brief = base("token", "create", "--museum", "MA", "--user", "Paul", "--expires-in", "30")
    assert lasting.returncode == brief.returncode == 0, lasting.stderr + brief.stderr
    assert "expires on" in brief.stderr
    assert base("token", "create", "--museum", "MA", "--user", "Paul", "--expires-in",
                "0").returncode == 1
    with regional_server.client(lasting.stdout.strip()) as client:
        assert client.get("/api/v1/whoami").status_code == 200
        first = {t["user"]: t for t in json.loads(base("token", "list", "--json").stdout)}
        assert client.get("/api/v1/whoami").status_code == 200
    again = {t["user"]: t for t in json.loads(base("token", "list", "--json").stdout)}
    # Written at the first use, then at most once a minute.
    assert first["Anne"]["last_used_at"] is not None
    assert again["Anne"]["last_used_at"] == first["Anne"]["last_used_at"]
    assert first["Anne"]["expires_at"] is None and first["Paul"]["last_used_at"] is None
    assert first["Paul"]["expires_at"] > first["Paul"]["created_at"]
    table = base("token", "list", "--museum", "MA").stdout.splitlines()
    assert table[0].split("\t") == ["id", "museum", "user", "role", "created", "expires",
                                    "last used", "revoked"]
    assert len(table) == 3
    # Thirty days later (the stored expiry moved back: the clock is not the test's to move).
    with regional_server.database.write_session() as session:
        session.execute(text("UPDATE tokens SET expires_at = '2020-01-01T00:00:00.000+00:00'"
                             " WHERE expires_at IS NOT NULL"))
    with regional_server.client(brief.stdout.strip()) as client:
        refused = client.get("/api/v1/whoami")
    assert refused.status_code == 401 and "expired" in refused.json()["error"]
