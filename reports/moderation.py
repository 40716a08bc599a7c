"""Posts on the agency's Q&A board that do not belong there: gambling, casinos, loans, selling, adult content.

The board is found in the crawl's records the way an assessor finds it: by its menu link text
("กระดานถาม-ตอบ", "เว็บบอร์ด") or its URL shape (``/webboard/``). Its posts are the links on the board's
pages that are not the site's menus, the thread pages under the board's address, and the lines of the
board's own listing. Each is matched against the vocabulary in ``rules/moderation.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from model.records import Link, PageRecord
from model.urls import canonical
from reports.safe import one_line
from rules.moderation import Moderation, load_moderation, spam_keys

TEMPLATE_SHARE = 0.4  # a link or block on at least this share of pages is the site's template (menus, footer)


@dataclass
class Post:
    url: str
    text: str  # everything matched: a link's text, or a thread's title, headings, content and outside links
    label: str = ""  # what a person recognises the post by: the link text or the thread's title

    def __post_init__(self) -> None:
        self.label = self.label or self.text


@dataclass
class FlaggedPost:
    url: str
    text: str
    categories: list[str]  # category names (Thai)
    terms: list[str]  # the vocabulary terms that matched


@dataclass
class BoardScan:
    boards: list[str] = field(default_factory=list)  # the board's root pages
    posts: int = 0
    flagged: list[FlaggedPost] = field(default_factory=list)
    item: str | None = None  # the year's Q&A/enquiry item code

    def counts(self) -> Counter:
        return Counter(name for post in self.flagged for name in post.categories[:1])

    def summary(self, moderation: Moderation, lang: str = "th") -> str:
        """One line: how many posts do not belong, and of which kinds."""
        sep = ", "
        cats = sep.join(f"{name} {n}" for name, n in self.counts().most_common())
        text = moderation.warning if lang == "th" else (moderation.warning_en or moderation.warning)
        return text.format(count=len(self.flagged), categories=cats, boards=" ".join(self.boards))


class _Vocabulary:
    def __init__(self, moderation: Moderation):
        self.terms: list[tuple[str, str, str, str, bool]] = []  # (plain, leet, category name, term, strong)
        self.contact = set()
        for cat in moderation.categories:
            for strong, terms in ((True, cat.strong), (False, cat.weak)):
                for term in terms:
                    plain, leet = spam_keys(term)
                    self.terms.append((plain, leet, cat.name, term, strong))
            if not cat.strong:
                self.contact.add(cat.name)

    def match(self, text: str) -> tuple[list[str], list[str]] | None:
        plain, leet = spam_keys(text)
        strong, weak = [], []
        for t_plain, t_leet, cat, term, is_strong in self.terms:
            if t_plain in plain or t_leet in leet:
                (strong if is_strong else weak).append((cat, term))
        weak_terms = {term for _, term in weak}
        real_weak = [cat for cat, _ in weak if cat not in self.contact]
        if not strong and not (len(weak_terms) >= 2 and real_weak):
            return None
        cats = list(dict.fromkeys(cat for cat, _ in [*strong, *weak] if cat not in self.contact))
        terms = list(dict.fromkeys(term for _, term in [*strong, *weak]))
        return cats, terms


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _template(records: list[PageRecord]) -> tuple[set[tuple[str, str]], set[str]]:
    pages = [r for r in records if r.kind == "page" and r.ok]
    if len(pages) < 5:
        return set(), set()
    links: Counter = Counter()
    blocks: Counter = Counter()
    for page in pages:
        links.update({(canonical(link.url), link.text.strip()) for link in page.links})
        blocks.update(set(page.blocks))
    limit = TEMPLATE_SHARE * len(pages)
    return {k for k, n in links.items() if n >= limit}, {b for b, n in blocks.items() if n >= limit}


def _board_area(url: str, patterns: list[re.Pattern]) -> str:
    """The part of the board's address its threads share: up to the path segment that names the board."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    for pattern in patterns:
        match = pattern.search(path.lower())
        if match:
            end = path.find("/", match.end())
            return f"{parts.scheme}://{parts.netloc}{path if end < 0 else path[:end]}"
    return canonical(url)


