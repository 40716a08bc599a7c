"""Thai text repair and matching keys.

Page and PDF text arrives with zero-width characters, Microsoft private-use glyphs, broken sara am and
spaces inside words. ``repair`` undoes those defects in the order measured in ``reference/libraries.md``;
``strict_key`` and ``loose_key`` are the whitespace-free forms every pattern is matched against.
Never NFKC: it splits sara am (ำ) into nikhahit + sara aa.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")


def _pythainlp_normalize(text: str) -> str:
    """pythainlp's normalize(), imported on first use: pythainlp's package takes 0.13 s to import, which an
    audit would pay before its crawl starts; the crawl's warm-up thread imports it meanwhile (rules.fuzzy)."""
    from pythainlp.util import normalize

    return normalize(text)

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_DIGITS = str.maketrans(THAI_DIGITS, "0123456789")

# Microsoft Thai private-use glyphs (old Word + TH SarabunPSK) back to Thai characters.
_PUA = {
    0xF700: "ฐ", 0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื", 0xF705: "่", 0xF706: "้", 0xF707: "๊",
    0xF708: "๋", 0xF709: "์", 0xF70A: "่", 0xF70B: "้", 0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์", 0xF70F: "ญ",
    0xF710: "ั", 0xF711: "ํ", 0xF712: "็", 0xF713: "่", 0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์",
    0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ",
}
_HAS_PUA = re.compile("[\uf700-\uf71a]")
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_SPACE_BEFORE_MARK = re.compile(rf"\s+(?=[{_MARKS}])")
_AM_AA = re.compile("\u0e33\u0e32")
_AM_TONE_AA = re.compile("\u0e33([\u0e48-\u0e4b])\u0e32")
_WS = re.compile(r"\s+")
# Only text showing what pythainlp's normalize() repairs pays its cost (0.5 µs/char): nikhahit, doubled
# sara e, a doubled mark, or a tone mark before a vowel. Each check is a fast scan for one character class.
_DOUBLE_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1")
_TONE_BEFORE_VOWEL = re.compile("[\u0e48-\u0e4b][\u0e31\u0e34-\u0e39\u0e47]")


def _needs_normalize(text: str) -> bool:
    return ("\u0e4d" in text or "\u0e40\u0e40" in text or _DOUBLE_MARK.search(text) is not None
            or _TONE_BEFORE_VOWEL.search(text) is not None)
# Tone marks, nikhahit, and the vowels above/below a consonant: what broken text layers drop or reorder.
_LOOSE_DROP = dict.fromkeys(map(ord, "\u0e48\u0e49\u0e4a\u0e4b\u0e4d\u0e4c\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"), None)
_AA_RUN = re.compile("\u0e32+")


_THAI_DIGIT = re.compile("[๐-๙]")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def thai_to_arabic_digits(text: str) -> str:
    # str.translate with a table walks every character in Python; most texts have no Thai digit at all
    return text.translate(_DIGITS) if _THAI_DIGIT.search(text) else text


def _repair_marks(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_RE.sub("", text)
    if _HAS_PUA.search(text):
        text = text.translate(_PUA)
    if "\u0e33" in text:
        text = _AM_AA.sub("\u0e33", text)
        text = _AM_TONE_AA.sub("\\1\u0e33", text)
    return text


def repair(text: str) -> str:
    """Fix the text-layer defects of Thai pages and PDFs without changing correct Thai text."""
    if not text:
        return ""
    text = _SPACE_BEFORE_MARK.sub("", _repair_marks(text))
    return _pythainlp_normalize(text) if _needs_normalize(text) else text


def clean(text: str) -> str:
    """Repaired text with runs of whitespace collapsed: what reports and reasons show."""
    return _WS.sub(" ", repair(text)).strip()


def strict_key(text: str) -> str:
    """Whitespace-free, lower-cased, Arabic digits: the key patterns match against."""
    if not text:
        return ""
    # Whitespace goes first (a C-speed split), so no space can sit before a mark when normalize() runs.
    text = _repair_marks("".join(text.split()))
    if _needs_normalize(text):
        text = _pythainlp_normalize(text)
    return thai_to_arabic_digits(text).casefold()


@lru_cache(maxsize=100_000)
def short_key(text: str) -> str:
    """``strict_key`` cached, for the short texts that repeat on every page (menu links, titles)."""
    return strict_key(text)


def loosen(key: str) -> str:
    """Drop what broken text layers lose or reorder (marks above/below, ำ→า): 'ส านัก' and 'สำนัก' agree."""
    return _AA_RUN.sub("\u0e32", key.replace("\u0e33", "\u0e32").translate(_LOOSE_DROP))


def loose_key(text: str) -> str:
    return loosen(strict_key(text))
