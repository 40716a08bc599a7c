"""Thai and English wording of reason codes, notes, failures and cautions, applied when a verdict is shown.

Keeping the words here, beside nothing else, means results.json holds only codes and details, every writer
(terminal, CSV, HTML, Word, ITAS sheet) words a verdict the same way, and a newcomer finds each sentence
in one place.
"""

from __future__ import annotations

from typing import Any, Literal

from model.failures import Failure
from model.results import Caution
from model.verdicts import ItemVerdict, Note, NoteEntry, Reason, Signal, SignalKind, Status

Lang = Literal["th", "en"]

STATUS = {
    Status.PRESENT: ("มี", "present"),
    Status.ABSENT: ("ไม่มี", "absent"),
    Status.NEEDS_REVIEW: ("ต้องตรวจด้วยตนเอง", "needs review"),
    Status.NOT_REACHED: ("ยังตรวจไม่ครบ", "not reached"),
}

FAILURES = {
    Failure.DNS: ("ไม่พบชื่อโดเมน (DNS)", "DNS lookup failed"),
    Failure.TLS: ("เชื่อมต่อแบบปลอดภัยไม่ได้ (TLS/SSL)", "TLS/SSL handshake failed"),
    Failure.TIMEOUT: ("หมดเวลา", "timed out"),
    Failure.REFUSED: ("เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ", "connection refused"),
    Failure.RESET: ("การเชื่อมต่อถูกตัดกลางทาง", "connection reset"),
    Failure.BLOCKED: ("เว็บไซต์ปฏิเสธการเข้าถึง ({status})", "access denied by the site ({status})"),
    Failure.RATE_LIMITED: ("ถูกจำกัดความถี่การเข้าถึง ({status})", "rate-limited ({status})"),
    Failure.SERVER_ERROR: ("เซิร์ฟเวอร์ขัดข้อง (HTTP {status})", "server error (HTTP {status})"),
    Failure.NOT_FOUND: ("HTTP {status}", "HTTP {status}"),
    Failure.HTTP_ERROR: ("HTTP {status}", "HTTP {status}"),
    Failure.REDIRECT_LOOP: ("เปลี่ยนเส้นทางวนซ้ำ", "redirect loop"),
    Failure.TOO_LARGE: ("ไฟล์ใหญ่เกินกำหนด", "larger than the download limit"),
    Failure.CORRUPT: ("เอกสารเสียหาย", "corrupt document"),
    Failure.ENCRYPTED: ("เอกสารเข้ารหัส", "encrypted document"),
    Failure.UNSUPPORTED: ("ชนิดไฟล์ที่ยังอ่านไม่ได้", "unsupported file type"),
    Failure.ROBOTS: ("robots.txt ไม่อนุญาต", "forbidden by robots.txt"),
    Failure.PRIVATE_ADDRESS: ("ที่อยู่ในเครือข่ายภายใน ไม่เข้าถึง", "private address, not fetched"),
    Failure.OFF_SITE: ("เปลี่ยนเส้นทางออกนอกเว็บไซต์", "redirected off the site"),
    Failure.OTHER: ("ผิดพลาด", "error"),
}

