#!/usr/bin/env python3
"""Build the lfrplan demo week from the real data in data/sources/.

    python3 data/scripts/build_demo.py          # regenerate the outputs in data/
    python3 data/scripts/build_demo.py --check  # regenerate into a temporary folder;
                                                # exit 1 if a committed output differs

Inputs (read only):
  data/sources/met-ward-crime-2023-07_2025-06-robbery-theft-person.csv
  data/sources/london-places.csv
  data/hotspot-wards.csv                      (hand-made hotspot-to-ward table)
Outputs:
  data/hotspot-values.csv                     (step a: value of each hotspot)
  data/demo-week.json                         (step b: the lfrplan-scenario/1 demo week)
  data/demo-week-witness-plan.json            (a valid lfrplan-plan/1 plan that staffs
                                               10 deployments on 5 days: proof of feasibility)

Everything is deterministic: Python 3 standard library only, a self-contained
SplitMix64 generator with a fixed seed, every list sorted or built in a fixed
order, JSON written with indent 2. docs/demo-data.md explains every number.
"""
import argparse
import csv
import datetime
import io
import itertools
import json
import math
import pathlib
import sys
import tempfile

DATA = pathlib.Path(__file__).resolve().parent.parent
SOURCES = DATA / "sources"
CRIME_FILE = SOURCES / "met-ward-crime-2023-07_2025-06-robbery-theft-person.csv"
PLACES_FILE = SOURCES / "london-places.csv"
WARDS_FILE = DATA / "hotspot-wards.csv"
OUTPUTS = ["hotspot-values.csv", "demo-week.json", "demo-week-witness-plan.json", "demo-carnival.json"]

SEED = 20261207
SCENARIO_NAME = "Demo week 2026-12-07"
FIRST_DATE = datetime.date(2026, 12, 7)  # a Monday
DATES = [(FIRST_DATE + datetime.timedelta(days=i)).isoformat() for i in range(7)]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# The latest 12 months in the crime file.
MONTHS = [f"2024{m:02d}" for m in range(7, 13)] + [f"2025{m:02d}" for m in range(1, 7)]
ROBBERY = ("ROBBERY", None)  # both minor categories
THEFT_PERSON = ("THEFT", "THEFT FROM THE PERSON")

RANKS = ["PC", "PS", "Insp", "CI", "Supt", "CS", "Cmdr"]
EARTH_RADIUS_KM = 6371.0088

# ---------------------------------------------------------------------------
# Deterministic random numbers (SplitMix64), independent of Python's random.


class SplitMix64:
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed & self.MASK

    def next_u64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def below(self, n):
        """Uniform integer in [0, n) by rejection (no modulo bias)."""
        limit = (1 << 64) - ((1 << 64) % n)
        while True:
            x = self.next_u64()
            if x < limit:
                return x % n

    def chance(self, p):
        return (self.next_u64() >> 11) < int(p * (1 << 53))

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def shuffled(self, seq):
        out = list(seq)
        for i in range(len(out) - 1, 0, -1):
            j = self.below(i + 1)
            out[i], out[j] = out[j], out[i]
        return out


# ---------------------------------------------------------------------------
# Step (a): hotspot values from the ward crime counts.


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_places():
    places = {}
    for row in read_csv(PLACES_FILE):
        places[(row["kind"], row["name"])] = row
    return places


def read_hotspot_wards():
    """hotspot id -> {name, place, wards: [(code, name, borough)]}, in file order."""
    table = {}
    for n, row in enumerate(read_csv(WARDS_FILE), start=2):
        h = table.setdefault(row["hotspot_id"], {"name": row["hotspot_name"], "place": row["place"], "wards": []})
        if (h["name"], h["place"]) != (row["hotspot_name"], row["place"]):
            fail(f"{WARDS_FILE.name}:{n}: hotspot {row['hotspot_id']} has two names")
        if not row["basis"].strip():
            fail(f"{WARDS_FILE.name}:{n}: empty basis")
        h["wards"].append((row["ward_code"], row["ward_name"], row["ward_borough"]))
    return table


def hotspot_values(places, table):
    crime = read_csv(CRIME_FILE)
    ward_names = {}
    counts = {}  # (ward code, "robbery" | "theft_person") -> count over MONTHS
    for row in crime:
        ward_names.setdefault(row["WardCode"], set()).add((row["WardName"], row["LookUp_BoroughName"]))
        if row["MajorText"] == ROBBERY[0]:
            kind = "robbery"
        elif (row["MajorText"], row["MinorText"]) == THEFT_PERSON:
            kind = "theft_person"
        else:
            fail(f"{CRIME_FILE.name}: unexpected category {row['MajorText']} / {row['MinorText']}")
        key = (row["WardCode"], kind)
        counts[key] = counts.get(key, 0) + sum(int(row[m]) for m in MONTHS)

    rows = []
    seen_wards = {}
    for hid, h in table.items():
        place = places.get(("hotspot", h["place"]))
        if place is None:
            fail(f"{WARDS_FILE.name}: {hid}: place {h['place']!r} is not a hotspot in {PLACES_FILE.name}")
        robbery = theft = 0
        for code, name, borough in h["wards"]:
            if ward_names.get(code) != {(name, borough)}:
                fail(f"{WARDS_FILE.name}: {hid}: ward {code} {name!r} ({borough}) is not in the crime file "
                     f"as written (file has {sorted(ward_names.get(code, []))})")
            if code in seen_wards:
                fail(f"{WARDS_FILE.name}: ward {code} is used by both {seen_wards[code]} and {hid}")
            seen_wards[code] = hid
            if borough != place["borough"]:
                fail(f"{WARDS_FILE.name}: {hid}: ward {code} is in {borough}, the place in {place['borough']}")
            robbery += counts.get((code, "robbery"), 0)
            theft += counts.get((code, "theft_person"), 0)
        rows.append({"id": hid, "name": h["name"], "borough": place["borough"],
                     "lat": float(place["lat"]), "lon": float(place["lon"]),
                     "wards": "; ".join(f"{c} {n}" for c, n, _ in h["wards"]),
                     "robbery": robbery, "theft_person": theft, "total": robbery + theft})
    top = max(r["total"] for r in rows)
    for r in rows:
        # value = 100 * sqrt(total / top total), one decimal: see docs/demo-data.md.
        r["value"] = round(100.0 * math.sqrt(r["total"] / top), 1)
        if r["value"] <= 0:
            fail(f"hotspot {r['id']}: value {r['value']} is not > 0")
    return rows


