"""``write_reports``: every report of an audit folder, written atomically beside results.json."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from model.files import write_text, write_with
from reports.data import load_report
from reports.html import render_html
from reports.itas import write_csv, write_xlsx
from reports.plan import build_plan, write_docx


def write_reports(out_dir: Path, *, iit: Path | None = None, eit: Path | None = None, compare: Path | None = None,
                  today: date | None = None, results=None, records=None) -> list[Path]:
    out_dir = Path(out_dir)
    data = load_report(out_dir, iit=iit, eit=eit, compare=compare, today=today, results=results, records=records)
    plan = build_plan(data)
    paths = [out_dir / "report.html", out_dir / "plan.docx", out_dir / "itas.xlsx", out_dir / "itas.csv"]
    write_text(paths[0], render_html(data, plan))
    write_with(paths[1], lambda tmp: write_docx(plan, tmp))
    write_xlsx(data, paths[2])
    write_csv(data, paths[3])
    return paths
