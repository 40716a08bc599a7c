"""``ita history AGENCY``: an agency's items over time, one column per audit."""

from __future__ import annotations

import json

from history.store import Store, utc
from model.batch import AUDITED
from model.errors import BadInput
from model.wording import reason_text, site_status_text
from reports.text import fmt, table


def find(store: Store, text: str):
    agencies = store.find_agency(text.strip())
    if not agencies:
        raise BadInput(f"ไม่พบหน่วยงาน {text!r} ในประวัติ (no agency {text!r} in the history)",
                       hint="ใช้รหัส อปท. หรือส่วนหนึ่งของชื่อ (give the agency code, or part of its name)")
    if len(agencies) > 1:
        names = ", ".join(f"{a.code} {a.name}" for a in agencies[:10])
        raise BadInput(f"พบหลายหน่วยงานที่ตรงกับ {text!r}: {names} (several agencies match; give the code)")
    return agencies[0]


def history_data(store: Store, text: str, year: int | None = None, runs: int = 6) -> dict:
    agency = find(store, text)
    audits = store.agency_audits(agency.code, year, runs)
    items: dict[str, list] = {}
    columns = []
    for index, (audit, run) in enumerate(audits):
        finished = utc(audit.finished_at) or utc(run.created_at)
        columns.append({"run": run.id, "year": run.year, "date": finished.strftime("%Y-%m-%d") if finished else "",
                        "status": audit.status, "oit_score": audit.oit_score if audit.status in AUDITED else None,
                        "present": audit.present, "total_items": audit.total_items, "url": audit.url})
        for verdict in audit.verdicts:
            row = items.setdefault(verdict.item_code, [None] * len(audits))
            row[index] = {"status": verdict.status, "present": verdict.present, "reason": verdict.reason,
                          "detail": verdict.detail, "urls": [e.url for e in verdict.evidence],
                          "hashes": [e.content_hash for e in verdict.evidence]}
    order = sorted(items, key=lambda code: int(code[1:]) if code[1:].isdigit() else 0)
    return {"agency": {"code": agency.code, "name": agency.name, "province": agency.province, "url": agency.url},
            "audits": columns, "items": {code: items[code] for code in order}}


def history_text(data: dict, lang: str = "th") -> str:
    agency = data["agency"]
    head = f"{agency['name']} ({agency['code']}) {agency['province']} — {agency['url']}"
    if not data["audits"]:
        return head + "\nยังไม่มีผลการตรวจ (no audits yet)"
    header = ["ข้อ (item)", *(f"รอบ {a['run']} {a['date']}" for a in data["audits"])]
    rows = [["สถานะ (status)", *(site_status_text(a["status"], lang) for a in data["audits"])],
            ["OIT", *(fmt(a["oit_score"]) if a["oit_score"] is not None else "-" for a in data["audits"])]]
    for code, cells in data["items"].items():
        row = [code]
        for cell in cells:
            if cell is None:
                row.append("")
            elif cell["present"]:
                row.append("มี" if lang == "th" else "present")
            else:
                row.append(("ไม่มี: " if lang == "th" else "absent: ") + reason_text(cell["reason"], cell["detail"], lang))
        rows.append(row)
    changes = _changes(data)
    text = head + "\n" + table(rows, header)
    if changes:
        text += "\nเปลี่ยนแปลงล่าสุด (last change): " + "; ".join(changes)
    return text


def _changes(data: dict) -> list[str]:
    out = []
    for code, cells in data["items"].items():
        if len(cells) >= 2 and cells[-1] and cells[-2] and cells[-1]["present"] != cells[-2]["present"]:
            out.append(f"{code} {'มี → ไม่มี (lost)' if cells[-2]['present'] else 'ไม่มี → มี (gained)'}")
    return out


def history_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
