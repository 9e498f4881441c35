"""`catalogue-base`: the regional base's admin command line (design.md §11).

Exit status: 0 done, 1 refused (the message says why; nothing changed), 2 usage or fatal error.
Messages go to stderr; stdout carries only what a script reads (a token, a museum list)."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from sqlalchemy import make_url
from sqlalchemy.orm import Session

from catalogue_app.regional import admin, shared
from catalogue_app.regional.config import (
    PARTS,
    PUBLIC_NICENESS,
    ServerConfig,
    default_data_dir,
    listening_url,
)
from catalogue_app.regional.errors import RegionalError
from catalogue_app.regional.limits import Limits
from db.regional.engine import Database

EXIT_OK, EXIT_REFUSED, EXIT_FATAL = 0, 1, 2


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--data", type=Path, default=default,
                        help="directory of a zero-setup base (SQLite file and blobs)")
    parser.add_argument("--db", default=default,
                        help="database URL: postgresql+psycopg://... or sqlite:///...")
    parser.add_argument("--blobs", default=default, metavar="DIR|s3://BUCKET/PREFIX", help=(
        "the image store (with --db): a folder, or an S3-compatible bucket whose endpoint and"
        " credentials come from the standard AWS environment variables (AWS_ENDPOINT_URL...)"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catalogue-base", description=(
        "Administer the shared regional base of the museum network."
    ))
    _global_options(parser, None)
    # Global options are also accepted after the subcommand; SUPPRESS keeps the earlier value.
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", parents=[common], help="run the API server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--public-url", metavar="URL", help=(
        "the address the public reaches the base at, behind its TLS proxy (default: the"
        " address it listens at)"))
    serve.add_argument("--admin-email", metavar="ADDRESS",
                       help="the base's contact, named on the portal and in OAI-PMH")
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (PostgreSQL: about one per core)")
    serve.add_argument("--max-blob-bytes", type=int, default=Limits().blob_bytes,
                       metavar="BYTES", help="the largest image a desk may upload")
    serve.add_argument("--museum-quota", type=int, default=None, metavar="BYTES",
                       help="bytes of images each museum may hold (default: no quota)")
    serve.add_argument("--no-oai-keeper", dest="oai_keeper", action="store_false", help=(
        "write OAI-PMH metadata only when harvested, not ahead of harvesters in the"
        " background"))
    serve.add_argument("--part", choices=PARTS, default="all", help=(
        "what this server answers: all (default); desks, the sync API under /api/v1/; public,"
        " the portal, public API, images, OAI-PMH and IIIF with their background work, at a"
        " lower CPU priority. With a desks and a public part behind the proxy, a crowd of"
        " visitors slows the desks as little as the cores allow (docs/deploy.md)"))
    serve.set_defaults(run=_serve)

    museum = commands.add_parser("museum", help="add or list museums").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    add = museum.add_parser("add", parents=[common], help="add a museum")
    add.add_argument("code")
    add.add_argument("name")
    add.set_defaults(run=_museum_add)
    museum.add_parser("list", parents=[common], help="list museums").set_defaults(
        run=_museum_list)

    token = commands.add_parser("token", help="create or revoke tokens").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    create = token.add_parser("create", parents=[common], help=(
        "create a token (and the user if needed); the token is printed once"))
    create.add_argument("--museum", required=True, metavar="CODE")
    create.add_argument("--user", required=True, metavar="NAME")
    create.add_argument("--role", choices=[r.value for r in admin.Role])
    create.add_argument("--expires-in", type=int, metavar="DAYS",
                        help="refuse the token after this many days (default: until revoked)")
    create.set_defaults(run=_token_create)
    listing = token.add_parser("list", parents=[common], help=(
        "list tokens: id, museum, user, role, created, expires, last used, revoked"))
    listing.add_argument("--museum", metavar="CODE", help="only this museum's tokens")
    listing.add_argument("--json", action="store_true", help="one JSON array on stdout")
    listing.set_defaults(run=_token_list)
    revoke = token.add_parser("revoke", parents=[common], help="revoke a token")
    revoke.add_argument("id", type=int, metavar="ID")
    revoke.set_defaults(run=_token_revoke)

    themes = commands.add_parser("themes", help="import or export the theme tree").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    for action, run in (("import", _themes_import), ("export", _themes_export)):
        sub = themes.add_parser(action, parents=[common], help=f"{action} themes.json")
        sub.add_argument("file", type=Path, metavar="FILE")
        sub.set_defaults(run=run)

    export = commands.add_parser("export", help="export published records").add_subparsers(
        dest="format", required=True, metavar="FORMAT")
    joconde = export.add_parser("joconde", parents=[common], help=(
        "one museum's records published to Joconde, in the Joconde/POP delivery format"))
    joconde.add_argument("out", type=Path, metavar="OUT")
    joconde.add_argument("--museum", required=True, metavar="CODE")
    joconde.set_defaults(run=_export_joconde)

    blobs = commands.add_parser("blobs", help=(
        "back up or restore the image store (a folder or s3://), after or with the database's"
        " dump (deploy/backup.sh)")).add_subparsers(dest="action", required=True,
                                                   metavar="ACTION")
    sub = blobs.add_parser("backup", parents=[common], help=(
        "copy the originals and derivatives into a new folder OUT, laid out as the store"))
    sub.add_argument("out", type=Path, metavar="OUT")
    sub.set_defaults(run=_blobs_backup)
    sub = blobs.add_parser("restore", parents=[common], help=(
        "put a folder made by `blobs backup` into the store, which must hold no image"))
    sub.add_argument("folder", type=Path, metavar="IN")
    sub.set_defaults(run=_blobs_restore)

    vocabularies = commands.add_parser("vocabularies", help="import shared vocabularies")
    vocab_import = vocabularies.add_subparsers(dest="action", required=True, metavar="ACTION")
    sub = vocab_import.add_parser("import", parents=[common], help="import vocabulary files")
    sub.add_argument("files", type=Path, nargs="+", metavar="FILE")
    sub.set_defaults(run=_vocabularies_import)
    return parser


def server_config(args: argparse.Namespace) -> ServerConfig:
    if args.data is not None and (args.db is not None or args.blobs is not None):
        raise RegionalError("give either --data DIR, or --db URL with --blobs DIR, not both")
    if args.db is not None or args.blobs is not None:
        if args.db is None or args.blobs is None:
            raise RegionalError("--db and --blobs go together: give both")
        if not args.db.startswith(("postgresql", "sqlite")):
            raise RegionalError(
                f"--db {args.db!r}: use postgresql+psycopg://USER@HOST/DB or sqlite:///PATH"
            )
        return ServerConfig(args.db, args.blobs)  # a folder or s3://: config.py tells
    data_dir = args.data if args.data is not None else default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    return ServerConfig.in_data_dir(data_dir)


def _open(config: ServerConfig) -> Database:
    """The base's database, its schema created or upgraded first."""
    database = Database(config.db_url)
    try:
        database.upgrade_schema()
    except Exception:
        database.dispose()
        raise
    return database


