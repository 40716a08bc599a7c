"""Why a fetch or a document failed, as a small taxonomy in the spirit of GSA Site Scanning's statuses.

A failure is a fault of the site or the network, not the agency's choice not to publish: verdicts and
reports say which one it was instead of calling the item absent without saying so.
"""

from __future__ import annotations

from enum import StrEnum


class Failure(StrEnum):
    DNS = "dns"
    TLS = "tls"
    TIMEOUT = "timeout"
    REFUSED = "refused"
    RESET = "reset"
    BLOCKED = "blocked"  # 401/403: a firewall or the server refuses the crawler
    RATE_LIMITED = "rate_limited"  # 429
    SERVER_ERROR = "server_error"  # 5xx
    NOT_FOUND = "not_found"  # 404/410
    HTTP_ERROR = "http_error"  # another 4xx
    REDIRECT_LOOP = "redirect_loop"
    TOO_LARGE = "too_large"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    UNSUPPORTED = "unsupported"
    ROBOTS = "robots"
    PRIVATE_ADDRESS = "private_address"
    OFF_SITE = "off_site"  # a redirect left the agency's hosts
    OTHER = "other"


def failure_for_status(status: int) -> Failure | None:
    """The failure an HTTP status stands for, or None for a success or a redirect."""
    if status in (404, 410):
        return Failure.NOT_FOUND
    if status in (401, 403, 451):
        return Failure.BLOCKED
    if status == 429:
        return Failure.RATE_LIMITED
    if status >= 500:
        return Failure.SERVER_ERROR
    if status >= 400:
        return Failure.HTTP_ERROR
    return None


_MESSAGE_HINTS = (
    (Failure.PRIVATE_ADDRESS, ("private address blocked",)),
    (Failure.ROBOTS, ("robots.txt",)),
    (Failure.DNS, ("dns lookup failed", "dnslookuperror", "no address associated", "name or service not known",
                   "nodename nor servname", "temporary failure in name resolution")),
    (Failure.TLS, ("ssl", "tls", "certificate", "wrong version number", "handshake")),
    (Failure.TIMEOUT, ("timed out", "timeout", "took longer than")),
    (Failure.REFUSED, ("connection refused", "connectionrefused")),
    (Failure.RESET, ("connection lost", "connection was closed", "reset by peer", "responsenever", "connectiondone",
                     "connection to the other side was lost")),
    (Failure.REDIRECT_LOOP, ("redirect",)),
    (Failure.TOO_LARGE, ("max size", "maxsize", "larger than", "exceeds")),
)


def classify_message(message: str) -> Failure:
    """The failure a transport error message stands for (Twisted, Scrapy and httpx word them differently)."""
    lowered = message.lower()
    for failure, hints in _MESSAGE_HINTS:
        if any(hint in lowered for hint in hints):
            return failure
    return Failure.OTHER
