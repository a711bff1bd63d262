#!/usr/bin/env python3
"""Peer coverage of the tfward policy library.

Reads every policies/**/policy.rego METADATA `equivalents` and reports the
share of each peer's aws/azure/gcp catalogue the library names.

usage: scripts/peer-coverage.py POLICIES_DIR --checkov checkov.tsv --trivy trivy.tsv
                                --kics kics.tsv [--json OUT] [--missing PEER] [--unknown]

Also prints policy counts by provider, service, severity and framework.
Catalogues (kept outside the repository, never committed):
  checkov.tsv  id, resource types, title, source          (CKV_/CKV2_ AWS/AZURE/GCP)
  trivy.tsv    id, long id, provider, service, severity, title, examples, deprecated, file
  kics.tsv     uuid, provider, severity, title              (terraform queries)
"""
import argparse
import collections
import json
import os
import re
import sys

from policy_metadata import as_list, metadata

PROVIDERS = ("aws", "azure", "gcp")


def load_policies(root):
    out = []
    for d, _, files in os.walk(root):
        if "policy.rego" not in files:
            continue
        rel = os.path.relpath(d, root)
        with open(os.path.join(d, "policy.rego")) as f:
            meta = metadata(f.read())
        if not meta:
            continue
        custom = meta.get("custom", {}) or {}
        eq = custom.get("equivalents", {}) or {}
        parts = rel.split(os.sep)
        out.append({
            "dir": rel,
            "id": custom.get("id"),
            "provider": parts[0],
            "service": parts[1] if len(parts) > 2 else parts[0],
            "severity": custom.get("severity"),
            "frameworks": custom.get("frameworks", {}) or {},
            "eq": {k: as_list(v) for k, v in eq.items()},
        })
    return sorted(out, key=lambda p: p["dir"])


def checkov_catalogue(path):
    cat = {}
    with open(path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            m = re.match(r"CKV2?_(AWS|AZURE|GCP)_\d+$", cols[0])
            if m:
                cat[cols[0]] = {"provider": {"AWS": "aws", "AZURE": "azure", "GCP": "gcp"}[m.group(1)],
                                "v2": cols[0].startswith("CKV2_"), "title": cols[2] if len(cols) > 2 else ""}
    return cat


def trivy_catalogue(path):
    cat = {}
    with open(path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or cols[7] == "deprecated":
                continue
            prov = {"aws": "aws", "azure": "azure", "google": "gcp"}.get(cols[2])
            if prov:
                cat[cols[0]] = {"provider": prov, "examples": bool(cols[6]), "severity": cols[4],
                                "service": cols[3], "title": cols[5]}
    return cat


def kics_catalogue(path):
    cat = {}
    with open(path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[1] in PROVIDERS:
                cat[cols[0]] = {"provider": cols[1], "severity": cols[2], "title": cols[3]}
    return cat


def share(named, cat, pred=lambda v: True):
    ids = {k for k, v in cat.items() if pred(v)}
    hit = ids & named
    return len(hit), len(ids)


def pct(h, n):
    return f"{h}/{n} = {100.0 * h / n:.1f} %" if n else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("policies")
    ap.add_argument("--checkov", required=True)
    ap.add_argument("--trivy", required=True)
    ap.add_argument("--kics", required=True)
    ap.add_argument("--json")
    ap.add_argument("--missing", choices=["checkov", "trivy", "kics"])
    ap.add_argument("--unknown", action="store_true", help="list named ids not in the catalogues")
    a = ap.parse_args()

    pols = load_policies(a.policies)
    named = collections.defaultdict(set)
    for p in pols:
        for peer, ids in p["eq"].items():
            named[peer].update(ids)

    cats = {"checkov": checkov_catalogue(a.checkov), "trivy": trivy_catalogue(a.trivy),
            "kics": kics_catalogue(a.kics)}
    result = {}
    print(f"policies: {len(pols)}")
    print("\n## Peer shares")
    rows = [
        ("checkov CKV_", "checkov", lambda v: not v["v2"]),
        ("checkov CKV+CKV2", "checkov", lambda v: True),
        ("trivy", "trivy", lambda v: True),
        ("trivy (with examples)", "trivy", lambda v: v["examples"]),
        ("kics", "kics", lambda v: True),
    ]
    for label, peer, pred in rows:
        h, n = share(named[peer], cats[peer], pred)
        line = f"{label:24} {pct(h, n):>20}"
        result[label] = {"all": [h, n]}
        for prov in PROVIDERS:
            hp, np_ = share(named[peer], cats[peer], lambda v, prov=prov: pred(v) and v["provider"] == prov)
            result[label][prov] = [hp, np_]
            line += f"   {prov}: {pct(hp, np_)}"
        print(line)

    if a.unknown:
        for peer, cat in cats.items():
            extra = sorted(named[peer] - set(cat))
            print(f"\nnamed {peer} ids outside the catalogue ({len(extra)}): {' '.join(extra)}")

    print("\n## Policies by provider")
    c = collections.Counter(p["provider"] for p in pols)
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print("\n## By severity")
    c = collections.Counter(p["severity"] for p in pols)
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print("\n## By provider/service")
    c = collections.Counter(f"{p['provider']}/{p['service']}" for p in pols)
    for k, v in sorted(c.items()):
        print(f"  {k:32} {v}")
    print("\n## Frameworks (policies naming the framework)")
    c = collections.Counter(k for p in pols for k in p["frameworks"])
    for k, v in sorted(c.items()):
        print(f"  {k:18} {v}")
    none = [p for p in pols if p["provider"] in PROVIDERS and not any(p["eq"].values())]
    print(f"\npolicies (aws/azure/gcp) naming no peer id: {len(none)}")
    result["no_peer"] = [p["id"] for p in none]

    if a.missing:
        cat = cats[a.missing]
        print(f"\n## {a.missing} ids not named")
        for k in sorted(set(cat) - named[a.missing], key=lambda x: (cat[x]["provider"], x)):
            v = cat[k]
            print("\t".join([k, v["provider"], v.get("severity", ""), v.get("service", ""), v["title"]]))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
