"""The regional base's HTTP API (FastAPI). The wire format is specified in PROTOCOL.md.

Every handler derives the museum from the bearer token only (checked before the body is read:
gate.py), answers errors in one shape (errors.py), and runs its database work in one
transaction."""

from __future__ import annotations

import gc
import logging
import pathlib
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError
from sqlalchemy import make_url
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response

from catalogue_app.protocol import (
    DEFAULT_FEED_PAGE,
    DOCUMENT_KIND_PATTERN,
    DOCUMENT_TIME_PATTERN,
    FEED_ENTRY_KINDS,
    MAX_BLOB_CHECK,
    MAX_FEED_PAGE,
    MAX_MUSEUM_OWNER_CHARS,
    MAX_MUSEUM_PRESENTATION_CHARS,
    MAX_MUSEUM_TOWN_CHARS,
    PROTOCOL_MAJOR,
    PROTOCOL_VERSION,
    SHA256_PATTERN,
)
from catalogue_app.regional import admin, documents, feed, iiif, portal_index, records
from catalogue_app.regional.admin import Caller, Role
from catalogue_app.regional.background import NoteRequests, Requests
from catalogue_app.regional.blobs import BlobStore, held_blobs
from catalogue_app.regional.byte_ranges import byte_range
from catalogue_app.regional.config import ServerConfig
from catalogue_app.regional.derivatives import DerivativeWorker
from catalogue_app.regional.errors import RegionalError, Unavailable
from catalogue_app.regional.gate import CALLER_STATE, RequestGate
from catalogue_app.regional.json_bodies import FastJSONResponse, StorableJSONRoute, error_response
from catalogue_app.regional.nul_characters import RefuseNulCharacters
from catalogue_app.regional.oai import routes as oai_routes
from catalogue_app.regional.oai.keeper import MetadataKeeper
from catalogue_app.regional.observability import RequestMetrics, probes
from catalogue_app.regional.outages import Deadline
from catalogue_app.regional.portal import pages, public_api
from catalogue_app.regional.portal.compression import PortalCompression
from catalogue_app.regional.portal.site import Site
from catalogue_app.regional.portal.templates import STATIC_DIR
from catalogue_app.regional.security_headers import SecurityHeaders
from catalogue_app.regional.stores import open_store
from db.regional.engine import DATABASE_DOWN, Database

log = logging.getLogger(__name__)


# --- request bodies ---------------------------------------------------------------------------


def _json_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PydanticCustomError("dict_type", "Input should be a valid dictionary")
    return value


# Only checked to be an object: `dict[str, Any]` would copy every record's fields item by item.
JSONObject = Annotated[
    dict[str, Any],
    PlainValidator(_json_object),
    WithJsonSchema({"type": "object", "additionalProperties": True}),
]


class RecordIn(BaseModel):
    id: uuid.UUID
    base_version: Annotated[StrictInt, Field(ge=1, le=2**31 - 1)] | None = None
    fields: JSONObject
    deleted: StrictBool = False


class BatchIn(BaseModel):
    records: list[RecordIn]


def _document_kind(kind: str) -> str:
    if kind in FEED_ENTRY_KINDS:
        raise PydanticCustomError(
            "reserved_kind", "{kind!r} is a kind of the feed's own entries, not a document"
            " kind", {"kind": kind})
    return kind


def _document_time(text: str) -> str:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError("invalid_time", "not a date and time") from None
    return text


DocumentKind = Annotated[str, Field(pattern=DOCUMENT_KIND_PATTERN), AfterValidator(_document_kind)]


class DocumentIn(BaseModel):
    kind: DocumentKind
    id: uuid.UUID
    modified_at: Annotated[str, Field(pattern=DOCUMENT_TIME_PATTERN),
                           AfterValidator(_document_time)]
    deleted: StrictBool = False
    body: JSONObject


class DocumentBatchIn(BaseModel):
    documents: list[DocumentIn]


class TokenIn(BaseModel):
    user: Annotated[str, Field(min_length=1, max_length=200)]
    role: Role | None = None
    expires_in_days: Annotated[StrictInt, Field(ge=1, le=admin.MAX_TOKEN_DAYS)] | None = None


