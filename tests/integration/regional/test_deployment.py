"""What docs/deploy.md ships for museum IT, checked as they would use it: the nginx and Caddy
configurations pass their own syntax checks, nginx sends the desks and the public to their own
parts of the base, the systemd units start `serve` with options it takes, and a backup of the
database and the images (in a folder or in S3) restores into a base that serves the same
records and the same images."""

from __future__ import annotations

import contextlib
import os
import shlex
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psutil
import pytest
from sqlalchemy import create_engine, make_url, text

from catalogue_app.regional.cli import build_parser, main
from catalogue_app.regional.config import PUBLIC_NICENESS, ServerConfig
from catalogue_app.regional.stores.files import FileStore
from tests.integration.conftest import (
    PROTOCOL_HEADERS,
    postgresql_schema,
    serving,
    stored_keys,
)
from tests.integration.regional.conftest import (
    camera_jpeg,
    new_record,
    published,
    push_ok,
    read_feed,
    upload_blob,
    wait_for,
)
from tests.integration.regional.test_several_servers import serve
from tests.support import PG_URL_ENV, REPO, require

DEPLOY = REPO / "deploy"


def _run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True,
                          timeout=120, **kwargs)


def nginx_site(folder: Path, *changes: tuple[str, str]) -> str:
    """The shipped nginx site with a throwaway certificate in `folder` standing in for
    certbot's (nginx opens it even to check the syntax), and these other `changes`."""
    require("nginx")
    require("openssl")
    made = _run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=collections.example.org", "-keyout", folder / "key.pem",
                "-out", folder / "cert.pem")
    assert made.returncode == 0, made.stderr
    site = (DEPLOY / "nginx-catalogue-base.conf").read_text()
    live = "/etc/letsencrypt/live/collections.example.org/"
    for shipped, here in ((live + "fullchain.pem", str(folder / "cert.pem")),
                          (live + "privkey.pem", str(folder / "key.pem")), *changes):
        assert shipped in site, shipped
        site = site.replace(shipped, here)
    return site


def test_the_nginx_configuration_passes_nginx_t(tmp_path: Path) -> None:
    (tmp_path / "site.conf").write_text(nginx_site(tmp_path))
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


@pytest.mark.parametrize(("unit", "part", "port"), [
    ("catalogue-base.service", "desks", 8765), ("catalogue-base-public.service", "public", 8766)])
def test_the_systemd_units_run_serve_with_options_it_takes(unit: str, part: str,
                                                           port: int) -> None:
    unit = (DEPLOY / unit).read_text()
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
    # The parts and ports the shipped proxies send /api/v1/ and the rest to.
    assert (parsed.part, parsed.port) == (part, port)
    for proxy in ("Caddyfile", "nginx-catalogue-base.conf"):
        assert f"127.0.0.1:{port}" in (DEPLOY / proxy).read_text()
    assert parsed.public_url.startswith("https://") and parsed.admin_email
    assert settings["UMask"] == "0077" and settings["User"] == "catalogue-base"
    assert settings["EnvironmentFile"] == "/etc/catalogue-base/environment"
    # systemd makes each service a scheduling group of its own, where a nice value ranks a
    # process only against its own service's: the public part yields by its unit's weight.
    weight = int(settings.get("CPUWeight", 100))  # systemd's default
    assert weight < 100 if part == "public" else weight == 100


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


