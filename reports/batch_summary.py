"""A batch run's summaries, built with pandas from the history database.

- ``summary.csv`` (UTF-8 with BOM, so Excel shows Thai): one row per agency: status, OIT score, items present,
  the items missing;
- ``summary.xlsx``: that sheet, plus the share of agencies publishing each item, figures per province, the
  sites that could not be audited with their status, the agencies skipped from the list, the regressions;
- ``overview.html``: the same on one page (reports/templates/batch_summary.html);
- ``agencies-skipped.csv`` and ``agencies-repaired.csv``: what the list cleaning did (written at the start).

A site that could not be audited has a status and an empty score, never a zero.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from model.batch import AUDITED, PENDING, SUSPECT, TROUBLE, SiteStatus
from model.files import write_text, write_with
from model.wording import regression_text, repair_text, site_status_text, skip_text

TEMPLATES = Path(__file__).resolve().parent / "templates"
SKIPPED = "agencies-skipped.csv"
REPAIRED = "agencies-repaired.csv"


def _csv(frame: pd.DataFrame, path: Path) -> Path:
    write_text(path, frame.to_csv(index=False), encoding="utf-8-sig")
    return path


def skipped_frame(listing) -> pd.DataFrame:
    return pd.DataFrame(
        [{"แถว (row)": s.row, "รหัส (code)": s.code, "ชื่อ (name)": s.name, "จังหวัด (province)": s.province,
          "เว็บไซต์ที่ระบุ (website given)": s.value, "เหตุผล (reason)": s.reason.value,
          "คำอธิบาย": skip_text(s.reason, "th"), "why": skip_text(s.reason, "en"), "จำนวนแถว (rows)": s.rows}
         for s in listing.skipped],
        columns=["แถว (row)", "รหัส (code)", "ชื่อ (name)", "จังหวัด (province)", "เว็บไซต์ที่ระบุ (website given)",
                 "เหตุผล (reason)", "คำอธิบาย", "why", "จำนวนแถว (rows)"])


def repaired_frame(listing) -> pd.DataFrame:
    return pd.DataFrame(
        [{"แถว (row)": a.row, "รหัส (code)": a.code, "ชื่อ (name)": a.name, "เว็บไซต์ที่ระบุ (website given)": a.value,
          "URL ที่ตรวจ (audited URL)": a.url, "การแก้ไข (repairs)": ", ".join(a.repairs),
          "คำอธิบาย": "; ".join(repair_text(r, "th") for r in a.repairs),
          "what": "; ".join(repair_text(r, "en") for r in a.repairs)} for a in listing.repaired],
        columns=["แถว (row)", "รหัส (code)", "ชื่อ (name)", "เว็บไซต์ที่ระบุ (website given)", "URL ที่ตรวจ (audited URL)",
                 "การแก้ไข (repairs)", "คำอธิบาย", "what"])


def write_listing(out_dir: Path, listing) -> dict[str, Path]:
    return {"skipped": _csv(skipped_frame(listing), out_dir / SKIPPED),
            "repaired": _csv(repaired_frame(listing), out_dir / REPAIRED)}


def agencies_frame(store, run_id: int, rules) -> pd.DataFrame:
    codes = [item.code for item in rules.oit.items]
    present = store.verdicts(run_id)
    rows = []
    for audit, agency in store.audits(run_id):
        status = SiteStatus(audit.status)
        found = present.get(audit.id, {})
        audited = status in AUDITED - SUSPECT  # a soft-404 or blocked site's verdicts are no score: no zero shown
        rows.append({
            "code": agency.code, "name": agency.name, "province": agency.province, "district": agency.district,
            "url": audit.url, "status": status.value, "สถานะ": site_status_text(status, "th"),
            "status_text": site_status_text(status, "en"),
            "oit_score": round(audit.oit_score, 2) if audited and audit.oit_score is not None else None,
            "present": audit.present if audited else None, "total_items": audit.total_items if audited else None,
            "missing_items": " ".join(c for c in codes if audited and not found.get(c, False)) if audited else "",
            "complete": audit.complete, "pages": audit.pages, "documents": audit.documents,
            "cautions": " ".join(audit.cautions or []), "message": audit.message,
            "results": audit.results_path,
        })
    return pd.DataFrame(rows, columns=["code", "name", "province", "district", "url", "status", "สถานะ", "status_text",
                                       "oit_score", "present", "total_items", "missing_items", "complete", "pages",
                                       "documents", "cautions", "message", "results"])


def items_frame(store, run_id: int, rules, agencies: pd.DataFrame) -> pd.DataFrame:
    """Per item: how many of the audited agencies (whose results can be trusted) publish it."""
    trusted = set(agencies.loc[agencies["status"].isin([s.value for s in AUDITED - SUSPECT]), "code"])
    present = store.verdicts(run_id)
    ids = {audit.id for audit, agency in store.audits(run_id) if agency.code in trusted}
    rows = []
    for item in rules.oit.items:
        publishing = sum(1 for audit_id in ids if present.get(audit_id, {}).get(item.code))
        rows.append({"item": item.code, "name": item.name, "subindicator": item.subindicator,
                     "agencies": len(ids), "publishing": publishing,
                     "share": round(publishing / len(ids), 4) if ids else None})
    return pd.DataFrame(rows, columns=["item", "name", "subindicator", "agencies", "publishing", "share"])


def provinces_frame(agencies: pd.DataFrame, listing) -> pd.DataFrame:
    skipped = pd.Series([s.province for s in listing.skipped], dtype="object").value_counts()
    trusted = agencies["status"].isin([s.value for s in AUDITED - SUSPECT])
    trouble = agencies["status"].isin([s.value for s in TROUBLE])
    grouped = agencies.assign(trusted=trusted, trouble=trouble).groupby("province", dropna=False)
    frame = pd.DataFrame({
        "sites": grouped.size(),
        "audited": grouped["trusted"].sum(),
        "not_audited": grouped["trouble"].sum(),
        "oit_mean": grouped["oit_score"].mean().round(2),
        "oit_median": grouped["oit_score"].median().round(2),
        "oit_min": grouped["oit_score"].min(),
        "oit_max": grouped["oit_score"].max(),
    }).reset_index()
    frame["skipped_no_site"] = frame["province"].map(skipped).fillna(0).astype(int)
    return frame.sort_values("province").reset_index(drop=True)


def regressions_frame(store, run_id: int) -> pd.DataFrame:
    rows = [{"code": agency.code, "name": agency.name, "province": agency.province, "kind": r.kind, "item": r.item_code,
             "รายละเอียด": regression_text(r.kind, r.item_code, r.detail, "th"),
             "detail": regression_text(r.kind, r.item_code, r.detail, "en")} for r, agency in store.regressions(run_id)]
    return pd.DataFrame(rows, columns=["code", "name", "province", "kind", "item", "รายละเอียด", "detail"])


def write_summaries(store, run_id: int, out_dir: Path, rules, listing) -> dict[str, Path]:
    out_dir = Path(out_dir)
    run = store.run(run_id)
    agencies = agencies_frame(store, run_id, rules)
    items = items_frame(store, run_id, rules, agencies)
    provinces = provinces_frame(agencies, listing)
    trouble = agencies[agencies["status"].isin([s.value for s in TROUBLE])][
        ["code", "name", "province", "url", "status", "สถานะ", "status_text", "message"]]
    skipped = skipped_frame(listing)
    regressions = regressions_frame(store, run_id)
    outputs = {"summary.csv": _csv(agencies, out_dir / "summary.csv"),
               "regressions.csv": _csv(regressions, out_dir / "regressions.csv")}

    def excel(path: Path) -> None:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in (("agencies", agencies), ("items", items), ("provinces", provinces),
                                ("not audited", trouble), ("skipped", skipped), ("regressions", regressions)):
                frame.to_excel(writer, sheet_name=name, index=False)
    write_with(out_dir / "summary.xlsx", excel)
    outputs["summary.xlsx"] = out_dir / "summary.xlsx"
    html = _overview(run, agencies, items, provinces, trouble, skipped, regressions, rules, listing)
    write_text(out_dir / "overview.html", html)
    outputs["overview.html"] = out_dir / "overview.html"
    return outputs


def _overview(run, agencies, items, provinces, trouble, skipped, regressions, rules, listing) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    scores = agencies["oit_score"].dropna()
    counts = agencies["status"].value_counts().to_dict()
    statuses = [{"status": s, "th": site_status_text(s, "th"), "en": site_status_text(s, "en"), "count": n}
                for s, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    names = {item.code: item.name for item in rules.oit.items}
    return env.get_template("batch_summary.html").render(
        run=run, rules=rules, generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        total=len(agencies), audited=int(agencies["status"].isin([s.value for s in AUDITED - SUSPECT]).sum()),
        trouble_count=len(trouble), pending=int(agencies["status"].isin([s.value for s in PENDING]).sum()),
        mean=round(float(scores.mean()), 2) if len(scores) else None,
        median=round(float(scores.median()), 2) if len(scores) else None,
        statuses=statuses, agencies=agencies.to_dict("records"), items=items.to_dict("records"),
        provinces=provinces.to_dict("records"), trouble=trouble.to_dict("records"),
        skipped=skipped.to_dict("records"), regressions=regressions.to_dict("records"), names=names,
        listing=listing, skipped_count=len(listing.skipped), repaired_count=len(listing.repaired))
