"""The build backend of the repository root's wrapper package,
`tfward-pre-commit` (see the root pyproject.toml).

pre-commit installs a `language: python` hook with `pip install .` in the
hook repository. Building the root as the real tfward package (maturin,
packaging/pypi/) would compile tfward with cargo; this backend instead
builds, with the standard library alone and in milliseconds, a wheel that
holds nothing but metadata: a dependency on the released wheel
`tfward==<the [package] version of Cargo.toml>`, which pip then installs
from PyPI. It implements the two PEP 517 hooks pip needs: build_wheel and
build_sdist.
"""

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

NAME = "tfward-pre-commit"
DIST = "tfward_pre_commit"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cargo_version():
    """The `version` of Cargo.toml's [package] table."""
    with open(os.path.join(ROOT, "Cargo.toml"), encoding="utf-8") as f:
        text = f.read()
    package = re.search(r"^\[package\][ \t]*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    version = package and re.search(r'^version\s*=\s*"([^"]+)"', package.group(1), re.M)
    if not version:
        raise RuntimeError("no [package] version in Cargo.toml")
    return version.group(1)


def metadata(version):
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {NAME}\n"
        f"Version: {version}\n"
        "Summary: Installs the released tfward wheel for tfward's pre-commit hooks\n"
        "License: Apache-2.0\n"
        "Requires-Python: >=3.8\n"
        f"Requires-Dist: tfward=={version}\n"
    )


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}\n"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = cargo_version()
    info = f"{DIST}-{version}.dist-info"
    files = {
        f"{info}/METADATA": metadata(version).encode(),
        f"{info}/WHEEL": (
            "Wheel-Version: 1.0\n"
            "Generator: tfward_pre_commit_backend\n"
            "Root-Is-Purelib: true\n"
            "Tag: py3-none-any\n"
        ).encode(),
    }
    record = "".join(_record_line(p, d) for p, d in files.items()) + f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record.encode()
    name = f"{DIST}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files.items():
            z.writestr(zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return name


def build_sdist(sdist_directory, config_settings=None):
    version = cargo_version()
    base = f"{DIST}-{version}"
    members = {
        "PKG-INFO": metadata(version).encode(),
        "pyproject.toml": _read("pyproject.toml"),
        "Cargo.toml": _read("Cargo.toml"),
        "packaging/pre-commit/tfward_pre_commit_backend.py": _read(
            "packaging/pre-commit/tfward_pre_commit_backend.py"
        ),
    }
    name = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as tar:
        for path, data in members.items():
            member = tarfile.TarInfo(f"{base}/{path}")
            member.size = len(data)
            member.mode = 0o644
            tar.addfile(member, io.BytesIO(data))
    return name


def _read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()
