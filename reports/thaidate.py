"""Thai digits, Buddhist-era years, Thai month names and the time frame of a measure.

Agencies write their plans with Thai digits and month abbreviations ("ม.ค. ๖๖ - เม.ย. ๖๖"); the frame of
every measure ends before the next ITA assessment window opens, so the fix is on the site when the
assessors look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
          "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
BE_OFFSET = 543
# The OIT part of an assessment year opens in March (ITAS 2565 calendar: OIT data entry 1 Mar–30 Apr, C):
# measures are planned to be done by the end of February of the window they aim at.
WINDOW_OPENS_MONTH = 3
# Kept as typed: URLs, codes such as O7 / i12 / soft-404, and HTTP statuses.
_KEEP = re.compile(r"https?://\S+|www\.\S+|HTTP\s\d+|[A-Za-z][A-Za-z_-]*\d+")


def thai_digits(text: object) -> str:
    """Arabic digits as Thai digits, except in URLs, item and question codes (O7, i12) and HTTP statuses."""
    text = str(text)
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append(text[last:match.start()].translate(_TO_THAI))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(_TO_THAI))
    return "".join(out)


def be_year(day: date) -> int:
    return day.year + BE_OFFSET


def thai_date(day: date, digits: bool = False) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]} {be_year(day)}"
    return thai_digits(text) if digits else text


def month_year(day: date, digits: bool = False) -> str:
    """'พฤศจิกายน 2569': the date line of a report's cover."""
    text = f"{MONTHS[day.month - 1]} {be_year(day)}"
    return thai_digits(text) if digits else text


@dataclass(frozen=True)
class Month:
    year: int  # พ.ศ.
    month: int  # 1–12

    def short(self, digits: bool = True) -> str:
        text = f"{MONTHS_SHORT[self.month - 1]} {self.year % 100:02d}"
        return thai_digits(text) if digits else text

    def long(self, digits: bool = True) -> str:
        text = f"{MONTHS[self.month - 1]} {self.year}"
        return thai_digits(text) if digits else text

    def plus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __le__(self, other: Month) -> bool:
        return (self.year, self.month) <= (other.year, other.month)

    def __lt__(self, other: Month) -> bool:
        return (self.year, self.month) < (other.year, other.month)


@dataclass(frozen=True)
class TimeFrame:
    start: Month
    end: Month
    target_year: int  # the ITA year (พ.ศ.) whose window the measures aim at

    def text(self, digits: bool = True) -> str:
        return f"{self.start.short(digits)} - {self.end.short(digits)}"

    def quick(self, digits: bool = True) -> str:
        """A fix that needs no new document (a broken link, a missing element): one month from the start."""
        end = min(self.start.plus(1), self.end, key=lambda m: (m.year, m.month))
        return f"{self.start.short(digits)} - {end.short(digits)}"


def plan_frame(today: date, year: int, min_months: int = 2) -> TimeFrame:
    """From the month after ``today`` to the month before the next OIT window that leaves ``min_months``.

    ``year`` is the audited ITA year (พ.ศ.); its window opens in March of that year. When that window has
    passed or is too close, the plan aims at the next year's window.
    """
    start = Month(be_year(today), today.month).plus(1)
    target = year
    while True:
        end = Month(target, WINDOW_OPENS_MONTH).plus(-1)
        if start.plus(min_months - 1) <= end:
            return TimeFrame(start, end, target)
        target += 1
