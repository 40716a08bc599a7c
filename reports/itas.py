"""The evidence for the official system: ``itas.xlsx`` and ``itas.csv``, one row per item of the year in the
order and with the columns of the ITAS OIT form (ข้อ, ชื่อข้อมูล, มี/ไม่มี, URL, คำอธิบาย).

The explanation tells the assessor where the evidence is and how to reach it from the home page
("เมนู แผนพัฒนาท้องถิ่น > แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)"), then the reason in the tool's wording.
Every cell is neutralised against formula injection; the CSV is UTF-8 with a BOM so Excel shows Thai.
"""

from __future__ import annotations

import csv
from pathlib import Path

from model.files import atomic_open, write_with
from reports.data import ItemRow, ReportData
from reports.safe import clean_text, neutral_cell, neutral_row, safe_href

HEADER = ["ข้อ", "ชื่อข้อมูล", "มี/ไม่มี", "URL", "คำอธิบาย"]
WIDTHS = [7, 42, 14, 62, 80]


def explanation(row: ItemRow) -> str:
    parts = []
    if row.urls:
        where = row.where[0] if row.where else ""
        parts.append(f"เข้าจากหน้าแรก: {where}" if where and not where.startswith("ลิงก์ไปยัง") else where)
        if len(row.urls) > 1:
            parts.append(f"หลักฐาน {len(row.urls)} รายการ (URL แรกสำคัญที่สุด)")
    parts.append(row.described)
    if not row.present and row.publish:
        parts.append(f"สิ่งที่ต้องเผยแพร่: {row.publish}")
    return "\n".join(clean_text(p) for p in parts if p)


def rows(data: ReportData) -> list[list[str]]:
    return [[row.code, row.name, row.status, "\n".join(row.urls), explanation(row)] for row in data.items]


def write_csv(data: ReportData, path: Path) -> None:
    with atomic_open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for values in rows(data):
            writer.writerow(neutral_row(values))


def write_xlsx(data: ReportData, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "ITAS OIT"
    font = Font(name="Tahoma", size=10)
    bold = Font(name="Tahoma", size=10, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="BFC7D5")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fills = {"present": PatternFill("solid", fgColor="E6F4EA"), "absent": PatternFill("solid", fgColor="FDECEA"),
             "review": PatternFill("solid", fgColor="FFF4D6"), "notreached": PatternFill("solid", fgColor="ECEFF3")}
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font, cell.alignment, cell.border = bold, Alignment(wrap_text=True, vertical="center", horizontal="center"), border
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
    for item, values in zip(data.items, rows(data), strict=True):
        sheet.append([neutral_cell(v) for v in values])
        r = sheet.max_row
        for cell in sheet[r]:
            cell.font, cell.alignment, cell.border = font, wrap, border
            cell.data_type = "s"  # never a formula, whatever the text
        sheet.cell(r, 3).fill = fills[item.css]
        if len(item.urls) == 1 and safe_href(item.urls[0]):
            sheet.cell(r, 4).hyperlink = safe_href(item.urls[0])
            sheet.cell(r, 4).font = Font(name="Tahoma", size=10, color="1D4E89", underline="single")
        lines = max(len(str(v).split("\n")) for v in values)
        longest = max(len(str(values[4])) // WIDTHS[4], len(str(values[1])) // WIDTHS[1])
        sheet.row_dimensions[r].height = 14 * max(1, lines + longest)
    for i, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:E{sheet.max_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"

    info = book.create_sheet("ข้อมูลการตรวจ")
    facts = [("หน่วยงาน", data.agency), ("เว็บไซต์", data.results.agency.url), ("ปีการประเมิน (พ.ศ.)", str(data.year)),
             ("เกณฑ์", data.rules.title), ("ตรวจเมื่อ", data.results.created), ("คะแนน OIT", f"{data.oit.total:.2f}"),
             *(("ข้อควรระวัง", c) for c in data.cautions)]
    if data.board_warning:
        facts.append(("กระดานถาม-ตอบ", data.board_warning))
    for key, value in facts:
        info.append([neutral_cell(key), neutral_cell(clean_text(value))])
    for cell in info["A"]:
        cell.font = bold
    for row in info.iter_rows():
        for cell in row:
            cell.data_type = "s"
            cell.alignment = wrap
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 24, 100
    write_with(path, lambda tmp: book.save(tmp))
