# METADATA
# title: Provider version constraint has no upper bound
# description: >-
#   A constraint like `>= 4.0` lets `terraform init -upgrade` jump to the next
#   major version, whose breaking changes then land without review. Use `~>`
#   (or an explicit `< N`) in root modules so major upgrades are deliberate.
# related_resources:
#   - https://developer.hashicorp.com/terraform/language/expressions/version-constraints
# custom:
#   id: TFW-GEN-0002
#   severity: LOW
#   category: reliability
#   resource_types: [provider]
#   frameworks:
#     soc2: [CC8.1]
#   remediation: |
#     Bound the constraint to the major version you tested:
#     ```hcl
#     terraform {
#       required_providers {
#         aws = {
#           source  = "hashicorp/aws"
#           version = ">= 5.40, < 6.0"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.general.providers.version_unbounded

import rego.v1

deny contains {"address": concat(".", ["provider", p.name]), "path": [], "msg": msg} if {
	input.source == "config"
	input.module == ""
	some p in input.providers
	c := p.version_constraint
	is_string(c)
	not bounded(c)
	msg := sprintf("provider %q allows any future major version (%q)", [p.name, c])
}

bounded(c) if contains(c, "~>")

bounded(c) if contains(c, "<")

# An exact version ("5.40.0" or "= 5.40.0") is bounded.
bounded(c) if {
	parts := [trim_space(x) | some x in split(c, ",")]
	some part in parts
	not startswith(part, ">")
	not startswith(part, "!=")
}
