"""What docs/deploy.md ships for museum IT, checked as they would use it: the nginx and Caddy
configurations pass their own syntax checks, the systemd unit starts `serve` with options it
takes, and a backup of the database and the images restores into a base that serves the same
records and the same images."""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from catalogue_app.regional.cli import build_parser
from catalogue_app.regional.config import ServerConfig
from tests.integration.conftest import serving
from tests.integration.regional.conftest import new_record, push_ok, read_feed, upload_blob
from tests.support import PG_URL_ENV, REPO, require

DEPLOY = REPO / "deploy"


def _run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True,
                          timeout=120, **kwargs)


def test_the_nginx_configuration_passes_nginx_t(tmp_path: Path) -> None:
    require("nginx")
    require("openssl")
    # nginx -t opens the certificates: a throwaway one stands in for certbot's.
    made = _run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=collections.example.org", "-keyout", tmp_path / "key.pem",
                "-out", tmp_path / "cert.pem")
    assert made.returncode == 0, made.stderr
    site = (DEPLOY / "nginx-catalogue-base.conf").read_text()
    live = "/etc/letsencrypt/live/collections.example.org/"
    assert live + "fullchain.pem" in site and live + "privkey.pem" in site
    site = site.replace(live + "fullchain.pem", str(tmp_path / "cert.pem"))
    site = site.replace(live + "privkey.pem", str(tmp_path / "key.pem"))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n    include {tmp_path}/site.conf;\n}}\n")
    checked = _run("nginx", "-t", "-c", tmp_path / "nginx.conf", "-p", tmp_path,
                   "-e", tmp_path / "error.log")
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


def test_the_caddyfile_passes_caddy_validate(tmp_path: Path) -> None:
    require("caddy")
    home = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path)}
    checked = _run("caddy", "validate", "--config", DEPLOY / "Caddyfile",
                   "--adapter", "caddyfile", env={**os.environ, **home})
    assert checked.returncode == 0, checked.stderr
    assert "Valid configuration" in checked.stdout + checked.stderr


def test_the_systemd_unit_runs_serve_with_options_it_takes() -> None:
    unit = (DEPLOY / "catalogue-base.service").read_text()
    settings = dict(line.split("=", 1) for line in unit.splitlines()
                    if "=" in line and not line.startswith("#"))
    environment = dict(line.split("=", 1) for line in
                       (DEPLOY / "environment.example").read_text().splitlines()
                       if line and not line.startswith("#"))
    command = settings["ExecStart"]
    for name, value in environment.items():
        command = command.replace("${" + name + "}", value)
    assert "${" not in command, command
    program, *arguments = shlex.split(command)
    assert program.endswith("/catalogue-base")
    parsed = build_parser().parse_args(arguments)
    assert parsed.command == "serve" and parsed.host == "127.0.0.1"
    assert parsed.public_url.startswith("https://") and parsed.admin_email
    assert settings["UMask"] == "0077" and settings["User"] == "catalogue-base"
    assert settings["EnvironmentFile"] == "/etc/catalogue-base/environment"


@contextlib.contextmanager
def fresh_database() -> Iterator[tuple[str, str]]:
    """A new PostgreSQL database: (its SQLAlchemy URL, its libpq URL), dropped afterwards."""
    require("postgresql")
    require("pg_dump")
    server = make_url(os.environ[PG_URL_ENV])
    name = f"deploy_{uuid.uuid4().hex[:12]}"
    owner = create_engine(server, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name, query={})
    try:
        yield (url.render_as_string(hide_password=False),
               url.set(drivername="postgresql").render_as_string(hide_password=False))
    finally:
        with owner.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        owner.dispose()


def test_a_backup_of_the_database_and_images_restores_into_a_working_base(
    tmp_path: Path,
) -> None:
    with fresh_database() as (source_url, source_libpq):
        with serving(ServerConfig(source_url, tmp_path / "blobs")) as base:
            base.add_museum("MA")
            token = base.token("MA", "reader", "reader")
            with base.client(base.token("MA")) as editor:
                sha256 = upload_blob(editor, b"a raking-light scan" * 1000)
                records = [new_record(f"7.{n}", images=[
                    {"sha256": sha256, "file_name": f"7.{n}.tif"}]) for n in range(20)]
                assert {r["status"] for r in push_ok(editor, records)} == {"ok"}
                before, _cursor = read_feed(editor)
            backup = tmp_path / "backup"
            made = _run(DEPLOY / "backup.sh", source_libpq, tmp_path / "blobs", backup)
            assert made.returncode == 0, made.stderr
        with fresh_database() as (target_url, target_libpq):
            restored = _run(DEPLOY / "restore.sh", backup, target_libpq, tmp_path / "again")
            assert restored.returncode == 0, restored.stderr
            with serving(ServerConfig(target_url, tmp_path / "again")) as again, \
                    again.client(token) as reader:
                after, _cursor = read_feed(reader)
                assert after == before
                assert reader.get(f"/api/v1/blobs/{sha256}").content == \
                    b"a raking-light scan" * 1000

    # A damaged backup is refused before anything is restored.
    next(backup.glob("blobs/objects/*/*/*")).unlink()
    with fresh_database() as (_url, libpq):
        refused = _run(DEPLOY / "restore.sh", backup, libpq, tmp_path / "third")
        assert refused.returncode == 1 and "damaged backup" in refused.stderr
        assert not (tmp_path / "third").exists()


@pytest.mark.parametrize("document", ["deploy.md", "deploy.fr.md"])
def test_the_deployment_guide_names_only_files_that_exist(document: str) -> None:
    guide = (REPO / "docs" / document).read_text(encoding="utf-8")
    for name in ("Caddyfile", "nginx-catalogue-base.conf", "catalogue-base.service",
                 "environment.example", "backup.sh", "restore.sh"):
        assert f"deploy/{name}" in guide, name
        assert (DEPLOY / name).exists(), name
