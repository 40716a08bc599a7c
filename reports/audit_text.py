"""The terminal summary of an audit: cautions first, each item's verdict, then the OIT scorecard."""

from __future__ import annotations

from pathlib import Path

from model.results import AuditResults
from model.verdicts import Status
from model.wording import caution_text, status_text, verdict_reason
from reports.scorecard import oit_table
from reports.text import fmt, table, terminal_width
from rules.schema import RuleFile
from scoring.calc import oit_from_verdicts

FILES = ("results.json", "evidence.csv", "pages.jsonl")


def audit_summary(results: AuditResults, rules: RuleFile, out_dir: Path, extra_files: list[Path] | None = None) -> str:
    rows = []
    for item in results.items:
        where = item.urls[0] if item.urls else verdict_reason(item)
        rows.append([item.code, item.name, status_text(item.status), where])
    crawl = results.crawl
    present = results.count(Status.PRESENT)
    oit = oit_from_verdicts(rules.oit, {item.code: item.present for item in results.items})
    lines = [f"ผลการตรวจเว็บไซต์ {results.agency.name} ({results.agency.url}) — ITA ปี {results.year}",
             f"ตรวจ {crawl.pages} หน้า {crawl.documents} เอกสาร ลิงก์เสีย/ผิดพลาด {crawl.errors} ใน {crawl.seconds} วินาที"]
    lines += [f"⚠ {caution_text(c.code, c.detail)}" for c in results.cautions]
    lines += [table(rows, ["ข้อ", "ชื่อข้อมูล", "ผล", "URL หลักฐาน / เหตุผล"], max_width=terminal_width()), oit_table(rules, oit)]
    counts = [f"พบ {present}/{len(results.items)} ข้อ"]
    for status in (Status.NEEDS_REVIEW, Status.NOT_REACHED):
        if results.count(status):
            counts.append(f"{status_text(status)} {results.count(status)} ข้อ")
    lines.append(f"OIT: {', '.join(counts)} คะแนน OIT {fmt(results.oit.score)}"
                 + ("" if results.complete else " (ยังตรวจไม่ครบ — incomplete)"))
    folder = Path(out_dir).resolve()
    lines.append("ไฟล์ผลลัพธ์ (output files):")
    lines += [f"  {folder / name}" for name in FILES] + [f"  {Path(p).resolve()}" for p in extra_files or []]
    return "\n".join(lines)
