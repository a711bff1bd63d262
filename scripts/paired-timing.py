#!/usr/bin/env python3
"""Times two tfward binaries on the same command, alternately, for a before/
after figure on a machine whose speed drifts (a shared VM: one binary's wall
time can move by a fifth from one minute to the next, so two hyperfine runs
one after the other compare the minutes, not the binaries):

    scripts/paired-timing.py OLD NEW 8 scan ../shared/corpus/modules --format json

Runs the pair N times, in alternating order, and prints for each binary the
median and best wall time, the median CPU time (user + system) and the peak
RSS (/usr/bin/time), then the median of the per-pair NEW/OLD wall ratios.
Instruction counts (valgrind --tool=callgrind) stay the steadier measure of
work; this one is for wall time and memory. The reports go to /dev/null
through the script's stdout: do not pass `-o /dev/null`, which a tfward
from before December 2026 replaced with a regular file when run as root.
"""
import statistics
import subprocess
import sys
import time


def run(binary, args):
    started = time.perf_counter()
    p = subprocess.run(
        ["/usr/bin/time", "-f", "%U %S %M", binary, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - started
    user, system, rss_kb = p.stderr.strip().split("\n")[-1].split()
    return wall, float(user) + float(system), int(rss_kb) / 1024


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    old, new, n, args = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    runs = {old: [], new: []}
    for i in range(n):
        for binary in (old, new) if i % 2 == 0 else (new, old):
            runs[binary].append(run(binary, args))
    for binary, rs in runs.items():
        wall = [r[0] for r in rs]
        cpu = [r[1] for r in rs]
        rss = [r[2] for r in rs]
        print(
            f"{binary}: wall median {statistics.median(wall):.3f} s (best {min(wall):.3f}), "
            f"CPU median {statistics.median(cpu):.3f} s, "
            f"peak RSS median {statistics.median(rss):.0f} MB ({min(rss):.0f}-{max(rss):.0f})"
        )
    ratios = [b[0] / a[0] for a, b in zip(runs[old], runs[new])]
    print(f"new/old wall, median of pairs: {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
