#!/usr/bin/env python3
"""Copy the reference data the demo week is derived from into data/sources/.

    python3 data/scripts/extract_sources.py --from /path/to/shared/data

Three files are copied byte for byte. The ward crime file is reduced to the
rows the derivation needs: every row whose MajorText is ROBBERY (both minor
categories) and the THEFT rows whose MinorText is THEFT FROM THE PERSON. The
header and the kept lines are written unchanged (same bytes, same order), so
the reduced file is a strict subset of the original's lines.

Run once by a maintainer (users do not have the shared folder); the build of
the demo week (build_demo.py) reads only data/sources/. Standard library only.
"""
import argparse
import csv
import hashlib
import pathlib
import shutil
import sys

CRIME_IN = "met-ward-crime-2023-07_2025-06.csv"
CRIME_OUT = "met-ward-crime-2023-07_2025-06-robbery-theft-person.csv"
VERBATIM = ["london-places.csv", "london-boroughs.geojson", "lfr-deployment-records-2020-2023.csv"]
EXPECTED_HEADER = ["MajorText", "MinorText", "WardName", "WardCode", "LookUp_BoroughName"]


def keep(major, minor):
    return major == "ROBBERY" or (major == "THEFT" and minor == "THEFT FROM THE PERSON")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="src", required=True, type=pathlib.Path)
    ap.add_argument("--to", dest="dst", type=pathlib.Path,
                    default=pathlib.Path(__file__).resolve().parent.parent / "sources")
    args = ap.parse_args()
    args.dst.mkdir(parents=True, exist_ok=True)

    for name in VERBATIM:
        shutil.copyfile(args.src / name, args.dst / name)

    raw = (args.src / CRIME_IN).read_bytes()
    lines = raw.decode("utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    if header[:5] != EXPECTED_HEADER:
        sys.exit(f"{CRIME_IN}: unexpected header {header[:5]}")
    kept = [lines[0]]
    counts = {}
    for n, line in enumerate(lines[1:], start=2):
        row = next(csv.reader([line]))
        if len(row) != len(header):
            sys.exit(f"{CRIME_IN}:{n}: {len(row)} fields, expected {len(header)}")
        if keep(row[0], row[1]):
            kept.append(line)
            counts[(row[0], row[1])] = counts.get((row[0], row[1]), 0) + 1
    (args.dst / CRIME_OUT).write_bytes("".join(kept).encode("utf-8"))

    print(f"{CRIME_IN}: {len(lines) - 1} rows, sha256 {sha256(args.src / CRIME_IN)}")
    for (major, minor), c in sorted(counts.items()):
        print(f"  kept {c:5d} rows {major} / {minor}")
    print(f"{CRIME_OUT}: {len(kept) - 1} rows, sha256 {sha256(args.dst / CRIME_OUT)}")
    for name in VERBATIM:
        print(f"{name}: copied, sha256 {sha256(args.dst / name)}")


if __name__ == "__main__":
    main()
