"""Refuse to fetch from private networks unless allowed: an audit service must not become a way into an
agency's (or our own) internal network through a hostile link, redirect or DNS answer.

The check is made on the address a connection is actually made to, not on a separate lookup beforehand:
the crawler's name resolver (``crawler.resolver``) and the evidence checker's network backend
(``crawler.verify``) both ask :meth:`PrivateAddressGuard.resolve` for the addresses of a host, which
resolves it once, drops every address the policy refuses, and hands back only the rest to connect to. A
name that resolves to a public address for a pre-check and to a private one for the connection (DNS
rebinding) therefore cannot pass: there is no second lookup.

Loopback is refused too unless the audit's own start URL is a loopback address (every test and the demo
run on 127.0.0.1): a public site's link to 127.0.0.1 is never followed.

The blocked networks are settings data (``ITA_PRIVATE_NETWORKS``), so tests can declare a second loopback
address private and prove the guard without sending a packet anywhere but 127.0.0.0/8.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

DEFAULT_PRIVATE_NETWORKS = (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "0.0.0.0/8",
    "fc00::/7", "fe80::/10",
)
ALLOWED_SCHEMES = ("http", "https")
CACHE_SECONDS = 60.0  # a checked answer is reused this long; only checked answers are ever cached

Resolver = Callable[[str], list[str]]


def system_resolver(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})


class AddressBlocked(Exception):
    """No address of a host may be connected to; ``str()`` is the Thai/English reason."""

    def __init__(self, reason: str, host: str = "", address: str = ""):
        super().__init__(reason)
        self.reason, self.host, self.address = reason, host, address


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    return ip


def literal_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return _ip(host.strip("[]"))
    except ValueError:
        return None


class PrivateAddressGuard:
    """The address policy of one audit, and the one place that resolves names for a connection."""

    def __init__(self, networks: Iterable[str] = DEFAULT_PRIVATE_NETWORKS, resolver: Resolver = system_resolver,
                 allow: bool = False, allow_loopback: bool = True, cache_seconds: float = CACHE_SECONDS):
        self.networks = [ipaddress.ip_network(n) for n in networks]
        self.resolver = resolver
        self.allow = allow
        self.allow_loopback = allow_loopback
        self.cache_seconds = cache_seconds
        self.refusals: dict[str, str] = {}  # host -> the reason its connection was refused (for the records)
        self._cache: dict[str, tuple[float, list[str]]] = {}
        self._lock = threading.Lock()

    @classmethod
    def for_site(cls, start_url: str, networks: Iterable[str] = DEFAULT_PRIVATE_NETWORKS,
                 resolver: Resolver = system_resolver, allow: bool = False) -> PrivateAddressGuard:
        """The guard of an audit of ``start_url``: loopback is allowed only when the start URL is loopback."""
        return cls(networks, resolver, allow=allow, allow_loopback=start_is_loopback(start_url, resolver))

    # -- the policy -------------------------------------------------------------------------------------------
    def address_reason(self, host: str, address: str) -> str | None:
        """Why ``address`` (an answer for ``host``) may not be connected to, or None."""
        if self.allow:
            return None
        try:
            ip = _ip(address)
        except ValueError:
            return f"ที่อยู่ไม่ถูกต้อง (invalid address): {host} → {address}"
        if any(ip in net for net in self.networks if net.version == ip.version):
            return f"ไม่เข้าถึงที่อยู่ภายใน (private address blocked): {host} → {ip}"
        if ip.is_loopback and not self.allow_loopback:
            return f"ไม่เข้าถึงที่อยู่ภายใน (private address blocked: loopback, the start URL is not): {host} → {ip}"
        if ip.is_unspecified or ip.is_multicast:
            return f"ไม่เข้าถึงที่อยู่ภายใน (private address blocked: unusable address): {host} → {ip}"
        return None

    def resolve(self, host: str) -> list[str]:
        """The addresses of ``host`` that may be connected to; connect to these and nothing else.

        Raises :class:`AddressBlocked` when the policy refuses every answer, and OSError when the name
        does not resolve.
        """
        host = host.strip("[]").rstrip(".").lower()
        if literal_ip(host) is not None:
            answers = [str(literal_ip(host))]
        else:
            now = time.monotonic()
            with self._lock:
                cached = self._cache.get(host)
            if cached and cached[0] > now:
                return list(cached[1])
            answers = list(self.resolver(host))
        allowed, reasons = [], []
        for address in answers:
            reason = self.address_reason(host, address)
            (reasons if reason else allowed).append(reason or address)
        if not allowed:
            reason = reasons[0] if reasons else f"ไม่พบที่อยู่ (no address): {host}"
            with self._lock:
                self.refusals[host] = reason
            raise AddressBlocked(reason, host, answers[0] if answers else "")
        if literal_ip(host) is None and self.cache_seconds > 0:
            with self._lock:
                self._cache[host] = (time.monotonic() + self.cache_seconds, allowed)
        return allowed

    def blocked(self, url: str) -> str | None:
        """A Thai/English reason when the URL may not be fetched at all (its scheme or every address of its
        host), else None. A pre-check for messages; connections are guarded by :meth:`resolve` itself."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            return f"ไม่ติดตามลิงก์ที่ไม่ใช่ http/https (scheme not followed): {parts.scheme or '-'}"
        host = parts.hostname
        if not host:
            return None
        try:
            self.resolve(host)
        except AddressBlocked as exc:
            return exc.reason
        except (OSError, UnicodeError):
            return None  # the download itself reports the DNS failure
        return None

    def literal_reason(self, url: str) -> str | None:
        """The reason to refuse a URL whose host is an IP literal (no DNS involved), or its scheme; no lookup."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            return f"ไม่ติดตามลิงก์ที่ไม่ใช่ http/https (scheme not followed): {parts.scheme or '-'}"
        try:
            host = parts.hostname or ""
        except ValueError:
            return None
        ip = literal_ip(host)
        return self.address_reason(host, str(ip)) if ip is not None else None


def start_is_loopback(start_url: str, resolver: Resolver = system_resolver) -> bool:
    """Whether the audit's own start URL is a loopback address (by name, literal, or its first answer)."""
    host = (urlsplit(start_url).hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    ip = literal_ip(host)
    if ip is not None:
        return ip.is_loopback
    try:
        answers = resolver(host)
    except (OSError, UnicodeError):
        return False
    try:
        return bool(answers) and all(_ip(a).is_loopback for a in answers)
    except ValueError:
        return False
