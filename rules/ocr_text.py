"""Thai OCR text: repair before the usual ``rules.thai`` keys, and years read only when they are safe to read.

Tesseract's Thai model (Debian ``tesseract-ocr-tha``, the tessdata_fast net) reads Thai letters well (≈3 %
character errors on clean 200 dpi scans) but Thai digits badly: on Sarabun scans ๖ came out as ๐ or ๒ (or
๒๐), ๘ ๙ ๗ as ๕, ๑๙ as "ow" (bench/ocr.py --compare prints the table). crawler/ocr.py therefore re-reads
every Thai number with digit templates and leaves, per glyph, the values it could not tell apart
(``OcrPage.digits``). A year is a set of candidate readings built from those alternatives (and, for
characters not re-read, from Tesseract's confusions below), and ``read_year`` keeps it only when exactly one
candidate is plausible for the assessed year (± a few years), the text around it says it is a year (พ.ศ.,
ปีงบประมาณ, or a day + month + year date) and its words were read with enough confidence. Otherwise it
answers ``uncertain``, which the audit must turn into needs_review, never into "present".

``repair_ocr`` fixes what is safe to fix: nikhahit + sara aa (ํา → ำ), marks floating away from their
consonant, letters spaced out one by one, and Latin look-alikes inside digit runs (o/O → 0, l/I/| → 1 among
Arabic digits; o/O → ๐ among Thai digits). It never guesses a Thai digit and never uses NFKC (which would
split ำ).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product

from rules.years import MONTHS

CONFIRMED, UNCERTAIN, NONE = "confirmed", "uncertain", "none"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

# What a digit printed in Thai may really be when Tesseract's tha model says it is this character
# (measured on generated scans, bench/ocr.py; plus the confusions the reference found: ๒/๖/๘, ๓/๗, ๑/o).
THAI_CONFUSIONS: dict[str, str] = {
    "๐": "๐๖๘๙", "๑": "๑", "๒": "๒๖๘", "๓": "๓๗๘", "๔": "๔๕", "๕": "๕๔๖๗๘๙", "๖": "๖๒๘๐", "๗": "๗๓",
    "๘": "๘๒๖๕", "๙": "๙๕", "o": "๐๑", "O": "๐๑", "w": "๙", "«": "๔๕",
}
# ...and two characters Tesseract makes of one Thai digit (๖ → ๒๐, ๘ → ๒๕)
THAI_SPLITS: dict[str, str] = {"๒๐": "๖", "๒๕": "๘", "๐๕": "๘"}
ARABIC_CONFUSIONS: dict[str, str] = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}

_MARKS = "\u0e31\u0e33-\u0e3a\u0e47-\u0e4e"  # marks above/below and sara am: never after a space in Thai
_SPACE_AROUND_MARK = re.compile(rf"\s+(?=[{_MARKS}])")
_FLOATING_MARK = re.compile(rf"(?<=[\u0e01-\u0e2e])\s+([{_MARKS}]+)\s+(?=[\u0e01-\u0e2e])")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACED_LETTERS = re.compile(r"(?<![^\s])([\u0e01-\u0e4e]{1,2}(?: [\u0e01-\u0e4e]{1,2}){3,})(?![^\s])")
# a number that starts with a digit and has look-alike letters in it, with no other letter beside it: "2O25"
_ARABIC_RUN = re.compile(r"(?<![A-Za-z0-9])[0-9][0-9OolI|]*[OolI|][0-9OolI|]*(?![A-Za-z0-9])")
_LOOKALIKES = str.maketrans("OolI|", "00111")
_THAI_RUN = re.compile("(?<=[๐-๙])[Oo](?=[๐-๙])")


def _light(text: str) -> str:
    """NFC, invisible characters dropped, ํา → ำ, no space before a mark: what every OCR reading needs."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e4d\u0e48\u0e32", "\u0e48\u0e33")
    text = text.replace("\u0e4d\u0e49\u0e32", "\u0e49\u0e33")
    text = _FLOATING_MARK.sub(r"\1", text)  # a mark standing alone between spaces belongs to both sides
    return _SPACE_AROUND_MARK.sub("", text)


