"""The crawler's name resolver (Scrapy's ``TWISTED_DNS_RESOLVER``): every connection Scrapy makes gets its
addresses from :meth:`crawler.guard.PrivateAddressGuard.resolve`, so the address checked is the address
connected to, redirects included, and a DNS answer that changes between two lookups (rebinding) cannot
slip through.

Twisted's ``HostnameEndpoint`` (used by Scrapy's HTTP/1.1 handler for http and https) asks the reactor's
``nameResolver`` for a host's addresses and connects only to what it is given. This resolver hands over the
guard's allowed answers, or none: the download then fails with a DNS error, and the refusal's reason is
kept in ``guard.refusals`` for the spider to record.

Scrapy builds the resolver before any crawler exists, so each crawl hands its guard over with
:func:`install_guard`, for the hosts of its site: a batch runs many sites in one reactor, each with its own
guard (loopback is allowed only to a site that itself is on loopback). A host no crawl has claimed gets the
strictest guard.
"""

from __future__ import annotations

import ipaddress
import logging

from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver, IHostResolution
from twisted.internet.threads import deferToThreadPool
from zope.interface import implementer

from crawler.guard import AddressBlocked, PrivateAddressGuard, literal_ip

logger = logging.getLogger(__name__)
_GUARDS: dict[str, PrivateAddressGuard] = {}
_STRICT = PrivateAddressGuard(allow_loopback=False)  # no private networks, no loopback


def install_guard(guard: PrivateAddressGuard, hosts: set[str] | frozenset[str] = frozenset()) -> None:
    """The guard for the connections to these hosts (a site and its www twin)."""
    for host in hosts:
        _GUARDS[host.lower()] = guard


def installed_guard(host: str = "") -> PrivateAddressGuard:
    # A host no audit has claimed (Scrapy used some other way): the safe default.
    return _GUARDS.get(host.lower().rstrip("."), _STRICT)


@implementer(IHostResolution)
class _Resolution:
    def __init__(self, name: str):
        self.name = name

    def cancel(self) -> None:  # pragma: no cover - Twisted never cancels a resolution it started
        pass


@implementer(IHostnameResolver)
class GuardedResolver:
    def __init__(self, reactor, guard: PrivateAddressGuard | None = None):
        self.reactor = reactor
        self.guard = guard

    @classmethod
    def from_crawler(cls, crawler, reactor):
        return cls(reactor)

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def _guard(self, host: str) -> PrivateAddressGuard:
        return self.guard if self.guard is not None else installed_guard(host)

    def resolveHostName(self, resolutionReceiver, hostName: str, portNumber: int = 0, addressTypes=None,  # noqa: N802
                        transportSemantics: str = "TCP"):  # noqa: N803 - Twisted's interface names
        resolution = _Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)
        guard = self._guard(hostName)

        def deliver(addresses: list[str]) -> None:
            for address in addresses:
                ip = ipaddress.ip_address(address)
                cls = IPv6Address if ip.version == 6 else IPv4Address
                resolutionReceiver.addressResolved(cls("TCP", address, portNumber))

        def refused(failure) -> None:
            if failure.check(AddressBlocked):
                logger.warning("%s", failure.value.reason)
            elif not failure.check(OSError, UnicodeError):
                logger.error("resolving %s failed: %s", hostName, failure.getErrorMessage())

        if literal_ip(hostName) is not None:  # no lookup: check and hand over at once
            try:
                deliver(guard.resolve(hostName))
            except AddressBlocked as exc:
                logger.warning("%s", exc.reason)
            resolutionReceiver.resolutionComplete()
            return resolution
        d = deferToThreadPool(self.reactor, self.reactor.getThreadPool(), guard.resolve, hostName)
        d.addCallbacks(deliver, refused)
        d.addBoth(lambda _: resolutionReceiver.resolutionComplete())
        return resolution
