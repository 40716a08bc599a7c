"""Build one generated agency site from (style, year, seed): its files, its serving manifest and its ground truth.

Each OIT item of the year is assigned (seeded) one outcome: present on its page or document (in the menu,
only in a listing, on page 2–3 of a listing, as DOCX/XLSX, as a scanned PDF, behind a redirect, in the
windows-874 section) or absent for one reason (not published, dead target, soft-404, placeholder, wrong
year, a required element missing, only its sibling published, only furniture, a scanned document that shows
the wrong year or lacks an element). The truth says what an assessor following the agency's menus and
ITA index would decide, with every URL an assessor would accept as evidence.
"""

from __future__ import annotations

import html
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from demo.generator.documents import docx_bytes, pdf_bytes, png_bytes, scan_pdf_bytes, xlsx_bytes
from demo.generator.identity import make_agency
from demo.generator.styles import STYLES, a
from demo.generator.vocab import Concept, Item, load_vocab, rule_items, rule_structure
from ita_check.siteserver import route_key

E = html.escape
GENERATOR_VERSION = "3"
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
          "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
# Elements published as a document of their own beside the main one (the plan's progress report, the HR criteria).
SEPARATE_ELEMENTS = {"ความก้าวหน้ารอบ 6 เดือน", "หลักเกณฑ์"}
ABSENT_OUTCOMES = ("not_published", "dead_404", "soft_404", "placeholder", "wrong_year", "missing_element", "sibling",
                   "furniture", "scan")
PRESENT_OUTCOMES = ("ok", "listing_only", "paginated", "office_doc", "scan", "redirect", "legacy", "external")
WHY = {"not_published": "ไม่พบการเผยแพร่ข้อมูลบนเว็บไซต์", "dead_404": "ลิงก์เสีย (HTTP 404)",
       "soft_404": "ลิงก์ไปหน้า 'ไม่พบข้อมูล' ของระบบ (soft-404)", "placeholder": "หน้าว่าง / อยู่ระหว่างปรับปรุงข้อมูล",
       "furniture": "มีเพียงชื่อในเมนู/แถบข้าง/กล่องหน้าแรก ไม่มีหน้าข้อมูลของตนเอง"}


# the seeds of each split, in order; `ita eval --generated --split` walks these ranges
SPLIT_SEEDS = {"tune": (1, 499), "dev": (500, 999), "test": (1000, 9999)}


def split_of(seed: int) -> str:
    """Tune seeds (below 500) draw only tune wordings; dev seeds (500–999) tune and dev wordings; test seeds
    (1000 on) tune and test wordings."""
    return next((split for split, (_, last) in SPLIT_SEEDS.items() if seed <= last), "test")


def thai_year(n: int, rng: random.Random, p: float = 0.3) -> str:
    return str(n).translate(THAI_DIGITS) if rng.random() < p else str(n)


@dataclass
class Page:
    url: str
    title: str
    body: str
    chrome: bool = True  # with the site's header, menu and footer
    legacy: bool = False  # an old windows-874 static page


@dataclass
class Plan:
    item: Item
    concept: Concept
    outcome: str
    present: bool
    wording: str = ""
    wording_split: str = "tune"
    missing: str | None = None
    sibling: str | None = None
    urls: list[str] = field(default_factory=list)
    why: str = ""
    link_text_settles: bool | None = None
    index_link: tuple[str, str] | None = None  # (text, href) on the agency's ITA index
    sibling_target: str | None = None