class BlobCheckIn(BaseModel):
    sha256: Annotated[
        list[Annotated[str, Field(pattern=SHA256_PATTERN)]], Field(max_length=MAX_BLOB_CHECK)
    ]


Sha256 = Annotated[str, Path(pattern=SHA256_PATTERN, description="lowercase hex sha256")]
IdempotencyKey = Annotated[str, Header(alias="Idempotency-Key", min_length=1, max_length=200)]


# --- dependencies -----------------------------------------------------------------------------
# Those without database work are `async`: FastAPI runs them on the event loop instead of handing
# each to a worker thread and back.


async def check_protocol(
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


class MuseumPageIn(BaseModel):
    town: Annotated[str, Field(max_length=MAX_MUSEUM_TOWN_CHARS)] = ""
    presentation: Annotated[str, Field(max_length=MAX_MUSEUM_PRESENTATION_CHARS)] = ""


class MuseumDetailsIn(BaseModel):
    """What a desk changed of the museum's own words (a detail left out stays as it is)."""

    owner: Annotated[str | None, Field(max_length=MAX_MUSEUM_OWNER_CHARS)] = None
    town: Annotated[str | None, Field(max_length=MAX_MUSEUM_TOWN_CHARS)] = None
    presentation: Annotated[str | None, Field(max_length=MAX_MUSEUM_PRESENTATION_CHARS)] = None


class Services:
    def __init__(self, config: ServerConfig) -> None:
        self.limits = config.limits
        self.database = Database(config.db_url, serving=True)
        self.database.upgrade_schema()
        self.blobs = BlobStore(open_store(config.blobs), self.database, config.limits)
        keep_private(config)
        with self.database.write_session() as session:
            portal_index.build_if_needed(session)
        # What the server answers goes first: the keeper waits for its process to be quiet.
        self.requests = Requests()
        self.keeper = MetadataKeeper(self.database, config.public_url, requests=self.requests)
        self.derivatives = DerivativeWorker(self.database, self.blobs, made=self.keeper.wake)
        self.keeps_oai_metadata = config.oai_keeper

    def authenticate(self, token: str) -> Caller:
        with self.database.read_session() as session:
            found = admin.authenticate(session, token)
        if found is None:
            raise RegionalError("this token is unknown, revoked or expired", 401)
        if admin.use_is_stale(found):
            with self.database.write_session() as session:
                admin.note_use(session, found.token_id)
        return found


def keep_private(config: ServerConfig) -> None:
    """The base's database readable by its own user only (a blob folder is made so by its
    store, stores/files.py)."""
    url = make_url(config.db_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        database = pathlib.Path(url.database)
        for path in (database, *database.parent.glob(f"{database.name}-*")):
            path.chmod(0o600)


async def services(request: Request) -> Services:
    return request.app.state.services


def may_write(who: Caller) -> Caller:
    if not who.role.can_write:
        raise RegionalError(
            f"user {who.user} of museum {who.museum_code} may read but not change records", 403
        )
    return who


async def caller(
    request: Request,
    _declared: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    """The caller the gate authenticated (`_declared` puts the scheme in the OpenAPI document)."""
    return request.scope["state"][CALLER_STATE]


async def editor(who: Annotated[Caller, Depends(caller)]) -> Caller:
    return may_write(who)


async def museum_admin(who: Annotated[Caller, Depends(caller)]) -> Caller:
    if who.role is not Role.ADMIN:
        raise RegionalError(
            f"only an admin of museum {who.museum_code} may manage its users and tokens", 403
        )
    return who


CallerDep = Annotated[Caller, Depends(caller)]
AdminDep = Annotated[Caller, Depends(museum_admin)]
EditorDep = Annotated[Caller, Depends(editor)]
ServicesDep = Annotated[Services, Depends(services)]


# --- routes -----------------------------------------------------------------------------------


class ErrorOut(BaseModel):
    """Every error answer (errors.py); `limit` and `max` when a published limit was passed."""

    error: str
    code: str
    limit: str | None = None
    max: int | None = None


_ERROR = {"model": ErrorOut}
# What any call under /api/ may get besides its own answer.
DECLARED_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {**_ERROR, "description": description} for status, description in (
        (400, "malformed request, or a JSON body nested past the limit"),
        (401, "no token, or an unknown or revoked one"),
        (403, "the token's role may not do this"),
        (404, "no such thing in the caller's museum"),
        (413, "a body, batch, chunk or image past its limit"),
        (422, "invalid parameters or body"),
        (426, "another protocol version"),
        (431, "request line and headers past their limit"),
        (503, "the database does not answer: retry after Retry-After seconds"),
    )
}

_UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    409: {**_ERROR, "description": "the chunk does not start where the upload stands, or"
          " the upload is being checked by another request"},
    507: {**_ERROR, "description": "the museum's quota is full, or the store's disk"},
}


api = APIRouter(
    prefix="/api/v1", dependencies=[Depends(check_protocol)], route_class=StorableJSONRoute,
    responses=DECLARED_ERRORS,
)


@api.get("/whoami")
async def whoami(who: CallerDep, svc: ServicesDep) -> dict[str, Any]:
    return {
        "museum": {"code": who.museum_code, "name": who.museum_name},
        "user": who.user, "role": who.role.value, "protocol": PROTOCOL_VERSION,
        "limits": svc.limits.published(),
    }


@api.get("/users")
def list_users(who: AdminDep, svc: ServicesDep) -> dict[str, Any]:
    with svc.database.read_session() as session:
        return {"users": admin.list_users(session, who.museum_id)}


@api.post("/tokens")
def create_token(body: TokenIn, who: AdminDep, svc: ServicesDep) -> dict[str, Any]:
    """A token for a user of the admin's own museum (the user is created if needed)."""
    with svc.database.write_session() as session:
        token_id, token, _notes = admin.create_token(
            session, who.museum_code, body.user, body.role, body.expires_in_days
        )
    return {"token_id": token_id, "token": token}


@api.post("/tokens/{token_id}:revoke")
def revoke_token(
    token_id: Annotated[int, Path(ge=1, le=2**31 - 1)], who: AdminDep, svc: ServicesDep
) -> dict[str, Any]:
    with svc.database.write_session() as session:
        admin.revoke_token(session, token_id, who.museum_id)
    return {"token_id": token_id, "revoked": True}


@api.put("/museum/page")
def set_museum_page(body: MuseumPageIn, who: AdminDep, svc: ServicesDep) -> dict[str, Any]:
    """The museum's town and short presentation on the public portal (its admins only)."""
    with svc.database.write_session() as session:
        museum = admin.set_museum_details(session, who.museum_id, town=body.town,
                                          presentation=body.presentation)
        return {"museum": who.museum_code, "town": museum.town,
                "presentation": museum.presentation}


@api.put("/museum/details")
def set_museum_details(body: MuseumDetailsIn, who: EditorDep, svc: ServicesDep
                       ) -> dict[str, Any]:
    """The museum's own words as its desks keep them (`catalogue-app museum set`, the museum
    dialog): who owns its collections, its town and its presentation, those given (editors
    and admins); the answer holds all three as stored."""
    with svc.database.write_session() as session:
        museum = admin.set_museum_details(session, who.museum_id, owner=body.owner,
                                          town=body.town, presentation=body.presentation)
        return {"museum": who.museum_code, "owner": museum.owner, "town": museum.town,
                "presentation": museum.presentation}


@api.get("/changes")
def get_changes(
    who: CallerDep,
    svc: ServicesDep,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_FEED_PAGE)] = DEFAULT_FEED_PAGE,
) -> FastJSONResponse:
    with svc.database.read_session() as session:
        page = feed.changes(session, who, cursor, limit, svc.limits.page_bytes)
    # Returned as is: FastAPI's response validation would copy every record of the page.
    return FastJSONResponse(page)


