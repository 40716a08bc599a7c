"""The rate limit shared by every crawl: per host (host:port) and per IP address, in memory or in Redis."""

from __future__ import annotations

import threading

import pytest

from crawler.politeness import AddressBook, LocalLimiter, Politeness, RedisLimiter, host_key


def names(table: dict[str, list[str]]):
    def resolve(host: str) -> list[str]:
        if host not in table:
            raise OSError("no such host")
        return table[host]
    return resolve


SHARED = names({"a.go.th": ["203.0.113.7"], "b.go.th": ["203.0.113.7"], "c.go.th": ["198.51.100.2", "198.51.100.1"]})


def test_keys_are_host_port_and_the_smallest_address():
    assert host_key("https://www.a.go.th/x") == "www.a.go.th:443"
    assert host_key("http://127.0.0.1:8080/") == "127.0.0.1:8080"
    book = AddressBook(SHARED)
    assert book.address("http://c.go.th/") == "198.51.100.1"
    assert book.address("http://unknown.go.th/") == ""  # the download reports the DNS failure


def reservations(limiter, urls: list[str]) -> list[float]:
    return [limiter.reserve(url) for url in urls]


def test_one_host_is_spaced_by_its_rate_and_hosts_on_one_address_share_the_address_rate():
    limiter = LocalLimiter(Politeness(host_rate=1.0, ip_rate=4.0, margin=1.0), SHARED)
    waits = reservations(limiter, ["http://a.go.th/1", "http://a.go.th/2", "http://a.go.th/3"])
    assert waits[0] == 0 and waits[1] == pytest.approx(1.0, abs=0.05) and waits[2] == pytest.approx(2.0, abs=0.05)
    other = LocalLimiter(Politeness(host_rate=1.0, ip_rate=4.0, margin=1.0), SHARED)
    waits = reservations(other, ["http://a.go.th/", "http://b.go.th/", "http://b.go.th/x"])
    assert waits[1] == pytest.approx(0.25, abs=0.05)  # another host, the same server: the address's rate
    assert waits[2] == pytest.approx(1.25, abs=0.05)  # and b's own host rate


def test_loopback_is_free_unless_asked_and_the_margin_widens_slots():
    free = LocalLimiter(Politeness(), SHARED)
    assert reservations(free, ["http://127.0.0.1:9/"] * 5) == [0.0] * 5
    limited = LocalLimiter(Politeness(host_rate=2.0, ip_rate=0, local_limits=True), SHARED)
    waits = reservations(limited, ["http://127.0.0.1:9/"] * 3)
    assert waits[2] == pytest.approx(2 * 1.1 / 2.0, abs=0.05)


def test_redis_limiter_is_shared_by_every_worker(redis_url):
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    politeness = Politeness(host_rate=2.0, ip_rate=0, margin=1.0)
    workers = [RedisLimiter(politeness, redis.Redis.from_url(redis_url), SHARED) for _ in range(2)]
    waits: list[float] = []
    lock = threading.Lock()

    def take(limiter):
        for _ in range(5):
            got = limiter.reserve("http://a.go.th/")
            with lock:
                waits.append(got)

    threads = [threading.Thread(target=take, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Ten reservations for one host from two workers: ten distinct slots half a second apart.
    slots = sorted(waits)
    assert slots[0] == pytest.approx(0.0, abs=0.05)
    assert all(b - a == pytest.approx(0.5, abs=0.05) for a, b in zip(slots, slots[1:], strict=False))
    assert client.pttl("ita:rate:host:a.go.th:80") > 0  # keys expire: Redis does not fill with old hosts
