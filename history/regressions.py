"""Regressions: what got worse for an agency since its previous audit of the same year.

- ``site_down``: the site was audited last time and now cannot be (unreachable, blocked, soft-404 everywhere);
- ``item_lost``: an item present last time is absent now, or needs a person's look (an item merely not
  reached by a crawl that a budget stopped is not counted as lost);
- ``evidence_dead``: a URL that was evidence last time fails now (an HTTP error, no response, or dropped
  by the live re-check), whatever became of the item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model.batch import AUDITED, SUSPECT, TROUBLE, SiteStatus
from model.results import AuditResults
from model.verdicts import Status

SITE_DOWN = "site_down"
ITEM_LOST = "item_lost"
EVIDENCE_DEAD = "evidence_dead"


@dataclass
class Found:
    kind: str
    item: str = ""
    detail: dict = field(default_factory=dict)


def find_regressions(previous, status: SiteStatus, results: AuditResults | None, dead: dict[str, str]) -> list[Found]:
    """``previous``: the agency's last audit (a history.models.SiteAudit with its verdicts)."""
    before = SiteStatus(previous.status)
    found: list[Found] = []
    if before in AUDITED and before not in SUSPECT and status in TROUBLE:
        found.append(Found(SITE_DOWN, detail={"before": before.value, "now": status.value}))
    if before not in AUDITED or results is None:
        return found
    now = {item.code: item for item in results.items}
    for verdict in previous.verdicts:
        if not verdict.present:
            continue
        current = now.get(verdict.item_code)
        if current is not None and not current.present and status not in SUSPECT \
                and current.status is not Status.NOT_REACHED:
            found.append(Found(ITEM_LOST, verdict.item_code, {"status": current.status.value,
                                                               "reason": current.reason.value,
                                                               "reason_detail": current.detail,
                                                               "urls_before": [e.url for e in verdict.evidence][:3]}))
        for evidence in verdict.evidence:
            if evidence.url in dead:
                found.append(Found(EVIDENCE_DEAD, verdict.item_code, {"url": evidence.url, "why": dead[evidence.url]}))
    return found
