#!/usr/bin/env python3
"""How the policies' cross-tool ids (`equivalents`) changed between two commits.

usage: scripts/equivalents-history.py [FROM] [TO] [--list]

FROM defaults to 11726b4 (the end of round 1 of issue 14), TO to HEAD; both
are git revisions of this repository (run it from the checkout). Policies are
matched by id (TFW-...), not by folder, so a moved policy is the same policy;
a policy whose `aliases` hold an old id stands for that old policy.

For each peer (checkov, trivy, kics) it counts pairs of (policy, peer id):

  verified    on TO, with a line for the id in the policy's equivalents.txt
  kept        on the policy at both FROM and TO
  added       on TO, on no policy at FROM (split: on a policy that existed at
              FROM, or on a policy new since)
  re-pointed  on TO, not on this policy at FROM but on another one then
  dropped     on a policy at FROM, on no policy at TO

`--list` prints the pairs behind every count but `kept` and `verified`.
"""
import collections
import re
import subprocess
import sys

from policy_metadata import as_list, metadata

PEERS = ("checkov", "trivy", "kics")


def git(*args):
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


# "checkov CKV_AWS_8: ...", "kics <uuid> (name): ...": the peer and the id.
LINE = re.compile(r"^\s*(checkov|trivy|kics)\s+([^\s:(]+)")


def snapshot(rev):
    """{policy id: {"aliases": set, "equivalents": {peer: set}, "verified": {peer: set}}}"""
    files = git("ls-tree", "-r", "--name-only", rev, "policies").splitlines()
    present = set(files)
    out = {}
    for path in files:
        if not path.endswith("/policy.rego"):
            continue
        meta = metadata(git("show", f"{rev}:{path}"))
        custom = (meta or {}).get("custom") or {}
        pid = custom.get("id")
        if not pid:
            continue
        eq = custom.get("equivalents") or {}
        verified = collections.defaultdict(set)
        txt = path[: -len("policy.rego")] + "equivalents.txt"
        if txt in present:
            for line in git("show", f"{rev}:{txt}").splitlines():
                m = LINE.match(line)
                if m:
                    verified[m.group(1)].add(m.group(2))
        out[pid] = {
            "folder": path[: -len("/policy.rego")],
            "aliases": set(as_list(custom.get("aliases"))),
            "equivalents": {p: set(as_list(eq.get(p))) for p in PEERS},
            "verified": verified,
        }
    return out


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    show = "--list" in argv
    old_rev = args[0] if len(args) > 0 else "11726b4"
    new_rev = args[1] if len(args) > 1 else "HEAD"
    old, new = snapshot(old_rev), snapshot(new_rev)

    # The TO policy that stands for each FROM policy: the same id, or one
    # that lists the old id among its aliases.
    heir = {pid: pid for pid in old if pid in new}
    for pid, p in new.items():
        for a in p["aliases"]:
            if a in old and a not in heir:
                heir[a] = pid

    counts = {p: collections.Counter() for p in PEERS}
    pairs = {p: collections.defaultdict(list) for p in PEERS}
    for peer in PEERS:
        old_on = collections.defaultdict(set)  # peer id -> FROM policies, as TO ids
        for pid, p in old.items():
            for eid in p["equivalents"][peer]:
                old_on[eid].add(heir.get(pid, pid))
        new_ids = set()
        for pid, p in sorted(new.items()):
            for eid in sorted(p["equivalents"][peer]):
                new_ids.add(eid)
                if eid in p["verified"][peer]:
                    counts[peer]["verified"] += 1
                if pid in old_on.get(eid, ()):
                    kind = "kept"
                elif eid in old_on:
                    kind = "re-pointed"
                else:
                    kind = "added"
                    counts[peer]["added to old" if pid in heir.values() else "added to new"] += 1
                counts[peer][kind] += 1
                if kind == "re-pointed":
                    was = ", ".join(sorted(old_on[eid]))
                    pairs[peer][kind].append(f"{eid}: {was} -> {pid}")
                elif kind == "added":
                    pairs[peer][kind].append(f"{eid}: {pid} ({p['folder']})")
        for pid, p in sorted(old.items()):
            for eid in sorted(p["equivalents"][peer]):
                if eid not in new_ids:
                    counts[peer]["dropped"] += 1
                    pairs[peer]["dropped"].append(f"{eid}: was on {pid} ({p['folder']})")

    total_new = {peer: sum(len(p["equivalents"][peer]) for p in new.values()) for peer in PEERS}
    kinds = ("verified", "kept", "added", "added to old", "added to new", "re-pointed", "dropped")
    print(f"equivalents {old_rev} -> {new_rev}: {len(old)} -> {len(new)} policies")
    gone = sorted(pid for pid in old if pid not in heir)
    print(f"FROM policies with no TO policy (id or alias): {len(gone)} {' '.join(gone)}")
    print(f"| peer | on TO | " + " | ".join(kinds) + " |")
    print("|---" * (len(kinds) + 2) + "|")
    for peer in PEERS:
        print(f"| {peer} | {total_new[peer]} | " + " | ".join(str(counts[peer][k]) for k in kinds) + " |")
    unverified = [
        f"{peer} {eid} on {pid}"
        for pid, p in sorted(new.items())
        for peer in PEERS
        for eid in sorted(p["equivalents"][peer] - p["verified"][peer])
    ]
    print(f"ids on TO without an equivalents.txt line: {len(unverified)}")
    if show:
        for peer in PEERS:
            for kind in ("added", "re-pointed", "dropped"):
                for line in pairs[peer][kind]:
                    print(f"{peer} {kind}: {line}")
        for line in unverified:
            print(f"unverified: {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
