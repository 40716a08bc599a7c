"""How a site is doing: back-off before retries (Retry-After honoured), a pause for the whole host when it
asks for one (429/503 with Retry-After), and a circuit breaker that stops the crawl of a site that only
fails, so an audit never hammers a struggling agency server.
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass

from model.failures import Failure

# Outcomes that say the site (or the way to it) is in trouble; a 404 is an answer, not a fault.
FAULT_STATUSES = {401, 403, 408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
FAULT_FAILURES = {Failure.TIMEOUT, Failure.RESET, Failure.REFUSED, Failure.TLS, Failure.DNS, Failure.SERVER_ERROR,
                  Failure.BLOCKED, Failure.RATE_LIMITED}


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(int(text[:9]))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def backoff_seconds(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential back-off with 'full jitter' (0..base·2^attempt, capped)."""
    rng = rng or random
    return min(cap, base * (2 ** max(0, attempt))) * (0.5 + rng.random() / 2)


@dataclass
class HostHealth:
    consecutive_faults: int = 0
    successes: int = 0
    faults: int = 0
    pause_until: float = 0.0  # wall-clock time before which no request goes to the host

    def success(self) -> None:
        self.consecutive_faults = 0
        self.successes += 1

    def fault(self) -> None:
        self.consecutive_faults += 1
        self.faults += 1

    def pause(self, seconds: float) -> None:
        self.pause_until = max(self.pause_until, time.time() + seconds)


class SiteHealth:
    """Per-host health of one crawl; the circuit opens after ``threshold`` consecutive faults."""

    def __init__(self, threshold: int):
        self.threshold = threshold
        self.hosts: dict[str, HostHealth] = {}
        self.open = False

    def host(self, name: str) -> HostHealth:
        return self.hosts.setdefault(name.lower(), HostHealth())

    def record(self, host: str, fault: bool) -> bool:
        """Count one outcome; True when this one opens the circuit."""
        health = self.host(host)
        if fault:
            health.fault()
        else:
            health.success()
        if fault and not self.open and self.threshold and health.consecutive_faults >= self.threshold:
            self.open = True
            return True
        return False
