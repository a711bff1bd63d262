# METADATA
# title: Provider version constraint has no upper bound
# description: >-
#   A root module's constraint like `>= 4.0` lets `terraform init -upgrade`
#   jump to the next major version, whose breaking changes then land without
#   review. HashiCorp's guidance is that every module declares the minimum
#   provider version it works with, and that root modules - where `terraform
#   apply` runs - also set the maximum (`~> 5.40`, or `>= 5.40, < 6.0`).
#   Reusable modules should declare minimums only, so their callers can
#   upgrade: a ">= 5.0" there is right. The rule therefore fires only in a
#   root module, told apart by its provider configuration (HashiCorp: provider
#   blocks belong in root modules only): a module scanned as the root that
#   configures at least one provider. A scanned directory with
#   required_providers but no provider block is read as a reusable module and
#   not judged, nor are the modules a root calls. `~>`, an explicit `<`, and an
#   exact version are bounds. Plans do not carry the constraints yet (their
#   provider_config is not read), so only configuration is judged.
# related_resources:
#   - https://developer.hashicorp.com/terraform/language/expressions/version-constraints
#   - https://developer.hashicorp.com/terraform/language/providers/requirements#best-practices-for-provider-versions
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
	root_module
	some p in input.providers
	c := p.version_constraint
	is_string(c)
	not bounded(c)
	msg := sprintf("provider %q allows any future major version (%q)", [p.name, c])
}

# A module that configures a provider is where Terraform runs: a root module.
root_module if {
	some p in input.providers
	p.configured == true
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