@api.post("/records:batch")
def push_records(
    batch: BatchIn,
    who: EditorDep,
    svc: ServicesDep,
    idempotency_key: IdempotencyKey,
) -> FastJSONResponse:
    pushed = [
        records.PushedRecord(str(r.id), r.base_version, r.fields, r.deleted)
        for r in batch.records
    ]
    with svc.database.write_session() as session:
        answer = records.push_batch(session, who, idempotency_key, pushed, svc.limits)
    svc.derivatives.wake()  # newly published images get their public derivatives
    svc.keeper.wake()  # and published records their OAI-PMH metadata
    return FastJSONResponse(answer)


@api.post("/documents:batch")
def push_documents(
    batch: DocumentBatchIn,
    who: EditorDep,
    svc: ServicesDep,
    idempotency_key: IdempotencyKey,
) -> FastJSONResponse:
    """The museum's own documents (locations, récolement campaigns...), last writer wins."""
    pushed = [
        documents.PushedDocument(d.kind, str(d.id), d.modified_at, d.deleted, d.body)
        for d in batch.documents
    ]
    with svc.database.write_session() as session:
        answer = documents.push_documents(session, who, idempotency_key, pushed, svc.limits)
    return FastJSONResponse(answer)


@api.get("/documents")
def get_documents(
    who: CallerDep,
    svc: ServicesDep,
    kind: Annotated[str, Query(pattern=DOCUMENT_KIND_PATTERN)],
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_FEED_PAGE)] = DEFAULT_FEED_PAGE,
) -> FastJSONResponse:
    """Every document of one kind, from the beginning: for a desk that has just learnt it."""
    with svc.database.read_session() as session:
        page = feed.documents_of_kind(session, who, kind, cursor, limit, svc.limits.page_bytes)
    return FastJSONResponse(page)


