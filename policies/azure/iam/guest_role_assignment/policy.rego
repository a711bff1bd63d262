# METADATA
# title: Azure role assigned to a guest user
# description: >-
#   An azurerm_role_assignment whose principal is a guest (B2B) account: a
#   user created by an azuread_invitation, or a data.azuread_user whose
#   user_type is Guest. Guests are managed by another tenant, so their MFA,
#   device posture and offboarding are outside your control; grant access
#   through groups with access reviews instead, or to members of your
#   tenant.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment
#   - https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/invitation
# custom:
#   id: TFW-AZU-0163
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_role_assignment, azuread_invitation, azuread_user]
#   frameworks:
#     soc2: [CC6.3]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   remediation: |
#     Assign the role to a group of member accounts (with access reviews)
#     instead of a guest:
#     ```hcl
#     resource "azurerm_role_assignment" "readers" {
#       scope                = azurerm_resource_group.main.id
#       role_definition_name = "Reader"
#       principal_id         = azuread_group.readers.object_id
#     }
#     ```
#   aliases: []
package tfward.azure.iam.guest_role_assignment

import rego.v1

import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s grants %s to a guest user (%s)", [r.address, role(r), guest])) if {
	some r in tf.resources("azurerm_role_assignment")
	some ref in object.get(r.references, "principal_id", [])
	guest := guest_principal(ref)
}

guest_principal(ref) := ref if {
	startswith(ref, "azuread_invitation.")
}

guest_principal(ref) := ref if {
	some d in guest_users
	ref == tf.base_address(d.address)
}

# A plan carries the principal's object id instead of the reference.
deny contains tf.finding(r, [], sprintf("%s grants %s to a guest user (%s)", [r.address, role(r), d.address])) if {
	some r in tf.resources("azurerm_role_assignment")
	count(object.get(r.references, "principal_id", [])) == 0
	some d in guest_users
	tf.val(d.values, "object_id", null) == tf.val(r.values, "principal_id", "")
}

guest_users := [d |
	some d in tf.data_sources("azuread_user")
	lower(tf.val(d.values, "user_type", "")) == "guest"
]

role(r) := tf.val(r.values, "role_definition_name", "a role")
