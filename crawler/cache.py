"""HTTP revalidation for re-runs: Scrapy's HTTP cache with an RFC 2616 policy that never replays content.

A weekly re-audit of an agency that changed nothing should download little. Every request is revalidated
(``If-None-Match``/``If-Modified-Since``): a 304 reuses the stored body, anything else is the new answer.
Unlike the stock policy, a server error is never papered over with the old page (an assessor opening the
URL today gets the error), and responses without validators are not stored, since they could never be
revalidated.
"""

from __future__ import annotations

import pickle  # noqa: S403 (our own cache files, in the audit's own folder, as Scrapy's storage does)
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from time import time

from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes
from scrapy.utils.project import data_path


class RevalidatePolicy(RFC2616Policy):
    def should_cache_response(self, response, request) -> bool:
        if response.status != 200 or b"no-store" in self._parse_cachecontrol(response):
            return False
        return b"ETag" in response.headers or b"Last-Modified" in response.headers

    def is_cached_response_fresh(self, cachedresponse, request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False  # always ask the site

    def is_cached_response_valid(self, cachedresponse, response, request) -> bool:
        return response.status == 304


class PackCacheStorage:
    """Scrapy's HTTP cache as one append-only pack per crawl, written beside the crawl, not in its way.

    Scrapy's filesystem storage writes seven files per response through gzip level 9, and looks each
    request up with a file open: on a 2,000-page crawl that doubled the crawl's time. Revalidation needs
    only the status, the headers and the body. Here they go, zlib level 1, to the end of one pack file,
    and an index line (key, offset, length, time) follows each: the index is read once when the crawl
    opens, so a lookup costs no system call. Compressing and writing happen on a writer thread (both let
    go of the GIL), so the crawl's own thread never waits for the disk. An entry whose bytes did not all
    reach the disk (a killed run) is simply not in the index: it costs one download, never a wrong page.
    """

    PACK = "responses.pack"
    INDEX = "responses.index"

    def __init__(self, settings):
        self.cachedir = Path(data_path(settings["HTTPCACHE_DIR"]))
        self.expiration_secs: int = settings.getint("HTTPCACHE_EXPIRATION_SECS")
        self._index: dict[str, tuple[int, int, float]] = {}
        self._pending: dict[str, dict] = {}
        self._writer: ThreadPoolExecutor | None = None

    def open_spider(self, spider) -> None:
        self._fingerprinter = spider.crawler.request_fingerprinter
        folder = self.cachedir / spider.name
        folder.mkdir(parents=True, exist_ok=True)
        pack_path, index_path = folder / self.PACK, folder / self.INDEX
        size = pack_path.stat().st_size if pack_path.exists() else 0
        if index_path.exists():
            for line in index_path.read_text(encoding="ascii", errors="replace").splitlines():
                parts = line.split()
                if len(parts) == 4 and parts[1].isdigit() and parts[2].isdigit():
                    offset, length = int(parts[1]), int(parts[2])
                    if offset + length <= size:  # a line whose bytes never all reached the pack is dropped
                        self._index[parts[0]] = (offset, length, float(parts[3]))
        self._pack = open(pack_path, "ab")  # noqa: SIM115 (open for the crawl's lifetime, closed in close_spider)
        self._index_file = open(index_path, "a", encoding="ascii")  # noqa: SIM115
        self._reader = open(pack_path, "rb")  # noqa: SIM115
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="httpcache")

    def close_spider(self, spider) -> None:
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
        for fh in (self._pack, self._index_file, self._reader):
            fh.close()

    def _key(self, request) -> str:
        return self._fingerprinter.fingerprint(request).hex()

    def retrieve_response(self, spider, request):
        key = self._key(request)
        entry = self._pending.get(key)
        if entry is None:
            where = self._index.get(key)
            if where is None:
                return None
            offset, length, stamp = where
            if 0 < self.expiration_secs < time() - stamp:
                return None
            try:
                self._reader.seek(offset)
                entry = pickle.loads(zlib.decompress(self._reader.read(length)))  # noqa: S301
            except Exception:  # a damaged entry is a cache miss, never a crash
                return None
        headers = Headers(entry["headers"])
        cls = responsetypes.from_args(headers=headers, url=entry["url"], body=entry["body"])
        request.meta["cache_timestamp"] = entry["timestamp"]
        return cls(url=entry["url"], status=entry["status"], headers=headers, body=entry["body"])

    def store_response(self, spider, request, response) -> None:
        key = self._key(request)
        entry = {"url": response.url, "status": response.status, "headers": dict(response.headers),
                 "body": response.body, "timestamp": time()}
        self._pending[key] = entry
        self._writer.submit(self._append, key, entry)

    def _append(self, key: str, entry: dict) -> None:
        try:
            blob = zlib.compress(pickle.dumps(entry, protocol=5), 1)
            offset = self._pack.tell()
            self._pack.write(blob)
            self._pack.flush()
            self._index_file.write(f"{key} {offset} {len(blob)} {entry['timestamp']:.3f}\n")
            self._index_file.flush()
            self._index[key] = (offset, len(blob), entry["timestamp"])
        except OSError:
            pass  # a full disk loses the cache, not the crawl: the page is downloaded again next time
        finally:
            self._pending.pop(key, None)