@api.get("/records/{record_id}")
def get_record(record_id: uuid.UUID, who: CallerDep, svc: ServicesDep) -> FastJSONResponse:
    with svc.database.read_session() as session:
        record = records.get_record(session, who, str(record_id))
    # Returned as is: FastAPI's serialisation stops at a depth a record's fields may exceed.
    return FastJSONResponse(record)


@api.post("/blobs:check")
def check_blobs(body: BlobCheckIn, who: CallerDep, svc: ServicesDep) -> dict[str, list[str]]:
    with svc.database.read_session() as session:
        held = held_blobs(session, who.museum_id, body.sha256)
    return {"missing": [h for h in dict.fromkeys(body.sha256) if h not in held]}


@api.get("/blobs/{sha256}/upload")
def upload_state(sha256: Sha256, who: EditorDep, svc: ServicesDep) -> dict[str, Any]:
    with svc.database.read_session() as session:
        complete = bool(held_blobs(session, who.museum_id, [sha256]))
        offset = svc.blobs.received_offset(session, who.museum_id, sha256)
    return {"offset": offset, "complete": complete}


@api.put(
    "/blobs/{sha256}/chunks/{offset}", responses=_UPLOAD_ERRORS,
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
    return {"offset": await run_in_threadpool(
        svc.blobs.write_chunk, who.museum_id, sha256, offset, chunk, chunk_sha256)}


@api.post("/blobs/{sha256}:finish", responses=_UPLOAD_ERRORS)
def finish_blob(sha256: Sha256, who: EditorDep, svc: ServicesDep) -> dict[str, Any]:
    return {"sha256": sha256, "size": svc.blobs.finish(who.museum_id, sha256)}


@api.get("/blobs/{sha256}", response_class=StreamingResponse, responses={
    206: {"description": "the bytes asked for with `Range: bytes=START-[END]`"},
    416: {**_ERROR, "description": "the range starts past the original's end"},
})
def download_blob(
    sha256: Sha256, who: CallerDep, svc: ServicesDep,
    asked: Annotated[str | None, Header(alias="Range")] = None,
) -> Response:
    """The original, whole or from a byte range (a desk resumes a dropped download)."""
    with svc.database.read_session() as session:
        size = svc.blobs.readable_size(session, who.museum_id, sha256)
    span = byte_range(asked, size)
    if span is None:
        return StreamingResponse(svc.blobs.stream(sha256, 0, size - 1),
                                 media_type="application/octet-stream",
                                 headers={"Content-Length": str(size), "Accept-Ranges": "bytes"})
    start, end = span
    return StreamingResponse(
        svc.blobs.stream(sha256, start, end), status_code=206,
        media_type="application/octet-stream",
        headers={"Content-Length": str(end - start + 1), "Accept-Ranges": "bytes",
                 "Content-Range": f"bytes {start}-{end}/{size}"})


# --- application ------------------------------------------------------------------------------


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        loc = list(item.get("loc", ()))
        if loc[:1] == ["body"]:  # the request's body; a document's own `body` stays named
            loc = loc[1:]
        where = ".".join(str(p) for p in loc) or "request"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(config: ServerConfig) -> FastAPI:
    app = FastAPI(
        title="Catalogue regional base",
        version=PROTOCOL_VERSION,
        description="Sync API of the shared regional base; see PROTOCOL.md.",
        default_response_class=FastJSONResponse,
        # A redirect would build its Location from the Host header a caller sends.
        redirect_slashes=False,
        # FastAPI's pages load their scripts from a CDN; /openapi.json stays.
        docs_url=None, redoc_url=None,
    )
    services = Services(config)
    app.state.services = services
    app.include_router(probes)
    if config.serves_desks:
        app.include_router(api)
    if config.serves_public:
        _serve_the_public(app, services, config)
    # Outermost last: the gate checks size and token before anything reads the body.
    app.add_middleware(Deadline)
    if config.serves_public:  # where the background work runs
        app.add_middleware(NoteRequests, requests=services.requests)
    app.add_middleware(RequestGate, authenticate=services.authenticate, limits=config.limits)
    app.add_middleware(RefuseNulCharacters)
    app.add_middleware(RequestMetrics)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RegionalError)
    async def on_regional_error(_request: Request, error: RegionalError) -> FastJSONResponse:
        return error_response(error)

    @app.exception_handler(HTTPException)
    async def on_http_error(_request: Request, error: HTTPException) -> FastJSONResponse:
        # Starlette's own: an unknown path (404), a method the path does not take (405).
        return error_response(RegionalError(str(error.detail), error.status_code))

    @app.exception_handler(RequestValidationError)
    async def on_invalid_request(
        _request: Request, error: RequestValidationError
    ) -> FastJSONResponse:
        return error_response(RegionalError(_validation_message(error), 422))

    @app.exception_handler(RecursionError)
    async def on_too_deep(_request: Request, _exc: RecursionError) -> FastJSONResponse:
        return error_response(RegionalError("the JSON body is nested too deeply"))

    for database_down in DATABASE_DOWN:
        @app.exception_handler(database_down)
        async def on_database_down(request: Request, exc: Exception) -> FastJSONResponse:
            log.warning("database unavailable on %s %s: %s", request.method, request.url.path,
                        exc)
            return error_response(Unavailable("database"))

    @app.exception_handler(ClientDisconnect)
    async def on_caller_gone(request: Request, _exc: ClientDisconnect) -> Response:
        # The caller hung up mid-body (a desk losing its network mid-chunk): nothing was stored,
        # the upload resumes from the offset the server reports, and nobody awaits an answer.
        log.info("caller disconnected during %s %s", request.method, request.url.path)
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def on_bug(request: Request, _exc: Exception) -> FastJSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(RegionalError(
            "the regional base met an unexpected error; it has been logged", 500
        ))

    return app


