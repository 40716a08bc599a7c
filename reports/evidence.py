"""The audit's files: results.json (the typed model, everything), evidence.csv (what an agency pastes into
ITAS) and pages.jsonl (every fetch). Each is written atomically."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from model.files import atomic_open
from model.records import PageRecord
from model.results import AuditResults
from model.wording import describe, status_text
from reports.safe import neutral_row


def write_outputs(results: AuditResults, records: list[PageRecord], out: Path) -> None:
    results.save(out / "results.json")
    with atomic_open(out / "evidence.csv", "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ข้อ", "ชื่อข้อมูล", "มี/ไม่มี", "URL", "คำอธิบาย"])
        for item in results.items:  # cells neutralised: a URL or reason from a page may start with = + - @
            writer.writerow(neutral_row([item.code, item.name, status_text(item.status), "\n".join(item.urls), describe(item)]))
    with atomic_open(out / "pages.jsonl", "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps({
                "url": record.url, "final_url": record.final_url, "status": record.status,
                "content_type": record.content_type, "kind": record.kind, "title": record.title,
                "depth": record.depth, "error": record.error, "failure": record.failure, "scanned": record.scanned,
            }, ensure_ascii=False) + "\n")
