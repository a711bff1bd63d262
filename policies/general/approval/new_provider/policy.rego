# METADATA
# title: Change introduces a new provider (needs approval)
# description: >-
#   A plan that creates resources with a provider that manages nothing in the
#   current state brings a new vendor, account or API surface into the
#   platform. That is a decision for an explicit approval, not a side effect of
#   a merge: the finding lists it in the change report's approval section.
# related_resources:
#   - https://developer.hashicorp.com/terraform/language/providers
# custom:
#   id: TFW-GEN-0005
#   severity: MEDIUM
#   category: compliance
#   resource_types: [terraform]
#   frameworks:
#     soc2: [CC8.1, CC9.2]
#   remediation: |
#     Get the new provider approved by the platform owners, then record it in
#     the reviewed provider list (and pin it):
#     ```hcl
#     terraform {
#       required_providers {
#         datadog = {
#           source  = "DataDog/datadog"
#           version = "~> 3.40"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.general.approval.new_provider

import rego.v1

deny contains {"address": r.address, "path": [], "msg": msg} if {
	input.source == "plan"
	input.prior.exists
	some provider in new_providers
	r := first_created(provider)
	msg := sprintf("needs approval: provider %q is new to this state (first used by %s)", [provider, r.address])
}

created contains r if {
	some r in input.resources
	r.mode == "managed"
	"create" in r.change.actions
}

new_providers contains r.provider if {
	some r in created
	not r.provider in {p | some p in input.prior.providers}
}

first_created(provider) := r if {
	addr := sort([r.address | some r in created; r.provider == provider])[0]
	some r in created
	r.address == addr
}