def hotspot_values_csv(rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["hotspot_id", "name", "borough", "wards", "months", "robbery", "theft_person", "total", "value"])
    for r in rows:
        w.writerow([r["id"], r["name"], r["borough"], r["wards"], f"{MONTHS[0]}-{MONTHS[-1]}",
                    r["robbery"], r["theft_person"], r["total"], f"{r['value']:.1f}"])
    return out.getvalue()


# ---------------------------------------------------------------------------
# Step (b): the scenario.

WINDOWS = [("day", "11:00", "17:00"), ("evening", "17:00", "21:00")]
SHIFTS = [("early", "07:00", "15:00"), ("day", "10:00", "18:00"), ("late", "14:00", "22:00"),
          ("night", "22:00", "07:00"), ("lfr", "10:00", "22:00")]
ROLES = [{"id": "silver", "min_rank": "Insp", "skill": "lfr-silver"},
         {"id": "operator", "skill": "lfr-operator"},
         {"id": "engagement", "skill": "lfr-engagement"}]
CREW = {"silver": 1, "operator": 2, "engagement": 6}
POLICY = {"max_deployments": 10, "max_days": 5, "max_duties_per_officer": 2, "travel_weight": 0.1}
VANS = [{"id": "LFR-1", "name": "LFR van 1", "max_per_date": 1},
        {"id": "LFR-2", "name": "LFR van 2", "max_per_date": 1},
        {"id": "LFR-3", "name": "LFR van 3", "unavailable": ["2026-12-09"], "max_per_date": 1}]

# Weekday profiles (planner's judgement, not derived from data; see docs).
WEEKDAY_PROFILES = {
    "west-end":  [0.8, 0.8, 0.9, 1.0, 1.2, 1.3, 1.0],
    "shopping":  [0.9, 0.9, 0.9, 1.0, 1.1, 1.2, 0.8],
    "nightlife": [0.7, 0.8, 0.9, 1.0, 1.3, 1.3, 0.8],
    "commuter":  [1.0, 1.1, 1.1, 1.1, 1.0, 0.9, 0.7],
}

# hotspot id -> (window multipliers, weekday profile, min_gap_days, crew override or None)
HOTSPOT_PARAMS = {
    "oxford-circus":        ({"day": 1.0, "evening": 0.9}, "west-end", 1,
                             {"silver": 1, "operator": 2, "engagement": 8}),
    "leicester-square":     ({"day": 0.9, "evening": 1.2}, "west-end", 1, None),
    "tottenham-court-road": ({"day": 1.0, "evening": 0.9}, "west-end", 2, None),
    "camden-town":          ({"day": 1.0, "evening": 1.0}, "nightlife", 2, None),
    "brixton":              ({"day": 1.0, "evening": 1.0}, "nightlife", 2, None),
    "kingston":             ({"day": 1.0, "evening": 0.8}, "shopping", 2, None),
    "ealing-broadway":      ({"day": 1.0, "evening": 0.8}, "shopping", 2, None),
    "finsbury-park":        ({"day": 1.0, "evening": 0.9}, "commuter", 2, None),
    "london-bridge":        ({"day": 1.0, "evening": 0.9}, "commuter", 2, None),
    "walworth-road":        ({"day": 1.0}, "shopping", 2, None),
    "peckham":              ({"day": 1.0, "evening": 0.9}, "nightlife", 2, None),
    "spitalfields":         ({"day": 1.0, "evening": 1.0}, "nightlife", 2, None),
    "croydon-north-end":    ({"day": 1.0, "evening": 0.8}, "shopping", 2, None),
    "stratford":            ({"day": 1.0, "evening": 0.8}, "shopping", 2, None),
    "wood-green":           ({"day": 1.0, "evening": 0.8}, "shopping", 2, None),
    "romford":              ({"day": 1.0, "evening": 0.9}, "shopping", 2, None),
    "ilford":               ({"day": 1.0, "evening": 0.8}, "shopping", 2, None),
    "notting-hill":         ({"day": 1.0, "evening": 0.8}, "shopping", 2, None),
}

# Seven-day rotas (Monday first, None = rest day). An officer with offset k
# works ROTA[(weekday + k) % 7]; offsets are spread 0, 2, 4, 6, 1, 3, 5, ...
ROTAS = {
    "town":     ["early", "day", "day", "late", "late", None, None],
    "response": [None, "night", "night", None, "early", "early", "late"],
    "crime":    ["day", "day", "day", "early", "early", None, None],
    "flying":   ["early", "early", "day", "day", "late", None, None],
    "lfr":      ["lfr", "lfr", "lfr", "lfr", None, None, None],
    "office":   ["day", "day", "day", "day", "day", None, None],  # fixed, not rotated
}

