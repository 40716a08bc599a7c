"""What the batch and the workers read and write: runs, the site queue of a run, each site's outcome.

Claims make a run idempotent: a site is audited by whoever claims it first; a claim is taken again only
when its holder stopped (interrupted) or stopped sending heartbeats (a killed worker), and then the audit
folder resumes the crawl rather than starting it over.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import selectinload

from history.db import History
from history.models import Agency, EvidenceRow, ItemVerdictRow, Regression, Run, SiteAudit, now
from history.regressions import find_regressions
from model.batch import PENDING, SiteStatus
from model.results import AuditResults

CHUNK = 500


@dataclass
class SiteResult:
    """What became of one site, as the store keeps it."""

    status: SiteStatus
    message: str = ""
    results: AuditResults | None = None
    results_path: str = ""
    fetched: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # url → (sha256, body|text, HTTP status)
    dead: dict[str, str] = field(default_factory=dict)  # url → why it failed in this audit
    fetched_at: datetime | None = None


def utc(value: datetime | None) -> datetime | None:
    """SQLite gives datetimes back without a zone; they were stored in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class Store:
    def __init__(self, history: History):
        self.history = history

    # -- runs ------------------------------------------------------------------------------------------------
    def create_run(self, **values) -> Run:
        with self.history.session() as session, session.begin():
            run = Run(**values)
            session.add(run)
        return run

    def run(self, run_id: int) -> Run | None:
        with self.history.session() as session:
            return session.get(Run, run_id)

    def latest_run(self, out_dir: str) -> Run | None:
        with self.history.session() as session:
            return session.scalars(select(Run).where(Run.out_dir == out_dir).order_by(Run.id.desc()).limit(1)).first()

    def set_run_state(self, run_id: int, state: str) -> None:
        values = {"state": state}
        if state == "finished":
            values["finished_at"] = now()
        with self.history.session() as session, session.begin():
            session.execute(update(Run).where(Run.id == run_id).values(**values))

    # -- agencies and the queue ------------------------------------------------------------------------------
    def upsert_agencies(self, agencies: Iterable) -> None:
        """Agencies by code: name, kind, province, district and URL as the newest list gives them."""
        batch: list = []
        for agency in agencies:
            batch.append(agency)
            if len(batch) >= CHUNK:
                self._upsert(batch)
                batch = []
        if batch:
            self._upsert(batch)

    def _upsert(self, batch: list) -> None:
        with self.history.session() as session, session.begin():
            known = {a.code: a for a in session.scalars(select(Agency).where(Agency.code.in_([b.code for b in batch])))}
            for item in batch:
                row = known.get(item.code)
                if row is None:
                    session.add(Agency(code=item.code, name=item.name, kind=item.kind, province=item.province,
                                       district=item.district, url=item.url))
                else:
                    row.name, row.kind, row.province, row.district, row.url = (
                        item.name, item.kind, item.province, item.district, item.url)

    def queue_sites(self, run_id: int, agencies: list, seed: int | None = None) -> None:
        """One queued row per site, in shuffled order (the order is kept, so a resumed run goes on with it)."""
        order = list(range(len(agencies)))
        random.Random(seed).shuffle(order)
        rows = [{"run_id": run_id, "agency_code": a.code, "url": a.url, "position": order[i], "status": SiteStatus.QUEUED,
                 "message": "", "worker": "", "claims": 0, "pages": 0, "documents": 0, "errors": 0,
                 "crawl_seconds": 0.0, "cautions": [], "results_path": ""} for i, a in enumerate(agencies)]
        for start in range(0, len(rows), CHUNK):
            with self.history.session() as session, session.begin():
                session.execute(SiteAudit.__table__.insert(), rows[start:start + CHUNK])

    def counts(self, run_id: int) -> dict[str, int]:
        with self.history.session() as session:
            return dict(session.execute(select(SiteAudit.status, func.count()).where(SiteAudit.run_id == run_id)
                                        .group_by(SiteAudit.status)).all())

    def iter_claimable(self, run_id: int, lease_seconds: float) -> Iterator[tuple[str, str]]:
        """(code, url) of every claimable site, in queue order, read in chunks."""
        last = -1
        while True:
            with self.history.session() as session:
                rows = session.execute(select(SiteAudit.position, SiteAudit.agency_code, SiteAudit.url)
                                       .where(SiteAudit.run_id == run_id, SiteAudit.position > last,
                                              self._claimable(lease_seconds))
                                       .order_by(SiteAudit.position).limit(CHUNK)).all()
            if not rows:
                return
            for position, code, url in rows:
                last = position
                yield code, url

    @staticmethod
    def _claimable(lease_seconds: float):
        stale = now() - timedelta(seconds=lease_seconds)
        return or_(SiteAudit.status.in_([SiteStatus.QUEUED, SiteStatus.INTERRUPTED]),
                   and_(SiteAudit.status == SiteStatus.RUNNING,
                        or_(SiteAudit.heartbeat_at.is_(None), SiteAudit.heartbeat_at < stale)))

    def claim(self, run_id: int, code: str, worker: str, lease_seconds: float) -> SiteAudit | None:
        """Take the site for this worker, or None when it is done or another worker holds it."""
        moment = now()
        with self.history.session() as session, session.begin():
            result = session.execute(
                update(SiteAudit)
                .where(SiteAudit.run_id == run_id, SiteAudit.agency_code == code, self._claimable(lease_seconds))
                .values(status=SiteStatus.RUNNING, worker=worker, claimed_at=moment, heartbeat_at=moment,
                        claims=SiteAudit.claims + 1, started_at=func.coalesce(SiteAudit.started_at, moment)))
            if result.rowcount != 1:
                return None
            return session.scalars(select(SiteAudit).where(SiteAudit.run_id == run_id,
                                                           SiteAudit.agency_code == code)).one()

    def heartbeat(self, audit_ids: Iterable[int]) -> None:
        ids = list(audit_ids)
        if not ids:
            return
        with self.history.session() as session, session.begin():
            session.execute(update(SiteAudit).where(SiteAudit.id.in_(ids), SiteAudit.status == SiteStatus.RUNNING)
                            .values(heartbeat_at=now()))

    def release(self, audit_id: int, status: SiteStatus = SiteStatus.INTERRUPTED, message: str = "") -> None:
        with self.history.session() as session, session.begin():
            session.execute(update(SiteAudit).where(SiteAudit.id == audit_id).values(status=status, message=message))

    def stale(self, run_id: int, lease_seconds: float) -> list[str]:
        """Sites whose holder stopped: interrupted, or running without a heartbeat for the lease."""
        stale = now() - timedelta(seconds=lease_seconds)
        with self.history.session() as session:
            return list(session.scalars(select(SiteAudit.agency_code).where(
                SiteAudit.run_id == run_id,
                or_(SiteAudit.status == SiteStatus.INTERRUPTED,
                    and_(SiteAudit.status == SiteStatus.RUNNING, SiteAudit.heartbeat_at < stale)))))

    # -- outcomes ----------------------------------------------------------------------------------------------
    def save(self, audit_id: int, result: SiteResult) -> list[Regression]:
        """Store one site's outcome with its verdicts and evidence, and the regressions since its last audit."""
        with self.history.session() as session, session.begin():
            audit = session.get(SiteAudit, audit_id)
            run = session.get(Run, audit.run_id)
            audit.status = result.status
            audit.message = result.message[:4000]
            audit.finished_at = now()
            audit.results_path = result.results_path
            session.execute(delete(ItemVerdictRow).where(ItemVerdictRow.audit_id == audit_id))
            session.execute(delete(Regression).where(Regression.audit_id == audit_id))
            results = result.results
            if results is not None:
                audit.oit_score = results.oit.score
                audit.present, audit.total_items = results.oit.present, results.oit.total_items
                audit.complete = results.complete
                audit.pages, audit.documents, audit.errors = results.crawl.pages, results.crawl.documents, results.crawl.errors
                audit.crawl_seconds = results.crawl.crawl_seconds
                audit.cautions = [c.code.value for c in results.cautions]
                fetched_at = result.fetched_at or now()
                for item in results.items:
                    row = ItemVerdictRow(audit_id=audit_id, item_code=item.code, status=item.status.value,
                                         present=item.present, reason=item.reason.value, detail=item.detail,
                                         confidence=item.confidence or "")
                    for rank, url in enumerate(item.urls):
                        digest, hash_of, status = result.fetched.get(url, ("", "", None))
                        row.evidence.append(EvidenceRow(rank=rank, url=url, content_hash=digest, hash_of=hash_of,
                                                        http_status=status, fetched_at=fetched_at))
                    session.add(row)
            else:
                audit.oit_score = audit.present = audit.total_items = audit.complete = None
                audit.cautions = []
            session.flush()
            previous = self._previous(session, audit, run)
            found = find_regressions(previous, result.status, results, result.dead) if previous is not None else []
            rows = [Regression(run_id=audit.run_id, audit_id=audit_id, previous_audit_id=previous.id,
                               agency_code=audit.agency_code, kind=r.kind, item_code=r.item, detail=r.detail)
                    for r in found]
            session.add_all(rows)
        return rows

    @staticmethod
    def _previous(session, audit: SiteAudit, run: Run) -> SiteAudit | None:
        """The agency's last finished audit in an earlier run of the same year."""
        query = (select(SiteAudit).join(Run, Run.id == SiteAudit.run_id)
                 .where(SiteAudit.agency_code == audit.agency_code, SiteAudit.run_id < audit.run_id,
                        Run.year == run.year, SiteAudit.status.not_in(list(PENDING)))
                 .options(selectinload(SiteAudit.verdicts).selectinload(ItemVerdictRow.evidence))
                 .order_by(SiteAudit.run_id.desc()).limit(1))
        return session.scalars(query).first()

    # -- reading -----------------------------------------------------------------------------------------------
    def audits(self, run_id: int) -> list[tuple[SiteAudit, Agency]]:
        with self.history.session() as session:
            return [tuple(row) for row in session.execute(select(SiteAudit, Agency).join(Agency, Agency.code == SiteAudit.agency_code)
                                        .where(SiteAudit.run_id == run_id).order_by(SiteAudit.agency_code))]

    def verdicts(self, run_id: int) -> dict[int, dict[str, bool]]:
        """audit id → item code → present, for every audit of the run."""
        out: dict[int, dict[str, bool]] = {}
        with self.history.session() as session:
            rows = session.execute(select(ItemVerdictRow.audit_id, ItemVerdictRow.item_code, ItemVerdictRow.present)
                                   .join(SiteAudit, SiteAudit.id == ItemVerdictRow.audit_id)
                                   .where(SiteAudit.run_id == run_id))
            for audit_id, code, present in rows:
                out.setdefault(audit_id, {})[code] = present
        return out

    def regressions(self, run_id: int) -> list[tuple[Regression, Agency]]:
        with self.history.session() as session:
            return [tuple(row) for row in session.execute(select(Regression, Agency).join(Agency, Agency.code == Regression.agency_code)
                                        .where(Regression.run_id == run_id)
                                        .order_by(Regression.agency_code, Regression.kind, Regression.item_code))]

    def find_agency(self, text: str) -> list[Agency]:
        with self.history.session() as session:
            exact = session.get(Agency, text)
            if exact is not None:
                return [exact]
            return list(session.scalars(select(Agency).where(Agency.name.contains(text)).order_by(Agency.code).limit(20)))

    def agency_audits(self, code: str, year: int | None = None, limit: int = 12) -> list[tuple[SiteAudit, Run]]:
        """The agency's audits, oldest first, with their verdicts and evidence loaded."""
        with self.history.session() as session:
            query = (select(SiteAudit, Run).join(Run, Run.id == SiteAudit.run_id)
                     .where(SiteAudit.agency_code == code, SiteAudit.status.not_in(list(PENDING)))
                     .options(selectinload(SiteAudit.verdicts).selectinload(ItemVerdictRow.evidence))
                     .order_by(SiteAudit.run_id.desc()).limit(limit))
            if year is not None:
                query = query.where(Run.year == year)
            return [tuple(row) for row in reversed(session.execute(query).all())]
