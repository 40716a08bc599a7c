"""The history database on SQLite and on a real PostgreSQL server: schema by migrations, claims that make
runs idempotent, verdicts with evidence, regressions between runs, and an agency's items over time."""

from __future__ import annotations

import itertools
import threading
from types import SimpleNamespace

import pytest
from services import new_database

from history.db import current_revision, head_revision, open_history
from history.store import SiteResult, Store
from history.view import history_data, history_text
from model.batch import SiteStatus
from model.errors import BadInput, ServiceUnreachable
from model.results import Agency, AuditResults, CrawlInfo, OitSummary, RulesInfo
from model.verdicts import ItemVerdict, Reason, Status

_names = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        history = open_history(None, tmp_path)
    else:
        history = open_history(new_database(request.getfixturevalue("postgres_url"), f"t{next(_names)}"))
    yield Store(history)
    history.dispose()


def agency(code: str, name: str = "อบต.ทดสอบ", url: str = "http://www.test.go.th/"):
    return SimpleNamespace(code=code, name=name, kind="อบต.", province="กระบี่", district="เมือง", url=url)


def results(items: dict[str, tuple[Status, list[str]]], score: float = 50.0) -> AuditResults:
    verdicts = [ItemVerdict(code=code, name=code, indicator="9", subindicator="9.1", status=status,
                            reason=Reason.FOUND if status is Status.PRESENT else Reason.BROKEN_LINK,
                            detail={} if status is Status.PRESENT else {"status": 404}, urls=urls)
                for code, (status, urls) in items.items()]
    return AuditResults(agency=Agency(url="http://www.test.go.th/", name="อบต.ทดสอบ"), year=2569,
                        rules=RulesInfo(year=2569, title="ITA 2569"), crawl=CrawlInfo(pages=5), items=verdicts,
                        oit=OitSummary(score=score, indicators={}, subindicators={},
                                       present=sum(1 for v in verdicts if v.present), total_items=len(verdicts)))


def new_run(store: Store, agencies: list) -> int:
    store.upsert_agencies(agencies)
    run = store.create_run(year=2569, source="list.csv", out_dir="/tmp/x", agencies=len(agencies))
    store.queue_sites(run.id, agencies, seed=1)
    return run.id


def test_the_schema_comes_from_the_migrations_and_matches_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from history.models import Base

    assert current_revision(store.history) == head_revision()
    with store.history.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata) == []


def test_a_site_is_claimed_once_and_only_a_dead_claim_is_taken_over(store):
    run_id = new_run(store, [agency("6800001"), agency("6800002")])
    claims = []
    threads = [threading.Thread(target=lambda: claims.append(store.claim(run_id, "6800001", "w", 180))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(1 for c in claims if c is not None) == 1
    assert store.claim(run_id, "6800001", "other", 180) is None  # held, with a fresh heartbeat
    taken = store.claim(run_id, "6800001", "other", 0)  # no heartbeat within the lease: the holder died
    assert taken is not None and taken.claims == 2
    store.save(taken.id, SiteResult(SiteStatus.REFUSED, "connection refused"))
    assert store.claim(run_id, "6800001", "late", 0) is None  # done: never audited again
    assert store.counts(run_id) == {"refused": 1, "queued": 1}
    assert [code for code, _ in store.iter_claimable(run_id, 180)] == ["6800002"]


def test_regressions_between_runs_and_the_agency_history(store):
    code = "6800001"
    first = new_run(store, [agency(code)])
    audit = store.claim(first, code, "w", 180)
    store.save(audit.id, SiteResult(SiteStatus.OK, results=results({
        "O1": (Status.PRESENT, ["http://www.test.go.th/o1.pdf"]),
        "O2": (Status.PRESENT, ["http://www.test.go.th/o2.html"]),
        "O3": (Status.ABSENT, [])}),
        fetched={"http://www.test.go.th/o1.pdf": ("ab" * 32, "body", 200)}))
    second = new_run(store, [agency(code)])
    audit = store.claim(second, code, "w", 180)
    found = store.save(audit.id, SiteResult(SiteStatus.OK, results=results({
        "O1": (Status.PRESENT, ["http://www.test.go.th/o1-new.pdf"]),
        "O2": (Status.ABSENT, []), "O3": (Status.PRESENT, ["http://www.test.go.th/o3.html"])}),
        dead={"http://www.test.go.th/o1.pdf": "HTTP 404", "http://www.test.go.th/o2.html": "HTTP 404"}))
    kinds = sorted((r.kind, r.item_code) for r in found)
    assert kinds == [("evidence_dead", "O1"), ("evidence_dead", "O2"), ("item_lost", "O2")]
    third = new_run(store, [agency(code)])
    audit = store.claim(third, code, "w", 180)
    found = store.save(audit.id, SiteResult(SiteStatus.DNS, "DNS lookup failed"))
    assert [(r.kind, r.detail["now"]) for r in found] == [("site_down", "dns")]
    assert [r.kind for r, _ in store.regressions(third)] == ["site_down"]

    data = history_data(store, code)
    assert [a["status"] for a in data["audits"]] == ["ok", "ok", "dns"]
    assert [cell["present"] if cell else None for cell in data["items"]["O2"]] == [True, False, None]
    assert data["items"]["O1"][0]["hashes"] == ["ab" * 32]
    text = history_text(data)
    assert "อบต.ทดสอบ" in text and "O2" in text and "ไม่พบชื่อโดเมน" in text
    assert history_data(store, "ทดสอบ")["agency"]["code"] == code  # by a part of the name
    with pytest.raises(BadInput):
        history_data(store, "ไม่มีหน่วยงานนี้")


def test_database_urls_that_cannot_be_used(tmp_path):
    for bad in ("mysql://u@h/db", "sqlite://", "::not a url::/x://"):
        with pytest.raises(BadInput) as caught:
            open_history(bad)
        assert "--db" in caught.value.message
    with pytest.raises(ServiceUnreachable) as caught:
        open_history("postgresql://ita:secret@127.0.0.1:9/ita")
    assert "127.0.0.1:9" in caught.value.message and "secret" not in caught.value.message