# The teams. size = before + added by the 2025 restructure (see docs/demo-data.md).
# silver_insp: how many inspectors hold lfr-silver; silver_ci: chief inspectors do too.
# engagement: share of PCs and PSs trained as LFR engagement officers.
TEAMS = [
    dict(id="west-end", name="West End Town Centre Team", base="Charing Cross police station",
         before=160, added=80, rota="town", response_share=3, engagement=0.85, silver_insp=6,
         silver_ci=True, min_on_duty=140, max_abstracted=14),
    dict(id="public-order-crime", name="Public Order Crime Team", base="New Scotland Yard",
         before=0, added=63, rota="crime", engagement=0.5, silver_insp=1, silver_ci=False,
         min_on_duty=35, max_abstracted=8),
    dict(id="brixton", name="Brixton Town Centre Team", base="Brixton police station",
         before=35, added=15, rota="town", engagement=0.8, silver_insp=1, silver_ci=False,
         min_on_duty=25, max_abstracted=7),
    dict(id="kingston", name="Kingston Town Centre Team", base="Kingston police station",
         before=25, added=15, rota="town", engagement=0.8, silver_insp=1, silver_ci=False,
         min_on_duty=22, max_abstracted=7),
    dict(id="ealing", name="Ealing Broadway Town Centre Team", base="Ealing police station",
         before=27, added=15, rota="town", engagement=0.8, silver_insp=0, silver_ci=False,
         min_on_duty=21, max_abstracted=7),
    dict(id="finsbury-park", name="Finsbury Park Town Centre Team", base="Islington police station",
         before=30, added=15, rota="town", engagement=0.8, silver_insp=1, silver_ci=False,
         min_on_duty=23, max_abstracted=7),
    dict(id="southwark", name="Southwark Town Centres Team", base="Walworth police station",
         before=40, added=15, rota="town", engagement=0.8, silver_insp=1, silver_ci=False,
         min_on_duty=28, max_abstracted=9),
    dict(id="spitalfields", name="Spitalfields Town Centre Team", base="Bethnal Green police station",
         before=30, added=15, rota="town", engagement=0.8, silver_insp=0, silver_ci=False,
         min_on_duty=23, max_abstracted=7),
    dict(id="flying-squad", name="Flying Squad", base="New Scotland Yard",
         before=80, added=50, rota="flying", engagement=0.4, silver_insp=2, silver_ci=True,
         min_on_duty=80, max_abstracted=8),
    dict(id="lfr-unit", name="Live Facial Recognition Unit", base="Lambeth HQ",
         before=26, added=0, rota="lfr", engagement=1.0, silver_insp=4, silver_ci=True,
         min_on_duty=2, max_abstracted=8, operators=12,
         ranks={"CI": 1, "Insp": 4, "PS": 3, "PC": 18}),
    dict(id="croydon", name="Croydon Town Centre Team", base="Croydon police station",
         before=45, added=0, rota="town", engagement=0.8, silver_insp=1, silver_ci=False,
         min_on_duty=23, max_abstracted=7),
    dict(id="stratford", name="Stratford Town Centre Team", base="Bethnal Green police station",
         before=40, added=0, rota="town", engagement=0.8, silver_insp=1, silver_ci=False,
         min_on_duty=20, max_abstracted=7),
    dict(id="wood-green", name="Wood Green Town Centre Team", base="Stoke Newington police station",
         before=40, added=0, rota="town", engagement=0.8, silver_insp=0, silver_ci=False,
         min_on_duty=22, max_abstracted=7),
]

# Share of officers with a personal max_duties of 1 (part-time or recuperative duties).
PART_TIME_SHARE = 0.03

FIRST_NAMES = sorted(set("""
Oliver George Harry Jack Jacob Noah Charlie Thomas Oscar William James Henry Leo Alfie Joshua
Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Max Daniel Arthur Lucas Mohammed
Muhammad Ahmed Omar Yusuf Ibrahim Hassan Bilal Imran Arjun Rohan Ravi Sanjay Vikram Kwame Kofi
Chidi Emeka Tunde Olumide Femi Abdi Tariq Liam Seán Ciarán Conor Declan Dafydd Rhys Callum Ewan
Jamie Marcus Darren Wayne Lee Gareth Stuart Piotr Łukasz Tomasz Mateus João Andrei Mehmet Kemal
Nikos Andreas Wei Minh Tyrone Dwayne Jermaine Matthew Christopher Andrew Paul Mark Richard Stephen
David Michael Olivia Amelia Isla Ava Emily Sophie Grace Mia Poppy Ella Lily Evie Charlotte Jessica
Freya Ruby Chloe Zoë Hannah Holly Lucy Sarah Rebecca Laura Emma Claire Rachel Nicola Kelly Gemma
Priya Anjali Sunita Deepa Nisha Aisha Fatima Maryam Amina Yasmin Nadia Sana Hafsa Shabnam Rukhsana
Chiamaka Ngozi Adaeze Funmilayo Abena Akosua Ama Hodan Siobhán Aoife Niamh Róisín Caoimhe Rhiannon
Cerys Eilidh Agnieszka Małgorzata Katarzyna Ana Inês Beatriz Elif Ayşe Eleni Mei Lan Keisha
Shanice Tanisha Jade Danielle Natalie Victoria Helen Joanne Louise Michelle Karen Samantha
Stephanie Kirsty Leanne Bethany Megan Chantelle
""".split()))

SURNAMES = sorted(set("""
Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson
Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner Martin Cooper
Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis
Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw
Murphy Miller Cox Richards Marshall Anderson Simpson Ellis Adams Wilkinson Foster Chapman Powell
Webb Rogers Gray Mason Hunt Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler
Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Fletcher Walsh Gibson
Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence
Cole Atkinson Bradley Spencer Gill Dawson Ball Burton Watts Rose Booth Perry Ryan Grant Wells
Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh
Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton Reed
Kennedy Williamson Bird Gardner Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns
Nicholson Shepherd Ross Cross Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson
Curtis Hopkins Harper Coleman Watkins Moss McCarthy Chambers Griffin Sharp Hardy Wheeler Potter
Osborne Gordon Doyle Wallace Jordan Burke Pritchard Gilbert Willis Higgins Miles Stephenson Arnold
Buckley Nelson Slater Sullivan Lambert Blake Lynch Quinn Baxter Jennings Kemp Gallagher Stokes
Tucker Fowler Heath Lawson Banks Jarvis Ferguson Douglas Peters Lucas Morrison Preston Thornton
Khan Patel Singh Kaur Ahmed Ali Hussain Begum Shah Akhtar Rahman Islam Uddin Miah Chowdhury Sharma
Gupta Mistry Desai Joshi Okafor Adeyemi Mensah Owusu Boateng Asante Nwosu Eze Abubakar Ibrahim
Mohamed Osman Nowak Kowalski Wiśniewski Popescu Silva Santos Ferreira Gonçalves Costa Rossi
Papadopoulos Yılmaz Öztürk Demir Nguyen Chen Wong Li D'Souza O'Brien O'Connor O'Neill O'Sullivan
Lloyd-Jones Ashby-Clarke Hughes-Mensah Campbell-Brown Smith-Okafor Ní_Bhriain Mac_Giolla_Phádraig
""".split()))
SURNAMES = [s.replace("_", " ") for s in SURNAMES]


