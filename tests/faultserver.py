"""A fault-injection web server on 127.0.0.1 for the reliability tests and ``make reliability``.

It plays a small agency site whose pages sit behind every fault a real agency website has: slow drip and a
connection reset; 500, 503, 429 with Retry-After, 401 and a 403 firewall page; a redirect loop, redirects
to another host and to a private address; an endless calendar, a 50 MB page and gzip bombs (page and
document); malformed HTML and a wrong or missing charset; a PDF served as text/html, a corrupt PDF, an
encrypted PDF and a PDF of 5,000 pages; a DOCX zip bomb and a huge robots.txt; Thai IRIs and
double-encoded URLs; a closed port (refused) and https spoken to a plain-http port (TLS).

``/`` links every fault from one home page, each under the name of the OIT item it stands for (see
``FAULTS``); ``/s/NAME/`` is a one-fault site for measuring one fault alone; ``/start/NAME`` answers the
start page itself with the fault (a site that cannot be reached at all). It binds loopback addresses only
(127.0.0.1, and 127.0.0.2 as the 'intranet' that must never be reached), and every loop in it is bounded.
"""

from __future__ import annotations

import gzip
import io
import socket
import struct
import threading
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
NO_GIFT_PDF = ROOT / "demo" / "site" / "public" / "upload" / "ita" / "no-gift-policy-2569.pdf"
BIG_PAGE = 50 * 1024 * 1024
BOMB_BYTES = 512 * 1024 * 1024  # what a gzip bomb inflates to
DOCX_BOMB_BYTES = 200 * 1024 * 1024
DRIP_SECONDS = 60  # a slow drip gives up after this long, whatever the client does
THAI_IRI = "/ข้อมูล/แผนยุทธศาสตร์.html"
DOUBLE_ENCODED = "/f/plan%2520annual.html"  # once decoded by the server: '/f/plan%20annual.html'


@dataclass(frozen=True)
class Fault:
    name: str
    path: str  # the link on the home page (relative to the server, or {https}/{refused} for other ports)
    item: str  # the OIT item (ITA 2569) whose page sits behind the fault
    outcome: str  # "survived": the item is still found; otherwise the failure the item's verdict must name
    words: str = ""  # the Thai wording the item's reason must contain


FAULTS = [
    Fault("slow_drip", "/f/slow", "O1", "timeout", "หมดเวลา"),
    Fault("connection_reset", "/f/reset", "O2", "reset", "การเชื่อมต่อถูกตัดกลางทาง"),
    Fault("http_500", "/f/500", "O3", "server_error", "เซิร์ฟเวอร์ขัดข้อง (HTTP 500)"),
    Fault("http_503_retry_after", "/f/503", "O6", "server_error", "เซิร์ฟเวอร์ขัดข้อง (HTTP 503)"),
    Fault("http_429_retry_after", "/f/429", "O9", "rate_limited", "ถูกจำกัดความถี่การเข้าถึง (429)"),
    Fault("http_429_then_ok", "/f/429-once", "O11", "survived"),
    Fault("firewall_403", "/f/403", "O12", "blocked", "เว็บไซต์ปฏิเสธการเข้าถึง (403)"),
    Fault("http_401", "/f/401", "O13", "blocked", "เว็บไซต์ปฏิเสธการเข้าถึง (401)"),
    Fault("redirect_loop", "/f/loop", "O14", "redirect_loop", "เปลี่ยนเส้นทางวนซ้ำ"),
    Fault("redirect_other_host", "/f/offsite", "O16", "off_site", "เปลี่ยนเส้นทางออกนอกเว็บไซต์"),
    Fault("redirect_private", "/f/private", "O17", "private_address", "ที่อยู่ในเครือข่ายภายใน"),
    Fault("page_50mb", "/f/big", "O18", "too_large", "ไฟล์ใหญ่เกินกำหนด"),
    Fault("gzip_bomb_page", "/f/gzip-page", "O19", "too_large", "ไฟล์ใหญ่เกินกำหนด"),
    Fault("gzip_bomb_document", "/f/gzip-doc.pdf", "O21", "too_large", "ไฟล์ใหญ่เกินกำหนด"),
    Fault("corrupt_pdf", "/f/corrupt.pdf", "O22", "corrupt", "เอกสารเสียหาย"),
    Fault("encrypted_pdf", "/f/encrypted.pdf", "O24", "encrypted", "เอกสารเข้ารหัส"),
    Fault("docx_zip_bomb", "/f/bomb.docx", "O25", "too_large", "ไฟล์ใหญ่เกินกำหนด"),
    Fault("connection_refused", "{refused}/f/refused", "O26", "refused", "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ"),
    Fault("tls_handshake", "{https}/f/tls", "O10", "tls", "เชื่อมต่อแบบปลอดภัยไม่ได้"),
    Fault("malformed_html", "/f/malformed", "O8", "survived"),
    Fault("wrong_charset", "/f/wrong-charset", "O15", "survived"),
    Fault("missing_charset", "/f/no-charset", "O4", "survived"),
    Fault("pdf_as_text_html", "/f/pdf-as-html", "O20", "survived"),
    Fault("pdf_5000_pages", "/f/pages5000.pdf", "O23", "survived"),
    Fault("thai_iri", THAI_IRI, "O5", "survived"),
    Fault("double_encoded_url", DOUBLE_ENCODED, "O7", "survived"),
]
# Faults without an item of their own: the audit must simply finish, and say what it met.
SITE_FAULTS = [
    Fault("endless_calendar", "/f/calendar?ym=2569-01", "", "trap"),
    Fault("page_50mb_streamed", "/f/big-stream", "", "too_large"),
    Fault("huge_robots_txt", "/robots.txt", "", "survived"),
]

