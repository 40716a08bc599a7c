"""Refuse to fetch from private networks unless allowed: an audit service must not become a way into an
agency's (or our own) internal network through a hostile link, redirect or DNS answer.

The blocked networks are settings data (``ITA_PRIVATE_NETWORKS``), so tests can declare a second loopback
address private and prove the guard without sending a packet anywhere but 127.0.0.0/8.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from functools import lru_cache
from urllib.parse import urlsplit

DEFAULT_PRIVATE_NETWORKS = (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "0.0.0.0/8",
    "fc00::/7", "fe80::/10",
)

Resolver = Callable[[str], list[str]]


def system_resolver(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})


class PrivateAddressGuard:
    def __init__(self, networks: Iterable[str] = DEFAULT_PRIVATE_NETWORKS, resolver: Resolver = system_resolver,
                 allow: bool = False):
        self.networks = [ipaddress.ip_network(n) for n in networks]
        self.resolver = lru_cache(maxsize=4096)(resolver)
        self.allow = allow

    def blocked(self, url: str) -> str | None:
        """A Thai/English reason when the URL's host resolves into a private network, else None."""
        if self.allow:
            return None
        host = urlsplit(url).hostname
        if not host:
            return None
        try:
            addresses = self.resolver(host)
        except OSError:
            return None  # the download itself reports the DNS failure
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if any(ip in net for net in self.networks):
                return f"ไม่เข้าถึงที่อยู่ภายใน (private address blocked): {host} → {ip}"
        return None