def team_ranks(team):
    if "ranks" in team:
        return team["ranks"]
    n = team["before"] + team["added"]
    supt = 1 if n >= 200 else 0
    ci = 2 if n >= 200 else (1 if n >= 100 else 0)
    insp = max(2, int(n * 0.04 + 0.5))
    ps = int(n * 0.15 + 0.5)
    return {"Supt": supt, "CI": ci, "Insp": insp, "PS": ps, "PC": n - supt - ci - insp - ps}


def build_officers(rng):
    officers = []
    used_ids, used_names = set(), set()

    def new_id():
        while True:
            oid = f"MP{100000 + rng.below(200000)}"
            if oid not in used_ids:
                used_ids.add(oid)
                return oid

    def new_name():
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            if name not in used_names:
                used_names.add(name)
                return name

    for team in TEAMS:
        ranks = team_ranks(team)
        members = []
        for rank in ["Supt", "CI", "Insp", "PS", "PC"]:
            for _ in range(ranks.get(rank, 0)):
                members.append({"id": new_id(), "name": new_name(), "rank": rank, "team": team["id"]})
        # Skills.
        by_rank = {r: rng.shuffled([m for m in members if m["rank"] == r]) for r in ["Supt", "CI", "Insp", "PS", "PC"]}
        for m in members:
            m["skills"] = []
        for k, m in enumerate(by_rank["Insp"]):
            if k < team["silver_insp"]:
                m["skills"].append("lfr-silver")
        if team["silver_ci"]:
            for m in by_rank["CI"]:
                m["skills"].append("lfr-silver")
        constables = by_rank["PS"] + by_rank["PC"]
        for k, m in enumerate(constables):
            if k < team.get("operators", 0):
                m["skills"].append("lfr-operator")  # operators are specialists: no engagement
            elif rng.chance(team["engagement"]):
                m["skills"].append("lfr-engagement")
        # Rotas: each rank's officers are spread over the offsets 0, 2, 4, 6, 1, 3, 5, ...
        for rank in ["Supt", "CI", "Insp", "PS", "PC"]:
            groups = {}
            for k, m in enumerate(by_rank[rank]):
                if rank in ("Supt", "CI"):
                    rota = "office"
                elif rank in ("PS", "PC") and team.get("response_share") and k % team["response_share"] == 2:
                    rota = "response"
                else:
                    rota = team["rota"]
                groups.setdefault(rota, []).append(m)
            for rota, group in groups.items():
                for k, m in enumerate(group):
                    offset = 0 if rota == "office" else (2 * k) % 7
                    pattern = ROTAS[rota]
                    m["roster"] = {}
                    for d, date in enumerate(DATES):
                        shift = pattern[(d + offset) % 7]
                        if shift is not None:
                            m["roster"][date] = shift
        for m in members:
            m["skills"].sort()
            if m["rank"] in ("PC", "PS") and rng.chance(PART_TIME_SHARE):
                m["max_duties"] = 1
        members.sort(key=lambda m: (-RANKS.index(m["rank"]), m["id"]))
        officers.extend(members)
    out = []
    for m in officers:
        o = {"id": m["id"], "name": m["name"], "rank": m["rank"], "team": m["team"],
             "skills": m["skills"], "roster": m["roster"]}
        if "max_duties" in m:
            o["max_duties"] = m["max_duties"]
        out.append(o)
    return out


def build_scenario(values, places):
    rng = SplitMix64(SEED)
    teams = []
    for t in TEAMS:
        base = places.get(("base", t["base"]))
        if base is None:
            fail(f"team {t['id']}: base {t['base']!r} is not a base in {PLACES_FILE.name}")
        teams.append({"id": t["id"], "name": t["name"],
                      "base": {"lat": float(base["lat"]), "lon": float(base["lon"])},
                      "min_on_duty": t["min_on_duty"], "max_abstracted": t["max_abstracted"]})
    hotspots = []
    if sorted(HOTSPOT_PARAMS) != sorted(v["id"] for v in values):
        fail("HOTSPOT_PARAMS and hotspot-wards.csv list different hotspots")
    for v in values:
        windows, profile, gap, crew = HOTSPOT_PARAMS[v["id"]]
        h = {"id": v["id"], "name": v["name"], "borough": v["borough"],
             "location": {"lat": v["lat"], "lon": v["lon"]}, "value": v["value"],
             "windows": dict(windows),
             "weekday_factor": dict(zip(WEEKDAYS, WEEKDAY_PROFILES[profile])),
             "max_per_horizon": 2, "min_gap_days": gap, "repeat_decay": 0.5}
        if crew is not None:
            h["crew"] = dict(crew)
        hotspots.append(h)
    return {
        "format": "lfrplan-scenario/1",
        "name": SCENARIO_NAME,
        "dates": list(DATES),
        "policy": dict(POLICY),
        "windows": [{"id": i, "start": s, "end": e} for i, s, e in WINDOWS],
        "shifts": [{"id": i, "start": s, "end": e} for i, s, e in SHIFTS],
        "roles": [dict(r) for r in ROLES],
        "crew": dict(CREW),
        "teams": teams,
        "officers": build_officers(rng),
        "hotspots": hotspots,
        "vans": [json.loads(json.dumps(v)) for v in VANS],
    }


# ---------------------------------------------------------------------------
# Format checks (section 1 of docs/planning-problem.md).


class BuildError(Exception):
    pass


def fail(msg):
    raise BuildError(msg)


def parse_date(text):
    """Strict YYYY-MM-DD (date.fromisoformat needs Python 3.7)."""
    return datetime.datetime.strptime(text, "%Y-%m-%d").date()


def minutes(hhmm):
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def check_keys(obj, path, required, optional=()):
    if not isinstance(obj, dict):
        fail(f"{path}: not an object")
    for k in obj:
        if k not in required and k not in optional:
            fail(f"{path}.{k}: unknown key")
    for k in required:
        if k not in obj:
            fail(f"{path}.{k}: missing")


