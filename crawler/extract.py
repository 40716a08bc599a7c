"""HTML to the fields of a page record, with selectolax (10× BeautifulSoup on menu-heavy agency pages).

Agency CMSs hide links in more places than ``<a href>``: image maps, frames, meta refresh, and
``javascript:MM_openBrWindow('news_detail.php?id=1')`` or ``onclick="window.open(...)"``. All of them are
collected with the text a citizen would click. The page is always given as a decoded ``str``.

The visible text is kept as blocks (paragraphs, cells, list entries, headings): inline tags are unwrapped and
adjacent text merged, so one C-speed ``text()`` call with a separator yields the blocks. The rules engine
learns from the blocks that repeat across a site which ones are its template.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser
from w3lib.html import get_base_url
from w3lib.url import safe_url_string

from model.records import Link, shared_link

_JS_URL = re.compile(
    r"""(?:window\.open|MM_openBrWindow|openWindow|popup|location\.href\s*=|location\s*=|location\.assign|location\.replace)"""
    r"""\s*\(?\s*['"]([^'"]+)['"]""",
    re.IGNORECASE,
)
_REFRESH = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
_CHROME = ("nav", "header", "footer", "aside")
_CHROME_WORDS = re.compile(r"menu|nav|sidebar|footer|header|banner|breadcrumb|topbar|slide", re.IGNORECASE)
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "#", "line:", "fb:")
BLOCK_MARK = "\x1e"
# Bounds for hostile pages (a 40 MB page of links): what is kept of one page, far above any real agency page.
MAX_HTML_CHARS = 8_000_000
MAX_LINKS = 20_000
MAX_BLOCK_CHARS = 1_000_000
# Inline tags do not end a block; unwrapped (after the links are read) so "แผน<b>การ</b>จัดซื้อ" is one text.
_INLINE = ["a", "abbr", "b", "bdi", "big", "cite", "em", "font", "i", "mark", "q", "s", "small", "span", "strike",
           "strong", "sub", "sup", "time", "u"]


@dataclass
class Extracted:
    title: str = ""
    headings: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: int = 0
    forms: int = 0
    tables: int = 0
    # model.records.page_fields_json made in the parser's process: UTF-8, zlib-compressed (crawler.parsing)
    packed_json: bytes = field(default=b"", compare=False, repr=False)
    encoding: str = field(default="", compare=False)  # the charset the page was read in (crawler.charset)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _node_text(node) -> str:
    return _squash(node.text(deep=True, separator=" ", strip=True))


@lru_cache(maxsize=200_000)
def _join(base: str, href: str) -> str | None:
    try:
        return safe_url_string(urljoin(base, href))
    except ValueError:
        return None


def _absolute(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    # Menus repeat on every page: key the cache on what the result depends on, so it hits across pages.
    if "://" in href[:12]:
        base = ""
    elif href.startswith("/") and not href.startswith("//"):
        base = base[: base.find("/", base.find("//") + 2)] if base.count("/") >= 3 else base
    else:
        base = base[: base.rfind("/") + 1] if "?" not in base and "#" not in base else base
    return _join(base, href)


def _link_text(node) -> str:
    text = _node_text(node)
    if text:
        return text
    for attr in ("title", "aria-label"):
        if node.attributes.get(attr):
            return _squash(node.attributes[attr])
    img = node.css_first("img")
    if img is not None:
        return _squash(img.attributes.get("alt") or img.attributes.get("title") or "")
    return ""


MAX_ROW_TEXT = 600  # longer rows are layout tables (a whole page in one row), not index rows


def _row_contexts(tree) -> dict[int, str]:
    """For each link inside a short table row (an ITA index row "O5 | แผนยุทธศาสตร์ | [คลิก]"), the row's text.
    Rows are read once per page; a row holding a whole layout is no index row."""
    contexts: dict[int, str] = {}
    for row in tree.css("tr"):
        text = _node_text(row)
        if len(text) <= MAX_ROW_TEXT:
            for link in row.css("a, area"):
                contexts[link.mem_id] = text[:300]
    return contexts


def _is_chrome(node) -> bool:
    attrs = node.attributes
    return bool(_CHROME_WORDS.search((attrs.get("class") or "") + " " + (attrs.get("id") or "")))


def _blocks(node) -> list[str]:
    node.unwrap_tags(_INLINE)
    node.merge_text_nodes()
    out = []
    for block in node.text(deep=True, separator=BLOCK_MARK).split(BLOCK_MARK):
        block = " ".join(block.split())
        if block:
            out.append(block)
    return out


def extract_html(url: str, html: str) -> Extracted:
    html = html[:MAX_HTML_CHARS]
    tree = LexborHTMLParser(html)
    base = get_base_url(html[:4096], url) if "<base" in html[:4096].lower() else url
    out = Extracted()
    title = tree.css_first("title")
    out.title = _node_text(title) if title is not None else ""

    links: list[Link] = []
    rows = _row_contexts(tree) if tree.css_first("tr") is not None else {}
    for node in tree.css("a, area"):
        attrs = node.attributes
        href = (attrs.get("href") or "").strip()
        onclick = attrs.get("onclick")
        if href and not onclick and href[0] != "#" and href[:11].lower() != "javascript:":
            absolute = _absolute(base, href)  # the common case, kept short: menus have hundreds of these
            if absolute:
                context = rows.get(node.mem_id, "") if rows else ""
                links.append(shared_link(absolute, _link_text(node), "area" if node.tag == "area" else "a", context))
            continue
        text = _link_text(node)
        targets = []
        if href.lower().startswith("javascript:") or not href or href.startswith("#"):
            targets += _JS_URL.findall(href)
        else:
            targets.append(href)
        targets += _JS_URL.findall(onclick or "")
        context = rows.get(node.mem_id, "") if rows else ""
        for target in targets:
            absolute = _absolute(base, target)
            if absolute:
                source = "area" if node.tag == "area" else ("script" if target != href else "a")
                links.append(shared_link(absolute, text, source, context))
    for node in tree.css("frame, iframe"):
        absolute = _absolute(base, node.attributes.get("src") or "")
        if absolute:
            links.append(Link(absolute, _squash(node.attributes.get("title") or node.attributes.get("name") or ""), "frame"))
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.search(node.attributes.get("content") or "")
            absolute = _absolute(base, match.group(1)) if match else None
            if absolute:
                links.append(Link(absolute, "", "refresh"))
    for node in tree.css("[onclick]"):
        if node.tag in ("a", "area"):
            continue
        for target in _JS_URL.findall(node.attributes.get("onclick") or ""):
            absolute = _absolute(base, target)
            if absolute:
                links.append(Link(absolute, _node_text(node), "script"))
    out.links = links[:MAX_LINKS]
    out.forms = len(tree.css("form"))
    out.tables = len(tree.css("table"))

    for node in tree.css("script, style, noscript, template, svg"):
        node.decompose()
    body = tree.body
    if body is None:
        return out
    out.headings = [h for h in (_node_text(n) for n in body.css("h1, h2, h3")) if h][:30]
    for node in body.css(", ".join(_CHROME)):
        node.decompose()
    for node in body.css("[class], [id]"):
        if node.parent is not None and _is_chrome(node) and node.tag not in ("body", "main", "article"):
            node.decompose()
    out.images = sum(1 for img in body.css("img") if not _is_tiny(img))
    points = body.css_first("a[href], area[href]") is not None or out.images > 0
    out.blocks = _blocks(body)  # (unwraps inline tags, links among them)
    if sum(map(len, out.blocks)) < 20 and not points:
        # Nothing left: the layout put the content inside a box named 'menu' or 'header'. Read the page again
        # with only its semantic chrome (<nav>, <header>, <footer>, <aside>) set aside. A page whose content
        # is one link ('ดาวน์โหลด') or a picture is a pointer page, and stays one: reading it again would give
        # it the menu's text.
        full = LexborHTMLParser(html)
        for node in full.css("script, style, noscript, template, svg"):
            node.decompose()
        if full.body is not None:
            for node in full.body.css(", ".join(_CHROME)):
                node.decompose()
        blocks = _blocks(full.body) if full.body is not None else []
        if sum(map(len, blocks)) > sum(map(len, out.blocks)):
            out.blocks = blocks
    out.blocks = [sys.intern(b) for b in _bounded(out.blocks)]  # template blocks repeat on every page
    return out


def _bounded(blocks: list[str]) -> list[str]:
    total = 0
    for index, block in enumerate(blocks):
        total += len(block)
        if total > MAX_BLOCK_CHARS:
            return blocks[:index]
    return blocks


def _is_tiny(img) -> bool:
    """Spacers, bullets and icons are not photos."""
    for attr in ("width", "height"):
        value = (img.attributes.get(attr) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < 40:
            return True
    src = (img.attributes.get("src") or "").lower()
    return any(word in src for word in ("icon", "bullet", "spacer", "arrow", "logo"))
