"""The audit's files: results.json (everything), evidence.csv (what an agency pastes into ITAS), pages.jsonl."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from rules.matcher import describe

if TYPE_CHECKING:
    from ita_check.audit import AuditResult


def results_dict(result: AuditResult) -> dict:
    rules = result.rules
    return {
        "agency": {"url": result.url, "name": result.name},
        "year": rules.year,
        "rules": {"year": rules.year, "title": rules.title, "confidence": rules.confidence},
        "crawl": result.crawl,
        "items": [{**asdict(item), "score": item.score} for item in result.items],
        "oit": {
            "score": result.oit.total,
            "indicators": result.oit.indicators,
            "subindicators": result.oit.subindicators,
            "present": sum(1 for i in result.items if i.present),
            "total_items": len(result.items),
        },
    }


def write_outputs(result: AuditResult) -> None:
    out = result.out_dir
    (out / "results.json").write_text(json.dumps(results_dict(result), ensure_ascii=False, indent=2), encoding="utf-8")
    with (out / "evidence.csv").open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ข้อ", "ชื่อข้อมูล", "มี/ไม่มี", "URL", "คำอธิบาย"])
        for item in result.items:
            writer.writerow([item.code, item.name, "มี" if item.present else "ไม่มี", "\n".join(item.urls), describe(item)])
    with (out / "pages.jsonl").open("w", encoding="utf-8") as fh:
        for record in result.records:
            fh.write(json.dumps({
                "url": record.url, "final_url": record.final_url, "status": record.status,
                "content_type": record.content_type, "kind": record.kind, "title": record.title,
                "depth": record.depth, "error": record.error, "scanned": record.scanned,
            }, ensure_ascii=False) + "\n")