def check_int(x, path):
    if not (isinstance(x, int) and not isinstance(x, bool) and x >= 0):
        fail(f"{path}: not an integer >= 0")


def check_num(x, path, positive=False):
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x) or x < 0 or (positive and x <= 0):
        fail(f"{path}: not a number {'> 0' if positive else '>= 0'}")


def check_date(x, path, dates):
    try:
        ok = isinstance(x, str) and len(x) == 10 and parse_date(x).isoformat() == x
    except ValueError:
        ok = False
    if not ok:
        fail(f"{path}: not a YYYY-MM-DD date")
    if dates is not None and x not in dates:
        fail(f"{path}: {x} is not one of dates")


def check_time(x, path):
    if not (isinstance(x, str) and len(x) == 5 and x[2] == ":" and x[:2].isdigit() and x[3:].isdigit()
            and int(x[:2]) <= 23 and int(x[3:]) <= 59):
        fail(f"{path}: not an HH:MM time")


def check_ids(items, path):
    ids = set()
    for i, item in enumerate(items):
        if not isinstance(item.get("id"), str) or not item["id"]:
            fail(f"{path}[{i}].id: not a non-empty string")
        if item["id"] in ids:
            fail(f"{path}[{i}].id: duplicate id {item['id']!r}")
        ids.add(item["id"])
    return ids


def check_location(loc, path):
    check_keys(loc, path, ["lat", "lon"])
    if not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180):
        fail(f"{path}: out of range")
    if not (51.2 < loc["lat"] < 51.8 and -0.6 < loc["lon"] < 0.4):
        fail(f"{path}: not in London")


def validate_scenario(s):
    check_keys(s, "$", ["format", "name", "dates", "windows", "shifts", "roles", "crew", "teams",
                        "officers", "hotspots", "vans"], ["policy", "pinned"])
    if s["format"] != "lfrplan-scenario/1":
        fail("format: wrong")
    if not isinstance(s["name"], str):
        fail("name: not a string")
    dates = s["dates"]
    if not (1 <= len(dates) <= 366):
        fail("dates: 1 to 366 dates")
    for i, d in enumerate(dates):
        check_date(d, f"dates[{i}]", None)
        if i and d <= dates[i - 1]:
            fail(f"dates[{i}]: not ascending and unique")
    dset = set(dates)
    check_keys(s["policy"], "policy", [], ["max_deployments", "max_days", "max_per_date",
                                           "max_duties_per_officer", "travel_weight"])
    for k, v in s["policy"].items():
        (check_num if k == "travel_weight" else check_int)(v, f"policy.{k}")
    windows = {}
    for i, w in enumerate(s["windows"]):
        check_keys(w, f"windows[{i}]", ["id", "start", "end"])
        check_time(w["start"], f"windows[{i}].start")
        check_time(w["end"], f"windows[{i}].end")
        if minutes(w["start"]) >= minutes(w["end"]):
            fail(f"windows[{i}]: start must be before end")
        windows[w["id"]] = w
    check_ids(s["windows"], "windows")
    for i, sh in enumerate(s["shifts"]):
        check_keys(sh, f"shifts[{i}]", ["id", "start", "end"])
        check_time(sh["start"], f"shifts[{i}].start")
        check_time(sh["end"], f"shifts[{i}].end")
    shifts = check_ids(s["shifts"], "shifts")
    for i, r in enumerate(s["roles"]):
        check_keys(r, f"roles[{i}]", ["id"], ["min_rank", "skill"])
        if "min_rank" in r and r["min_rank"] not in RANKS:
            fail(f"roles[{i}].min_rank: unknown rank")
    roles = check_ids(s["roles"], "roles")

    def check_crew(crew, path):
        if not isinstance(crew, dict):
            fail(f"{path}: not an object")
        for k, v in crew.items():
            if k not in roles:
                fail(f"{path}.{k}: unknown role")
            check_int(v, f"{path}.{k}")
    check_crew(s["crew"], "crew")
    for i, t in enumerate(s["teams"]):
        check_keys(t, f"teams[{i}]", ["id", "name", "base"], ["min_on_duty", "max_abstracted"])
        check_location(t["base"], f"teams[{i}].base")
        for k in ("min_on_duty", "max_abstracted"):
            if k in t:
                check_int(t[k], f"teams[{i}].{k}")
    teams = check_ids(s["teams"], "teams")
    for i, o in enumerate(s["officers"]):
        p = f"officers[{i}]"
        check_keys(o, p, ["id", "name", "rank", "team", "skills", "roster"], ["max_duties"])
        if not o["name"]:
            fail(f"{p}.name: empty")
        if o["rank"] not in RANKS:
            fail(f"{p}.rank: unknown rank {o['rank']!r}")
        if o["team"] not in teams:
            fail(f"{p}.team: unknown team {o['team']!r}")
        if not all(isinstance(x, str) and x for x in o["skills"]) or len(set(o["skills"])) != len(o["skills"]):
            fail(f"{p}.skills: bad skill list")
        for d, sh in o["roster"].items():
            check_date(d, f"{p}.roster.{d}", dset)
            if sh not in shifts:
                fail(f"{p}.roster.{d}: unknown shift {sh!r}")
        if "max_duties" in o:
            check_int(o["max_duties"], f"{p}.max_duties")
    check_ids(s["officers"], "officers")
    for i, h in enumerate(s["hotspots"]):
        p = f"hotspots[{i}]"
        check_keys(h, p, ["id", "name", "borough", "location", "value", "windows"],
                   ["weekday_factor", "dates", "max_per_horizon", "min_gap_days", "repeat_decay", "crew"])
        check_location(h["location"], f"{p}.location")
        check_num(h["value"], f"{p}.value", positive=True)
        if not h["windows"]:
            fail(f"{p}.windows: empty")
        for w, m in h["windows"].items():
            if w not in windows:
                fail(f"{p}.windows.{w}: unknown window")
            check_num(m, f"{p}.windows.{w}", positive=True)
        for k, f in h.get("weekday_factor", {}).items():
            if k not in WEEKDAYS:
                fail(f"{p}.weekday_factor.{k}: not a weekday")
            check_num(f, f"{p}.weekday_factor.{k}")
        for j, d in enumerate(h.get("dates", [])):
            check_date(d, f"{p}.dates[{j}]", dset)
        for k in ("max_per_horizon", "min_gap_days"):
            if k in h:
                check_int(h[k], f"{p}.{k}")
        if "repeat_decay" in h and not (0 <= h["repeat_decay"] <= 1):
            fail(f"{p}.repeat_decay: not in [0,1]")
        if "crew" in h:
            check_crew(h["crew"], f"{p}.crew")
    check_ids(s["hotspots"], "hotspots")
    for i, v in enumerate(s["vans"]):
        check_keys(v, f"vans[{i}]", ["id"], ["name", "unavailable", "max_per_date"])
        for j, d in enumerate(v.get("unavailable", [])):
            check_date(d, f"vans[{i}].unavailable[{j}]", dset)
        if "max_per_date" in v:
            check_int(v["max_per_date"], f"vans[{i}].max_per_date")
    check_ids(s["vans"], "vans")
    if s.get("pinned"):
        fail("pinned: the demo week has no pins")
    # Round trip: the file must be plain JSON (no NaN) and survive a reload unchanged.
    if json.loads(json.dumps(s, allow_nan=False)) != s:
        fail("scenario does not round-trip through JSON")


