"""A TCP relay on loopback between the regional base and its PostgreSQL or its S3 store, to
play one that goes down (connections cut, new ones refused) or stops answering (bytes held)."""

from __future__ import annotations

import contextlib
import socket
import threading


class TcpRelay:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._flowing = threading.Event()
        self._flowing.set()
        self.holding = threading.Event()  # set once bytes wait while frozen
        self._down = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def go_down(self) -> None:
        """Cut every connection and refuse new ones, as a stopped database does."""
        with self._lock:
            self._down = True
            for sock in self._sockets:
                _close(sock)
            self._sockets.clear()

    def freeze(self) -> None:
        """Hold every byte: connections stay open and nothing answers (a hung database)."""
        self._flowing.clear()

    def recover(self) -> None:
        with self._lock:
            self._down = False
        self._flowing.set()

    def close(self) -> None:
        self.go_down()
        self._flowing.set()
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                if self._down:
                    _close(client)
                    continue
                try:
                    server = socket.create_connection(self.upstream)
                except OSError:
                    _close(client)
                    continue
                self._sockets += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    def _pipe(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while block := source.recv(1 << 16):
                if not self._flowing.is_set():
                    self.holding.set()
                self._flowing.wait()
                target.sendall(block)
        except OSError:
            pass
        _close(target)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
