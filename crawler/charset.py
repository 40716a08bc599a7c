"""A page's text when its declared charset is wrong.

Agency servers often send ``charset=utf-8`` for windows-874 (TIS-620) pages and ``iso-8859-1`` for UTF-8
ones. Scrapy trusts the header, which yields replacement characters or 'à¸' mojibake instead of Thai. When
the decoded text shows either sign, the body is decoded again with what it really is.
"""

from __future__ import annotations

from scrapy.http import HtmlResponse, TextResponse
from w3lib.encoding import html_body_declared_encoding

_MOJIBAKE = ("\u00e0\u00b8", "\u00e0\u00b9")  # UTF-8 Thai (E0 B8 xx / E0 B9 xx) read as latin-1/cp1252
_THAI = range(0x0E00, 0x0E80)
_WESTERN = frozenset({"cp1252", "windows-1252", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii",
                      "iso-8859-15", "cp437", "cp850"})


def _thai_count(text: str) -> int:
    return sum(1 for ch in text if ord(ch) in _THAI)


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def repair_text(text: str, body: bytes, encoding: str) -> tuple[str, str]:
    """``(text, encoding)``: the text as decoded, or re-decoded when the declared charset was plainly wrong."""
    sample = text[:200_000]
    bad = sample.count("\ufffd")
    # 'à¸' comes only from reading UTF-8 as a single-byte Western charset: not searched for otherwise (60 KB a page)
    mojibake = (encoding or "").lower().replace("_", "-") in _WESTERN and any(mark in sample for mark in _MOJIBAKE)
    if not mojibake and (bad < 8 or bad * 200 < len(sample)):
        return text, encoding
    candidates = []
    declared = html_body_declared_encoding(body[:4096])
    for enc in (declared, "utf-8", "cp874"):
        if enc and enc.lower().replace("_", "-") not in (encoding or "").lower().replace("_", "-"):
            candidates.append(enc)
    best = (text, encoding, _thai_count(sample) - 50 * bad)
    for enc in candidates:
        decoded = _strict(body, enc)
        if decoded is None:
            continue
        score = _thai_count(decoded[:200_000]) - 50 * decoded[:200_000].count("\ufffd")
        if score > best[2]:
            best = (decoded, enc, score)
    return best[0], best[1]


def decode_page(url: str, body: bytes, content_type: str, cls: type[TextResponse] | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of a fetched page as Scrapy decodes it (BOM, Content-Type, the page's own meta tag,
    then a guess), repaired when that charset was plainly wrong.

    It takes the bytes rather than Scrapy's decoded text so that the parser worker can do it: decoding 100 KB
    pages was a measurable share of the reactor's time, and bytes cost less to hand over than Thai text. The
    class is the response's own (HtmlResponse when not given): a plain TextResponse reads no meta charset.
    """
    response = (cls or HtmlResponse)(url=url, body=body, headers={"Content-Type": content_type} if content_type else {})
    return repair_text(response.text, body, response.encoding)
