"""Everything the HTML report, the plan and the ITAS sheet show, gathered once from an audit folder.

Read: ``results.json`` (the typed results), ``crawl/records.jsonl`` (every fetched page, for how each
evidence page is reached and for the Q&A board), the year's rule file (indicators, and each item's
``publish``/``measure``/``responsible``), and optionally the IIT/EIT results and an earlier audit.
All wording of statuses, reasons, notes and cautions comes from :mod:`model.wording`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain
from pathlib import Path

from crawler.records import read_records
from model.errors import BadInput
from model.records import PageRecord
from model.results import AuditResults
from model.verdicts import ItemVerdict, Status
from model.wording import caution_text, describe, note_text, status_text, verdict_reason
from reports.compare import Comparison, compare_results
from reports.moderation import BoardScan, scan_board
from reports.navigate import Navigator
from reports.safe import one_line
from rules.loader import load_rules, rules_for_year
from rules.moderation import Moderation, load_moderation
from rules.schema import Item, RuleFile
from scoring.calc import ItaScore, OitScore, SurveyScore, ita_score, oit_from_verdicts
from scoring.tables import read_survey

STATUS_CLASS = {Status.PRESENT: "present", Status.ABSENT: "absent", Status.NEEDS_REVIEW: "review",
                Status.NOT_REACHED: "notreached"}


@dataclass
class ItemRow:
    verdict: ItemVerdict
    rule: Item | None
    status: str  # Thai words
    status_en: str
    css: str
    reason: str
    reason_en: str
    notes: list[str]
    described: str  # reason and notes in one line (what evidence sheets show)
    urls: list[str]
    where: list[str]  # how each evidence URL is reached, same order as urls
    publish: str
    measure: str
    responsible: str
    subindicator_name: str
    board: BoardScan | None = None  # the Q&A board's findings, on the year's Q&A item

    @property
    def code(self) -> str:
        return self.verdict.code

    @property
    def name(self) -> str:
        return self.verdict.name

    @property
    def present(self) -> bool:
        return self.verdict.status is Status.PRESENT


@dataclass
class SubRow:
    code: str
    name: str
    score: float
    got: int
    total: int


@dataclass
class IndicatorRow:
    code: str
    name: str
    score: float
    subs: list[SubRow] = field(default_factory=list)


@dataclass
class SurveyPart:
    label: str  # IIT or EIT
    title: str
    score: SurveyScore
    indicators: list[tuple[str, str, float]]  # (code, name, score)
    questions: list[tuple[str, str, float]]  # (code, text, score), lowest first; empty when only indicators


@dataclass
class ReportData:
    out_dir: Path
    results: AuditResults
    rules: RuleFile
    today: date
    audited: date
    district: str
    province: str
    cautions: list[str]
    cautions_en: list[str]
    oit: OitScore
    indicators: list[IndicatorRow]
    items: list[ItemRow]
    iit: SurveyPart | None = None
    eit: SurveyPart | None = None
    ita: ItaScore | None = None
    board: BoardScan | None = None
    board_warning: str = ""
    board_warning_en: str = ""
    moderation: Moderation | None = None
    comparison: Comparison | None = None

    @property
    def agency(self) -> str:
        return one_line(self.results.agency.name)

    @property
    def year(self) -> int:
        return self.results.year

    def count(self, status: Status) -> int:
        return sum(1 for row in self.items if row.verdict.status is status)


_DISTRICT = re.compile(r"(?:อำเภอ|เขต)\s*([ก-๙]+)|(?<![ก-๙])อ\.\s*([ก-๙]+)")
_PROVINCE = re.compile(r"จังหวัด\s*([ก-๙]+)|(?<![ก-๙])จ\.\s*([ก-๙]+)")
_CONTACT = re.compile(r"contact|ติดต่อ|about|ที่อยู่", re.IGNORECASE)


def place_names(records: list[PageRecord], start: str) -> tuple[str, str]:
    """The district and province in the agency's address (contact page, home page, footer), or blanks."""
    from model.urls import canonical

    start_key = canonical(start)
    preferred = [r for r in records if r.kind == "page" and r.ok
                 and (canonical(r.url) == start_key or _CONTACT.search(r.url + " " + r.title))]
    for group in (preferred, [r for r in records if r.kind == "page" and r.ok]):
        districts: Counter = Counter()
        provinces: Counter = Counter()
        # each distinct block once, with how often it is shown: the footer that names the province is the
        # same block on every page (a count in C instead of reading 2,000 footers)
        for block, times in Counter(chain.from_iterable(r.blocks for r in group)).items():
            if "จังหวัด" not in block and "จ." not in block:
                continue
            for match in _DISTRICT.finditer(block):
                districts[match.group(1) or match.group(2)] += times
            for match in _PROVINCE.finditer(block):
                provinces[match.group(1) or match.group(2)] += times
        if provinces:
            return (districts.most_common(1)[0][0] if districts else ""), provinces.most_common(1)[0][0]
    return "", ""


