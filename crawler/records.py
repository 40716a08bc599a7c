"""The crawl's records (``model.records.PageRecord``) appended to a JSONL file, and read back.

Appending one line per record is what makes an interrupted audit lose nothing: a resumed crawl reads the
file back, and matching reads the same file whether the crawl finished or not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from model.records import PageRecord


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
    """Append-only JSONL writer, flushed often enough that a crash loses at most a few records."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        torn = False
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as fh:
                fh.seek(-1, 2)
                torn = fh.read(1) != b"\n"
        self._fh = path.open("a", encoding="utf-8")
        if torn:  # the last run was killed mid-line: start on a fresh line so the next record stays whole
            self._fh.write("\n")
        self._pending = 0

    def write(self, record: PageRecord) -> None:
        self._fh.write(record.to_json() + "\n")
        self._pending += 1
        if self._pending >= 20:
            self._fh.flush()
            self._pending = 0

    def close(self) -> None:
        self._fh.flush()
        self._fh.close()
