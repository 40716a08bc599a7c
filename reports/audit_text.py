"""The terminal summary of an audit: each item's verdict, then the OIT scorecard."""

from __future__ import annotations

from pathlib import Path

from model.results import AuditResults
from model.wording import status_text, verdict_reason
from reports.scorecard import oit_table
from reports.text import fmt, table
from rules.schema import RuleFile
from scoring.calc import oit_from_verdicts


def audit_summary(results: AuditResults, rules: RuleFile, out_dir: Path) -> str:
    rows = []
    for item in results.items:
        where = item.urls[0] if item.urls else verdict_reason(item)
        rows.append([item.code, item.name[:48], status_text(item.status), where[:90]])
    crawl = results.crawl
    present = sum(1 for i in results.items if i.present)
    oit = oit_from_verdicts(rules.oit, {item.code: item.present for item in results.items})
    return "\n".join([
        f"ผลการตรวจเว็บไซต์ {results.agency.name} ({results.agency.url}) — ITA ปี {results.year}",
        f"ตรวจ {crawl.pages} หน้า {crawl.documents} เอกสาร ลิงก์เสีย/ผิดพลาด {crawl.errors} ใน {crawl.seconds} วินาที",
        table(rows, ["ข้อ", "ชื่อข้อมูล", "ผล", "URL หลักฐาน / เหตุผล"]),
        oit_table(rules, oit),
        f"OIT: พบ {present}/{len(results.items)} ข้อ คะแนน OIT {fmt(results.oit.score)}",
        f"ไฟล์ผลลัพธ์: {out_dir}/results.json, evidence.csv, pages.jsonl",
    ])
