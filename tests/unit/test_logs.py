"""What went wrong is written down and said truthfully: the desk's rotating log file, the
base's JSON lines, errors outside the app's rules explained in the user's language, and a
failing keyring reported as itself."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys

import pytest
from keyring.errors import KeyringLocked

from catalogue_app import messages
from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.failures import DISK_FULL, explain
from catalogue_app.logs import server_log_config
from catalogue_app.sync import tokens
from tests.support import REPO, run_cli


def test_a_full_disk_during_a_command_is_said_in_one_line_and_logged_in_full(small_volume,
                                                                              tmp_path):
    source = tmp_path / "big.csv"
    with source.open("w", encoding="utf-8", newline="") as out:
        out.write("inventory_number,description\n")
        out.writelines(f"2004.1.{n},{'objet ' * 200}\n" for n in range(3000))
    catalogue_dir = small_volume / "catalogue"
    result = run_cli("--catalogue", str(catalogue_dir), "import-csv", str(source),
                     env={"CATALOGUE_APP_LANG": "fr"})
    assert result.returncode == 2
    assert result.stderr.strip() == f"catalogue-app: {DISK_FULL().text('fr')}"
    log = (tmp_path / "state" / "catalogue-app" / "log" / "catalogue-app.log").read_text()
    assert "catalogue-app import-csv failed" in log and "Traceback" in log
    assert "database or disk is full" in log
    catalogue = Catalogue.open(catalogue_dir)  # the import landed whole or not at all
    try:
        assert catalogue.record_count() == 0
    finally:
        catalogue.close()


def test_a_locked_catalogue_is_explained_not_dumped(tmp_path):
    path = tmp_path / "c.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    writer = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as caught:
        writer.execute("INSERT INTO t VALUES (1)")
    holder.execute("ROLLBACK")
    assert explain(caught.value).code == "failure.database_busy"
    assert explain(caught.value).text("fr").startswith("Le catalogue est occupé")


def test_a_read_only_file_is_explained(tmp_path):
    with pytest.raises(OSError) as caught:
        (tmp_path / "folder").mkdir()
        open(tmp_path / "folder", "w")  # noqa: SIM115 - a folder cannot be opened for writing
    message = explain(caught.value)
    assert message.code == "failure.file_error" and "folder" in message.text("en")


def test_a_catalogue_error_keeps_its_own_message():
    error = CatalogueError(tokens.TOKEN_FILE_EMPTY, path="t.txt")
    assert explain(error) is error.message


def test_a_keyring_that_refuses_the_token_is_named_and_the_file_keeps_it(memory_keyring):
    memory_keyring.failure = KeyringLocked("the login keyring is locked")
    saved = tokens.save_token("https://base.example", "secret")
    assert saved.where == str(tokens.token_file())
    assert saved.note.code == "sync.keyring_refused"
    assert "the login keyring is locked" in str(saved.note)
    assert tokens.load_token("https://base.example") == "secret"  # from the file


def test_a_keyring_that_cannot_be_read_is_not_taken_for_a_missing_token(memory_keyring):
    tokens.save_token("https://base.example", "secret")
    assert tokens.load_token("https://base.example") == "secret"
    memory_keyring.failure = KeyringLocked("the login keyring is locked")
    with pytest.raises(CatalogueError) as caught:
        tokens.load_token("https://base.example")
    assert caught.value.code == "sync.keyring_unreadable"
    assert "locked" in str(caught.value)
    memory_keyring.failure = None
    assert tokens.load_token("https://other.example") is None  # truly none saved


def test_tests_use_a_memory_keyring_not_the_users():
    import keyring

    from tests.support import MemoryKeyring

    assert isinstance(keyring.get_keyring(), MemoryKeyring)


def test_the_base_logs_one_json_object_per_line():
    script = (
        "import logging, logging.config\n"
        "from catalogue_app.logs import server_log_config\n"
        "logging.config.dictConfig(server_log_config())\n"
        "logging.getLogger('uvicorn.access').info('GET /healthz 200')\n"
        "logging.getLogger('catalogue_app.regional').warning('museum %s locked', 'M0001')\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(r["level"], r["logger"], r["message"]) for r in lines] == [
        ("INFO", "uvicorn.access", "GET /healthz 200"),
        ("WARNING", "catalogue_app.regional", "museum M0001 locked")]
    assert all("time" in r and "process" in r for r in lines)
    assert server_log_config()["root"]["level"] == logging.getLevelName(logging.INFO)


def test_the_language_of_messages_follows_the_choice(french):
    refused = CatalogueError(tokens.TOKEN_FILE_EMPTY, path="t")
    assert str(refused) == "Le fichier de jeton t est vide."
    messages.set_language("en")
    assert str(refused) == "The token file t is empty."


def test_a_hard_crash_leaves_every_threads_stack_in_the_faults_file(tmp_path):
    script = ("import faulthandler, sys\n"
              "from catalogue_app.logs import record_hard_crashes\n"
              "record_hard_crashes()\n"
              "faulthandler._sigsegv()\n")  # what a fault inside Qt does to the process
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                            text=True, timeout=60,
                            env={**os.environ, "CATALOGUE_APP_LOG_DIR": str(tmp_path)})
    assert result.returncode != 0
    faults = (tmp_path / "faults.log").read_text()
    assert "Segmentation fault" in faults and "<string>" in faults
