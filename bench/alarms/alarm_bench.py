#!/usr/bin/env python3
"""HTTP load for bench/alarms/run.sh, standard library only; every loop is bounded in count or time.

  elders BASE USER PASSWORD COUNT FIRST_COMMUNITY FIRST_PREFIX
      Prints up to COUNT elder ids the account sees (GET /api/v1/elders, HTTP Basic), those of the community
      FIRST_COMMUNITY first, then those whose community code starts with FIRST_PREFIX (the street), then the rest. Exit status 3 when the endpoint does not exist (the caller falls back to SQL).
  burst BASE KEY ELDERS_FILE ROUNDS LISTENERS
      LISTENERS is a comma list of accounts (password jinlin-demo) whose desks listen: each signs in with the
      form login and keeps GET /alarms/desk/events (server-sent events) open. Per round: as many threads as
      elders (one alarm per elder) wait on a barrier, then each POSTs /api/v1/alarms with the device key
      (kind SOS, occurredAt now, a fresh idempotencyKey); every response must be 201. The first `alarm` event
      of kind ASKED with forMe=true for an alarm, on any listener, is "first responder notified" (client
      clock, same process as the senders). Baseline in the same round: the same threads, released the same
      way, GET /api/v1/alarms/{id} with the same key; its answers also give the server's raisedAt and
      chain[0].notifiedAt. Then every alarm is resolved as `gulou` (FALSE_ALARM) so the next round raises new
      alarms instead of joining the open ones. Prints per-round and pooled p50/p99/max and the ratios.
      Without the SSE endpoint (404) it says so and reports only the server-side figures.
"""
import base64
import datetime
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "demands"))
from http_bench import basic, connect, login  # noqa: E402  (the demands bench's form login)

PASSWORD = "jinlin-demo"
SSE_PATH = "/alarms/desk/events"


