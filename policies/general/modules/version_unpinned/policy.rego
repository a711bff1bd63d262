# METADATA
# title: Module from a registry or git is not pinned to a version
# description: >-
#   A registry module without `version`, or a git module without `?ref=`,
#   resolves to the newest release (or the default branch) each time
#   `terraform init` runs, so the same code can deploy different
#   infrastructure on two days. Pin external modules so upgrades are reviewed.
# related_resources:
#   - https://developer.hashicorp.com/terraform/language/modules/sources
# custom:
#   id: TFW-GEN-0003
#   severity: MEDIUM
#   category: reliability
#   resource_types: [module]
#   frameworks:
#     soc2: [CC8.1]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: [CKV_TF_1, CKV_TF_2]
#   remediation: |
#     Pin the module:
#     ```hcl
#     module "vpc" {
#       source  = "terraform-aws-modules/vpc/aws"
#       version = "5.8.1"
#     }
#
#     module "network" {
#       source = "git::https://example.com/infra/network.git?ref=v2.3.0"
#     }
#     ```
#   aliases: []
package tfward.general.modules.version_unpinned

import rego.v1

import data.lib.modules

deny contains {"address": concat(".", ["module", c.name]), "path": ["source"], "msg": msg} if {
	some c in input.module_calls
	modules.is_registry(c.source)
	not c.version
	msg := sprintf("module %q uses %q without a version: each init may fetch a newer release", [c.name, c.source])
}

deny contains {"address": concat(".", ["module", c.name]), "path": ["source"], "msg": msg} if {
	some c in input.module_calls
	modules.is_git(c.source)
	not contains(c.source, "ref=")
	msg := sprintf("module %q uses %q without ?ref=: it follows the default branch", [c.name, c.source])
}
