"""The five CMS styles of generated sites: their URL shapes and page templates.

1. dungbhumi  — the most common LAO vendor: /public/list/data/index/menu/N listings, detail pages, a tabbed
                mega-menu, uploads under /public/list_upload/, a soft-404 (200 "ไม่พบข้อมูล") under /public/.
2. classic    — an old PHP site: table layout, <font>, windows-874 bytes (charset in the header, in a meta tag,
                or nowhere), index.php?mod=…&id=…, news opened with javascript:MM_openBrWindow(…), a soft-404
                for unknown ids.
3. wordpress  — Thai percent-encoded slugs, ?page_id=, categories with /page/N/, /wp-content/uploads/YYYY/MM/,
                real 404s.
4. modern     — a recent theme: Bootstrap-like nested divs for a mega-menu, cards, an accordion ITA page,
                /download/N redirecting to /storage/files/…, a soft-404 under /content/.
5. institution — a school (โรงเรียน…) or hospital (โรงพยาบาล…) on a home-made PHP CMS: /data_N pages,
                page.php?id=N, ita.php, a left menu, a soft-404 for unknown page.php ids.

Real agency sites have no <main> element and class names vary (or are absent): so do these.
"""

from __future__ import annotations

import html
from urllib.parse import quote

E = html.escape


