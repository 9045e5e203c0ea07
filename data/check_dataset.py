#!/usr/bin/env python3
"""Validate a Vigía replay dataset folder and simulate the states it produces.

Usage:  python3 data/check_dataset.py [DATASET_DIR] [--timeline]

DATASET_DIR defaults to data/mexico-2013-2015 (next to this script). The script
  1. checks every record against the wire contract of DESIGN.md section 3
     (fields, patterns, ranges, exactly one of percent/level, sorting, unique ids,
     milestone ids that exist in the commitment version in force at report time);
  2. replays the records day by day with the semantics of DESIGN.md section 4
     (official/verified completion, evidence, progress, STALLED/RESUMED, AT_RISK,
     DISPUTED, SCOPE_REDUCED, COMPLETED, news heat with a 30-day half-life) and prints
     the key dates; --timeline prints every simulated alert;
  3. for the Mexico 2013-2015 dataset, asserts the story the dataset must tell.
It is a plain reference model for humans, not the stream processor. Exit code 0 = OK.
"""
import json
import math
import os
import re
import sys
from datetime import date, datetime, timedelta, timezone

ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
UPDATE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
AGENCY = re.compile(r"^[A-Z0-9_-]{1,32}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
RISK_KEYS = {"constitutionalLimits", "csoCooperation", "issueSensitivity", "politicalLeadership",
             "dataAvailability", "budgetConstraints"}
LEVELS = {"NOT_STARTED": 0, "LIMITED": 25, "SUBSTANTIAL": 75, "COMPLETE": 100}
STALL_DAYS, RISK_SHARE, DISPUTE_POINTS, HEAT_THRESHOLD, HALF_LIFE = 90, 0.10, 25, 3.0, 30
MAX_CUTOFFS = 24
MEXICO_CUTOFFS = ["2014-10-27", "2015-03-08", "2015-07-22"]  # the control panel's three public cut-offs

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def parse_instant(s):
    return datetime.strptime(s[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)


def parse_date(s):
    return date.fromisoformat(s)


def day_start(d):
    return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)


def check_instant(where, v):
    if not isinstance(v, str) or not INSTANT.match(v):
        err(where, f"not an ISO-8601 UTC instant: {v!r}")
        return False
    return True


def check_commitment(where, c):
    if not isinstance(c, dict):
        return err(where, "not an object")
    for f, pat in [("id", ID), ("planId", ID), ("agency", AGENCY), ("sector", SLUG), ("country", COUNTRY)]:
        if not isinstance(c.get(f), str) or not pat.match(c[f]):
            err(where, f"{f} missing or not matching {pat.pattern}: {c.get(f)!r}")
    t = c.get("title")
    if not isinstance(t, str) or not t.strip() or len(t) > 300:
        err(where, "title missing or longer than 300 chars")
    if "leadCso" in c and (not isinstance(c["leadCso"], str) or len(c["leadCso"]) > 200):
        err(where, "leadCso must be a string of at most 200 chars")
    if c.get("origin") not in ("CO_CREATED", "PROACTIVE"):
        err(where, f"origin must be CO_CREATED or PROACTIVE: {c.get('origin')!r}")
    try:
        if parse_date(c["dueDate"]) < parse_date(c["startDate"]):
            err(where, "dueDate before startDate")
    except (KeyError, TypeError, ValueError):
        err(where, "startDate/dueDate missing or not YYYY-MM-DD")
    if "stallAfterDays" in c and not (isinstance(c["stallAfterDays"], int) and 1 <= c["stallAfterDays"] <= 3650):
        err(where, "stallAfterDays must be an integer 1..3650")
    seen = set()
    for i, m in enumerate(c.get("milestones", [])):
        w = f"{where}.milestones[{i}]"
        if not isinstance(m.get("id"), str) or not ID.match(m["id"]):
            err(w, "id missing or invalid")
        elif m["id"] in seen:
            err(w, f"duplicate milestone id {m['id']}")
        seen.add(m.get("id"))
        if not isinstance(m.get("title"), str) or not m["title"].strip() or len(m["title"]) > 300:
            err(w, "title missing or longer than 300 chars")
        if not isinstance(m.get("weight", 1.0), (int, float)) or m.get("weight", 1.0) <= 0:
            err(w, "weight must be > 0")
        if "dueDate" in m:
            try:
                parse_date(m["dueDate"])
            except (TypeError, ValueError):
                err(w, "dueDate not YYYY-MM-DD")
    rf = c.get("riskFactors", {})
    for k, v in rf.items():
        if k not in RISK_KEYS or v not in ("LOW", "MEDIUM", "HIGH"):
            err(where, f"riskFactors {k}={v} invalid")
    check_cutoffs(where, c.get("cutoffs", []))


def check_cutoffs(where, cutoffs):
    if not isinstance(cutoffs, list):
        return err(where, "cutoffs must be a list of dates")
    if len(cutoffs) > MAX_CUTOFFS:
        err(where, f"cutoffs must have at most {MAX_CUTOFFS} dates (had {len(cutoffs)})")
    prev = None
    for i, v in enumerate(cutoffs):
        try:
            day = parse_date(v)
        except (TypeError, ValueError):
            err(f"{where}.cutoffs[{i}]", f"not YYYY-MM-DD: {v!r}")
            continue
        if prev and day <= prev:
            err(f"{where}.cutoffs[{i}]", "cut-off dates must be sorted and unique")
        prev = day


def read_jsonl(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"{os.path.basename(path)}:{n}", "blank line")
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"{os.path.basename(path)}:{n}", f"invalid JSON: {e}")
    return rows


