#!/usr/bin/env python3
"""HTTP load for bench/demands/run.sh, standard library only; every loop is bounded in count.

  raise BASE USER PASSWORD CLIENTS PER_CLIENT BODY_JSON
      POSTs BODY_JSON to /api/v1/demands (HTTP Basic) from CLIENTS threads, PER_CLIENT each, and as a
      baseline GETs /api/v1/demands/categories with the same credentials and concurrency; prints
      requests per second of both and their ratio.
  latency BASE COUNT NAME=SPEC ...
      SPEC is basic:USER:PASSWORD:PATH, session:USER:PASSWORD:PATH (form login once, then the session
      cookie), bearer:USER:PASSWORD:PATH (one POST /api/v1/accounts/token with HTTP Basic, then the bearer
      token) or anon:::PATH; after 3 warm-up requests, COUNT sequential requests each; prints median and
      p95 in milliseconds. The first NAME is the baseline: every line also gives its median ratio to it.
"""
import base64
import http.client
import json
import re
import statistics
import sys
import threading
import time
import urllib.parse


def connect(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=120)


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def bearer(base, user, password):
    """A bearer token for the account (one password check); returns the headers to send afterwards."""
    c = connect(base)
    c.request("POST", "/api/v1/accounts/token", None, basic(user, password))
    r = c.getresponse()
    body = r.read().decode()
    if r.status != 200:
        sys.exit(f"token for {user} refused: {r.status} {body}")
    return {"Authorization": "Bearer " + json.loads(body)["access_token"]}


def login(base, user, password):
    """Form login; returns the headers (session cookie) to send afterwards."""
    c = connect(base)
    c.request("GET", "/login")
    r = c.getresponse()
    page = r.read().decode()
    cookie = r.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', page)
    body = urllib.parse.urlencode({"username": user, "password": password, "_csrf": token.group(1)})
    c.request("POST", "/login", body, {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    new = r.getheader("Set-Cookie")
    if new:
        cookie = new.split(";")[0]
    if r.status != 302 or "error" in (r.getheader("Location") or ""):
        sys.exit(f"login of {user} failed: {r.status} {r.getheader('Location')}")
    return {"Cookie": cookie}


def run_clients(base, clients, per_client, method, path, body, headers):
    errors = []
    payload = body.encode("utf-8") if body is not None else None
    def work():
        try:
            c = connect(base)
            for _ in range(per_client):
                c.request(method, path, payload, headers)
                r = c.getresponse()
                data = r.read()
                if r.status >= 300:
                    errors.append((r.status, data[:200]))
        except Exception as e:  # a failed client fails the run
            errors.append(("exception", repr(e)))
    threads = [threading.Thread(target=work) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    if errors:
        sys.exit(f"{len(errors)} failed requests, e.g. {errors[0]}")
    return clients * per_client / elapsed, elapsed


def cmd_raise(base, user, password, clients, per_client, body):
    clients, per_client = int(clients), int(per_client)
    h = dict(basic(user, password))
    h["Content-Type"] = "application/json"
    run_clients(base, clients, 10, "GET", "/api/v1/demands/categories", None, h)  # warm-up
    run_clients(base, clients, 10, "POST", "/api/v1/demands", body, h)
    base_rate, base_s = run_clients(base, clients, per_client, "GET", "/api/v1/demands/categories", None, h)
    rate, s = run_clients(base, clients, per_client, "POST", "/api/v1/demands", body, h)
    n = clients * per_client
    print(f"RAISE {n} demands by {clients} clients in {s:.1f} s = {rate:.1f} demands/s; baseline GET "
          f"/api/v1/demands/categories (same account, same clients) {n} in {base_s:.1f} s = {base_rate:.1f} req/s; "
          f"raise/baseline throughput ratio {rate / base_rate:.2f}")


def cmd_raise_key(base, admin, password, clients, per_client, body):
    """The same measurement with a city-wide INTEGRATION API key (SHA-256 look-up instead of bcrypt per call)."""
    clients, per_client = int(clients), int(per_client)
    c = connect(base)
    h = dict(basic(admin, password))
    h["Content-Type"] = "application/json"
    c.request("POST", "/api/v1/api-keys", json.dumps({"name": "bench-" + str(time.time_ns()), "purpose": "INTEGRATION",
                                                      "territoryCode": "350100"}).encode("utf-8"), h)
    r = c.getresponse()
    data = r.read()
    if r.status >= 300:
        sys.exit(f"could not issue an API key: {r.status} {data[:200]}")
    key = json.loads(data)["key"]
    h = {"X-Api-Key": key, "Content-Type": "application/json"}
    run_clients(base, clients, 10, "GET", "/api/v1/demands/categories", None, h)  # warm-up
    run_clients(base, clients, 10, "POST", "/api/v1/demands", body, h)
    base_rate, base_s = run_clients(base, clients, per_client, "GET", "/api/v1/demands/categories", None, h)
    rate, s = run_clients(base, clients, per_client, "POST", "/api/v1/demands", body, h)
    n = clients * per_client
    print(f"RAISE-KEY {n} demands by {clients} clients in {s:.1f} s = {rate:.1f} demands/s; baseline GET "
          f"/api/v1/demands/categories (same key, same clients) {n} in {base_s:.1f} s = {base_rate:.1f} req/s; "
          f"raise/baseline throughput ratio {rate / base_rate:.2f}")


def cmd_latency(base, count, *specs):
    count = int(count)
    results = []
    for spec in specs:
        name, rest = spec.split("=", 1)
        kind, user, password, path = rest.split(":", 3)
        headers = (basic(user, password) if kind == "basic" else login(base, user, password) if kind == "session"
                   else bearer(base, user, password) if kind == "bearer" else {})
        c = connect(base)
        times = []
        for i in range(count + 3):
            t0 = time.perf_counter()
            c.request("GET", path, None, headers)
            r = c.getresponse()
            r.read()
            dt = (time.perf_counter() - t0) * 1000
            if r.status != 200:
                sys.exit(f"{name}: GET {path} answered {r.status}")
            if i >= 3:
                times.append(dt)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        results.append((name, path, statistics.median(times), p95))
    base_median = results[0][2]
    for name, path, median, p95 in results:
        print(f"LATENCY {name}: GET {path} median {median:.1f} ms, p95 {p95:.1f} ms, "
              f"median/baseline({results[0][0]}) {median / base_median:.3g}x")


if __name__ == "__main__":
    {"raise": cmd_raise, "raise-key": cmd_raise_key, "latency": cmd_latency}[sys.argv[1]](*sys.argv[2:])
