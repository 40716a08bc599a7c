"""Text taken from crawled pages made safe for every output.

HTML is escaped by Jinja2's autoescape; this module handles what autoescape does not: characters that
XML (DOCX, XLSX) refuses, bidi overrides that let a page title spoof the text around it, links whose scheme
is not http(s), and spreadsheet cells that Excel or LibreOffice would run as a formula.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# C0 controls except tab/newline, DEL, C1 controls, surrogates and the two non-characters XML 1.0 refuses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Bidi embeddings, overrides and isolates: a title could flip the rest of a line (Trojan-source style).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_text(value: object) -> str:
    """A string safe for XML and for display: no control characters, no bidi overrides."""
    text = "" if value is None else str(value)
    return _BIDI.sub("", _NOT_XML.sub("", text))


def one_line(value: object, limit: int = 0) -> str:
    text = " ".join(clean_text(value).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def safe_href(url: str) -> str | None:
    """The URL when it may be a link target (http or https), else None: a 'javascript:' URL stays text."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def neutral_cell(value: object) -> object:
    """A spreadsheet cell that cannot be read as a formula (OWASP CSV injection: prefix with ')."""
    if isinstance(value, str):
        value = clean_text(value)  # keeps tab, CR and LF
        return "'" + value if value.startswith(FORMULA_START) else value
    return value


def neutral_row(row: list[object]) -> list[object]:
    return [neutral_cell(v) for v in row]