def _under(url: str, area: str) -> bool:
    """Whether ``url`` is the board area or below it: a deeper path, or the same page with more parameters."""
    u, a = urlsplit(url), urlsplit(area)
    if u.netloc != a.netloc:
        return False
    if a.query:
        return u.path == a.path and set(parse_qsl(a.query)) <= set(parse_qsl(u.query))
    return u.path == a.path or u.path.startswith(a.path.rstrip("/") + "/")


def find_boards(records: list[PageRecord], moderation: Moderation) -> list[str]:
    url_res = [re.compile(p) for p in moderation.board.url]
    text_res = [re.compile(p) for p in moderation.board.link_text]
    pages = {canonical(r.url): r for r in records if r.kind == "page" and r.ok}
    roots: dict[str, None] = {}
    links: dict[int, Link] = {}  # a menu repeats on every page: each link object is read once
    for record in pages.values():
        links.update(zip(map(id, record.links), record.links, strict=True))
    for link in links.values():
        key = "".join(link.text.lower().split())
        if key and any(p.search(key) for p in text_res) and canonical(link.url) in pages:
            roots[canonical(link.url)] = None
    for url in pages:
        parts = urlsplit(url)
        where = unquote(parts.path + ("?" + parts.query if parts.query else "")).lower()
        if any(p.search(where) for p in url_res):
            roots.setdefault(url, None)
    # keep the shallowest page of each board area: the listing, not every thread
    areas: dict[str, str] = {}
    for url in roots:
        area = _board_area(url, url_res)
        best = areas.get(area)
        if best is None or pages[url].depth < pages[best].depth:
            areas[area] = url
    return list(areas.values())


def board_posts(records: list[PageRecord], moderation: Moderation) -> tuple[list[str], list[Post]]:
    url_res = [re.compile(p) for p in moderation.board.url]
    roots = find_boards(records, moderation)
    if not roots:
        return [], []
    template_links, template_blocks = _template(records)
    areas = {_board_area(url, url_res) for url in roots}

    def in_area(url: str) -> bool:
        return any(_under(canonical(url), area) for area in areas)

    posts: dict[tuple[str, str], Post] = {}

    def add(url: str, text: str, label: str = "") -> None:
        text = one_line(text)
        if text:
            posts.setdefault((canonical(url), text), Post(url, text, one_line(label)))

    root_keys = {canonical(u) for u in roots}
    for record in records:
        if record.kind != "page" or not record.ok or not (canonical(record.url) in root_keys or in_area(record.url)):
            continue
        is_root = canonical(record.url) in root_keys
        link_texts = set()
        for link in record.links:
            if (canonical(link.url), link.text.strip()) in template_links or canonical(link.url) in root_keys:
                continue
            external = _host(link.url) != _host(record.url)
            if external and not is_root:
                continue  # a thread's outside links are read with the thread's own text below
            if not external and not in_area(link.url):
                continue  # another part of the agency's site (a sidebar), not a post
            link_texts.add(one_line(link.text))
            add(link.url, link.text + (" " + link.url if external else ""), link.text)
        content = [b for b in record.blocks if b not in template_blocks]
        if is_root:
            for block in content:
                if one_line(block) not in link_texts:  # a listing line that is a post's link is read once
                    add(record.url, block)
        else:
            outside = " ".join(link.url for link in record.links if _host(link.url) != _host(record.url)
                               and (canonical(link.url), link.text.strip()) not in template_links)
            add(record.url, " ".join([record.title, *record.headings, *content, outside]),
                (record.headings or [record.title])[0])
    return roots, list(posts.values())


def scan_board(records: list[PageRecord], year: int, items: list[tuple[str, str]],
               moderation: Moderation | None = None) -> BoardScan:
    moderation = moderation or load_moderation()
    vocabulary = _Vocabulary(moderation)
    roots, posts = board_posts(records, moderation)
    scan = BoardScan(boards=roots, posts=len(posts), item=moderation.item_for(year, items))
    seen: set[str] = set()
    for post in posts:
        found = vocabulary.match(post.text)
        if not found:
            continue
        key = canonical(post.url) if post.url not in roots else post.text
        if key in seen:
            continue
        seen.add(key)
        cats, terms = found
        scan.flagged.append(FlaggedPost(post.url, one_line(post.label, 160), cats, terms))
    return scan