def a(href: str, text: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<a href="{E(href, quote=True)}"{c}>{E(text)}</a>'


class Style:
    id = "base"
    start = "/"
    soft_404_prefixes: tuple[str, ...] = ()
    soft_404_query_paths: tuple[str, ...] = ()
    calendar_path = "/calendar"
    legacy_prefix = "/old/"
    encoding = "utf-8"

    def __init__(self, site):
        self.site = site
        self.rng = site.rng
        self.counter = self.rng.randrange(100, 900)

    def next_id(self) -> int:
        self.counter += self.rng.randrange(1, 4)
        return self.counter

    # -- URLs -----------------------------------------------------------------------------------------------
    def home(self) -> str:
        return self.start

    def section(self, hint: str) -> str:  # a menu target page (listing of an item's entries, or a content page)
        raise NotImplementedError

    def detail(self, section: str) -> str:  # an entry under a section
        raise NotImplementedError

    def listing_page(self, first: str, n: int) -> str:  # page n (1-based) of a paginated listing
        raise NotImplementedError

    def doc(self, name: str, ext: str, year: int) -> str:
        raise NotImplementedError

    def news_detail(self, n: int) -> str:
        return self.detail(self.site.news_section)

    def special(self, what: str) -> str:  # person, contact, webboard, complaint, opinion, eservice, ita
        return self.section(what)

    def dead(self) -> str:
        return f"/files/{self.rng.randrange(10000, 99999)}.pdf"

    def soft_404(self) -> str | None:
        return None

    def calendar(self) -> str:
        return f"{self.calendar_path}?ym={self.site.year}-0{self.rng.randrange(1, 5)}"

    def legacy(self, name: str) -> str:
        return f"{self.legacy_prefix}{name}.html"

    def href(self, url: str) -> str:  # how the site writes a link to url
        return url

    def news_link(self, url: str, text: str) -> str:
        return a(self.href(url), text)

    # -- pages ----------------------------------------------------------------------------------------------
    def footer_lines(self) -> list[str]:
        ag, site = self.site.agency, self.site
        lines = [ag.name]
        if "address" in site.footer_fields:
            lines.append(ag.address)
        contact = []
        if "phone" in site.footer_fields:
            contact.append(f"โทรศัพท์ {ag.phone}")
            if self.rng_static(2):
                contact.append(f"โทรสาร {ag.fax}")
        if "email" in site.footer_fields:
            contact.append(f"อีเมล {ag.email}")
        if contact:
            lines.append(" ".join(contact))
        lines.append(site.copyright)
        return lines

    def rng_static(self, n: int) -> bool:
        """A per-site constant choice (the same on every page)."""
        return (self.site.seed + n) % 3 != 0

    def render(self, page) -> tuple[bytes, str]:
        raise NotImplementedError

    def social_html(self) -> str:
        s = self.site
        if s.social == "link":
            return a(s.agency.facebook, "Facebook") + " " + a("https://line.me/R/ti/p/" + s.agency.line, "LINE")
        if s.social == "furniture":
            return '<a href="#">Facebook</a> <a href="javascript:void(0)">YouTube</a>'
        return ""


class Dungbhumi(Style):
    id = "dungbhumi"
    start = "/public/"
    soft_404_prefixes = ("/public/",)
    calendar_path = "/public/calendar/data/index"
    legacy_prefix = "/old/"

    def __init__(self, site):
        super().__init__(site)
        self.menu_id = self.rng.randrange(1100, 1600)
        self.list_id = self.rng.randrange(200, 2500)

    def section(self, hint: str) -> str:
        self.menu_id += self.rng.randrange(1, 5)
        if hint == "person":
            return f"/public/person/data/chart/structure_id/{self.rng.randrange(1, 30)}/menu/{self.menu_id}"
        if hint == "webboard":
            return f"/public/webboard/data/index/menu/{self.menu_id}"
        if hint == "complaint":
            return f"/public/fraudcomplaint/data/index/menu/{self.menu_id}"
        if hint == "opinion":
            return f"/public/hearing/data/index/menu/{self.menu_id}"
        if hint == "eservice":
            return f"/public/eservice/data/index/menu/{self.menu_id}"
        return f"/public/list/data/index/menu/{self.menu_id}"

    def detail(self, section: str) -> str:
        self.list_id += self.rng.randrange(1, 9)
        menu = section.rstrip("/").split("/")[-1]
        return f"/public/list/data/detail/id/{self.list_id}/menu/{menu}"

    def listing_page(self, first: str, n: int) -> str:
        return first if n == 1 else f"{first}/page/{n}"

    def doc(self, name: str, ext: str, year: int) -> str:
        if self.rng.random() < 0.7:
            return f"/public/list_upload/backend/list_{self.list_id}/files_{self.rng.randrange(1000, 99999)}_1.{ext}"
        return f"/public/upload/{name}.{ext}"

    def dead(self) -> str:
        return f"/public/list_upload/backend/list_{self.rng.randrange(100, 999)}/files_{self.rng.randrange(1000, 99999)}_1.pdf"

    def soft_404(self) -> str:
        self.list_id += 1
        return f"/public/list/data/detail/id/{self.list_id + 50000}/menu/{self.rng.randrange(1100, 1800)}"

    def render(self, page) -> tuple[bytes, str]:
        s, ag = self.site, self.site.agency
        tabs, panes = [], []
        for n, (heading, entries) in enumerate(s.menu):
            tid = 1141 + n * 17
            tabs.append(f'<li><a href="#tab-menu-{tid}" data-toggle="tab">{E(heading)}</a></li>')
            panes.append(f'<div class="tab-pane" id="tab-menu-{tid}"><ul class="list-unstyled">'
                         + "".join(f"<li>{a(h, t)}</li>" for t, h in entries) + "</ul></div>")
        side = "".join(f'<div class="banner-left">{a(h, t)}</div>' for t, h in s.sidebar)
        foot = "<br>".join(E(x) for x in self.footer_lines())
        body = (f'<div id="header"><div class="logo"><img src="/public/layout/template/default/images/logo.png" alt=""></div>'
                f'<div class="site-name">{E(ag.name)}</div><div class="site-sub">{E(ag.address if "address" in s.footer_fields else ag.province)}</div></div>'
                f'<div id="topbar">{a("/public", "หน้าแรก")} {a(s.contact_href or "/public/", "ติดต่อ/แผนที่")} '
                f'{a("https://itas.nacc.go.th/go/eit/" + s.itas, "ITA " + str(s.year))}</div>'
                f'<div id="megamenu"><ul class="nav nav-tabs">{"".join(tabs)}</ul><div class="tab-content">{"".join(panes)}</div></div>'
                f'<div id="container"><div id="left">{side}</div><div id="content">'
                f'<div class="title-page">{E(page.title)}</div><div class="detail">{page.body}</div></div></div>'
                f'<div id="footer"><p>{foot}</p><p>{self.social_html()}</p>'
                f'<p>{a("http://dungbhumi.com/", "Dungbhumi Co.,Ltd.")} staff@dungbhumi.com</p></div>')
        doc = (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><meta name="author" content="admin@podgikoong.co.cc">'
               f'<title>{E(page.title)} | {E(ag.name)}</title>'
               f'<link href="/public/layout/template/default/css/style.css" rel="stylesheet"></head>'
               f'<body><div id="wrapper">{body}</div></body></html>')
        return doc.encode("utf-8"), "text/html; charset=utf-8"


class Classic(Style):
    """Old PHP: windows-874 everywhere, tables and <font>, JavaScript pop-up links for news."""
    id = "classic"
    start = "/"
    soft_404_query_paths = ("/index.php", "/news_detail.php", "/news.php")
    calendar_path = "/calendar.php"
    legacy_prefix = "/old/"
    encoding = "cp874"

    def __init__(self, site):
        super().__init__(site)
        self.charset = self.rng.choice(["header", "meta", "none"])  # where (if anywhere) the charset is declared
        self.meta_name = self.rng.choice(["windows-874", "tis-620"])
        self.news_id = self.rng.randrange(100, 900)

    def section(self, hint: str) -> str:
        n = self.next_id()
        if hint == "webboard":
            return "/webboard/index.php"
        if hint in ("complaint", "opinion"):
            return f"/{hint}.php"
        if hint == "listing":
            return f"/news.php?cat_id={n % 40 + 1}"
        return f"/index.php?mod={self.rng.choice(['content', 'page', 'data'])}&id={n}"

    def detail(self, section: str) -> str:
        self.news_id += self.rng.randrange(1, 6)
        return f"/news_detail.php?news_id={self.news_id}"

    def listing_page(self, first: str, n: int) -> str:
        return first if n == 1 else f"{first}&pagenum={n}"

    def doc(self, name: str, ext: str, year: int) -> str:
        if self.rng.random() < 0.5:
            return f"/upload/file/{self.rng.randrange(10000, 99999)}.{ext}"
        return f"/fileupload/{year}_{self.next_id()}.{ext}"

    def dead(self) -> str:
        return f"/upload/file/{self.rng.randrange(100000, 999999)}.pdf"

    def soft_404(self) -> str:
        return f"/index.php?mod=content&id={self.rng.randrange(5000, 9000)}"

    def news_link(self, url: str, text: str) -> str:
        target = url.lstrip("/")
        return (f"<a href=\"javascript:MM_openBrWindow('{E(target)}','','scrollbars=yes,width=760,height=600')\">"
                f"<font color=\"#333333\">{E(text)}</font></a>")

    def render(self, page) -> tuple[bytes, str]:
        s, ag = self.site, self.site.agency
        rows = []
        for heading, entries in s.menu:
            rows.append(f'<tr><td bgcolor="#2C6E1F"><font color="#FFFFFF" size="2"><b>{E(heading)}</b></font></td></tr>')
            rows += [f'<tr><td><img src="/images/arrow.gif" width="9" height="9"> <font size="2">{a(h, t)}</font></td></tr>'
                     for t, h in entries]
        side = "".join(f"<p><font size=\"2\">{a(h, t)}</font></p>" for t, h in s.sidebar)
        foot = "<br>".join(E(x) for x in self.footer_lines())
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={self.meta_name}">' if self.charset == "meta" else ""
        doc = (f"<html><head>{meta}<title>{E(ag.name)} - {E(page.title)}</title>"
               "<script language=\"JavaScript\">function MM_openBrWindow(theURL,winName,features) "
               "{ window.open(theURL,winName,features); }</script></head>"
               '<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">'
               f'<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td colspan="3">'
               f'<img src="/images/banner.jpg" width="980" height="180" alt="{E(ag.name)}"><br>'
               f'<font face="Tahoma" size="4" color="#2C6E1F"><b>{E(ag.name)}</b></font></td></tr>'
               f'<tr><td width="200" valign="top"><table width="100%" border="0">{"".join(rows)}</table></td>'
               f'<td width="580" valign="top"><font face="Tahoma" size="3"><b>{E(page.title)}</b></font><br>'
               f'<font face="Tahoma" size="2">{page.body}</font></td>'
               f'<td width="200" valign="top">{side}</td></tr>'
               f'<tr><td colspan="3" align="center" bgcolor="#EEEEEE"><font size="1">{foot}<br>{self.social_html()}<br>'
               'ออกแบบและพัฒนาโดย PASWORLD COMMUNICATION</font></td></tr></table></body></html>')
        ctype = f"text/html; charset={self.meta_name}" if self.charset == "header" else "text/html"
        return doc.encode("cp874", errors="xmlcharrefreplace"), ctype


class WordPress(Style):
    id = "wordpress"
    start = "/"
    calendar_path = "/events/calendar"
    legacy_prefix = "/old/"

    def __init__(self, site):
        super().__init__(site)
        self.page_id = self.rng.randrange(100, 3000)
        self.slugs: set[str] = set()

    def _slug(self, hint: str) -> str:
        base = hint.replace(" ", "-").replace("/", "-").replace("(", "").replace(")", "").replace("&", "")[:40].strip("-")
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    def section(self, hint: str) -> str:
        if hint == "listing":
            return f"/category/{self._slug('ประกาศ')}/"
        self.page_id += self.rng.randrange(2, 40)
        if self.rng.random() < 0.3 or not any("\u0e00" <= ch <= "\u0e7f" or ch.isalpha() for ch in hint):
            return f"/?page_id={self.page_id}"
        return f"/{self._slug(hint)}/"

    def detail(self, section: str) -> str:
        y = self.site.year - 543 - (1 if self.rng.random() < 0.5 else 0)
        return f"/{y}/{self.rng.randrange(1, 13):02d}/{self.rng.randrange(1, 29):02d}/{self._slug('post-' + str(self.next_id()))}/"

    def listing_page(self, first: str, n: int) -> str:
        return first if n == 1 else f"{first}page/{n}/"

    def doc(self, name: str, ext: str, year: int) -> str:
        ce = year - 543 - (1 if self.rng.random() < 0.4 else 0)
        return f"/wp-content/uploads/{ce}/{self.rng.randrange(1, 13):02d}/{name}.{ext}"

    def dead(self) -> str:
        return f"/wp-content/uploads/{self.site.year - 544}/{self.rng.randrange(1, 13):02d}/file-{self.next_id()}.pdf"

    def href(self, url: str) -> str:
        return quote(url, safe="/?=&%:.-_~")

    def render(self, page) -> tuple[bytes, str]:
        s, ag = self.site, self.site.agency
        items = "".join(
            f'<li class="menu-item menu-item-has-children"><a href="#">{E(h)}</a><ul class="sub-menu">'
            + "".join(f'<li class="menu-item">{a(self.href(u), t)}</li>' for t, u in entries) + "</ul></li>"
            for h, entries in s.menu)
        side = "".join(f'<section class="widget">{a(self.href(u), t)}</section>' for t, u in s.sidebar)
        foot = "".join(f"<p>{E(x)}</p>" for x in self.footer_lines())
        doc = (f'<!DOCTYPE html><html lang="th"><head><meta charset="UTF-8"><title>{E(page.title)} &#8211; {E(ag.name)}</title>'
               '<link rel="stylesheet" href="/wp-content/themes/astra/style.css"><link rel="https://api.w.org/" href="/wp-json/">'
               '</head><body class="page-template-default page">'
               f'<header id="masthead" class="site-header"><p class="site-title">{a("/", ag.name)}</p>'
               f'<p class="site-description">{E(ag.province)}</p></header>'
               f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{items}</ul></nav>'
               f'<div id="content" class="site-content"><div id="primary" class="content-area"><article class="page type-page">'
               f'<header class="entry-header"><h1 class="entry-title">{E(page.title)}</h1></header>'
               f'<div class="entry-content">{page.body}</div></article></div>'
               f'<aside id="secondary" class="widget-area">{side}</aside></div>'
               f'<footer id="colophon" class="site-footer">{foot}<p>{self.social_html()}</p>'
               '<p>ขับเคลื่อนโดย WordPress</p></footer></body></html>')
        return doc.encode("utf-8"), "text/html; charset=UTF-8"


class Modern(Style):
    id = "modern"
    start = "/"
    soft_404_prefixes = ("/content/",)
    calendar_path = "/calendar"
    legacy_prefix = "/archive/"

    def section(self, hint: str) -> str:
        n = self.next_id()
        if hint == "listing":
            return f"/announcement?cat={n}"
        if hint in ("person", "contact", "webboard", "complaint", "opinion", "eservice"):
            return {"person": "/about/executives", "contact": "/contact", "webboard": "/qa", "complaint": "/complaint/fraud",
                    "opinion": "/feedback", "eservice": "/e-service"}[hint] + ("" if self.rng.random() < 0.7 else f"/{n}")
        return f"/content/{n}"

    def detail(self, section: str) -> str:
        return f"/content/{self.next_id()}"

    def listing_page(self, first: str, n: int) -> str:
        sep = "&" if "?" in first else "?"
        return first if n == 1 else f"{first}{sep}page={n}"

    def doc(self, name: str, ext: str, year: int) -> str:
        return f"/storage/files/{year}/{self.rng.randrange(16**7, 16**8):x}.{ext}"

    def dead(self) -> str:
        return f"/storage/files/{self.site.year}/{self.rng.randrange(16**7, 16**8):x}.pdf"

    def soft_404(self) -> str:
        return f"/content/{self.rng.randrange(90000, 99999)}"

    def render(self, page) -> tuple[bytes, str]:
        s, ag = self.site, self.site.agency
        drops = []
        for heading, entries in s.menu:
            cols = [entries[i:i + 8] for i in range(0, len(entries), 8)] or [[]]
            drops.append(f'<div class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#" data-bs-toggle="dropdown">{E(heading)}</a>'
                         f'<div class="dropdown-menu mega-menu"><div class="row">'
                         + "".join('<div class="col-md-4">' + "".join(f'<div class="mega-link">{a(u, t, "dropdown-item")}</div>' for t, u in col)
                                   + "</div>" for col in cols) + "</div></div></div>")
        side = "".join(f'<div class="card quick-link"><div class="card-body">{a(u, t, "stretched-link")}</div></div>' for t, u in s.sidebar)
        foot = "".join(f'<div class="col-12">{E(x)}</div>' for x in self.footer_lines())
        doc = (f'<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
               f'<title>{E(page.title)} - {E(ag.name)}</title><link href="/assets/css/bootstrap.min.css" rel="stylesheet"></head><body>'
               f'<div class="topbar bg-primary text-white"><div class="container">{E(ag.short)} {self.social_html()}</div></div>'
               f'<div class="navbar navbar-expand-lg"><div class="container"><a class="navbar-brand" href="/">'
               f'<img src="/assets/img/logo.png" alt=""> {E(ag.name)}</a><div class="navbar-nav">{"".join(drops)}</div></div></div>'
               f'<div class="container py-4"><div class="row"><div class="col-lg-9"><div class="page-header"><h2 class="page-title">{E(page.title)}</h2></div>'
               f'<div class="page-content">{page.body}</div></div><div class="col-lg-3 sidebar">{side}</div></div></div>'
               f'<div class="footer bg-dark text-light"><div class="container"><div class="row">{foot}</div></div></div></body></html>')
        return doc.encode("utf-8"), "text/html; charset=utf-8"


class Institution(Style):
    """A school or hospital on a home-made PHP CMS."""
    id = "institution"
    start = "/"
    soft_404_query_paths = ("/page.php",)
    calendar_path = "/calendar.php"
    legacy_prefix = "/old/"

    def __init__(self, site):
        super().__init__(site)
        self.classes = self.rng.choice([("menu-left", "menu-head", "menu-link"), ("", "", ""), ("sidenav", "sidenav-title", "")])

    def section(self, hint: str) -> str:
        n = self.next_id()
        if hint == "webboard":
            return "/webboard.php"
        if hint == "listing":
            return f"/news.php?type={n % 9 + 1}"
        if hint == "ita":
            return "/ita.php"
        return f"/data_{n * 7}" if self.rng.random() < 0.5 else f"/page.php?id={n}"

    def detail(self, section: str) -> str:
        return f"/news_view.php?id={self.next_id()}"

    def listing_page(self, first: str, n: int) -> str:
        return first if n == 1 else f"{first}&page={n}"

    def doc(self, name: str, ext: str, year: int) -> str:
        if self.rng.random() < 0.5:
            return f"/files/ita{year}/{name}.{ext}"
        return f"/uploads/{name}.{ext}"

    def dead(self) -> str:
        return f"/files/ita{self.site.year}/doc{self.rng.randrange(100, 999)}.pdf"

    def soft_404(self) -> str:
        return f"/page.php?id={self.rng.randrange(5000, 9999)}"

    def render(self, page) -> tuple[bytes, str]:
        s, ag = self.site, self.site.agency
        box, head, link = self.classes

        def cls(c):
            return f' class="{c}"' if c else ""
        menu = "".join(f"<div{cls(head)}><b>{E(h)}</b></div>" + "".join(f"<div>{a(u, t, link)}</div>" for t, u in entries)
                       for h, entries in s.menu)
        side = "".join(f"<p>{a(u, t)}</p>" for t, u in s.sidebar)
        foot = "<br>".join(E(x) for x in self.footer_lines())
        doc = (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
               f'<title>{E(ag.name)} :: {E(page.title)}</title></head><body>'
               f'<div id="head"><img src="/images/head.jpg" alt=""><h2>{E(ag.name)}</h2><p>{E(ag.district)} {E(ag.province)}</p></div>'
               f'<div id="body"><div id="left"{cls(box)}>{menu}</div>'
               f'<div id="center"><h3>{E(page.title)}</h3>{page.body}</div><div id="right">{side}</div></div>'
               f'<div id="foot">{foot}<br>{self.social_html()}</div></body></html>')
        return doc.encode("utf-8"), "text/html; charset=utf-8"


STYLES = {cls.id: cls for cls in (Dungbhumi, Classic, WordPress, Modern, Institution)}
