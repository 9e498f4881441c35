"""A TCP proxy on loopback that breaks HTTP exchanges on purpose.

It relays one request at a time (each forwarded on a fresh upstream connection asked to
close), and the request whose number is in `faults` meets that fault instead of a clean relay:
the connection dropped half-way through the request or the response, a stall past the
client's timeout, a 500/502/503 answer, or the request delivered twice to the server; or the
next request to a given path meets one. It keeps the head of every request it relayed, and can
strip a header on the way, or answer 404 to paths (to play a server that does not know them,
of an earlier protocol version)."""

from __future__ import annotations

import socket
import threading
import time

DROP_REQUEST, DROP_RESPONSE, STALL, DUPLICATE = "drop-request", "drop-response", "stall", \
    "duplicate"
FAULTS = (DROP_REQUEST, DROP_RESPONSE, STALL, DUPLICATE, 500, 502, 503)


class FaultyProxy:
    def __init__(self, upstream_port: int, stall_seconds: float = 3.0) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.stall_seconds = stall_seconds
        self.faults: dict[int, str | int] = {}  # request number -> fault
        self.requests = 0
        self.heads: list[str] = []  # each request's line and headers, in order
        self.stripped_headers: set[bytes] = set()  # lower-case names removed on the way
        self.unknown_paths: set[bytes] = set()  # path prefixes answered as unknown (404)
        self._path_faults: dict[bytes, str | int] = {}  # path prefix -> fault, once
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def inject(self, number: int, fault: str | int) -> None:
        """Apply `fault` to the request with this number (counted from now, from 0)."""
        with self._lock:
            self.faults = {self.requests + number: fault}

    def inject_on(self, path: str, fault: str | int) -> None:
        """Apply `fault` to the next request whose path starts with `path`."""
        with self._lock:
            self._path_faults[path.encode()] = fault

    def heal(self) -> None:
        """No more faults: relay every request cleanly."""
        with self._lock:
            self.faults = {}

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        buffer = b""
        try:
            while True:
                request, buffer = _read_request(client, buffer)
                if request is None:
                    return
                with self._lock:
                    number = self.requests
                    self.requests += 1
                    fault = self.faults.pop(number, None)
                    self.heads.append(request.partition(b"\r\n\r\n")[0].decode("latin-1"))
                    path = request.split(b" ", 2)[1]
                    for prefix in list(self._path_faults):
                        if path.startswith(prefix):
                            fault = self._path_faults.pop(prefix)
                    if any(path.startswith(prefix) for prefix in self.unknown_paths):
                        fault = 404
                request = _closing(request, self.stripped_headers)
                if not self._relay(client, request, fault):
                    return
        except OSError:
            pass
        finally:
            client.close()

    def _relay(self, client: socket.socket, request: bytes, fault: str | int | None) -> bool:
        """Answer one request; return whether the client connection stays open."""
        if isinstance(fault, int):
            body = (b'{"error": "Not Found", "code": "not_found"}' if fault == 404
                    else b'{"error": "injected failure"}')
            client.sendall(b"HTTP/1.1 %d Injected\r\nContent-Type: application/json\r\n"
                           b"Content-Length: %d\r\nConnection: close\r\n\r\n%s"
                           % (fault, len(body), body))
            return False
        if fault == STALL:
            time.sleep(self.stall_seconds)
            return False
        if fault == DROP_REQUEST:
            with socket.create_connection(self.upstream) as upstream:
                upstream.sendall(request[: len(request) // 2])
            return False
        response = self._forward(request)
        if fault == DUPLICATE:
            response = self._forward(request)
        if fault == DROP_RESPONSE:
            client.sendall(response[: len(response) // 2])
            return False
        client.sendall(response)
        return False  # the upstream answered "Connection: close"

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self.upstream) as upstream:
            upstream.sendall(request)
            chunks = []
            while block := upstream.recv(1 << 16):
                chunks.append(block)
        return b"".join(chunks)


def _read_request(client: socket.socket, buffer: bytes) -> tuple[bytes | None, bytes]:
    while b"\r\n\r\n" not in buffer:
        block = client.recv(1 << 16)
        if not block:
            return None, b""
        buffer += block
    head, _, rest = buffer.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        block = client.recv(1 << 16)
        if not block:
            return None, b""
        rest += block
    return head + b"\r\n\r\n" + rest[:length], rest[length:]


def _closing(request: bytes, stripped: set[bytes]) -> bytes:
    """The request with `Connection: close`, so the upstream's answer ends at EOF, and
    without the `stripped` headers."""
    head, _, body = request.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n")
             if line.partition(b":")[0].strip().lower() not in {b"connection", *stripped}]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body