class SiteBuilder:
    def __init__(self, style: str, year: int, seed: int, small: bool = False):
        self.style_id, self.year, self.seed, self.small = style, year, seed, small
        self.split = split_of(seed)
        self.rng = random.Random(f"ita-gen-{GENERATOR_VERSION}-{style}-{year}-{seed}")
        self.vocab = load_vocab()
        kind = "lao" if style != "institution" else self.rng.choice(["school", "hospital"])
        self.kind = kind
        self.agency = make_agency(self.rng, kind)
        self.style = STYLES[style](self)
        self.pages: dict[str, Page] = {}
        self.docs: dict[str, tuple[bytes, str]] = {}
        self.redirects: dict[str, str] = {}
        self.statuses: dict[str, int] = {}
        self.menu_groups: dict[str, list[tuple[str, str]]] = {}
        self.menu: list[tuple[str, list[tuple[str, str]]]] = []
        self.sidebar: list[tuple[str, str]] = []
        self.home_boxes: list[str] = []
        self.footer_fields = {"address", "phone", "email"}
        self.copyright = self.rng.choice([f"© สงวนลิขสิทธิ์ พ.ศ. {year}", f"Copyright © {year - 543} {self.agency.domain}",
                                          f"สงวนลิขสิทธิ์ {year} {self.agency.name}"])
        self.itas = "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6))
        self.social = "link"
        self.contact_href = ""
        self.news_section = ""
        self.plans: dict[str, Plan] = {}
        self.items = rule_items(year)
        self.listing_entries: list[tuple[str, str, int]] = []  # (text, href, wanted page) in the announcements listing
        self.listing_pages: list[str] = []
        self.doc_cap = self.rng.randrange(44, 57)
        self.doc_floor = self.rng.randrange(22, 30)
        self.external_links: list[tuple[str, str]] = []

    # -- small helpers ----------------------------------------------------------------------------------------
    def pick(self, wordings, default: str = "") -> str:
        return self.vocab.pick(self.rng, wordings, self.split, self.kind, default)

    def y(self, n: int) -> str:
        return thai_year(n, self.rng)

    def year_phrase(self, fy: int) -> str:
        return self.pick(self.vocab.year_phrases).replace("{y}", self.y(fy))

    def fy_date(self, fy: int, late_ok: bool = False) -> str:
        """A date inside fiscal year fy (1 Oct fy-1 … 30 Sep fy); for the assessed year no later than April."""
        months = [10, 11, 12, 1, 2, 3, 4] if (fy >= self.year and not late_ok) else [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        m = self.rng.choice(months)
        cal_year = fy - 1 if m >= 10 else fy
        d = self.rng.randrange(1, 29)
        if self.rng.random() < 0.3:
            return f"{d} {MONTHS_SHORT[m - 1]} {str(cal_year)[2:]}"
        return f"{self.y(d)} {MONTHS[m - 1]} {self.y(cal_year)}"

    def fill(self, text: str, fy: int | None = None, doc_title: bool = False, old: bool = False) -> str:
        ag = self.agency
        fy = fy or self.year
        if "{y0}" in text:  # a plan's range: covering fy, and ending at fy when fy is an outdated year
            start = fy - 4 if old else fy - self.rng.randrange(0, 4)
            thai = self.rng.random() < 0.3
            digits = (lambda n: str(n).translate(THAI_DIGITS)) if thai else str
            text = text.replace("{y0}", digits(start)).replace("{y1}", digits(start + 4))
        half = self.pick(self.vocab.half_year_phrases).replace("{py}", self.y(fy - 1)).replace("{y}", self.y(fy))
        month = self.rng.choice(["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม"])
        if month in ("ตุลาคม", "พฤศจิกายน", "ธันวาคม"):  # the fiscal year's first months are in the calendar year before
            text = text.replace("{month} {y}", "{month} {py}")
        if doc_title:
            text = text.replace("{y}", self.year_phrase(fy))
        subs = {"{agency}": ag.name, "{short}": ag.short, "{y}": self.y(fy), "{py}": self.y(fy - 1), "{half}": half,
                "{month}": month, "{chief}": ag.head_title, "{address}": ag.address, "{phone}": ag.phone, "{fax}": ag.fax,
                "{email}": ag.email, "{line}": ag.line, "{unit}": ag.complaint_unit, "{web}": ag.domain,
                "{webboard}": "กระดานถาม-ตอบ"}
        for key, value in subs.items():
            text = text.replace(key, value)
        return " ".join(text.split())

    def add_page(self, url: str, title: str, body: str, legacy: bool = False) -> str:
        self.pages[url] = Page(url, title, body, legacy=legacy)
        return url

    def add_doc(self, url: str, data: bytes, ext: str) -> str:
        ctype = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "png": "image/png",
                 "jpg": "image/jpeg"}[ext]
        self.docs[url] = (data, ctype)
        return url

    def unique(self, make) -> str:
        for _ in range(50):
            url = make()
            if url not in self.pages and url not in self.docs and url not in self.redirects:
                return url
        raise RuntimeError("no unique URL")

    def doc_count(self) -> int:
        return sum(1 for _, ctype in self.docs.values() if not ctype.startswith("image/"))

    def room_for_docs(self) -> bool:
        """Optional documents (older editions, last year's ITA files, attachments) stop at the site's cap."""
        return self.doc_count() < self.doc_cap

    def menu_add(self, group: str, text: str, href: str) -> None:
        self.menu_groups.setdefault(group, []).append((text, href))

    def sign_off(self, fy: int | None, late_ok: bool = False, report: bool = False) -> list[str]:
        chief = self.agency.executives[0]
        lines = [f"({chief.name})", chief.position]
        if fy and report:  # a report on fiscal year fy is written after it ends (October–January)
            m = self.rng.choice([10, 11, 12, 1])
            lines.insert(0, f"รายงาน ณ วันที่ {self.y(self.rng.randrange(1, 29))} {MONTHS[m - 1]} {self.y(fy if m >= 10 else fy + 1)}")
        elif fy:
            lines.insert(0, self.rng.choice(["ประกาศ ณ วันที่ ", "ข้อมูล ณ วันที่ ", "สั่ง ณ วันที่ "]) + self.fy_date(fy, late_ok))
        return lines

    # -- outcomes -----------------------------------------------------------------------------------------------
    def allowed_absent(self, item: Item, concept: Concept) -> list[str]:
        form = concept.form
        out = ["not_published", "dead_404", "placeholder", "furniture"]
        if self.style.soft_404_prefixes or self.style.soft_404_query_paths:
            out.append("soft_404")
        if item.period != "none" and form in ("doc", "news", "egp"):
            out.append("wrong_year")
        if item.require and form in ("doc", "page", "channel"):
            out.append("missing_element")
        if concept.siblings and form == "doc":
            out.append("sibling")
        if form == "doc" and (item.period != "none" or item.require) and not (set(item.require) & SEPARATE_ELEMENTS):
            out.append("scan")
        if form == "news":
            out = [o for o in out if o in ("dead_404", "soft_404", "placeholder", "wrong_year")]
        if form == "social":
            out = ["not_published", "furniture"]
        if form == "egp":
            out = [o for o in out if o != "furniture"]
        if concept.id == "contact":
            out = [o for o in out if o != "furniture"]
        return out

    def allowed_present(self, item: Item, concept: Concept) -> list[tuple[str, float]]:
        form = concept.form
        if form == "doc":
            out = [("ok", 6), ("listing_only", 1.2), ("paginated", 1.2), ("office_doc", 1), ("redirect", 0.5), ("legacy", 0.4)]
            if not (set(item.require) & SEPARATE_ELEMENTS):
                out.append(("scan", 0.8))
            return out
        if form == "page":
            return [("ok", 6), ("redirect", 0.6), ("legacy", 0.5 if concept.id in ("powers", "structure") else 0)]
        if form == "egp":
            return [("ok", 3), ("external", 2)]
        if form == "eservice":
            return [("ok", 3), ("external", 2)]
        return [("ok", 1)]

    def plan_outcomes(self) -> None:
        for item in self.items:
            concept = self.vocab.concept_for(self.year, item.code)
            present = self.rng.random() < (0.85 if concept.form in ("news", "social") else 0.6)
            if present:
                choices = self.allowed_present(item, concept)
                outcome = self.rng.choices([c for c, _ in choices], [w for _, w in choices])[0]
            else:
                weights = {"not_published": 1.6, "scan": 0.6}
                options = self.allowed_absent(item, concept)
                outcome = self.rng.choices(options, [weights.get(o, 1.0) for o in options])[0]
            self.plans[item.code] = Plan(item, concept, outcome, present)
        # sibling confusion: the sibling is published (and, when it is an item this year, present)
        by_concept = {p.concept.id: p for p in self.plans.values()}
        for plan in self.plans.values():
            if plan.outcome != "sibling":
                continue
            options = [s for s in plan.concept.siblings if s in self.vocab.concepts and not self.accepted_as_item(s)]
            self.rng.shuffle(options)
            chosen = None
            for sib in options:
                other = by_concept.get(sib)
                if other is None:
                    chosen = sib
                    break
                if other.outcome != "sibling":
                    other.present, other.outcome = True, "ok"
                    chosen = sib
                    break
            if chosen is None:
                plan.outcome = "not_published"
            plan.sibling = chosen
        contact = self.plans_by_concept("contact")
        if contact and not contact.present:
            self.footer_fields.discard("email")  # the footer alone must never complete the contact item
            if "ช่องทางการสอบถาม" in contact.item.require and not self.plans_by_concept("social"):
                self.social = "none"  # nor may a LINE/Facebook link in the footer stand in for the enquiry channel

    def plans_by_concept(self, cid: str) -> Plan | None:
        return next((p for p in self.plans.values() if p.concept.id == cid), None)

    def need_year(self, plan: Plan) -> int | None:
        period = plan.item.period
        if period == "current":
            return self.year
        if period == "previous":
            return self.year - 1
        if period == "current_or_previous":
            return self.year if self.rng.random() < 0.5 else self.year - 1
        return None

    def wrong_year(self, plan: Plan) -> int:
        period = plan.item.period
        if period == "current":
            return self.year - self.rng.choice([1, 1, 2])
        return self.year - self.rng.choice([2, 2, 3])

    def accepted_years(self, plan: Plan) -> set[int] | None:
        return {"current": {self.year}, "previous": {self.year - 1},
                "current_or_previous": {self.year, self.year - 1}}.get(plan.item.period)

    def choose_wording(self, plan: Plan, concept: Concept | None = None) -> tuple[str, str]:
        concept = concept or plan.concept
        names = self.vocab.names(concept, self.year, self.split, self.kind)
        text = self.rng.choice(names)
        split = "tune"
        for w in concept.names:
            if w.text == text and w.fits(self.split, self.kind):  # a dev wording may repeat a test one's text
                split = w.split
        return self.fill(text), split

    # -- document content -----------------------------------------------------------------------------------------
    def element_lines(self, plan: Plan, fy: int | None, skip: str | None) -> list[str]:
        lines = []
        for element in plan.item.require:
            if element == skip or element in SEPARATE_ELEMENTS:
                continue
            if element in ("หน่วยงานภายใน (สำนัก/กอง/ฝ่าย/งาน)", "ตำแหน่งสำคัญ"):
                continue  # drawn with the structure
            options = self.vocab.elements.get(element)
            if options:
                lines.append(self.fill(self.pick(options), fy))
        return lines

    def structure_lines(self, skip: str | None) -> list[str]:
        ag = self.agency
        lines = []
        if skip != "หน่วยงานภายใน (สำนัก/กอง/ฝ่าย/งาน)":
            lines.append("ส่วนราชการภายใน: " + " / ".join(u for u, _ in ag.units))
        if skip != "ตำแหน่งสำคัญ":
            if skip == "หน่วยงานภายใน (สำนัก/กอง/ฝ่าย/งาน)":
                lines.append("ตำแหน่งสำคัญ: " + ", ".join(p.position for p in ag.executives))
            else:
                lines.append("ตำแหน่งสำคัญ: " + ", ".join([p.position for p in ag.executives] + [h for _, h in ag.units]))
        return lines

    def doc_title(self, plan: Plan, fy: int | None, concept: Concept | None = None) -> str:
        concept = concept or plan.concept
        template = self.pick(concept.docs) if concept.docs else ""
        if not template:
            template = self.choose_wording(plan, concept)[0] + (" {y}" if fy else "")
        if fy and "{y}" not in template and "{y0}" not in template:
            template += " {y}"
        if not fy:
            template = template.replace("{y}", "")
        accepted = self.accepted_years(plan) if plan.concept is concept else None
        old = bool(fy and (accepted is not None and fy not in accepted or fy < self.year - 1))
        return self.fill(template, fy, doc_title=True, old=old)

    def doc_lines(self, plan: Plan, fy: int | None, skip: str | None, concept: Concept | None = None) -> list[str]:
        concept = concept or plan.concept
        title = self.doc_title(plan, fy, concept)
        lines = [title]
        if self.agency.name not in title:
            lines.append(self.agency.name)
        body = [w for w in concept.body if w.fits(self.split, self.kind)]
        if body:
            lines.append(self.fill(self.rng.choice(body).text, fy))
        if concept.id in ("structure", "structure_powers"):
            lines += self.structure_lines(skip)
        lines += self.element_lines(plan, fy, skip) if concept is plan.concept else []
        lines += self.sign_off(fy, report=plan.item.period == "previous" and concept is plan.concept)
        return lines

    def file_name(self, plan: Plan, fy: int | None) -> str:
        if self.rng.random() < 0.4:
            base = plan.wording or plan.item.name
            name = "".join(ch for ch in base if ch.isalnum() or "\u0e00" <= ch <= "\u0e7f" or ch in " -")[:40].strip().replace(" ", "-")
            return f"{name}-{fy}" if fy else name
        return f"{plan.item.code.lower()}-{fy or 'doc'}-{self.rng.randrange(100, 999)}"

    def make_document(self, plan: Plan, lines: list[str], fy: int | None, kind: str = "pdf", ext_rows=None) -> str:
        ext = {"pdf": "pdf", "scan": "pdf", "docx": "docx", "xlsx": "xlsx"}[kind]
        url = self.unique(lambda: self.style.doc(self.file_name(plan, fy), ext, fy or self.year))
        if kind == "pdf":
            data = pdf_bytes(lines, pages=self.rng.choice([1, 1, 2, 3]))
        elif kind == "scan":
            data = scan_pdf_bytes(lines, self.rng, dpi=self.rng.choice([150, 200]))
        elif kind == "docx":
            data = docx_bytes(lines)
        else:
            data = xlsx_bytes(ext_rows or [[line] for line in lines])
        self.add_doc(url, data, ext)
        if self.style.id == "modern" and self.rng.random() < 0.5:  # a download counter that redirects to the file
            counter = self.unique(lambda: f"/download/{self.style.next_id()}")
            self.redirects[counter] = url
            return counter
        return url

    # -- realising an item ------------------------------------------------------------------------------------------
    def link_text_for(self, title: str, url: str) -> str:
        return self.rng.choice([title, title, "ดาวน์โหลดเอกสาร", "คลิกที่นี่", url.rsplit("/", 1)[-1], "รายละเอียด"])

    def doc_item(self, plan: Plan) -> None:
        """A section page (the menu's target) listing one or more documents, directly or through a detail page."""
        outcome, item = plan.outcome, plan.item
        fy = self.need_year(plan)
        skip = None
        if outcome == "wrong_year":
            fy = self.wrong_year(plan)
        elif outcome == "missing_element":
            skip = self.rng.choice(item.require)
        elif outcome == "scan" and not plan.present:
            if item.require and (item.period == "none" or self.rng.random() < 0.5):
                skip = self.rng.choice(item.require)
            else:
                fy = self.wrong_year(plan)
        plan.missing = skip
        broken = outcome == "dead_404"  # the page is there, its document link is dead
        kind = "pdf"
        if outcome == "office_doc":
            kind = "xlsx" if plan.concept.id in ("procurement_monthly", "service_stats", "complaint_stats") else "docx"
        elif outcome == "scan":
            kind = "scan"
        lines = self.doc_lines(plan, fy, skip)
        rows = None
        if kind == "xlsx":
            rows = [[lines[0]], ["ลำดับ", "รายการ", "จำนวน", "หมายเหตุ"]] + [[n + 1, x, self.rng.randrange(1, 400), ""]
                                                                            for n, x in enumerate(lines[1:])]
        main = self.unique(self.style.dead) if broken else self.make_document(plan, lines, fy, kind, rows)
        attachments = [(lines[0], main, True)]  # (title, url, acceptable as evidence)
        if not broken:
            if plan.concept.id == "procurement_monthly" and kind != "scan":  # one summary per month
                for _ in range(self.rng.randrange(1, 4) if self.room_for_docs() else 0):
                    more = self.doc_lines(plan, fy, skip)
                    attachments.append((more[0], self.make_document(plan, more, fy), True))
            for element in item.require:
                if element in SEPARATE_ELEMENTS and element != skip:
                    text = self.fill(self.pick(self.vocab.elements[element]), fy)
                    title = text.split(":")[0] if ":" in text else text[:70]
                    sep_lines = [title, self.agency.name, text, *self.sign_off(fy)]
                    attachments.append((title, self.make_document(plan, sep_lines, fy), True))
        if self.rng.random() < 0.3 and item.period != "none" and outcome != "wrong_year" and self.room_for_docs():
            old = self.wrong_year(plan)  # an older edition beside the current one
            old_lines = self.doc_lines(plan, old, None)
            attachments.append((old_lines[0], self.make_document(plan, old_lines, old), False))
        link_texts = [(self.link_text_for(t, u), u) for t, u, _ in attachments]
        heading = plan.wording
        if fy and self.rng.random() < 0.6 and outcome != "scan":
            heading = f"{plan.wording} {self.year_phrase(fy)}"
        if outcome == "scan":  # what the link says decides whether the link text alone settles the checks
            if plan.present and self.rng.random() < 0.5:
                link_texts[0] = (lines[0], main)
            else:
                link_texts[0] = (self.rng.choice(["เอกสารแนบ", "ดาวน์โหลด", f"{plan.wording} (ไฟล์สแกน)"]), main)
            plan.link_text_settles = bool(plan.present and link_texts[0][0] == lines[0] and not item.require)
        intro = self.rng.choice(["เอกสารเผยแพร่", "รายละเอียดตามเอกสารแนบ", "ดาวน์โหลดเอกสารได้ที่ลิงก์ด้านล่าง", ""])
        body = (f"<p>{E(intro)}</p>" if intro else "") + "<ul>" + "".join(
            f"<li>{a(self.style.href(u), t)}</li>" for t, u in link_texts) + "</ul>"
        evidence = [u for _, u, ok in attachments if ok]
        if outcome in ("listing_only", "paginated"):
            listing = self.listing_pages[0]
            detail = self.add_page(self.unique(lambda: self.style.detail(listing)), heading, body)
            page_no = 1 if outcome == "listing_only" else self.rng.choice([2, 3])
            self.listing_entries.append((heading, detail, page_no))
            plan.urls = [detail, *evidence, ("listing", page_no)]
            plan.index_link = (self.rng.choice(["คลิก", "รายละเอียด"]), listing) if self.rng.random() < 0.6 else None
            return
        detail = None
        two_level = self.rng.random() < {"dungbhumi": 0.8, "classic": 0.3, "wordpress": 0.25, "modern": 0.5}.get(self.style.id, 0.3)
        if outcome == "legacy":
            section = self.add_page(self.unique(lambda: self.style.legacy(f"doc{self.style.next_id()}")), heading, body,
                                    legacy=True)
        else:
            section = self.unique(lambda: self.style.section(plan.wording))
            if two_level:
                detail = self.add_page(self.unique(lambda: self.style.detail(section)), heading, body)
                self.add_page(section, plan.wording, f"<ul><li>{a(self.style.href(detail), heading)}</li></ul>")
            else:
                self.add_page(section, heading, body)
        menu_href = section
        if outcome == "redirect":
            menu_href = self.unique(lambda: self.style.section("go"))
            self.redirects[menu_href] = section
        self.menu_add(self.group_of(plan.concept), plan.wording, menu_href)
        if plan.present:
            plan.urls = [u for u in (detail, *evidence, section, menu_href) if u]
        target = self.rng.choice([section, detail or section, main])
        plan.index_link = (self.rng.choice(["คลิก", "รายละเอียด", "ลิงก์", plan.wording]), target)

    def group_of(self, concept: Concept) -> str:
        cid = concept.id
        if cid in ("structure", "structure_powers", "powers", "executives", "contact", "laws", "pdpa"):
            return "basic"
        if cid in ("news",):
            return "news"
        if "procurement" in cid:
            return "procurement"
        if cid.startswith("hr_") or cid.startswith("ethics"):
            return "hr"
        if cid in ("strategic_plan", "annual_plan", "progress_6m", "annual_report", "budget_plan", "budget_6m", "budget_report"):
            return "plan"
        if cid in ("staff_manual", "service_manual", "service_stats", "satisfaction", "eservice", "qa", "social", "opinion_channel"):
            return "service"
        return "integrity"

    def absent_entry(self, plan: Plan) -> None:
        """Menu/index entries of items whose target is broken, a soft-404, a placeholder, or mere furniture."""
        outcome = plan.outcome
        group = self.group_of(plan.concept)
        if outcome == "dead_404":
            href = self.unique(self.style.dead) if self.rng.random() < 0.5 else self.dead_page_url(plan)
            self.menu_add(group, plan.wording, href)
            plan.index_link = (self.rng.choice(["คลิก", plan.wording]), href)
        elif outcome == "soft_404":
            href = self.style.soft_404()
            self.menu_add(group, plan.wording, href)
            plan.index_link = (self.rng.choice(["คลิก", plan.wording]), href)
        elif outcome == "placeholder":
            url = self.unique(lambda: self.style.section(plan.wording))
            text = self.pick(self.vocab.placeholders)
            self.add_page(url, plan.wording, f'<p>{E(text)}</p><img src="/images/under-construction.png" alt="">')
            self.menu_add(group, plan.wording, url)
            plan.index_link = (self.rng.choice(["คลิก", plan.wording]), url)
        elif outcome == "furniture":
            where = self.rng.choice(["menu", "sidebar", "home"])
            if where == "menu":
                self.menu_add(group, plan.wording, self.rng.choice(["#", "javascript:void(0)"]))
            elif where == "sidebar":
                self.sidebar.append((plan.wording, "javascript:void(0)"))
            else:
                self.home_boxes.append(f'<div class="box"><div class="box-title">{E(plan.wording)}</div>'
                                       f'<img src="/images/banner-{self.rng.randrange(1, 9)}.png" alt="" width="220"></div>')
            plan.index_link = None
        else:  # not published: the index row, if any, has no link
            plan.index_link = None

    def dead_page_url(self, plan: Plan) -> str:
        for _ in range(20):
            url = self.style.section(plan.wording)
            if url not in self.pages and not (self.style.soft_404_prefixes and url.startswith(self.style.soft_404_prefixes)) \
                    and urlsplit(url).path not in self.style.soft_404_query_paths:
                return url
        return self.unique(self.style.dead)

    def page_item(self, plan: Plan) -> None:
        cid, outcome = plan.concept.id, plan.outcome
        skip = None
        if outcome == "missing_element":
            options = list(plan.item.require)
            if cid == "executives":
                options = ["ช่องทางการติดต่อ", "ช่องทางการติดต่อ", "รูปถ่าย"]
            if cid == "contact":
                options = [o for o in options if o in ("อีเมล", "หมายเลขโทรศัพท์", "ช่องทางการสอบถาม")]
            if cid in ("structure", "structure_powers"):
                options = [o for o in options if o != "หน่วยงานภายใน (สำนัก/กอง/ฝ่าย/งาน)"] or options
            skip = self.rng.choice(options)
            plan.missing = skip
        ag = self.agency
        hint = {"executives": "person", "contact": "contact"}.get(cid, plan.wording)
        if outcome == "legacy":
            url = self.unique(lambda: self.style.legacy(cid))
        else:
            url = self.unique(lambda: self.style.section(hint))
        if cid == "executives":
            figures = []
            for n, person in enumerate(ag.executives):
                img = ""
                if skip != "รูปถ่าย":
                    img = self.add_doc(f"/images/executive/p{n + 1}-{self.seed}.png", png_bytes(person.name, self.rng), "png")
                    img = f'<img src="{img}" width="160" height="200" alt="{E(person.name)}"><br>'
                contact = "" if skip == "ช่องทางการติดต่อ" else f"<br>โทร. {E(person.phone)}"
                figures.append(f'<div class="person">{img}<b>{E(person.name)}</b><br>{E(person.position)}{contact}</div>')
            body = "".join(figures)
        elif cid == "contact":
            mapped = {"ที่อยู่": "address", "หมายเลขโทรศัพท์": "phone", "อีเมล": "email"}
            if skip in mapped:
                self.footer_fields.discard(mapped[skip])
            lines = self.element_lines(plan, None, skip)
            body = "".join(f"<p>{E(x)}</p>" for x in [ag.name, *lines]) + '<iframe src="https://www.google.com/maps/embed?pb=1" width="600" height="300"></iframe>'
            self.contact_href = url
        elif cid in ("structure", "structure_powers"):
            lines = self.structure_lines(skip) + self.element_lines(plan, None, skip)
            body = '<img src="/images/structure.png" width="900" alt="แผนผังโครงสร้าง">' + "".join(f"<p>{E(x)}</p>" for x in lines)
        else:  # powers
            lines = self.element_lines(plan, None, skip)
            body = "".join(f"<p>{E(x)}</p>" for x in lines)
        if skip == "หน้าที่และอำนาจ":  # only a pointer to the whole law, which the criteria do not accept
            law = self.pick(self.vocab.concepts["laws"].docs, "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540")
            body += f"<p>อำนาจหน้าที่เป็นไปตาม{E(law)} (รายละเอียดตามกฎหมายฉบับเต็ม)</p>"
        self.add_page(url, plan.wording, body, legacy=outcome == "legacy")
        menu_href = url
        if outcome == "redirect":
            menu_href = self.unique(lambda: self.style.section("go"))
            self.redirects[menu_href] = url
        self.menu_add(self.group_of(plan.concept), plan.wording, menu_href)
        plan.urls = [url] + ([menu_href] if menu_href != url else [])
        plan.index_link = (self.rng.choice(["คลิก", "รายละเอียด", plan.wording]), url)

    def special_item(self, plan: Plan) -> None:
        """Q&A, social network, E-Service, complaint and opinion channels, procurement announcements."""
        form, outcome, ag = plan.concept.form, plan.outcome, self.agency
        group = self.group_of(plan.concept)
        if form == "social":
            self.social = "link" if plan.present else "furniture"
            if plan.present:
                url = self.unique(lambda: self.style.section("social"))
                self.add_page(url, plan.wording, f"<p>{a(ag.facebook, 'Facebook ' + ag.name)}</p>"
                                                 f"<p>{a('https://line.me/R/ti/p/' + ag.line, 'LINE ' + ag.line)}</p>")
                self.menu_add(group, plan.wording, url)
                plan.urls = [ag.facebook, url, self.style.home()]
                plan.index_link = (ag.facebook, ag.facebook)
            else:
                self.social = "furniture" if outcome == "furniture" else "none"
            return
        hint = {"webboard": "webboard", "channel": "complaint" if plan.concept.id == "complaint_channel" else "opinion",
                "eservice": "eservice", "egp": plan.wording}[form]
        url = self.unique(lambda: self.style.section(hint))
        fy = self.year if outcome != "wrong_year" else self.wrong_year(plan)
        external = None
        if form == "webboard":
            rows = "".join(f"<tr><td>{a(self.style.href(url), q)}</td><td>{E(who)}</td><td>{n}</td><td>{self.fy_date(self.year)}</td></tr>"
                           for q, who, n in [("สอบถามเรื่องการชำระภาษีที่ดิน", "ชาวบ้าน", 2), ("ขอทราบขั้นตอนการขออนุญาตก่อสร้าง", "ผู้ใช้ทั่วไป", 1),
                                             ("สอบถามวันรับเบี้ยยังชีพ", "ลูกหลาน", 3)])
            body = (f"<p>ตั้งกระทู้ใหม่ | {E(plan.wording)}</p><table><tr><th>หัวข้อ</th><th>ผู้ตั้ง</th><th>ตอบ</th><th>วันที่</th></tr>"
                    f"{rows}</table><p>ตอบ: เจ้าหน้าที่ได้ตอบคำถามแล้ว</p>")
        elif form == "channel":
            has_form = plan.missing is None and outcome != "missing_element"
            if outcome == "missing_element":
                plan.missing = plan.item.require[0] if plan.item.require else None
            lines = [f"ร้องเรียนด้วยตนเอง ณ {ag.complaint_unit} {ag.name}", f"ทางไปรษณีย์ {ag.address}",
                     f"โทรศัพท์ {ag.phone}"]
            body = "".join(f"<p>{E(x)}</p>" for x in lines)
            if has_form:
                snippet = self.element_lines(plan, None, None)
                body += "".join(f"<p>{E(x)}</p>" for x in snippet)
                body += ('<form method="post" action="#"><p>ชื่อ-นามสกุล (ไม่ระบุก็ได้) <input type="text" name="name"></p>'
                         '<p>เรื่องที่ร้องเรียน <input type="text" name="subject"></p><p>รายละเอียด <textarea name="detail"></textarea></p>'
                         '<p><input type="submit" value="ส่งเรื่อง"></p></form>')
        elif form == "eservice":
            if outcome == "external":
                external = f"https://forms.gle/{self.itas}{self.rng.randrange(100, 999)}"
                body = f"<p>{a(external, 'แบบฟอร์มคำร้องทั่วไป (Google Form)')}</p><p>{a(external + 'x', 'แบบคำขอรับความช่วยเหลือ')}</p>"
            else:
                body = ('<form method="post" action="#"><p>ประเภทคำร้อง <select name="type"><option>คำร้องทั่วไป</option>'
                        '<option>ขอรับความช่วยเหลือ</option></select></p><p>ชื่อ-นามสกุล <input name="name"></p>'
                        '<p>เลขบัตรประจำตัวประชาชน <input name="pid"></p><p>รายละเอียด <textarea name="detail"></textarea></p>'
                        '<input type="submit" value="ยื่นคำร้อง"></form>')
        else:  # e-GP announcements
            rows = []
            for n in range(self.rng.randrange(4, 9)):
                title = self.rng.choice(["ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก",
                                         "ประกาศราคากลาง โครงการก่อสร้างรางระบายน้ำ", "ประกาศประกวดราคาจ้างซ่อมแซมถนนลูกรัง",
                                         "ประกาศผู้ชนะการเสนอราคา ซื้อวัสดุสำนักงาน โดยวิธีเฉพาะเจาะจง",
                                         "ประกาศผู้ชนะการเสนอราคา ซื้ออาหารเสริม (นม)"])
                title = f"{self.fy_date(fy)} {title} หมู่ที่ {self.rng.randrange(1, 15)}"
                if outcome == "external" or n % 2:
                    href = ("https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?servlet=gojsp&proc_id=ShowHTMLFile"
                            f"&processFlows=Procure&projectId={self.rng.randrange(66000000000, 69999999999)}")
                    external = external or href
                else:
                    href = self.add_page(self.unique(lambda: self.style.detail(url)), title,
                                         f"<p>{E(title)}</p><p>{E(ag.name)}</p>")
                rows.append(f"<li>{a(self.style.href(href), title)}</li>")
            body = f"<ul>{''.join(rows)}</ul>"
        self.add_page(url, plan.wording, body)
        self.menu_add(group, plan.wording, url)
        if form == "eservice":
            self.home_boxes.append(f'<div class="box">{a(self.style.href(url), plan.wording)}</div>')
        if plan.present:
            plan.urls = [url] + ([external] if external else [])
        plan.index_link = (self.rng.choice(["คลิก", plan.wording]), url)

    def news_item(self, plan: Plan) -> None:
        if plan.outcome in ("dead_404", "soft_404", "placeholder"):
            return  # handled with the news section (no stories at all)
        self.menu_add("news", plan.wording, self.news_section)
        if plan.present:
            plan.urls = list(self.news_pages)
        plan.index_link = (self.rng.choice(["คลิก", plan.wording]), self.news_section)

    def valid_this_year(self, concept: Concept, year: int | None) -> bool:
        """Whether a document of ``concept`` for fiscal ``year`` is evidence for an item of this year: the same
        information, under its own name or an equivalent one, in a year the item accepts."""
        if year is None:
            return False
        for plan in self.plans.values():
            related = plan.concept.id == concept.id or concept.id in plan.concept.equivalent \
                or plan.concept.id in concept.equivalent
            if related and plan.item.period != "none" and year in (self.accepted_years(plan) or set()):
                return True
        return False

    def accepted_as_item(self, concept_id: str) -> bool:
        """A sibling that an assessor would accept as an item of this year cannot be a decoy."""
        concept = self.vocab.concepts[concept_id]
        return any(self.year in self.vocab.concepts[eq].codes for eq in concept.equivalent if eq in self.vocab.concepts) \
            and self.year not in concept.codes

    def sibling_item(self, plan: Plan) -> None:
        """The item is not published; its sibling is. When the sibling is not an item this year, a decoy page."""
        sib = self.vocab.concepts[plan.sibling]
        other = self.plans_by_concept(sib.id)
        if other is None:
            decoy = Plan(plan.item, sib, "ok", True)
            decoy.wording, _ = self.choose_wording(decoy, sib)
            fy = self.year
            lines = [self.doc_title(decoy, fy, sib), self.agency.name, *self.sign_off(fy)]
            doc = self.make_document(decoy, lines, fy)
            url = self.unique(lambda: self.style.section(decoy.wording))
            self.add_page(url, decoy.wording, f"<ul><li>{a(self.style.href(doc), lines[0])}</li></ul>")
            self.menu_add(self.group_of(sib), decoy.wording, url)
            target = url
        else:
            target = None  # resolved after the sibling is realised (see finish_siblings)
        plan.index_link = ("คลิก", target) if target and self.rng.random() < 0.5 else None
        plan.sibling_target = target

    def finish_siblings(self) -> None:
        for plan in self.plans.values():
            if plan.outcome != "sibling":
                continue
            other = self.plans_by_concept(plan.sibling)
            target = plan.sibling_target
            if other is not None and other.urls:
                target = next((u for u in other.urls if isinstance(u, str) and not u.startswith("http")), None)
            if target and self.rng.random() < 0.5:
                # the item's own menu entry (and index row) lead to the sibling's page
                self.menu_add(self.group_of(plan.concept), plan.wording, target)
                plan.index_link = (self.rng.choice(["คลิก", plan.wording]), target)

    # -- furniture, news, listings -------------------------------------------------------------------------------
    def furniture_pages(self) -> None:
        every = [w.text for w in self.vocab.furniture[self.kind] if w.fits(self.split, self.kind)]
        self.rng.shuffle(every)
        n = 10 if self.small else min(len(every), self.rng.randrange(28, 60))
        groups = ["basic", "basic", "plan", "service", "hr", "extra", "extra"]
        for text in every[:n]:
            if text == "ปฏิทินกิจกรรม":
                self.menu_add("news", text, self.style.calendar())
                continue
            url = self.unique(lambda t=text: self.style.section(t))
            para = self.rng.choice([f"ข้อมูล{text}ของ{self.agency.name}", f"{text} ({self.agency.short})",
                                    f"หน้านี้รวบรวมข้อมูลเรื่อง{text} เพื่อให้ประชาชนได้รับทราบ"])
            more = self.rng.choice(["ติดต่อสอบถามเพิ่มเติมได้ในวันและเวลาราชการ", "ปรับปรุงข้อมูลล่าสุดโดยผู้ดูแลระบบ",
                                    "รายละเอียดตามภาพประกอบ"])
            body = f"<p>{E(para)}</p><p>{E(more)}</p>"
            risky = ("แผน", "งบประมาณ", "รายงาน", "ร้องเรียน", "ร้องทุกข์", "พึงพอใจ", "ตำแหน่ง", "ควบคุม", "ข้อบัญญัติ",
                     "คำสั่ง", "จริยธรรม", "นโยบาย", "การเงิน", "ข้อมูลข่าวสาร", "สถิติ", "บุคลากร", "ผู้บริหาร", "ครู")
            if not any(word in text for word in risky) and (self.doc_count() < self.doc_floor or
                                                             (self.rng.random() < 0.2 and self.room_for_docs())):
                for k in range(self.rng.randrange(1, 3)):  # attachments that name no OIT item
                    title = f"{text} เอกสารที่ {k + 1}"
                    doc = self.add_doc(self.unique(lambda t=title: self.style.doc(t.replace(" ", "-"), "pdf", self.year)),
                                       pdf_bytes([title, self.agency.name, more]), "pdf")
                    body += f"<p>{a(self.style.href(doc), title)}</p>"
            self.add_page(url, text, body)
            self.menu_add(self.rng.choice(groups), text, url)
        links = [("ศูนย์ดำรงธรรม", "http://www.1567.moi.go.th/"), ("สำนักงาน ป.ป.ช.", "https://www.nacc.go.th/"),
                 ("ระบบจัดซื้อจัดจ้างภาครัฐ (e-GP)", "https://www.gprocurement.go.th/"), ("ราชกิจจานุเบกษา", "https://www.ratchakitcha.soc.go.th/"),
                 ("ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์ของราชการ", "https://www.info.go.th/"), ("สำนักงานจังหวัด", "https://www.moi.go.th/"),
                 ("ตรวจสอบอีเมล", f"https://mail.{self.agency.domain}/"), ("ผู้ดูแลระบบ", "/admin/login"),
                 ("กรมบัญชีกลาง", "https://www.cgd.go.th/"), ("ระบบสารบรรณอิเล็กทรอนิกส์", "https://saraban.example.go.th/")]
        if self.kind == "school":
            links += [("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "https://www.obec.go.th/"), ("ระบบ DMC", "https://portal.bopp-obec.info/"),
                      ("สำนักงานเขตพื้นที่การศึกษา", "https://www.obec.go.th/area")]
        elif self.kind == "hospital":
            links += [("กระทรวงสาธารณสุข", "https://www.moph.go.th/"), ("สำนักงานหลักประกันสุขภาพแห่งชาติ", "https://www.nhso.go.th/"),
                      ("สำนักงานสาธารณสุขจังหวัด", "https://www.moph.go.th/ssj")]
        else:
            links += [("กรมส่งเสริมการปกครองท้องถิ่น", "https://www.dla.go.th/"), ("ระบบบริการประชาชน (LPA)", "https://www.dla.go.th/lpa")]
        self.external_links = links

    def news_section_pages(self) -> None:
        """News stories over the current and the last fiscal year, in a paginated listing."""
        headlines = self.vocab.news[self.kind]
        news_plan = self.plans_by_concept("news")
        self.news_stories, self.news_pages = [], []
        if news_plan is not None and news_plan.outcome in ("dead_404", "soft_404", "placeholder"):
            self.absent_entry(news_plan)  # no stories anywhere: the menu entry and the home box lead nowhere
            self.news_section = news_plan.index_link[1]
            self.news_absent = True
            return
        stale = news_plan is not None and news_plan.outcome == "wrong_year"
        self.news_absent = stale
        n = 8 if self.small else self.rng.randrange(25, 70)
        stories = []
        for i in range(n):
            fy = (self.year - 2 if stale else self.year) if i < n // 2 else (self.year - 3 if stale else self.year - 1)
            date = self.fy_date(fy, late_ok=fy < self.year)
            title = f"{self.rng.choice(headlines)} {self.rng.choice(['', 'ประจำปี ' + self.y(fy)])}".strip()
            stories.append((title, date))
        self.news_section = self.unique(lambda: self.style.section("ข่าวประชาสัมพันธ์"))
        per = self.rng.choice([10, 12, 15])
        pages = max(1, -(-n // per))
        self.news_pages = [self.style.listing_page(self.news_section, k + 1) for k in range(pages)]
        for k in range(pages):
            rows = []
            for title, date in stories[k * per:(k + 1) * per]:
                detail = self.add_page(self.unique(lambda k=k: self.style.news_detail(k)), title,
                                       f"<p>{E(date)}</p><p>{E(self.agency.name)} {E(title)}</p><img src=\"/images/news.jpg\" alt=\"\">")
                rows.append(f"<li>{self.style.news_link(detail, title)} <span class=\"date\">{E(date)}</span></li>")
                self.news_stories.append((title, date, detail))
            nav = " ".join(a(self.style.href(u), str(j + 1)) for j, u in enumerate(self.news_pages))
            self.add_page(self.news_pages[k], "ข่าวประชาสัมพันธ์", f"<ul class=\"news-list\">{''.join(rows)}</ul><p>หน้า {nav}</p>")

    def announcements(self) -> None:
        """A general 'ประกาศ' listing: neutral notices, plus the items reachable only from a listing."""
        self.listing_first = self.unique(lambda: self.style.section("listing"))
        self.listing_title = self.rng.choice(["ประกาศ/ประชาสัมพันธ์", "เอกสารเผยแพร่", "ศูนย์ข้อมูลข่าวสาร", "ประกาศต่างๆ",
                                              "ข่าวประกาศ"])
        self.listing_pages = [self.listing_first]

    def finish_announcements(self) -> None:
        fillers = ["ประกาศรับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้างทั่วไป", "ประกาศรายชื่อผู้มีสิทธิ์เข้ารับการสรรหา",
                   "ประกาศ เรื่อง การรับชำระภาษีป้าย", "ประกาศ เรื่อง กำหนดวันหยุดราชการ", "ประกาศผลการคัดเลือกนักเรียนทุน",
                   "ประกาศ เรื่อง การรับลงทะเบียนผู้สูงอายุรายใหม่", "ประกาศ เรื่อง งดจ่ายกระแสไฟฟ้าชั่วคราว",
                   "ประกาศ เรื่อง รับฟังความเห็นร่างข้อบัญญัติการจัดการสิ่งปฏิกูล"]
        per = 10
        wanted_pages = max([p for _, _, p in self.listing_entries] + [1])
        total = max(per * wanted_pages, 11 if self.small else self.rng.randrange(14, 32))
        slots: list[tuple[str, str] | None] = [None] * total
        for text, href, page_no in self.listing_entries:
            free = [i for i in range((page_no - 1) * per, min(page_no * per, total)) if slots[i] is None]
            slots[self.rng.choice(free)] = (text, href)
        for i, slot in enumerate(slots):
            if slot is None:
                fy = self.year - (i // 12) - (2 if self.news_absent else 0)  # no current notice can stand in for absent news
                title = f"{self.rng.choice(fillers)} ({self.fy_date(fy, late_ok=fy < self.year)})"
                slots[i] = (title, self.add_page(self.unique(lambda: self.style.detail(self.listing_first)), title,
                                                 f"<p>{E(self.agency.name)} {E(title)}</p>"))
        pages = -(-total // per)
        self.listing_pages = [self.style.listing_page(self.listing_first, k + 1) for k in range(pages)]
        for k in range(pages):
            rows = "".join(f"<li>{a(self.style.href(h), t)}</li>" for t, h in slots[k * per:(k + 1) * per])
            nav = " ".join(a(self.style.href(u), str(j + 1)) for j, u in enumerate(self.listing_pages))
            self.add_page(self.listing_pages[k], self.listing_title, f"<ul>{rows}</ul><p>หน้า {nav}</p>")
        self.menu_add("extra", self.listing_title, self.listing_first)
        for plan in self.plans.values():  # the listing page an item sits on is acceptable evidence too
            plan.urls = [self.listing_pages[u[1] - 1] if isinstance(u, tuple) else u for u in plan.urls]

    # -- ITA index, legacy section, home ------------------------------------------------------------------------
    def ita_index(self) -> None:
        if self.rng.random() < 0.12:
            return  # some agencies have no ITA page at all
        structure = rule_structure(self.year)
        subs = {s["code"]: s["name"] for s in structure["subindicators"]}
        title = self.rng.choice([f"ITA {self.year}", f"การประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปี {self.y(self.year)}",
                                 f"OIT {self.year}", f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปีงบประมาณ {self.y(self.year)}"])
        url = self.unique(lambda: self.style.section("ita"))
        code_form = self.rng.choice(["O{n}", "o{n}", "O.{n}", "ข้อ {n}"])
        rows_by_sub: dict[str, list[str]] = {}
        for item in self.items:
            plan = self.plans[item.code]
            code = code_form.replace("{n}", item.code[1:])
            name = item.name if self.rng.random() < 0.6 else (plan.wording or item.name)
            if plan.index_link and plan.index_link[1]:
                text, href = plan.index_link
                cell = a(self.style.href(href), text)
            else:
                cell = self.rng.choice(["-", "", "อยู่ระหว่างดำเนินการ"])
            rows_by_sub.setdefault(item.subindicator, []).append((code, name, cell))
        if self.style.id == "modern":
            body = '<div class="accordion" id="accordionITA">' + "".join(
                f'<div class="accordion-item"><h2 class="accordion-header"><button class="accordion-button collapsed" type="button" '
                f'data-bs-toggle="collapse" data-bs-target="#c{n}">{E(sub)} {E(subs.get(sub, ""))}</button></h2>'
                f'<div id="c{n}" class="accordion-collapse collapse"><div class="accordion-body">'
                + "".join(f"<div class=\"ita-row\"><b>{E(c)}</b> {E(nm)} {cell}</div>" for c, nm, cell in rows) + "</div></div></div>"
                for n, (sub, rows) in enumerate(rows_by_sub.items())) + "</div>"
        elif self.style.id == "wordpress":
            body = "".join(f"<h3>{E(subs.get(sub, sub))}</h3><ul>"
                           + "".join(f"<li>{E(c)} {E(nm)}<ul><li>{cell}</li></ul></li>" for c, nm, cell in rows) + "</ul>"
                           for sub, rows in rows_by_sub.items())
        else:
            body = '<table border="1" cellpadding="4"><tr><th>ข้อ</th><th>ข้อมูล</th><th>URL / ลิงก์</th></tr>' + "".join(
                f'<tr><td colspan="3"><b>ตัวชี้วัดย่อยที่ {E(sub)} {E(subs.get(sub, ""))}</b></td></tr>'
                + "".join(f"<tr><td>{E(c)}</td><td>{E(nm)}</td><td>{cell}</td></tr>" for c, nm, cell in rows)
                for sub, rows in rows_by_sub.items()) + "</table>"
        self.add_page(url, title, f"<p>{E(self.agency.name)}</p>{body}")
        self.menu_add("ita", title, url)
        self.sidebar.insert(0, (f"ITA {self.year}", url))
        self.ita_url = url

    def previous_ita(self) -> None:
        """Last year's ITA page: last year's codes, linking last year's documents (never valid for this year)."""
        prev = self.year - 1
        if prev not in (2565, 2566, 2567, 2568) or self.rng.random() < 0.4:
            return
        rows = []
        for item in rule_items(prev):
            concept = self.vocab.concept_for(prev, item.code)
            plan = self.plans_by_concept(concept.id)
            need = {"current": prev, "previous": prev - 1, "current_or_previous": prev}.get(item.period)
            cell = "-"
            if plan and plan.item.period == "none" and plan.present and plan.urls:
                cell = a(self.style.href(plan.urls[0]), "คลิก")
            elif not self.room_for_docs() or self.valid_this_year(concept, need):
                cell = "-"  # last year's document that an assessor would accept for one of this year's items
            elif need and plan and need not in (self.accepted_years(plan) or set()) and plan.item.period != "none":
                stub = Plan(item, concept, "ok", True, wording=self.choose_wording(plan, concept)[0])
                lines = [self.doc_title(stub, need, concept), self.agency.name, *self.sign_off(need, late_ok=True)]
                doc = self.make_document(stub, lines, need)
                cell = a(self.style.href(doc), lines[0])
            elif need and plan is None:
                stub = Plan(item, concept, "ok", True, wording=item.name)
                lines = [self.doc_title(stub, need, concept), self.agency.name, *self.sign_off(need, late_ok=True)]
                doc = self.make_document(stub, lines, need)
                cell = a(self.style.href(doc), lines[0])
            rows.append(f"<tr><td>{E(item.code)}</td><td>{E(item.name)}</td><td>{cell}</td></tr>")
        url = self.unique(lambda: self.style.section(f"ita{prev}"))
        self.add_page(url, f"ITA {prev}", f'<table border="1"><tr><th>ข้อ</th><th>ข้อมูล</th><th>ลิงก์</th></tr>{"".join(rows)}</table>')
        self.menu_add("ita", f"ITA {self.y(prev)}", url)

    def legacy_section(self) -> None:
        """An old static section in windows-874: an archive page and a few old notices."""
        links = []
        for n in range(self.rng.randrange(3, 7)):
            fy = self.year - self.rng.randrange(3, 8)
            title = f"{self.rng.choice(['ข่าวเก่า', 'ประกาศ', 'ภาพกิจกรรม'])} ปี {fy} ฉบับที่ {n + 1}"
            url = self.add_page(self.unique(lambda: self.style.legacy(f"old{self.style.next_id()}")), title,
                                f"<p>{E(self.agency.name)}</p><p>{E(title)}</p>", legacy=True)
            links.append(a(url, title))
        archive = self.add_page(self.unique(lambda: self.style.legacy("index")), "ข้อมูลเก่า (เว็บไซต์เดิม)",
                                "<br>".join(links), legacy=True)
        self.menu_add("extra", "ข้อมูลเก่า", archive)

    def home(self) -> None:
        ag, s = self.agency, self.style
        boxes = [f"<p>ยินดีต้อนรับสู่เว็บไซต์{E(ag.name)}</p>"]
        execs = ag.executives[:self.rng.randrange(1, len(ag.executives) + 1)]
        phone = f"<p>โทร. {E(ag.phone)}</p>" if "phone" in self.footer_fields else ""
        boxes.append('<div class="box executives"><div class="box-title">ผู้บริหาร</div>' + "".join(
            f'<div><img src="/images/executive/home{n}.jpg" alt="" width="120"><br>{E(p.name)}<br>{E(p.position)}</div>'
            for n, p in enumerate(execs)) + phone + "</div>")
        latest = "".join(f"<li>{s.news_link(u, t)} ({E(d)})</li>" for t, d, u in self.news_stories[:5])
        boxes.append(f'<div class="box news"><div class="box-title">ข่าวประชาสัมพันธ์</div><ul>{latest}</ul>'
                     f'{a(s.href(self.news_section), "ดูทั้งหมด")}</div>')
        notices = self.plans_by_concept("procurement_notices")
        if self.kind == "lao" and (notices is None or notices.present):  # e-GP links would be the absent item's evidence
            egp = "".join(f"<li>{a('https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?servlet=gojsp&pid=' + str(self.rng.randrange(10**9, 10**10)), self.fy_date(self.year) + ' ประกาศผู้ชนะการเสนอราคา จ้างซ่อมแซมถนน')}</li>" for _ in range(3))
            boxes.append(f'<div class="box egp"><div class="box-title">ข่าวจัดซื้อจัดจ้างจากระบบ e-GP</div><ul>{egp}</ul></div>')
        boxes += self.home_boxes
        links = [("https://itas.nacc.go.th/go/eit/" + self.itas, "ระบบ ITAS"), ("https://www.nacc.go.th/", "สำนักงาน ป.ป.ช."),
                 ("https://www.info.go.th/", "ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์ของราชการ"), ("http://www.1567.moi.go.th/", "ศูนย์ดำรงธรรม")]
        if self.kind == "lao":
            links.append(("https://www.dla.go.th/", "กรมส่งเสริมการปกครองท้องถิ่น"))
        boxes.append('<div class="box links">' + "".join(f'<div>{a(h, t)}</div>' for h, t in links) + "</div>")
        boxes.append(f'<div class="box">{a(self.style.calendar(), "ปฏิทินกิจกรรม")}</div>')
        self.add_page(s.home(), ag.name, "".join(boxes))
        if s.id == "classic":
            self.redirects["/index.php"] = "/"  # the old address still answers, by redirect
        if s.id == "dungbhumi":
            self.redirects["/"] = "/public/"

    # -- assembling ------------------------------------------------------------------------------------------------
    def assemble_menu(self) -> None:
        headings = {
            "lao": {"basic": ["ข้อมูลพื้นฐาน", "เกี่ยวกับหน่วยงาน"], "news": ["ข่าวสาร", "ประชาสัมพันธ์"],
                    "plan": ["แผนงาน", "แผนพัฒนา/งบประมาณ"], "service": ["บริการประชาชน", "การให้บริการ"],
                    "procurement": ["ข้อมูลการจัดซื้อจัดจ้าง", "จัดซื้อจัดจ้าง"], "hr": ["บุคลากร", "การบริหารงานบุคคล"],
                    "integrity": ["มาตรการภายใน", "การป้องกันการทุจริต", "การดำเนินงาน"], "ita": ["ITA", "การประเมิน ITA"],
                    "extra": ["อื่นๆ", "ข้อมูลทั่วไป"], "links": ["ลิงก์หน่วยงาน", "เว็บไซต์ที่เกี่ยวข้อง"]},
            "school": {"basic": ["ข้อมูลโรงเรียน", "เกี่ยวกับโรงเรียน"], "news": ["ข่าวสาร"], "plan": ["งานแผนงาน", "แผนงาน"],
                       "service": ["บริการ", "งานบริการ"], "procurement": ["จัดซื้อจัดจ้าง"], "hr": ["บุคลากร"],
                       "integrity": ["ส่งเสริมคุณธรรม", "ป้องกันการทุจริต"], "ita": ["ITA", "OIT"], "extra": ["อื่นๆ"],
                       "links": ["ลิงก์ที่น่าสนใจ"]},
            "hospital": {"basic": ["เกี่ยวกับโรงพยาบาล", "ข้อมูลหน่วยงาน"], "news": ["ข่าวสาร"], "plan": ["ยุทธศาสตร์และแผนงาน"],
                         "service": ["บริการผู้ป่วย", "บริการ"], "procurement": ["จัดซื้อจัดจ้าง"], "hr": ["ทรัพยากรบุคคล"],
                         "integrity": ["คุณธรรมและความโปร่งใส", "ป้องกันการทุจริต"], "ita": ["ITA"], "extra": ["อื่นๆ"],
                         "links": ["หน่วยงานที่เกี่ยวข้อง"]},
        }[self.kind]
        total = sum(len(e) for e in self.menu_groups.values())
        wanted = min(len(self.external_links), max(self.rng.randrange(4, 9), 56 - total))
        for text, href in self.rng.sample(self.external_links, wanted):
            self.menu_add("links", text, href)
        order = ["basic", "news", "plan", "service", "procurement", "hr", "integrity", "ita", "extra", "links"]
        self.menu = []
        for key in order:
            entries = self.menu_groups.get(key)
            if entries:
                self.rng.shuffle(entries)
                self.menu.append((self.rng.choice(headings[key]), entries))
        if self.rng.random() < 0.4:  # some sites fold everything into fewer, longer menus
            merged = [(h, e) for h, e in self.menu]
            while len(merged) > 5:
                h1, e1 = merged.pop()
                merged[-1] = (merged[-1][0], merged[-1][1] + e1)
            self.menu = merged
        self.menu.insert(0, (self.rng.choice(["หน้าหลัก", "เมนูหลัก"]), [("หน้าแรก", self.style.home())]))

    def resolve_truth(self) -> dict:
        items = {}
        for item in self.items:
            plan = self.plans[item.code]
            entry = {"present": plan.present, "urls": [], "defect": plan.outcome, "form": plan.concept.form,
                     "concept": plan.concept.id, "wording": plan.wording, "wording_split": plan.wording_split}
            if plan.present:
                urls = []
                for u in plan.urls:
                    urls.append(u)
                    if u in self.redirects:
                        urls.append(self.redirects[u])
                entry["urls"] = list(dict.fromkeys(self.truth_url(u) for u in urls if u))
            else:
                entry["why"] = self.why(plan)
            if plan.missing:
                entry["missing"] = plan.missing
            if plan.outcome == "scan":
                entry["link_text_settles"] = bool(plan.link_text_settles)
            items[item.code] = entry
        return items

    def why(self, plan: Plan) -> str:
        if plan.outcome in WHY:
            return WHY[plan.outcome]
        if plan.outcome == "wrong_year":
            return f"พบเฉพาะข้อมูลปีอื่น (ไม่ใช่ปี {sorted(self.accepted_years(plan) or {self.year})[-1]})"
        if plan.outcome == "missing_element":
            return f"ขาดองค์ประกอบ: {plan.missing}"
        if plan.outcome == "sibling":
            sib = self.vocab.concepts[plan.sibling]
            return f"พบเฉพาะ '{sib.names[0].text}' ซึ่งเป็นคนละข้อ"
        if plan.outcome == "scan":
            detail = f"ขาดองค์ประกอบ: {plan.missing}" if plan.missing else "ปีไม่ตรง"
            return f"เอกสารสแกน: {detail}"
        return "ไม่พบ"

    def truth_url(self, url: str) -> str:
        if url.startswith("http"):
            return url
        parts = urlsplit(url)
        path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
        return path + (f"?{parts.query}" if parts.query else "")

    def build(self) -> dict:
        self.plan_outcomes()
        for plan in self.plans.values():
            plan.wording, plan.wording_split = self.choose_wording(plan)
        self.announcements()
        self.news_section_pages()
        for item in self.items:
            plan = self.plans[item.code]
            form = plan.concept.form
            if plan.outcome == "sibling":
                self.sibling_item(plan)
            elif form == "news":
                self.news_item(plan)
            elif plan.outcome in ("not_published", "soft_404", "placeholder", "furniture") or \
                    (plan.outcome == "dead_404" and (form != "doc" or self.rng.random() < 0.5)):
                if form == "social":
                    self.special_item(plan)
                else:
                    self.absent_entry(plan)
            elif form == "doc":
                self.doc_item(plan)
            elif form == "page":
                self.page_item(plan)
            else:
                self.special_item(plan)
        self.finish_siblings()
        self.finish_announcements()
        self.furniture_pages()
        self.ita_index()
        self.previous_ita()
        self.legacy_section()
        self.home()
        self.assemble_menu()
        return self.resolve_truth()


def write_site(builder: SiteBuilder, truth_items: dict, out: Path) -> dict:
    """Render every page, write files/, site.json (how to serve it) and ground_truth.json."""
    if out.exists():
        shutil.rmtree(out)
    files = out / "files"
    files.mkdir(parents=True)
    style = builder.style
    routes = {}

    def put(url: str, data: bytes, ctype: str, status: int = 200) -> None:
        name = f"f{len(routes):05d}"
        (files / name).write_bytes(data)
        routes[route_key(url)] = {"file": name, "ctype": ctype, "status": status, "url": url}

    legacy_meta = builder.rng.choice([True, False])
    for url, page in builder.pages.items():
        if page.legacy:
            meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-874">' if legacy_meta else ""
            doc = (f"<html><head>{meta}<title>{E(page.title)}</title></head><body bgcolor=\"#FFFFEE\">"
                   f"<table width=\"760\"><tr><td><font face=\"MS Sans Serif\" size=\"3\"><b>{E(builder.agency.name)}</b></font>"
                   f"<hr><font size=\"2\"><b>{E(page.title)}</b><br>{page.body}</font><hr>"
                   f"{a(style.home(), 'กลับหน้าหลัก')}</td></tr></table></body></html>")
            put(url, doc.encode("cp874", errors="xmlcharrefreplace"), "text/html")
        else:
            data, ctype = style.render(page)
            put(url, data, ctype)
    for url, (data, ctype) in builder.docs.items():
        put(url, data, ctype)
    soft_body = None
    if style.soft_404_prefixes or style.soft_404_query_paths:
        text = builder.rng.choice(["ไม่พบข้อมูล", "ไม่พบหน้าที่ท่านต้องการ", "ขออภัย ไม่พบข้อมูลที่ท่านเรียก"])
        data, ctype = style.render(Page("", text, f"<p>{E(text)}</p><p>{a(style.home(), 'กลับหน้าแรก')}</p>"))
        (files / "soft404").write_bytes(data)
        soft_body = {"file": "soft404", "ctype": ctype}
    manifest = {
        "generator": GENERATOR_VERSION, "style": style.id, "year": builder.year, "seed": builder.seed,
        "start": style.start, "title": builder.agency.name, "routes": routes,
        "redirects": {route_key(k): v for k, v in builder.redirects.items()},
        "soft_404_prefixes": list(style.soft_404_prefixes), "soft_404_query_paths": list(style.soft_404_query_paths),
        "soft_404": soft_body, "calendar_path": style.calendar_path,
    }
    (out / "site.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    pages = sum(1 for r in routes.values() if r["ctype"].startswith("text/html"))
    documents = sum(1 for r in routes.values() if not r["ctype"].startswith(("text/html", "image/")))
    truth = {"site": f"gen-{style.id}-{builder.year}-{builder.seed}", "name": builder.agency.name, "year": builder.year,
             "start": style.start, "style": style.id, "seed": builder.seed, "split": builder.split, "kind": builder.kind,
             "generator": GENERATOR_VERSION, "pages": pages, "documents": documents,
             "menu_entries": sum(len(e) for _, e in builder.menu), "items": truth_items}
    (out / "ground_truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def build_site(style: str, year: int, seed: int, out: Path, small: bool = False) -> dict:
    builder = SiteBuilder(style, year, seed, small=small)
    items = builder.build()
    return write_site(builder, items, out)
