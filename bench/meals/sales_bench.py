#!/usr/bin/env python3
"""HTTP load for bench/meals/run.sh, standard library only; every loop is bounded in count.

  sales BASE KEY USER PASSWORD CLIENTS PER_CLIENT DINER_IDS
      POSTs counter sales to /api/v1/meals/sales with the canteen terminal's API key (X-Api-Key) from CLIENTS
      threads, PER_CLIENT each, each with a fresh idempotency key and the next diner of DINER_IDS (comma-separated,
      so the subsidies apply), then as a baseline GETs /api/v1/communities as USER (HTTP Basic: a terminal key may
      call nothing but the sales) with the same concurrency. Prints
      both rates, the share of sales that carried a subsidy, and the line "sales_per_s=S sales_ratio=Q".
"""
import base64
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid


def connect(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=120)


def run(base, clients, per_client, request):
    """request(conn, i) -> status, body; returns (requests per second, list of (status, body))."""
    results = []
    lock = threading.Lock()

    def worker(w):
        c = connect(base)
        mine = []
        for i in range(per_client):
            mine.append(request(c, w * per_client + i))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return clients * per_client / (time.perf_counter() - t0), results


def main():
    mode, base, key, user, password, clients, per_client, diners = sys.argv[1:9]
    assert mode == "sales"
    clients, per_client = int(clients), int(per_client)
    diners = [int(d) for d in diners.split(",") if d]
    headers = {"X-Api-Key": key, "Content-Type": "application/json"}
    auth = {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}

    def sale(c, i):
        body = json.dumps({"dinerId": diners[i % len(diners)], "idempotencyKey": str(uuid.uuid4())})
        c.request("POST", "/api/v1/meals/sales", body=body, headers=headers)
        r = c.getresponse()
        return r.status, r.read()

    def get(c, i):
        c.request("GET", "/api/v1/communities", headers=auth)
        r = c.getresponse()
        return r.status, r.read()

    # warm-up: a few of each, not counted
    run(base, 1, 5, sale)
    run(base, 1, 5, get)
    sales_rate, sales = run(base, clients, per_client, sale)
    get_rate, gets = run(base, clients, per_client, get)
    bad = [s for s, _ in sales if s != 201] + [s for s, _ in gets if s != 200]
    if bad:
        first = next(b for s, b in sales + gets if s not in (200, 201))
        print(f"unexpected statuses: {sorted(set(bad))} ({len(bad)} requests), first: {first[:300]!r}")
        sys.exit(1)
    subsidised = sum(1 for _, b in sales if float(json.loads(b)["subsidy"]) > 0)
    print(f"sales: {len(sales)} in {clients} clients, {sales_rate:.1f}/s, {subsidised} with a subsidy; "
          f"baseline GET /api/v1/communities as {user}: {get_rate:.1f}/s")
    print(f"sales_per_s={sales_rate:.1f} sales_ratio={sales_rate / get_rate:.3f}")


if __name__ == "__main__":
    main()