def repair_ocr(text: str) -> str:
    """Tesseract's Thai output made fit for ``rules.thai.repair``/``strict_key``. Safe fixes only."""
    if not text:
        return ""
    text = _light(text)
    text = _SPACED_LETTERS.sub(lambda m: m.group(1).replace(" ", ""), text)  # "ป ร ะ ก า ศ" → "ประกาศ"
    text = _ARABIC_RUN.sub(lambda m: m.group().translate(_LOOKALIKES), text)
    return _THAI_RUN.sub("๐", text)


# -- years --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearReading:
    """What a scan says about its year. ``uncertain`` means: do not decide, ask a person."""

    status: str  # "confirmed", "uncertain" or "none"
    years: tuple[int, ...] = ()  # confirmed years (พ.ศ.) as printed
    page: int | None = None  # page number of the reading (the first confirmed one, else the first uncertain)
    excerpt: str = ""  # up to 80 characters of OCR text around it
    candidates: tuple[int, ...] = ()  # when uncertain: the plausible readings that could not be told apart
    fiscal_years: tuple[int, ...] = ()  # years plus the fiscal year of dates in ต.ค.–ธ.ค. (FY N starts 1 Oct N−1)
    reason: str = ""
    # confirmed years read after พ.ศ./ปีงบประมาณ (not from a date): a report of FY 2563 signed in January
    # 2564 states 2563, and only its signature date says 2564
    stated: tuple[int, ...] = ()

    @property
    def confirmed(self) -> bool:
        return self.status == CONFIRMED


@dataclass(frozen=True)
class _Hit:
    status: str
    years: tuple[int, ...]
    page: int | None
    excerpt: str
    fiscal: bool  # a date in October–December: it also speaks for the next fiscal year
    reason: str
    dated: bool = False  # read from a day-month-year date rather than after พ.ศ./ปีงบประมาณ


def _spaced(word: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in word)


_DIGITLIKE = "๐-๙0-9oOlI|w«"
_TOKEN = re.compile(rf"[{_DIGITLIKE}](?:\s?[{_DIGITLIKE}])*")
# พ.ศ., its long form พุทธศักราช (a formal title's 'พุทธศักราช ๒๕๖๖'), and what Tesseract makes of พ.ศ. (W.A., WA.)
_BE = rf"(?:พ\s*\.?\s*ศ\s*\.?|{_spaced('พุทธศักราช')}|[Ww]\s*\.?\s*[Aa]\s*\.)"
_GAP = r"[\s.,:;'\-]{0,6}"  # specks read as dots, a line break
_AM = "(?:\u0e33|\u0e4d\\s*\u0e32)"  # ำ, or nikhahit + sara aa as Tesseract writes it
# Tesseract puts spaces inside words; 'Fiscal Year 2566' and 'FY 2566' state the year as much as ปีงบประมาณ
_FISCAL = rf"(?:{_spaced('ปีงบประมาณ')}|ประ\s*จ\s*{_AM}\s*ปี|ปี\s*งบ|ง\s*ป\s*ม|(?i:fiscal\s*year)|\bF\.?\s*Y\b\.?)"
_GLOSS = r"(?:\(?\s*[Ff]\s*[Yy]\s*\)?)?"  # 'ปีงบประมาณ (FY) ๒๕๖๗'
_MONTH = "|".join(sorted((_spaced(m) for m in MONTHS if len(m) > 3), key=len, reverse=True))
_MONTH_RE = re.compile(rf"(?P<day>(?:วันที่|วันที|[{_DIGITLIKE}]{{1,3}}))\s*(?P<month>{_MONTH}){_GAP}(?:{_BE})?{_GAP}(?=[{_DIGITLIKE}])")
_CONTEXT_RE = re.compile(rf"(?:{_FISCAL}{_GAP}{_GLOSS}{_GAP}(?:{_BE})?|{_BE}){_GAP}(?=[{_DIGITLIKE}])")
# the end of a range after พ.ศ. ("พ.ศ. 2566 - 2570"): as much a stated year as its start
_RANGE_END_RE = re.compile(rf"(?:{_FISCAL}{_GAP}{_GLOSS}{_GAP}(?:{_BE})?|{_BE}){_GAP}[{_DIGITLIKE}](?:\s?[{_DIGITLIKE}]){{3}}\s*[-–—]\s*"
                           rf"(?=[{_DIGITLIKE}])")