REASONS = {
    Reason.FOUND: ("พบ", "found"),
    Reason.FOUND_EXTERNAL: ("พบ (ผ่านช่องทางภายนอก {external})", "found (through the external channel {external})"),
    Reason.NOT_FOUND: ("ไม่พบ", "not found"),
    Reason.BROKEN_LINK: ("ลิงก์เสีย ({why})", "broken link ({why})"),
    Reason.SOFT_404: ("ลิงก์เสีย (หน้า 'ไม่พบข้อมูล' ที่ตอบ 200 / soft-404)", "broken link (a 'not found' page answering 200)"),
    Reason.FETCH_FAILED: ("เปิดไม่ได้: {why}", "could not be fetched: {why}"),
    Reason.PLACEHOLDER: ("หน้าว่าง / อยู่ระหว่างปรับปรุง", "empty or 'under construction' page"),
    Reason.NOT_THE_ITEM: ("เนื้อหาของหน้าไม่ใช่ข้อนี้", "the page's own content does not show this item"),
    Reason.HOME_PAGE: ("มีเพียงเมนูหรือกล่องบนหน้าแรก ไม่มีหน้าของข้อนี้", "only a menu entry or box on the home page"),
    Reason.INDEX_PAGE: ("มีเพียงหน้ารวมลิงก์ ITA ของหน่วยงาน ไม่ใช่หน้าของข้อนี้", "only the agency's ITA index page, not the item"),
    Reason.WRONG_YEAR: ("พบเฉพาะปี {found} (ต้องเป็นปี {wanted})", "only year {found} found (needs {wanted})"),
    Reason.NO_YEAR: ("ไม่ระบุปีงบประมาณ {wanted}", "fiscal year {wanted} not shown"),
    Reason.MISSING_ELEMENTS: ("ขาดองค์ประกอบ: {elements}", "missing elements: {elements}"),
    Reason.UNREADABLE_DOCUMENT: ("เอกสารอ่านข้อความไม่ได้ (ภาพสแกน): ต้องตรวจด้วยตนเอง {url}",
                                 "document without readable text (a scan): check it by hand {url}"),
    Reason.PICTURE_ONLY: ("มีเพียงรูปภาพกับข้อความสั้น ๆ: ต้องตรวจด้วยตนเองว่าภาพเป็นข้อมูลของข้อนี้ {url}",
                          "only a picture and a line of text: check by hand that the picture shows the item {url}"),
    Reason.OCR_UNCERTAIN: ("อ่านภาพสแกนได้ไม่ชัดเจน ({what}): ต้องตรวจด้วยตนเอง {url}",
                           "the scan was read, but not surely ({what}): check it by hand {url}"),
    Reason.DOCUMENT_ERROR: ("{why}: {url}", "{why}: {url}"),
    Reason.URL_HINT_ONLY: ("มีเพียงรูปแบบ URL ที่คล้าย ไม่มีชื่อรายการ", "only a similar URL shape, no item name"),
    Reason.NOT_CRAWLED: ("ไม่ได้ตรวจ (นอกขอบเขตหรือเกินงบการตรวจ)", "not fetched (outside the scope or the budget)"),
    Reason.NOT_REACHED: ("ยังตรวจไม่ครบ: การตรวจหยุดก่อน ({stop})", "not reached: the crawl stopped early ({stop})"),
    Reason.DEAD_ON_RECHECK: ("ลิงก์เสีย (ตรวจซ้ำแล้วเปิดไม่ได้: {why})", "broken link on the live re-check ({why})"),
}

SIGNALS = {
    SignalKind.LINK_TEXT: ("ลิงก์ชื่อ \"{text}\" ในหน้า {source}", "a link named \"{text}\" on {source}"),
    SignalKind.INDEX_ROW: ("แถวในหน้ารวม ITA ของหน่วยงาน \"{text}\" ({source})", "the agency's ITA index row \"{text}\" ({source})"),
    SignalKind.EXTERNAL: ("หน้านี้ลิงก์ไปยังช่องทางภายนอก {text}", "this page links the external channel {text}"),
    SignalKind.TITLE: ("ชื่อหรือหัวเรื่องของหน้าเอง \"{text}\"", "the page's own title or heading \"{text}\""),
    SignalKind.DOCUMENT_TEXT: ("ข้อความต้นเอกสาร \"{text}\"", "the document's opening \"{text}\""),
    SignalKind.FUZZY: ("ถ้อยคำใกล้เคียงชื่อข้อ \"{text}\" ({source})", "wording close to the item's name \"{text}\" ({source})"),
    SignalKind.URL_HINT: ("รูปแบบ URL", "the URL's shape"),
}

NOTES = {
    Note.SCANNED_DOCUMENT: ("เอกสารเป็นภาพสแกน ไม่มีข้อความให้ตรวจ: ควรตรวจด้วยตนเอง {url}",
                            "a scanned document without text: worth a look by hand {url}"),
    Note.YEAR_ONLY_IN_LINK: ("ปีที่ถูกต้องปรากฏเฉพาะในชื่อลิงก์ ไม่พบในเนื้อหา", "the right year is only in the link text"),
    Note.RELATED_BROKEN_LINKS: ("ลิงก์ที่เกี่ยวข้องเสีย {count} ลิงก์ เช่น {url}", "{count} related links are broken, e.g. {url}"),
    Note.EXTERNAL_CHANNEL: ("ลิงก์ไปยังช่องทางภายนอก: {url}", "links the external channel {url}"),
    Note.EVIDENCE_DROPPED: ("ตรวจซ้ำแล้วลิงก์เสีย ({why}): {url}", "dropped on the live re-check ({why}): {url}"),
    Note.DOCUMENT_ERROR: ("{why}: {url}", "{why}: {url}"),
    Note.READ_BY_OCR: ("อ่านจากภาพสแกนด้วย OCR หน้า {page}: \"{excerpt}\"", "read from the scan by OCR, page {page}: \"{excerpt}\""),
}

