"""Text of the documents agencies publish: PDF (pypdfium2), DOCX (python-docx), XLSX (openpyxl), XLS (xlrd)
and old Word .doc (its UTF-16 text runs).

A PDF with pages but no text layer is a scan: it is marked ``scanned`` so matching knows the content was
not readable, rather than treating it as an empty document. Each page is judged on its own too:
``scanned_pages`` lists the pages (1-based) that are a page-sized picture with no text or a junk text layer,
so a PDF mixing typed pages and scanned annexes (signed pages) can have just those pages OCR'd
(crawler/ocr.py). Corrupt or unsupported files return an error
string instead of raising, so one bad file never stops a crawl.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from crawler.safety import Refused, check_body, is_password_error
from model.failures import Failure

DOC_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".rtf", ".zip", ".rar")
DOC_TYPES = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "application/zip": "zip",
}
MAX_PDF_PAGES = 80
MAX_CHARS = 300_000


@dataclass
class DocumentText:
    kind: str
    text: str = ""
    pages: int = 0
    scanned: bool = False
    error: str = ""
    failure: str = ""  # a model.failures.Failure value when the file could not be read
    # 1-based numbers of the pages that need OCR (a picture with no readable text), within the pages read
    scanned_pages: tuple[int, ...] = ()


def sniff_kind(body: bytes, content_type: str, url: str) -> str | None:
    """The document type from magic bytes first, then the declared type, then the extension."""
    head = body[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG")):
        return "image"  # a photographed or scanned page linked as evidence: read by OCR when an item needs it
    if head.startswith(b"PK\x03\x04"):
        lowered = url.lower()
        for ext in ("docx", "xlsx", "pptx"):
            if lowered.endswith("." + ext) or ext in content_type:
                return ext
        return DOC_TYPES.get(content_type.split(";")[0].strip().lower(), "zip")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        lowered = url.lower()
        return "xls" if lowered.endswith(".xls") else ("ppt" if lowered.endswith(".ppt") else "doc")
    kind = DOC_TYPES.get(content_type.split(";")[0].strip().lower())
    if kind:
        return kind
    path = url.lower().split("?")[0]
    for ext in DOC_EXTENSIONS:
        if path.endswith(ext):
            return ext[1:]
    return None


def _page_is_image(page, raw) -> bool:
    """A page covered by one picture: what a scanner produces."""
    width, height = page.get_size()
    area = max(width * height, 1.0)
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) / area > 0.6:
            return True
    return False


def _thai_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if "\u0e00" <= ch <= "\u0e7f") / len(letters) if letters else 0.0


def _page_needs_ocr(text: str, is_image: bool, has_image: bool) -> bool:
    """A page picture with no text, or with a text layer that is not Thai (an OCR layer of junk)."""
    stripped = text.strip()
    if not has_image:
        return False
    if len(stripped) < 20:
        return True
    return is_image and _thai_share(stripped) < 0.3


def _pdf(body: bytes) -> DocumentText:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(body)
    except pdfium.PdfiumError as exc:
        if is_password_error(exc):
            return DocumentText("pdf", error=f"PDF เข้ารหัส เปิดไม่ได้ (encrypted PDF): {exc}", failure=Failure.ENCRYPTED)
        return DocumentText("pdf", error=f"PDF เสียหายหรือเปิดไม่ได้ (corrupt PDF): {exc}", failure=Failure.CORRUPT)
    try:
        total = len(pdf)
        parts: list[str] = []
        kept: list[str] = []  # the text of pages that do not need OCR
        chars = 0
        image_pages = 0
        ocr_pages: list[int] = []
        for index in range(min(total, MAX_PDF_PAGES)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range() if textpage.count_chars() else ""
            if text:
                parts.append(text)
                chars += len(text.strip())
            is_image = _page_is_image(page, raw)
            if index < 3 and is_image:
                image_pages += 1
            has_image = is_image or (len(text.strip()) < 20 and _has_image(page, raw))
            if _page_needs_ocr(text, is_image, has_image):
                ocr_pages.append(index + 1)
            if text and not (is_image and _thai_share(text) < 0.3):
                kept.append(text)
            textpage.close()
            page.close()
            if chars > MAX_CHARS:
                break
        text = "\n".join(parts)[:MAX_CHARS]
        # No text at all, or a page-sized picture under a text layer that is not Thai (OCR junk): a scan.
        scanned = total > 0 and (len(text.strip()) < 20 or (image_pages > 0 and _thai_share(text) < 0.3))
        if not scanned and ocr_pages:
            text = "\n".join(kept)[:MAX_CHARS]  # a junk layer over a page picture is not text
        return DocumentText("pdf", "" if scanned else text, total, scanned=scanned, scanned_pages=tuple(ocr_pages))
    finally:
        pdf.close()


def _has_image(page, raw) -> bool:
    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _docx(body: bytes) -> DocumentText:
    import docx

    document = docx.Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return DocumentText("docx", "\n".join(parts)[:MAX_CHARS])


def _xlsx(body: bytes) -> DocumentText:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            parts.append(" ".join(str(v) for v in row if v is not None))
            if sum(map(len, parts)) > MAX_CHARS:
                break
    workbook.close()
    return DocumentText("xlsx", "\n".join(parts)[:MAX_CHARS], len(workbook.worksheets))


def _xls(body: bytes) -> DocumentText:
    import xlrd

    book = xlrd.open_workbook(file_contents=body, on_demand=True)
    parts = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        parts.append(sheet.name)
        for row in range(sheet.nrows):
            parts.append(" ".join(str(v) for v in sheet.row_values(row) if v not in ("", None)))
    return DocumentText("xls", "\n".join(parts)[:MAX_CHARS], book.nsheets)


# Old Word (.doc) keeps Thai text as UTF-16LE: runs of ASCII or Thai code units, read without a Word parser.
_UTF16_RUN = re.compile(rb"(?:[\x09\x0a\x0d\x20-\x7e]\x00|[\x01-\x7f]\x0e){4,}")


def _doc(body: bytes) -> DocumentText:
    runs = (m.group().decode("utf-16-le") for m in _UTF16_RUN.finditer(body))
    text = "\n".join(run for run in runs if any("\u0e00" <= ch <= "\u0e7f" for ch in run) or len(run) > 20)
    if not text.strip():
        return DocumentText("doc", error="อ่านข้อความจากไฟล์ .doc ไม่ได้ (no text found in the .doc file)")
    return DocumentText("doc", text[:MAX_CHARS])


def _image(body: bytes) -> DocumentText:
    """A picture has no text layer: one page, all of it for OCR."""
    return DocumentText("image", "", 1, scanned=True, scanned_pages=(1,))


_READERS = {"image": _image, "pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "xls": _xls, "doc": _doc}


def document_text(body: bytes, kind: str) -> DocumentText:
    reader = _READERS.get(kind)
    if reader is None:
        return DocumentText(kind, error=f"ยังไม่รองรับการอ่านข้อความไฟล์ .{kind} (text of .{kind} files is not read)",
                            failure=Failure.UNSUPPORTED)
    try:
        check_body(body, kind)  # zip bombs and empty files, before a parser opens them
        doc = reader(body)
        if doc.error and not doc.failure:
            doc.failure = Failure.CORRUPT
        return doc
    except Refused as exc:
        return DocumentText(kind, error=exc.message, failure=exc.failure)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        return DocumentText(kind, error=f"ไฟล์ .{kind} เสียหายหรือเปิดไม่ได้ (corrupt file): {exc}", failure=Failure.CORRUPT)
    except MemoryError:
        return DocumentText(kind, error=f"ไฟล์ .{kind} ใหญ่เกินกว่าจะอ่านได้ (too large to read)", failure=Failure.TOO_LARGE)
    except Exception as exc:  # third-party parsers raise their own types on hostile files
        return DocumentText(kind, error=f"อ่านไฟล์ .{kind} ไม่ได้ (cannot read): {type(exc).__name__}: {exc}",
                            failure=Failure.CORRUPT)
