# METADATA
# title: Owner role assigned at subscription or management group scope
# description: >-
#   An azurerm_role_assignment of the built-in Owner role (by name or by its
#   role definition ID 8e3af657-a8ff-443c-a75c-2fe8c4bcb635) at a
#   subscription ("/subscriptions/<id>", or the id of a
#   data.azurerm_subscription) or management group scope gives full control
#   of every resource below it, including granting access to others. Keep
#   standing Owner assignments at that scope to a few break-glass accounts
#   (use PIM for eligible access) and grant narrower roles at resource-group
#   scope.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices
# custom:
#   id: TFW-AZU-0162
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_role_assignment]
#   frameworks:
#     soc2: [CC6.3]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   remediation: |
#     Assign a narrower role at the scope that needs it:
#     ```hcl
#     resource "azurerm_role_assignment" "owner" {
#       scope                = azurerm_resource_group.app.id
#       role_definition_name = "Contributor"
#       principal_id         = azuread_group.app_ops.object_id
#     }
#     ```
#   aliases: []
package tfward.azure.iam.owner_at_subscription

import rego.v1

import data.lib.tf

owner_role_id := "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"

deny contains tf.finding(r, [attr], sprintf("%s assigns Owner at %s scope", [r.address, kind])) if {
	some r in tf.resources("azurerm_role_assignment")
	attr := owner_attr(r)
	kind := broad_scope(r)
}

owner_attr(r) := "role_definition_name" if lower(tf.val(r.values, "role_definition_name", "")) == "owner"

owner_attr(r) := "role_definition_id" if endswith(lower(tf.val(r.values, "role_definition_id", "")), owner_role_id)

broad_scope(r) := "subscription" if regex.match(`^/subscriptions/[^/]+/?$`, lower(tf.val(r.values, "scope", "")))

broad_scope(r) := "management group" if regex.match(`^/providers/microsoft.management/managementgroups/[^/]+/?$`, lower(tf.val(r.values, "scope", "")))

broad_scope(r) := "subscription" if {
	tf.val(r.values, "scope", null) == null
	some ref in object.get(r.references, "scope", [])
	startswith(ref, "data.azurerm_subscription.")
}
