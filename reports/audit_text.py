"""The terminal summary of an audit: each item's verdict, then the OIT scorecard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reports.scorecard import oit_table
from reports.text import fmt, table

if TYPE_CHECKING:
    from ita_check.audit import AuditResult


def audit_summary(result: AuditResult) -> str:
    rows = []
    for item in result.items:
        mark = "มี" if item.present else "ไม่มี"
        where = item.urls[0] if item.urls else item.reason
        rows.append([item.code, item.name[:48], mark, where[:90]])
    crawl = result.crawl
    present = sum(1 for i in result.items if i.present)
    return "\n".join([
        f"ผลการตรวจเว็บไซต์ {result.name} ({result.url}) — ITA ปี {result.rules.year}",
        f"ตรวจ {crawl['pages']} หน้า {crawl['documents']} เอกสาร ลิงก์เสีย/ผิดพลาด {crawl['errors']} ใน {crawl['seconds']} วินาที",
        table(rows, ["ข้อ", "ชื่อข้อมูล", "ผล", "URL หลักฐาน / เหตุผล"]),
        oit_table(result.rules, result.oit),
        f"OIT: พบ {present}/{len(result.items)} ข้อ คะแนน OIT {fmt(result.oit.total)}",
        f"ไฟล์ผลลัพธ์: {result.out_dir}/results.json, evidence.csv, pages.jsonl",
    ])
