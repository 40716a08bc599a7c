"""The improvement plan: the analysis per instrument and the measures table, in the shape of the report
agencies write by hand every year (มาตรการ/แนวทาง, วิธีการดำเนินการ, ผู้รับผิดชอบ, ระยะเวลาดำเนินการ,
การติดตามผล), drafted from the rule file's ``publish``/``measure``/``responsible`` of every missing item and
from the IIT/EIT measures in ``reports/templates/plan.yaml`` for every weak indicator.

:func:`build_plan` makes the plan as data (the HTML report shows it too); :func:`write_docx` writes it as a
Word document agencies edit and sign: A4, TH Sarabun New (TH SarabunPSK as the fallback), Thai digits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from model.verdicts import Reason, Status
from reports.data import ReportData, SurveyPart
from reports.safe import clean_text, one_line
from reports.text import fmt
from reports.thaidate import TimeFrame, month_year, plan_frame, thai_date, thai_digits

PLAN_WORDING = Path(__file__).resolve().parent / "templates" / "plan.yaml"
COLUMNS = ["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามผล"]
FONT = "TH Sarabun New"
FONT_FALLBACK = "TH SarabunPSK"
# A fix that needs no new document: one month is enough.
QUICK = {Reason.BROKEN_LINK, Reason.SOFT_404, Reason.DEAD_ON_RECHECK, Reason.PLACEHOLDER, Reason.MISSING_ELEMENTS,
         Reason.HOME_PAGE, Reason.NO_YEAR, Reason.FETCH_FAILED, Reason.UNREADABLE_DOCUMENT, Reason.OCR_UNCERTAIN,
         Reason.DOCUMENT_ERROR, Reason.PICTURE_ONLY}


@dataclass
class MeasureRow:
    measure: str
    method: str
    responsible: str
    frame: str
    followup: str

    def cells(self) -> list[str]:
        return [self.measure, self.method, self.responsible, self.frame, self.followup]


@dataclass
class PlanSection:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    rows: list[MeasureRow] = field(default_factory=list)
    caption: str = ""  # above the section's measures table


@dataclass
class Plan:
    agency: str
    place: str  # "อำเภอ… จังหวัด…"
    year: int
    measures_year: int
    date_line: str
    cautions: list[str]
    scores: list[tuple[str, str]]  # (instrument, score) rows of the scoring table
    summary: list[str]
    sections: list[PlanSection]
    frame: TimeFrame

    @property
    def rows(self) -> list[MeasureRow]:
        return [row for section in self.sections for row in section.rows]


@cache
def wording() -> dict:
    return yaml.safe_load(PLAN_WORDING.read_text(encoding="utf-8"))


def _t(text: str) -> str:
    """Plan text: one line, Thai digits (URLs kept as typed)."""
    return thai_digits(one_line(text))


def _numbered(text: str) -> str:
    """'1. a 2. b' as one step a line, as agencies lay out the วิธีการดำเนินการ cell."""
    import re

    return re.sub(r"\s+(?=[0-9๐-๙]{1,2}\.\s)", "\n", text.strip())


def _survey_section(part: SurveyPart, number: int, data: ReportData, frame: TimeFrame) -> PlanSection:
    words = wording()
    passing = data.rules.pass_score
    ranked = sorted(part.indicators, key=lambda i: i[2])
    weak = [i for i in ranked if i[2] < passing] or [i for i in ranked[:1] if i[2] < 100]
    strong = [i for i in sorted(part.indicators, key=lambda i: -i[2]) if i[2] >= passing][:2]
    section = PlanSection(_t(f"{number}. ด้าน {part.label} ({part.title}) ได้ {fmt(part.score.total)} คะแนน"))
    lines = []
    if strong:
        lines.append("หน่วยงานดำเนินการได้ดีในตัวชี้วัด " + ", ".join(f"ที่ {c} {n} ({fmt(s)} คะแนน)" for c, n, s in strong)
                     + " ควรรักษามาตรฐานไว้")
    if weak:
        lines.append("ควรพัฒนาและปรับปรุงการดำเนินการตามตัวชี้วัด " + ", ".join(f"ที่ {c} {n} ({fmt(s)} คะแนน)" for c, n, s in weak))
    section.paragraphs = [_t(" ".join(lines))]
    low = [q for q in part.questions if q[2] < passing][:5] or part.questions[:3]
    if low:
        section.paragraphs.append(_t("ข้อคำถามที่ได้คะแนนต่ำสุด:"))
        section.bullets = [_t(f"ข้อ {code}{(' ' + text) if text else ''} ได้ {fmt(score)} คะแนน") for code, text, score in low]
    for code, name, score in weak:
        entry = words["survey"].get("".join(name.split())) or words["survey"].get(name)
        if entry is None:
            entry = {"measure": f"ปรับปรุงการดำเนินงานตามตัวชี้วัด{name}", "method": "1. วิเคราะห์ข้อคำถามที่ได้คะแนนต่ำ 2. กำหนดแนวทางปรับปรุง 3. รายงานผู้บริหาร",
                     "responsible": "สำนักปลัด", "followup": "รายงานผลต่อผู้บริหาร"}
        fill = {"name": f"ตัวชี้วัดที่ {code} {name}", "score": fmt(score), "measure": entry["measure"],
                "followup": entry["followup"], "end_month": frame.end.long(False)}
        section.rows.append(MeasureRow(
            _t(words["survey_indicator"]["measure"].format(**fill)), _numbered(_t(entry["method"])),
            _t(entry["responsible"]), frame.text(), _numbered(_t(words["survey_indicator"]["followup"].format(**fill)))))
    section.caption = _t(f"มาตรการด้าน {part.label}")
    return section


def _oit_section(number: int, data: ReportData, frame: TimeFrame) -> PlanSection:
    words = wording()["oit_item"]
    missing = [row for row in data.items if not row.present]
    section = PlanSection(_t(f"{number}. ด้าน OIT (การเปิดเผยข้อมูลสาธารณะ) ได้ {fmt(data.oit.total)} คะแนน "
                             f"พบข้อมูลครบ {sum(1 for r in data.items if r.present)} จาก {len(data.items)} ข้อ"))
    weak_subs = sorted((s for ind in data.indicators for s in ind.subs if s.score < 100), key=lambda s: s.score)
    strong = [f"{ind.code} {ind.name} ({fmt(ind.score)})" for ind in data.indicators if ind.score >= data.rules.pass_score]
    lines = []
    if strong:
        lines.append("ตัวชี้วัดที่ผ่านเกณฑ์: " + ", ".join(strong) + " ควรรักษาระดับไว้")
    if weak_subs:
        lines.append("ตัวชี้วัดย่อยที่ยังได้คะแนนไม่เต็ม: " + ", ".join(
            f"{s.code} {s.name} ({fmt(s.score)} คะแนน, มี {s.got}/{s.total} ข้อ)" for s in weak_subs))
    if missing:
        lines.append("ซึ่งหน่วยงานต้องเปิดเผยข้อมูลตามข้อเสนอแนะ ดังนี้")
    section.paragraphs = [_t(line) for line in lines]
    for row in missing:
        section.bullets.append(_t(f"{row.code} {row.name}: {row.described}" + (f" — ควรเผยแพร่{row.publish}" if row.publish else "")))
    if data.board_warning:
        section.bullets.append(_t(data.board_warning))
    for n, row in enumerate(missing, 1):
        quick = row.verdict.reason in QUICK
        template = words["review_method"] if row.verdict.status is Status.NEEDS_REVIEW else words["method"]
        fill = {"code": row.code, "name": row.name, "publish": row.publish or row.name, "measure": row.measure or f"จัดทำและเผยแพร่{row.name}",
                "finding": row.reason, "end_month": frame.end.long(False)}
        section.rows.append(MeasureRow(
            _t(f"{n}) " + words["measure"].format(**fill)),
            _numbered(_t(template.format(**fill))),
            _t(row.responsible or "สำนักปลัด"),
            frame.quick() if quick else frame.text(),
            _numbered(_t(words["followup"].format(**fill)))))
    if data.board and data.board.flagged and data.moderation:
        m = data.moderation.measure
        count = len(data.board.flagged)
        section.rows.append(MeasureRow(_t(f"{len(missing) + 1}) {m.name}"), _numbered(_t(m.method.format(count=count))),
                                       _t(m.responsible), frame.quick(), _numbered(_t(m.followup.format(count=count)))))
    section.caption = _t("มาตรการด้าน OIT")
    return section


def build_plan(data: ReportData) -> Plan:
    frame = plan_frame(data.today, data.year)
    place = " ".join(p for p in (f"อำเภอ{data.district}" if data.district else "อำเภอ.................",
                                 f"จังหวัด{data.province}" if data.province else "จังหวัด................."))
    scores: list[tuple[str, str]] = []
    summary = [_t(f"ตรวจเว็บไซต์ {data.results.agency.url} เมื่อวันที่ {thai_date(data.audited)} ตามเกณฑ์ {data.rules.title}")]
    if data.ita:
        w = data.rules.weights
        scores = [(f"แบบวัด IIT (ร้อยละ {w.iit:g})", fmt(data.ita.iit.total)), (f"แบบวัด EIT (ร้อยละ {w.eit:g})", fmt(data.ita.eit.total)),
                  (f"แบบตรวจ OIT (ร้อยละ {w.oit:g})", fmt(data.ita.oit.total)), ("คะแนนรวม", fmt(data.ita.total)),
                  ("ระดับผลการประเมิน", data.ita.rating.name)]
        verdict = "ผ่านเกณฑ์" if data.ita.passed else "ยังไม่ผ่านเกณฑ์"
        summary.append(f"{data.agency}ได้รับผลการประเมิน {fmt(data.ita.total)} คะแนน ระดับผลการประเมิน {data.ita.rating.name} "
                       f"{verdict}การประเมินที่กำหนด ({fmt(data.rules.pass_score)} คะแนนขึ้นไป)")
    else:
        scores = [("แบบตรวจ OIT (จากการตรวจเว็บไซต์)", fmt(data.oit.total))]
        summary.append("ยังไม่ได้นำเข้าผล IIT/EIT: คะแนนนี้เป็นเฉพาะ OIT (ใช้ ita report โฟลเดอร์ --iit ไฟล์ --eit ไฟล์ "
                       "เพื่อคำนวณคะแนน ITA เต็มรูปแบบ)")
    summary.append("ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ ดังนี้")
    sections = []
    for part in (data.iit, data.eit):
        if part is not None:
            sections.append(_survey_section(part, len(sections) + 1, data, frame))
    sections.append(_oit_section(len(sections) + 1, data, frame))
    general = wording()["general"]
    fill = {"start_month": frame.start.long(False), "end_month": frame.end.long(False)}
    sections[-1].rows.append(MeasureRow(
        _t(f"{len(sections[-1].rows) + 1}) {general['measure']}"), _numbered(_t(general["method"])), _t(general["responsible"]),
        frame.text(), _numbered(_t(general["followup"].format(**fill)))))
    return Plan(
        agency=data.agency, place=_t(place), year=data.year, measures_year=frame.target_year,
        date_line=_t(month_year(data.today)), cautions=[_t(c) for c in data.cautions],
        scores=[(_t(a), _t(b)) for a, b in scores], summary=[_t(s) for s in summary], sections=sections, frame=frame)


# ---- Word -------------------------------------------------------------------------------------------------

def _rfonts(rpr) -> None:
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    fonts.set(qn("w:hint"), "cs")


def _set(rpr, tag: str, **attrs) -> None:
    from docx.oxml.ns import qn

    el = rpr.find(qn(tag))
    if el is None:
        el = rpr.makeelement(qn(tag), {})
        rpr.append(el)
    for key, value in attrs.items():
        el.set(qn(key), value)


def _thai_run(run, size: float | None = None, bold: bool = False) -> None:
    """Thai is complex script in Word: the cs font, szCs and bCs are what it uses for Thai letters."""
    rpr = run._element.get_or_add_rPr()
    _rfonts(rpr)
    if bold:
        _set(rpr, "w:b")
        _set(rpr, "w:bCs")
    if size:
        _set(rpr, "w:sz", **{"w:val": str(int(size * 2))})
        _set(rpr, "w:szCs", **{"w:val": str(int(size * 2))})
    _set(rpr, "w:lang", **{"w:val": "th-TH", "w:bidi": "th-TH", "w:eastAsia": "th-TH"})


def _style_fonts(document) -> None:
    from docx.shared import Pt

    for name in ("Normal", "Table Grid", "List Bullet"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.font.name = FONT
        style.font.size = Pt(16)
        rpr = style.element.get_or_add_rPr()
        _rfonts(rpr)
        _set(rpr, "w:szCs", **{"w:val": "32"})
        _set(rpr, "w:lang", **{"w:val": "th-TH", "w:bidi": "th-TH", "w:eastAsia": "th-TH"})
    normal = document.styles["Normal"].paragraph_format
    normal.space_after = Pt(0)
    normal.space_before = Pt(0)
    normal.line_spacing = 1.0


def _font_table(document) -> None:
    """Declare TH Sarabun New with TH SarabunPSK as its alternative name and the Thai charset."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            root = etree.fromstring(part.blob)
            ns = root.nsmap.get("w") or "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            w = "{" + ns + "}"
            for name, alt in ((FONT, FONT_FALLBACK), (FONT_FALLBACK, "Tahoma")):
                font = etree.SubElement(root, w + "font", {w + "name": name})
                etree.SubElement(font, w + "altName", {w + "val": alt})
                etree.SubElement(font, w + "charset", {w + "val": "DE"})
                etree.SubElement(font, w + "family", {w + "val": "swiss"})
                etree.SubElement(font, w + "pitch", {w + "val": "variable"})
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _para(document_or_cell, text: str = "", size: float | None = None, bold: bool = False, align=None,
          space_after: float = 0, indent_cm: float = 0, first_line_cm: float = 0):
    from docx.shared import Cm, Pt

    para = document_or_cell.add_paragraph()
    lines = clean_text(text).split("\n")
    for i, line in enumerate(lines):
        run = para.add_run(line)
        _thai_run(run, size, bold)
        if i < len(lines) - 1:
            run.add_break()
    if align is not None:
        para.alignment = align
    fmt_ = para.paragraph_format
    fmt_.space_after = Pt(space_after)
    if indent_cm:
        fmt_.left_indent = Cm(indent_cm)
    if first_line_cm:
        fmt_.first_line_indent = Cm(first_line_cm)
    return para