_MONTH_NUMBER = {re.sub(r"\s", "", m): n for m, n in MONTHS.items()}


def _pieces(text: str, start: int) -> list[int]:
    """Offsets of the characters of the digit-like token at ``start``; pieces split by single spaces
    ("๒ ๕๖๘") are joined until four characters, so a number printed after the year is not taken in."""
    match = _TOKEN.match(text, start)
    if not match:
        return []
    offsets: list[int] = []
    for piece in re.finditer(r"\S+", match.group()):
        if len(offsets) >= 4:
            break
        offsets.extend(range(start + piece.start(), start + piece.end()))
    return offsets


def _walk(units: list[str | tuple[str, ...]], limit: int = 4) -> set[str]:
    """Readings (Arabic digit strings) of a token: a unit is a digit-reader glyph (its values, as a tuple of
    one string) or one character as Tesseract wrote it (its confusions apply, and ๒๐ → ๖ splits)."""
    readings: set[str] = set()

    def walk(index: int, sofar: tuple[str, ...]) -> None:
        if len(readings) > 2000 or len(sofar) > limit:
            return
        if index == len(units):
            if len(sofar) == limit:
                readings.update("".join(p) for p in product(*sofar))
            return
        unit = units[index]
        if isinstance(unit, tuple):
            walk(index + 1, (*sofar, unit[0]))
            return
        if unit in THAI_CONFUSIONS:
            walk(index + 1, (*sofar, THAI_CONFUSIONS[unit].translate(_TO_ARABIC)))
        elif unit.isascii() and (unit.isdigit() or unit in ARABIC_CONFUSIONS):
            walk(index + 1, (*sofar, ARABIC_CONFUSIONS.get(unit, unit)))
        pair = "".join(u for u in units[index:index + 2] if isinstance(u, str))
        if len(pair) == 2 and pair in THAI_SPLITS:
            walk(index + 2, (*sofar, (THAI_SPLITS[pair] + pair[0]).translate(_TO_ARABIC)))

    walk(0, ())
    return readings


def _years(units: list[str | tuple[str, ...]], thai: bool) -> set[int]:
    readings = _walk(units)
    if thai:
        # after พ.ศ./ปีงบประมาณ/a date, four Thai digits are 25xx: the century's own misreadings (๕ → ๔) do not
        # matter, the last two digits decide
        return {2500 + int(r[2:]) for r in readings}
    return {int(r) for r in readings}


def candidates(token: str) -> set[int]:
    """Every year (พ.ศ., 4 digits) an OCR token could stand for under Tesseract's measured confusions."""
    token = token.replace(" ", "")
    thai = sum(ch in THAI_DIGITS or ch in "oOw«" for ch in token) > sum(ch.isascii() and ch.isdigit() for ch in token)
    if not thai:
        units: list[str | tuple[str, ...]] = [ARABIC_CONFUSIONS.get(ch, ch) for ch in token]
        return {int("".join(units))} if len(units) == 4 and "".join(units).isdigit() else set()
    return _years(list(token), True)


def _token_units(page, text: str, offsets: list[int]) -> tuple[list[str | tuple[str, ...]], bool]:
    """The token as units: glyphs the digit reader re-read (from ``page.digits``) or Tesseract's characters."""
    runs = getattr(page, "digits", ()) or ()
    units: list[str | tuple[str, ...]] = []
    thai = 0
    for offset in offsets:
        ch = text[offset]
        run = next((r for r in runs if r[0] <= offset < r[1]), None)
        if run is not None:
            values = run[2].split("|")
            position = offset - run[0]
            if position < len(values):
                units.append((values[position],))
                thai += ch in THAI_DIGITS
                continue
        units.append(ch)
        thai += ch in THAI_DIGITS or ch in "oOw«"
    return units, thai * 2 > len(offsets)


def _excerpt(text: str, start: int, end: int, limit: int = 80) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, end - limit + 10) if end - line_start > limit - 10 else line_start
    return " ".join(text[left:min(line_end, left + limit)].split())[:limit]


