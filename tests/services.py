"""Real Redis and PostgreSQL servers for tests, started in temporary folders on 127.0.0.1 and stopped after.

Debian's ``redis-server`` and ``postgresql`` (installed by .ci/run) are used as they are; no system service
is touched. PostgreSQL refuses to run as root, so as root its commands run as the ``postgres`` user.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN_DIRS = [Path(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)] if Path(
    "/usr/lib/postgresql").is_dir() else []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_port(port: int, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def redis_binary() -> str | None:
    return shutil.which("redis-server")


@contextmanager
def redis_server() -> Iterator[str]:
    folder = Path(tempfile.mkdtemp(prefix="ita-redis-"))
    port = free_port()
    process = subprocess.Popen([redis_binary(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
                                "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def pg_bin(name: str) -> str | None:
    for folder in PG_BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    return shutil.which(name)


@contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL cluster of its own; yields the URL of an empty database."""
    folder = Path(tempfile.mkdtemp(prefix="ita-pg-"))
    folder.chmod(0o755)
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    port = free_port()
    subprocess.run([*prefix, pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "ita", "-E", "UTF8",
                    "--locale=C", "--no-sync"], check=True, capture_output=True)
    subprocess.run([*prefix, pg_bin("pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "60", "-o",
                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
                    "start"], check=True, capture_output=True)
    try:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={port} user=ita dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE ita")
        yield f"postgresql://ita@127.0.0.1:{port}/ita"
    finally:
        subprocess.run([*prefix, pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def new_database(url: str, name: str) -> str:
    """Another empty database on the same server (one per test that needs a clean history)."""
    import psycopg

    base, _, _ = url.rpartition("/")
    host = url.split("@")[1].split("/")[0]
    hostname, port = host.split(":")
    with psycopg.connect(f"host={hostname} port={port} user=ita dbname=postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"
