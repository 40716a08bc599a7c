"""History: runs, agencies, site audits, item verdicts, evidence, regressions.

Revision ID: 0001
Revises:
Create Date: 2026-06-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("rules_file", sa.Text(), nullable=False),
        sa.Column("rules_sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("out_dir", sa.Text(), nullable=False),
        sa.Column("distributed", sa.Boolean(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("agencies", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("tool_version", sa.String(32), nullable=False),
    )
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("province", sa.Text(), nullable=False),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "site_audits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("agency_code", sa.String(64), sa.ForeignKey("agencies.code"), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("worker", sa.String(200), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("claimed_at", TZ, nullable=True),
        sa.Column("heartbeat_at", TZ, nullable=True),
        sa.Column("started_at", TZ, nullable=True),
        sa.Column("finished_at", TZ, nullable=True),
        sa.Column("oit_score", sa.Float(), nullable=True),
        sa.Column("present", sa.Integer(), nullable=True),
        sa.Column("total_items", sa.Integer(), nullable=True),
        sa.Column("complete", sa.Boolean(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("crawl_seconds", sa.Float(), nullable=False),
        sa.Column("cautions", sa.JSON(), nullable=False),
        sa.Column("results_path", sa.Text(), nullable=False),
        sa.UniqueConstraint("run_id", "agency_code", name="uq_site_audits_run_agency"),
    )
    op.create_index("ix_site_audits_run_state", "site_audits", ["run_id", "status", "position"])
    op.create_index("ix_site_audits_agency", "site_audits", ["agency_code", "run_id"])
    op.create_table(
        "item_verdicts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("audit_id", sa.Integer(), sa.ForeignKey("site_audits.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_code", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.String(8), nullable=False),
        sa.UniqueConstraint("audit_id", "item_code", name="uq_item_verdicts_audit_item"),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("verdict_id", sa.Integer(), sa.ForeignKey("item_verdicts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("hash_of", sa.String(8), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("fetched_at", TZ, nullable=True),
    )
    op.create_index("ix_evidence_verdict_id", "evidence", ["verdict_id"])
    op.create_table(
        "regressions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("audit_id", sa.Integer(), sa.ForeignKey("site_audits.id", ondelete="CASCADE"), nullable=False),
        sa.Column("previous_audit_id", sa.Integer(), sa.ForeignKey("site_audits.id", ondelete="SET NULL"),
                  nullable=True),
        sa.Column("agency_code", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("item_code", sa.String(16), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_regressions_run", "regressions", ["run_id"])


def downgrade() -> None:
    op.drop_table("regressions")
    op.drop_table("evidence")
    op.drop_table("item_verdicts")
    op.drop_table("site_audits")
    op.drop_table("agencies")
    op.drop_table("runs")