def validate(folder):
    with open(os.path.join(folder, "commitments.json"), encoding="utf-8") as f:
        commitments = json.load(f)
    ids = set()
    for i, c in enumerate(commitments):
        check_commitment(f"commitments.json[{i}]", c)
        if c.get("id") in ids:
            err(f"commitments.json[{i}]", f"duplicate id {c.get('id')}")
        ids.add(c.get("id"))

    amendments = read_jsonl(os.path.join(folder, "amendments.jsonl"))
    prev = None
    for n, a in amendments:
        w = f"amendments.jsonl:{n}"
        if check_instant(w, a.get("at")):
            if prev and a["at"] < prev:
                err(w, "not sorted by at")
            prev = a["at"]
        check_commitment(w, a.get("commitment"))
        if a.get("commitment", {}).get("id") not in ids:
            err(w, "amends a commitment that is not in commitments.json")

    # registry versions over time, to check milestone ids at report time
    versions = {c["id"]: [(None, c)] for c in commitments}
    for _, a in amendments:
        versions.setdefault(a["commitment"]["id"], []).append((a["at"], a["commitment"]))

    def version_at(cid, at):
        v = None
        for t, c in versions.get(cid, []):
            if t is None or t <= at:
                v = c
        return v

    progress = read_jsonl(os.path.join(folder, "progress.jsonl"))
    seen, prev, last_by_key = set(), None, {}
    agency_of = {c["id"]: c["agency"] for c in commitments}
    for n, p in progress:
        w = f"progress.jsonl:{n}"
        for f in ("updateId", "commitmentId", "source", "reporter", "reportedAt"):
            if f not in p:
                err(w, f"{f} missing")
        if not UPDATE_ID.match(str(p.get("updateId", ""))):
            err(w, "updateId invalid")
        if p.get("updateId") in seen:
            err(w, f"duplicate updateId {p.get('updateId')}")
        seen.add(p.get("updateId"))
        if ("percent" in p) == ("level" in p):
            err(w, "exactly one of percent or level is required")
        if "percent" in p and (not isinstance(p["percent"], (int, float)) or not 0 <= p["percent"] <= 100):
            err(w, "percent must be a number 0..100")
        if "level" in p and p["level"] not in LEVELS:
            err(w, f"level invalid: {p['level']}")
        if p.get("source") not in ("AGENCY", "CSO", "IRM"):
            err(w, "source must be AGENCY, CSO or IRM")
        rep = p.get("reporter", "")
        if p.get("source") == "AGENCY" and rep != "agency:" + str(agency_of.get(p.get("commitmentId"))):
            err(w, f"an agency may report only on its own commitments ({rep})")
        if p.get("source") == "CSO" and not rep.startswith("cso:"):
            err(w, "CSO reporter should be cso:NAME")
        if p.get("source") == "IRM" and rep != "irm":
            err(w, "IRM reporter should be irm")
        if "evidenceUrl" in p and (not URL.match(p["evidenceUrl"]) or len(p["evidenceUrl"]) > 2000):
            err(w, "evidenceUrl must be an http(s) URL")
        if len(p.get("note", "")) > 2000:
            err(w, "note longer than 2000 chars")
        if check_instant(w, p.get("reportedAt")):
            if prev and p["reportedAt"] < prev:
                err(w, "not sorted by reportedAt")
            prev = p["reportedAt"]
        cid = p.get("commitmentId")
        if cid not in ids:
            err(w, f"unknown commitment {cid}")
            continue
        if "milestoneId" in p:
            v = version_at(cid, p["reportedAt"])
            if p["milestoneId"] not in {m["id"] for m in v.get("milestones", [])}:
                err(w, f"milestone {p['milestoneId']} not in {cid} as registered at {p['reportedAt']}")
        key = (cid, p.get("milestoneId"), p.get("reportedAt"))
        if key in last_by_key:
            err(w, f"two reports on the same milestone at the same instant (line {last_by_key[key]})")
        last_by_key[key] = n

    news = read_jsonl(os.path.join(folder, "news.jsonl"))
    nids, prev = set(), None
    for n, s in news:
        w = f"news.jsonl:{n}"
        if not UPDATE_ID.match(str(s.get("id", ""))) or s.get("id") in nids:
            err(w, "id missing, invalid or repeated")
        nids.add(s.get("id"))
        if check_instant(w, s.get("publishedAt")):
            if prev and s["publishedAt"] < prev:
                err(w, "not sorted by publishedAt")
            prev = s["publishedAt"]
        for f in ("outlet", "title"):
            if not isinstance(s.get(f), str) or not s[f].strip():
                err(w, f"{f} missing")
        if not URL.match(str(s.get("url", ""))):
            err(w, "url must be an http(s) URL")
        if not s.get("agencies") or not all(AGENCY.match(a) for a in s["agencies"]):
            err(w, "agencies must be a non-empty list of agency codes")
        if not isinstance(s.get("keywords", []), list):
            err(w, "keywords must be a list")
        if s.get("kind") not in ("SCANDAL", "LEADERSHIP_CHANGE", "GENERAL"):
            err(w, "kind invalid")
        if not isinstance(s.get("weight"), (int, float)) or s["weight"] <= 0:
            err(w, "weight must be > 0")
    return commitments, [a for _, a in amendments], [p for _, p in progress], [s for _, s in news]


