"""Live re-check of every evidence URL with httpx: status, content type, final URL after redirects.

The crawl may be minutes old and an assessor opens the URL later, so each reported URL is fetched again.
Only the first bytes are read: enough to see a 'not found' page that answers 200.

Hostile servers are bounded: every connection goes through :class:`GuardedBackend`, which resolves the
host once with the audit's guard and connects to the checked address (DNS rebinding cannot pass, redirects
included); a response that drips a byte at a time is cut at a total deadline; a compressed body is inflated
no further than the bytes read.
"""

from __future__ import annotations

import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpcore
import httpx
from w3lib.encoding import html_to_unicode

from crawler.guard import AddressBlocked, PrivateAddressGuard
from crawler.settings import DEFAULT_CONTACT, USER_AGENT
from model.failures import Failure

READ_BYTES = 256 * 1024


class BlockedAddress(httpx.RequestError):
    """Raised before a connection (first request or redirect) would reach a refused address."""


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend with the address check at connection time."""

    def __init__(self, guard: PrivateAddressGuard, inner: httpcore.NetworkBackend | None = None):
        self.guard = guard
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            addresses = self.guard.resolve(host)
        except AddressBlocked as exc:
            raise BlockedAddress(exc.reason) from None
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"DNS lookup failed: {host}: {exc}") from None
        error: Exception | None = None
        for address in addresses:  # only checked addresses; the name is never looked up again
            try:
                return self.inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                              socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover - never used
        raise BlockedAddress("unix sockets are not used")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def guarded_transport(guard: PrivateAddressGuard | None, **kwargs) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(**kwargs)
    if guard is not None:
        transport._pool._network_backend = GuardedBackend(guard)  # httpx has no public hook for this
    return transport


@dataclass
class LinkCheck:
    url: str
    status: int
    content_type: str = ""
    final_url: str = ""
    html: str = ""
    error: str = ""
    failure: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300 and not self.error


def _decoder(encoding: str):
    encoding = encoding.lower().strip()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    return None


def _read_head(response: httpx.Response, deadline: float) -> bytes:
    """At most READ_BYTES of the decoded body, before ``deadline`` (a monotonic time)."""
    decoder = _decoder(response.headers.get("content-encoding", ""))
    body = b""
    for chunk in response.iter_raw():
        if decoder is not None:
            try:
                chunk = decoder.decompress(chunk, READ_BYTES - len(body))
            except zlib.error:
                break
        body += chunk
        if len(body) >= READ_BYTES or time.monotonic() > deadline:
            break
    return body[:READ_BYTES]


def check_url(client: httpx.Client, url: str, total_timeout: float = 60.0) -> LinkCheck:
    deadline = time.monotonic() + total_timeout
    try:
        with client.stream("GET", url) as response:
            body = _read_head(response, deadline)
            content_type = response.headers.get("content-type", "")
            final = str(response.url)
            html = ""
            if "html" in content_type.lower():
                _, html = html_to_unicode(content_type, body)
            return LinkCheck(url, response.status_code, content_type, final, html)
    except BlockedAddress as exc:
        return LinkCheck(url, 0, error=str(exc), failure=Failure.PRIVATE_ADDRESS)
    except httpx.TooManyRedirects:
        return LinkCheck(url, 0, error="เปลี่ยนเส้นทางวนซ้ำ (redirect loop)", failure=Failure.REDIRECT_LOOP)
    except httpx.TimeoutException as exc:
        return LinkCheck(url, 0, error=f"หมดเวลา (timed out): {type(exc).__name__}", failure=Failure.TIMEOUT)
    except httpx.HTTPError as exc:
        return LinkCheck(url, 0, error=f"{type(exc).__name__}: {exc}", failure=_failure(exc))
    except (OSError, ValueError) as exc:  # a hostile server can break the HTTP parser in other ways
        return LinkCheck(url, 0, error=f"{type(exc).__name__}: {exc}", failure=Failure.OTHER)


def _failure(exc: httpx.HTTPError) -> str:
    text = f"{type(exc).__name__} {exc}".lower()
    if "ssl" in text or "certificate" in text or "tls" in text:
        return Failure.TLS
    if "dns lookup" in text or "name or service" in text:
        return Failure.DNS
    if "refused" in text:
        return Failure.REFUSED
    if isinstance(exc, (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)):
        return Failure.RESET
    if isinstance(exc, httpx.UnsupportedProtocol):
        return Failure.UNSUPPORTED
    return Failure.OTHER


def check_urls(urls: list[str], guard: PrivateAddressGuard | None = None, timeout: float = 20.0,
               workers: int = 8, contact: str = DEFAULT_CONTACT) -> dict[str, LinkCheck]:
    unique = list(dict.fromkeys(urls))
    headers = {"User-Agent": USER_AGENT.format(contact=contact), "Accept-Encoding": "gzip, deflate"}
    transport = guarded_transport(guard, limits=httpx.Limits(max_connections=workers), trust_env=False)
    # A guard that paces requests (a batch's per-host and per-IP limit) is asked before each one, redirects too.
    pace = getattr(guard, "pace", None)
    hooks = {"request": [lambda request: pace(str(request.url))]} if pace is not None else {}
    with httpx.Client(follow_redirects=True, timeout=timeout, headers=headers, max_redirects=10,
                      transport=transport, trust_env=False, event_hooks=hooks) as client:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return dict(zip(unique, pool.map(lambda u: check_url(client, u, timeout * 3), unique), strict=True))
