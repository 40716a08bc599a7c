"""Report writers: the terminal summary and scorecard, the audit's evidence files, and the reports people act
on — ``report.html``, ``plan.docx``, ``itas.xlsx`` and ``itas.csv`` (:func:`write_reports`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

__all__ = ["write_reports"]


def write_reports(out_dir: Path, *, iit: Path | None = None, eit: Path | None = None, compare: Path | None = None,
                  today: date | None = None, results=None, records=None) -> list[Path]:
    """Write report.html, plan.docx, itas.xlsx and itas.csv into ``out_dir`` (an audit folder); return their paths.

    Reads ``out_dir/results.json`` and ``out_dir/crawl/records.jsonl``. ``iit``/``eit`` (CSV or XLSX, both or
    neither) add the full ITA score and their analysis; ``compare`` (an earlier audit folder or its
    results.json) adds what changed. Bad input raises :class:`model.errors.BadInput` or
    :class:`scoring.tables.InputError`, each naming the file. ``today`` fixes the plan's dates (tests).
    The audit that has just written the folder passes its ``results`` and ``records`` to spare a re-read.
    """
    from reports.build import write_reports as _write  # imported here: the audit imports reports.evidence

    return _write(Path(out_dir), iit=iit, eit=eit, compare=compare, today=today, results=results, records=records)
