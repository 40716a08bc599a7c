"""Build the bundled demo agency site (demo/site) and its ground truth (demo/ground_truth.json).

The site imitates a Dungbhumi-CMS sub-district site (the most common vendor, see
shared/reference/lao-websites.md): /public/list/data/index/menu/N listings, detail pages, uploads under
/public/upload, a mega-menu on every page, an ITA index table, and the usual defects: wrong-year
documents, broken links, a placeholder page, a page missing a required element, evidence only on page 3
of a listing, a scanned (image-only) PDF, and an old section in windows-874 (TIS-620).

Run once when the site changes (needs the ``build-demo`` extra: reportlab, fontpkg-sarabun):
    .venv/bin/python demo/build_site.py
The output is committed, so tests and ``make demo`` never need these packages.
"""

from __future__ import annotations

import html
import json
import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
NAME = "องค์การบริหารส่วนตำบลบ้านนาดี"
SHORT = "อบต.บ้านนาดี"
ADDRESS = "เลขที่ 99 หมู่ที่ 4 ตำบลบ้านนาดี อำเภอเมืองตัวอย่าง จังหวัดตัวอย่าง 40000"
PHONE = "043-123-456"
EMAIL = "saraban@bannadee.go.th"
rng = random.Random(2569)

# -- documents -----------------------------------------------------------------------------------------------


def _font():
    from fontpkg_sarabun import ROOT
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Sarabun", str(ROOT / "files" / "Sarabun-Regular.ttf")))
    return str(ROOT / "files" / "Sarabun-Regular.ttf")


def pdf(path: str, lines: list[str], pages: int = 1, root: Path = SITE) -> str:
    """A text PDF (reportlab, Thai font embedded); returns the site path."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = root / path.lstrip("/")
    out.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(out), pagesize=A4)
    c.setTitle(lines[0])
    for page in range(pages):
        y = 800
        c.setFont("Sarabun", 16 if page == 0 else 14)
        for line in (lines if page == 0 else [f"{lines[0]} (หน้า {page + 1})", *lines[1:4]]):
            c.drawString(60, y, line)
            y -= 26
            c.setFont("Sarabun", 14)
        c.showPage()
    c.save()
    return path


def scanned_pdf(path: str, lines: list[str], font_path: str, root: Path = SITE) -> str:
    """An image-only PDF: the text is pixels, there is no text layer (what a scanner makes)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (1240, 1754), 245)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path, 36)
    y = 120
    for line in lines:
        draw.text((110, y), line, fill=20, font=font)
        y += 60
    for _ in range(4000):  # scanner noise
        draw.point((rng.randrange(1240), rng.randrange(1754)), fill=rng.randrange(120, 220))
    out = root / path.lstrip("/")
    out.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(out), pagesize=A4)
    c.drawImage(ImageReader(img.rotate(0.4, fillcolor=245)), 0, 0, *A4)
    c.showPage()
    c.save()
    return path


def docx(path: str, paragraphs: list[str], root: Path = SITE) -> str:
    import docx as python_docx

    out = root / path.lstrip("/")
    out.parent.mkdir(parents=True, exist_ok=True)
    document = python_docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(out))
    return path


def xlsx(path: str, rows: list[list], root: Path = SITE) -> str:
    from openpyxl import Workbook

    out = root / path.lstrip("/")
    out.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(str(out))
    return path


# -- pages ---------------------------------------------------------------------------------------------------

