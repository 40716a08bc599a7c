"""The crawl's records (``model.records.PageRecord``) appended to a JSONL file, and read back.

Appending one line per record is what makes an interrupted audit lose nothing: a resumed crawl reads the
file back, and matching reads the same file whether the crawl finished or not.
"""

from __future__ import annotations

import json
import queue
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

from model.records import PageRecord, record_line


def read_records(path: Path) -> Iterator[PageRecord]:
    """Records in file order; a torn last line (the process was killed mid-write) is skipped."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as fh:  # a torn last line may end mid-character
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                yield PageRecord.from_dict(json.loads(line))
            except (ValueError, TypeError):
                continue


class RecordWriter:
    """Append-only JSONL writer, flushed often enough that a crash loses at most a few records.

    The crawl's thread only encodes a record; a writer thread puts it on disk (a menu-heavy site writes
    40 KB a page, and a slow disk would otherwise hold the crawl up). ``close`` waits for every line.
    """

    FLUSH_EVERY = 20

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        torn = False
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as fh:
                fh.seek(-1, 2)
                torn = fh.read(1) != b"\n"
        self._fh = path.open("ab")  # lines arrive as UTF-8 bytes (PageRecord.to_line)
        if torn:  # the last run was killed mid-line: start on a fresh line so the next record stays whole
            self._fh.write(b"\n")
        self._lines: queue.SimpleQueue[tuple[bytes, bytes] | None] = queue.SimpleQueue()
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._drain, name="records", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        pending = 0
        while True:
            entry = self._lines.get()
            if entry is None:
                break
            line, packed = entry
            try:
                if packed:  # zlib releases the GIL while it inflates: the crawl's thread runs on meanwhile
                    line = record_line(line, zlib.decompress(packed))
                self._fh.write(line)
                pending += 1
                if pending >= self.FLUSH_EVERY or self._lines.empty():
                    self._fh.flush()
                    pending = 0
            except OSError as exc:  # reported by close(): the crawl must not die in a thread nobody watches
                self._error = self._error or exc

    def write(self, record: PageRecord, packed_json: bytes = b"") -> None:
        """``packed_json``: the page's fields as the parser's process encoded them, compressed
        (:data:`crawler.parsing.JSON_LEVEL`); without it the record is encoded here whole."""
        self._lines.put((record.line_head(), packed_json) if packed_json else (record.to_line(), b""))

    def close(self) -> None:
        if self._thread.is_alive():
            self._lines.put(None)
            self._thread.join()
        self._fh.flush()
        self._fh.close()
        if self._error is not None:
            raise self._error
