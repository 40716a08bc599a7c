"""``report.html``: one self-contained file (font, styles and script inline, no network), Thai first,
readable on a phone and printable. Everything taken from a crawled page goes through Jinja2's autoescape;
links are made only for http(s) URLs, and a Content-Security-Policy with a per-file nonce keeps any
injected script from running even if something slipped through.
"""

from __future__ import annotations

import base64
import secrets
from datetime import datetime
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from model.verdicts import Status
from reports.data import ReportData
from reports.plan import COLUMNS, Plan
from reports.safe import clean_text, safe_href
from reports.text import fmt
from reports.thaidate import thai_date

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _fonts() -> dict[str, str]:
    """Sarabun (OFL) regular and bold, base64, for @font-face data: URLs."""
    from fontpkg_sarabun import ROOT

    files = Path(ROOT) / "files"
    return {weight: base64.b64encode((files / f"Sarabun-{name}.ttf").read_bytes()).decode("ascii")
            for weight, name in (("regular", "Regular"), ("bold", "Bold"))}


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.finalize = lambda value: clean_text(value) if isinstance(value, str) and not isinstance(value, Markup) else value
    return env


def when(created: str) -> str:
    """An ISO time from results.json as a Thai date and time ('24 พฤศจิกายน 2569 09:05 น.')."""
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return created
    return f"{thai_date(moment.date())} {moment:%H:%M} น."


def render_html(data: ReportData, plan: Plan) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(d=data, plan=plan, fmt=fmt, href=safe_href, thai_date=thai_date, when=when, S=Status,
                           columns=COLUMNS, fonts=_fonts(), nonce=secrets.token_urlsafe(16),
                           pass_score=data.rules.pass_score)
