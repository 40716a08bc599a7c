"""Serve a folder of agency pages on 127.0.0.1 the way a real vendor CMS does.

Extensionless CMS URLs (``/public/list/data/index/menu/1004``) map to ``.html`` files; unknown paths under
the CMS prefix answer 200 with a 'not found' page (soft-404), as many agency CMSs do; everything else
that is missing is a real 404. An endless calendar gives the crawler a trap to cut. Used by ``ita demo``,
the evaluation and the tests; it only ever binds to a loopback address.

Generated sites (demo/generator) carry a manifest, ``site.json``, read by :func:`load_site`: a route table
keyed by path and query (``index.php?mod=content&id=5``), each route with its file, content type (windows-874
pages as ``text/html`` with or without a charset) and status; redirects; soft-404 prefixes and soft-404
query paths (an unknown ``page.php?id=N`` answering 200 "ไม่พบข้อมูล") with the CMS's own not-found page.
"""

from __future__ import annotations

import html
import mimetypes
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, quote, unquote, urlsplit

SOFT_404 = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            "<div id='content'><h1>ไม่พบหน้าที่ท่านต้องการ</h1><p>ขออภัย ไม่พบข้อมูลที่ท่านต้องการ "
            "กรุณาตรวจสอบลิงก์อีกครั้ง</p><a href='/public/'>กลับหน้าแรก</a></div></body></html>")
TYPES = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".pdf": "application/pdf",
         ".xls": "application/vnd.ms-excel", ".doc": "application/msword", ".png": "image/png", ".jpg": "image/jpeg",
         ".jpeg": "image/jpeg", ".gif": "image/gif"}
LOOPBACK = ("127.", "::1", "localhost")


def route_key(target: str) -> str:
    """One key for every spelling of a request target: path percent-decoded (UTF-8), query pairs sorted, no fragment.

    ``/%E0%B8%9C%E0%B8%B1%E0%B8%87/`` and ``/ผัง/`` are the same route, and so are ``?id=5&mod=a`` and ``?mod=a&id=5``.
    """
    parts = urlsplit(target)
    path = unquote(parts.path or "/")
    if not parts.query:
        return path
    pairs = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return path + "?" + "&".join(f"{k}={v}" for k, v in pairs)


@dataclass
class Route:
    file: str  # relative to the site root
    ctype: str
    status: int = 200


@dataclass
class SiteConfig:
    root: Path
    soft_404_prefix: str | None = "/public/"
    legacy_prefix: str | None = "/old/"  # served as text/html without a charset: the meta tag (or nothing) decides
    calendar_path: str | None = "/public/calendar/data/index"
    title: str = "เว็บไซต์หน่วยงาน"
    redirects: dict[str, str] = field(default_factory=dict)  # path (or route key) -> Location (302)
    routes: dict[str, Route] | None = None  # route key -> file; None: files are found by path
    routes_only: bool = False  # with routes: nothing else under root is served
    soft_404_prefixes: tuple[str, ...] = ()  # more soft-404 prefixes (beside soft_404_prefix)
    soft_404_query_paths: tuple[str, ...] = ()  # these scripts answer 200 "not found" for unknown queries
    soft_404_exclude: tuple[str, ...] = ("/upload/",)  # static files under a soft prefix 404 for real
    soft_404_file: str | None = None  # the CMS's own not-found page (relative to root)
    soft_404_ctype: str = "text/html; charset=utf-8"


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

        def _soft_404(self) -> None:
            if config.soft_404_file:
                return self._send(200, (root / config.soft_404_file).read_bytes(), config.soft_404_ctype)
            return self._send(200, SOFT_404.format(title=html.escape(config.title)).encode("utf-8"),
                              "text/html; charset=utf-8")

        def do_GET(self):
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            key = route_key(self.path)
            location = config.redirects.get(key)
            if location is None and config.routes is None:  # hand-built sites key redirects by path alone
                location = config.redirects.get(path)
            if location:
                self.send_response(302)
                self.send_header("Location", quote(location, safe=":/?=&%#@!$'()*+,;~"))  # Thai paths go out percent-encoded
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if config.calendar_path and path.rstrip("/") == config.calendar_path:
                return self._send(200, _calendar(parse_qs(parts.query)).encode("utf-8"), "text/html; charset=utf-8")
            if config.routes is not None:
                route = config.routes.get(key)
                if route is not None:
                    return self._send(route.status, (root / route.file).read_bytes(), route.ctype)
                if parts.query and path in config.soft_404_query_paths:
                    return self._soft_404()
            if config.routes is None or not config.routes_only:
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
            prefixes = ((config.soft_404_prefix,) if config.soft_404_prefix else ()) + tuple(config.soft_404_prefixes)
            if any(path.startswith(p) for p in prefixes) and not any(x in path for x in config.soft_404_exclude):
                return self._soft_404()
            return self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")

    return Handler


def load_site(folder: Path) -> SiteConfig:
    """The serving configuration of a generated site: ``folder/site.json`` and the files under ``folder/files``."""
    import json

    manifest = json.loads((Path(folder) / "site.json").read_text(encoding="utf-8"))
    soft = manifest.get("soft_404") or {}
    return SiteConfig(
        root=Path(folder) / "files", soft_404_prefix=None, legacy_prefix=None,
        calendar_path=manifest.get("calendar_path"), title=manifest.get("title", ""),
        redirects=dict(manifest.get("redirects") or {}),
        routes={key: Route(r["file"], r["ctype"], r.get("status", 200)) for key, r in manifest["routes"].items()},
        routes_only=True, soft_404_prefixes=tuple(manifest.get("soft_404_prefixes") or ()),
        soft_404_query_paths=tuple(manifest.get("soft_404_query_paths") or ()), soft_404_exclude=("/upload/", "_upload/"),
        soft_404_file=soft.get("file"), soft_404_ctype=soft.get("ctype", "text/html; charset=utf-8"))


@contextmanager
def serve(config: SiteConfig, host: str = "127.0.0.1", port: int = 0):
    """Run the site in a background thread; yields its base URL (``http://127.0.0.1:PORT``).

    Only loopback addresses are accepted: these sites exist to be audited on this machine.
    """
    if not host.startswith(LOOPBACK):
        raise ValueError(f"the site server binds to loopback only, not {host!r}")
    server = ThreadingHTTPServer((host, port), make_handler(config))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
