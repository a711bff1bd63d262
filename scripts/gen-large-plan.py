#!/usr/bin/env python3
"""Writes a synthetic `terraform show -json` plan with N resources (default
10,000) across nested modules, for measuring tfward on large plans:

    scripts/gen-large-plan.py 10000 > /tmp/large-plan.json
    /usr/bin/time -v target/release/tfward scan /tmp/large-plan.json --format json --fail-on never > /dev/null
"""
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
provider = "registry.terraform.io/hashicorp/aws"
kinds = [
    ("aws_s3_bucket", lambda i: {"bucket": f"bucket-{i}", "acl": "private" if i % 7 else "public-read", "tags": {"Owner": "team", "Environment": "prod"}}),
    ("aws_security_group", lambda i: {"name": f"sg-{i}", "ingress": [{"from_port": 22 if i % 11 == 0 else 443, "to_port": 22 if i % 11 == 0 else 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] if i % 5 == 0 else ["10.0.0.0/8"]}]}),
    ("aws_instance", lambda i: {"ami": "ami-0123456789abcdef0", "instance_type": "t3.micro", "metadata_options": [{"http_tokens": "optional" if i % 3 else "required"}], "tags": {"Name": f"web-{i}"}}),
    ("aws_ebs_volume", lambda i: {"availability_zone": "us-east-1a", "size": 100, "type": "gp2" if i % 4 == 0 else "gp3", "encrypted": i % 2 == 0}),
    ("aws_db_instance", lambda i: {"identifier": f"db-{i}", "engine": "postgres", "instance_class": "db.t3.medium", "allocated_storage": 50, "storage_encrypted": i % 2 == 0, "password": f"secret-{i}"}),
]

modules = {}
changes = []
for i in range(n):
    typ, values = kinds[i % len(kinds)]
    module = f"module.svc{i % 50}" if i % 3 else ""
    address = f"{module + '.' if module else ''}{typ}.r{i}"
    v = values(i)
    res = {"address": address, "mode": "managed", "type": typ, "name": f"r{i}", "provider_name": provider, "values": v}
    if typ == "aws_db_instance":
        res["sensitive_values"] = {"password": True}
    modules.setdefault(module, []).append(res)
    action = ["create"] if i % 4 == 0 else (["update"] if i % 4 == 1 else (["delete", "create"] if i % 4 == 2 else ["no-op"]))
    before = None if action == ["create"] else dict(v, tags={"Owner": "old"}) if "tags" in v else dict(v)
    change = {"actions": action, "before": before, "after": v, "after_unknown": {"id": True, "arn": True}}
    if typ == "aws_db_instance":
        change["before_sensitive"] = {"password": True}
        change["after_sensitive"] = {"password": True}
    c = {"address": address, "mode": "managed", "type": typ, "name": f"r{i}", "provider_name": provider, "change": change}
    if module:
        c["module_address"] = module
    changes.append(c)

root = {"resources": modules.get("", []), "child_modules": [
    {"address": m, "resources": rs} for m, rs in sorted(modules.items()) if m
]}
plan = {
    "format_version": "1.2",
    "terraform_version": "1.9.5",
    "planned_values": {"root_module": root},
    "resource_changes": changes,
    "resource_drift": [c for c in changes[:50] if c["change"]["actions"] == ["update"]],
    "configuration": {"root_module": {"module_calls": {m.split(".")[1]: {"source": "./svc", "module": {}} for m in modules if m}}},
}
json.dump(plan, sys.stdout)
