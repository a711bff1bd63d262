"""What the scripts here share: reading a policy's `# METADATA` block.

Imported by peer-coverage.py and equivalents-history.py (Python puts the
script's own folder first on the import path).
"""
import yaml


def metadata(text):
    """The METADATA YAML of a Rego source, parsed; None when it has none."""
    lines = text.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.strip() == "# METADATA")
    except StopIteration:
        return None
    block = []
    for l in lines[start + 1:]:
        if not l.startswith("#"):
            break
        block.append(l[2:] if l.startswith("# ") else l[1:])
    return yaml.safe_load("\n".join(block))


def as_list(v):
    """A METADATA value that may be one item or a list, as a list of strings."""
    if v is None:
        return []
    if isinstance(v, list):
        return [str(x) for x in v]
    return [str(v)]
