"""/oai: the OAI-PMH 2.0 endpoint (GET and POST), one handler per verb.

Every answer is HTTP 200 with an OAI-PMH document (errors included, as the specification
says). The base's address and contact are the portal's (`serve --public-url/--admin-email`);
identifiers are `oai:{host of that address}:{record id}`."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from lxml import etree
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from starlette.responses import Response, StreamingResponse

from catalogue_app.exchange.lido import xml_text
from catalogue_app.regional.oai import log_queries, tokens
from catalogue_app.regional.oai.formats import FORMATS, XSI_NS
from catalogue_app.regional.oai.log_queries import Entry, Selection
from catalogue_app.regional.oai.requests import (
    SECONDS,
    OaiError,
    OaiRequest,
    Window,
    parse,
    window,
)
from catalogue_app.regional.oai.writer import Source, Writer, shared_seq
from catalogue_app.regional.portal.site import Site, site
from catalogue_app.regional.theme_tree import ThemeTree, theme_tree

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
SCHEMA_LOCATION = f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
REPOSITORY_NAME = "Collections des musées : base régionale"
PAGE_SIZE = {"ListRecords": 100, "ListIdentifiers": 250}
MAX_POST_BYTES = 16 * 1024
STREAMED_AT_ONCE = 20  # records per chunk of a streamed list (the first goes alone)
MEDIA_TYPE = "text/xml; charset=utf-8"
log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)


@router.get("/oai")
def oai_get(request: Request) -> Response:
    return _answer(request, request.query_params.multi_items())


@router.post("/oai")
async def oai_post(request: Request) -> Response:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_POST_BYTES:
            break
    try:
        if len(body) > MAX_POST_BYTES:
            raise OaiError("badArgument", f"a request body holds at most {MAX_POST_BYTES} bytes")
        items = parse_qsl(body.decode(), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        items = [("verb", "")]  # not a form: answered as a request without a verb
    except OaiError as error:
        return _document(_envelope(request, None, error))
    return await run_in_threadpool(_answer, request, items)


def _answer(request: Request, items: Sequence[tuple[str, str]]) -> Response:
    try:
        oai_request = parse(items)
    except OaiError as error:
        return _document(_envelope(request, None, error))
    portal = site(request)
    try:
        with portal.read() as session:
            answer = _VERBS[oai_request.verb](_Context(request, portal, session, oai_request))
    except OaiError as error:
        return _document(_envelope(request, oai_request, error))
    root = _envelope(request, oai_request)
    if isinstance(answer, _Listing):
        return StreamingResponse(answer.stream(root), media_type=MEDIA_TYPE)
    root.append(answer)
    return _document(root)


@dataclass(frozen=True)
class _Listing:
    """A list answer whose items are written while it is sent, after the database work: its
    first byte leaves at once and the server holds one chunk of it at a time."""

    verb: str
    items: Callable[[], Iterator[bytes]]
    resumption_token: etree._Element | None

    def stream(self, root: etree._Element) -> Iterator[bytes]:
        head = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        closing = b"</OAI-PMH>"
        yield head[:-len(closing)] + f"<{self.verb}>".encode()
        chunk: list[bytes] = []
        for n, item in enumerate(self.items()):
            chunk.append(item)
            if n % STREAMED_AT_ONCE == 0:
                yield b"".join(chunk)
                chunk = []
        if self.resumption_token is not None:
            chunk.append(etree.tostring(self.resumption_token, encoding="UTF-8",
                                        xml_declaration=False))
        yield b"".join(chunk) + f"</{self.verb}>".encode() + closing


class _Context:
    def __init__(self, request: Request, portal: Site, session: Session,
                 oai: OaiRequest) -> None:
        self.request = request
        self.portal = portal
        self.session = session
        self.oai = oai
        self.base = portal.absolute("")
        self.host = urlsplit(self.base).hostname or "localhost"
        self._tree: ThemeTree | None = None
        self._shared_seq = 0

    @property
    def tree(self) -> ThemeTree:
        """The theme tree, kept between requests until the portal changes."""
        return self._shared()[1]

    @property
    def shared_seq(self) -> int:
        """The shared data's change counter (themes, vocabulary terms)."""
        return self._shared()[0]

    def _shared(self) -> tuple[int, ThemeTree]:
        if self._tree is None:
            # Themes are shared data: the shared change counter moves when the tree does.
            self._shared_seq = shared_seq(self.session)
            self._tree = self.portal.kept("oai-themes", str(self._shared_seq),
                                          lambda: theme_tree(self.session))
        return self._shared_seq, self._tree

    @property
    def source(self) -> Source:
        return Source(self.portal.database, self.base, self.shared_seq, self.tree)

    def absolute(self, path: str) -> str:
        return self.base + path

    def identifier(self, record_id: str) -> str:
        return f"oai:{self.host}:{record_id}"

    def record_id(self, identifier: str) -> str:
        """The record of an identifier of this repository, or idDoesNotExist."""
        prefix = f"oai:{self.host}:"
        local = identifier[len(prefix):] if identifier.startswith(prefix) else ""
        try:
            return str(uuid.UUID(local)) if len(local) == 36 else _no_such(identifier)
        except ValueError:
            return _no_such(identifier)

    def metadata_format(self, prefix: str | None) -> str:
        if prefix not in FORMATS:
            raise OaiError("cannotDisseminateFormat", f"this repository has no metadata format"
                           f" {str(prefix)[:40]!r}; ListMetadataFormats lists them")
        return prefix