CAUTIONS = {
    Caution.RULES_UNVERIFIED: ("ข้อควรระวัง: เกณฑ์ปี {year} ยังไม่ได้ยืนยันจากคู่มือทางการ (ระดับ {confidence}) ผลเป็นการประมาณ",
                               "caution: the {year} criteria are not confirmed by an official manual ({confidence}); "
                               "results are an estimate"),
    Caution.ITEMS_UNVERIFIED: ("ข้อควรระวัง: ข้อ {items} ยังไม่ได้ยืนยันรายละเอียดเกณฑ์", "caution: items {items} are unverified"),
    Caution.CRAWL_INCOMPLETE: ("การตรวจยังไม่ครบ: หยุดเพราะ{why} ข้อที่ยังไม่พบเป็น \"ยังตรวจไม่ครบ\"",
                               "incomplete audit: stopped by {why_en}; items not found are 'not reached'"),
    Caution.INTERRUPTED: ("การตรวจถูกหยุดกลางคัน ผลนี้ยังไม่สมบูรณ์ สั่งคำสั่งเดิมอีกครั้งเพื่อทำต่อ",
                          "interrupted: these results are incomplete; run the same command again to resume"),
    Caution.SITE_BROKEN: ("เว็บไซต์นี้ดูเสียเกือบทั้งหมด: ลิงก์ {failed} จาก {total} เปิดไม่ได้",
                          "the site looks broken: {failed} of {total} links failed"),
    Caution.SITE_NOT_FOUND_PAGES: ("หน้าส่วนใหญ่ ({count} จาก {total}) เป็นหน้า 'ไม่พบข้อมูล' ของระบบจัดการเว็บไซต์",
                                   "most pages ({count} of {total}) are the CMS 'not found' page"),
    Caution.CRAWL_BLOCKED: ("เว็บไซต์อาจปิดกั้นโปรแกรมตรวจ: {count} จาก {total} คำขอถูกปฏิเสธ (403/429)",
                            "the site may be blocking the crawler: {count} of {total} requests refused (403/429)"),
    Caution.OCR_UNAVAILABLE: ("อ่านภาพสแกนไม่ได้: ไม่พบ Tesseract ภาษาไทย (ติดตั้ง: apt-get install tesseract-ocr tesseract-ocr-tha)",
                              "scans not read: Tesseract with Thai is missing (apt-get install tesseract-ocr tesseract-ocr-tha)"),
    Caution.RESUMED: ("ทำต่อจากครั้งก่อนที่หยุดไป", "resumed the interrupted audit"),
}

STOP_REASONS = {
    "closespider_pagecount": ("จำนวนหน้าครบตามที่กำหนด (--max-pages)", "the page budget (--max-pages)"),
    "closespider_timeout": ("เวลาครบตามที่กำหนด (--max-seconds)", "the time budget (--max-seconds)"),
    "closespider_itemcount": ("จำนวนรายการครบตามที่กำหนด", "the item budget"),
    "bytes_budget": ("ปริมาณข้อมูลครบตามที่กำหนด", "the byte budget"),
    "shutdown": ("ผู้ใช้สั่งหยุด (Ctrl-C/SIGTERM)", "a stop request (Ctrl-C/SIGTERM)"),
    "circuit_open": ("เว็บไซต์ตอบผิดพลาดต่อเนื่อง จึงหยุดเพื่อไม่ให้รบกวน", "the site only failed; stopped to spare it"),
}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "th" else pair[1]


def _fmt(value: Any, lang: Lang) -> str:
    if isinstance(value, list | tuple | set):
        return (" หรือ " if lang == "th" else " or ").join(map(str, value)) if all(isinstance(v, int) for v in value) \
            else ", ".join(map(str, value))
    return str(value)


def failure_text(failure: str, status: int | None = None, lang: Lang = "th") -> str:
    try:
        pair = FAILURES[Failure(failure)]
    except ValueError:
        pair = FAILURES[Failure.OTHER]
    return _pick(pair, lang).format(status=status or "")


def _with_why(detail: dict, lang: Lang) -> dict:
    """Most failure reasons show 'why': an HTTP status or a failure's words, derived from the detail."""
    values = _Blank({k: _fmt(v, lang) for k, v in detail.items()})
    if "why" not in detail:
        failure = detail.get("failure")
        if detail.get("soft_404"):
            values["why"] = "หน้า 'ไม่พบข้อมูล' ที่ตอบ 200 / soft-404" if lang == "th" else "a 'not found' page answering 200"
            return values
        status = detail.get("status")
        if failure:
            values["why"] = failure_text(failure, status, lang)
        elif status:
            values["why"] = f"HTTP {status}"
        else:
            values["why"] = detail.get("error", "")
    stop = detail.get("stop")
    if stop in STOP_REASONS:
        values["stop"] = _pick(STOP_REASONS[stop], lang)
    return values


