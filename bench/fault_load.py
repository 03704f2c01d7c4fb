#!/usr/bin/env python3
"""Load and verdicts for bench/faults.sh (standard library only).

run: sign-up load for SECONDS: CONCURRENCY workers, each request a new citizen (a token from TOKENS) signing up for
     ACTIVITY; optionally one prober that GETs a page with a session cookie every 0.2 s (is the user still logged in?)
     and one that GETs a public page every 0.2 s. Every answer is a JSON line in OUT: kind, t0, t1, status,
     retry_after, location, registration status, token.
report: reads OUT, the fault times (EVENTS: "name unix-time" lines) and the database, prints the numbers and the
     checks, and exits 1 when a check fails.
"""
import argparse
import collections
import hashlib
import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.parse

HANG_SECONDS = 10.0


def run(a):
    u = urllib.parse.urlparse(a.base)
    tokens = [t.strip() for t in open(a.tokens) if t.strip()]
    lock = threading.Lock()
    nxt = [0]
    out = open(a.out, "w")
    end = time.time() + a.seconds

    def record(**row):
        with lock:
            out.write(json.dumps(row) + "\n")

    def request(conn, method, path, body=None, headers=None):
        t0 = time.time()
        try:
            if conn[0] is None:
                conn[0] = http.client.HTTPConnection(u.hostname, u.port, timeout=a.timeout)
            conn[0].request(method, path, body, headers or {})
            r = conn[0].getresponse()
            data = r.read()
            if r.getheader("Connection", "").lower() == "close":
                conn[0].close()
                conn[0] = None
            return t0, time.time(), r.status, r.getheader("Retry-After"), r.getheader("Location"), data, None
        except Exception as e:  # refused, reset, timeout: the client saw no HTTP answer
            if conn[0] is not None:
                conn[0].close()
            conn[0] = None
            return t0, time.time(), 0, None, None, b"", type(e).__name__

    def signups():
        conn = [None]
        while time.time() < end:
            with lock:
                if nxt[0] >= len(tokens):
                    return
                i = nxt[0]
                nxt[0] += 1
            t0, t1, status, retry, location, data, error = request(
                conn, "POST", "/api/v1/activities/%s/registrations" % a.activity,
                json.dumps({"name": "参加者"}).encode(),
                {"Content-Type": "application/json", "Authorization": "Bearer " + tokens[i]})
            reg = None
            if status == 201:
                try:
                    reg = json.loads(data)["status"]
                except ValueError:
                    reg = "?"
            record(kind="signup", t0=t0, t1=t1, status=status, retry_after=retry, error=error, reg=reg, token=i)
            if status == 0:
                time.sleep(0.05)

    def prober(kind, path, cookie):
        conn = [None]
        while time.time() < end:
            headers = {"Cookie": cookie} if cookie else {}
            t0, t1, status, retry, location, data, error = request(conn, "GET", path, None, headers)
            record(kind=kind, t0=t0, t1=t1, status=status, retry_after=retry, error=error, location=location)
            time.sleep(0.2)

    threads = [threading.Thread(target=signups) for _ in range(a.concurrency)]
    if a.session_cookie:
        threads.append(threading.Thread(target=prober, args=("session", a.session_path, a.session_cookie)))
    if a.page_path:
        threads.append(threading.Thread(target=prober, args=("page", a.page_path, None)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()


def psql(a, sql):
    return subprocess.run(["psql", "-At", "-h", "127.0.0.1", "-p", str(a.pg_port), "-U", "sciday_bench", "-d", a.db,
                           "-c", sql], capture_output=True, text=True, check=True).stdout.strip()


def report(a):
    rows = [json.loads(line) for line in open(a.out)]
    events = {}
    for line in open(a.events):
        name, at = line.split()
        events[name] = float(at)
    tokens = [t.strip() for t in open(a.tokens) if t.strip()]
    start = min(r["t0"] for r in rows)
    rel = lambda t: t - start  # noqa: E731
    failures = []
    signups = [r for r in rows if r["kind"] == "signup"]
    by_status = collections.Counter(r["status"] for r in signups)
    print("  sign-up answers: %d in %.1f s, by status: %s" % (
        len(signups), max(r["t1"] for r in rows) - start, dict(sorted(by_status.items()))))
    errors = collections.Counter(r["error"] for r in signups if r["error"])
    if errors:
        print("  no HTTP answer (client side): %s" % dict(errors))
    for name, at in sorted(events.items(), key=lambda e: e[1]):
        print("  event %-16s at %6.2f s" % (name, rel(at)))
    slowest = max(signups, key=lambda r: r["t1"] - r["t0"])
    print("  slowest answer: %.2f s (status %s at %.1f s)" % (slowest["t1"] - slowest["t0"], slowest["status"],
                                                               rel(slowest["t0"])))
    if slowest["t1"] - slowest["t0"] > HANG_SECONDS or errors.get("timeout") or errors.get("TimeoutError"):
        failures.append("a request took more than %d s (a hang)" % HANG_SECONDS)
    if by_status.get(500):
        failures.append("%d answers 500" % by_status[500])

    if a.mode == "outage":
        down, up = events["db_stop"], events["db_up"]
        in_outage = [r for r in signups if r["status"] == 503]
        first = min((r for r in in_outage if r["t1"] >= down), key=lambda r: r["t1"], default=None)
        if first is None:
            failures.append("no 503 during the outage")
        else:
            started = first["t0"] - down
            print("  first 503 %.2f s after the database stopped (that request started %.2f s %s it)"
                  % (first["t1"] - down, abs(started), "after" if started >= 0 else "before"))
        missing = [r for r in in_outage if not r["retry_after"]]
        print("  503 answers: %d, all with Retry-After: %s (values: %s)" % (
            len(in_outage), "yes" if not missing else "NO (%d without)" % len(missing),
            sorted(set(r["retry_after"] for r in in_outage))))
        if missing:
            failures.append("%d 503 answers without Retry-After" % len(missing))
        outage_latency = [r["t1"] - r["t0"] for r in in_outage]
        if outage_latency:
            outage_latency.sort()
            print("  503 answer times: median %.2f s, max %.2f s" % (
                outage_latency[len(outage_latency) // 2], outage_latency[-1]))
        ok_after = [r for r in signups if r["status"] == 201 and r["t0"] >= up]
        first_ok = min(ok_after, key=lambda r: r["t1"], default=None)
        last_bad = max((r for r in signups if r["status"] not in (201, 409)), key=lambda r: r["t1"], default=None)
        if first_ok is None:
            failures.append("no successful sign-up after the database came back")
        else:
            recovery = first_ok["t1"] - up
            print("  recovery: first sign-up confirmed %.2f s after the database accepted connections again" % recovery)
            if recovery > 10:
                failures.append("recovery took %.1f s (> 10 s)" % recovery)
        if last_bad is not None:
            print("  last failed answer (%s) %.2f s after the database was back" % (last_bad["status"], last_bad["t1"] - up))
            if last_bad["t1"] - up > 10:
                failures.append("failures went on %.1f s after the database was back" % (last_bad["t1"] - up))
        pages = [r for r in rows if r["kind"] == "page" and down <= r["t0"] <= up]
        if pages:
            print("  public page %s while the database was down: %s" % (
                a.page_path, dict(collections.Counter(r["status"] for r in pages))))

    if a.mode == "kill":
        kill = events["kill"]
        after = [r for r in signups if r["t0"] >= kill]
        print("  sign-ups started after the kill: %s" % dict(collections.Counter(r["status"] for r in after)))
        in_flight = [r for r in signups if r["t0"] < kill <= r["t1"] and r["status"] not in (201, 409)]
        print("  in flight at the kill and not answered 201/409: %d (%s)" % (
            len(in_flight), dict(collections.Counter(r["status"] for r in in_flight))))
        late_bad = [r for r in after if r["status"] not in (201, 409) and r["t0"] >= kill + 1]
        if late_bad:
            failures.append("%d sign-ups started more than 1 s after the kill failed" % len(late_bad))
        sessions = [r for r in rows if r["kind"] == "session"]
        s_after = [r for r in sessions if r["t0"] >= kill]
        print("  logged-in user's page %s: before the kill %s, after %s" % (
            a.session_path, dict(collections.Counter(r["status"] for r in sessions if r["t0"] < kill)),
            dict(collections.Counter(r["status"] for r in s_after))))
        if not s_after or any(r["status"] != 200 for r in s_after):
            failures.append("the logged-in user did not get 200 on every request after the kill")

    # the database: every success stored as answered, no activity over capacity, counters right
    stored = dict(line.split("|") for line in psql(a,
        "select t.token_hash, r.status from registration r join api_token t on t.account_id = r.account_id "
        "where r.activity_id = %s" % a.activity).splitlines() if line)
    sha = lambda i: hashlib.sha256(tokens[i].encode()).hexdigest()  # noqa: E731
    lost = [r for r in signups if r["status"] == 201 and stored.get(sha(r["token"])) != r["reg"]]
    ambiguous = [r for r in signups if r["status"] not in (201, 409) and sha(r["token"]) in stored]
    confirmed = int(psql(a, "select count(*) from registration where activity_id = %s and status = 'CONFIRMED'"
                         % a.activity))
    waitlisted = int(psql(a, "select count(*) from registration where activity_id = %s and status = 'WAITLISTED'"
                          % a.activity))
    slot = psql(a, "select capacity, confirmed, waitlisted from signup_slot where activity_id = %s" % a.activity)
    capacity, slot_confirmed, slot_waitlisted = (int(x) for x in slot.split("|"))
    over = psql(a, "select count(*) from signup_slot s where s.confirmed > s.capacity or (select count(*) from "
                   "registration r where r.activity_id = s.activity_id and r.status = 'CONFIRMED') > s.capacity")
    print("  database: %d confirmed (capacity %d), %d waitlisted; slot counters %d/%d; activities over capacity: %s"
          % (confirmed, capacity, waitlisted, slot_confirmed, slot_waitlisted, over))
    print("  201 answers: %d, of them not stored as answered: %d; failed answers whose sign-up was stored anyway "
          "(ambiguous, the person sees it under my registrations): %d" % (
              sum(1 for r in signups if r["status"] == 201), len(lost), len(ambiguous)))
    if lost:
        failures.append("%d successful sign-ups are not in the database" % len(lost))
    if confirmed > capacity or over != "0":
        failures.append("over capacity")
    if (confirmed, waitlisted) != (slot_confirmed, slot_waitlisted):
        failures.append("slot counters differ from the registrations")
    print("  RESULT: " + ("OK" if not failures else "FAILED: " + "; ".join(failures)))
    return 0 if not failures else 1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["run", "report"])
    p.add_argument("--base")
    p.add_argument("--activity", required=True)
    p.add_argument("--tokens", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--timeout", type=float, default=30)
    p.add_argument("--session-cookie")
    p.add_argument("--session-path", default="/admin/audit")
    p.add_argument("--page-path")
    p.add_argument("--events")
    p.add_argument("--mode", choices=["outage", "kill"])
    p.add_argument("--db")
    p.add_argument("--pg-port", type=int, default=5432)
    a = p.parse_args()
    if a.command == "run":
        run(a)
        return 0
    return report(a)


if __name__ == "__main__":
    sys.exit(main())
