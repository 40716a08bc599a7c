"""Scanned agency documents made in the test: Thai text drawn with Sarabun (Pillow + raqm shaping) onto an
A4 page image, with scanner noise and a slight skew, wrapped as an image-only PDF, a PNG/JPEG, or mixed with
text pages in one PDF. Used by tests/crawler/test_ocr.py, tests/rules/test_ocr_text.py and bench/ocr.py.

Nothing here is copied from ../shared/corpus; every document is generated from the lines given.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

A4_PT = (595.0, 842.0)
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
          "พฤศจิกายน", "ธันวาคม"]
SHORT_MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
AGENCIES = ["องค์การบริหารส่วนตำบลบ้านนาดี", "เทศบาลตำบลหนองบัว", "องค์การบริหารส่วนตำบลไทรย้อย", "เทศบาลเมืองท่าช้าง",
            "องค์การบริหารส่วนตำบลดอนแก้ว", "เทศบาลตำบลหางดง", "องค์การบริหารส่วนจังหวัดตัวอย่าง", "สำนักงานสาธารณสุขอำเภอหนองใหญ่"]
MAYORS = ["นายสมชาย ใจดี", "นางสาวมาลี ศรีสุข", "นายประเสริฐ บุญมา", "นางวันเพ็ญ แก้วมณี", "นายธนากร ทองดี"]


def thai(text: str) -> str:
    """Arabic digits to Thai digits (๒๕๖๙), as most signed documents print them."""
    return text.translate(str.maketrans("0123456789", THAI_DIGITS))


def num(value: int | str, thai_digits: bool) -> str:
    return thai(str(value)) if thai_digits else str(value)


@lru_cache(maxsize=8)
def font_path(weight: str = "Regular") -> str:
    from fontpkg_sarabun import ROOT

    return str(ROOT / "files" / f"Sarabun-{weight}.ttf")


@lru_cache(maxsize=64)
def _font(size_px: int, weight: str):
    from PIL import ImageFont

    return ImageFont.truetype(font_path(weight), size_px, layout_engine=ImageFont.Layout.RAQM)


@dataclass(frozen=True)
class Scan:
    """How a page is 'scanned': resolution, specks, skew (degrees), blur, JPEG quality (0 = lossless)."""

    dpi: int = 200
    noise: float = 0.0  # share of page area turned into specks, e.g. 0.002
    skew: float = 0.0
    blur: float = 0.0
    jpeg: int = 0
    seed: int = 0


def _wrap(draw, text: str, font, room: float) -> list[str]:
    """Break a line at spaces so it fits the printable width (Thai words are not split)."""
    out: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and draw.textlength(trial, font=font) > room:
            out.append(current)
            current = word
        else:
            current = trial
    return [*out, current]


def page_image(lines: Sequence[str], scan: Scan = Scan(), *, size_pt: float = 14.0, title_lines: int = 1):
    """An A4 greyscale page image with the lines drawn from the top (the first ``title_lines`` in bold, centred)."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(scan.seed)
    scale = scan.dpi / 72.0
    width, height = round(A4_PT[0] * scale), round(A4_PT[1] * scale)
    paper = 246
    img = Image.new("L", (width, height), paper)
    draw = ImageDraw.Draw(img)
    margin = round(72 * scale)
    y = round(70 * scale)
    step = round(size_pt * 1.75 * scale)
    for index, line in enumerate(lines):
        title = index < title_lines
        font = _font(round((size_pt + (2 if title else 0)) * scale), "Bold" if title else "Regular")
        indent = round((72 if line.startswith("      ") else 36 if line.startswith("  ") else 0) * scale)
        for part in _wrap(draw, line.strip(), font, width - 2 * margin - indent):
            left = max(margin, (width - draw.textlength(part, font=font)) / 2) if title else margin + indent
            draw.text((left, y), part, fill=rng.randrange(10, 40), font=font)
            y += step + (round(6 * scale) if title else 0)
            indent = 0
        if y > height - margin:
            break
    if scan.noise:
        for _ in range(int(width * height * scan.noise)):
            x, yy = rng.randrange(width), rng.randrange(height)
            r = rng.choice((0, 0, 0, 1))
            draw.ellipse((x, yy, x + r, yy + r), fill=rng.randrange(60, 200))
    if scan.blur:
        img = img.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.skew:
        img = img.rotate(scan.skew, resample=Image.Resampling.BICUBIC, fillcolor=paper, expand=False)
    if scan.jpeg:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=scan.jpeg)
        img = Image.open(io.BytesIO(buf.getvalue()))
        img.load()
    return img


def image_file(lines: Sequence[str], scan: Scan = Scan(), fmt: str = "PNG") -> bytes:
    """One page as a PNG or JPEG file (evidence linked as a picture)."""
    buf = io.BytesIO()
    img = page_image(lines, scan)
    img.save(buf, fmt, **({"quality": 85} if fmt.upper() in ("JPEG", "JPG") else {}), dpi=(scan.dpi, scan.dpi))
    return buf.getvalue()


