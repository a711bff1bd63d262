"""Extracts the tfward binary from a wheel built by maturin (bindings = "bin"):

    python scripts/release/wheel_binary.py WHEEL DEST

writes the wheel's `tfward-<version>.data/scripts/tfward[.exe]` to DEST,
executable. The release archives are made from this file, so that the
binary in `tfward-vX.Y.Z-TARGET.tar.gz` and the one `pip install tfward`
installs are the same bytes.
"""

import os
import stat
import sys
import zipfile


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    wheel, dest = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(wheel) as z:
        names = [
            n
            for n in z.namelist()
            if ".data/scripts/" in n and n.rsplit("/", 1)[1] in ("tfward", "tfward.exe")
        ]
        if len(names) != 1:
            sys.exit(f"wheel_binary: expected one tfward binary in {wheel}, found {names}")
        os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
        with z.open(names[0]) as src, open(dest, "wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
    mode = os.stat(dest).st_mode
    os.chmod(dest, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH | stat.S_IRGRP | stat.S_IROTH)
    print(f"wheel_binary: {names[0]} -> {dest}")


if __name__ == "__main__":
    main()