def _no_such(identifier: str) -> str:
    raise OaiError("idDoesNotExist", f"this repository has no item {identifier[:120]!r}")


# --- the verbs ---------------------------------------------------------------------------------


def _identify(context: _Context) -> etree._Element:
    identify = _element("Identify")
    _add(identify, "repositoryName", REPOSITORY_NAME)
    _add(identify, "baseURL", context.absolute("/oai"))
    _add(identify, "protocolVersion", "2.0")
    # The contact given to `serve --admin-email`; otherwise the mailbox every mail domain
    # must have (RFC 5321), so the document stays valid.
    _add(identify, "adminEmail", context.portal.admin_email or f"postmaster@{context.host}")
    earliest = log_queries.earliest_datestamp(context.session) or _now()
    _add(identify, "earliestDatestamp", earliest)
    _add(identify, "deletedRecord", "persistent")
    _add(identify, "granularity", SECONDS)
    return identify


def _list_metadata_formats(context: _Context) -> etree._Element:
    identifier = context.oai.get("identifier")
    if identifier is not None:
        record_id = context.record_id(identifier)
        if log_queries.entry(context.session, record_id, context.tree) is None:
            _no_such(identifier)
    answer = _element("ListMetadataFormats")
    for metadata_format in FORMATS.values():
        described = _add(answer, "metadataFormat")
        _add(described, "metadataPrefix", metadata_format.prefix)
        _add(described, "schema", metadata_format.schema)
        _add(described, "metadataNamespace", metadata_format.namespace)
    return answer


def _list_sets(context: _Context) -> etree._Element:
    if context.oai.get("resumptionToken") is not None:
        raise OaiError("badResumptionToken", "ListSets answers in one response: this"
                       " repository never issued a token for it")
    answer = _element("ListSets")
    specs = [(log_queries.MUSEUM, "Musées")]
    specs += [(f"{log_queries.MUSEUM}:{code}", name)
              for code, name in log_queries.museums(context.session)]
    specs.append((log_queries.THEME, "Collections thématiques"))
    tree = context.tree
    specs += [(f"{log_queries.THEME}:{theme_id}", tree.french_path(theme_id))
              for theme_id in tree.nodes]
    for spec, name in specs:
        described = _add(answer, "set")
        _add(described, "setSpec", spec)
        _add(described, "setName", name)
    return answer


def _get_record(context: _Context) -> etree._Element:
    identifier = context.oai.get("identifier") or ""
    prefix = context.metadata_format(context.oai.get("metadataPrefix"))
    found = log_queries.entry(context.session, context.record_id(identifier), context.tree)
    if found is None:
        _no_such(identifier)
    records = _Records(context, prefix, [found])
    record = etree.fromstring(b"".join(records.write()))
    answer = _element("GetRecord")
    answer.append(record)
    return answer