class Model:
    """One commitment's derived state, following DESIGN.md section 4."""

    def __init__(self, c):
        self.c = c
        self.latest = {}  # (milestoneId or None, view) -> (reportedAt, percent, evidence)
        self.start = day_start(parse_date(c["startDate"]))
        self.last_progress = self.start
        self.any_update = False
        self.completion = 0.0

    def _view(self, view):
        ms = self.c.get("milestones", [])
        vals = {}
        for (mid, v), (_, pct, ev) in self.latest.items():
            if v == view:
                vals[mid] = (pct, ev)
        if not vals:
            return None, False
        if not ms:
            pct, ev = vals.get(None, (0.0, False))
            return pct, pct == 100 and ev
        tw = sum(m.get("weight", 1.0) for m in ms)
        comp = sum(m.get("weight", 1.0) * vals.get(m["id"], (0.0, False))[0] for m in ms) / tw
        done = all(vals.get(m["id"], (0, False)) == (100, True) for m in ms)
        return round(comp, 6), done

    def official(self):
        v, done = self._view("official")
        return (v or 0.0), done

    def verified(self):
        return self._view("verified")[0]

    def apply(self, p):
        pct = p["percent"] if "percent" in p else LEVELS[p["level"]]
        ev = bool(p.get("evidenceUrl"))
        at = parse_instant(p["reportedAt"])
        views = ["official", "verified"] if p["source"] == "IRM" else (
            ["official"] if p["source"] == "AGENCY" else ["verified"])
        for view in views:
            key = (p.get("milestoneId"), view)
            if key not in self.latest or self.latest[key][0] <= at:
                self.latest[key] = (at, float(pct), ev)
        self.any_update = True
        return self.refresh(at)

    def refresh(self, at):
        """Recompute official completion; True when it increased (progress)."""
        new, _ = self.official()
        progressed = new > self.completion + 1e-9
        if progressed:
            self.last_progress = at
        self.completion = new
        return progressed

    def state(self, now):
        c = self.c
        comp, done = self.official()
        due_end = day_start(parse_date(c["dueDate"]) + timedelta(days=1))
        stall = c.get("stallAfterDays", STALL_DAYS)
        idle = (now - self.last_progress).total_seconds() / 86400
        total = (due_end - self.start).total_seconds() / 86400
        elapsed = (now - self.start).total_seconds() / 86400
        at_risk = False
        if elapsed >= RISK_SHARE * total and comp < 100:
            pace = comp / elapsed if elapsed > 0 else 0
            at_risk = pace == 0 or now + timedelta(days=(100 - comp) / pace) > due_end
        ver = self.verified()
        disputed = ver is not None and abs(comp - ver) >= DISPUTE_POINTS
        completed = comp >= 100 and done
        stalled = not completed and idle >= stall
        overdue = not completed and now >= due_end
        if completed:
            s = "COMPLETED"
        elif overdue:
            s = "OVERDUE"
        elif stalled:
            s = "STALLED"
        elif at_risk:
            s = "AT_RISK"
        elif not self.any_update:
            s = "NOT_STARTED"
        else:
            s = "ON_TRACK"
        return {"state": s, "completion": round(comp, 1), "verified": None if ver is None else round(ver, 1),
                "stalled": stalled, "atRisk": at_risk and not completed, "disputed": disputed and not completed, "disputedRaw": disputed,
                "overdue": overdue, "completed": completed, "idle": idle,
                "evidenceMissing": comp >= 100 and not done}