# ---------------------------------------------------------------------------
# The witness plan: a greedy plan that proves 10 deployments on 5 days can be
# staffed, checked against every hard constraint (section 3).


def haversine_km(a, b):
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dp, dl = p2 - p1, math.radians(b["lon"] - a["lon"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


class Index:
    def __init__(self, s):
        self.s = s
        self.policy = {"max_deployments": 10, "max_days": 5, "max_duties_per_officer": 2, "travel_weight": 0.1}
        self.policy.update(s.get("policy", {}))
        self.windows = {w["id"]: w for w in s["windows"]}
        self.shifts = {x["id"]: x for x in s["shifts"]}
        self.roles = {r["id"]: r for r in s["roles"]}
        self.teams = {t["id"]: t for t in s["teams"]}
        self.officers = {o["id"]: o for o in s["officers"]}
        self.hotspots = {h["id"]: h for h in s["hotspots"]}
        self.vans = {v["id"]: v for v in s["vans"]}
        self.on_duty = {}  # (team, date) -> officers with a roster entry
        for o in s["officers"]:
            for d in o["roster"]:
                self.on_duty[(o["team"], d)] = self.on_duty.get((o["team"], d), 0) + 1

    def crew_of(self, hotspot):
        return self.hotspots[hotspot].get("crew", self.s["crew"])

    def covers(self, officer, date, window):
        sid = self.officers[officer]["roster"].get(date)
        if sid is None:
            return False
        sh, w = self.shifts[sid], self.windows[window]
        start, end = minutes(sh["start"]), minutes(sh["end"])
        if end <= start:
            end += 24 * 60
        return start <= minutes(w["start"]) and minutes(w["end"]) <= end

    def qualified(self, officer, role):
        o, r = self.officers[officer], self.roles[role]
        if "min_rank" in r and RANKS.index(o["rank"]) < RANKS.index(r["min_rank"]):
            return False
        return "skill" not in r or r["skill"] in o["skills"]

    def max_duties(self, officer):
        return self.officers[officer].get("max_duties", self.policy["max_duties_per_officer"])

    def team_cap(self, team, date):
        t = self.teams[team]
        cap = max(0, self.on_duty.get((team, date), 0) - t.get("min_on_duty", 0))
        if "max_abstracted" in t:
            cap = min(cap, t["max_abstracted"])
        return cap

    def v(self, hotspot, date, window):
        h = self.hotspots[hotspot]
        wd = WEEKDAYS[parse_date(date).weekday()]
        return h["value"] * h["windows"][window] * h.get("weekday_factor", {}).get(wd, 1.0)


def evaluate(ix, deployments):
    """VALUE, TRAVEL and OBJECTIVE of section 4."""
    by_hotspot = {}
    travel = 0.0
    for d in deployments:
        by_hotspot.setdefault(d["hotspot"], []).append(ix.v(d["hotspot"], d["date"], d["window"]))
        loc = ix.hotspots[d["hotspot"]]["location"]
        for c in d["crew"]:
            travel += haversine_km(ix.teams[ix.officers[c["officer"]]["team"]]["base"], loc)
    value = 0.0
    for h, vs in sorted(by_hotspot.items()):
        decay = ix.hotspots[h].get("repeat_decay", 0.5)
        value += sum(decay ** k * x for k, x in enumerate(sorted(vs, reverse=True)))
    travel *= ix.policy["travel_weight"]
    return value, travel, value - travel


def validate_plan(ix, deployments):
    """Every hard constraint of section 3; raises BuildError on the first fault."""
    p = ix.policy
    dates = [d["date"] for d in deployments]
    if len(deployments) > p["max_deployments"]:
        fail("plan: too many deployments")
    if len(set(dates)) > p["max_days"]:
        fail("plan: too many dates")
    if "max_per_date" in p and any(dates.count(x) > p["max_per_date"] for x in dates):
        fail("plan: too many deployments on one date")
    keys, per_hotspot, van_use, duties, per_date_officer, abstracted = set(), {}, {}, {}, set(), {}
    for i, d in enumerate(deployments):
        path = f"plan.deployments[{i}]"
        h = ix.hotspots[d["hotspot"]]
        if d["date"] not in ix.s["dates"] or d["window"] not in h["windows"]:
            fail(f"{path}: date or window not allowed")
        if "dates" in h and d["date"] not in h["dates"]:
            fail(f"{path}: date not allowed at hotspot")
        key = (d["hotspot"], d["date"], d["window"])
        if key in keys:
            fail(f"{path}: duplicate hotspot/date/window")
        keys.add(key)
        per_hotspot.setdefault(d["hotspot"], []).append(parse_date(d["date"]))
        van = ix.vans[d["van"]]
        if d["date"] in van.get("unavailable", []):
            fail(f"{path}: van unavailable")
        w = ix.windows[d["window"]]
        for other in van_use.get((d["van"], d["date"]), []):
            if minutes(w["start"]) < minutes(other["end"]) and minutes(other["start"]) < minutes(w["end"]):
                fail(f"{path}: van windows overlap")
        van_use.setdefault((d["van"], d["date"]), []).append(w)
        if len(van_use[(d["van"], d["date"])]) > van.get("max_per_date", 1):
            fail(f"{path}: van used too often that date")
        need = {r: n for r, n in ix.crew_of(d["hotspot"]).items() if n}
        got = {}
        seen = set()
        for c in d["crew"]:
            o = c["officer"]
            got[c["role"]] = got.get(c["role"], 0) + 1
            if o in seen:
                fail(f"{path}: {o} twice in one crew")
            seen.add(o)
            if not ix.qualified(o, c["role"]):
                fail(f"{path}: {o} not qualified as {c['role']}")
            if not ix.covers(o, d["date"], d["window"]):
                fail(f"{path}: {o} not on a covering shift")
            if (o, d["date"]) in per_date_officer:
                fail(f"{path}: {o} staffs two deployments on {d['date']}")
            per_date_officer.add((o, d["date"]))
            duties[o] = duties.get(o, 0) + 1
            if duties[o] > ix.max_duties(o):
                fail(f"{path}: {o} over max duties")
            tkey = (ix.officers[o]["team"], d["date"])
            abstracted[tkey] = abstracted.get(tkey, 0) + 1
            if abstracted[tkey] > ix.team_cap(*tkey):
                fail(f"{path}: team {tkey[0]} over its staffing limit on {tkey[1]}")
        if got != need:
            fail(f"{path}: crew {got} does not match {need}")
    for hid, ds in per_hotspot.items():
        h = ix.hotspots[hid]
        if len(ds) > h.get("max_per_horizon", 2):
            fail(f"plan: hotspot {hid} over max_per_horizon")
        ds.sort()
        for a, b in zip(ds, ds[1:]):
            if (b - a).days < h.get("min_gap_days", 1):
                fail(f"plan: hotspot {hid} deployments too close")
    return abstracted


def greedy_plan(ix, allowed_dates, per_date):
    """Greedy on the given dates: best (hotspot, date, window) first; crew scarcest role first,
    nearest officer first, keeping the teams that supply the scarcest role for that role."""
    cands = []
    for hid, h in ix.hotspots.items():
        for date in allowed_dates:
            for w in h["windows"]:
                cands.append((-ix.v(hid, date, w), hid, date, w))
    cands.sort()
    deployments, duties, busy, abstracted = [], {}, set(), {}
    role_order = sorted(ix.roles, key=lambda r: (sum(1 for o in ix.officers if ix.qualified(o, r)), r))
    scarce_teams = {ix.officers[o]["team"] for o in ix.officers if ix.qualified(o, role_order[0])}
    for _, hid, date, window in cands:
        if len(deployments) == ix.policy["max_deployments"]:
            break
        mine = [d for d in deployments if d["hotspot"] == hid]
        if len(mine) >= ix.hotspots[hid].get("max_per_horizon", 2):
            continue
        if sum(1 for d in deployments if d["date"] == date) >= per_date:
            continue
        gap = ix.hotspots[hid].get("min_gap_days", 1)
        day = parse_date(date)
        if any(abs((parse_date(d["date"]) - day).days) < gap for d in mine):
            continue
        vans = [v for v in sorted(ix.vans) if date not in ix.vans[v].get("unavailable", [])
                and not any(d["van"] == v and d["date"] == date for d in deployments)]
        if not vans:
            continue
        loc = ix.hotspots[hid]["location"]
        crew, trial, short = [], dict(abstracted), False
        for role in role_order:
            n = ix.crew_of(hid).get(role, 0)
            pool = []
            for oid, o in ix.officers.items():
                if ((oid, date) in busy or duties.get(oid, 0) >= ix.max_duties(oid)
                        or not ix.qualified(oid, role) or not ix.covers(oid, date, window)
                        or any(c["officer"] == oid for c in crew)):
                    continue
                keep_back = role != role_order[0] and o["team"] in scarce_teams
                pool.append((keep_back, round(haversine_km(ix.teams[o["team"]]["base"], loc), 6), oid))
            pool.sort()
            for _, _, oid in pool:
                if n == 0:
                    break
                tkey = (ix.officers[oid]["team"], date)
                if trial.get(tkey, 0) < ix.team_cap(*tkey):
                    trial[tkey] = trial.get(tkey, 0) + 1
                    crew.append({"officer": oid, "role": role})
                    n -= 1
            if n:
                short = True
                break
        if short:
            continue
        role_ids = [r["id"] for r in ix.s["roles"]]
        crew.sort(key=lambda c: (role_ids.index(c["role"]), c["officer"]))
        deployments.append({"date": date, "window": window, "hotspot": hid, "van": vans[0], "crew": crew})
        abstracted = trial
        for c in crew:
            busy.add((c["officer"], date))
            duties[c["officer"]] = duties.get(c["officer"], 0) + 1
    deployments.sort(key=lambda d: (d["date"], minutes(ix.windows[d["window"]]["start"]), d["hotspot"]))
    return deployments


def witness_plan(ix):
    """The best greedy plan over every choice of max_days dates with an even spread per date."""
    n_days, n_dep = ix.policy["max_days"], ix.policy["max_deployments"]
    per_date = -(-n_dep // n_days)
    best, best_obj = [], None
    for allowed in itertools.combinations(ix.s["dates"], n_days):
        plan = greedy_plan(ix, allowed, per_date)
        obj = evaluate(ix, plan)[2]
        if (len(plan), obj) > (len(best), best_obj if best_obj is not None else -math.inf):
            best, best_obj = plan, obj
    return best


def witness_plan_json(ix, deployments):
    value, travel, objective = evaluate(ix, deployments)
    return {
        "format": "lfrplan-plan/1",
        "scenario": ix.s["name"],
        "status": "feasible",
        "objective": round(objective, 9),
        "value": round(value, 9),
        "travel_penalty": round(travel, 9),
        "bound": None,
        "explanation": ("Greedy witness built by data/scripts/build_demo.py to show that the demo week "
                        "can staff 10 deployments on 5 days; valid but not optimal."),
        "deployments": deployments,
    }


# ---------------------------------------------------------------------------


# The Notting Hill Carnival weekend (issue 5): the demo week's force moved to
# Tue 2026-08-25 .. Mon 2026-08-31 (104 days earlier: every roster, van and
# date moves with it), plus the carnival as an event hotspot allowed only on
# its two days, Sunday 30 and bank holiday Monday 31 August 2026, with a
# larger crew. The carnival's value is a planning assumption, not a crime
# count: above every ordinary hotspot of the week (the largest is Oxford
# Circus on a Saturday), because it is the Met's largest public-order event
# of the year. Its crew (1 silver, 3 operators, 12 engagement officers) is an
# assumption too: double the engagement for the crowds.
CARNIVAL_SHIFT_DAYS = -104
CARNIVAL = {
    "id": "notting-hill-carnival",
    "name": "Notting Hill Carnival",
    "borough": "Kensington and Chelsea",
    "value": 200.0,
    "windows": {"day": 1.0, "evening": 1.0},
    "dates": ["2026-08-30", "2026-08-31"],
    "max_per_horizon": 4,
    "min_gap_days": 0,
    "repeat_decay": 0.9,
    "crew": {"silver": 1, "operator": 3, "engagement": 12},
}


def shift_date(text):
    return (parse_date(text) + datetime.timedelta(days=CARNIVAL_SHIFT_DAYS)).isoformat()


def carnival_scenario(week, places):
    s = json.loads(json.dumps(week))  # a deep copy
    s["name"] = "Notting Hill Carnival weekend 2026"
    s["dates"] = [shift_date(d) for d in s["dates"]]
    for o in s["officers"]:
        o["roster"] = {shift_date(d): shift for d, shift in o["roster"].items()}
    for v in s["vans"]:
        if "unavailable" in v:
            v["unavailable"] = [shift_date(d) for d in v["unavailable"]]
    for h in s["hotspots"]:
        if "dates" in h:
            h["dates"] = [shift_date(d) for d in h["dates"]]
    for p in s.get("pinned", []):
        p["date"] = shift_date(p["date"])
    place = places[("hotspot", "Notting Hill")]
    event = dict(CARNIVAL)
    event["location"] = {"lat": float(place["lat"]), "lon": float(place["lon"])}
    s["hotspots"].append(event)
    if not set(CARNIVAL["dates"]) <= set(s["dates"]):
        fail("the carnival's dates are outside the shifted week")
    return s


def dump_json(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def summary(ix, deployments, abstracted):
    lines = []
    for date in ix.s["dates"]:
        parts = []
        for w in ix.windows:
            ops = sum(1 for o in ix.officers if ix.qualified(o, "operator") and ix.covers(o, date, w))
            sil = sum(1 for o in ix.officers if ix.qualified(o, "silver") and ix.covers(o, date, w))
            parts.append(f"{w}: {ops} operators, {sil} silvers on covering shifts")
        lines.append(f"  {date} {WEEKDAYS[parse_date(date).weekday()]}  " + "; ".join(parts))
    at_cap = sorted(f"{t} on {d} ({n}/{ix.team_cap(t, d)})" for (t, d), n in abstracted.items() if n == ix.team_cap(t, d))
    value, travel, objective = evaluate(ix, deployments)
    lines.append(f"  witness plan: {len(deployments)} deployments on {len({d['date'] for d in deployments})} dates, "
                 f"value {value:.1f}, travel {travel:.1f}, objective {objective:.1f}")
    lines.append("  team limits reached in the witness: " + (", ".join(at_cap) or "none"))
    return "\n".join(lines)


def build(out_dir, verbose):
    places = read_places()
    values = hotspot_values(places, read_hotspot_wards())
    scenario = build_scenario(values, places)
    validate_scenario(scenario)
    ix = Index(scenario)
    deployments = witness_plan(ix)
    abstracted = validate_plan(ix, deployments)
    if len(deployments) != POLICY["max_deployments"] or len({d["date"] for d in deployments}) != POLICY["max_days"]:
        fail(f"the demo week is not fully staffable: the witness plan has only {len(deployments)} deployments")
    carnival = carnival_scenario(scenario, places)
    validate_scenario(carnival)
    texts = {
        "demo-carnival.json": dump_json(carnival),
        "hotspot-values.csv": hotspot_values_csv(values),
        "demo-week.json": dump_json(scenario),
        "demo-week-witness-plan.json": dump_json(witness_plan_json(ix, deployments)),
    }
    # The written scenario must read back to the same object.
    if json.loads(texts["demo-week.json"]) != scenario:
        fail("demo-week.json does not read back unchanged")
    for name in OUTPUTS:
        with open(out_dir / name, "w", encoding="utf-8", newline="\n") as f:
            f.write(texts[name])
    if verbose:
        n = len(scenario["officers"])
        print(f"{len(scenario['teams'])} teams, {n} officers, {len(scenario['hotspots'])} hotspots")
        print(summary(ix, deployments, abstracted))


def main():
    ap = argparse.ArgumentParser(description="Build the lfrplan demo week from data/sources/.")
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary folder and fail if a committed output differs")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    try:
        if not args.check:
            build(DATA, not args.quiet)
            print("wrote " + ", ".join(f"data/{n}" for n in OUTPUTS))
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            build(pathlib.Path(tmp), False)
            stale = [n for n in OUTPUTS if not (DATA / n).exists()
                     or (DATA / n).read_bytes() != (pathlib.Path(tmp) / n).read_bytes()]
        if stale:
            print("build_demo.py --check: these committed files differ from a fresh build: "
                  + ", ".join(f"data/{n}" for n in stale)
                  + "\nrun python3 data/scripts/build_demo.py and commit the result", file=sys.stderr)
            return 1
        print("build_demo.py --check: data/ is up to date")
        return 0
    except BuildError as e:
        print(f"build_demo.py: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
