"""Years in พ.ศ. found in Thai text: fiscal years, ranges, dates and short forms.

Works on strict keys (whitespace removed, Thai digits already Arabic). A date counts for its calendar
year and its fiscal year (ปีงบประมาณ N runs 1 Oct N−1 – 30 Sep N), so "15 ธ.ค. 2568" is evidence for
FY 2569. Bare four-digit numbers count only in the plausible พ.ศ. range, so phone numbers and amounts
do not become years.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_YEAR, MAX_YEAR = 2540, 2600
MONTHS = {
    "มกราคม": 1, "ม.ค.": 1, "มค": 1, "กุมภาพันธ์": 2, "ก.พ.": 2, "กพ": 2, "มีนาคม": 3, "มี.ค.": 3, "มีค": 3,
    "เมษายน": 4, "เม.ย.": 4, "เมย": 4, "พฤษภาคม": 5, "พ.ค.": 5, "พค": 5, "มิถุนายน": 6, "มิ.ย.": 6, "มิย": 6,
    "กรกฎาคม": 7, "ก.ค.": 7, "กค": 7, "สิงหาคม": 8, "ส.ค.": 8, "สค": 8, "กันยายน": 9, "ก.ย.": 9, "กย": 9,
    "ตุลาคม": 10, "ต.ค.": 10, "ตค": 10, "พฤศจิกายน": 11, "พ.ย.": 11, "พย": 11, "ธันวาคม": 12, "ธ.ค.": 12, "ธค": 12,
}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_NUMBER = re.compile(r"(?<!\d)(\d{4}|\d{2})(?!\d)")
_MONTH_BEFORE = re.compile(rf"({_MONTH_ALT})(?:พ\.?ศ\.?)?$")
# 'ปีงบประมาณ (FY) 2567', 'ปี งปม. 2567': a gloss or an abbreviation between the word and the year
_FISCAL_BEFORE = re.compile(r"(?:ปีงบประมาณ|ปีงบ|งบประมาณ|ประจำปี|พ\.ศ\.|พ\.ศ|พศ\.?|ปี|งบ|งปม\.?|fiscalyear|fy)(?:\(?fy\)?)?(?:พ\.?ศ\.?)?$")
_AD_BEFORE = re.compile(r"(?:ค\.ศ\.|ค\.ศ|ad)$")
_RANGE = re.compile(r"(25\d{2})(?:[-–—]|ถึง)(?:พ\.?ศ\.?)?(25\d{2}|\d{2})(?!\d)")
_MONTH_NUM = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(25\d{2})(?!\d)")
_PUBLISHED = re.compile(
    r"(?:วันที่เผยแพร่|เผยแพร่เมื่อ|เผยแพร่วันที่|โพสต์เมื่อ|ลงประกาศเมื่อ|ปรับปรุงล่าสุด|แก้ไขล่าสุด|อัปเดตล่าสุด|อัพเดทล่าสุด|"
    r"lastupdated?|updated|posted)[:：]?.{0,30}?(?:25\d{2}|20\d{2}|(?<=\.)\d{2}(?!\d))",
)


def without_publication_dates(key: str) -> str:
    """Drop 'published on …' stamps: when a file was posted says nothing about the year it covers."""
    return _PUBLISHED.sub("", key)


def _full(year: str) -> int:
    value = int(year)
    return 2500 + value if value < 100 else value


def _ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


@lru_cache(maxsize=50_000)
def stated_and_dated(key: str) -> tuple[frozenset[int], frozenset[int]]:
    """The years a text states (ปีงบประมาณ 2569, พ.ศ. 2566–2570, a bare 2569) and those only its dates imply
    (15 ธ.ค. 2568 is in FY 2569, and in 2568).

    Numbers are found first (a fast scan) and only the few characters before each are read, so a long
    document costs one pass rather than one pass per pattern.
    """
    stated: set[int] = set()
    dated: set[int] = set()
    seen: set[str] = set()
    for match in _NUMBER.finditer(key):
        start = match.start()
        window = key[max(0, start - 14):match.end()]
        if window in seen:  # listings repeat the same dated phrase many times
            continue
        seen.add(window)
        number = match.group(1)
        before = window[: len(window) - len(number)]
        month = _MONTH_BEFORE.search(before)
        if month:
            year = _full(number)
            dated.add(year)
            if MONTHS[month.group(1)] >= 10:
                dated.add(year + 1)
        elif _FISCAL_BEFORE.search(before):
            stated.add(_full(number))
        elif len(number) == 4 and number.startswith("20") and _AD_BEFORE.search(before):
            stated.add(int(number) + 543)
        elif len(number) == 4 and number[:2] == "25" and number[2] in "456789":
            stated.add(int(number))
    if "25" in key:
        for start, end in ranges_in(key):
            stated.update(range(start, end + 1))
        for match in _MONTH_NUM.finditer(key):
            year, month = int(match.group(3)), int(match.group(2))
            dated.add(year)
            if 10 <= month <= 12:
                dated.add(year + 1)
    return frozenset(y for y in stated if _ok(y)), frozenset(y for y in dated if _ok(y))


def ranges_in(key: str) -> list[tuple[int, int]]:
    """Year ranges stated in a text ('พ.ศ. 2566 - 2570', 'ปีงบประมาณ 2564-2568'), as (first, last)."""
    out = []
    for match in _RANGE.finditer(key):
        start = int(match.group(1))
        end = _full(match.group(2)) if len(match.group(2)) == 4 else int(match.group(1)[:2] + match.group(2))
        if start <= end <= start + 10 and _ok(start) and _ok(end):
            out.append((start, end))
    return out


def years_in(key: str) -> frozenset[int]:
    """Every พ.ศ. year the text speaks of, dates adding their fiscal year."""
    stated, dated = stated_and_dated(key)
    return stated | dated


def covered_years(key: str) -> frozenset[int]:
    """The fiscal years a document or page is about: the ones it states; only when it states none, the ones
    its dates imply. A report of FY 2567 signed on 15 ต.ค. 2567 is not evidence for FY 2568."""
    stated, dated = stated_and_dated(key)
    return stated or dated


def target_years(period: str, year: int) -> set[int]:
    """The fiscal years an item of the assessment year must show."""
    return {"current": {year}, "previous": {year - 1}, "current_or_previous": {year, year - 1}}.get(period, set())