def _readings_on(page, assessed_year: int, window: int, min_confidence: float) -> list[_Hit]:
    text = unicodedata.normalize("NFC", page.text or "")
    if len(text) != len(page.text or ""):
        text = page.text or ""  # offsets must stay those of the page's words and digit runs
    plausible = range(assessed_year - window, assessed_year + window + 1)
    hits: list[_Hit] = []
    seen: set[int] = set()
    contexts = [(m, "date") for m in _MONTH_RE.finditer(text)] + [(m, "context") for m in _CONTEXT_RE.finditer(text)] \
        + [(m, "context") for m in _RANGE_END_RE.finditer(text)]
    for match, kind in sorted(contexts, key=lambda pair: pair[0].end()):
        start = match.end()
        if start in seen:
            continue
        seen.add(start)
        offsets = _pieces(text, start)
        if not offsets:
            continue
        units, thai = _token_units(page, text, offsets)
        found = sorted(y for y in _years(units, thai) if y in plausible)
        if not found:
            continue
        token = "".join(text[i] for i in offsets)
        fiscal = kind == "date" and _MONTH_NUMBER.get(re.sub(r"\s", "", match.group("month")), 0) >= 10
        excerpt = _excerpt(text, match.start(), offsets[-1] + 1)
        number = getattr(page, "number", None)
        lookup = getattr(page, "confidence_of", None)
        confidence = lookup(offsets[0], offsets[-1] + 1) if lookup else 100.0
        if len(found) == 1 and confidence >= min_confidence:
            hits.append(_Hit(CONFIRMED, tuple(found), number, excerpt, fiscal, f"'{token}' → {found[0]}", kind == "date"))
        else:
            why = (f"OCR confidence {confidence:.0f} < {min_confidence:.0f}" if len(found) == 1
                   else f"'{token}' could be {', '.join(map(str, found))}")
            hits.append(_Hit(UNCERTAIN, tuple(found), number, excerpt, fiscal, why, kind == "date"))
    return hits


def read_year(pages: Iterable, assessed_year: int, *, window: int = 3, min_confidence: float = 50.0) -> YearReading:
    """The years (พ.ศ.) a scanned document states, read from OCR pages (objects with ``number``, ``text`` and
    optionally ``confidence_of(start, end)``, e.g. crawler.ocr.OcrPage).

    A reading counts when it is within ``window`` years of ``assessed_year``, stands after พ.ศ./ปีงบประมาณ or
    in a day-month-year date, has exactly one plausible reading under the digit confusions, and its words
    were read with at least ``min_confidence``. Anything short of that is ``uncertain`` (with the
    candidates) when some plausible reading exists, else ``none``.
    """
    hits = [hit for page in pages for hit in _readings_on(page, assessed_year, window, min_confidence)]
    sure = [hit for hit in hits if hit.status == CONFIRMED]
    if sure and all(hit.dated for hit in sure) and any(not hit.dated for hit in hits):
        # The year it states (ปีงบประมาณ …) could not be read for sure: its dates do not stand in for it, since
        # a report on one fiscal year is signed in the next.
        sure = []
    if sure:
        years = tuple(sorted({y for hit in sure for y in hit.years}))
        fiscal = {y + 1 for hit in sure if hit.fiscal for y in hit.years}
        stated = tuple(sorted({y for hit in sure if not hit.dated for y in hit.years}))
        first = next((hit for hit in sure if not hit.dated), sure[0])
        return YearReading(CONFIRMED, years, first.page, first.excerpt, (),
                           tuple(sorted(set(years) | fiscal)), first.reason, stated)
    if hits:
        first = hits[0]
        open_years = tuple(sorted({y for hit in hits for y in hit.years}))
        return YearReading(UNCERTAIN, (), first.page, first.excerpt, open_years, (), first.reason)
    return YearReading(NONE, reason="no year with พ.ศ./ปีงบประมาณ/a date within the plausible years")


@dataclass(frozen=True)
class _TextPage:
    number: int
    text: str


def read_year_in_text(text: str, assessed_year: int, page: int = 1, **options) -> YearReading:
    """``read_year`` on one page of text (no confidences known)."""
    return read_year([_TextPage(page, text)], assessed_year, **options)


def arabic(text: str) -> str:
    return text.translate(_TO_ARABIC)


def plausible_years(assessed_year: int, window: int = 3) -> Sequence[int]:
    return range(assessed_year - window, assessed_year + window + 1)