def scope_reduced(old, new):
    old_ids = {m["id"] for m in old.get("milestones", [])}
    new_ids = {m["id"] for m in new.get("milestones", [])}
    ow = sum(m.get("weight", 1.0) for m in old.get("milestones", []))
    nw = sum(m.get("weight", 1.0) for m in new.get("milestones", []))
    return bool(old_ids - new_ids) or nw < ow - 1e-9 or new["dueDate"] > old["dueDate"]


def simulate(commitments, amendments, progress, news, end=None):
    models = {c["id"]: Model(c) for c in commitments}
    events = [(parse_instant(a["at"]), 0, "amend", a) for a in amendments]
    events += [(parse_instant(p["reportedAt"]), 1, "progress", p) for p in progress]
    events.sort(key=lambda e: (e[0], e[1]))
    first = min(m.start for m in models.values())
    last = max([e[0] for e in events] + [parse_instant(s["publishedAt"]) for s in news]
               + [day_start(parse_date(c["dueDate"])) for c in commitments])
    end = end or (last + timedelta(days=30))
    alerts, days, flags, spike_on = [], {}, {}, {}
    agencies = sorted({c["agency"] for c in commitments})
    i = 0
    now = first
    while now <= end:
        while i < len(events) and events[i][0] <= now:
            at, _, kind, rec = events[i]
            i += 1
            if kind == "amend":
                m = models[rec["commitment"]["id"]]
                if scope_reduced(m.c, rec["commitment"]):
                    alerts.append((at, "SCOPE_REDUCED", "FIRING", m.c["id"]))
                before = m.completion
                m.c = rec["commitment"]
                m.refresh(at)
                if abs(m.completion - before) > 1e-9:
                    alerts.append((at, "NOTE-amendment-changed-completion", f"{before}->{m.completion}", m.c["id"]))
            else:
                m = models[rec["commitmentId"]]
                was_stalled = flags.get((m.c["id"], "stalled"), False)
                if m.apply(rec) and was_stalled:
                    alerts.append((at, "RESUMED", "FIRING", m.c["id"]))
                    alerts.append((at, "STALLED", "RESOLVED", m.c["id"]))
                    flags[(m.c["id"], "stalled")] = False
        # per-day evaluation at the tick (00:00 UTC)
        for cid, m in models.items():
            st = m.state(now)
            days.setdefault(cid, []).append((now, st))
            for flag, typ in (("stalled", "STALLED"), ("atRisk", "AT_RISK"), ("disputed", "DISPUTED"),
                              ("overdue", "OVERDUE"), ("completed", "COMPLETED")):
                old = flags.get((cid, flag), False)
                if st[flag] and not old:
                    alerts.append((now, typ, "FIRING", cid))
                elif old and not st[flag] and typ != "COMPLETED":
                    alerts.append((now, typ, "RESOLVED", cid))
                flags[(cid, flag)] = st[flag]
        for ag in agencies:
            h = heat(news, ag, now)
            unfinished = any(m.c["agency"] == ag and not m.state(now)["completed"] for m in models.values())
            on = h >= HEAT_THRESHOLD and unfinished
            if on and not spike_on.get(ag):
                alerts.append((now, "SENSITIVITY_SPIKE", "FIRING", ag))
            elif spike_on.get(ag) and not on:
                alerts.append((now, "SENSITIVITY_SPIKE", "RESOLVED", ag))
            spike_on[ag] = on
            days.setdefault("heat:" + ag, []).append((now, h))
        now += timedelta(days=1)
    return models, alerts, days