def _list(context: _Context) -> _Listing:
    verb = context.oai.verb
    session, tree = context.session, context.tree
    epoch, last = log_queries.log_state(session)
    given = context.oai.get("resumptionToken")
    if given is not None:
        token = tokens.decode(given, verb, epoch)
        selection = Selection(token.set, Window(token.start, token.end), token.bound)
    else:
        prefix = context.metadata_format(context.oai.get("metadataPrefix"))
        selection = Selection(context.oai.get("set"), window(context.oai), last)
        size = log_queries.count(session, selection, tree)
        if size == 0:
            raise OaiError("noRecordsMatch", "no record matches these arguments")
        token = tokens.Token(verb=verb, prefix=prefix, set=selection.set,
                             start=selection.window.start, end=selection.window.end, bound=last,
                             after=0, cursor=0, size=size, next_id="", epoch=epoch,
                             issued=int(time.time()))
    limit = PAGE_SIZE[verb]
    entries = log_queries.page(session, selection, tree, token.after, limit + 1)
    if not entries and given is not None:
        # What remained of the list all changed since the last page: the entry announced
        # then (never sent in this harvest) is sent as it is now, and the list ends.
        found = log_queries.entry(session, token.next_id, tree)
        entries = [found] if found is not None else []
    if not entries:
        raise OaiError("noRecordsMatch", "no record matches these arguments")
    more = len(entries) > limit
    announced = entries[limit].record_id if more else ""
    entries = entries[:limit]
    resumption = None
    if more or given is not None:
        resumption = _element("resumptionToken")
        resumption.set("completeListSize", str(token.size))
        resumption.set("cursor", str(token.cursor))
        if more:
            following = token.next(entries[-1].seq, len(entries), announced)
            resumption.text = following.encode()
            resumption.set("expirationDate", following.expires)
    if verb == "ListRecords":
        return _Listing(verb, _Records(context, token.prefix, entries).write, resumption)
    return _Listing(verb, lambda: (_bytes(_header(context, e)) for e in entries), resumption)


def _header(context: _Context, entry: Entry, deleted: bool = False) -> etree._Element:
    header = _element("header")
    if entry.deleted or deleted:
        header.set("status", "deleted")
    _add(header, "identifier", context.identifier(entry.record_id))
    _add(header, "datestamp", entry.datestamp)
    for spec in entry.set_specs:
        _add(header, "setSpec", spec)
    return header


class _Records:
    """The records of `entries` in one metadata format, their metadata from the one writer
    (writer.py); what it had to write is kept once the list is sent."""

    def __init__(self, context: _Context, prefix: str, entries: Sequence[Entry]) -> None:
        self.context = context
        self.entries = entries
        self.writer = Writer(context.session, context.source, prefix, entries)

    def write(self) -> Iterator[bytes]:
        for entry in self.entries:
            xml = self.writer.metadata(entry)
            header = _bytes(_header(self.context, entry, deleted=xml is None))
            if xml is None:
                yield _RECORD % (header, b"")
            else:
                yield _RECORD % (header, b"<metadata>" + xml + b"</metadata>")
        try:
            self.writer.keep()
        except SQLAlchemyError:  # the harvester has its answer: the next harvest writes again
            log.warning("could not keep the %s metadata of %d records", self.writer.prefix,
                        len(self.writer.written), exc_info=True)


_RECORD = f'<record xmlns="{OAI_NS}">'.encode() + b"%s%s</record>"


_VERBS = {
    "Identify": _identify,
    "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets,
    "GetRecord": _get_record,
    "ListIdentifiers": _list,
    "ListRecords": _list,
}


# --- the document ------------------------------------------------------------------------------


def _element(tag: str) -> etree._Element:
    return etree.Element(f"{{{OAI_NS}}}{tag}", nsmap={None: OAI_NS})


def _add(parent: etree._Element, tag: str, text: str | None = None,
         **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{OAI_NS}}}{tag}", attributes)
    if text is not None:  # a museum's name, an error's message: nothing lxml may refuse
        element.text = xml_text(text)
    return element


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _envelope(request: Request, oai: OaiRequest | None,
              error: OaiError | None = None) -> etree._Element:
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    _add(root, "responseDate", _now())
    echoed = _add(root, "request", site(request).absolute("/oai"))
    if oai is not None and (error is None or error.echoes_request):
        echoed.set("verb", oai.verb)
        for name, value in oai.arguments.items():
            echoed.set(name, value)
    if error is not None:
        _add(root, "error", error.message, code=error.code)
    return root


def _bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", xml_declaration=False)


def _document(root: etree._Element) -> Response:
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return Response(body, media_type=MEDIA_TYPE)