def reason_text(reason: Reason | str, detail: dict | None = None, lang: Lang = "th") -> str:
    reason = Reason(reason)
    text = _pick(REASONS[reason], lang).format_map(_with_why(detail or {}, lang))
    return " ".join(text.split())


def note_text(note: NoteEntry, lang: Lang = "th") -> str:
    return " ".join(_pick(NOTES[note.code], lang).format_map(_with_why(note.detail, lang)).split())


def signal_text(signal: Signal, lang: Lang = "th") -> str:
    text = signal.text if len(signal.text) <= 90 else signal.text[:89] + "…"
    return _pick(SIGNALS[signal.kind], lang).format(text=" ".join(text.split()), source=signal.source or "-")


def status_text(status: Status, lang: Lang = "th") -> str:
    return _pick(STATUS[status], lang)


def verdict_reason(verdict: ItemVerdict, lang: Lang = "th") -> str:
    """The one-line reason shown for an item."""
    text = reason_text(verdict.reason, verdict.detail, lang)
    if verdict.reason is Reason.FOUND and verdict.confidence == "high":
        text += " (ยืนยันจากเนื้อหา)" if lang == "th" else " (confirmed by the content)"
    return text


def describe(verdict: ItemVerdict, lang: Lang = "th") -> str:
    """The reason and every note in one line: what evidence sheets show."""
    parts = [verdict_reason(verdict, lang), *(note_text(n, lang) for n in verdict.notes)]
    return "; ".join(p for p in parts if p)


def caution_text(code: Caution, detail: dict | None = None, lang: Lang = "th") -> str:
    detail = dict(detail or {})
    if "why" in detail and detail["why"] in STOP_REASONS:
        detail["why_en"] = STOP_REASONS[detail["why"]][1]
        detail["why"] = STOP_REASONS[detail["why"]][0]
    return _pick(CAUTIONS[code], lang).format_map(_Blank({k: _fmt(v, lang) for k, v in detail.items()}))


# -- batch runs (ita batch): site statuses, registry rows skipped or repaired ----------------------------------

from model.batch import Repair, SiteStatus, SkipReason  # noqa: E402

SITE_STATUS = {
    SiteStatus.QUEUED: ("รอตรวจ", "queued"),
    SiteStatus.RUNNING: ("กำลังตรวจ", "running"),
    SiteStatus.INTERRUPTED: ("หยุดกลางคัน (ทำต่อได้)", "interrupted (resumable)"),
    SiteStatus.OK: ("ตรวจครบ", "audited"),
    SiteStatus.INCOMPLETE: ("ตรวจไม่ครบ (เกินงบการตรวจ)", "audited, budget reached"),
    SiteStatus.SOFT_404: ("ทุกหน้าเป็นหน้า 'ไม่พบข้อมูล' (soft-404)", "soft-404 everywhere"),
    SiteStatus.CRAWL_BLOCKED: ("เว็บไซต์ปิดกั้นโปรแกรมตรวจ (403/429)", "crawl blocked (403/429)"),
    SiteStatus.SITE_BROKEN: ("ลิงก์ส่วนใหญ่เสีย", "most links broken"),
    SiteStatus.DNS: ("ไม่พบชื่อโดเมน (DNS)", "DNS lookup failed"),
    SiteStatus.TLS: ("เชื่อมต่อแบบปลอดภัยไม่ได้ (TLS/SSL)", "TLS/SSL failed"),
    SiteStatus.TIMEOUT: ("หมดเวลา", "timed out"),
    SiteStatus.REFUSED: ("เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ", "connection refused"),
    SiteStatus.RESET: ("การเชื่อมต่อถูกตัด", "connection reset"),
    SiteStatus.BLOCKED: ("เว็บไซต์ปฏิเสธการเข้าถึง (403)", "blocked (403)"),
    SiteStatus.RATE_LIMITED: ("ถูกจำกัดความถี่ (429)", "rate-limited (429)"),
    SiteStatus.SERVER_ERROR: ("เซิร์ฟเวอร์ขัดข้อง (5xx)", "server error (5xx)"),
    SiteStatus.NOT_FOUND: ("ไม่พบหน้าแรก (404)", "home page not found (404)"),
    SiteStatus.HTTP_ERROR: ("หน้าแรกตอบผิดพลาด (4xx)", "home page HTTP error (4xx)"),
    SiteStatus.REDIRECT_LOOP: ("เปลี่ยนเส้นทางวนซ้ำ", "redirect loop"),
    SiteStatus.ROBOTS: ("robots.txt ไม่อนุญาต", "forbidden by robots.txt"),
    SiteStatus.PRIVATE_ADDRESS: ("ที่อยู่ในเครือข่ายภายใน", "private address"),
    SiteStatus.OFF_SITE: ("เปลี่ยนเส้นทางออกนอกเว็บไซต์", "redirected off the site"),
    SiteStatus.UNREACHABLE: ("เข้าถึงเว็บไซต์ไม่ได้", "unreachable"),
    SiteStatus.ERROR: ("ตรวจไม่สำเร็จ (ข้อผิดพลาดของโปรแกรม)", "audit failed (our error)"),
}

