"""Uvicorn's HTTP protocol (httptools), with the limits a server open to the network needs.

- Nagle's algorithm off on every connection: `serve --workers N` (N > 1) has uvicorn bind the
  shared socket without IPPROTO_TCP, so asyncio does not recognise TCP and leaves Nagle on;
  every answer on a kept-alive connection then waits about 40 ms for the desk's delayed ACK
  (uvicorn issue #3149), several times what a batch of 100 records costs the server.
- A size limit on the request line and headers (431): httptools has none, and collects a
  header by appending to bytes, so one 96 MB header held the whole server for 10 s.
- A time limit on them (the connection is closed): a client that opens connections and sends
  a byte now and then would otherwise hold them, and uvicorn's slots, forever.
- A bound on what is read of a body the app refused unread (token, declared size): uvicorn
  reads and parses all of it after the answer, so twenty clients sending 64 MB bodies kept the
  server reading a gigabyte a second. An HTTP client sends its whole body before it reads the
  answer, so a body declared within the limit is still taken (and dropped), as a desk whose
  token expired must read why; anything else is cut off after DRAIN_BYTES."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from catalogue_app.regional.limits import Limits

# Seconds a client has to send a request's line and headers, from its first byte (or from
# the connection, for the first request).
HEADER_TIMEOUT = 10.0
# Connections and requests in flight per worker process; beyond, uvicorn answers 503.
MAX_CONNECTIONS = 1000
# After a refusal the connection lingers, what the client still sends dropped unread, until
# the bytes it may still send have come or this many seconds pass: closing with bytes unread
# would reset the connection and destroy the answer before the client reads it.
LINGER_SECONDS = 15.0
DRAIN_BYTES = 1024 * 1024
_REFUSAL = b'{"error": "the request line and headers are larger than %d bytes",' \
           b' "code": "limit_exceeded", "limit": "header_bytes", "max": %d}'


class GuardedHTTPProtocol(HttpToolsProtocol):
    header_limit = Limits().header_bytes
    body_limit = Limits().body_bytes

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        connection = transport.get_extra_info("socket")
        if connection is not None and connection.family in (socket.AF_INET, socket.AF_INET6):
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
        self._awaiting_head = True
        self._head_bytes = 0
        self._head_timer: asyncio.TimerHandle | None = None
        self._refused = False
        self._body_bytes = 0
        self._drain_left = 0
        self._arm_head_timer()

    def data_received(self, data: bytes) -> None:
        if self._refused:
            self._drain_left -= len(data)
            if self._drain_left <= 0:
                self.transport.close()
            return
        if self._awaiting_head:
            self._head_bytes += len(data)
            if self._head_timer is None:
                self._arm_head_timer()
        super().data_received(data)
        # Counted only while the head is incomplete after parsing: body bytes that arrived
        # with the end of the head do not count.
        if self._awaiting_head and self._head_bytes > self.header_limit:
            self._refuse_head()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._awaiting_head = True
        self._body_bytes = 0

    def on_body(self, body: bytes) -> None:
        self._body_bytes += len(body)
        super().on_body(body)

    def on_headers_complete(self) -> None:
        self._awaiting_head = False
        self._head_bytes = 0
        self._disarm_head_timer()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        unread = self._unread_body_bytes() if self.cycle.more_body else 0
        self._awaiting_head = True  # the next request's, on a kept-alive connection
        super().on_response_complete()
        if unread and not self.transport.is_closing():
            self._close_lingering(unread)

    def _unread_body_bytes(self) -> int:
        """What to drop of a body the app answered before reading it all (a refusal)."""
        declared = dict(self.scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) <= self.body_limit:
            return int(declared) - self._body_bytes
        return DRAIN_BYTES

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        self._head_timer = self.loop.call_later(HEADER_TIMEOUT, self._head_too_slow)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self._awaiting_head and not self.transport.is_closing():
            self.transport.close()

    def _refuse_head(self) -> None:
        body = _REFUSAL % (self.header_limit, self.header_limit)
        self.transport.write(
            b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\n"
            b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(body), body)
        )
        self._close_lingering(DRAIN_BYTES)

    def _close_lingering(self, drop_bytes: int) -> None:
        """Close after the answer written so far, once `drop_bytes` more have come and been
        dropped, or LINGER_SECONDS have passed."""
        self._refused = True
        self._drain_left = drop_bytes
        self._disarm_head_timer()
        self._unset_keepalive_if_required()  # its 5 s would cut a slow client's body short
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER_SECONDS, self.transport.close)


def uvicorn_options() -> dict[str, Any]:
    """What `serve` and the tests' server give uvicorn, so tests run what production runs."""
    return {
        "http": GuardedHTTPProtocol, "limit_concurrency": MAX_CONNECTIONS,
        "timeout_keep_alive": 5, "server_header": False,
    }
