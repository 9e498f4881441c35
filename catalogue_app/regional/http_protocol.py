"""Uvicorn's HTTP protocol, with Nagle's algorithm off on every connection.

`serve --workers N` (N > 1) has uvicorn bind the shared socket without IPPROTO_TCP, so asyncio
does not recognise TCP and leaves Nagle's algorithm on: every answer on a kept-alive connection
then waits about 40 ms for the desk's delayed ACK (uvicorn issue #3149), several times what a
batch of 100 records costs the server."""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol


class NoDelayHTTPProtocol(AutoHTTPProtocol):
    def connection_made(self, transport: asyncio.Transport) -> None:
        connection = transport.get_extra_info("socket")
        if connection is not None and connection.family in (socket.AF_INET, socket.AF_INET6):
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