def heat(news, agency, now, kinds=None):
    h = 0.0
    for s in news:
        t = parse_instant(s["publishedAt"])
        if t <= now and agency in s["agencies"] and (kinds is None or s["kind"] in kinds):
            h += s["weight"] * math.pow(0.5, (now - t).total_seconds() / 86400 / HALF_LIFE)
    return h


def first_day(alerts, typ, cid, status="FIRING", after=None):
    for at, t, s, c in alerts:
        if t == typ and c == cid and s == status and (after is None or at >= after):
            return at
    return None


def d(x):
    return x.date().isoformat() if x else "-"


def mexico_story(commitments, alerts, days, news):
    """Assertions for the Mexico 2013-2015 dataset (see data/README.md)."""
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    for c in commitments:
        need(c.get("cutoffs") == MEXICO_CUTOFFS, f"{c['id']}: cutoffs must be the plan's three cut-offs {MEXICO_CUTOFFS}")
    ratified = datetime(2015, 3, 3, tzinfo=timezone.utc)
    pgr = [c["id"] for c in commitments if c["agency"] == "PGR"]
    sct = [c["id"] for c in commitments if c["agency"] == "SCT"]
    for cid in pgr:
        s = first_day(alerts, "STALLED", cid)
        need(s and datetime(2014, 2, 1, tzinfo=timezone.utc) <= s <= datetime(2014, 4, 30, tzinfo=timezone.utc),
             f"{cid}: first STALLED {d(s)} not within Feb-Apr 2014")
        stalled_2014 = [st["stalled"] for t, st in days[cid] if s and s <= t < ratified]
        need(stalled_2014 and all(stalled_2014), f"{cid}: not stalled throughout until 2015-03-03")
        r = first_day(alerts, "RESUMED", cid)
        need(r and r > ratified, f"{cid}: RESUMED {d(r)} not after 2015-03-03")
        c = first_day(alerts, "COMPLETED", cid)
        need(c and c <= datetime(2015, 10, 29, tzinfo=timezone.utc), f"{cid}: COMPLETED {d(c)} not by the summit")
        jul = [st["completion"] for t, st in days[cid] if t.date() == date(2015, 7, 22)]
        need(jul and jul[0] <= 70, f"{cid}: should be far from complete on 2015-07-22 ({jul})")
    for cid in sct:
        c = first_day(alerts, "COMPLETED", cid)
        need(c and c < datetime(2015, 7, 22, tzinfo=timezone.utc), f"{cid}: COMPLETED {d(c)} not before 2015-07-22")
        need(first_day(alerts, "STALLED", cid) is None, f"{cid}: must never stall")
    spike = first_day(alerts, "SENSITIVITY_SPIKE", "PGR")
    need(spike and datetime(2014, 9, 26, tzinfo=timezone.utc) <= spike <= datetime(2014, 11, 30, tzinfo=timezone.utc),
         f"PGR heat first >= 3.0 on {d(spike)}, not within 2014-09-26..2014-11-30")
    for kinds in (None, {"SCANDAL"}):
        pre = max(heat(news, "PGR", datetime(2013, 10, 1, tzinfo=timezone.utc) + timedelta(days=k), kinds)
                  for k in range(0, 354))  # up to 2014-09-20
        need(pre < HEAT_THRESHOLD, f"PGR heat {pre:.2f} >= 3.0 before 2014-09-20 (kinds {kinds})")
    spikes = [a for a in alerts if a[1] == "SENSITIVITY_SPIKE" and a[2] == "FIRING"]
    need(len(spikes) == 1 and spikes[0][3] == "PGR", f"expected exactly one spike episode (PGR), got {spikes}")
    for cid in [c["id"] for c in commitments if c["agency"] not in ("PGR",)]:
        need(first_day(alerts, "STALLED", cid) is None, f"{cid}: unexpected STALLED")
        need(first_day(alerts, "DISPUTED", cid) is None, f"{cid}: unexpected DISPUTED")
    need(any(a[1] == "DISPUTED" and a[3] in pgr for a in alerts), "no DISPUTED on a PGR commitment")
    need(any(a[1] == "SCOPE_REDUCED" for a in alerts), "no SCOPE_REDUCED amendment")
    need(not any(a[1].startswith("NOTE-") for a in alerts), "an amendment changed a completion figure")
    need(not any(a[1] == "OVERDUE" for a in alerts), "an OVERDUE commitment (all were met by the summit)")
    for c in commitments:
        # official and verified views agree (< 25 points) whenever a commitment is complete, so no
        # implementation can see a dispute on a completed commitment
        need(not any(st["completed"] and st["disputedRaw"] for _, st in days[c["id"]]),
             f"{c['id']}: official and verified views differ by >= 25 points while completed")
    return problems


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    folder = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "mexico-2013-2015")
    commitments, amendments, progress, news = validate(folder)
    if errors:
        print("INVALID:\n  " + "\n  ".join(errors))
        return 1
    print(f"valid: {len(commitments)} commitments, {len(progress)} progress updates, {len(news)} news signals, "
          f"{len(amendments)} amendments")
    models, alerts, days = simulate(commitments, amendments, progress, news)
    if "--timeline" in argv:
        for at, typ, status, who in alerts:
            print(f"  {d(at)}  {typ:<18} {status:<9} {who}")
    print("key dates (simulated, daily ticks at 00:00 UTC):")
    for c in commitments:
        cid = c["id"]
        print(f"  {cid} {c['agency']:<8} first STALLED {d(first_day(alerts, 'STALLED', cid)):<10} "
              f"RESUMED {d(first_day(alerts, 'RESUMED', cid)):<10} "
              f"first AT_RISK {d(first_day(alerts, 'AT_RISK', cid)):<10} "
              f"DISPUTED {d(first_day(alerts, 'DISPUTED', cid)):<10} "
              f"COMPLETED {d(first_day(alerts, 'COMPLETED', cid))}")
    for ag in sorted({c["agency"] for c in commitments}):
        peak = max(days["heat:" + ag], key=lambda x: x[1])
        print(f"  heat {ag:<8} peak {peak[1]:.2f} on {d(peak[0])}; spike "
              f"{d(first_day(alerts, 'SENSITIVITY_SPIKE', ag))} .. "
              f"{d(first_day(alerts, 'SENSITIVITY_SPIKE', ag, 'RESOLVED'))}")
    if commitments and commitments[0].get("planId") == "MX-2013-2015":
        problems = mexico_story(commitments, alerts, days, news)
        if problems:
            print("STORY NOT MET:\n  " + "\n  ".join(problems))
            return 1
        print("story OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
