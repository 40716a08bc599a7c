"""Open the history database: a SQLite file by default, PostgreSQL by URL; migrated to the newest schema.

``--db`` takes a SQLAlchemy URL (``postgresql://user:pass@host/db``, ``sqlite:///path``) or a plain file
path (SQLite). A URL that cannot be used is a ``BadInput`` naming it (password hidden); a server that does
not answer is a ``ServiceUnreachable`` (exit 3).
"""

from __future__ import annotations

import contextlib
import fcntl
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from model.errors import BadInput, ServiceUnreachable

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_FILE = "history.sqlite"
_LOCK_ID = 7_359_001  # PostgreSQL advisory lock: one process migrates at a time


def shown(url: URL | str) -> str:
    """A URL fit for a message: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True) if isinstance(url, str) else \
            url.render_as_string(hide_password=True)
    except ArgumentError:
        return str(url)


def database_url(value: str | None, out_dir: Path | None = None) -> URL:
    """The SQLAlchemy URL of ``--db`` (or the default SQLite file in the output folder)."""
    if not value:
        if out_dir is None:
            raise BadInput("ต้องระบุ --db หรือ --out (give --db URL or --out DIR)")
        return URL.create("sqlite", database=str((Path(out_dir) / DEFAULT_FILE).resolve()))
    if "://" not in value:
        return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))
    try:
        url = make_url(value)
    except ArgumentError:
        raise BadInput(f"--db {shown(value)}: ไม่ใช่ URL ของฐานข้อมูล (not a database URL)",
                       hint="ตัวอย่าง (e.g.): postgresql://ita:secret@db.example/ita หรือ sqlite:////var/lib/ita/history.sqlite") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise BadInput(f"--db {shown(url)}: ต้องเป็นไฟล์ SQLite (an in-memory database keeps no history)")
        return url
    raise BadInput(f"--db {shown(url)}: รองรับเฉพาะ SQLite และ PostgreSQL (only sqlite:// and postgresql:// URLs)")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer; workers write at once
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class History:
    """An open history database: ``session()`` for work, migrated to the newest revision on open."""

    def __init__(self, url: URL, engine: Engine):
        self.url = url
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def session(self) -> Session:
        return self.sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def open_history(value: str | None, out_dir: Path | None = None, migrate: bool = True) -> History:
    url = database_url(value, out_dir)
    if url.get_backend_name() == "sqlite":
        folder = Path(url.database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(f"--db {shown(url)}: สร้างโฟลเดอร์ไม่ได้ (cannot create {folder}): {exc.strerror}") from None
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False}, pool_size=20,
                               max_overflow=40)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=40,
                                   connect_args={"connect_timeout": 10})
        except (NoSuchModuleError, ArgumentError) as exc:
            raise BadInput(f"--db {shown(url)}: {exc}") from None
    history = History(url, engine)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if url.get_backend_name() == "sqlite":
            raise BadInput(f"--db {shown(url)}: เปิดไฟล์ฐานข้อมูลไม่ได้ (cannot open the database): {reason}") from None
        raise ServiceUnreachable(f"ติดต่อฐานข้อมูลไม่ได้ (the database does not answer): {shown(url)} — {reason}",
                                 hint="ตรวจว่า PostgreSQL ทำงานอยู่ และชื่อผู้ใช้/รหัสผ่านถูกต้อง "
                                      "(check that the server runs and the credentials)") from None
    if migrate:
        upgrade(history)
    return history


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config(None)).get_current_head()


def current_revision(history: History) -> str | None:
    with history.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(history: History) -> None:
    """Bring the schema to the newest revision; several processes may call this at once."""
    if current_revision(history) == head_revision():
        return
    with _migration_lock(history), history.engine.begin() as connection:
        if not history.is_sqlite:
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
        if MigrationContext.configure(connection).get_current_revision() != head_revision():
            command.upgrade(_config(connection), "head")


@contextlib.contextmanager
def _migration_lock(history: History):
    if not history.is_sqlite:
        yield
        return
    lock = Path(history.url.database + ".migrate.lock")
    with lock.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
