"""Regressions sent to a webhook (POST with httpx; respx stands in for the server) or to a command."""

from __future__ import annotations

import json
import sys

import httpx
import respx

from ita_check.batch.notify import notify

BODY = {"run": 2, "year": 2569, "count": 1, "text": "ITA ปี 2569 รอบที่ 2: ถดถอย 1 รายการ",
        "regressions": [{"agency": "6800001", "kind": "item_lost", "item": "O8"}]}


@respx.mock
def test_a_webhook_gets_the_regressions_as_json():
    route = respx.post("https://hooks.example.go.th/ita").mock(return_value=httpx.Response(204))
    line = notify("https://hooks.example.go.th/ita", BODY)
    assert route.called and "notified" in line
    request = route.calls.last.request
    assert json.loads(request.content) == BODY
    assert request.headers["content-type"] == "application/json"


@respx.mock
def test_a_webhook_that_fails_is_reported_not_raised():
    respx.post("https://hooks.example.go.th/ita").mock(return_value=httpx.Response(500))
    assert "notification failed" in notify("https://hooks.example.go.th/ita", BODY)
    respx.post("https://down.example.go.th/ita").mock(side_effect=httpx.ConnectError("refused"))
    assert "ConnectError" in notify("https://down.example.go.th/ita", BODY)


def test_a_command_reads_the_regressions_on_stdin(tmp_path):
    target = tmp_path / "got.json"
    script = f"import sys, pathlib; pathlib.Path({str(target)!r}).write_text(sys.stdin.read(), encoding='utf-8')"
    line = notify(f"{sys.executable} -c \"{script}\"", BODY)
    assert "notified" in line
    assert json.loads(target.read_text(encoding="utf-8")) == BODY
    assert "exit 3" in notify(f"{sys.executable} -c \"import sys; sys.exit(3)\"", BODY)
    assert "notification failed" in notify("/nonexistent/notify-command", BODY)
