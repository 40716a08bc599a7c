"""Serve a folder of agency pages on 127.0.0.1 the way a real vendor CMS does.

Extensionless CMS URLs (``/public/list/data/index/menu/1004``) map to ``.html`` files; unknown paths under
the CMS prefix answer 200 with a 'not found' page (soft-404), as many agency CMSs do; everything else
that is missing is a real 404. An endless calendar gives the crawler a trap to cut. Used by ``ita demo``,
the evaluation and the tests; it only ever binds to a loopback address.
"""

from __future__ import annotations

import html
import mimetypes
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

SOFT_404 = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            "<div id='content'><h1>ไม่พบหน้าที่ท่านต้องการ</h1><p>ขออภัย ไม่พบข้อมูลที่ท่านต้องการ "
            "กรุณาตรวจสอบลิงก์อีกครั้ง</p><a href='/public/'>กลับหน้าแรก</a></div></body></html>")
TYPES = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".pdf": "application/pdf"}


@dataclass
class SiteConfig:
    root: Path
    soft_404_prefix: str | None = "/public/"
    legacy_prefix: str | None = "/old/"  # served as text/html without a charset: the meta tag (or nothing) decides
    calendar_path: str | None = "/public/calendar/data/index"
    title: str = "เว็บไซต์หน่วยงาน"
    redirects: dict[str, str] = field(default_factory=dict)  # path -> Location (302)


def _calendar(query: dict) -> str:
    ym = (query.get("ym") or ["2569-01"])[0]
    try:
        year, month = (int(x) for x in ym.split("-"))
    except ValueError:
        year, month = 2569, 1
    prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
    next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)
    return (f"<html><head><meta charset='utf-8'><title>ปฏิทินกิจกรรม {month}/{year}</title></head><body>"
            f"<h1>ปฏิทินกิจกรรม เดือน {month} ปี {year}</h1><p>ไม่มีกิจกรรม</p>"
            f"<a href='?ym={prev_y}-{prev_m:02d}'>เดือนก่อน</a> <a href='?ym={next_y}-{next_m:02d}'>เดือนถัดไป</a></body></html>")


def make_handler(config: SiteConfig):
    root = config.root.resolve()

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            if path in config.redirects:
                self.send_response(302)
                self.send_header("Location", config.redirects[path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if config.calendar_path and path.rstrip("/") == config.calendar_path:
                return self._send(200, _calendar(parse_qs(parts.query)).encode("utf-8"), "text/html; charset=utf-8")
            target = (root / path.lstrip("/")).resolve()
            if root not in target.parents and target != root:
                return self._send(404, b"not found", "text/plain")
            candidates = [target / "index.html"] if path.endswith("/") else [target, target.with_name(target.name + ".html")]
            for candidate in candidates:
                if candidate.is_file():
                    suffix = candidate.suffix.lower()
                    if suffix == ".html":
                        legacy = config.legacy_prefix and path.startswith(config.legacy_prefix)
                        ctype = "text/html" if legacy else "text/html; charset=utf-8"
                    else:
                        ctype = TYPES.get(suffix) or mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
                    return self._send(200, candidate.read_bytes(), ctype)
            soft = config.soft_404_prefix and path.startswith(config.soft_404_prefix) and "/upload/" not in path
            if soft:
                return self._send(200, SOFT_404.format(title=html.escape(config.title)).encode("utf-8"),
                                  "text/html; charset=utf-8")
            return self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")

    return Handler


@contextmanager
def serve(config: SiteConfig, host: str = "127.0.0.1", port: int = 0):
    """Run the site in a background thread; yields its base URL (``http://127.0.0.1:PORT``)."""
    server = ThreadingHTTPServer((host, port), make_handler(config))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