ITEM_NAMES = {
    "O1": "โครงสร้าง หน้าที่และอำนาจ", "O2": "ข้อมูลผู้บริหาร", "O3": "ข้อมูลการติดต่อและช่องทางการสอบถาม",
    "O4": "ข่าวประชาสัมพันธ์", "O5": "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "O6": "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี", "O7": "รายงานผลการดำเนินงานประจำปี",
    "O8": "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "O9": "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
    "O10": "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
    "O11": "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "O12": "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงานประจำปี",
    "O13": "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล", "O14": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
    "O15": "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "O16": "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O17": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O18": "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O19": "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน",
    "O20": "การขับเคลื่อนนโยบาย No Gift Policy", "O21": "การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ",
    "O22": "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของหน่วยงาน",
    "O23": "แผนปฏิบัติการป้องกันการทุจริต", "O24": "รายงานผลการดำเนินการป้องกันการทุจริต",
    "O25": "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "O26": "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}
AGENCY = "องค์การบริหารส่วนตำบลทดสอบความทนทาน"
CONTENT = {  # the real page behind a fault that must be survived: heading, and a body showing the year
    "O4": "ข่าวประชาสัมพันธ์ ประจำปีงบประมาณ พ.ศ. 2569 ประกาศรับสมัครงาน ประชุมสภาสมัยสามัญ กิจกรรมวันเด็กแห่งชาติ 2569",
    "O5": "แผนยุทธศาสตร์การพัฒนา พ.ศ. 2566–2570 ของ" + AGENCY + " วิสัยทัศน์ พันธกิจ ยุทธศาสตร์ และตัวชี้วัด ปี 2569",
    "O7": "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568 ผลการดำเนินงานตามแผนพัฒนาท้องถิ่น โครงการที่ดำเนินการแล้วเสร็จ",
    "O8": "คู่มือการปฏิบัติงานของเจ้าหน้าที่ งานธุรการ งานการเงินและบัญชี งานพัสดุ ขั้นตอนการปฏิบัติงานสำหรับเจ้าหน้าที่ทุกคน",
    "O11": "สรุปผลการจัดซื้อจัดจ้างรายเดือน ประจำปีงบประมาณ พ.ศ. 2569 เดือนตุลาคม 2568 ถึงเดือนมีนาคม 2569 (แบบ สขร.1)",
    "O15": "ประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ และการขับเคลื่อนจริยธรรม ประจำปี 2569 ประกาศใช้ให้ถือปฏิบัติทุกส่วนราชการ",
}


def _page(title: str, body: str, charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title} - {AGENCY}</title></head><body>"
            f"<div id='content'><h1>{title}</h1><p>{body}</p></div></body></html>")


def item_page(code: str, charset: str | None = "utf-8") -> str:
    return _page(ITEM_NAMES[code], CONTENT[code], charset)


