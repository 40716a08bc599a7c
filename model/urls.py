"""The canonical form of a URL: the one key per page that the crawler dedupes on and matching looks up."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

SESSION_PARAMS = {"phpsessid", "jsessionid", "sid", "sessionid", "session_id", "aspsessionid", "cfid", "cftoken",
                  "sessid", "zenid", "oscsid"}
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)


@lru_cache(maxsize=200_000)
def canonical(url: str) -> str:
    """Fragment and session ids removed, query sorted: one key per page."""
    url = _PATH_SESSION.sub("", url)
    parts = urlsplit(url)
    if parts.query:
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in SESSION_PARAMS]
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    return canonicalize_url(url, keep_fragments=False)