def _rules(results: AuditResults) -> RuleFile:
    if results.rules.file and Path(results.rules.file).is_file():
        return load_rules(results.rules.file)
    return rules_for_year(results.year)


def _survey(path: Path, rules: RuleFile, label: str) -> SurveyPart:
    survey = rules.iit if label == "IIT" else rules.eit
    score = read_survey(path, survey, label)
    texts = {q.code: q.text for ind in survey.indicators for q in ind.questions}
    indicators = [(ind.code, ind.name, score.indicators[ind.code]) for ind in survey.indicators]
    questions = sorted(((code, texts.get(code, ""), value) for code, value in score.questions.items()),
                       key=lambda q: (q[2], int(re.sub(r"\D", "", q[0]) or 0)))
    return SurveyPart(label, survey.name, score, indicators, questions)


def _created(results: AuditResults, fallback: date) -> date:
    try:
        return datetime.fromisoformat(results.created).date()
    except ValueError:
        return fallback


def load_report(out_dir: Path, *, iit: Path | None = None, eit: Path | None = None, compare: Path | None = None,
                today: date | None = None, results: AuditResults | None = None, records=None) -> ReportData:
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise BadInput(f"{out_dir}: ไม่พบโฟลเดอร์ผลการตรวจ (audit folder not found)",
                       hint="ตรวจเว็บไซต์ก่อนด้วย ita audit URL --out โฟลเดอร์ (run ita audit first)")
    if (iit is None) != (eit is None):
        given = "--iit" if iit is not None else "--eit"
        raise BadInput(f"ให้ {given} แล้ว ต้องให้ทั้ง --iit และ --eit เพื่อคำนวณคะแนน ITA (both --iit and --eit are needed)")
    results = results if results is not None else AuditResults.load(out_dir / "results.json")
    rules = _rules(results)
    records = list(records) if records is not None else list(read_records(out_dir / "crawl" / "records.jsonl"))
    today = today or date.today()
    present = {item.code: item.present for item in results.items}
    for item in rules.oit.items:
        present.setdefault(item.code, False)
    oit = oit_from_verdicts(rules.oit, {c: v for c, v in present.items() if c in {i.code for i in rules.oit.items}})

    subs = {s.code: s for s in rules.oit.subindicators}
    rule_items = {item.code: item for item in rules.oit.items}
    navigator = Navigator(records, results.agency.url)
    moderation = load_moderation()
    board = scan_board(records, results.year, [(i.code, i.name) for i in results.items], moderation)

    items: list[ItemRow] = []
    for verdict in results.items:
        rule = rule_items.get(verdict.code)
        sub = subs.get(verdict.subindicator)
        row = ItemRow(
            verdict=verdict, rule=rule,
            status=status_text(verdict.status), status_en=status_text(verdict.status, "en"),
            css=STATUS_CLASS[verdict.status],
            reason=verdict_reason(verdict), reason_en=verdict_reason(verdict, "en"),
            notes=[note_text(n) for n in verdict.notes], described=describe(verdict),
            urls=list(verdict.urls), where=[navigator.describe(u) for u in verdict.urls],
            publish=rule.publish if rule else "", measure=rule.measure if rule else "",
            responsible=rule.responsible if rule else "",
            subindicator_name=sub.name if sub else "",
        )
        if board.item == verdict.code and board.flagged:
            row.board = board
        items.append(row)

    indicators = []
    for ind in rules.oit.indicators:
        row = IndicatorRow(ind.code, ind.name, oit.indicators[ind.code])
        for sub in rules.oit.subindicators:
            if sub.indicator == ind.code:
                codes = [i.code for i in rules.oit.items if i.subindicator == sub.code]
                row.subs.append(SubRow(sub.code, sub.name, oit.subindicators[sub.code],
                                       sum(1 for c in codes if present.get(c)), len(codes)))
        indicators.append(row)

    district, province = place_names(records, results.agency.url)
    data = ReportData(
        out_dir=out_dir, results=results, rules=rules, today=today, audited=_created(results, today),
        district=district, province=province,
        cautions=[caution_text(c.code, c.detail) for c in results.cautions],
        cautions_en=[caution_text(c.code, c.detail, "en") for c in results.cautions],
        oit=oit, indicators=indicators, items=items, board=board, moderation=moderation,
    )
    if board.flagged:
        data.board_warning = board.summary(moderation)
        data.board_warning_en = board.summary(moderation, "en")
    if iit is not None and eit is not None:
        data.iit = _survey(Path(iit), rules, "IIT")
        data.eit = _survey(Path(eit), rules, "EIT")
        data.ita = ita_score(rules, data.iit.score, data.eit.score, oit)
    if compare is not None:
        data.comparison = compare_results(Path(compare), results, records)
    return data
