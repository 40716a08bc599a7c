"""The reliability table (`make reliability`): every fault of tests/faultserver.py, audited alone.

For each fault: whether the audit survived it (finished, or for a site that cannot be reached at all: exit
status 3 naming the fault, never a traceback), the items affected (items whose verdict names the fault;
'all' when the site cannot be reached), the data lost (pages fetched but missing from the outputs, pages of
the site not reached because of the fault, items decided differently after a kill; must be 0), the time
taken and the audit process's peak memory (its own resident set, from wait4).

    python bench/reliability.py [--json FILE] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from faultserver import FAULTS, SITE_FAULTS, FaultServer, link_for, run_measured, warm  # noqa: E402

from model.results import AuditResults  # noqa: E402
from model.verdicts import Status  # noqa: E402
from model.wording import verdict_reason  # noqa: E402

ENV = {"ITA_PRIVATE_NETWORKS": "127.0.0.2/32", "ITA_DOWNLOAD_TIMEOUT": os.environ.get("ITA_DOWNLOAD_TIMEOUT", "5")}
MEMORY_LIMIT_MB = 500


@dataclass
class Row:
    fault: str
    survived: bool
    affected: str
    lost: int
    seconds: float
    peak_mb: float
    note: str = ""


def _audit(url: str, out: Path, env: dict | None = None, kill_after: float | None = None):
    return run_measured(["-m", "ita_check.cli", "audit", url, "--year", "2569", "--out", str(out), "--quiet"],
                        env={**ENV, **(env or {})}, timeout=600, kill_after=kill_after, cwd=str(ROOT))


def _lost(out: Path, server: FaultServer) -> tuple[int, str]:
    """Pages fetched but missing from pages.jsonl, and the site's healthy pages not reached."""
    pages = {json.loads(line)["url"]: json.loads(line) for line in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()}
    records = [json.loads(line) for line in (out / "crawl" / "records.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    missing = [r["url"] for r in records if r.get("kind") != "probe" and r["url"] not in pages]
    about = pages.get(server.base + "/about.html")
    unreached = 0 if about and about["status"] == 200 else 1
    return len(missing) + unreached, (f"missing {missing[:2]}" if missing else "") + (" about.html not reached" if unreached else "")


def item_fault(fault, work: Path) -> Row:
    with FaultServer(huge_robots_txt=fault.name == "huge_robots_txt") as server:
        out = work / fault.name
        run = _audit(f"{server.base}/s/{fault.name}/", out)
        if run.returncode != 0:
            return Row(fault.name, False, "?", 0, run.seconds, run.peak_rss_mb, run.stderr.strip().splitlines()[-1][:90])
        results = AuditResults.load(out / "results.json")
        lost, note = _lost(out, server)
        pages = {json.loads(line)["url"]: json.loads(line) for line in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()}
        record = pages.get(link_for(fault, server), {})
        if fault.item and fault.outcome == "survived":
            item = results.item(fault.item)
            ok = item.status is Status.PRESENT
            affected = "0" if ok else f"1 ({fault.item}: {verdict_reason(item)[:40]})"
            lost += 0 if ok else 1  # a page the fault should not have cost
        elif fault.item:
            item = results.item(fault.item)
            said = verdict_reason(item)
            ok = fault.words in said and record.get("failure") == fault.outcome
            affected = f"1 ({fault.item}: {said[:48]})"
        else:
            ok = fault.outcome in ("survived", "trap") or record.get("failure") == fault.outcome
            affected = "0"
            if fault.name == "endless_calendar":
                note = (note + f" calendar pages fetched: {server.hit('/f/calendar')}").strip()
                ok = ok and server.hit("/f/calendar") <= 30
            if fault.name == "huge_robots_txt":
                note = (note + " robots.txt 6 MB, first 500 KiB read").strip()
        ok = ok and sum(server.intranet_hits.values()) == 0 and run.peak_rss_mb < MEMORY_LIMIT_MB
        return Row(fault.name, ok, affected, lost, run.seconds, run.peak_rss_mb, note)


SITE_LEVEL = [("site_403", "/start/403", "เว็บไซต์ปฏิเสธการเข้าถึง (403)"), ("site_503", "/start/503", "เซิร์ฟเวอร์ขัดข้อง (HTTP 503)"),
              ("site_timeout", "/start/slow", "หมดเวลา"), ("site_reset", "/start/reset", "การเชื่อมต่อถูกตัดกลางทาง"),
              ("site_tls", "tls", "เชื่อมต่อแบบปลอดภัยไม่ได้"), ("site_refused", "refused", "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ"),
              ("site_private", "private", "ที่อยู่ในเครือข่ายภายใน")]


def site_fault(name: str, start: str, words: str, work: Path) -> Row:
    with FaultServer(huge_robots_txt=False) as server:
        url = {"tls": f"https://127.0.0.1:{server.port}/", "refused": "http://127.0.0.1:9/",
               "private": f"http://127.0.0.2:{server.port}/"}.get(start, server.base + start)
        run = _audit(url, work / name)
        ok = run.returncode == 3 and words in run.stderr and "Traceback" not in run.stderr
        ok = ok and sum(server.intranet_hits.values()) == 0 and run.peak_rss_mb < MEMORY_LIMIT_MB
        return Row(name, ok, "all (exit 3)", 0, run.seconds, run.peak_rss_mb, "" if ok else run.stderr.strip()[-90:])


def circuit_breaker(work: Path) -> Row:
    with FaultServer(huge_robots_txt=False) as server:
        run = _audit(server.base + "/cb/", work / "circuit")
        ok = run.returncode == 0 and AuditResults.load(work / "circuit" / "results.json").crawl.stop_reason == "circuit_open"
        hits = server.hit("/f/503")
        return Row("circuit_breaker (150 failing pages)", ok and hits < 100, "0", 0, run.seconds, run.peak_rss_mb,
                   f"{hits} requests of 300 possible, stop reason circuit_open")


REBIND = textwrap.dedent("""
    import sys
    from pathlib import Path
    from crawler.run import CrawlConfig, crawl
    calls = []
    def resolver(host):
        calls.append(host)
        return ["127.0.0.1"] if len(calls) == 1 else ["127.0.0.2"]
    crawl(f"http://agency.test:{sys.argv[1]}/", Path(sys.argv[2]),
          CrawlConfig(private_networks=("127.0.0.2/32",), resolver=resolver, obey_robots=False, max_seconds=60))
""")


def rebinding(work: Path) -> Row:
    with FaultServer(huge_robots_txt=False) as server:
        run = run_measured(["-c", REBIND, str(server.port), str(work / "rebind")], timeout=120, cwd=str(ROOT))
        leaked = sum(server.intranet_hits.values())
        records = (work / "rebind" / "records.jsonl").read_text(encoding="utf-8")
        ok = run.returncode == 0 and leaked == 0 and '"failure":"private_address"' in records
        return Row("dns_rebinding (127.0.0.1 then 127.0.0.2)", ok, "all (start refused)", 0, run.seconds, run.peak_rss_mb,
                   f"requests reaching 127.0.0.2: {leaked}")


def kill_resume(work: Path, kills: int = 3, seed: int = 2569) -> Row:
    from support import DEMO, TRUTH

    from ita_check.siteserver import SiteConfig, serve

    def verdicts(out: Path) -> dict:
        data = json.loads((out / "results.json").read_text(encoding="utf-8"))
        return {i["code"]: (i["status"], i["reason"], i["urls"]) for i in data["items"]}

    with serve(SiteConfig(DEMO / "site", title=TRUTH["name"])) as base:
        url = base + "/public/"
        whole = _audit(url, work / "whole")
        expected = verdicts(work / "whole")
        rng = random.Random(seed)
        seconds, peak, done = 0.0, 0.0, 0
        for _ in range(kills):
            run = _audit(url, work / "killed", kill_after=rng.uniform(0.3, whole.seconds * 0.5))
            seconds, peak, done = seconds + run.seconds, max(peak, run.peak_rss_mb), done + (run.returncode == -9)
        final = _audit(url, work / "killed")
        got = verdicts(work / "killed")
        differing = sum(1 for code in expected if got.get(code) != expected[code])
        return Row(f"sigkill_resume ({done} kills, seed {seed})", final.returncode == 0 and differing == 0, "0", differing,
                   seconds + final.seconds, max(peak, final.peak_rss_mb), "items equal to an uninterrupted run" if not differing else "")


def table(rows: list[Row]) -> str:
    lines = ["| fault | survived | items affected | data lost | time (s) | peak memory (MB) | note |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.fault} | {'yes' if r.survived else 'NO'} | {r.affected} | {r.lost} | {r.seconds:.1f} | "
                     f"{r.peak_mb:.0f} | {r.note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the rows as JSON to this file")
    parser.add_argument("--only", nargs="*", help="fault names to run (default: all)")
    args = parser.parse_args(argv)
    warm()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="ita-reliability-") as folder:
        work = Path(folder)
        jobs = [(f.name, lambda f=f: item_fault(f, work)) for f in FAULTS + SITE_FAULTS]
        jobs += [(name, lambda n=name, s=start, w=words: site_fault(n, s, w, work)) for name, start, words in SITE_LEVEL]
        jobs += [("circuit_breaker", lambda: circuit_breaker(work)), ("dns_rebinding", lambda: rebinding(work)),
                 ("sigkill_resume", lambda: kill_resume(work))]
        for name, job in jobs:
            if args.only and name not in args.only:
                continue
            try:
                row = job()
            except (OSError, ValueError, KeyError, subprocess.SubprocessError) as exc:
                row = Row(name, False, "?", 0, 0.0, 0.0, f"{type(exc).__name__}: {exc}"[:90])
            rows.append(row)
            print(f"{row.fault}: {'survived' if row.survived else 'NOT SURVIVED'} in {row.seconds:.1f} s, "
                  f"{row.peak_mb:.0f} MB", file=sys.stderr, flush=True)
    print(table(rows))
    worst = max((r.peak_mb for r in rows), default=0)
    print(f"\n{sum(r.survived for r in rows)}/{len(rows)} faults survived, data lost {sum(r.lost for r in rows)}, "
          f"peak memory {worst:.0f} MB (limit {MEMORY_LIMIT_MB} MB)")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if all(r.survived and r.lost == 0 for r in rows) and worst < MEMORY_LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
