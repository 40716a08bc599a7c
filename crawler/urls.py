"""Which URLs belong to the agency site, and the crawler traps to cut (the canonical form of a URL is in
``model.urls``).

Scope is the start host, its www/non-www twin, over http and https. Traps — endless calendars, repeating path segments, absurd
URLs — are recognised by URL shape, never by fetching more of them.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, unquote, urlsplit

_DATE_KEY = re.compile(r"^(date|day|month|year|yr|mon|cal|calendar|ym|ymd|d|m|y|week|time|start|end)$", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^\d{4}[-/]\d{1,2}([-/]\d{1,2})?$|^\d{8}$|^\d{6}$")
# A calendar ends in its date (/events/2024/06/); a dated permalink goes on to its slug (/2024/06/27/post-482/).
_DATE_PATH = re.compile(r"/(19|20|25)\d{2}/\d{1,2}(/\d{1,2})?/?$")
_DIGITS = re.compile(r"\d+")
MAX_URL_LENGTH = 400  # characters once percent-decoded: a Thai file name is 9 characters a letter encoded
MAX_PATH_DEPTH = 14
MAX_SEGMENT_REPEAT = 2
DATE_SHAPE_LIMIT = 24
SHAPE_LIMIT = 2500


def host_twins(host: str) -> set[str]:
    host = host.lower().rstrip(".")
    bare = host[4:] if host.startswith("www.") else host
    return {bare, "www." + bare}


class Scope:
    """In-scope test and trap detector for one agency site; counts URL shapes as links are seen."""

    def __init__(self, start_url: str):
        self.hosts = host_twins(urlsplit(start_url).hostname or "")
        self._shapes: Counter[str] = Counter()

    def in_scope(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and (parts.hostname or "").lower() in self.hosts

    def trap_reason(self, url: str) -> str | None:
        """Why a URL looks like a crawler trap, or None. Counts the URL's shape as a side effect."""
        if len(url) > MAX_URL_LENGTH and len(unquote(url)) > MAX_URL_LENGTH:
            return "URL ยาวผิดปกติ (URL too long)"
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) > MAX_PATH_DEPTH:
            return "path ลึกผิดปกติ (path too deep)"
        counts = Counter(segments)
        if counts and max(counts.values()) > MAX_SEGMENT_REPEAT:
            return "path วนซ้ำ (repeating path segments)"
        query = parse_qsl(parts.query, keep_blank_values=True)
        datey = bool(_DATE_PATH.search(parts.path)) or any(
            _DATE_KEY.match(k) and (v.isdigit() or _DATE_VALUE.match(v)) or _DATE_VALUE.match(v) for k, v in query
        )
        shape = _DIGITS.sub("N", parts.path) + "?" + "&".join(sorted(k for k, _ in query))
        self._shapes[shape] += 1
        if datey and self._shapes[shape] > DATE_SHAPE_LIMIT:
            return "ปฏิทินไม่รู้จบ (endless calendar)"
        if self._shapes[shape] > SHAPE_LIMIT:
            return "URL รูปแบบเดียวกันมากเกินไป (too many URLs of one shape)"
        return None


def strip_credentials(url: str) -> str:
    """The URL without ``user:password@``: credentials in a hostile link never reach records, logs or reports."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
