"""Document bytes for generated sites: text PDFs (reportlab + the OFL Sarabun font), scanned image-only PDFs
(Pillow: rendered text, noise, a slight skew), Word and Excel files."""

from __future__ import annotations

import datetime
import functools
import io
import random
import re
import time
import zipfile

FIXED = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def _stable_zip(data: bytes) -> bytes:
    """Office files are zips stamped with the time of writing: rewrite them with a fixed stamp (same seed, same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2020-01-01T00:00:00Z", body)
            dst.writestr(fixed, body)
    return out.getvalue()


@functools.cache
def font_path() -> str:
    from fontpkg_sarabun import ROOT

    return str(ROOT / "files" / "Sarabun-Regular.ttf")


@functools.cache
def _register() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Sarabun", font_path()))
    return "Sarabun"


def _wrap(line: str, width: int = 70) -> list[str]:
    out, rest = [], line
    while len(rest) > width:
        cut = rest.rfind(" ", 0, width)
        cut = cut if cut > width // 2 else width
        out.append(rest[:cut])
        rest = rest[cut:].lstrip()
    return [*out, rest]


def pdf_bytes(lines: list[str], pages: int = 1, title: str | None = None) -> bytes:
    """A text PDF: the first line as a heading, the rest as paragraphs; later pages repeat a running title."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _register()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title or lines[0])
    for page in range(pages):
        y = 790
        body = lines if page == 0 else [f"{lines[0]} (หน้า {page + 1})", *lines[1:3]]
        for n, line in enumerate(body):
            c.setFont(font, 17 if n == 0 else 14)
            for part in _wrap(line, 60 if n == 0 else 80):
                c.drawString(56, y, part)
                y -= 24
                if y < 60:
                    break
        c.showPage()
    c.save()
    return buf.getvalue()


def scan_pdf_bytes(lines: list[str], rng: random.Random, dpi: int = 150) -> bytes:
    """An image-only PDF, as a scanner makes it: the text exists only as pixels."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (width, height), rng.randrange(236, 250))
    draw = ImageDraw.Draw(img)
    size = int(dpi * 0.22)
    font = ImageFont.truetype(font_path(), size)
    y = int(dpi * 0.9)
    for n, line in enumerate(lines):
        for part in _wrap(line, 52 if n == 0 else 64):
            draw.text((int(dpi * 0.75), y), part, fill=rng.randrange(10, 40), font=font)
            y += int(size * 1.6)
    for _ in range(width * height // 600):  # scanner dust
        draw.point((rng.randrange(width), rng.randrange(height)), fill=rng.randrange(110, 220))
    img = img.rotate(rng.uniform(-0.9, 0.9), fillcolor=245)
    buf = io.BytesIO()
    stamp = time.gmtime(1577836800)
    img.save(buf, "PDF", resolution=float(dpi), creationDate=stamp, modDate=stamp)
    return buf.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = FIXED.replace(tzinfo=None)
    document.add_heading(paragraphs[0], level=1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return _stable_zip(buf.getvalue())


def xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.created = wb.properties.modified = FIXED.replace(tzinfo=None)
    ws = wb.active
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return _stable_zip(buf.getvalue())


def png_bytes(label: str, rng: random.Random, size: tuple[int, int] = (160, 200)) -> bytes:
    """A small portrait/banner picture (a flat colour with a caption)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, (rng.randrange(120, 230), rng.randrange(120, 230), rng.randrange(120, 230)))
    ImageDraw.Draw(img).ellipse((size[0] // 4, size[1] // 8, 3 * size[0] // 4, size[1] // 2), fill=(90, 70, 60))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