def scanned_pdf(pages: Sequence[Sequence[str]], scan: Scan = Scan()) -> bytes:
    """An image-only PDF, one page-sized picture per page and no text layer: what a scanner produces."""
    images = [page_image(lines, Scan(scan.dpi, scan.noise, scan.skew, scan.blur, scan.jpeg, scan.seed + i))
              for i, lines in enumerate(pages)]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=float(scan.dpi), save_all=True, append_images=images[1:])
    return buf.getvalue()


def mixed_pdf(pages: Sequence[tuple[str, Sequence[str]]], scan: Scan = Scan(), encrypt: str | None = None) -> bytes:
    """A PDF of text pages ("text", Thai text layer via reportlab) and scanned pages ("scan", a page picture)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "Sarabun" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Sarabun", font_path()))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4_PT, encrypt=encrypt)
    for number, (kind, lines) in enumerate(pages):
        if kind == "scan":
            img = page_image(lines, Scan(scan.dpi, scan.noise, scan.skew, scan.blur, scan.jpeg, scan.seed + number))
            c.drawImage(ImageReader(img), 0, 0, *A4_PT)
        else:
            y = A4_PT[1] - 80
            for line in lines:
                c.setFont("Sarabun", 16)
                c.drawString(72, y, line)
                y -= 28
        c.showPage()
    c.save()
    return buf.getvalue()


# -- realistic agency documents -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """A generated document: its pages of lines and the years (พ.ศ.) printed in it with context."""

    title: str
    pages: tuple[tuple[str, ...], ...]
    year: int  # the fiscal year the document is for
    years: frozenset[int]  # every year printed with พ.ศ./ปีงบประมาณ/a full date


def _date(day: int, month: int, year: int, thai_digits: bool) -> str:
    return f"{num(day, thai_digits)} {MONTHS[month - 1]} พ.ศ. {num(year, thai_digits)}"


def no_gift_announcement(year: int, thai_digits: bool = True, agency: str = AGENCIES[0], seed: int = 0) -> Doc:
    rng = random.Random(seed)
    month = rng.choice((10, 11, 12, 1, 2, 3))
    printed = year - 1 if month >= 10 else year
    lines = (
        f"ประกาศ{agency}",
        f"เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. {num(year, thai_digits)}",
        "-------------------------------",
        "  ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้ดำเนินการ",
        "ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) เพื่อส่งเสริมให้เจ้าหน้าที่",
        f"ของ{agency} ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต ไม่รับของขวัญและของกำนัลทุกชนิด",
        "  จึงประกาศให้ผู้บริหาร พนักงาน และลูกจ้างทุกคน งดการให้หรือรับของขวัญ (No Gift Policy)",
        "จากการปฏิบัติหน้าที่ในทุกโอกาส เพื่อป้องกันการทุจริตและประพฤติมิชอบ",
        "  จึงประกาศมาเพื่อทราบโดยทั่วกัน",
        f"      ประกาศ ณ วันที่ {_date(rng.randint(1, 28), month, printed, thai_digits)}",
        f"      ({rng.choice(MAYORS)})",
        f"      นายก{agency.replace('องค์การบริหารส่วนตำบล', 'องค์การบริหารส่วนตำบล')}",
    )
    return Doc("นโยบายไม่รับของขวัญ", (lines,), year, frozenset({year, printed}))


def procurement_plan(year: int, thai_digits: bool = True, agency: str = AGENCIES[1], seed: int = 0) -> Doc:
    rng = random.Random(seed)
    rows = [("จัดซื้อวัสดุสำนักงาน", 45000), ("จ้างเหมาซ่อมแซมถนนลูกรัง หมู่ที่ 3", 380000),
            ("จัดซื้อครุภัณฑ์คอมพิวเตอร์", 92000), ("จ้างก่อสร้างรางระบายน้ำ คสล. หมู่ที่ 7", 498000),
            ("จัดซื้ออาหารเสริม (นม) โรงเรียน", 615000), ("จ้างเหมาบริการกำจัดขยะมูลฝอย", 240000)]
    rng.shuffle(rows)
    page1 = [
        f"แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {num(year, thai_digits)}",
        f"หน่วยงาน {agency}",
        "ลำดับ  รายการ  วงเงินงบประมาณ (บาท)  วิธีจัดหา  ช่วงเวลาที่จะจัดหา",
    ]
    for i, (name, amount) in enumerate(rows, 1):
        page1.append(f"{num(i, thai_digits)}  {thai(name) if thai_digits else name}  {num(f'{amount:,}', thai_digits)}  "
                     f"เฉพาะเจาะจง  {SHORT_MONTHS[(i + 8) % 12]}")
    date_month = rng.choice((10, 11))
    page2 = [
        "แผนการจัดซื้อจัดจ้าง (ต่อ)",
        "หมายเหตุ ประกาศเผยแพร่ในระบบ e-GP และเว็บไซต์ของหน่วยงาน",
        f"      ประกาศ ณ วันที่ {_date(rng.randint(1, 28), date_month, year - 1, thai_digits)}",
        f"      ({rng.choice(MAYORS)})",
        "      หัวหน้าเจ้าหน้าที่",
    ]
    return Doc("แผนการจัดซื้อจัดจ้าง", (tuple(page1), tuple(page2)), year, frozenset({year, year - 1}))


def complaint_guideline(year: int, thai_digits: bool = True, agency: str = AGENCIES[2], seed: int = 0) -> Doc:
    rng = random.Random(seed)
    lines = (
        "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        f"{agency} ประจำปีงบประมาณ พ.ศ. {num(year, thai_digits)}",
        "ขั้นตอนการดำเนินงาน",
        f"{num(1, thai_digits)}. รับเรื่องร้องเรียนทางหนังสือ โทรศัพท์ เว็บไซต์ หรือร้องเรียนด้วยตนเอง",
        f"{num(2, thai_digits)}. ลงทะเบียนรับเรื่องและแจ้งผู้ร้องเรียนภายใน {num(3, thai_digits)} วันทำการ",
        f"{num(3, thai_digits)}. ตรวจสอบข้อเท็จจริงและเสนอผู้บริหารพิจารณาภายใน {num(15, thai_digits)} วัน",
        f"{num(4, thai_digits)}. แจ้งผลการดำเนินการให้ผู้ร้องเรียนทราบภายใน {num(30, thai_digits)} วัน",
        "ผู้รับผิดชอบ ศูนย์รับเรื่องร้องเรียน สำนักปลัด",
        f"      ประกาศ ณ วันที่ {_date(rng.randint(1, 28), 1 + rng.randrange(9), year, thai_digits)}",
    )
    return Doc("แนวปฏิบัติการจัดการเรื่องร้องเรียน", (lines,), year, frozenset({year}))


def integrity_declaration(year: int, thai_digits: bool = True, agency: str = AGENCIES[3], seed: int = 0) -> Doc:
    rng = random.Random(seed)
    printed = year - 1
    lines = (
        "ประกาศเจตจำนงสุจริตในการบริหารงาน",
        f"ของผู้บริหาร{agency} ประจำปีงบประมาณ พ.ศ. {num(year, thai_digits)}",
        f"  ข้าพเจ้า {rng.choice(MAYORS)} ขอประกาศเจตจำนงว่าจะปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต",
        "โปร่งใส ตรวจสอบได้ และจะไม่กระทำการใดที่เป็นการทุจริตหรือเอื้อประโยชน์แก่ผู้ใด",
        f"      ประกาศ ณ วันที่ {_date(rng.randint(1, 28), rng.choice((10, 11, 12)), printed, thai_digits)}",
    )
    return Doc("เจตจำนงสุจริต", (lines,), year, frozenset({year, printed}))


def order(year: int, thai_digits: bool = True, agency: str = AGENCIES[4], seed: int = 0) -> Doc:
    rng = random.Random(seed)
    number = rng.randint(12, 250)
    lines = (
        f"คำสั่ง{agency}",
        f"ที่ {num(number, thai_digits)}/{num(year, thai_digits)}",
        "เรื่อง แต่งตั้งคณะทำงานประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
        "  เพื่อให้การดำเนินงานตามแนวทางการประเมิน ITA เป็นไปด้วยความเรียบร้อย จึงแต่งตั้งคณะทำงาน ดังนี้",
        f"{num(1, thai_digits)}. ปลัด{agency}  ประธานคณะทำงาน",
        f"{num(2, thai_digits)}. หัวหน้าสำนักปลัด  คณะทำงาน",
        f"      สั่ง ณ วันที่ {_date(rng.randint(1, 28), 1 + rng.randrange(9), year, thai_digits)}",
    )
    return Doc("คำสั่งแต่งตั้งคณะทำงาน", (lines,), year, frozenset({year}))


DOCUMENTS = (no_gift_announcement, procurement_plan, complaint_guideline, integrity_declaration, order)


def sample(index: int) -> tuple[Doc, Scan]:
    """The index-th document of a varied, reproducible set: kind, agency, year 2565–2569, digits, dpi, noise, skew."""
    rng = random.Random(1000 + index)
    make = DOCUMENTS[index % len(DOCUMENTS)]
    year = 2565 + rng.randrange(5)
    doc = make(year, thai_digits=rng.random() < 0.7, agency=rng.choice(AGENCIES), seed=index)
    scan = Scan(dpi=rng.choice((150, 200, 300)), noise=rng.choice((0.0, 0.0005, 0.002)),
                skew=rng.uniform(-1.0, 1.0), blur=rng.choice((0.0, 0.0, 0.6)), jpeg=rng.choice((0, 60, 85)), seed=index)
    return doc, scan