def test_a_backup_with_its_images_in_s3_restores_into_another_bucket(
    tmp_path: Path, s3_bucket: str,
) -> None:
    import boto3

    # The scripts copy the bucket with the catalogue-base of the base's own environment.
    scripts_env = {**os.environ,
                   "CATALOGUE_BASE": str(Path(sys.executable).parent / "catalogue-base")}
    scan = b"a raking-light scan" * 1000
    with fresh_database() as (source_url, source_libpq), \
            serving(ServerConfig(source_url, s3_bucket)) as base:
        base.add_museum("MA")
        token = base.token("MA", "reader", "reader")
        with base.client(base.token("MA")) as editor:
            sha256 = upload_blob(editor, scan)
            records = [new_record(f"7.{n}", images=[
                {"sha256": sha256, "file_name": f"7.{n}.tif"}]) for n in range(5)]
            assert {r["status"] for r in push_ok(editor, records)} == {"ok"}
            before, _cursor = read_feed(editor)
        backup = tmp_path / "backup"
        made = _run(DEPLOY / "backup.sh", source_libpq, s3_bucket, backup, env=scripts_env)
        assert made.returncode == 0, made.stderr
    assert (backup / "blobs.list").read_text().split() == [
        f"blobs/objects/{sha256[:2]}/{sha256[2:4]}/{sha256}"]

    bucket = f"restored-{uuid.uuid4().hex[:12]}"
    boto3.client("s3").create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
    restored_store = f"s3://{bucket}/musees"
    with fresh_database() as (target_url, target_libpq):
        restored = _run(DEPLOY / "restore.sh", backup, target_libpq, restored_store,
                        env=scripts_env)
        assert restored.returncode == 0, restored.stderr
        with serving(ServerConfig(target_url, restored_store)) as again, \
                again.client(token) as reader:
            after, _cursor = read_feed(reader)
            assert after == before
            assert reader.get(f"/api/v1/blobs/{sha256}").content == scan

    # A store that holds images already is refused before the database is touched.
    with fresh_database() as (third_url, third_libpq):
        refused = _run(DEPLOY / "restore.sh", backup, third_libpq, restored_store,
                       env=scripts_env)
        assert refused.returncode == 1 and "already holds images" in refused.stderr
        with create_engine(third_url).connect() as connection:
            assert connection.execute(text(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar() == 0


def test_blobs_backup_and_restore_move_images_between_a_folder_and_s3(
    tmp_path: Path, s3_bucket: str,
) -> None:
    folder = FileStore(tmp_path / "blobs")
    kept = {"objects/ab/cd/abcd01": b"an original", "objects/ef/01/ef0102": b"another",
            "derivatives/ab/cd/abcd01-thumb.jpg": b"a thumbnail"}
    for key, data in kept.items():
        folder.write(key, data)
    folder.write("uploads/1/abcd02", b"half an upload")  # under way: desks send it again
    unused_db = ["--db", f"sqlite:///{tmp_path / 'unused.sqlite'}"]

    def blobs(store: str, *command: str) -> int:
        return main([*unused_db, "--blobs", store, "blobs", *command])

    assert blobs(str(tmp_path / "blobs"), "backup", str(tmp_path / "copy")) == 0
    assert blobs(s3_bucket, "restore", str(tmp_path / "copy")) == 0
    assert stored_keys(s3_bucket, "") == sorted(kept)
    assert blobs(s3_bucket, "backup", str(tmp_path / "back")) == 0
    assert blobs(str(tmp_path / "again"), "restore", str(tmp_path / "back")) == 0
    again = FileStore(tmp_path / "again")
    assert {key: again.read(key) for key in again.keys("")} == kept

    assert blobs(s3_bucket, "restore", str(tmp_path / "copy")) == 1  # holds images already
    assert blobs(s3_bucket, "backup", str(tmp_path / "copy")) == 1  # never over a backup


@pytest.mark.parametrize("document", ["deploy.md", "deploy.fr.md"])
def test_the_deployment_guide_names_only_files_that_exist(document: str) -> None:
    guide = (REPO / "docs" / document).read_text(encoding="utf-8")
    for name in ("Caddyfile", "nginx-catalogue-base.conf", "catalogue-base.service",
                 "catalogue-base-public.service", "environment.example", "backup.sh", "restore.sh"):
        assert f"deploy/{name}" in guide, name
        assert (DEPLOY / name).exists(), name


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx_in_front(folder: Path, desks: str, public: str) -> Iterator[str]:
    """The shipped nginx site, its upstreams pointed at these two parts, its certificate a
    throwaway one, listening on a free loopback port: its https:// address."""
    port = _free_port()
    site = nginx_site(folder, ("127.0.0.1:8765", urlsplit(desks).netloc),
                      ("127.0.0.1:8766", urlsplit(public).netloc),
                      ("listen 443 ssl", f"listen 127.0.0.1:{port} ssl"),
                      ("listen 80;", f"listen 127.0.0.1:{_free_port()};"))
    site = "\n".join(line for line in site.splitlines() if "[::]" not in line)
    (folder / "site.conf").write_text(site)
    (folder / "nginx.conf").write_text(
        f"daemon off;\nuser root;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        f"events {{}}\nhttp {{\n    access_log off;\n    include {folder}/site.conf;\n}}\n")
    process = subprocess.Popen(["nginx", "-c", folder / "nginx.conf", "-p", folder,
                                "-e", folder / "error.log"])
    url = f"https://127.0.0.1:{port}"
    try:
        wait_for(lambda: _answers(url), "nginx")
        yield url
    finally:
        process.terminate()
        process.wait(30)


def _answers(url: str) -> bool:
    try:
        httpx.get(f"{url}/robots.txt", verify=False)
        return True
    except httpx.TransportError:
        return False


def test_behind_the_shipped_nginx_desks_and_visitors_reach_their_own_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """docs/deploy.md §3-4: `serve --part desks` and `serve --part public` on one base, nginx
    sending /api/v1/ to the first and the rest to the second: a desk's push and upload go
    through, the portal shows them, the public part makes the image's derivatives (the desks'
    part makes none) and runs behind the desks for the processor."""
    require("postgresql")
    with postgresql_schema() as db_url:
        base = ["--db", db_url, "--blobs", str(tmp_path / "blobs")]
        assert main([*base, "museum", "add", "MA", "Musée A"]) == 0
        capsys.readouterr()
        assert main([*base, "token", "create", "--museum", "MA", "--user", "curator"]) == 0
        token = capsys.readouterr().out.strip()
        address = ("--public-url", "https://collections.example.org")
        with serve(base, "--part", "desks", *address) as desks, \
                serve(base, "--part", "public", *address) as public, \
                nginx_in_front(tmp_path, desks, public) as proxy, \
                httpx.Client(base_url=proxy, verify=False, timeout=60, headers={
                    **PROTOCOL_HEADERS, "Authorization": f"Bearer {token}",
                    "Host": "collections.example.org"}) as through:
            sha256 = upload_blob(through, camera_jpeg(tmp_path, (120, 60, 30)))
            record = published("2026.1.1", title="Coiffe de Bayeux", images=[
                {"sha256": sha256, "file_name": "coiffe.jpg", "publishable": True,
                 "is_primary": True, "position": 0}])
            assert push_ok(through, [record])[0]["status"] == "ok"

            page = through.get(f"/objets/{record['id']}")
            assert page.status_code == 200 and "Coiffe de Bayeux" in page.text
            wait_for(lambda: "thumb" in through.get(f"/api/public/v1/objects/{record['id']}")
                     .json()["fields"]["images"][0], "the public part's derivatives")
            # Each part answers its own routes only: a misrouted request is a plain 404.
            assert httpx.get(f"{desks}/").status_code == 404
            assert httpx.get(f"{public}/api/v1/whoami", headers=through.headers).status_code \
                == 404
            niceness = {part: {p.nice() for p in psutil.Process().children(recursive=True)
                               if f"--part {part}" in " ".join(p.cmdline())}
                        for part in ("desks", "public")}
            assert niceness == {"desks": {0}, "public": {PUBLIC_NICENESS}}