@contextlib.contextmanager
def _transaction(config: ServerConfig, write: bool = True) -> Iterator[Session]:
    """A session on the base; a reading one (`write=False`) leaves pushes free to go on."""
    database = _open(config)
    try:
        with database.write_session() if write else database.read_session() as session:
            yield session
    finally:
        database.dispose()


def _note(message: str) -> None:
    print(message, file=sys.stderr)


def _serve(args: argparse.Namespace, config: ServerConfig) -> int:
    import uvicorn

    from catalogue_app.logs import server_log_config
    from catalogue_app.regional.http_protocol import uvicorn_options

    if args.workers < 1:
        raise RegionalError("--workers must be 1 or more")
    config = dataclasses.replace(
        config, limits=dataclasses.replace(
            config.limits, blob_bytes=args.max_blob_bytes, museum_blob_bytes=args.museum_quota,
        ),
        public_url=args.public_url or listening_url(args.host, args.port),
        admin_email=args.admin_email, oai_keeper=args.oai_keeper, part=args.part,
    )
    os.umask(0o077)  # every file and folder the server makes: its own user's only
    # Upgrade once here, so worker processes never race to create the schema.
    _open(config).dispose()
    config.export_to_environment()
    if config.part == "public" and hasattr(os, "nice"):  # Unix
        # The worker processes inherit it: the desks' part started from the same session (a
        # shell, a container) goes first. Under systemd, where each service is a scheduling
        # group of its own, the unit's CPUWeight does it (deploy/catalogue-base-public.service).
        os.nice(PUBLIC_NICENESS)
    shown = make_url(config.db_url).render_as_string(hide_password=True)
    _note(f"regional base on {listening_url(args.host, args.port)} (database {shown}, images"
          f" {config.blobs}), public address {config.public_url}")
    if args.public_url is None and args.host not in ("127.0.0.1", "localhost", "::1"):
        _note("give --public-url: the portal's links and identifiers use the public address")
    uvicorn.run(
        "catalogue_app.regional.api:app_from_environment", factory=True, host=args.host,
        port=args.port, workers=args.workers, log_level="info",
        log_config=server_log_config(),  # JSON lines, in every worker process
        **uvicorn_options(),
    )
    return EXIT_OK


def _blobs_backup(args: argparse.Namespace, config: ServerConfig) -> int:
    from catalogue_app.regional import blob_backup
    from catalogue_app.regional.stores import open_store

    copied = blob_backup.backup(open_store(config.blobs), args.out)
    _note(f"backed up {copied} image files from {config.blobs} to {args.out}")
    return EXIT_OK