SKIPS = {
    SkipReason.NO_CODE: ("ไม่มีรหัสหน่วยงาน", "no agency code"),
    SkipReason.EMPTY: ("ไม่ระบุเว็บไซต์", "no website given"),
    SkipReason.NUMBER: ("เป็นตัวเลข ไม่ใช่เว็บไซต์", "a number, not a website"),
    SkipReason.EMAIL: ("เป็นอีเมล ไม่ใช่เว็บไซต์", "an e-mail address, not a website"),
    SkipReason.NOT_HTTP: ("ไม่ใช่ที่อยู่ http/https", "not an http(s) address"),
    SkipReason.INVALID: ("ชื่อโดเมนไม่ถูกต้อง", "not a valid host name"),
    SkipReason.NATIONAL: ("เป็นเว็บไซต์ของหน่วยงานส่วนกลาง ไม่ใช่ของหน่วยงานเอง", "a national agency's site, not the agency's own"),
    SkipReason.SOCIAL: ("เป็นหน้าโซเชียลมีเดีย ไม่ใช่เว็บไซต์หน่วยงาน", "a social-media page, not a website"),
    SkipReason.NOT_GO_TH: ("ไม่ใช่โดเมน .go.th (--go-th-only)", "not a .go.th domain (--go-th-only)"),
}

REPAIRS = {
    Repair.SCHEME_ADDED: ("เติม http://", "http:// added"),
    Repair.SEPARATORS: ("แก้จุลภาคหรือช่องว่างเป็นจุด", "commas or spaces read as dots"),
    Repair.DOUBLE_DOTS: ("ตัดจุดซ้ำ", "repeated dots removed"),
    Repair.SCHEME_FIXED: ("แก้ http:// ที่พิมพ์ผิด", "mistyped http:// fixed"),
    Repair.SEVERAL: ("มีหลายเว็บไซต์ ใช้เว็บแรก", "several websites: the first is audited"),
    Repair.NOT_GO_TH: ("ไม่ใช่โดเมน .go.th (ยังตรวจ)", "not a .go.th domain (audited all the same)"),
    Repair.DIFFERING_ROWS: ("แถวของหน่วยงานเดียวกันระบุเว็บไซต์ต่างกัน ใช้ที่พบมากที่สุด",
                            "rows of the agency differ: the most common website is audited"),
}


def site_status_text(status: SiteStatus | str, lang: Lang = "th") -> str:
    try:
        return _pick(SITE_STATUS[SiteStatus(status)], lang)
    except ValueError:
        return str(status)


def skip_text(reason: SkipReason | str, lang: Lang = "th") -> str:
    return _pick(SKIPS[SkipReason(reason)], lang)


def repair_text(repair: Repair | str, lang: Lang = "th") -> str:
    return _pick(REPAIRS[Repair(repair)], lang)

REGRESSIONS = {
    "site_down": ("เว็บไซต์ตรวจไม่ได้ (รอบก่อนตรวจได้)", "site down (audited last time)"),
    "item_lost": ("ข้อที่เคยมี ตอนนี้ไม่มี", "item lost"),
    "evidence_dead": ("URL หลักฐานเดิมเสีย", "evidence URL now dead"),
}


def regression_text(kind: str, item: str, detail: dict, lang: Lang = "th") -> str:
    """One regression in a line: 'ข้อที่เคยมี ตอนนี้ไม่มี: O8 (ลิงก์เสีย (HTTP 404))'."""
    words = _pick(REGRESSIONS.get(kind, (kind, kind)), lang)
    if kind == "site_down":
        return f"{words}: {site_status_text(detail.get('now', ''), lang)}"
    if kind == "evidence_dead":
        return f"{words}: {item} {detail.get('url', '')} ({detail.get('why', '')})"
    reason = detail.get("reason")
    why = reason_text(reason, detail.get("reason_detail") or {}, lang) if reason in Reason.__members__.values() else ""
    return f"{words}: {item}" + (f" ({why})" if why else "")
