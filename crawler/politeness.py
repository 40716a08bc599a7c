"""Politeness shared by every crawl of a batch: at most so many requests a second per host and per IP address.

Many agencies share a hosting company, so one server may host hundreds of agency sites: a limit per host
alone would let a batch hammer that server. Every request of every crawl (robots.txt, pages, documents,
the live re-check of evidence) first takes a slot for its host (``host:port``) and for the IP address the
host resolves to (through the crawl guard's resolver, crawler/guard.py). A slot is granted only when both
are free now; otherwise the request is told how long to wait and asks again. (Reserving future slots
instead would push the shared IP's next slot to the far-off slot of one busy host, and every other host on
that server would queue behind it.) Granted slots are spaced ``margin`` times wider than the limit, so the
jitter between the grant and the request reaching the server does not push the rate the server sees over
the limit.

Two limiters share this logic: :class:`LocalLimiter` in memory for one process, and :class:`RedisLimiter`
for every worker of a distributed run, where the grant is one atomic Lua script on Redis's clock.

The crawler takes its slot in :class:`PoliteDownloadHandler`, Scrapy's HTTP handler behind every other
middleware and behind Scrapy's own per-domain slot, i.e. right before the request is sent: a slot taken
earlier (say before robots.txt is fetched) could be spent waiting elsewhere and the requests would bunch.
"""

from __future__ import annotations

import ipaddress
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater
from twisted.internet.threads import deferToThread

from crawler.guard import system_resolver
from crawler.settings import is_loopback

Resolver = Callable[[str], list[str]]


@dataclass(frozen=True)
class Politeness:
    """Requests per second allowed per host and per IP address; 0 means no limit.

    Real agency hosts get 1 request/s per host and 8 per IP address (a shared hosting server serves many
    agencies); loopback test sites get no limit unless ``local_limits`` is set (tests that measure the rate).
    """

    host_rate: float = 1.0
    ip_rate: float = 8.0
    local_limits: bool = False
    margin: float = 1.1

    def intervals(self, url: str) -> tuple[float, float]:
        """Seconds between two requests to this URL's host, and to its IP address (0: no limit)."""
        if is_loopback(url) and not self.local_limits:
            return 0.0, 0.0
        host = self.margin / self.host_rate if self.host_rate > 0 else 0.0
        ip = self.margin / self.ip_rate if self.ip_rate > 0 else 0.0
        return host, ip


def host_key(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{(parts.hostname or '').lower()}:{port}"


class AddressBook:
    """The IP address a host resolves to (the smallest, when it has several), through the guard's resolver."""

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def address(self, url: str) -> str:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            known = self._cache.get(host)
        if known is not None:
            return known
        try:
            ipaddress.ip_address(host)
            found = host
        except ValueError:
            try:
                addresses = self.resolver(host)
            except OSError:
                addresses = []
            found = min(addresses) if addresses else ""  # no address: the download reports the DNS failure
        with self._lock:
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[host] = found
        return found


class Limiter:
    """Grant a URL's host and IP address a slot now, or say how long to wait before asking again."""

    def __init__(self, politeness: Politeness, resolver: Resolver | None = None):
        self.politeness = politeness
        self.addresses = AddressBook(resolver or system_resolver)
        self._jitter = random.Random()

    def keys(self, url: str) -> tuple[list[str], list[float]]:
        host_interval, ip_interval = self.politeness.intervals(url)
        keys, intervals = [], []
        if host_interval:
            keys.append("host:" + host_key(url))
            intervals.append(host_interval)
        if ip_interval:
            address = self.addresses.address(url)
            if address:
                keys.append("ip:" + address)
                intervals.append(ip_interval)
        return keys, intervals

    def try_acquire(self, url: str) -> float:
        """0 when the request may go now (its slots are taken), else the seconds until it may ask again."""
        keys, intervals = self.keys(url)
        if not keys:
            return 0.0
        wait = self._try(keys, intervals)
        # Requests that were told the same time would all ask at once: spread them over a slot.
        return wait + self._jitter.uniform(0, min(intervals)) if wait > 0 else 0.0

    def wait(self, url: str) -> None:
        """Blocking: for threads (the live re-check of evidence)."""
        while (delay := self.try_acquire(url)) > 0:
            time.sleep(delay)

    def _try(self, keys: list[str], intervals: list[float]) -> float:  # pragma: no cover - abstract
        raise NotImplementedError


class LocalLimiter(Limiter):
    """Slots kept in this process's memory: one batch process, any number of crawls."""

    def __init__(self, politeness: Politeness, resolver: Resolver | None = None):
        super().__init__(politeness, resolver)
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def _try(self, keys: list[str], intervals: list[float]) -> float:
        with self._lock:
            now = time.monotonic()
            free = max(self._next.get(key, 0.0) for key in keys)
            if free > now:
                return free - now
            for key, interval in zip(keys, intervals, strict=True):
                self._next[key] = now + interval
            return 0.0


# KEYS: the host and IP keys; ARGV: their intervals in microseconds. Redis's own clock, so workers on
# machines whose clocks differ still share one timeline. Returns 0 (granted) or the microseconds to wait.
_TRY = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local free = 0
for i, key in ipairs(KEYS) do
  local nxt = tonumber(redis.call('GET', key) or '0')
  if nxt > free then free = nxt end
end
if free > now then return free - now end
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[i])
  redis.call('SET', key, string.format('%.0f', now + interval), 'PX', math.floor(interval / 1000) + 60000)
