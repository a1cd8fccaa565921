"""A small TCP proxy for fault tests: forwards 127.0.0.1 connections to a target port that can change (a
restarted server), and can cut each connection after N bytes of reply, cut one connection once the client has sent N
bytes through the proxy (an upload cut before the server gets the chunk in flight), or delay every chunk (a slow
link)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class TcpProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.cut_after: int | None = None  # bytes of server → client data per connection, then the cable is cut
        self.cuts_left = 0  # how many connections to cut (then healthy again)
        self.delay_s = 0.0
        self.cut_count = 0
        self.cut_upload_after: int | None = None  # client → server bytes in all, then one connection is cut
        self.client_bytes = 0  # client → server bytes forwarded, all connections together
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=30)
        except OSError:
            client.close()
            return
        limit = None
        if self.cut_after is not None and self.cuts_left > 0:
            self.cuts_left -= 1
            limit = self.cut_after
        threading.Thread(target=self._pipe, args=(client, upstream, None, True), daemon=True).start()
        self._pipe(upstream, client, limit)

    def _upload_cut(self, size: int) -> bool:
        """Count ``size`` bytes the client sent; True when they pass the armed upload limit (then disarmed)."""
        with self._lock:
            self.client_bytes += size
            if self.cut_upload_after is None or self.client_bytes <= self.cut_upload_after:
                return False
            self.cut_upload_after = None
            self.cut_count += 1
            return True

    def _pipe(self, source: socket.socket, sink: socket.socket, limit: int | None, upload: bool = False) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(4096)
                if not data:
                    break
                if upload and self._upload_cut(len(data)):
                    break
                if self.delay_s:
                    time.sleep(self.delay_s)
                if limit is not None and sent + len(data) > limit:
                    sink.sendall(data[: max(0, limit - sent)])
                    self.cut_count += 1
                    break
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
