"""Live re-check of every evidence URL with httpx: status, content type, final URL after redirects.

The crawl may be minutes old and an assessor opens the URL later, so each reported URL is fetched again.
Only the first bytes are read: enough to see a 'not found' page that answers 200.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
from w3lib.encoding import html_to_unicode

from crawler.guard import PrivateAddressGuard
from crawler.settings import DEFAULT_CONTACT, USER_AGENT

READ_BYTES = 256 * 1024


class BlockedAddress(httpx.RequestError):
    """Raised before a request (or a redirect) would reach a private network."""


@dataclass
class LinkCheck:
    url: str
    status: int
    content_type: str = ""
    final_url: str = ""
    html: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300 and not self.error


def check_url(client: httpx.Client, url: str) -> LinkCheck:
    try:
        with client.stream("GET", url) as response:
            body = b""
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) >= READ_BYTES:
                    break
            content_type = response.headers.get("content-type", "")
            final = str(response.url)
            html = ""
            if "html" in content_type.lower():
                _, html = html_to_unicode(content_type, body)
            return LinkCheck(url, response.status_code, content_type, final, html)
    except BlockedAddress as exc:
        return LinkCheck(url, 0, error=str(exc))
    except httpx.TooManyRedirects:
        return LinkCheck(url, 0, error="เปลี่ยนเส้นทางวนซ้ำ (redirect loop)")
    except httpx.HTTPError as exc:
        return LinkCheck(url, 0, error=f"{type(exc).__name__}: {exc}")


def check_urls(urls: list[str], guard: PrivateAddressGuard | None = None, timeout: float = 20.0,
               workers: int = 8, contact: str = DEFAULT_CONTACT) -> dict[str, LinkCheck]:
    unique = list(dict.fromkeys(urls))
    headers = {"User-Agent": USER_AGENT.format(contact=contact)}

    def guard_request(request: httpx.Request) -> None:  # runs before the first request and every redirect
        if guard is not None and (reason := guard.blocked(str(request.url))):
            raise BlockedAddress(reason, request=request)

    with httpx.Client(follow_redirects=True, timeout=timeout, headers=headers, max_redirects=10,
                      limits=httpx.Limits(max_connections=workers), event_hooks={"request": [guard_request]}) as client:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return dict(zip(unique, pool.map(lambda u: check_url(client, u), unique), strict=True))
