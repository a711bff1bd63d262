#!/usr/bin/env python3
"""Expands a short description of a plan into a full `terraform show -json`
plan, for policy fixtures (policies/README.md, "Plan fixtures"):

    scripts/plan-fixture.py spec.json > policies/aws/x/y/fixtures/bad_plan.json

The spec lists resource changes as the provider reports them:

    {
      "terraform_version": "1.9.5",          # optional
      "resources": [
        {
          "address": "module.db.aws_db_instance.main[0]",
          "values": {"engine": "postgres", "storage_encrypted": false, "tags_all": {}},
          "after_unknown": {"id": true, "arn": true},    # computed attributes
          "sensitive": {"password": true},               # after_sensitive
          "actions": ["create"],                         # default ["create"]
          "before": null,                                # prior values for update/delete
          "before_sensitive": {},
          "replace_paths": [["engine"]]                  # optional
        }
      ]
    }

Optional "module_calls" (configuration.root_module.module_calls, e.g.
{"vpc": {"source": "terraform-aws-modules/vpc/aws", "version_constraint": "5.8.1",
"module": {}}}) and "provider_config" ({"aws": {"name": "aws", "full_name":
"registry.terraform.io/hashicorp/aws", "version_constraint": "~> 5.0"}}) are
copied into the plan's configuration section, for module-level policies.

Type, name, index, module address and provider come from the address.
Attributes listed in after_unknown must not be in values: a plan has no value
for them yet (the script drops them from planned values, as Terraform does).
"""
import json
import re
import sys

ADDRESS = re.compile(r'^(?P<module>(?:module\.[^.\[]+(?:\[[^\]]+\])?\.)*)(?P<data>data\.)?(?P<type>[a-z0-9_]+)\.(?P<name>[^.\[]+)(?P<index>\[[^\]]+\])?$')
PROVIDERS = {
    "aws": "registry.terraform.io/hashicorp/aws",
    "azurerm": "registry.terraform.io/hashicorp/azurerm",
    "azuread": "registry.terraform.io/hashicorp/azuread",
    "google": "registry.terraform.io/hashicorp/google",
}


def parse_address(address):
    m = ADDRESS.match(address)
    if not m:
        sys.exit(f"not a resource address: {address}")
    module = m.group("module").rstrip(".")
    index = m.group("index")
    if index:
        index = json.loads(index[1:-1]) if index[1] == '"' else int(index[1:-1])
    rtype = m.group("type")
    prefix = rtype.split("_")[0]
    return {
        "module": module,
        "mode": "data" if m.group("data") else "managed",
        "type": rtype,
        "name": m.group("name"),
        "index": index,
        "provider_name": PROVIDERS.get(prefix, f"registry.terraform.io/hashicorp/{prefix}"),
    }


def drop_unknown(values, unknown):
    """Planned values leave out what is known only after apply."""
    if unknown is True:
        return None
    if isinstance(values, dict) and isinstance(unknown, dict):
        return {k: drop_unknown(v, unknown.get(k)) for k, v in values.items() if unknown.get(k) is not True}
    if isinstance(values, list) and isinstance(unknown, list):
        return [drop_unknown(v, unknown[i] if i < len(unknown) else None) for i, v in enumerate(values)]
    return values


def module_tree(resources):
    """planned_values.root_module with nested child_modules."""
    root = {"resources": [], "child_modules": {}}
    for r in resources:
        node = root
        parts = re.findall(r'module\.[^.\[]+(?:\[[^\]]+\])?', r["module"])
        path = []
        for p in parts:
            path.append(p)
            node = node["child_modules"].setdefault(".".join(path), {"address": ".".join(path), "resources": [], "child_modules": {}})
        node["resources"].append(r["planned"])

    def finish(node):
        children = [finish(c) for _, c in sorted(node.pop("child_modules").items())]
        if children:
            node["child_modules"] = children
        return node

    return finish(root)


def main():
    spec = json.load(open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin)
    resources = []
    changes = []
    for r in spec["resources"]:
        a = parse_address(r["address"])
        after_unknown = r.get("after_unknown", {})
        sensitive = r.get("sensitive", {})
        actions = r.get("actions", ["create"])
        values = drop_unknown(r.get("values", {}), after_unknown)
        planned = {"address": r["address"], "mode": a["mode"], "type": a["type"], "name": a["name"]}
        if a["index"] is not None:
            planned["index"] = a["index"]
        planned.update({"provider_name": a["provider_name"], "schema_version": 0, "values": values, "sensitive_values": sensitive})
        if actions != ["delete"]:
            resources.append({"module": a["module"], "planned": planned})
        change = {
            "actions": actions,
            "before": r.get("before"),
            "after": None if actions == ["delete"] else values,
            "after_unknown": after_unknown,
            "before_sensitive": r.get("before_sensitive", False if r.get("before") is None else {}),
            "after_sensitive": False if actions == ["delete"] else sensitive,
        }
        if r.get("replace_paths"):
            change["replace_paths"] = r["replace_paths"]
        rc = {"address": r["address"]}
        if a["module"]:
            rc["module_address"] = a["module"]
        rc.update({k: planned[k] for k in ("mode", "type", "name")})
        if a["index"] is not None:
            rc["index"] = a["index"]
        rc.update({"provider_name": a["provider_name"], "change": change})
        changes.append(rc)
    plan = {
        "format_version": "1.2",
        "terraform_version": spec.get("terraform_version", "1.9.5"),
        "planned_values": {"root_module": module_tree(resources)},
        "resource_changes": changes,
        "configuration": {
            "provider_config": spec.get("provider_config", {}),
            "root_module": {"module_calls": spec["module_calls"]} if spec.get("module_calls") else {},
        },
    }
    json.dump(plan, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
