"""Sliding-window rate limits per client address (enrolment attempts, authentication failures).

Kept in the worker's memory: each uvicorn worker counts on its own, so the effective limit is at most
`workers × limit`; that is enough to make guessing enrolment codes or tokens hopeless (both are 80+ random bits)
while keeping the database out of the hot path.
"""

from __future__ import annotations

import threading
import time
from collections import deque

__all__ = ["SlidingWindow"]


class SlidingWindow:
    def __init__(self, limit: int, window_s: float = 60.0) -> None:
        self.limit = limit
        self.window_s = window_s
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _trim(self, key: str, now: float) -> deque[float]:
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window_s:
            events.popleft()
        if not events:
            self._events.pop(key, None)
            events = self._events.setdefault(key, deque())
        return events

    def blocked(self, key: str) -> bool:
        """Whether `key` already used its budget in the window."""
        with self._lock:
            return len(self._trim(key, time.monotonic())) >= self.limit

    def hit(self, key: str) -> bool:
        """Count one event; `False` when it goes over the budget (the caller refuses with 429)."""
        with self._lock:
            events = self._trim(key, time.monotonic())
            if len(events) >= self.limit:
                return False
            events.append(time.monotonic())
            return True
