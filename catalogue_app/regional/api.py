"""The regional base's HTTP API (FastAPI). The wire format is specified in PROTOCOL.md.

Every handler derives the museum from the bearer token only, answers errors as
`{"error": "<English message>"}`, and runs its database work in one transaction."""

from __future__ import annotations

import logging
import math
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, StrictBool, StrictInt
from starlette.exceptions import HTTPException

from catalogue_app.regional import admin, feed, records
from catalogue_app.regional.admin import Caller, Role
from catalogue_app.regional.blobs import BlobStore, held_blobs
from catalogue_app.regional.config import ServerConfig
from catalogue_app.regional.errors import RegionalError
from catalogue_app.regional.limits import BodySizeLimit
from db.regional.engine import Database

PROTOCOL_MAJOR = 1
SHA256_PATTERN = r"^[0-9a-f]{64}$"
log = logging.getLogger(__name__)


# --- request bodies ---------------------------------------------------------------------------


class RecordIn(BaseModel):
    id: uuid.UUID
    base_version: Annotated[StrictInt, Field(ge=1, le=2**31 - 1)] | None = None
    fields: dict[str, Any]
    deleted: StrictBool = False


class BatchIn(BaseModel):
    records: list[RecordIn]


class TokenIn(BaseModel):
    user: Annotated[str, Field(min_length=1, max_length=200)]
    role: Role | None = None


class BlobCheckIn(BaseModel):
    sha256: Annotated[
        list[Annotated[str, Field(pattern=SHA256_PATTERN)]], Field(max_length=10_000)
    ]


Sha256 = Annotated[str, Path(pattern=SHA256_PATTERN, description="lowercase hex sha256")]


# --- dependencies -----------------------------------------------------------------------------


def check_protocol(
    catalogue_protocol: Annotated[str | None, Header(alias="Catalogue-Protocol")] = None,
) -> None:
    if catalogue_protocol is None:
        raise RegionalError(
            f"the Catalogue-Protocol header is missing; this server speaks protocol"
            f" {PROTOCOL_MAJOR}"
        )
    major = catalogue_protocol.strip().split(".")[0]
    if not (major.isascii() and major.isdigit() and len(major) < 6):
        raise RegionalError(
            f"Catalogue-Protocol {catalogue_protocol[:20]!r} is not a protocol version"
        )
    if int(major) != PROTOCOL_MAJOR:
        raise RegionalError(
            f"this regional base speaks protocol {PROTOCOL_MAJOR}, the application speaks"
            f" protocol {major}: update the"
            f" {'regional base' if int(major) > PROTOCOL_MAJOR else 'application'}",
            426,
        )


_bearer = HTTPBearer(auto_error=False)


class Services:
    def __init__(self, config: ServerConfig) -> None:
        self.database = Database(config.db_url)
        self.database.upgrade_schema()
        config.blob_dir.mkdir(parents=True, exist_ok=True)
        self.blobs = BlobStore(config.blob_dir)


def services(request: Request) -> Services:
    return request.app.state.services


def caller(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    svc: Annotated[Services, Depends(services)],
) -> Caller:
    if credentials is None:
        raise RegionalError("a bearer token is required (Authorization: Bearer <token>)", 401)
    with svc.database.read_session() as session:
        found = admin.authenticate(session, credentials.credentials)
    if found is None:
        raise RegionalError("this token is unknown or has been revoked", 401)
    return found


def editor(who: Annotated[Caller, Depends(caller)]) -> Caller:
    if not who.role.can_write:
        raise RegionalError(
            f"user {who.user} of museum {who.museum_code} may read but not change records", 403
        )
    return who


def museum_admin(who: Annotated[Caller, Depends(caller)]) -> Caller:
    if who.role is not Role.ADMIN:
        raise RegionalError(
            f"only an admin of museum {who.museum_code} may manage its users and tokens", 403
        )
    return who


CallerDep = Annotated[Caller, Depends(caller)]
AdminDep = Annotated[Caller, Depends(museum_admin)]
EditorDep = Annotated[Caller, Depends(editor)]
ServicesDep = Annotated[Services, Depends(services)]


# --- bad input that pydantic lets through -----------------------------------------------------


def reject_unstorable(value: Any, where: str) -> None:
    """Refuse what JSON allows but a database cannot store faithfully."""
    if isinstance(value, str):
        if "\x00" in value:
            raise RegionalError(f"{where}: text contains a NUL character, which cannot be stored")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise RegionalError(f"{where}: text contains an unpaired UTF-16 surrogate") from None
    elif isinstance(value, float) and not math.isfinite(value):
        raise RegionalError(f"{where}: {value} is not a number JSON can carry")
    elif isinstance(value, dict):
        for key, item in value.items():
            reject_unstorable(key, where)
            reject_unstorable(item, f"{where}.{key}")
    elif isinstance(value, list):
        for position, item in enumerate(value):
            reject_unstorable(item, f"{where}[{position}]")


# --- routes -----------------------------------------------------------------------------------

api = APIRouter(prefix="/api/v1", dependencies=[Depends(check_protocol)])


@api.get("/whoami")
def whoami(who: CallerDep) -> dict[str, Any]:
    return {
        "museum": {"code": who.museum_code, "name": who.museum_name},
        "user": who.user, "role": who.role.value, "protocol": PROTOCOL_MAJOR,
    }


@api.get("/users")
def list_users(who: AdminDep, svc: ServicesDep) -> dict[str, Any]:
    with svc.database.read_session() as session:
        return {"users": admin.list_users(session, who.museum_id)}