def _blobs_restore(args: argparse.Namespace, config: ServerConfig) -> int:
    from catalogue_app.regional import blob_backup
    from catalogue_app.regional.stores import open_store

    restored = blob_backup.restore(args.folder, open_store(config.blobs))
    _note(f"restored {restored} image files from {args.folder} into {config.blobs}")
    return EXIT_OK


def _museum_add(args: argparse.Namespace, config: ServerConfig) -> int:
    with _transaction(config) as session:
        admin.add_museum(session, args.code, args.name)
    _note(f"added museum {args.code}")
    return EXIT_OK


def _museum_list(args: argparse.Namespace, config: ServerConfig) -> int:
    with _transaction(config) as session:
        museums = admin.list_museums(session)
    for museum in museums:
        print(f"{museum.code}\t{museum.name}\t{museum.users} users\t{museum.records} records")
    if not museums:
        _note("no museums yet; add one with 'museum add CODE NAME'")
    return EXIT_OK


def _token_create(args: argparse.Namespace, config: ServerConfig) -> int:
    role = admin.Role(args.role) if args.role else None
    with _transaction(config) as session:
        token_id, token, notes = admin.create_token(
            session, args.museum, args.user, role, args.expires_in
        )
    for note in notes:
        _note(note)
    print(token)
    _note("keep this token now: it is shown only once")
    _note(f"token_id={token_id}")
    return EXIT_OK


def _token_list(args: argparse.Namespace, config: ServerConfig) -> int:
    with _transaction(config) as session:
        tokens = admin.list_tokens(session, args.museum)
    if args.json:
        print(json.dumps([dataclasses.asdict(t) for t in tokens], ensure_ascii=False))
        return EXIT_OK
    print("id\tmuseum\tuser\trole\tcreated\texpires\tlast used\trevoked")
    for t in tokens:
        print("\t".join(str(value) if value is not None else "-" for value in (
            t.id, t.museum, t.user, t.role, t.created_at, t.expires_at, t.last_used_at,
            t.revoked_at,
        )))
    return EXIT_OK


def _token_revoke(args: argparse.Namespace, config: ServerConfig) -> int:
    with _transaction(config) as session:
        admin.revoke_token(session, args.id)
    _note(f"revoked token {args.id}")
    return EXIT_OK


def _themes_import(args: argparse.Namespace, config: ServerConfig) -> int:
    document = shared.read_json_file(args.file)
    with _transaction(config) as session:
        counts = shared.import_themes(session, document, str(args.file))
    _note(f"themes from {args.file}: {counts}")
    return EXIT_OK


def _themes_export(args: argparse.Namespace, config: ServerConfig) -> int:
    with _transaction(config) as session:
        document = shared.export_themes(session)
    try:
        args.file.write_text(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as error:
        raise RegionalError(f"{args.file}: cannot write the file ({error})") from None
    _note(f"wrote {args.file}")
    return EXIT_OK


def _export_joconde(args: argparse.Namespace, config: ServerConfig) -> int:
    from catalogue_app.errors import CatalogueError
    from catalogue_app.exchange.export import new_notices_path
    from catalogue_app.regional.joconde_export import export_joconde

    try:
        with _transaction(config, write=False) as session:
            report = export_joconde(session, args.museum, args.out)
    except CatalogueError as error:  # the file could not be written
        raise RegionalError(error.message.text("en")) from None
    _note(f"wrote {report.written} records of museum {args.museum} to {args.out}")
    if report.new:
        _note(f"{len(report.new)} records without a Joconde reference: new notices in "
              f"{new_notices_path(args.out)}")
    for number, fields in report.incomplete:
        _note(f"{number}: left out, POP requires {', '.join(fields)}")
    return EXIT_OK


def _vocabularies_import(args: argparse.Namespace, config: ServerConfig) -> int:
    # Each file is read and checked before any is imported, then all land in one transaction.
    documents = [(path, shared.read_json_file(path)) for path in args.files]
    with _transaction(config) as session:
        for path, document in documents:
            vocabulary, counts = shared.import_vocabulary(session, document, str(path))
            _note(f"vocabulary {vocabulary} from {path}: {counts}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace, ServerConfig], int] = args.run
    try:
        return run(args, server_config(args))
    except RegionalError as error:
        _note(f"catalogue-base: {error.message}")
        return EXIT_REFUSED if error.status < 500 else EXIT_FATAL
    except Exception as error:  # a fatal error is reported in one line, not a traceback
        _note(f"catalogue-base: {type(error).__name__}: {error}")
        return EXIT_FATAL


if __name__ == "__main__":
    sys.exit(main())
