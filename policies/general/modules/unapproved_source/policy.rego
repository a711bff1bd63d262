# METADATA
# title: Module comes from a source that is not approved
# description: >-
#   Module code runs with the deploying credentials. A module fetched from an
#   arbitrary git host, HTTP URL or bucket bypasses the review a team gives its
#   approved registries. Which sources are approved is one organisation's
#   decision, so the policy runs only when tfward.toml sets
#   `approved_module_sources` (a list of source prefixes; local paths are
#   always approved, and the registry shorthand
#   `namespace/name/provider//subdir` counts as registry.terraform.io/).
# related_resources:
#   - https://developer.hashicorp.com/terraform/language/modules/sources
# custom:
#   id: TFW-GEN-0004
#   severity: MEDIUM
#   category: security
#   resource_types: [module]
#   frameworks:
#     soc2: [CC8.1, CC9.2]
#     cwe: [CWE-829]
#   settings: [approved_module_sources]
#   opt_in: true
#   remediation: |
#     Publish the module to an approved registry (or vendor it) and call it
#     from there:
#     ```hcl
#     module "network" {
#       source  = "app.terraform.io/acme/network/aws"
#       version = "2.3.0"
#     }
#     ```
#   aliases: []
package tfward.general.modules.unapproved_source

import rego.v1

import data.lib.modules

deny contains {"address": concat(".", ["module", c.name]), "path": ["source"], "msg": msg} if {
	data.lib.modules.configured
	some c in input.module_calls
	is_string(c.source)
	not modules.approved(c.source)
	msg := sprintf("module %q comes from %q, which is not an approved module source", [c.name, c.source])
}