MENU = [
    ("ข้อมูลพื้นฐาน", [("หน้าแรก", "/public/"), ("ประวัติความเป็นมา", "/public/list/data/detail/id/1/menu/1100"),
                      ("วิสัยทัศน์/พันธกิจ", "/public/list/data/detail/id/2/menu/1101"),
                      ("โครงสร้างและอำนาจหน้าที่", "/public/list/data/detail/id/11/menu/1001"),
                      ("คณะผู้บริหาร", "/public/person/data/chart/structure_id/1/menu/1002"),
                      ("สมาชิกสภา อบต.", "/public/person/data/chart/structure_id/2/menu/1102"),
                      ("ข้อมูลหมู่บ้าน", "/public/list/data/index/menu/1103"),
                      ("ติดต่อเรา", "/public/contact/data/index/menu/1003")]),
    ("ข่าวสาร", [("ข่าวประชาสัมพันธ์", "/public/list/data/index/menu/1004"),
                 ("ภาพกิจกรรม", "/public/album/data/index/menu/1104"),
                 ("ปฏิทินกิจกรรม", "/public/calendar/data/index?ym=2569-01"),
                 ("ประกาศจัดซื้อจัดจ้าง", "/public/list/data/index/menu/1105")]),
    ("แผนงาน", [("แผนพัฒนาท้องถิ่น", "/public/list/data/index/menu/1005"),
                ("แผนการดำเนินงานและความก้าวหน้า", "/public/list/data/index/menu/1006"),
                ("รายงานผลการดำเนินงานประจำปี", "/public/list/data/index/menu/1007"),
                ("ข้อบัญญัติงบประมาณรายจ่ายประจำปี", "/public/list/data/index/menu/1106")]),
    ("การให้บริการ", [("คู่มือการปฏิบัติงาน", "/public/list/data/index/menu/1008"),
                     ("คู่มือสำหรับประชาชน", "/public/list/data/detail/id/12/menu/1009"),
                     ("E-Service ยื่นคำร้องออนไลน์", "/public/eservice/data/index/menu/1010"),
                     ("กระดานถาม-ตอบ", "/public/webboard/data/index/menu/1228")]),
    ("จัดซื้อจัดจ้าง", [("สรุปผลการจัดซื้อจัดจ้างรายเดือน", "/public/list/data/index/menu/1011"),
                       ("รายงานผลการจัดซื้อจัดจ้างประจำปี", "/public/list/data/index/menu/1012")]),
    ("บุคลากร", [("หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล", "/public/list/data/detail/id/13/menu/1013"),
                 ("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "/public/list/data/detail/id/14/menu/1014"),
                 ("ประมวลจริยธรรม", "/public/list/data/index/menu/1015")]),
    ("ร้องเรียน", [("คู่มือการจัดการเรื่องร้องเรียนการทุจริต", "/old/complaint_manual.html"),
                   ("แจ้งเรื่องร้องเรียนการทุจริต", "/public/fraudcomplaint/data/index/menu/1017"),
                   ("ข้อมูลสถิติเรื่องร้องเรียนการทุจริต", "/public/upload/complaint/statistics-2568.pdf"),
                   ("ผลการเปิดโอกาสให้มีส่วนร่วม", "/public/list/data/detail/id/19/menu/1019")]),
    ("ITA", [("ITA 2569", "/public/list/data/index/menu/1685"),
             ("นโยบายไม่รับของขวัญ No Gift Policy", "/public/list/data/index/menu/1020"),
             ("การประเมินความเสี่ยงการทุจริต", "/public/list/data/index/menu/1021"),
             ("รายงานผลการดำเนินการป้องกันการทุจริต", "/public/list/data/index/menu/1024"),
             ("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", "/public/list/data/index/menu/1025"),
             ("รายงานผลการส่งเสริมคุณธรรมและความโปร่งใส", "/public/list/data/index/menu/1026"),
             ("เว็บไซต์เดิม", "/old/index.html"), ("ผู้ดูแลระบบ", "/admin/login")]),
]


def _menu_html() -> str:
    out = ['<nav id="mainmenu" class="megamenu"><ul>']
    for heading, entries in MENU:
        out.append(f'<li class="dropdown"><a href="#">{heading}</a><ul class="dropdown-menu">')
        out += [f'<li><a href="{href}">{html.escape(text)}</a></li>' for text, href in entries]
        out.append("</ul></li>")
    out.append("</ul></nav>")
    return "".join(out)


MENU_HTML = _menu_html()
FOOTER = (f'<footer id="footer"><p>{NAME}</p><p>{ADDRESS} โทรศัพท์ {PHONE} อีเมล {EMAIL}</p>'
          '<p><a href="https://www.facebook.com/bannadee.sao">Facebook อบต.บ้านนาดี</a> '
          '<a href="https://itas.nacc.go.th/go/eit/demo01">ประเมิน EIT</a></p>'
          '<p>Copyright © 2569 Dungbhumi Co.,Ltd. staff@dungbhumi.com</p></footer>')
PAGES: dict[str, str] = {}


def page(path: str, title: str, body: str, heading: str | None = None) -> str:
    heading = heading if heading is not None else title
    doc = (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{html.escape(title)} - {NAME}</title>'
           '<link rel="stylesheet" href="/public/layout/template/style.css"></head><body>'
           f'<header id="header" class="header"><img src="/public/banner_upload/backend/banner.jpg" alt="{NAME}"><h4>{NAME}</h4></header>'
           f'{MENU_HTML}<div id="content" class="container"><main><h1>{html.escape(heading)}</h1>{body}</main>'
           '<aside class="sidebar"><a href="/public/list/data/index/menu/1685"><img src="/public/images/ita-banner.png" alt="ITA"></a>'
           '<a href="/public/webboard/data/index/menu/1228">กระดานถาม-ตอบ</a></aside></div>'
           f'{FOOTER}</body></html>')
    PAGES[path] = doc
    return path


def doc_list(items: list[tuple[str, str]], generic: bool = False) -> str:
    rows = []
    for text, href in items:
        label = "ดาวน์โหลด" if generic else html.escape(text)
        extra = f"{html.escape(text)} " if generic else ""
        rows.append(f'<li class="list-item">{extra}<a href="{href}">{label}</a> <span class="date">วันที่เผยแพร่ 15 พ.ย. 2568</span></li>')
    return '<ul class="list-data">' + "".join(rows) + "</ul>"


# -- content -------------------------------------------------------------------------------------------------
NEWS_TITLES = ["ประชุมประชาคมหมู่บ้าน", "กิจกรรมวันลอยกระทง", "รณรงค์ป้องกันไข้เลือดออก", "มอบเบี้ยยังชีพผู้สูงอายุ",
               "ซ่อมแซมถนนลูกรัง", "ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า", "อบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
               "กิจกรรมวันเด็กแห่งชาติ", "ปลูกต้นไม้เฉลิมพระเกียรติ", "ตรวจสุขภาพผู้สูงอายุ", "ขุดลอกคลองส่งน้ำ",
               "แข่งขันกีฬาต้านยาเสพติด"]
MONTHS = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
          "กรกฎาคม", "สิงหาคม", "กันยายน"]


