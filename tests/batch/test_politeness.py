"""The rate limit shared by every crawl: per host (host:port) and per IP address, in memory or in Redis."""

from __future__ import annotations

import threading
import time

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


def asks(limiter, urls: list[str]) -> list[float]:
    """What the limiter answers to each request asking at (almost) the same moment: 0 = go now."""
    return [limiter.try_acquire(url) for url in urls]


def test_one_host_is_spaced_by_its_rate_and_hosts_on_one_address_share_the_address_rate():
    limiter = LocalLimiter(Politeness(host_rate=1.0, ip_rate=4.0, margin=1.0), SHARED)
    first, second = asks(limiter, ["http://a.go.th/1", "http://a.go.th/2"])
    assert first == 0 and 0.95 <= second <= 1.0 + 0.25 + 0.05  # wait for the host's next slot (+ a little jitter)
    other = LocalLimiter(Politeness(host_rate=1.0, ip_rate=4.0, margin=1.0), SHARED)
    got = asks(other, ["http://a.go.th/", "http://b.go.th/", "http://c.go.th/"])
    assert got[0] == 0 and 0.2 <= got[1] <= 0.55  # another host on the same server waits for the address
    assert got[2] == 0  # a host on another address does not


def test_a_busy_host_does_not_hold_up_the_other_hosts_on_its_address():
    limiter = LocalLimiter(Politeness(host_rate=1.0, ip_rate=4.0, margin=1.0), SHARED)
    assert asks(limiter, ["http://a.go.th/"]) == [0.0]
    for _ in range(5):  # a's requests keep asking: refused, and they take nothing from the address
        assert limiter.try_acquire("http://a.go.th/") > 0.5
    time.sleep(0.3)
    assert limiter.try_acquire("http://b.go.th/") == 0.0


def test_loopback_is_free_unless_asked_and_the_margin_widens_slots():
    free = LocalLimiter(Politeness(), SHARED)
    assert asks(free, ["http://127.0.0.1:9/"] * 5) == [0.0] * 5
    limited = LocalLimiter(Politeness(host_rate=2.0, ip_rate=0, local_limits=True), SHARED)
    got = asks(limited, ["http://127.0.0.1:9/"] * 2)
    assert got[0] == 0 and got[1] >= 1.1 / 2.0 - 0.01


def test_redis_limiter_is_shared_by_every_worker(redis_url):
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    politeness = Politeness(host_rate=5.0, ip_rate=0, margin=1.0)
    workers = [RedisLimiter(politeness, redis.Redis.from_url(redis_url), SHARED) for _ in range(2)]
    granted: list[float] = []
    lock = threading.Lock()

    def take(limiter):
        for _ in range(4):
            limiter.wait("http://a.go.th/")
            with lock:
                granted.append(time.monotonic())

    threads = [threading.Thread(target=take, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Eight grants for one host from two workers: never two within the host's interval (0.2 s).
    moments = sorted(granted)
    assert len(moments) == 8
    assert min(b - a for a, b in zip(moments, moments[1:], strict=False)) >= 0.2 - 0.02
    assert client.pttl("ita:rate:host:a.go.th:80") > 0  # keys expire: Redis does not fill with old hosts
