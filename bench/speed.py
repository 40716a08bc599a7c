"""Speed of the whole audit against a bare, tuned Scrapy crawl of the same menu-heavy site, in one run.

The site (bench/bigsite.py) is served by nginx when it is installed, as in the issue's measurement, else by
aiohttp in another process. Each command runs in its own process and is timed whole, start-up included;
peak memory is the audit process's own (wait4), not the bench's.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.3
TARGET_PAGES_PER_S = 150
TARGET_MB = 400


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(pages: int):
    """The site's base URL and what serves it."""
    port = free_port()
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx:
        with tempfile.TemporaryDirectory(prefix="ita-bigsite-") as tmp:
            folder = Path(tmp)
            site = folder / "site"
            subprocess.run([sys.executable, str(ROOT / "bench" / "bigsite.py"), "--write", str(site), str(pages)],
                           check=True, capture_output=True)
            for path in (folder, site):
                path.chmod(0o755)
            conf = folder / "nginx.conf"
            conf.write_text(f"""worker_processes 1; daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; default_type text/html; charset utf-8; sendfile on; keepalive_requests 100000;
  server {{ listen 127.0.0.1:{port}; root {site}; location / {{ try_files $uri =404; }} }} }}
""")
            server = subprocess.Popen([nginx, "-c", str(conf), "-p", str(folder)], stderr=subprocess.DEVNULL)
            try:
                _wait_for(port)
                yield f"http://127.0.0.1:{port}", "nginx"
            finally:
                server.terminate()
                server.wait()
        return
    server = subprocess.Popen([sys.executable, str(ROOT / "bench" / "bigsite.py"), str(port), str(pages)],
                              stdout=subprocess.PIPE, text=True)
    try:
        server.stdout.readline()
        yield f"http://127.0.0.1:{port}", "aiohttp"
    finally:
        server.terminate()
        server.wait()


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)


def timed(command: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds, peak RSS in MB of that one process, and its output."""
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    out, err = "", ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - started
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, subprocess.CompletedProcess(command, proc.returncode, out, err)


def compile_bytecode() -> None:
    """Compile ita-check's modules before timing, as ``pip install`` compiles an installed package's, Scrapy's
    among them. Where PYTHONDONTWRITEBYTECODE is set (this machine sets it), Python would otherwise compile
    ours from source on every audit (0.2–0.3 s of start-up), a cost no installed tool pays and the bare
    crawl, whose Scrapy is compiled, does not."""
    import compileall

    for package in ("model", "crawler", "rules", "scoring", "reports", "ita_check"):
        compileall.compile_dir(ROOT / package, quiet=1)


def measure(pages: int, out: Path, repeat: int = 2) -> list[list[str]]:
    compile_bytecode()
    with served(pages) as (base, server):
        start = f"{base}/p0.html"
        bare = min((timed([sys.executable, str(ROOT / "bench" / "bare_crawl.py"), start]) for _ in range(repeat)),
                   key=lambda r: r[0])
        audits = []
        for n in range(repeat):
            audits.append(timed([sys.executable, "-m", "ita_check.cli", "audit", start, "--out", str(out / f"a{n}"),
                                 "--fresh", "--quiet", "--year", "2569", "--max-pages", str(pages + 100)]) + (n,))
        wall, mb, run, n = min(audits, key=lambda r: r[0])
    if run.returncode != 0:
        return [["audit failed", run.stderr[-300:], ""]]
    crawl = json.loads((out / f"a{n}" / "results.json").read_text(encoding="utf-8"))["crawl"]
    bare_pages = int(bare[2].stdout.split()[0]) if bare[2].returncode == 0 else 0
    ratio = wall / bare[0]
    return [
        ["server", server, ""],
        ["bare Scrapy crawl, whole command (s)", f"{bare[0]:.2f}", f"{bare_pages} pages, {bare_pages / bare[0]:.0f} pages/s"],
        ["ita audit, whole command (s)", f"{wall:.2f}", f"{crawl['pages'] / wall:.0f} pages/s (target ≥ {TARGET_PAGES_PER_S})"],
        ["  of which crawl (s)", f"{crawl['crawl_seconds']:.2f}", f"{crawl['pages'] / crawl['crawl_seconds']:.0f} pages/s"],
        ["  of which match + verify + files (s)", f"{crawl['seconds'] - crawl['crawl_seconds']:.2f}", ""],
        ["audit ÷ bare crawl", f"{ratio:.2f}×", f"target ≤ {TARGET_RATIO}×"],
        ["peak memory of the audit process", f"{mb:.0f} MB", f"target ≤ {TARGET_MB} MB"],
    ]
