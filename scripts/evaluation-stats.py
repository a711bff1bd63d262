#!/usr/bin/env python3
"""How much of a configuration tfward's evaluator knows.

Reads the JSON of `tfward input DIR` (one document per module) and counts,
over every resource and data source of the configuration documents:

- top-level attributes that are wholly known, partly known (a known value
  with unknown leaves inside) and unknown (the whole value unknown);
- leaves (scalars inside known values) against unknown paths;
- policy documents (the `policy`, `assume_role_policy` and
  `access_policies` attributes of resources): wholly known, partly known,
  unknown; and the `json` of `aws_iam_policy_document` data sources
  (absent where the evaluator does not evaluate the data source).

usage: tfward input DIR --format json > input.json
       scripts/evaluation-stats.py input.json [--json]
"""
import argparse
import json
import sys

POLICY_ATTRIBUTES = {"policy", "assume_role_policy", "access_policies", "access_policy"}


def leaves(value):
    if isinstance(value, dict):
        return sum(leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(leaves(v) for v in value)
    return 1


def classify(name, values, unknown):
    """wholly known / partly known / unknown for one top-level attribute."""
    inside = [u for u in unknown if u.startswith(name + ".")]
    if name in unknown and name not in values:
        return "unknown"
    if name in values:
        return "partial" if inside or name in unknown else "known"
    return "partial" if inside else None


def policy_attributes(resource):
    """(counter prefix, attribute) of each policy document a resource has."""
    if resource.get("type") == "aws_iam_policy_document" and resource.get("mode") == "data":
        yield "policy_document_data_", "json"
    for name in POLICY_ATTRIBUTES:
        yield "policy_documents_", name


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="the JSON of `tfward input DIR`")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args()
    with open(args.input) as f:
        docs = json.load(f)

    c = {
        "modules": 0,
        "resources": 0,
        "data_sources": 0,
        "attributes_known": 0,
        "attributes_partial": 0,
        "attributes_unknown": 0,
        "leaves_known": 0,
        "paths_unknown": 0,
        "policy_documents_known": 0,
        "policy_documents_partial": 0,
        "policy_documents_unknown": 0,
        "policy_document_data_known": 0,
        "policy_document_data_partial": 0,
        "policy_document_data_unknown": 0,
        "policy_document_data_absent": 0,
    }
    for doc in docs:
        if doc.get("source") != "config":
            continue
        c["modules"] += 1
        for r in doc.get("resources", []):
            c["data_sources" if r.get("mode") == "data" else "resources"] += 1
            values = r.get("values") or {}
            unknown = r.get("unknown") or []
            names = set(values) | {u.split(".", 1)[0] for u in unknown}
            for name in names:
                kind = classify(name, values, unknown)
                if kind:
                    c["attributes_" + kind] += 1
            c["leaves_known"] += leaves(values) if values else 0
            c["paths_unknown"] += len(unknown)
            for prefix, name in policy_attributes(r):
                kind = classify(name, values, unknown)
                if kind:
                    c[prefix + kind] += 1
                elif prefix == "policy_document_data_":
                    c[prefix + "absent"] += 1

    if args.json:
        json.dump(c, sys.stdout, indent=2)
        print()
        return
    attrs = c["attributes_known"] + c["attributes_partial"] + c["attributes_unknown"]
    docs_ = c["policy_documents_known"] + c["policy_documents_partial"] + c["policy_documents_unknown"]
    pct = lambda n, d: f"{100.0 * n / d:.1f} %" if d else "-"
    print(f"modules                {c['modules']}")
    print(f"resources              {c['resources']} (+ {c['data_sources']} data sources)")
    print(f"attributes             {attrs}")
    print(f"  wholly known         {c['attributes_known']} ({pct(c['attributes_known'], attrs)})")
    print(f"  partly known         {c['attributes_partial']} ({pct(c['attributes_partial'], attrs)})")
    print(f"  unknown              {c['attributes_unknown']} ({pct(c['attributes_unknown'], attrs)})")
    print(f"known leaves           {c['leaves_known']}, unknown paths {c['paths_unknown']}")
    print(f"policy documents       {docs_} (policy attributes of resources)")
    print(f"  wholly known         {c['policy_documents_known']} ({pct(c['policy_documents_known'], docs_)})")
    print(f"  partly known         {c['policy_documents_partial']} ({pct(c['policy_documents_partial'], docs_)})")
    print(f"  unknown              {c['policy_documents_unknown']} ({pct(c['policy_documents_unknown'], docs_)})")
    data = sum(c["policy_document_data_" + k] for k in ("known", "partial", "unknown", "absent"))
    print(f"aws_iam_policy_document {data} data sources: json wholly known {c['policy_document_data_known']}, "
          f"partly known {c['policy_document_data_partial']}, unknown {c['policy_document_data_unknown']}, "
          f"not evaluated {c['policy_document_data_absent']}")


if __name__ == "__main__":
    main()
