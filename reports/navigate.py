"""How a person reaches a page from the home page: the link texts clicked, as an ITAS explanation says it
("เมนู แผนพัฒนาท้องถิ่น > แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)").

A breadth-first walk over the crawl's records from the start page gives the fewest clicks; a link that is on
most pages is the site's menu and is named "เมนู". When the agency's ITA page also links the evidence, that
route is given too, since assessors usually go through it.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass
from urllib.parse import urlsplit

from model.records import PageRecord
from model.urls import canonical
from reports.safe import one_line

_ITA_PAGE = re.compile(r"(^|\W)(ita|oit)(\W|\d|$)|คุณธรรมและความโปร่งใส|เปิดเผยข้อมูลสาธารณะ", re.IGNORECASE)
_GENERIC = re.compile(r"^(คลิก(ที่นี่)?|click(here)?|ที่นี่|here|ดาวน์โหลด|download|อ่านต่อ|อ่านเพิ่มเติม|รายละเอียด|เปิด|ดู|view|more|link|ลิงก์|>+|»)$",
                      re.IGNORECASE)
_TRAILING = re.compile(r"(\s+(คลิก(ที่นี่)?|click|ดาวน์โหลด|download|ดูรายละเอียด|รายละเอียด))+$", re.IGNORECASE)
MENU_SHARE = 0.4


def link_label(text: str, context: str = "", title: str = "") -> str:
    """What a person reads on a link: its text, or its table row / the page title when it says only 'คลิก'."""
    text = one_line(text, 80)
    key = "".join(text.lower().split())
    if key.isdigit():
        return f"หน้า {text}"
    if not key or _GENERIC.match(key):
        context = _TRAILING.sub("", one_line(context.replace("|", " "), 100))
        return one_line(context, 80) or one_line(title, 80) or text or "(ลิงก์ไม่มีข้อความ)"
    return text


@dataclass(frozen=True)
class Step:
    text: str
    menu: bool


class Navigator:
    def __init__(self, records: list[PageRecord], start: str):
        self.pages = {canonical(r.url): r for r in records if r.kind == "page" and r.ok}
        self.titles = {canonical(r.url): one_line(r.title) for r in records if r.ok}
        self.start = canonical(start)
        counts: Counter = Counter()
        for page in self.pages.values():
            counts.update({canonical(link.url) for link in page.links})
        limit = max(2, MENU_SHARE * len(self.pages))
        self.menu = {url for url, n in counts.items() if n >= limit}
        self.parent: dict[str, tuple[str, str]] = {}  # the pages seen so far (the start page aside)
        self._queue = deque([self.start] if self.start in self.pages else [])

    def _walk_to(self, target: str) -> None:
        """Walk breadth-first from the home page only until ``target`` is reached: evidence is a few clicks from
        it, and a parent, set when a page is first seen, is the same as a whole walk would set."""
        while target not in self.parent and self._queue:
            url = self._queue.popleft()
            for link in self.pages[url].links:
                page = canonical(link.url)
                if page in self.parent or page == self.start:
                    continue
                self.parent[page] = (url, link_label(link.text, link.context, self.titles.get(page, "")))
                if page in self.pages:
                    self._queue.append(page)

    def steps(self, url: str) -> list[Step] | None:
        """The clicks from the home page to ``url``, or None when no crawled page links it."""
        target = canonical(url)
        if target == self.start:
            return []
        self._walk_to(target)
        if target not in self.parent:
            return None
        steps: list[Step] = []
        while target != self.start and target in self.parent:
            parent, text = self.parent[target]
            steps.append(Step(text, target in self.menu and parent == self.start))
            target = parent
        return steps[::-1]

    def via_ita_page(self, url: str) -> list[Step] | None:
        """The route through the agency's ITA/OIT page, when one of the menu's ITA pages links ``url``."""
        target = canonical(url)
        start = self.pages.get(self.start)
        if start is None:
            return None
        for link in start.links:
            page = canonical(link.url)
            if page == target or page not in self.pages or not _ITA_PAGE.search(link.text or ""):
                continue
            for inner in self.pages[page].links:
                if canonical(inner.url) == target and (inner.context or target not in self.menu):
                    text = link_label(inner.text, inner.context, self.titles.get(target, ""))
                    return [Step(one_line(link.text, 60), page in self.menu), Step(text, False)]
        return None

    def describe(self, url: str) -> str:
        """'เมนู A > B' (and 'หรือ เมนู ITA 2569 > O5 …'), or where the link leads when it is off the site."""
        steps = self.steps(url)
        parts = []
        if steps:
            parts.append(path_text(steps))
        ita = self.via_ita_page(url)
        if ita and (not steps or path_text(ita) != parts[0]):
            parts.append(path_text(ita))
        if not parts:
            if steps == []:
                return "หน้าแรกของเว็บไซต์"
            host = urlsplit(url).hostname or ""
            start_host = urlsplit(self.start).hostname or ""
            return f"ลิงก์ไปยัง {host}" if host and host != start_host else ""
        return " หรือ ".join(parts)


def path_text(steps: list[Step]) -> str:
    if not steps:
        return "หน้าแรกของเว็บไซต์"
    first = ("เมนู " if steps[0].menu else "หน้าแรก > ") + steps[0].text
    return " > ".join([first, *(s.text for s in steps[1:])])