end
return 0
"""


class RedisLimiter(Limiter):
    """Slots kept in Redis: every worker of a distributed run, on any machine, shares them."""

    def __init__(self, politeness: Politeness, client, resolver: Resolver | None = None, prefix: str = "ita:rate:"):
        super().__init__(politeness, resolver)
        self.client = client
        self.prefix = prefix
        self._script = client.register_script(_TRY)

    def _try(self, keys: list[str], intervals: list[float]) -> float:
        waited = self._script(keys=[self.prefix + key for key in keys], args=[round(i * 1_000_000) for i in intervals])
        return max(int(waited), 0) / 1_000_000


class PoliteGuard:
    """The audit's private-address guard, plus a slot from the limiter before each request it allows.

    The live re-check of evidence (crawler/verify.py) calls ``pace`` before every request and redirect, so
    handing it this guard makes the re-check as polite as the crawl.
    """

    def __init__(self, guard, limiter: Limiter):
        self._guard = guard
        self._limiter = limiter

    def blocked(self, url: str) -> str | None:
        reason = self._guard.blocked(url)
        if reason is None:
            self._limiter.wait(url)
        return reason

    def pace(self, url: str) -> None:
        """Wait for the host's and the address's slot (crawler/verify.py asks before each request)."""
        self._limiter.wait(url)

    def __getattr__(self, name):
        return getattr(self._guard, name)


class PoliteDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, after a slot from the spider's limiter (``spider.limiter``)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self._ita_crawler = crawler

    async def download_request(self, request):
        limiter = getattr(self._ita_crawler.spider, "limiter", None)
        if limiter is not None:
            from twisted.internet import reactor

            # In a thread: the resolver and Redis may block, the reactor must not.
            while (delay := await maybe_deferred_to_future(deferToThread(limiter.try_acquire, request.url))) > 0:
                await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        return await super().download_request(request)


HANDLER = "crawler.politeness.PoliteDownloadHandler"


def polite_settings(settings: dict) -> dict:
    """A crawl's settings with the shared limiter as the only pacing: Scrapy's own delay and AutoThrottle
    are per crawl and would hold a request after its slot was taken, bunching requests at the server."""
    settings = dict(settings)
    settings["DOWNLOAD_HANDLERS"] = {**settings.get("DOWNLOAD_HANDLERS", {}), "http": HANDLER, "https": HANDLER}
    settings["DOWNLOAD_DELAY"] = 0
    settings["AUTOTHROTTLE_ENABLED"] = False
    settings.pop("RANDOMIZE_DOWNLOAD_DELAY", None)
    return settings