@api.post("/tokens")
def create_token(body: TokenIn, who: AdminDep, svc: ServicesDep) -> dict[str, Any]:
    """A token for a user of the admin's own museum (the user is created if needed)."""
    reject_unstorable(body.user, "user")
    with svc.database.write_session() as session:
        token_id, token, _notes = admin.create_token(
            session, who.museum_code, body.user, body.role
        )
    return {"token_id": token_id, "token": token}


@api.post("/tokens/{token_id}:revoke")
def revoke_token(
    token_id: Annotated[int, Path(ge=1, le=2**31 - 1)], who: AdminDep, svc: ServicesDep
) -> dict[str, Any]:
    with svc.database.write_session() as session:
        admin.revoke_token(session, token_id, who.museum_id)
    return {"token_id": token_id, "revoked": True}


@api.get("/changes")
def get_changes(
    who: CallerDep,
    svc: ServicesDep,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=feed.MAX_PAGE)] = feed.DEFAULT_PAGE,
) -> JSONResponse:
    with svc.database.read_session() as session:
        page = feed.changes(session, who, cursor, limit)
    # Returned as is: FastAPI's response validation would copy every record of the page.
    return JSONResponse(page)


@api.post("/records:batch")
def push_records(
    batch: BatchIn,
    who: EditorDep,
    svc: ServicesDep,
    idempotency_key: Annotated[
        str, Header(alias="Idempotency-Key", min_length=1, max_length=200)
    ],
) -> JSONResponse:
    for position, record in enumerate(batch.records):
        reject_unstorable(record.fields, f"records[{position}].fields")
    pushed = [
        records.PushedRecord(str(r.id), r.base_version, r.fields, r.deleted)
        for r in batch.records
    ]
    with svc.database.write_session() as session:
        answer = records.push_batch(session, who, idempotency_key, pushed)
    return JSONResponse(answer)


@api.get("/records/{record_id}")
def get_record(record_id: uuid.UUID, who: CallerDep, svc: ServicesDep) -> dict[str, Any]:
    with svc.database.read_session() as session:
        return records.get_record(session, who, str(record_id))


@api.post("/blobs:check")
def check_blobs(body: BlobCheckIn, who: CallerDep, svc: ServicesDep) -> dict[str, list[str]]:
    with svc.database.read_session() as session:
        held = held_blobs(session, who.museum_id, body.sha256)
    return {"missing": [h for h in dict.fromkeys(body.sha256) if h not in held]}


@api.get("/blobs/{sha256}/upload")
def upload_state(sha256: Sha256, who: EditorDep, svc: ServicesDep) -> dict[str, Any]:
    with svc.database.read_session() as session:
        complete = bool(held_blobs(session, who.museum_id, [sha256]))
    return {"offset": svc.blobs.received_offset(who.museum_id, sha256), "complete": complete}


@api.put(
    "/blobs/{sha256}/chunks/{offset}",
    openapi_extra={"requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }},
)
async def put_chunk(
    sha256: Sha256,
    offset: Annotated[int, Path(ge=0, le=2**62)],
    request: Request,
    who: EditorDep,
    svc: ServicesDep,
    chunk_sha256: Annotated[str, Header(alias="Chunk-SHA256", pattern=SHA256_PATTERN)],
) -> dict[str, int]:
    chunk = await request.body()
    new_offset = await run_in_threadpool(
        svc.blobs.write_chunk, who.museum_id, sha256, offset, chunk, chunk_sha256
    )
    return {"offset": new_offset}


@api.post("/blobs/{sha256}:finish")
def finish_blob(sha256: Sha256, who: EditorDep, svc: ServicesDep) -> dict[str, Any]:
    with svc.database.write_session() as session:
        size = svc.blobs.finish(session, who.museum_id, sha256)
    return {"sha256": sha256, "size": size}


@api.get("/blobs/{sha256}", response_class=FileResponse)
def download_blob(sha256: Sha256, who: CallerDep, svc: ServicesDep) -> FileResponse:
    with svc.database.read_session() as session:
        path = svc.blobs.readable_path(session, who.museum_id, sha256)
    return FileResponse(path, media_type="application/octet-stream")


# --- application ------------------------------------------------------------------------------


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(config: ServerConfig) -> FastAPI:
    app = FastAPI(
        title="Catalogue regional base",
        version=str(PROTOCOL_MAJOR),
        description="Sync API of the shared regional base; see PROTOCOL.md.",
    )
    app.state.services = Services(config)
    app.include_router(api)
    app.add_middleware(BodySizeLimit)

    @app.exception_handler(RegionalError)
    async def on_regional_error(_request: Request, error: RegionalError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
        return _error(error.status, error.message, headers)

    @app.exception_handler(HTTPException)
    async def on_http_error(_request: Request, error: HTTPException) -> JSONResponse:
        return _error(error.status_code, str(error.detail), error.headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(error))

    @app.exception_handler(RecursionError)
    async def on_too_deep(_request: Request, _error: RecursionError) -> JSONResponse:
        return _error(400, "the JSON body is nested too deeply")

    @app.exception_handler(Exception)
    async def on_bug(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error(500, "the regional base met an unexpected error; it has been logged")

    return app


def app_from_environment() -> FastAPI:
    """The app of one `serve --workers N` worker process (configured by `catalogue-base`)."""
    return create_app(ServerConfig.from_environment())


def close_app(app: FastAPI) -> None:
    """Release the database connections (tests drop their schema afterwards)."""
    app.state.services.database.dispose()
