# METADATA
# title: Change introduces an external module (needs approval)
# description: >-
#   A plan whose configuration calls a registry, git or other remote module
#   that has no resources in the current state brings third-party code into
#   the platform. Its review belongs in the change approval, so the report
#   lists it among the items needing explicit approval.
# related_resources:
#   - https://developer.hashicorp.com/terraform/language/modules/sources
# custom:
#   id: TFW-GEN-0006
#   severity: MEDIUM
#   category: compliance
#   resource_types: [module]
#   frameworks:
#     soc2: [CC8.1, CC9.2]
#   remediation: |
#     Review the module's code and version, then pin it to the reviewed
#     release:
#     ```hcl
#     module "cdn" {
#       source  = "terraform-aws-modules/cloudfront/aws"
#       version = "3.4.0"
#     }
#     ```
#   aliases: []
package tfward.general.approval.new_external_module

import rego.v1

import data.lib.modules

deny contains {"address": concat(".", ["module", c.name]), "path": ["source"], "msg": msg} if {
	input.source == "plan"
	input.prior.exists
	some c in input.module_calls
	is_string(c.source)
	not modules.is_local(c.source)
	address := module_address(c.name)
	not address in {m | some m in input.prior.modules}
	msg := sprintf("needs approval: external module %q (%s) is new to this state", [address, c.source])
}

module_address(name) := concat(".", ["module", name]) if input.module == ""

module_address(name) := concat(".", [input.module, "module", name]) if input.module != ""