def pct(values, p):
    """Nearest-rank percentile of a non-empty list."""
    s = sorted(values)
    k = max(1, -(-len(s) * p // 100))  # ceil(n * p / 100)
    return s[min(len(s), int(k)) - 1]


def fmt(values):
    if not values:
        return "n/a"
    return (f"p50 {pct(values, 50):7.1f} ms  p99 {pct(values, 99):7.1f} ms  max {max(values):7.1f} ms"
            f"  (n={len(values)})")


def parse_instant(s):
    if s is None:
        return None
    s = s.replace("Z", "+00:00")
    # Python < 3.11 accepts at most 6 fraction digits.
    if "." in s:
        head, rest = s.split(".", 1)
        digits = "".join(ch for ch in rest if ch.isdigit())
        tail = rest[len(digits):]
        s = head + "." + (digits[:6].ljust(6, "0")) + tail
    return datetime.datetime.fromisoformat(s)


# ---------------------------------------------------------------------------------------------- elders

def cmd_elders(base, user, password, count, first_community, first_prefix):
    count = int(count)
    c = connect(base)
    items = []
    for page in range(0, 100):
        c.request("GET", f"/api/v1/elders?size=100&page={page}", None, basic(user, password))
        r = c.getresponse()
        data = r.read()
        if r.status == 404 and page == 0:
            sys.exit(3)
        if r.status != 200:
            sys.exit(f"GET /api/v1/elders answered {r.status}: {data[:200]}")
        body = json.loads(data)
        got = body.get("items", body if isinstance(body, list) else [])
        items.extend(got)
        if not got or isinstance(body, list) or not body.get("hasNext", len(got) == 100):
            break
    items.sort(key=lambda e: (e.get("communityCode") != first_community,
                              not (e.get("communityCode") or "").startswith(first_prefix), e["id"]))
    for e in items[:count]:
        print(e["id"])


# ---------------------------------------------------------------------------------------------- SSE

class Listener(threading.Thread):
    """One responder's desk: a signed-in session reading the alarm stream; records the first ASKED per alarm."""

    def __init__(self, base, user, firsts, seen, lock):
        super().__init__(daemon=True)
        self.base, self.user, self.firsts, self.seen, self.lock = base, user, firsts, seen, lock
        self.ready = threading.Event()
        self.failed = None
        self.events = 0

    def open(self):
        headers = dict(login(self.base, self.user, PASSWORD))
        headers["Accept"] = "text/event-stream"
        self.conn = connect(self.base)
        self.conn.request("GET", SSE_PATH, None, headers)
        self.resp = self.conn.getresponse()
        ctype = self.resp.getheader("Content-Type") or ""
        if self.resp.status != 200 or "text/event-stream" not in ctype:
            body = self.resp.read()[:200]
            self.status = self.resp.status
            return f"{self.user}: GET {SSE_PATH} answered {self.resp.status} {ctype} {body!r}"
        return None

    def run(self):
        name, data = None, []
        try:
            for _ in range(10_000_000):
                raw = self.resp.readline()
                if not raw:
                    break
                now = time.perf_counter()
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if name == "ready":
                        self.ready.set()
                    elif name == "alarm" and data:
                        self.events += 1
                        item = json.loads("\n".join(data))
                        with self.lock:
                            self.seen.setdefault(item["alarmId"], set()).add(item.get("kind"))
                            if item.get("kind") == "ASKED" and item.get("forMe"):
                                self.firsts.setdefault(item["alarmId"], (now, self.user))
                    name, data = None, []
                elif line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip(" "))
        except Exception as e:  # the stream closing at the end of the run is normal
            self.failed = repr(e)
        finally:
            self.ready.set()


# ---------------------------------------------------------------------------------------------- bursts

def burst(base, requests):
    """requests: list of (method, path, body bytes or None, headers). All threads connect first, wait on a
    barrier, then send. Returns [(t_send, t_done, status, body bytes)] in order."""
    n = len(requests)
    barrier = threading.Barrier(n)
    out = [None] * n

    def work(i):
        method, path, body, headers = requests[i]
        c = connect(base)
        try:
            c.connect()
            barrier.wait(timeout=60)
            t0 = time.perf_counter()
            c.request(method, path, body, headers)
            r = c.getresponse()
            data = r.read()
            out[i] = (t0, time.perf_counter(), r.status, data)
        except Exception as e:
            out[i] = (0.0, 0.0, "exception", repr(e).encode())
        finally:
            c.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    return out


def resolve_all(base, ids, clients=4):
    """Closes the round's alarms as `gulou` (district staff covering them all), so the next round's presses
    raise new alarms instead of joining these (join window 10 minutes)."""
    todo = list(ids)
    lock = threading.Lock()
    errors = []
    body = json.dumps({"outcome": "FALSE_ALARM", "note": "bench"}).encode()
    h = dict(basic("gulou", PASSWORD))
    h["Content-Type"] = "application/json"

    def work():
        c = connect(base)
        for _ in range(len(ids)):
            with lock:
                if not todo:
                    return
                i = todo.pop()
            c.request("POST", f"/api/v1/alarms/{i}/resolve", body, h)
            r = c.getresponse()
            data = r.read()
            if r.status != 200:
                errors.append((i, r.status, data[:200]))

    threads = [threading.Thread(target=work) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit(f"{len(errors)} alarms could not be resolved, e.g. {errors[0]}")


def cmd_burst(base, key, elders_file, rounds, listeners):
    rounds = int(rounds)
    with open(elders_file) as f:
        elders = [int(x) for x in f.read().split()]
    n = len(elders)
    firsts, seen, lock = {}, {}, threading.Lock()
    streams = []
    sse = True
    for user in [u for u in listeners.split(",") if u]:
        listener = Listener(base, user, firsts, seen, lock)
        problem = listener.open()
        if problem:
            print(f"NOTE no server-sent events for {problem}")
            if listener.status == 404:
                sse = False
                break
            continue
        listener.start()
        if not listener.ready.wait(30) or listener.failed:
            sys.exit(f"{user}: the event stream did not become ready ({listener.failed})")
        streams.append(listener)
    if sse and not streams:
        sys.exit("no listener could subscribe")
    print(f"MODE {'sse: ' + ','.join(s.user for s in streams) if sse else 'no SSE endpoint: server-side notifiedAt only'}")

    key_h = {"X-Api-Key": key, "Content-Type": "application/json", "Accept": "application/json"}
    all_resp, all_notify, all_after, all_server, all_base = [], [], [], [], []
    spreads, missing_total, who = [], 0, {}
    run_id = time.strftime("%H%M%S")
    for rnd in range(1, rounds + 1):
        occurred = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        reqs = [("POST", "/api/v1/alarms",
                 json.dumps({"elderId": e, "kind": "SOS", "occurredAt": occurred,
                             "idempotencyKey": f"bench-{run_id}-{rnd}-{e}"}).encode(), key_h) for e in elders]
        res = burst(base, reqs)
        bad = [(elders[i], r[2], r[3][:200]) for i, r in enumerate(res) if r[2] != 201]
        if bad:
            sys.exit(f"round {rnd}: {len(bad)} raises did not answer 201, e.g. {bad[0]}")
        sends = [r[0] for r in res]
        t_first = min(sends)
        spreads.append((max(sends) - t_first) * 1000)
        ids = [json.loads(r[3])["id"] for r in res]
        if len(set(ids)) != n:
            sys.exit(f"round {rnd}: {n} raises gave only {len(set(ids))} distinct alarms")
        resp_ms = [(r[1] - r[0]) * 1000 for r in res]
        # Wait (bounded) for every alarm's first ASKED event.
        deadline = time.perf_counter() + 20
        while sse and time.perf_counter() < deadline:
            with lock:
                if all(i in firsts for i in ids):
                    break
            time.sleep(0.05)
        notify_ms, after_ms, missing = [], [], []
        with lock:
            for i, r in zip(ids, res):
                if i in firsts:
                    notify_ms.append((firsts[i][0] - r[0]) * 1000)
                    after_ms.append((firsts[i][0] - r[1]) * 1000)
                    who[firsts[i][1]] = who.get(firsts[i][1], 0) + 1
                else:
                    missing.append(i)
        # Baseline: the same threads and release, reading each alarm with the same key.
        base_res = burst(base, [("GET", f"/api/v1/alarms/{i}", None, key_h) for i in ids])
        badg = [r for r in base_res if r[2] != 200]
        if badg:
            sys.exit(f"round {rnd}: {len(badg)} baseline GETs failed, e.g. {badg[0][2]} {badg[0][3][:200]}")
        base_ms = [(r[1] - r[0]) * 1000 for r in base_res]
        server_ms, stage0 = [], {}
        for r in base_res:
            v = json.loads(r[3])
            chain = v.get("chain") or []
            if chain and chain[0].get("notifiedAt") and v.get("raisedAt"):
                d = parse_instant(chain[0]["notifiedAt"]) - parse_instant(v["raisedAt"])
                server_ms.append(d.total_seconds() * 1000)
                stage0[chain[0]["username"]] = stage0.get(chain[0]["username"], 0) + 1
            else:
                stage0["(none)"] = stage0.get("(none)", 0) + 1
        if missing:
            expected = {}
            for r in base_res:
                v = json.loads(r[3])
                if v["id"] in missing:
                    u = (v.get("chain") or [{}])[0].get("username", "(none)")
                    expected[u] = expected.get(u, 0) + 1
            missing_note = (f"  MISSING for {len(missing)} alarms after 20 s, e.g. {missing[:5]} (first in chain: "
                            + ", ".join(f"{k} {v}" for k, v in sorted(expected.items()))
                            + f"); {sum(1 for i in missing if not seen.get(i))} of them reached no desk at all")
        print(f"ROUND {rnd}: {n} alarms raised, send spread {spreads[-1]:.1f} ms; first in chain: "
              + ", ".join(f"{k} {v}" for k, v in sorted(stage0.items())))
        print(f"  raise -> HTTP 201            {fmt(resp_ms)}")
        if sse:
            print(f"  raise -> first ASKED (SSE)   {fmt(notify_ms)}"
                  + (missing_note if missing else ""))
            print(f"  HTTP 201 -> first ASKED      {fmt(after_ms)}")
        print(f"  server notifiedAt - raisedAt {fmt(server_ms)}")
        print(f"  baseline GET /alarms/{{id}}   {fmt(base_ms)}")
        all_resp += resp_ms
        all_notify += notify_ms
        all_after += after_ms
        all_server += server_ms
        all_base += base_ms
        missing_total += len(missing)
        resolve_all(base, ids)

    for s in streams:
        s.conn.close()
    b50 = pct(all_base, 50)
    print(f"POOLED over {rounds} rounds of {n} alarms (listeners received events by: "
          + ", ".join(f"{k} {v}" for k, v in sorted(who.items())) + ")")
    print(f"  raise -> HTTP 201            {fmt(all_resp)}   p50/baseline {pct(all_resp, 50) / b50:.1f}x")
    if sse:
        print(f"  raise -> first ASKED (SSE)   {fmt(all_notify)}   p50/baseline "
              f"{(pct(all_notify, 50) / b50) if all_notify else float('nan'):.1f}x"
              + (f"   missing {missing_total}" if missing_total else ""))
        print(f"  HTTP 201 -> first ASKED      {fmt(all_after)}")
    print(f"  server notifiedAt - raisedAt {fmt(all_server)}")
    print(f"  baseline GET /alarms/{{id}}   {fmt(all_base)}")
    notify = all_notify if sse and all_notify else None
    print("SUMMARY " + (f"notify(SSE) p50 {pct(notify, 50):.0f} ms p99 {pct(notify, 99):.0f} ms max {max(notify):.0f} ms"
                        f" missing {missing_total}; " if notify else "notify(SSE) n/a; ")
          + f"201 p50 {pct(all_resp, 50):.0f} ms p99 {pct(all_resp, 99):.0f} ms; baseline GET p50 {b50:.0f} ms p99 "
          f"{pct(all_base, 99):.0f} ms; ratio notify/baseline p50 "
          + (f"{pct(notify, 50) / b50:.1f}x" if notify else "n/a")
          + f", 201/baseline p50 {pct(all_resp, 50) / b50:.1f}x; server notifiedAt-raisedAt p50 "
          f"{pct(all_server, 50) if all_server else float('nan'):.0f} ms")


if __name__ == "__main__":
    {"elders": cmd_elders, "burst": cmd_burst}[sys.argv[1]](*sys.argv[2:])
