"""Send a run's regressions to a webhook (an HTTP POST of JSON, with httpx) or to a command (JSON on stdin).

``--notify https://hooks.example/ita`` posts; anything else is a command line, run without a shell, e.g.
``--notify "mail -s 'ITA regressions' audit@example.go.th"`` or ``--notify "/usr/local/bin/ita-alert --json"``.
A failed notification is reported; it does not undo the run.
"""

from __future__ import annotations

import json
import shlex
import subprocess

import httpx

from model.wording import regression_text

TIMEOUT = 30.0


def payload(store, run_id: int, regressions) -> dict:
    run = store.run(run_id)
    items = [{"agency": agency.code, "name": agency.name, "province": agency.province, "url": agency.url,
              "kind": r.kind, "item": r.item_code, "detail": r.detail,
              "text": regression_text(r.kind, r.item_code, r.detail, "th"),
              "text_en": regression_text(r.kind, r.item_code, r.detail, "en")}
             for r, agency in regressions]
    agencies = len({i["agency"] for i in items})
    text = (f"ITA ปี {run.year} รอบที่ {run_id}: ถดถอย {len(items)} รายการ ใน {agencies} หน่วยงาน "
            f"(ITA {run.year} run {run_id}: {len(items)} regressions at {agencies} agencies)")
    return {"run": run_id, "year": run.year, "finished": run.finished_at.isoformat() if run.finished_at else None,
            "out_dir": run.out_dir, "count": len(items), "agencies": agencies, "text": text, "regressions": items}


def notify(target: str, body: dict) -> str:
    """Send ``body``; returns a line (Thai with English) saying what happened."""
    if target.startswith(("http://", "https://")):
        try:
            response = httpx.post(target, json=body, timeout=TIMEOUT, headers={"User-Agent": "ita-check batch"})
            response.raise_for_status()
        except httpx.HTTPError as exc:
            return f"แจ้งเตือนไม่สำเร็จ (notification failed): {target} — {type(exc).__name__}: {exc}"
        return f"แจ้งเตือนแล้ว (notified): {target} — HTTP {response.status_code}"
    try:
        args = shlex.split(target)
        done = subprocess.run(args, input=json.dumps(body, ensure_ascii=False), text=True, capture_output=True,
                              timeout=TIMEOUT * 4)
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        return f"แจ้งเตือนไม่สำเร็จ (notification failed): {target} — {exc}"
    if done.returncode != 0:
        return (f"แจ้งเตือนไม่สำเร็จ (notification failed): {target} — exit {done.returncode}: "
                f"{(done.stderr or '').strip()[:300]}")
    return f"แจ้งเตือนแล้ว (notified): {target}"
