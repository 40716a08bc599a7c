"""``ita explain DIR CODE``: why one item was decided as it was, in one place.

The verdict, its evidence and notes, then every candidate the audit checked — how it was found and each
check it passed or failed — so a web officer sees exactly which link is dead or which element is missing.
"""

from __future__ import annotations

from model.errors import BadInput
from model.results import AuditResults
from model.verdicts import CheckOutcome, ItemVerdict
from model.wording import Lang, caution_text, note_text, reason_text, signal_text, status_text, verdict_reason
from rules.checks import CHECK_TITLES

LABELS = {
    "status": ("ผล", "verdict"), "reason": ("เหตุผล", "reason"), "evidence": ("หลักฐาน", "evidence"),
    "notes": ("หมายเหตุ", "notes"), "candidates": ("หน้าที่ตรวจ (ผู้สมัคร)", "candidates checked"),
    "found_by": ("พบจาก", "found by"), "none": ("ไม่พบหน้าใดที่ระบุชื่อข้อนี้", "no page or link names this item"),
    "passed": ("ผ่าน", "passed"), "failed": ("ไม่ผ่าน", "failed"), "score": ("น้ำหนัก", "strength"),
    "linked": ("ลิงก์จากหน้า", "linked from"), "flag": ("ความเชื่อมั่นของเกณฑ์ข้อนี้", "criteria confidence"),
}


def _label(key: str, lang: Lang) -> str:
    return LABELS[key][0 if lang == "th" else 1]


def _check_line(outcome: CheckOutcome, lang: Lang) -> str:
    title = CHECK_TITLES.get(outcome.check, (outcome.check, outcome.check))[0 if lang == "th" else 1]
    if outcome.passed:
        extra = outcome.detail.get("via") or ", ".join(map(str, outcome.detail.get("years", []))) or ""
        return f"      ✓ {title}" + (f" ({extra})" if extra else "")
    return f"      ✗ {title}: {reason_text(outcome.reason, outcome.detail, lang)}" if outcome.reason else f"      ✗ {title}"


def explain_item(item: ItemVerdict, lang: Lang = "th") -> list[str]:
    lines = [f"{item.code} {item.name}",
             f"  {_label('status', lang)}: {status_text(item.status, lang)} — {verdict_reason(item, lang)}"]
    if item.detail.get("url"):
        lines.append(f"    URL: {item.detail['url']}")
    if item.detail.get("linked_from"):
        lines.append(f"    {_label('linked', lang)}: {', '.join(item.detail['linked_from'])}")
    if item.item_confidence != "C":
        lines.append(f"  {_label('flag', lang)}: {item.item_confidence}")
    if item.urls:
        lines.append(f"  {_label('evidence', lang)}:")
        lines += [f"    {n}. {url}" for n, url in enumerate(item.urls, 1)]
    if item.notes:
        lines.append(f"  {_label('notes', lang)}:")
        lines += [f"    - {note_text(note, lang)}" for note in item.notes]
    if not item.candidates:
        lines.append(f"  {_label('none', lang)}")
        return lines
    lines.append(f"  {_label('candidates', lang)} ({len(item.candidates)}):")
    for n, candidate in enumerate(item.candidates, 1):
        verdict = _label("passed", lang) if candidate.passed else _label("failed", lang)
        lines.append(f"    {n}. {candidate.url} [{candidate.kind}] — {verdict}; {_label('score', lang)} {candidate.strength:g}")
        for signal in candidate.signals[:4]:
            lines.append(f"      {_label('found_by', lang)}: {signal_text(signal, lang)}")
        lines += [_check_line(outcome, lang) for outcome in candidate.checks]
    return lines


def explain(results: AuditResults, code: str, lang: Lang = "th") -> str:
    wanted = code.strip().upper().replace("O.", "O")
    wanted = wanted if wanted.startswith("O") else "O" + wanted
    try:
        item = results.item(wanted)
    except KeyError:
        known = ", ".join(i.code for i in results.items)
        raise BadInput(f"ไม่มีข้อ {code!r} ในผลการตรวจปี {results.year} (no such item); มี: {known}") from None
    head = [f"{results.agency.name} ({results.agency.url}) — ITA {results.year}"]
    head += [caution_text(c.code, c.detail, lang) for c in results.cautions]
    return "\n".join([*head, "", *explain_item(item, lang)])
