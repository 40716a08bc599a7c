"""The private-address guard decides from the resolved address, before any request is made."""

from __future__ import annotations

from crawler.guard import PrivateAddressGuard


def fake_resolver(table):
    def resolve(host):
        return table[host]
    return resolve


def test_default_networks_block_private_ranges_and_allow_public_and_loopback():
    guard = PrivateAddressGuard(resolver=fake_resolver({
        "intranet.example": ["10.1.2.3"], "router.example": ["192.168.1.1"], "meta.example": ["169.254.169.254"],
        "agency.example": ["203.0.113.10"], "localhost": ["127.0.0.1"],
    }))
    for host in ("intranet.example", "router.example", "meta.example"):
        assert "private address blocked" in guard.blocked(f"http://{host}/")
    assert guard.blocked("https://agency.example/ita") is None
    assert guard.blocked("http://localhost:8000/") is None


def test_networks_are_configurable_and_allow_private_switches_the_guard_off():
    guard = PrivateAddressGuard(["127.0.0.2/32"], resolver=fake_resolver({"a": ["127.0.0.2"], "b": ["127.0.0.1"]}))
    assert guard.blocked("http://a/") and guard.blocked("http://b/") is None
    assert PrivateAddressGuard(["127.0.0.2/32"], resolver=fake_resolver({"a": ["127.0.0.2"]}), allow=True).blocked("http://a/") is None