def home_page(faults: list[Fault], base: str, https: str, refused: str, extras: bool = True) -> str:
    links = []
    for fault in faults:
        href = fault.path.replace("{https}", https).replace("{refused}", refused)
        text = ITEM_NAMES.get(fault.item, fault.name)
        links.append(f"<li><a href=\"{href}\">{text}</a></li>")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{AGENCY}</title></head><body>"
            f"<div id='content'><h1>หน้าแรก {AGENCY}</h1><p>ยินดีต้อนรับสู่เว็บไซต์ {AGENCY} อำเภอทดสอบ จังหวัดทดสอบ "
            f"ข้อมูลข่าวสารและการให้บริการประชาชน</p><ul>{''.join(links)}</ul>"
            f"<a href='/about.html'>เกี่ยวกับเรา</a>" + (
                f"<a href='/private/secret.html'>ภายใน</a>"
                f"<a href='/..%2F..%2F..%2Fetc%2Fpasswd'>ไฟล์</a> <a href='file:///etc/passwd'>ไฟล์</a>"
                f"<a href='{base.replace('http://', 'http://inspector:secretpass@')}/about.html?PHPSESSID=sess123'>เข้าสู่ระบบ</a>"
                f"<a href='/f/calendar?ym=2569-01'>ปฏิทินกิจกรรม</a>" if extras else "") + "</div></body></html>")


# -- documents made on the fly ---------------------------------------------------------------------------------

def _pdf_bytes(objects: list[bytes], root: int, extra_trailer: bytes = b"") -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, extra_trailer, xref))
    return out.getvalue()


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


@cache
def text_pdf(first_page: str, pages: int = 1, encrypted: bool = False) -> bytes:
    """A PDF with ASCII text on page 1 and ``pages`` pages in all (every other page shares one content)."""
    first = b"BT /F1 18 Tf 72 720 Td (" + first_page.encode("ascii") + b") Tj ET"
    other = b"BT /F1 12 Tf 72 720 Td (page) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               _stream(first), _stream(other)]
    kids = []
    for index in range(pages):
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (4 if index == 0 else 5))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    trailer = b""
    if encrypted:  # the standard handler with a user password we do not know: nobody opens it without one
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> /P -44 >>")
        trailer = b"/Encrypt %d 0 R /ID [<%s> <%s>] " % (len(objects), b"0123456789abcdef" * 2, b"0123456789abcdef" * 2)
    return _pdf_bytes(objects, 1, trailer)


CORRUPT_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n\x00\xff garbage \x9c" * 3


