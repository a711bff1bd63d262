# METADATA
# title: Provider has no version constraint
# description: >-
#   A provider declared in required_providers without a version, or configured
#   without being declared, is installed at whatever version is newest when
#   `terraform init` runs. A new major version can change defaults or remove
#   arguments between two runs of the same code. HashiCorp's guidance is that
#   every module declares at least the minimum provider version it works with
#   (root modules also a maximum: TFW-GEN-0002), so this fires in root and
#   reusable modules alike, on the module scanned as the root: the modules it
#   calls are judged when scanned on their own (registry and git modules are
#   someone else's code). The terraform provider (terraform_remote_state)
#   ships with Terraform and needs no constraint. Plans do not carry the
#   constraints yet (their provider_config is not read), so only configuration
#   is judged.
# related_resources:
#   - https://developer.hashicorp.com/terraform/language/providers/requirements
#   - https://developer.hashicorp.com/terraform/language/providers/requirements#best-practices-for-provider-versions
# custom:
#   id: TFW-GEN-0001
#   severity: MEDIUM
#   category: reliability
#   resource_types: [provider]
#   frameworks:
#     soc2: [CC8.1]
#     cwe: [CWE-1104]
#   remediation: |
#     Declare the provider with a version constraint in the root module:
#     ```hcl
#     terraform {
#       required_providers {
#         aws = {
#           source  = "hashicorp/aws"
#           version = "~> 5.40"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.general.providers.version_missing

import rego.v1

deny contains {"address": concat(".", ["provider", p.name]), "path": [], "msg": msg} if {
	input.source == "config"
	input.module == ""
	some p in input.providers
	not p.version_constraint
	not builtin_provider(p.name)
	msg := sprintf("provider %q has no version constraint: every `terraform init` may pick a new major version", [p.name])
}

# terraform_remote_state's provider ships with Terraform itself.
builtin_provider(name) if name == "terraform"