def build() -> dict:
    shutil.rmtree(SITE, ignore_errors=True)
    SITE.mkdir(parents=True)
    font_path = _font()
    truth: dict[str, dict] = {}

    def present(code: str, *urls: str) -> None:
        truth[code] = {"present": True, "urls": list(urls)}

    def absent(code: str, why: str) -> None:
        truth[code] = {"present": False, "urls": [], "why": why}

    # Home
    news = []
    for n in range(60):
        day, month_idx = 1 + n % 27, n % 4  # ต.ค.–ม.ค. of FY 2569
        month = MONTHS[month_idx]
        year = 2568 if month_idx < 3 else 2569
        title = f"{NEWS_TITLES[n % len(NEWS_TITLES)]} ครั้งที่ {n // len(NEWS_TITLES) + 1}"
        path = f"/public/list/data/detail/id/{100 + n}/menu/1004"
        body = (f'<p class="date">วันที่ {day} {month} {year}</p><p>{NAME} โดยนายกองค์การบริหารส่วนตำบล ได้จัด{title} '
                f'ณ ที่ทำการ {SHORT} มีประชาชนเข้าร่วมจำนวนมาก</p><img src="/public/upload/news/{100 + n}.jpg" width="640" height="420" alt="ภาพกิจกรรม">')
        page(path, title, body)
        news.append((f"{title} ({day} {month} {year})", path))
    home_news = "".join(f'<li><a href="{h}">{html.escape(t)}</a></li>' for t, h in news[:10])
    page("/public/", NAME,
         f'<section class="news"><h2>ข่าวประชาสัมพันธ์</h2><ul>{home_news}</ul><a href="/public/list/data/index/menu/1004">ดูทั้งหมด</a></section>'
         '<section><h2>ระบบบริการออนไลน์</h2><p>ยื่นคำร้องออนไลน์ได้ตลอด 24 ชั่วโมง</p>'
         '<a href="/public/eservice/data/index/menu/1010">E-Service</a></section>'
         '<p><a href="/public/list/data/index/menu/1004?PHPSESSID=a1b2c3d4e5">ข่าวทั้งหมด</a></p>',
         heading=f"ยินดีต้อนรับสู่เว็บไซต์{NAME}")
    # news listing, 3 pages, PASWorld-style javascript links on page 2
    for p in range(3):
        chunk = news[p * 20:(p + 1) * 20]
        if p == 1:
            items = "".join(f'<li><a href="javascript:MM_openBrWindow(\'{h}\',\'news\',\'width=800\')">{html.escape(t)}</a></li>'
                            for t, h in chunk)
        else:
            items = "".join(f'<li><a href="{h}">{html.escape(t)}</a></li>' for t, h in chunk)
        pager = " ".join(f'<a href="/public/list/data/index/menu/1004/page/{k + 1}">{k + 1}</a>' for k in range(3))
        suffix = "" if p == 0 else f"/page/{p + 1}"
        page(f"/public/list/data/index/menu/1004{suffix}", "ข่าวประชาสัมพันธ์", f"<ul>{items}</ul><div class='pager'>{pager}</div>")
    page("/public/list/data/index/menu/1004/page/1", "ข่าวประชาสัมพันธ์", PAGES["/public/list/data/index/menu/1004"].split("<main>")[1].split("</main>")[0].split("</h1>", 1)[1])
    present("O4", "/public/list/data/index/menu/1004", "/public/list/data/index/menu/1004/page/1",
            "/public/list/data/index/menu/1004/page/2", "/public/list/data/index/menu/1004/page/3")

    # O1 structure and duties
    page("/public/list/data/detail/id/11/menu/1001", "โครงสร้างและอำนาจหน้าที่",
         '<img src="/public/upload/structure/chart-2569.jpg" width="900" height="600" alt="แผนผังโครงสร้าง">'
         '<h3>โครงสร้างส่วนราชการ</h3><ul><li>ฝ่ายการเมือง: นายกองค์การบริหารส่วนตำบล รองนายก เลขานุการนายก</li>'
         '<li>ฝ่ายประจำ: ปลัดองค์การบริหารส่วนตำบล รองปลัด</li><li>สำนักปลัด (งานบริหารทั่วไป งานนโยบายและแผน งานกฎหมายและคดี)</li>'
         '<li>กองคลัง (งานการเงิน งานพัสดุ งานจัดเก็บรายได้)</li><li>กองช่าง</li><li>กองการศึกษา ศาสนาและวัฒนธรรม</li></ul>'
         '<h3>อำนาจหน้าที่</h3><p>องค์การบริหารส่วนตำบลมีอำนาจหน้าที่ในการพัฒนาตำบลทั้งในด้านเศรษฐกิจ สังคม และวัฒนธรรม '
         'ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 มาตรา 66 และมาตรา 67 ได้แก่ จัดให้มีและบำรุงรักษาทางน้ำและทางบก '
         'รักษาความสะอาดของถนน ป้องกันโรคและระงับโรคติดต่อ ป้องกันและบรรเทาสาธารณภัย</p>')
    present("O1", "/public/list/data/detail/id/11/menu/1001")

    # O2 executives: names, positions, photos — but no contact channel (missing element)
    people = [("นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลบ้านนาดี"), ("นายประเสริฐ ทองดี", "รองนายกองค์การบริหารส่วนตำบล"),
              ("นางสาวมาลี ศรีสุข", "ปลัดองค์การบริหารส่วนตำบล"), ("นางวันดี มีสุข", "รองปลัดองค์การบริหารส่วนตำบล")]
    cards = "".join(f'<div class="person"><img src="/public/upload/person/{i}.jpg" width="180" height="240" alt="{n}">'
                    f'<p>{n}</p><p>ตำแหน่ง {p}</p></div>' for i, (n, p) in enumerate(people))
    page("/public/person/data/chart/structure_id/1/menu/1002", "คณะผู้บริหาร", cards)
    absent("O2", "ขาดองค์ประกอบ: ช่องทางการติดต่อ")
    council = "".join(f'<div class="person"><img src="/public/upload/person/c{i}.jpg" width="180" height="240" alt="สมาชิก">'
                      f'<p>นายสมาชิก หมู่ {i}</p><p>สมาชิกสภา อบต. หมู่ที่ {i}</p></div>' for i in range(1, 13))
    page("/public/person/data/chart/structure_id/2/menu/1102", "สมาชิกสภา อบต.", council)

    # O3 contact and enquiry channel
    page("/public/contact/data/index/menu/1003", "ติดต่อเรา",
         f'<p>{NAME}</p><p>ที่อยู่ {ADDRESS}</p><p>โทรศัพท์ {PHONE} โทรสาร 043-123-457</p><p>อีเมล {EMAIL}</p>'
         '<p>ช่องทางการสอบถาม: <a href="/public/webboard/data/index/menu/1228">กระดานถาม-ตอบ (Q&amp;A)</a> '
         'และ LINE Official @bannadee</p><iframe src="/public/map.html" title="แผนที่ตั้ง"></iframe>')
    page("/public/map.html", "แผนที่ตั้ง", "<p>แผนที่ตั้งสำนักงาน อบต.บ้านนาดี</p>")
    present("O3", "/public/contact/data/index/menu/1003")
    page("/public/webboard/data/index/menu/1228", "กระดานถาม-ตอบ",
         '<table><tr><th>หัวข้อ</th><th>ผู้ตอบ</th></tr><tr><td>สอบถามการชำระภาษีที่ดิน</td><td>กองคลัง ตอบแล้ว</td></tr>'
         '<tr><td>ขอรถน้ำดับเพลิง</td><td>สำนักปลัด ตอบแล้ว</td></tr>'
         # posts nobody moderated, as real boards carry them: the report must warn about them
         '<tr><td>ส ล็ อ ต เว็ บ ต ร ง แตกง่าย ฝากถอนไม่มีขั้นต่ำ สมัครเลย</td><td>-</td></tr>'
         '<tr><td>บาคาร่าออนไลน์ UFABET๘๘ โบนัส ๑๐๐%</td><td>-</td></tr>'
         '<tr><td>เงินกู้ด่วน อนุมัติไว ไม่เช็คบูโร แอดไลน์ @loan24</td><td>-</td></tr></table>'
         '<form action="/public/webboard/post" method="post"><input name="q"><button>ตั้งคำถาม</button></form>')

    # O5 strategic plan
    p5 = pdf("/public/upload/plan/local-development-plan-2566-2570.pdf",
             ["แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)", NAME, "ยุทธศาสตร์การพัฒนา เป้าประสงค์ ตัวชี้วัด",
              "ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน", "ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิต"], pages=6)
    page("/public/list/data/index/menu/1005", "แผนพัฒนาท้องถิ่น",
         doc_list([("แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)", p5),
                   ("แผนพัฒนาสามปี (พ.ศ. 2558-2560)", pdf("/public/upload/plan/three-year-plan-2558-2560.pdf",
                                                          ["แผนพัฒนาสามปี (พ.ศ. 2558-2560)", NAME]))]))
    present("O5", "/public/list/data/index/menu/1005", p5)

    # O6 annual plan and 6-month progress
    p6a = pdf("/public/upload/plan/operation-plan-2569.pdf",
              ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", NAME, "โครงการ งบประมาณ ระยะเวลาดำเนินการ"], pages=3)
    p6b = pdf("/public/upload/plan/progress-6-months-2569.pdf",
              ["รายงานความก้าวหน้าการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน", "ปีงบประมาณ พ.ศ. 2569 (ตุลาคม 2568 - มีนาคม 2569)",
               "ดำเนินการแล้ว 24 โครงการ อยู่ระหว่างดำเนินการ 10 โครงการ"], pages=2)
    page("/public/list/data/index/menu/1006", "แผนการดำเนินงานและความก้าวหน้า",
         doc_list([("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", p6a),
                   ("รายงานความก้าวหน้าการดำเนินงาน รอบ 6 เดือน (ต.ค. 2568 - มี.ค. 2569)", p6b)]))
    present("O6", "/public/list/data/index/menu/1006", p6b)

    # O7 annual report: only older years (decoys)
    r66 = pdf("/public/upload/report/annual-report-2566.pdf", ["รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2566", NAME])
    r67 = pdf("/public/upload/report/annual-report-2567.pdf", ["รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567", NAME])
    page("/public/list/data/index/menu/1007", "รายงานผลการดำเนินงานประจำปี",
         doc_list([("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567", r67), ("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2566", r66)]))
    absent("O7", "พบเฉพาะปี 2567")

    # O8 staff manual (docx and pdf)
    m1 = pdf("/public/upload/manual/revenue-collection-manual.pdf",
             ["คู่มือการปฏิบัติงาน งานจัดเก็บรายได้", "กองคลัง " + NAME, "ขั้นตอนการปฏิบัติงาน"], pages=4)
    m2 = docx("/public/upload/manual/procurement-work-manual.docx",
              ["คู่มือการปฏิบัติงาน งานพัสดุ", "กองคลัง " + NAME, "ขั้นตอนการจัดซื้อจัดจ้างตามระเบียบ"])
    page("/public/list/data/index/menu/1008", "คู่มือการปฏิบัติงาน",
         doc_list([("คู่มือการปฏิบัติงาน งานจัดเก็บรายได้", m1), ("คู่มือการปฏิบัติงาน งานพัสดุ", m2)]))
    present("O8", "/public/list/data/index/menu/1008", m1, m2)

    # O9 service manual with the six elements
    page("/public/list/data/detail/id/12/menu/1009", "คู่มือสำหรับประชาชน",
         '<h3>งานบริการ: การขออนุญาตก่อสร้างอาคาร</h3><p>ขั้นตอนการให้บริการ: 1) ยื่นคำขอ 2) ตรวจสอบเอกสาร 3) ออกใบอนุญาต</p>'
         '<p>ระยะเวลาให้บริการ 45 วัน</p><p>ช่องทางการให้บริการ: ณ ที่ทำการ อบต. กองช่าง หรือทาง E-Service</p>'
         '<p>ค่าธรรมเนียม: ตามกฎกระทรวง</p><p>เอกสารที่ต้องใช้: บัตรประจำตัวประชาชน ทะเบียนบ้าน แบบแปลน</p>'
         '<h3>งานบริการ: การขอรับเบี้ยยังชีพผู้สูงอายุ</h3><p>ขั้นตอน ยื่นคำขอ ตรวจสอบคุณสมบัติ</p><p>ระยะเวลา 30 นาที</p>'
         '<p>ค่าธรรมเนียม: ไม่มี</p><p>เอกสารที่ต้องใช้: บัตรประจำตัวประชาชน</p>')
    present("O9", "/public/list/data/detail/id/12/menu/1009")

    # O10 e-service with a form
    page("/public/eservice/data/index/menu/1010", "E-Service ระบบยื่นคำร้องออนไลน์",
         '<p>ระบบการให้บริการผ่านช่องทางออนไลน์ ยื่นคำร้องทั่วไป คำร้องขอรับน้ำ คำร้องขอซ่อมไฟฟ้าสาธารณะ</p>'
         '<form action="/public/eservice/submit" method="post"><input name="name"><textarea name="detail"></textarea>'
         '<button>ส่งคำร้อง</button></form><p>สถิติการใช้บริการออนไลน์ ปีงบประมาณ 2569: 128 คำร้อง</p>')
    present("O10", "/public/eservice/data/index/menu/1010")

    # O11 monthly procurement summaries: the current FY only on page 3 (oldest-first listing)
    listing: list[tuple[str, str]] = []
    for fy, months in ((2567, range(12)), (2568, range(12)), (2569, range(6))):
        for m in months:
            year = fy - 1 if m < 3 else fy
            title = f"สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน{MONTHS[m]} {year}"
            path = f"/public/upload/procurement/summary-{fy}-{m + 1:02d}.pdf"
            if fy == 2569 and m == 2:
                path = xlsx(f"/public/upload/procurement/summary-{fy}-{m + 1:02d}.xlsx",
                            [["แบบ สขร.1 สรุปผลการจัดซื้อจัดจ้าง", f"ประจำเดือน{MONTHS[m]} {year}"],
                             ["ลำดับ", "งานที่จัดซื้อ", "วงเงิน", "ราคากลาง", "วิธีซื้อ", "ผู้ได้รับคัดเลือก"],
                             [1, "จัดซื้อวัสดุสำนักงาน", 25000, 25000, "เฉพาะเจาะจง", "ร้านตัวอย่าง"]])
            elif fy == 2569 or m % 3 == 0:
                pdf(path, [f"แบบ สขร.1 {title}", NAME, "งานที่จัดซื้อ วงเงิน ราคากลาง วิธีซื้อ ผู้ได้รับคัดเลือก เหตุผล"])
            listing.append((title, path))
    for p in range(3):
        chunk = listing[p * 12:(p + 1) * 12]
        pager = " ".join(f'<a href="/public/list/data/index/menu/1011/page/{k + 1}">{k + 1}</a>' for k in range(3))
        suffix = "" if p == 0 else f"/page/{p + 1}"
        page(f"/public/list/data/index/menu/1011{suffix}", "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
             doc_list(chunk) + f"<div class='pager'>หน้า {pager}</div>")
    page("/public/list/data/index/menu/1011/page/1", "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
         doc_list(listing[:12]) + "<div class='pager'>หน้า 1</div>")
    present("O11", "/public/list/data/index/menu/1011/page/3", *[p for t, p in listing[-6:]])

    # O12 annual procurement report for FY 2568 (and an older one)
    a68 = pdf("/public/upload/procurement/annual-report-2568.pdf",
              ["รายงานสรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568", NAME, "การวิเคราะห์ผลการจัดซื้อจัดจ้าง ปัญหาและอุปสรรค"], pages=3)
    a67 = pdf("/public/upload/procurement/annual-report-2567.pdf", ["รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2567", NAME])
    page("/public/list/data/index/menu/1012", "รายงานผลการจัดซื้อจัดจ้างประจำปี",
         doc_list([("รายงานสรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568", a68),
                   ("รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2567", a67)]))
    present("O12", "/public/list/data/index/menu/1012", a68)

    # procurement announcements (filler documents, not an item in 2569)
    ann = []
    for n in range(20):
        ann_path = pdf(f"/public/upload/egp/announcement-{n + 1:03d}.pdf",
                       [f"ประกาศ{NAME} เรื่อง ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {n % 12 + 1}",
                        f"ประกาศ ณ วันที่ {n + 1} ธันวาคม 2568", "ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"])
        title = f"ประกาศประกวดราคาจ้างก่อสร้างถนน คสล. หมู่ที่ {n % 12 + 1} ({n + 1} ธ.ค. 2568)"
        detail = page(f"/public/list/data/detail/id/{500 + n}/menu/1105", title,
                      f"<p>{title}</p>{doc_list([(title, ann_path)], generic=True)}")
        ann.append((title, detail))
    page("/public/list/data/index/menu/1105", "ประกาศจัดซื้อจัดจ้าง",
         doc_list(ann) + '<p><a href="https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch">ระบบ e-GP</a></p>')

    # O13 HR rules and plan
    hr = pdf("/public/upload/hr/hr-development-plan-2569.pdf",
             ["แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. 2569", NAME, "หลักเกณฑ์การสรรหา การบรรจุแต่งตั้ง การพัฒนา การประเมินผล"])
    page("/public/list/data/detail/id/13/menu/1013", "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
         '<p>หลักเกณฑ์การบริหารทรัพยากรบุคคล: ประกาศคณะกรรมการพนักงานส่วนตำบล เรื่อง หลักเกณฑ์การสรรหา การบรรจุแต่งตั้ง '
         'การเลื่อนขั้นเงินเดือน และการประเมินผลการปฏิบัติงาน</p>'
         f'<p>แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569</p>{doc_list([("แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. 2569", hr)])}')
    present("O13", "/public/list/data/detail/id/13/menu/1013", hr)

    # O14 HR report: placeholder page
    page("/public/list/data/detail/id/14/menu/1014", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "<p>อยู่ระหว่างปรับปรุงข้อมูล</p>")
    absent("O14", "หน้าว่าง / อยู่ระหว่างปรับปรุง")

    # O15 ethics
    e1 = pdf("/public/upload/ethics/code-of-ethics.pdf", ["ประมวลจริยธรรมของพนักงานส่วนท้องถิ่น", NAME, "มาตรฐานทางจริยธรรม"])
    e2 = pdf("/public/upload/ethics/ethics-working-group-2569.pdf",
             ["คำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม ประจำปี 2569", NAME])
    page("/public/list/data/index/menu/1015", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
         doc_list([("ประมวลจริยธรรมของพนักงานส่วนท้องถิ่น", e1), ("คำสั่งคณะทำงานขับเคลื่อนจริยธรรม 2569", e2)]))
    present("O15", "/public/list/data/index/menu/1015", e1, e2)

    # O17 complaint channel (form)
    page("/public/fraudcomplaint/data/index/menu/1017", "แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
         '<p>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ ข้อมูลของผู้ร้องเรียนจะถูกเก็บเป็นความลับ</p>'
         '<form action="/public/fraudcomplaint/submit" method="post"><input name="subject"><textarea name="detail"></textarea>'
         '<button>ส่งเรื่องร้องเรียน</button></form>')
    present("O17", "/public/fraudcomplaint/data/index/menu/1017")
    absent("O18", "ลิงก์เสีย")

    # O19 participation results with the four elements
    page("/public/list/data/detail/id/19/menu/1019", "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน ประจำปี 2569",
         '<p>หัวข้อ: การจัดทำแผนพัฒนาท้องถิ่นและประชาคมตำบล เมื่อวันที่ 12 ธันวาคม 2568</p>'
         '<p>ผู้เข้าร่วม: ผู้แทนหมู่บ้าน 12 หมู่ ผู้นำชุมชน และประชาชน รวม 156 คน</p>'
         '<p>ผลการมีส่วนร่วม: ได้ข้อเสนอโครงการ 38 โครงการ</p>'
         '<p>การนำผลไปปรับปรุงการดำเนินงาน: นำข้อเสนอไปบรรจุในแผนพัฒนาท้องถิ่นและปรับปรุงการให้บริการ</p>')
    present("O19", "/public/list/data/detail/id/19/menu/1019")

    # O20 No Gift
    ng = pdf("/public/upload/ita/no-gift-policy-2569.pdf",
             ["ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569", NAME,
              "ข้าพเจ้า นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลบ้านนาดี", "ประกาศ ณ วันที่ 1 ตุลาคม 2568"])
    page("/public/list/data/index/menu/1020", "นโยบายไม่รับของขวัญ No Gift Policy",
         doc_list([("ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. 2569", ng)]))
    present("O20", "/public/list/data/index/menu/1020", ng)

    # O21 risk assessment: a scan (image-only PDF); the year is in the link text
    risk = scanned_pdf("/public/upload/ita/corruption-risk-assessment-2569.pdf",
                       ["การประเมินความเสี่ยงการทุจริต", "ประจำปีงบประมาณ พ.ศ. 2569", NAME], font_path)
    page("/public/list/data/index/menu/1021", "การประเมินความเสี่ยงการทุจริต",
         doc_list([("การประเมินความเสี่ยงการทุจริตในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2569", risk)]))
    present("O21", "/public/list/data/index/menu/1021", risk)
    absent("O22", "ไม่พบ")

    # O23 anti-corruption plan: linked only from the ITA index table with a generic text
    acp = pdf("/public/upload/ita/anti-corruption-plan-2569.pdf",
              ["แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569", NAME, "มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต"], pages=5)
    present("O23", acp)

    # O24 anti-corruption report: only an old year
    acr = pdf("/public/upload/ita/anti-corruption-report-2566.pdf", ["รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2566", NAME])
    page("/public/list/data/index/menu/1024", "รายงานผลการดำเนินการป้องกันการทุจริต",
         doc_list([("รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2566", acr)]))
    absent("O24", "พบเฉพาะปี 2566")

    # O25 ITA results into development, O26 integrity report for FY 2568
    ita = pdf("/public/upload/ita/ita-results-development-2569.pdf",
              ["การนำผลการประเมิน ITA ปี 2568 ไปสู่การพัฒนาองค์กร", NAME, "ประเด็นที่ต้องปรับปรุง แนวทาง ผู้รับผิดชอบ ระยะเวลา"])
    page("/public/list/data/index/menu/1025", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
         doc_list([("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ปี 2569", ita)]))
    present("O25", "/public/list/data/index/menu/1025", ita)
    integ = pdf("/public/upload/ita/integrity-report-2568.pdf",
                ["รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568", NAME])
    page("/public/list/data/index/menu/1026", "รายงานผลการส่งเสริมคุณธรรมและความโปร่งใส",
         doc_list([("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568", integ)]))
    present("O26", "/public/list/data/index/menu/1026", integ)

    # The ITA index page: a table of O-codes with links (a lead, not proof: O7 and O22 rows are wrong/broken)
    rows = [
        ("O1", "โครงสร้าง หน้าที่และอำนาจ", "/public/list/data/detail/id/11/menu/1001"),
        ("O2", "ข้อมูลผู้บริหาร", "/public/person/data/chart/structure_id/1/menu/1002"),
        ("O3", "ข้อมูลการติดต่อและช่องทางการสอบถาม", "/public/contact/data/index/menu/1003"),
        ("O4", "ข่าวประชาสัมพันธ์", "/public/list/data/index/menu/1004"),
        ("O5", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "/public/list/data/index/menu/1005"),
        ("O6", "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี", "/public/list/data/index/menu/1006"),
        ("O7", "รายงานผลการดำเนินงานประจำปี", r67),
        ("O8", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", "/public/list/data/index/menu/1008"),
        ("O9", "คู่มือหรือแนวทางการขอรับบริการ", "/public/list/data/detail/id/12/menu/1009"),
        ("O10", "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)", "/public/eservice/data/index/menu/1010"),
        ("O11", "สรุปผลการจัดซื้อจัดจ้างรายเดือน", "/public/list/data/index/menu/1011"),
        ("O12", "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี", "/public/list/data/index/menu/1012"),
        ("O20", "การขับเคลื่อนนโยบาย No Gift Policy", "/public/list/data/index/menu/1020"),
        ("O22", "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต", "/public/list/data/detail/id/22/menu/1022"),
        ("O23", "แผนปฏิบัติการป้องกันการทุจริต", acp),
    ]
    table = "".join(f'<tr><td>{c}</td><td>{html.escape(t)}</td><td><a href="{h}">คลิก</a></td></tr>' for c, t, h in rows)
    page("/public/list/data/index/menu/1685", "ITA 2569 การประเมินคุณธรรมและความโปร่งใส",
         f'<table class="table"><tr><th>ข้อ</th><th>ข้อมูล</th><th>URL</th></tr>{table}</table>', heading="ITA 2569")

    # legacy section in windows-874: the complaint guideline (O16) and the old home
    legacy = {
        "/old/complaint_manual.html": (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620">'
            '<title>คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</title></head><body>'
            '<table width="100%"><tr><td><h2>คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ “อบต.บ้านนาดี”</h2>'
            '<p>1. ช่องทางการร้องเรียน: ยื่นเรื่องด้วยตนเองที่ศูนย์รับเรื่องร้องเรียน ทางไปรษณีย์ โทรศัพท์ 043-123-456 '
            'หรือแบบฟอร์มออนไลน์บนเว็บไซต์</p><p>2. ขั้นตอนการดำเนินการ: ลงทะเบียนรับเรื่อง – ตรวจสอบข้อเท็จจริง – แจ้งผล</p>'
            '<p>3. ส่วนงานที่รับผิดชอบ: ศูนย์รับเรื่องร้องเรียน สำนักปลัด</p>'
            '<p>4. ระยะเวลาดำเนินการ: แจ้งผลภายใน 15 วันทำการ</p></td></tr></table>'
            '<p><a href="index.html">หน้าแรกเว็บไซต์เดิม</a></p></body></html>'),
        "/old/index.html": (
            '<html><head><title>เว็บไซต์เดิม อบต.บ้านนาดี</title></head><body><h2>ยินดีต้อนรับ “เว็บไซต์เดิม”</h2>'
            '<p>ข้อมูลเก่าก่อนปี 2565 – ย้ายไปยังเว็บไซต์ใหม่แล้ว</p><a href="complaint_manual.html">คู่มือร้องเรียน</a> '
            '<a href="news_old.html">ข่าวเก่า</a></body></html>'),
        "/old/news_old.html": (
            '<html><head><meta charset="windows-874"><title>ข่าวเก่า</title></head><body><p>ประชุมสภาสมัยสามัญ ปี 2560 '
            '– บันทึกรายงานการประชุม</p><a href="index.html">กลับ</a></body></html>'),
    }
    for path, text in legacy.items():
        out = SITE / path.lstrip("/")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(text.encode("cp874"))
    present("O16", "/old/complaint_manual.html")

    # filler: history, vision, villages, albums, budget by-law
    page("/public/list/data/detail/id/1/menu/1100", "ประวัติความเป็นมา", f"<p>{NAME} ยกฐานะจากสภาตำบลเมื่อ พ.ศ. 2540 มี 12 หมู่บ้าน</p>")
    page("/public/list/data/detail/id/2/menu/1101", "วิสัยทัศน์/พันธกิจ", "<p>วิสัยทัศน์: บ้านนาดีน่าอยู่ เศรษฐกิจพอเพียง</p>")
    villages = []
    for v in range(1, 13):
        villages.append((f"หมู่ที่ {v} บ้านนาดี{v}", page(f"/public/list/data/detail/id/{300 + v}/menu/1103", f"ข้อมูลหมู่ที่ {v}",
                                                         f"<p>หมู่ที่ {v} มีครัวเรือน {80 + v * 7} ครัวเรือน ผู้ใหญ่บ้านนาย{v}</p>")))
    page("/public/list/data/index/menu/1103", "ข้อมูลหมู่บ้าน", doc_list(villages))
    albums = []
    for a in range(20):
        albums.append((f"ภาพกิจกรรม {NEWS_TITLES[a % 12]}", page(f"/public/album/data/detail/id/{400 + a}/menu/1104",
                                                                 f"ภาพกิจกรรม {NEWS_TITLES[a % 12]}",
                                                                 "".join(f'<img src="/public/upload/album/{a}-{k}.jpg" width="300" height="200">' for k in range(6)))))
    page("/public/album/data/index/menu/1104", "ภาพกิจกรรม", doc_list(albums))
    budget = pdf("/public/upload/budget/budget-bylaw-2569.pdf", ["ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569", NAME], pages=8)
    page("/public/list/data/index/menu/1106", "ข้อบัญญัติงบประมาณรายจ่ายประจำปี",
         doc_list([("ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569", budget)]))
    page("/public/layout/template/style.css", "", "")
    PAGES.pop("/public/layout/template/style.css")

    for path, text in PAGES.items():
        out = SITE / (path.lstrip("/") + ("index.html" if path.endswith("/") else ("" if path.endswith(".html") else ".html")))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    (SITE / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n", encoding="utf-8")
    (SITE / "admin").mkdir(exist_ok=True)
    (SITE / "admin" / "login.html").write_text("<html><body>ผู้ดูแลระบบ</body></html>", encoding="utf-8")

    documents = [p for p in SITE.rglob("*") if p.suffix in (".pdf", ".docx", ".xlsx")]
    pages = [p for p in SITE.rglob("*.html")]
    ground = {"site": "demo", "name": NAME, "year": 2569, "pages": len(pages), "documents": len(documents),
              "items": dict(sorted(truth.items(), key=lambda kv: int(kv[0][1:])))}
    (HERE / "ground_truth.json").write_text(json.dumps(ground, ensure_ascii=False, indent=2), encoding="utf-8")
    return ground


if __name__ == "__main__":
    result = build()
    print(f"demo site: {result['pages']} pages, {result['documents']} documents, {len(result['items'])} items in ground truth")
