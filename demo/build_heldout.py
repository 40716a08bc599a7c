"""Build the held-out evaluation site (demo/heldout/site) and its ground truth, for ITA 2568 (28 items).

A different vendor and wording from the demo: a WordPress sub-district municipality with pretty permalinks
and Thai slugs, uploads under /wp-content/uploads/YYYY/MM/, an OIT index as nested lists (no table),
Word and Excel evidence, link texts in Thai digits, a legacy page in windows-874 with no charset at all,
real 404s (WordPress does not soft-404), and its own defects: an old-year HR report, a complaint manual
missing the time frame, a broken risk-report link, a placeholder page, and a scanned No Gift declaration.
It was written from the ITA 2568 criteria, not from the matcher's patterns, to measure the audit on a
site it was not tuned on. Run with the build-demo extra: ``.venv/bin/python demo/build_heldout.py``.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path
from urllib.parse import quote, unquote

from build_site import _font, docx, pdf, scanned_pdf, xlsx

HERE = Path(__file__).resolve().parent / "heldout"
SITE = HERE / "site"
NAME = "เทศบาลตำบลท่าทรายทอง"
ADDRESS = "เลขที่ 1 หมู่ 3 ตำบลท่าทรายทอง อำเภอเมือง จังหวัดตัวอย่าง 50000"
PAGES: dict[str, str] = {}
UP = "/wp-content/uploads"


def slug(text: str) -> str:
    """A WordPress Thai slug, percent-encoded as browsers send it."""
    return "/" + quote(text.replace(" ", "-")) + "/"


MENU = [
    ("เกี่ยวกับเรา", [("ผังองค์กรและอำนาจหน้าที่", slug("ผังองค์กร")), ("ทำเนียบผู้บริหาร", "/executives/"),
                     ("ช่องทางการติดต่อ", "/contact/")]),
    ("ข่าว", [("ข่าวสารและกิจกรรม", "/category/news/")]),
    ("แผนงาน", [("แผนพัฒนาท้องถิ่น", "/plans/local-development/"), ("แผนดำเนินงาน", "/plans/operation/"),
                ("ผลการดำเนินงาน", "/plans/annual-report/")]),
    ("บริการ", [("คู่มือการปฏิบัติงาน", "/manuals/staff/"), ("คู่มือสำหรับประชาชน", f"{UP}/2568/01/citizen-manual.pdf"),
                ("สถิติการให้บริการ", f"{UP}/2568/04/service-statistics-2568.xlsx")]),
    ("จัดซื้อจัดจ้าง", [("สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)", "/procurement/monthly/"),
                       ("รายงานผลการจัดซื้อจัดจ้างประจำปี", "/procurement/annual/")]),
    ("บุคลากร", [("แผนพัฒนาพนักงานเทศบาล", "/hr/plan/"), ("รายงานผลการพัฒนาบุคลากร", "/hr/report/"),
                 ("ประมวลจริยธรรม", "/hr/ethics/")]),
    ("ITA", [("ITA 2568", "/ita-2568/"), ("ITA 2567", "/ita-2567/"), ("ข้อมูลเก่า", "/old/archive.html")]),
]
MENU_HTML = '<div id="site-navigation" class="main-navigation"><ul class="menu">' + "".join(
    f'<li class="menu-item-has-children"><a href="#">{h}</a><ul class="sub-menu">'
    + "".join(f'<li class="menu-item"><a href="{href}">{html.escape(t)}</a></li>' for t, href in entries) + "</ul></li>"
    for h, entries in MENU) + "</ul></div>"
FOOTER = (f'<footer id="colophon" class="site-footer"><p>{NAME} {ADDRESS}</p><p>โทร ๐๕๓-๙๙๙-๘๘๘</p>'
          '<a href="https://www.facebook.com/thasaithong">Facebook</a> <p>© 2568 ขับเคลื่อนโดย WordPress</p></footer>')


def page(path: str, title: str, body: str) -> str:
    PAGES[path] = (f'<!DOCTYPE html><html lang="th"><head><meta charset="UTF-8"><title>{html.escape(title)} &#8211; {NAME}</title>'
                   f'<link rel="stylesheet" href="/wp-content/themes/astra/style.css"></head><body class="page">'
                   f'<header id="masthead" class="site-header"><p class="site-title">{NAME}</p></header>{MENU_HTML}'
                   f'<div id="primary" class="content-area"><article class="page type-page"><header class="entry-header">'
                   f'<h1 class="entry-title">{html.escape(title)}</h1></header><div class="entry-content">{body}</div>'
                   f'</article></div><aside id="secondary" class="widget-area"><a href="/ita-2568/">ITA 2568</a></aside>{FOOTER}</body></html>')
    return path


def files(items: list[tuple[str, str]]) -> str:
    return "<ul>" + "".join(f'<li><a href="{h}">{html.escape(t)}</a></li>' for t, h in items) + "</ul>"


def build() -> dict:
    shutil.rmtree(SITE, ignore_errors=True)
    SITE.mkdir(parents=True)
    font = _font()
    truth: dict[str, dict] = {}

    def present(code: str, *urls: str) -> None:
        truth[code] = {"present": True, "urls": list(urls)}

    def absent(code: str, why: str) -> None:
        truth[code] = {"present": False, "urls": [], "why": why}

    def doc(path: str, lines: list[str], pages: int = 1) -> str:
        return pdf(path, lines, pages, root=SITE)

    page("/", NAME, f'<p>ยินดีต้อนรับสู่เว็บไซต์{NAME}</p><p><a href="https://forms.gle/thasaithong-request">'
                    'ระบบรับคำร้องออนไลน์ (E-Service)</a> ยื่นคำร้องทั่วไปผ่านแบบฟอร์มออนไลน์</p>'
                    '<p><a href="/category/news/">ข่าวสารและกิจกรรมทั้งหมด</a></p>')
    present("O10", "/")

    o1 = page(slug("ผังองค์กร"), "ผังองค์กรและอำนาจหน้าที่",
              '<img src="/wp-content/uploads/2567/11/org-chart.png" width="1000" height="700" alt="ผังองค์กร">'
              '<p>ฝ่ายการเมือง: นายกเทศมนตรี รองนายกเทศมนตรี ฝ่ายประจำ: ปลัดเทศบาล สำนักปลัดเทศบาล กองคลัง กองช่าง กองสาธารณสุข</p>'
              '<h2>อำนาจหน้าที่</h2><p>เทศบาลตำบลมีหน้าที่ตามพระราชบัญญัติเทศบาล พ.ศ. 2496 มาตรา 50 ได้แก่ รักษาความสงบเรียบร้อย '
              'ให้มีและบำรุงทางบกและทางน้ำ รักษาความสะอาด ป้องกันและระงับโรคติดต่อ</p>')
    present("O1", o1)
    page("/executives/", "ทำเนียบผู้บริหาร", "".join(
        f'<figure><img src="/wp-content/uploads/2567/10/p{i}.jpg" width="200" height="260"><figcaption>{n}<br>{p}<br>'
        f'โทรศัพท์ 08-1234-56{i}0</figcaption></figure>'
        for i, (n, p) in enumerate([("นายวิชัย ทองคำ", "นายกเทศมนตรีตำบลท่าทรายทอง"), ("นางสุดา แสงดี", "รองนายกเทศมนตรี"),
                                    ("นายอนันต์ ศรีงาม", "ปลัดเทศบาล")])))
    present("O2", "/executives/")
    page("/contact/", "ช่องทางการติดต่อ", f"<p>{ADDRESS}</p><p>โทรศัพท์ ๐๕๓-๙๙๙-๘๘๘</p><p>E-mail: contact@thasaithong.go.th</p>")
    present("O3", "/contact/")

    posts = []
    for n in range(24):
        month = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม"][n % 6]
        year = 2567 if n % 6 < 3 else 2568
        title = ["ประชุมประชาคมตำบล", "โครงการผู้สูงอายุสุขภาพดี", "กิจกรรมจิตอาสาพัฒนาคลอง", "ฝึกอบรมการป้องกันอัคคีภัย"][n % 4] + f" ครั้งที่ {n + 1}"
        path = f"/{year}/{(n % 6) + 1:02d}/news-{n + 1}/"
        page(path, title, f"<p>เมื่อวันที่ {n % 27 + 1} {month} {year} {NAME} จัด{title}</p>")
        posts.append((f"{title} ({n % 27 + 1} {month} {year})", path))
    for p in range(2):
        suffix = "" if p == 0 else "page/2/"
        page(f"/category/news/{suffix}", "ข่าวสารและกิจกรรม", files(posts[p * 12:(p + 1) * 12])
             + '<a href="/category/news/page/2/">หน้าถัดไป</a>')
    present("O4", "/category/news/", "/category/news/page/2/")

    o5 = doc(f"{UP}/2567/06/local-development-plan-2566-2570.pdf",
             ["แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐) ฉบับทบทวน ครั้งที่ 1", NAME, "ยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัด"], 4)
    page("/plans/local-development/", "แผนพัฒนาท้องถิ่น", files([("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐) ฉบับทบทวน", o5)]))
    present("O5", "/plans/local-development/", o5)

    o6a = doc(f"{UP}/2567/11/operation-plan-2568.pdf", ["แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568", NAME])
    o6b = docx(f"{UP}/2568/04/progress-6-months-2568.docx",
               ["รายงานผลการดำเนินงานรอบ 6 เดือน (ตุลาคม 2567 – มีนาคม 2568)", "ปีงบประมาณ 2568",
                "ความก้าวหน้าการดำเนินงานและการใช้งบประมาณ: ดำเนินการแล้ว 18 โครงการ"], root=SITE)
    page("/plans/operation/", "แผนดำเนินงาน", files([("แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568", o6a),
                                                  ("รายงานผลการดำเนินงานรอบ 6 เดือน (ตุลาคม 2567 – มีนาคม 2568)", o6b)]))
    present("O6", "/plans/operation/", o6b)

    o7 = docx(f"{UP}/2567/12/annual-report-2567.docx",
              ["รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567", NAME, "ผลการดำเนินงานตามแผน ปัญหาอุปสรรค ข้อเสนอแนะ"], root=SITE)
    page("/plans/annual-report/", "ผลการดำเนินงาน", files([("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๗", o7)]))
    present("O7", "/plans/annual-report/", o7)

    o8 = doc(f"{UP}/2566/08/finance-staff-manual.pdf", ["คู่มือการปฏิบัติงานของเจ้าหน้าที่ กองคลัง", NAME, "ขั้นตอนการเบิกจ่าย"])
    page("/manuals/staff/", "คู่มือการปฏิบัติงาน", files([("คู่มือการปฏิบัติงานของเจ้าหน้าที่ กองคลัง", o8)]))
    present("O8", "/manuals/staff/", o8)
    o9 = doc(f"{UP}/2568/01/citizen-manual.pdf",
             ["คู่มือสำหรับประชาชน งานทะเบียนพาณิชย์", "ขั้นตอนการให้บริการ 1. ยื่นคำขอ 2. ตรวจเอกสาร 3. รับใบทะเบียน",
              "ระยะเวลาให้บริการ 1 ชั่วโมง", "ช่องทางการให้บริการ สำนักปลัดเทศบาล", "ค่าธรรมเนียม 50 บาท",
              "เอกสารที่ต้องใช้ บัตรประจำตัวประชาชน"])
    present("O9", o9)
    o11 = xlsx(f"{UP}/2568/04/service-statistics-2568.xlsx",
               [["สถิติการให้บริการประชาชน ปีงบประมาณ 2568"], ["เดือน", "งานทะเบียน", "งานรับชำระภาษี"], ["ตุลาคม 2567", 42, 18]],
               root=SITE)
    present("O11", o11)

    monthly = []
    for m, (month, year) in enumerate([("ตุลาคม", 2567), ("พฤศจิกายน", 2567), ("ธันวาคม", 2567), ("มกราคม", 2568),
                                        ("กุมภาพันธ์", 2568), ("มีนาคม", 2568)]):
        monthly.append((f"รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำเดือน{month} {year} (สขร.1)",
                        doc(f"{UP}/2568/{m + 1:02d}/sor-kor-ror-{m + 1}.pdf",
                            [f"แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน{month} {year}", NAME,
                             "งานที่จัดซื้อหรือจัดจ้าง วงเงิน ราคากลาง วิธีซื้อ ผู้เสนอราคา ผู้ได้รับการคัดเลือก"])))
    page("/procurement/monthly/", "สรุปผลการจัดซื้อจัดจ้างรายเดือน", files(monthly))
    present("O12", "/procurement/monthly/", *[p for _, p in monthly])
    o13 = doc(f"{UP}/2567/11/procurement-annual-2567.pdf",
              ["รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2567", NAME, "วิเคราะห์ผลการจัดซื้อจัดจ้าง"])
    page("/procurement/annual/", "รายงานผลการจัดซื้อจัดจ้างประจำปี", files([("รายงานผลการจัดซื้อจัดจ้างประจำปี ๒๕๖๗", o13)]))
    present("O13", "/procurement/annual/", o13)

    o14 = doc(f"{UP}/2567/10/staff-development-plan.pdf",
              ["แผนพัฒนาพนักงานเทศบาล (พ.ศ. 2567 - 2569)", NAME, "แผนการบริหารและพัฒนาทรัพยากรบุคคล"])
    page("/hr/plan/", "แผนพัฒนาพนักงานเทศบาล", files([("แผนพัฒนาพนักงานเทศบาล (พ.ศ. 2567 - 2569)", o14)]))
    present("O14", "/hr/plan/", o14)
    old_hr = doc(f"{UP}/2565/12/hr-report-2565.pdf", ["รายงานผลการพัฒนาบุคลากร ประจำปี 2565", NAME])
    page("/hr/report/", "รายงานผลการพัฒนาบุคลากร", files([("รายงานผลการพัฒนาบุคลากร ประจำปี 2565", old_hr)]))
    absent("O15", "พบเฉพาะปี 2565")
    o16 = doc(f"{UP}/2566/03/code-of-ethics.pdf", ["ประมวลจริยธรรมพนักงานเทศบาล", NAME])
    page("/hr/ethics/", "ประมวลจริยธรรม", files([("ประมวลจริยธรรมพนักงานเทศบาล", o16)]))
    present("O16", "/hr/ethics/", o16)

    # ITA 2568 index: nested lists, generic and specific link texts mixed
    guide = doc(f"{UP}/2566/05/complaint-manual.pdf",
                ["คู่มือการรับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ช่องทางการร้องเรียน: ตู้รับเรื่อง โทรศัพท์ เว็บไซต์",
                 "ขั้นตอนการดำเนินการ: รับเรื่อง ตรวจสอบ แจ้งผล", "ผู้รับผิดชอบ: สำนักปลัดเทศบาล"])
    absent("O17", "ขาดองค์ประกอบ: ระยะเวลาดำเนินการ")
    channel = page("/report-corruption/", "แจ้งเบาะแสการทุจริต",
                   '<p>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ผู้แจ้งจะได้รับการคุ้มครอง</p>'
                   '<form method="post" action="/report-corruption/"><input name="detail"><button>ส่ง</button></form>')
    present("O18", channel)
    stats = doc(f"{UP}/2567/10/complaint-statistics-2567.pdf",
                ["สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ปีงบประมาณ 2567", "จำนวนเรื่องร้องเรียน 0 เรื่อง"])
    present("O19", stats)
    participation = page("/participation-2568/", "การเปิดโอกาสให้ประชาชนมีส่วนร่วม ประจำปี 2568",
                         '<p>เรื่อง: ประชาคมจัดทำแผนพัฒนาท้องถิ่น วันที่ 20 มกราคม 2568</p><p>ผู้เข้าร่วม: ประชาชนและผู้นำชุมชน 120 คน</p>'
                         '<p>ผลการดำเนินการ: ได้โครงการที่ประชาชนต้องการ 25 โครงการ</p>'
                         '<p>นำผลไปปรับปรุงการดำเนินงาน: บรรจุโครงการในแผนพัฒนาท้องถิ่นเพิ่มเติม</p>')
    present("O20", participation)
    nogift = scanned_pdf(f"{UP}/2567/10/no-gift-2568-scan.pdf",
                         ["ประกาศเทศบาลตำบลท่าทรายทอง", "เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy)", "ประจำปีงบประมาณ 2568"],
                         font, root=SITE)
    present("O21", nogift)
    absent("O22", "ไม่พบ")
    risk = doc(f"{UP}/2567/12/risk-assessment-2568.pdf",
               ["การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ 2568", "ความเสี่ยงการรับสินบนในการออกใบอนุญาต", NAME])
    present("O23", risk)
    absent("O24", "ลิงก์เสีย")
    acp = doc(f"{UP}/2565/09/anti-corruption-plan-2566-2569.pdf",
              ["แผนปฏิบัติการป้องกันการทุจริต 4 ปี (พ.ศ. 2566 - 2569)", NAME])
    old_acp = doc(f"{UP}/2561/09/anti-corruption-plan-2561-2564.pdf", ["แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2561 - 2564)", NAME])
    present("O25", acp)
    acr = doc(f"{UP}/2567/11/anti-corruption-report-2567.pdf",
              ["รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2567", NAME])
    present("O26", acr)
    measures = doc(f"{UP}/2568/02/integrity-measures-2568.pdf",
                   ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปี 2568", "จากการวิเคราะห์ผลการประเมิน ITA 2567", NAME])
    present("O27", measures)
    placeholder = page("/ita-2568/o28/", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส", "<p>อยู่ระหว่างดำเนินการ</p>")
    absent("O28", "หน้าว่าง / อยู่ระหว่างปรับปรุง")

    groups = [
        ("ตัวชี้วัดย่อยการจัดการเรื่องร้องเรียน", [("O17 คู่มือการรับเรื่องร้องเรียน", guide), ("O18 แจ้งเบาะแส", channel),
                                                 ("O19 สถิติเรื่องร้องเรียนการทุจริต ปี ๒๕๖๗", stats)]),
        ("การมีส่วนร่วม", [("O20 การเปิดโอกาสให้ประชาชนมีส่วนร่วม", participation)]),
        ("No Gift Policy", [("O21 ประกาศนโยบาย No Gift Policy ปี ๒๕๖๘", nogift)]),
        ("ความเสี่ยง", [("O23 การประเมินความเสี่ยงการทุจริต ปี 2568", risk),
                        ("O24 รายงานผลการดำเนินการเพื่อจัดการความเสี่ยง ปี 2567", f"{UP}/2567/12/risk-report-2567.pdf")]),
        ("แผนป้องกันการทุจริต", [("O25 แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566 - 2569)", acp),
                                 ("O26 รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ปี 2567", acr)]),
        ("มาตรการ", [("O27 มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี 2568", measures),
                     ("O28 รายงานผลการส่งเสริมคุณธรรมและความโปร่งใส", placeholder)]),
    ]
    body = "".join(f"<h3>{g}</h3>{files(entries)}" for g, entries in groups)
    page("/ita-2568/", "ITA 2568 การเปิดเผยข้อมูลสาธารณะ (OIT)", body)
    page("/ita-2567/", "ITA 2567", files([("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2561 - 2564)", old_acp),
                                          ("รายงานผลการดำเนินงานประจำปี 2566", doc(f"{UP}/2566/12/annual-report-2566.pdf",
                                                                                  ["รายงานผลการดำเนินงานประจำปี 2566", NAME]))]))

    legacy = ("<html><head><title>ข้อมูลเก่า</title></head><body><h1>คลังข้อมูลเก่า “เทศบาล”</h1>"
              "<p>รายงานการประชุมสภาเทศบาล ปี 2559 – 2562</p><a href='/'>กลับหน้าหลัก</a></body></html>")
    (SITE / "old").mkdir(parents=True, exist_ok=True)
    (SITE / "old" / "archive.html").write_bytes(legacy.encode("cp874"))

    for path, text in PAGES.items():
        out = SITE / (unquote(path).strip("/") + "/index.html") if path != "/" else SITE / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    (SITE / "robots.txt").write_text("User-agent: *\nDisallow: /wp-admin/\n", encoding="utf-8")
    documents = [p for p in SITE.rglob("*") if p.suffix in (".pdf", ".docx", ".xlsx")]
    ground = {"site": "heldout-wordpress", "name": NAME, "year": 2568, "start": "/",
              "pages": len(list(SITE.rglob("*.html"))), "documents": len(documents),
              "items": dict(sorted(truth.items(), key=lambda kv: int(kv[0][1:])))}
    (HERE / "ground_truth.json").write_text(json.dumps(ground, ensure_ascii=False, indent=2), encoding="utf-8")
    return ground


if __name__ == "__main__":
    result = build()
    print(f"held-out site: {result['pages']} pages, {result['documents']} documents, {len(result['items'])} items")