def _cell_text(cell, text: str, size: float, bold: bool = False, align=None) -> None:
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    lines = clean_text(text).split("\n") or [""]
    for line in lines:
        _para(cell, line, size, bold, align)


def _shade(cell, fill: str) -> None:
    from docx.oxml.ns import qn

    tcpr = cell._element.get_or_add_tcPr()
    shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    tcpr.append(shd)


def _repeat_header(row) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))


def _table(document, header: list[str], rows: list[list[str]], widths_cm: list[float], size: float = 14):
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for i, text in enumerate(header):
        cell = table.rows[0].cells[i]
        _cell_text(cell, text, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "D9E2F3")
    _repeat_header(table.rows[0])
    for values in rows:
        new = table.add_row()
        trpr = new._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))  # a measure stays on one page
        cells = new.cells
        for i, text in enumerate(values):
            _cell_text(cells[i], text, size)
    for row in table.rows:
        for i, width in enumerate(widths_cm):
            row.cells[i].width = Cm(width)
    for i, width in enumerate(widths_cm):
        table.columns[i].width = Cm(width)
    return table


def _page_number(section) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run()
    _thai_run(run, 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = run._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
        else:
            el = run._element.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
            el.text = text
        run._element.append(el)


def write_docx(plan: Plan, path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = Document()
    _style_fonts(document)
    _font_table(document)
    core = document.core_properties
    core.title = clean_text(f"แผนพัฒนาตามผลการประเมิน ITA {plan.year} — {plan.agency}")
    core.author = "ita-check"
    core.language = "th-TH"
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    _page_number(section)
    center = WD_ALIGN_PARAGRAPH.CENTER
    year = thai_digits(plan.year)

    _para(document, "รายงานการวิเคราะห์ผลการประเมินคุณธรรม", 20, True, center)
    _para(document, "และความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ", 20, True, center)
    _para(document, f"ประจำปีงบประมาณ พ.ศ. {year}", 20, True, center)
    _para(document, plan.agency, 18, True, center)
    _para(document, plan.place, 18, True, center)
    _para(document, plan.date_line, 16, False, center, space_after=12)
    for caution in plan.cautions:
        _para(document, "⚠ " + caution, 14, False, space_after=2)

    _para(document, f"ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {year}",
          16, True, space_after=4)
    _table(document, ["เครื่องมือ", "คะแนน"], [list(row) for row in plan.scores], [11, 5], 16)
    _para(document, "", space_after=6)
    for line in plan.summary:
        _para(document, line, 16, False, first_line_cm=1.25, space_after=4)
    for part in plan.sections:
        _para(document, part.title, 16, True, space_after=2).paragraph_format.keep_with_next = True
        for line in part.paragraphs:
            _para(document, line, 16, False, first_line_cm=1.25, space_after=2)
        for line in part.bullets:
            _para(document, "- " + line, 16, False, indent_cm=1.0, space_after=2)

    landscape = document.add_section(WD_SECTION.NEW_PAGE)
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = Cm(29.7), Cm(21)
    landscape.left_margin, landscape.right_margin = Cm(2), Cm(2)
    landscape.top_margin, landscape.bottom_margin = Cm(2), Cm(1.5)
    _para(document, f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {thai_digits(plan.measures_year)}",
          18, True, center)
    _para(document, plan.agency + " " + plan.place, 16, True, center, space_after=6)
    for part in plan.sections:
        if not part.rows:
            continue
        _para(document, part.caption, 16, True, space_after=2).paragraph_format.keep_with_next = True
        _table(document, COLUMNS, [row.cells() for row in part.rows], [6.0, 7.6, 3.2, 2.9, 6.0], 14)
        _para(document, "", space_after=6)
    _para(document, "", space_after=12)
    for line in ("ลงชื่อ ...................................................... ผู้รายงาน",
                 "(......................................................)", "ตำแหน่ง ......................................................",
                 "", "ลงชื่อ ...................................................... ผู้อนุมัติ",
                 "(......................................................)", "ตำแหน่ง ......................................................"):
        _para(document, line, 16, False, WD_ALIGN_PARAGRAPH.RIGHT)
    document.save(str(path))
