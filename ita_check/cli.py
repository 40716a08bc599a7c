"""The ``ita`` command: score, rules check, audit, demo, eval.

Each subcommand parses its flags and hands plain values to the package that does the work; messages are
Thai with English beside, and every failure exits non-zero with a line naming the file or URL at fault.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rules.loader import RuleFileError, check_rules, default_year, resolve_rules, shipped_rule_files

EXIT_INPUT = 2
EXIT_UNREACHABLE = 3


def number(kind):
    """An argparse type that also reads Thai digits (--max-pages ๕๐๐)."""
    def parse(text: str):
        from rules.thai import thai_to_arabic_digits

        try:
            return kind(thai_to_arabic_digits(text.strip()))
        except ValueError:
            raise argparse.ArgumentTypeError(f"ต้องเป็นตัวเลข (not a number): {text!r}") from None
    return parse


def _rules_from(args: argparse.Namespace):
    return resolve_rules(args.rules or args.year)


def cmd_score(args: argparse.Namespace) -> int:
    from reports.scorecard import scorecard
    from scoring.calc import ScoreError, ita_score, oit_from_verdicts
    from scoring.tables import InputError, read_oit, read_survey

    rules = _rules_from(args)
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
        for line in problems:
            print(f"ผิดพลาด (error): {line}", file=sys.stderr)
        return EXIT_INPUT
    try:
        score = ita_score(rules, parts["iit"], parts["eit"], oit_from_verdicts(rules.oit, parts["oit"]))
    except ScoreError as exc:
        print(f"ผิดพลาด (error): {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.json:
        json.dump(score.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(scorecard(rules, score))
    return 0


def cmd_rules_check(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files] or list(shipped_rule_files().values())
    bad = 0
    for path in files:
        model, problems = check_rules(path)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            bad += 1
        else:
            print(f"{path}: ถูกต้อง (ok) — ปี {model.year}, OIT {len(model.oit.items)} ข้อ, "
                  f"IIT {len(model.iit.question_codes())} ข้อ, EIT {len(model.eit.question_codes())} ข้อ")
    return EXIT_INPUT if bad else 0


def cmd_rules_list(args: argparse.Namespace) -> int:
    for year, path in shipped_rule_files().items():
        rules = resolve_rules(year)
        mark = " (ค่าเริ่มต้น default)" if year == default_year() else ""
        print(f"{year}: {len(rules.oit.items)} ข้อ OIT, ความเชื่อมั่น {rules.confidence} — {path}{mark}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from ita_check.audit import UnreachableSite, run_audit
    from ita_check.options import AuditOptions

    rules = _rules_from(args)
    options = AuditOptions.from_args(args)
    try:
        result = run_audit(args.url, rules, Path(args.out), options)
    except UnreachableSite as exc:
        print(f"ผิดพลาด (error): {exc}", file=sys.stderr)
        return EXIT_UNREACHABLE
    if not args.quiet:
        from reports.audit_text import audit_summary
        print(audit_summary(result))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ita_check.demo import run_demo

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


def _add_crawl_flags(p: argparse.ArgumentParser) -> None:
    from ita_check.options import AuditOptions

    d = AuditOptions()
    p.add_argument("--max-pages", type=number(int), default=d.max_pages, help=f"จำนวนหน้าสูงสุด (default {d.max_pages})")
    p.add_argument("--max-depth", type=number(int), default=d.max_depth, help=f"ความลึกของลิงก์สูงสุด (default {d.max_depth})")
    p.add_argument("--max-seconds", type=number(int), default=d.max_seconds, help=f"เวลาสูงสุดเป็นวินาที (default {d.max_seconds})")
    p.add_argument("--max-bytes", type=number(int), default=d.max_bytes, help=f"ขนาดสูงสุดต่อไฟล์ (default {d.max_bytes})")
    p.add_argument("--concurrency", type=number(int), default=None, help="คำขอพร้อมกันต่อโฮสต์ (per-host concurrency)")
    p.add_argument("--delay", type=number(float), default=None, help="หน่วงระหว่างคำขอ วินาที (download delay)")
    p.add_argument("--ignore-robots", action="store_true", help="ไม่อ่าน robots.txt (ใช้กับเว็บของหน่วยงานตนเองเท่านั้น)")
    p.add_argument("--no-verify", action="store_true", help="ไม่ตรวจลิงก์หลักฐานซ้ำ (skip live evidence check)")
    p.add_argument("--fresh", action="store_true", help="เริ่มใหม่ ไม่ต่อจากการตรวจที่ค้างไว้ (do not resume)")
    p.add_argument("--allow-private", action="store_true",
                   help="อนุญาตที่อยู่ IP ภายใน (private addresses) — สำหรับเครือข่ายภายในของหน่วยงาน")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ita", description="ita-check: ตรวจความพร้อม ITA/OIT ของเว็บไซต์หน่วยงานภาครัฐ")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("score", help="คำนวณคะแนน ITA จาก IIT/EIT/OIT (compute the ITA score)")
    p.add_argument("--year", help="ปีการประเมิน พ.ศ. (default: ปีล่าสุดที่มีไฟล์กฎ)")
    p.add_argument("--rules", help="ไฟล์กฎ YAML แทนปี (a rule file instead of --year)")
    p.add_argument("--iit", required=True, help="CSV/XLSX ผล IIT")
    p.add_argument("--eit", required=True, help="CSV/XLSX ผล EIT")
    p.add_argument("--oit", required=True, help="CSV/XLSX item,present หรือ results.json ของ ita audit")
    p.add_argument("--json", action="store_true", help="พิมพ์ JSON เท่านั้น")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("rules", help="ไฟล์กฎรายปี (yearly rule files)")
    rsub = p.add_subparsers(dest="rules_command", required=True)
    c = rsub.add_parser("check", help="ตรวจไฟล์กฎ (validate rule files)")
    c.add_argument("files", nargs="*", help="ไฟล์กฎ (default: ทุกไฟล์ที่มากับโปรแกรม)")
    c.set_defaults(func=cmd_rules_check)
    c = rsub.add_parser("list", help="ปีที่มีไฟล์กฎ")
    c.set_defaults(func=cmd_rules_list)

    p = sub.add_parser("audit", help="ตรวจเว็บไซต์หน่วยงานตามข้อ OIT (audit an agency website)")
    p.add_argument("url", help="URL หน้าแรกของเว็บไซต์หน่วยงาน")
    p.add_argument("--year", help="ปีการประเมิน พ.ศ.")
    p.add_argument("--rules", help="ไฟล์กฎ YAML แทนปี")
    p.add_argument("--out", required=True, help="โฟลเดอร์ผลลัพธ์ (results.json, evidence.csv, pages.jsonl)")
    p.add_argument("--name", help="ชื่อหน่วยงาน (default: จาก title ของหน้าแรก)")
    p.add_argument("--quiet", action="store_true", help="ไม่แสดงความคืบหน้าและสรุป")
    _add_crawl_flags(p)
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("demo", help="เปิดเว็บตัวอย่างบน 127.0.0.1 แล้วตรวจทั้งกระบวนการ")
    p.add_argument("--out", default="out/demo", help="โฟลเดอร์ผลลัพธ์ (default out/demo)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("eval", help="วัดความแม่นยำบนเว็บที่มีเฉลย (accuracy on sites with ground truth)")
    p.add_argument("--out", default="out/eval")
    p.add_argument("--site", action="append", help="ชื่อเว็บตัวอย่าง (default: ทั้งหมด)")
    p.add_argument("--generated", action="store_true",
                   help="เว็บที่สร้างจากตัวสร้าง (demo/generator) แทนเว็บตัวอย่าง (seeded generated sites)")
    p.add_argument("--split", choices=["tune", "test"], default="tune",
                   help="ชุด seed: tune (1–499, ใช้ปรับจูน) หรือ test (1000+, ใช้วัดผลเท่านั้น)")
    p.add_argument("--styles", nargs="+", help="รูปแบบ CMS (default: ทั้งหมด)")
    p.add_argument("--years", nargs="+", type=number(int), help="ปีการประเมิน (default: 2565–2569)")
    p.add_argument("--per-cell", type=number(int), default=2, help="จำนวนเว็บต่อ (style, ปี) (default 2)")
    p.add_argument("--jobs", type=number(int), default=2, help="ตรวจพร้อมกันกี่เว็บ (default 2)")
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except RuleFileError as exc:
        for problem in exc.problems:
            print(f"ผิดพลาด (error): {problem}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("หยุดโดยผู้ใช้ (interrupted); ผลที่เก็บแล้วยังอยู่ และจะทำต่อได้เมื่อสั่งซ้ำ", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