@cache
def gzip_bomb(prefix: bytes = b"", size: int = BOMB_BYTES) -> bytes:
    """``prefix`` then ``size`` spaces, gzip-compressed (about 1,000 to 1)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as fh:
        fh.write(prefix)
        chunk = b" " * (1024 * 1024)
        for _ in range(size // len(chunk)):
            fh.write(chunk)
    return out.getvalue()


@cache
def docx_bomb(size: int = DOCX_BOMB_BYTES) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


@cache
def huge_robots(size: int = 6 * 1024 * 1024) -> bytes:
    head = b"User-agent: *\nDisallow: /private/\n"
    line = b"Disallow: /archive/old/%08d/\n"
    lines = [head]
    total = len(head)
    index = 0
    while total < size:
        entry = line % index
        lines.append(entry)
        total += len(entry)
        index += 1
    return b"".join(lines)


# -- the server ----------------------------------------------------------------------------------------------

class FaultServer:
    """``with FaultServer() as server: server.base`` — the fault site on 127.0.0.1 (and an intranet on 127.0.0.2)."""

    def __init__(self, huge_robots_txt: bool = True, intranet: bool = True, faults: list[Fault] | None = None):
        self.huge_robots_txt = huge_robots_txt
        self.faults = faults if faults is not None else FAULTS + SITE_FAULTS[:1]
        self.hits: Counter[str] = Counter()
        self.intranet_hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._servers: list[ThreadingHTTPServer] = []
        self.intranet = intranet

    # URLs
    @property
    def port(self) -> int:
        return self._servers[0].server_address[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def hit(self, path: str) -> int:
        with self._lock:
            return self.hits[path]

    def __enter__(self) -> FaultServer:
        self._servers.append(self._listen("127.0.0.1", 0, self._handler(intranet=False)))
        if self.intranet:
            try:
                self._servers.append(self._listen("127.0.0.2", self.port, self._handler(intranet=True)))
            except OSError:
                pass  # 127.0.0.2 not usable here: the intranet is only a witness, the tests still hold
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def _listen(self, host: str, port: int, handler) -> ThreadingHTTPServer:
        server = ThreadingHTTPServer((host, port), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def _handler(self, intranet: bool):
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"
            server_version = "FaultServer/1.0"

            def log_message(self, format, *args):  # noqa: A002
                pass

            def do_GET(self):  # noqa: N802
                raw_path = self.path
                path = unquote(urlsplit(raw_path).path)
                with owner._lock:
                    (owner.intranet_hits if intranet else owner.hits)[path] += 1
                if intranet:
                    return self._send(200, _page("อินทราเน็ต", "ข้อมูลภายในที่ไม่ควรถูกเข้าถึง secret").encode())
                try:
                    owner._route(self, path, raw_path)
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                    pass

            def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", headers=None):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def _route(self, h, path: str, raw_path: str) -> None:  # noqa: C901 - one branch per fault, on purpose
        send = h._send
        port = self.port
        if path == "/robots.txt":
            body = huge_robots() if self.huge_robots_txt else b"User-agent: *\nDisallow: /private/\n"
            return send(200, body, "text/plain")
        if path == "/":
            return send(200, home_page(self.faults, self.base, f"https://127.0.0.1:{port}", "http://127.0.0.1:9").encode(),
                        headers={"Set-Cookie": "SESSIONSECRET=cookievalue123; Path=/; HttpOnly"})
        if path.startswith("/s/"):  # a one-fault site
            name = path.split("/")[2]
            fault = next((f for f in FAULTS + SITE_FAULTS if f.name == name), None)
            if fault is None:
                return send(404, b"<h1>404</h1>")
            if path.rstrip("/") != f"/s/{name}":
                return send(404, b"<h1>404</h1>")
            return send(200, home_page([fault], self.base, f"https://127.0.0.1:{port}", "http://127.0.0.1:9",
                                       extras=False).encode())
        if path == "/cb/":  # a site whose every page but the home page fails: the circuit breaker's case
            links = "".join(f"<a href='/f/503?n={n}'>ข่าวประชาสัมพันธ์ ฉบับที่ {n}</a> " for n in range(150))
            return send(200, _page("หน้าแรก", f"ยินดีต้อนรับสู่เว็บไซต์ {AGENCY} {links}").encode())
        if path.startswith("/start/"):  # the start page itself behind a fault
            return self._route(h, "/f/" + path.split("/", 2)[2], raw_path)
        if path == "/about.html":
            return send(200, _page("เกี่ยวกับเรา", f"ประวัติความเป็นมาของ{AGENCY} ตั้งอยู่ที่อำเภอทดสอบ").encode())
        if path == "/private/secret.html":
            return send(200, _page("ข้อมูลภายใน", "ห้ามเก็บข้อมูลหน้านี้").encode())
        if path == "/f/slow":
            return self._drip(h)
        if path == "/f/reset":
            return self._reset(h)
        if path == "/f/500":
            return send(500, b"<h1>500 Internal Server Error</h1>")
        if path == "/f/503":
            return send(503, b"<h1>503 Service Unavailable</h1>", headers={"Retry-After": "1"})
        if path == "/f/429":
            return send(429, b"<h1>429 Too Many Requests</h1>", headers={"Retry-After": "1"})
        if path == "/f/429-once":
            if self.hit(path) == 1:
                return send(429, b"<h1>429 Too Many Requests</h1>", headers={"Retry-After": "1"})
            return send(200, item_page("O11").encode())
        if path == "/f/403":
            return send(403, b"<html><head><title>Access Denied</title></head><body><h1>Web Application Firewall</h1>"
                             b"<p>Your request has been blocked. Request ID 8f3a.</p></body></html>")
        if path == "/f/401":
            return send(401, b"<h1>401 Unauthorized</h1>", headers={"WWW-Authenticate": 'Basic realm="intranet"'})
        if path in ("/f/loop", "/f/loop2"):
            return send(302, b"", headers={"Location": "/f/loop2" if path == "/f/loop" else "/f/loop"})
        if path == "/f/offsite":
            return send(302, b"", headers={"Location": f"http://127.0.0.3:{port}/elsewhere"})
        if path == "/f/private":
            return send(302, b"", headers={"Location": f"http://127.0.0.2:{port}/intranet"})
        if path == "/f/calendar":
            query = urlsplit(raw_path).query
            ym = query.split("ym=")[1][:7] if "ym=" in query else "2569-01"
            try:
                year, month = (int(x) for x in ym.split("-"))
            except ValueError:
                year, month = 2569, 1
            nxt = f"{year + month // 12}-{month % 12 + 1:02d}"
            prev = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
            body = _page(f"ปฏิทินกิจกรรม {month}/{year}", f"ไม่มีกิจกรรม <a href='?ym={prev}'>ก่อน</a> <a href='?ym={nxt}'>ถัดไป</a>")
            return send(200, body.encode())
        if path == "/f/big":
            return self._big(h, with_length=True)
        if path == "/f/big-stream":
            return self._big(h, with_length=False)
        if path == "/f/gzip-page":
            return send(200, gzip_bomb(b"<html><body><p>"), headers={"Content-Encoding": "gzip"})
        if path == "/f/gzip-doc.pdf":
            return send(200, gzip_bomb(b"%PDF-1.4\n"), "application/pdf", headers={"Content-Encoding": "gzip"})
        if path == "/f/corrupt.pdf":
            return send(200, CORRUPT_PDF, "application/pdf")
        if path == "/f/encrypted.pdf":
            return send(200, text_pdf("Risk management report 2568", encrypted=True), "application/pdf")
        if path == "/f/pages5000.pdf":
            return send(200, text_pdf("Anti-corruption action plan fiscal year 2569", pages=5000), "application/pdf")
        if path == "/f/bomb.docx":
            return send(200, docx_bomb(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        if path == "/f/malformed":
            body = ("<html><head><title>" + ITEM_NAMES["O8"] + "</title><body><div id=content><h1>" + ITEM_NAMES["O8"]
                    + "<table><tr><td><p>" + CONTENT["O8"] + "<td><b><i>ไม่ปิด</b></div></table><a href='/f/x\x00'>"
                    "<script>document.write('<p>'</scr" + "ipt></html")
            return send(200, body.encode(), "text/html")
        if path == "/f/wrong-charset":  # windows-874 bytes declared as UTF-8
            return send(200, item_page("O15", charset=None).encode("cp874"), "text/html; charset=utf-8")
        if path == "/f/no-charset":  # windows-874 bytes, no charset anywhere
            return send(200, item_page("O4", charset=None).encode("cp874"), "text/html")
        if path == "/f/pdf-as-html":
            return send(200, NO_GIFT_PDF.read_bytes(), "text/html; charset=utf-8")
        if path == THAI_IRI:
            return send(200, item_page("O5").encode())
        if raw_path.startswith("/f/plan%2520annual.html") or path == "/f/plan%20annual.html":
            return send(200, item_page("O7").encode())
        return send(404, b"<html><body><h1>404 Not Found</h1></body></html>")

    # -- the hard ones ------------------------------------------------------------------------------------
    def _drip(self, h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        h.wfile.write(b"<html><body>")
        deadline = time.monotonic() + DRIP_SECONDS
        while time.monotonic() < deadline and not self._stop.is_set():
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(0.25)

    def _reset(self, h) -> None:
        h.wfile.flush()
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()  # RST, no response
        h.close_connection = True

    def _big(self, h, with_length: bool) -> None:
        chunk = ("<p>" + "ข้อมูลจำนวนมาก " * 400 + "</p>\n").encode()
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        if with_length:
            h.send_header("Content-Length", str(BIG_PAGE))
        h.end_headers()
        sent = 0
        while sent < BIG_PAGE and not self._stop.is_set():
            piece = chunk[: BIG_PAGE - sent]
            h.wfile.write(piece)
            sent += len(piece)


@dataclass
class Measured:
    returncode: int
    seconds: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def run_measured(args: list[str], env: dict | None = None, timeout: float = 600, kill_after: float | None = None,
                 cwd: str | None = None) -> Measured:
    """Run a command, return its exit status, wall time and peak resident memory (its own, from wait4)."""
    import os
    import signal
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, *args], stdout=out, stderr=err, env={**os.environ, **(env or {})}, cwd=cwd)
        limit = kill_after if kill_after is not None else timeout
        while True:  # wait4, not Popen.poll: the child's own peak memory comes with its exit status
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > limit:
                os.kill(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, seconds, usage.ru_maxrss / 1024,
                        out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def link_for(fault: Fault, server: FaultServer) -> str:
    """The absolute URL a fault's link points to."""
    return (fault.path.replace("{https}", f"https://127.0.0.1:{server.port}").replace("{refused}", "http://127.0.0.1:9")
            if fault.path.startswith("{") else server.base + quote(fault.path, safe="/%?=&-"))


def warm() -> None:
    """Build the large bodies once (about two seconds) before a timed run."""
    gzip_bomb(b"<html><body><p>")
    gzip_bomb(b"%PDF-1.4\n")
    docx_bomb()
    huge_robots()
    text_pdf("Anti-corruption action plan fiscal year 2569", pages=5000)


if __name__ == "__main__":  # python tests/faultserver.py: serve until Ctrl-C
    with FaultServer() as server:
        print(server.base, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
