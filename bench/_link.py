"""An emulated rural link between a client and the server, as a TCP proxy on 127.0.0.1: a bandwidth cap per
direction (token bucket), a fixed one-way delay (half the round trip), and packet loss emulated the way TCP feels it
— each lost 1,460-byte segment holds the stream for a retransmission timeout. Real loss would be ``tc netem`` in a
network namespace; this keeps the benchmark runnable without root or kernel modules, and its effects (throughput
collapse on loss, latency per round trip) are the ones that matter for sync."""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from dataclasses import dataclass
from queue import Queue

SEGMENT = 1460


@dataclass(frozen=True)
class LinkProfile:
    kbit_s: float = 256.0
    rtt_ms: float = 300.0
    loss: float = 0.02
    rto_ms: float = 500.0  # Linux's minimum RTO (200 ms) plus a round trip, roughly

    @property
    def bytes_per_s(self) -> float:
        return self.kbit_s * 1000 / 8


class EmulatedLink:
    def __init__(self, target_port: int, profile: LinkProfile, seed: int = 7) -> None:
        self.target_port = target_port
        self.profile = profile
        self.random = random.Random(seed)
        self.bytes = {"up": 0, "down": 0}
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=60)
        threading.Thread(target=self._pipe, args=(client, upstream, "up"), daemon=True).start()
        self._pipe(upstream, client, "down")

    def _pipe(self, source: socket.socket, sink: socket.socket, direction: str) -> None:
        """Reader side: stamp each segment with the time it leaves the far end of the wire; a writer thread
        delivers it then. Delay is pipelined (segments in flight overlap), bandwidth and loss are serial."""
        p = self.profile
        queue: Queue[tuple[float, bytes] | None] = Queue()
        writer = threading.Thread(target=self._deliver, args=(queue, sink, direction), daemon=True)
        writer.start()
        free_at = time.monotonic()  # when the (emulated) wire is free again in this direction
        try:
            while True:
                data = source.recv(SEGMENT)
                if not data:
                    break
                wire = len(data) / p.bytes_per_s
                if self.random.random() < p.loss:
                    wire += p.rto_ms / 1000
                free_at = max(time.monotonic(), free_at) + wire
                queue.put((free_at + p.rtt_ms / 2000, data))
        except OSError:
            pass
        finally:
            queue.put(None)
            writer.join(timeout=120)
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def _deliver(self, queue: Queue[tuple[float, bytes] | None], sink: socket.socket, direction: str) -> None:
        try:
            while (item := queue.get()) is not None:
                at, data = item
                time.sleep(max(0.0, at - time.monotonic()))
                sink.sendall(data)
                with self._lock:
                    self.bytes[direction] += len(data)
        except OSError:
            pass
