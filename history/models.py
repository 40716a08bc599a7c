"""The history schema. Changing it means a new Alembic migration in history/migrations/versions."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Run(Base):
    """One batch run: a list of agencies audited against one year's rules."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    state: Mapped[str] = mapped_column(String(16), default="running")  # running, interrupted, finished, abandoned
    year: Mapped[int] = mapped_column(Integer)
    rules_file: Mapped[str] = mapped_column(Text, default="")
    rules_sha256: Mapped[str] = mapped_column(String(64), default="")
    source: Mapped[str] = mapped_column(Text, default="")  # the agency list as given
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    out_dir: Mapped[str] = mapped_column(Text, default="")
    distributed: Mapped[bool] = mapped_column(Boolean, default=False)
    options: Mapped[dict] = mapped_column(JSON, default=dict)  # audit budgets and politeness, for every worker
    agencies: Mapped[int] = mapped_column(Integer, default=0)  # sites to audit
    skipped: Mapped[int] = mapped_column(Integer, default=0)  # agencies of the list without a site to audit
    tool_version: Mapped[str] = mapped_column(String(32), default="")


class Agency(Base):
    __tablename__ = "agencies"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str] = mapped_column(Text, default="")
    district: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, onupdate=now)


class SiteAudit(Base):
    """One agency's site in one run: its place in the queue, who audits it, and what came of it."""

    __tablename__ = "site_audits"
    __table_args__ = (
        UniqueConstraint("run_id", "agency_code", name="uq_site_audits_run_agency"),
        Index("ix_site_audits_run_state", "run_id", "status", "position"),
        Index("ix_site_audits_agency", "agency_code", "run_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"))
    url: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)  # the shuffled order
    status: Mapped[str] = mapped_column(String(32), default="queued")  # model.batch.SiteStatus
    message: Mapped[str] = mapped_column(Text, default="")
    worker: Mapped[str] = mapped_column(String(200), default="")
    claims: Mapped[int] = mapped_column(Integer, default=0)  # 1 unless a run was resumed or a worker died
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    oit_score: Mapped[float | None] = mapped_column(Float)
    present: Mapped[int | None] = mapped_column(Integer)
    total_items: Mapped[int | None] = mapped_column(Integer)
    complete: Mapped[bool | None] = mapped_column(Boolean)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    crawl_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    cautions: Mapped[list] = mapped_column(JSON, default=list)
    results_path: Mapped[str] = mapped_column(Text, default="")

    verdicts: Mapped[list[ItemVerdictRow]] = relationship(back_populates="audit", cascade="all, delete-orphan",
                                                          passive_deletes=True)


class ItemVerdictRow(Base):
    __tablename__ = "item_verdicts"
    __table_args__ = (UniqueConstraint("audit_id", "item_code", name="uq_item_verdicts_audit_item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("site_audits.id", ondelete="CASCADE"))
    item_code: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # model.verdicts.Status
    present: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(32))  # model.verdicts.Reason
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    confidence: Mapped[str] = mapped_column(String(8), default="")

    audit: Mapped[SiteAudit] = relationship(back_populates="verdicts")
    evidence: Mapped[list[EvidenceRow]] = relationship(back_populates="verdict", cascade="all, delete-orphan",
                                                       passive_deletes=True, order_by="EvidenceRow.rank")


class EvidenceRow(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    verdict_id: Mapped[int] = mapped_column(ForeignKey("item_verdicts.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int] = mapped_column(Integer, default=0)  # 0: the best
    url: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), default="")  # sha256
    hash_of: Mapped[str] = mapped_column(String(8), default="")  # body (a document) or text (a page's text)
    http_status: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    verdict: Mapped[ItemVerdictRow] = relationship(back_populates="evidence")


class Regression(Base):
    """Something worse than in the agency's previous audit: an item lost, evidence now dead, a site down."""

    __tablename__ = "regressions"
    __table_args__ = (Index("ix_regressions_run", "run_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    audit_id: Mapped[int] = mapped_column(ForeignKey("site_audits.id", ondelete="CASCADE"))
    previous_audit_id: Mapped[int | None] = mapped_column(ForeignKey("site_audits.id", ondelete="SET NULL"))
    agency_code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # item_lost, evidence_dead, site_down
    item_code: Mapped[str] = mapped_column(String(16), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