def _serve_the_public(app: FastAPI, services: Services, config: ServerConfig) -> None:
    """The portal, the public API and images, OAI-PMH and IIIF, and the work that prepares
    them in the background (derivatives, OAI-PMH metadata)."""
    # The public address and contact: `serve --public-url/--admin-email`, never a Host header.
    app.state.site = Site(services.database, services.blobs, config.public_url,
                          config.admin_email)
    app.include_router(public_api.router)
    app.include_router(public_api.images)
    app.include_router(pages.router)
    app.include_router(oai_routes.router)
    app.include_router(iiif.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(PortalCompression)
    services.derivatives.start()
    if services.keeps_oai_metadata:
        services.keeper.start()


def app_from_environment() -> FastAPI:
    """The app of one `serve --workers N` worker process (configured by `catalogue-base`)."""
    # A batch parses into some 5,000 dicts and lists, acyclic and short-lived, while dozens are
    # in flight: at Python's default threshold (700) the collector ran twice per batch and
    # often walked every live object, a third of the CPU a push took.
    gc.set_threshold(50_000)
    return create_app(ServerConfig.from_environment())


def close_app(app: FastAPI) -> None:
    """Stop the background workers and release the database connections (tests drop their
    schema afterwards)."""
    app.state.services.derivatives.stop()
    app.state.services.keeper.stop()
    app.state.services.database.dispose()
