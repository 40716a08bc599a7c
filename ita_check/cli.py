"""The ``ita`` command: audit, explain, score, rules, demo, eval.

Each subcommand parses its flags and hands plain values to the package that does the work. Messages are
Thai with English beside. Every failure is an ``ItaError`` (model/errors.py) and ends the process through
one mapping, ``EXIT_CODES``: no traceback reaches the user for any input.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import json
import os
import signal
import sys
import tempfile
import traceback
from importlib import metadata
from pathlib import Path

from model.errors import BadInput, Interrupted, ItaError, ProblemsError, ServiceUnreachable, SiteUnreachable
from rules.loader import (
    PAGES_FILE,
    Selected,
    check_pages,
    check_rules,
    default_year,
    resolve_rules,
    select_rules,
    shipped_rule_files,
)

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2
EXIT_UNREACHABLE = 3
EXIT_INTERRUPTED = 130
# The one mapping from error classes to exit codes; the most specific class listed wins.
EXIT_CODES: dict[type[ItaError], int] = {
    BadInput: EXIT_INPUT,
    SiteUnreachable: EXIT_UNREACHABLE,
    ServiceUnreachable: EXIT_UNREACHABLE,
    Interrupted: EXIT_INTERRUPTED,
    ItaError: EXIT_INTERNAL,
}
UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024 ** 2, "mb": 1024 ** 2, "g": 1024 ** 3, "gb": 1024 ** 3}


def exit_code(error: ItaError) -> int:
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_INTERNAL


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _digits(text: str) -> str:
    from rules.thai import thai_to_arabic_digits

    return thai_to_arabic_digits(text.strip())


def number(kind, minimum: float | None = None):
    """An argparse type that reads Thai digits (--max-pages ๕๐๐) and refuses values below ``minimum``."""
    def parse(text: str):
        try:
            value = kind(_digits(text))
        except ValueError:
            raise argparse.ArgumentTypeError(f"ต้องเป็นตัวเลข (not a number): {text!r}") from None
        if minimum is not None and value < minimum:
            raise argparse.ArgumentTypeError(f"ต้องไม่น้อยกว่า {minimum:g} (must be at least {minimum:g}): {text!r}")
        return value
    return parse


def size(text: str) -> int:
    """A size such as '40MB', '500 KB' or '1048576' (bytes), at least 1 byte."""
    raw = _digits(text).lower().replace(" ", "")
    digits = raw.rstrip("kmgb")
    try:
        value = int(float(digits) * UNITS[raw[len(digits):]])
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"ขนาดไม่ถูกต้อง (bad size, e.g. 40MB): {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"ต้องมากกว่า 0 (must be more than 0): {text!r}")
    return value


def human(value: int) -> str:
    for unit, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if value >= factor and value % factor == 0:
            return f"{value // factor} {unit}"
    return f"{value} B"


def _select(args: argparse.Namespace, quiet: bool = False) -> Selected:
    selected = select_rules(getattr(args, "year", None), getattr(args, "rules", None))
    if selected.assumed and not quiet:
        say(f"ใช้เกณฑ์ ITA ปี {selected.rules.year} (ปีล่าสุดที่มี; เลือกปีอื่นด้วย --year) "
            f"— assuming ITA {selected.rules.year}, the latest year; use --year for another")
    return selected


def cmd_score(args: argparse.Namespace) -> int:
    from reports.scorecard import scorecard
    from scoring.calc import ScoreError, ita_score, oit_from_verdicts
    from scoring.tables import InputError, read_oit, read_survey, results_year

    oit_year = results_year(args.oit)  # an audit's results.json says which year it was
    if oit_year is not None and not (args.year or args.rules):
        args.year = str(oit_year)
    selected = _select(args)
    rules = selected.rules
    if oit_year is not None and oit_year != rules.year:
        raise BadInput(f"{args.oit}: เป็นผลการตรวจของปี {oit_year} แต่คำนวณด้วยเกณฑ์ปี {rules.year} "
                       f"(the OIT results are for {oit_year}, the rules for {rules.year})")
    problems: list[str] = []
    parts = {}
    for key, path, reader in (("iit", args.iit, lambda p: read_survey(p, rules.iit, "IIT")),
                              ("eit", args.eit, lambda p: read_survey(p, rules.eit, "EIT")),
                              ("oit", args.oit, lambda p: read_oit(p, rules.oit))):
        try:
            parts[key] = reader(path)
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    try:
        score = ita_score(rules, parts["iit"], parts["eit"], oit_from_verdicts(rules.oit, parts["oit"]))
    except ScoreError as exc:
        raise BadInput(str(exc)) from None
    if args.json:
        json.dump(score.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(scorecard(rules, score))
    return EXIT_OK


def cmd_rules_check(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files] or [PAGES_FILE, *shipped_rule_files().values()]
    bad = 0
    printed: set[str] = set()  # a problem of rules/pages.yaml comes back with every year file: said once
    for path in files:
        if path.name == PAGES_FILE.name:  # the page patterns every year shares
            pages, problems = check_pages(path)
            summary = (f"รูปแบบหน้า (page patterns): placeholder {len(pages.placeholder)}, not_found "
                       f"{len(pages.not_found)}, index_page {len(pages.index_page)}") if pages else ""
        else:
            model, problems = check_rules(path)
            summary = (f"ปี {model.year}, OIT {len(model.oit.items)} ข้อ, IIT {len(model.iit.question_codes())} ข้อ, "
                       f"EIT {len(model.eit.question_codes())} ข้อ") if model else ""
        for problem in map(str, problems):
            if problem not in printed:
                printed.add(problem)
                print(problem, file=sys.stderr)
        if problems:
            bad += 1
        else:
            print(f"{path}: ถูกต้อง (ok) — {summary}")
    return EXIT_INPUT if bad else 0


def cmd_rules_list(args: argparse.Namespace) -> int:
    for year, path in shipped_rule_files().items():
        rules = resolve_rules(year)
        mark = " (ค่าเริ่มต้น default)" if year == default_year() else ""
        print(f"{year}: {len(rules.oit.items)} ข้อ OIT, ความเชื่อมั่น {rules.confidence} — {path}{mark}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from ita_check.audit import run_audit
    from ita_check.options import AuditOptions

    selected = _select(args)
    options = AuditOptions.from_args(args)
    run = run_audit(args.url, selected, Path(args.out), options, say=say)
    if not args.quiet:
        from reports.audit_text import audit_summary
        print(audit_summary(run.results, run.rules, run.out_dir, run.reports))
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from ita_check.explain import explain
    from model.results import AuditResults

    folder = Path(args.dir)
    results = AuditResults.load(folder / "results.json" if folder.is_dir() else folder)
    print(explain(results, args.code, lang=args.lang))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from ita_check.demo import run_demo, serve_demo

    if args.serve:
        return serve_demo(args.port)
    return run_demo(Path(args.out), quiet=args.quiet)


def cmd_eval(args: argparse.Namespace) -> int:
    from ita_check.evaluate import run_eval, run_generated_eval

    if args.generated:
        from demo.generator import STYLES, YEARS

        bad = [s for s in args.styles or [] if s not in STYLES] + [str(y) for y in args.years or [] if y not in YEARS]
        if bad:
            print(f"ผิดพลาด (error): ไม่รู้จัก {', '.join(bad)} — styles: {', '.join(STYLES)}; years: "
                  f"{', '.join(map(str, YEARS))}", file=sys.stderr)
            return EXIT_INPUT
        try:
            return run_generated_eval(Path(args.out), args.split, args.styles, args.years, args.per_cell, args.jobs)
        except ValueError as exc:
            print(f"ผิดพลาด (error): {exc}", file=sys.stderr)
            return EXIT_INPUT
    return run_eval(Path(args.out), sites=args.site or None)


# ---- ita report ---------------------------------------------------------------------------------------------

def cmd_report(args: argparse.Namespace) -> int:
    """report.html, plan.docx, itas.xlsx and itas.csv from an audit folder; prints each path written."""
    from reports import write_reports

    # BadInput, InputError (IIT/EIT sheets), RuleFileError: main() prints each line naming its file, exit 2
    paths = write_reports(Path(args.dir), iit=Path(args.iit) if args.iit else None,
                          eit=Path(args.eit) if args.eit else None,
                          compare=Path(args.compare) if args.compare else None)
    print("เขียนรายงานแล้ว (reports written):")
    for path in paths:
        print(path.resolve())
    return 0


def _add_report_parser(sub) -> None:
    p = sub.add_parser("report", help="รายงาน HTML แผนพัฒนา (Word) และไฟล์หลักฐานสำหรับ ITAS จากโฟลเดอร์ผลการตรวจ")
    p.add_argument("dir", help="โฟลเดอร์ผลการตรวจของ ita audit (มี results.json)")
    p.add_argument("--iit", help="CSV/XLSX ผล IIT (ต้องให้คู่กับ --eit) เพื่อคำนวณคะแนน ITA เต็มรูปแบบ")
    p.add_argument("--eit", help="CSV/XLSX ผล EIT (ต้องให้คู่กับ --iit)")
    p.add_argument("--compare", help="โฟลเดอร์ผลการตรวจครั้งก่อน: แสดงข้อที่ได้เพิ่ม/เสียไป และหลักฐานที่เปลี่ยนหรือลิงก์เสีย")
    p.set_defaults(func=cmd_report)


# -- batch runs: ita batch, ita worker, ita history -----------------------------------------------------------

def cmd_batch(args: argparse.Namespace) -> int:
    from ita_check.batch.runner import BatchSettings, run_batch, with_politeness
    from ita_check.options import AuditOptions

    selected = _select(args)
    options = AuditOptions.from_args(args)
    settings = BatchSettings(Path(args.agencies), selected, Path(args.out), options, db=args.db, redis=args.redis,
                             sites=args.sites, politeness=with_politeness(options, args.host_rate, args.ip_rate),
                             notify=args.notify, go_th_only=args.go_th_only, seed=args.seed, quiet=args.quiet)
    run_batch(settings, (lambda line: None) if args.quiet else say)
    return EXIT_OK


def cmd_worker(args: argparse.Namespace) -> int:
    from ita_check.batch.queue import run_worker

    run_worker(args.redis, Path(args.out), args.db, args.sites, burst=args.burst, say=say)
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from history.db import open_history
    from history.store import Store
    from history.view import history_data, history_json, history_text

    if not args.db and not args.out:
        raise BadInput("ต้องระบุ --db URL หรือ --out DIR ของการตรวจชุด (give --db URL or the batch's --out DIR)")
    if args.out and not args.db and not (Path(args.out) / "history.sqlite").exists():
        raise BadInput(f"--out {args.out}: ไม่พบประวัติการตรวจ history.sqlite (no history in this folder)")
    year = int(_digits(args.year)) if args.year else None
    data = history_data(Store(open_history(args.db, Path(args.out) if args.out else None)), args.agency, year, args.runs)
    print(history_json(data) if args.json else history_text(data, args.lang))
    return EXIT_OK


def _add_batch_commands(sub) -> None:
    p = sub.add_parser("batch", help="ตรวจหลายหน่วยงานจากทะเบียน อปท. หรือ CSV (audit every agency of a list)")
    p.add_argument("agencies", help="ไฟล์ทะเบียน อปท. ตามที่เผยแพร่ หรือ CSV code,name,url (the registry file or a plain CSV)")
    p.add_argument("--year", help="ปีการประเมิน พ.ศ. (default: ปีล่าสุดที่มีไฟล์กฎ)")
    p.add_argument("--rules", help="ไฟล์กฎ YAML (a rule file; must agree with --year)")
    p.add_argument("--out", required=True, help="โฟลเดอร์ของการตรวจชุด: sites/<รหัส>/, summary.csv/xlsx, overview.html")
    p.add_argument("--db", help="ฐานข้อมูลประวัติ: sqlite:///file หรือ postgresql://… (default: DIR/history.sqlite)")
    p.add_argument("--redis", help="redis://host:6379/0 — ส่งงานเข้าคิวให้ ita worker แล้วรอจนเสร็จ (distribute to workers)")
    p.add_argument("--sites", type=number(int, 1), default=48,
                   help="จำนวนเว็บไซต์ที่ตรวจพร้อมกันในกระบวนการนี้ (sites audited at once here; default 48)")
    p.add_argument("--host-rate", type=number(float, 0.01), default=None,
                   help="คำขอต่อวินาทีต่อโฮสต์ ทุกโฮสต์รวม 127.0.0.1 (requests/s per host; default 1 for real hosts)")
    p.add_argument("--ip-rate", type=number(float, 0.01), default=None,
                   help="คำขอต่อวินาทีต่อที่อยู่ IP (requests/s per IP address; default 8 for real hosts)")
    p.add_argument("--notify", help="แจ้งรายการถดถอย: URL webhook (POST JSON) หรือคำสั่ง (JSON ทาง stdin)")
    p.add_argument("--go-th-only", action="store_true", help="ข้ามเว็บไซต์ที่ไม่ใช่ .go.th (skip non-.go.th websites)")
    p.add_argument("--seed", type=number(int, 0), default=None, help="ลำดับสุ่มที่ทำซ้ำได้ (a fixed shuffle, for tests)")
    p.add_argument("--quiet", action="store_true", help="ไม่แสดงความคืบหน้า")
    _add_crawl_flags(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("worker", help="รับงานตรวจจากคิว Redis ของ ita batch (consume the batch queue)")
    p.add_argument("--redis", required=True, help="redis://host:6379/0 (the batch's --redis)")
    p.add_argument("--out", required=True, help="โฟลเดอร์ผลรายเว็บไซต์: DIR/sites/<รหัส>/")
    p.add_argument("--db", help="ฐานข้อมูลประวัติเดียวกับ ita batch (the batch's --db; default: DIR/history.sqlite)")
    p.add_argument("--sites", type=number(int, 1), default=48, help="เว็บไซต์ที่ตรวจพร้อมกัน (sites at once; default 48)")
    p.add_argument("--burst", action="store_true", help="หยุดเมื่อคิวว่าง (exit when the queue is empty)")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("history", help="ผลแต่ละข้อของหน่วยงานตามเวลา (an agency's items over time)")
    p.add_argument("agency", help="รหัส อปท. หรือส่วนหนึ่งของชื่อ (agency code or part of its name)")
    p.add_argument("--db", help="ฐานข้อมูลประวัติ (the history database URL)")
    p.add_argument("--out", help="โฟลเดอร์ของการตรวจชุด (a batch folder: its history.sqlite)")
    p.add_argument("--year", help="เฉพาะปีการประเมินนี้ (only this assessment year)")
    p.add_argument("--runs", type=number(int, 1), default=6, help="จำนวนรอบล่าสุดที่แสดง (default 6)")
    p.add_argument("--lang", choices=["th", "en"], default="th")
    p.add_argument("--json", action="store_true", help="พิมพ์ JSON")
    p.set_defaults(func=cmd_history)


def _add_crawl_flags(p: argparse.ArgumentParser) -> None:
    from ita_check.options import AuditOptions

    d = AuditOptions()
    p.add_argument("--max-pages", type=number(int, 1), default=d.max_pages, help=f"จำนวนหน้าสูงสุด (default {d.max_pages})")
    p.add_argument("--max-depth", type=number(int, 1), default=d.max_depth, help=f"ความลึกของลิงก์สูงสุด (default {d.max_depth})")
    p.add_argument("--max-seconds", type=number(int, 1), default=d.max_seconds,
                   help=f"เวลาตรวจสูงสุด วินาที (default {d.max_seconds} s = {d.max_seconds // 60} min)")
    p.add_argument("--max-bytes", type=size, default=d.max_bytes,
                   help=f"ขนาดสูงสุดต่อไฟล์ เช่น 40MB (largest response; default {human(d.max_bytes)})")
    p.add_argument("--max-total-bytes", type=size, default=d.max_total_bytes,
                   help=f"ปริมาณดาวน์โหลดรวมสูงสุด (whole-crawl download budget; default {human(d.max_total_bytes)})")
    p.add_argument("--concurrency", type=number(int, 1), default=None,
                   help="คำขอพร้อมกันต่อโฮสต์ (per-host concurrency; default 2, 16 on 127.0.0.1)")
    p.add_argument("--delay", type=number(float, 0), default=None,
                   help="หน่วงระหว่างคำขอ วินาที (download delay; default AutoThrottle from 0.5 s, 0 on 127.0.0.1)")
    p.add_argument("--ignore-robots", action="store_true", help="ไม่อ่าน robots.txt (ใช้กับเว็บของหน่วยงานตนเองเท่านั้น)")
    p.add_argument("--no-verify", action="store_true", help="ไม่ตรวจลิงก์หลักฐานซ้ำ (skip the live evidence re-check)")
    p.add_argument("--no-cache", action="store_true", help="ไม่เก็บแคช HTTP สำหรับตรวจซ้ำ (no HTTP revalidation cache)")
    p.add_argument("--no-ocr", action="store_true",
                   help="ไม่อ่านเอกสารภาพสแกนด้วย OCR: ข้อที่ขึ้นกับสแกนจะเป็น 'ต้องตรวจด้วยตนเอง' (scans are not read)")
    p.add_argument("--no-reports", action="store_true",
                   help="ไม่เขียน report.html, plan.docx, itas.xlsx (write only results.json, evidence.csv, pages.jsonl)")
    p.add_argument("--fresh", action="store_true",
                   help="เริ่มใหม่ทั้งหมด ลบผลเดิมในโฟลเดอร์ (start over, even in another audit's folder)")
    p.add_argument("--allow-private", action="store_true",
                   help="อนุญาตที่อยู่ IP ภายใน (private addresses) — สำหรับเครือข่ายภายในของหน่วยงาน")


class Parser(argparse.ArgumentParser):
    """argparse with its complaints in Thai and English, exit status 2."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"ผิดพลาด (error): {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="ita", description="ita-check: ตรวจความพร้อม ITA/OIT ของเว็บไซต์หน่วยงานภาครัฐ "
                    "(audit Thai agency websites for the NACC ITA/OIT assessment)",
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"ita-check {_version()}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    p = sub.add_parser("score", help="คำนวณคะแนน ITA จาก IIT/EIT/OIT (compute the ITA score)")
    p.add_argument("--year", help="ปีการประเมิน พ.ศ. (default: ปีของ results.json หรือปีล่าสุดที่มีไฟล์กฎ)")
    p.add_argument("--rules", help="ไฟล์กฎ YAML (a rule file; must agree with --year)")
    p.add_argument("--iit", required=True, help="CSV/XLSX ผล IIT")
    p.add_argument("--eit", required=True, help="CSV/XLSX ผล EIT")
    p.add_argument("--oit", required=True, help="CSV/XLSX item,present หรือ results.json ของ ita audit")
    p.add_argument("--json", action="store_true", help="พิมพ์ JSON เท่านั้น")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("rules", help="ไฟล์กฎรายปี (yearly rule files)")
    p.set_defaults(func=None, parser=p)
    rsub = p.add_subparsers(dest="rules_command", parser_class=Parser)
    c = rsub.add_parser("check", help="ตรวจไฟล์กฎ (validate rule files)")
    c.add_argument("files", nargs="*", help="ไฟล์กฎ (default: ทุกไฟล์ที่มากับโปรแกรม)")
    c.set_defaults(func=cmd_rules_check)
    c = rsub.add_parser("list", help="ปีที่มีไฟล์กฎ")
    c.set_defaults(func=cmd_rules_list)

    p = sub.add_parser("audit", help="ตรวจเว็บไซต์หน่วยงานตามข้อ OIT (audit an agency website)")
    p.add_argument("url", help="URL หน้าแรกของเว็บไซต์หน่วยงาน (http:// or https://)")
    p.add_argument("--year", help="ปีการประเมิน พ.ศ. (default: ปีล่าสุดที่มีไฟล์กฎ)")
    p.add_argument("--rules", help="ไฟล์กฎ YAML (a rule file; must agree with --year)")
    p.add_argument("--out", required=True, help="โฟลเดอร์ผลลัพธ์ของการตรวจนี้ (results.json, evidence.csv, pages.jsonl)")
    p.add_argument("--name", help="ชื่อหน่วยงาน (default: จาก title ของหน้าแรก)")
    p.add_argument("--quiet", action="store_true", help="ไม่แสดงความคืบหน้าและสรุป")
    _add_crawl_flags(p)
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("explain", help="อธิบายว่าทำไมข้อหนึ่งจึงมีหรือไม่มี (why one item was decided as it was)")
    p.add_argument("dir", help="โฟลเดอร์ผลการตรวจ (an audit folder) หรือ results.json")
    p.add_argument("code", help="รหัสข้อ เช่น O12 (an item code)")
    p.add_argument("--lang", choices=["th", "en"], default="th", help="ภาษา (language, default th)")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("demo", help="เปิดเว็บตัวอย่างบน 127.0.0.1 แล้วตรวจทั้งกระบวนการ")
    p.add_argument("--out", default="out/demo", help="โฟลเดอร์ผลลัพธ์ (default out/demo)")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--serve", action="store_true",
                   help="เปิดเว็บตัวอย่างไว้ให้ตรวจเอง จนกด Ctrl-C (serve the demo site to audit it yourself)")
    p.add_argument("--port", type=number(int, 0), default=8569, help="พอร์ตสำหรับ --serve (default 8569)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("eval", help="วัดความแม่นยำบนเว็บที่มีเฉลย (accuracy on sites with ground truth)")
    p.add_argument("--out", default="out/eval")
    p.add_argument("--site", action="append", help="ชื่อเว็บตัวอย่าง (default: ทั้งหมด)")
    p.add_argument("--generated", action="store_true",
                   help="เว็บที่สร้างจากตัวสร้าง (demo/generator) แทนเว็บตัวอย่าง (seeded generated sites)")
    p.add_argument("--split", choices=["tune", "dev", "test"], default="tune",
                   help="ชุด seed: tune (1–499, ใช้ปรับจูน), dev (500–999, ถ้อยคำชุด dev ที่ไม่เคยใช้ปรับจูนแบบแผน) "
                        "หรือ test (1000+, ใช้วัดผลเท่านั้น)")
    p.add_argument("--styles", nargs="+", help="รูปแบบ CMS (default: ทั้งหมด)")
    p.add_argument("--years", nargs="+", type=number(int), help="ปีการประเมิน (default: 2565–2569)")
    p.add_argument("--per-cell", type=number(int), default=2, help="จำนวนเว็บต่อ (style, ปี) (default 2)")
    p.add_argument("--jobs", type=number(int), default=2, help="ตรวจพร้อมกันกี่เว็บ (default 2)")
    p.set_defaults(func=cmd_eval)

    _add_report_parser(sub)
    _add_batch_commands(sub)
    return parser


def _version() -> str:
    try:
        return metadata.version("ita-check")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    if hasattr(signal, "SIGUSR1"):  # `kill -USR1 PID` prints every thread's stack: what a stuck run waits for
        faulthandler.register(signal.SIGUSR1, all_threads=True)
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:  # bare `ita` (or `ita rules`): the help
        (getattr(args, "parser", None) or parser).print_help()
        return EXIT_OK
    try:
        return args.func(args)
    except ItaError as exc:
        for line in exc.problems if isinstance(exc, ProblemsError) else [exc.message]:
            say(f"ผิดพลาด (error): {line}")
        if exc.hint:
            say(f"คำแนะนำ (hint): {exc.hint}")
        return exit_code(exc)
    except KeyboardInterrupt:
        say("หยุดโดยผู้ใช้ (interrupted)")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `ita explain … | head`: the reader has gone, which is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:  # a bug of ours: never a traceback on the user's terminal, but keep it for the report
        with tempfile.NamedTemporaryFile("w", prefix="ita-error-", suffix=".txt", delete=False) as fh:
            traceback.print_exc(file=fh)
        say(f"ผิดพลาดภายในโปรแกรม (internal error); รายละเอียดอยู่ที่ {fh.name} — โปรดแจ้งผู้พัฒนาพร้อมไฟล์นี้ "
            f"(please report it with this file)")
        return EXIT_INTERNAL


# A crawl makes millions of small objects that are never cyclic garbage (records, links, blocks). At Python's
# default thresholds the collector walked them some 600 times in a 2,000-page audit (0.8 s of 12 s), and once
# more, whole, as the interpreter shut down (0.9 s). Measured in bench/speed.py; memory was unchanged.
GC_THRESHOLDS = (20_000, 10, 10)


def run() -> int:
    """The ``ita`` command: :func:`main` with the cyclic collector tuned for the crawl, and no collection of
    the whole heap on the way out (every file is written and closed by then; nothing is left to collect)."""
    gc.set_threshold(*GC_THRESHOLDS)
    code = main()
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(run())
