# METADATA
# title: Custom role can create or change role definitions
# description: >-
#   A custom role with Microsoft.Authorization/roleDefinitions/write (or a
#   wildcard covering it: "*", Microsoft.Authorization/*,
#   Microsoft.Authorization/*/write,
#   Microsoft.Authorization/roleDefinitions/*) lets its holders define new
#   roles with any permission and is a privilege-escalation path. Leave role
#   definition management to the built-in Owner and User Access
#   Administrator roles.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition
# custom:
#   id: TFW-AZU-0161
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_role_definition]
#   frameworks:
#     soc2: [CC6.3]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   equivalents:
#     trivy: AZU-0052
#   remediation: |
#     ```hcl
#     resource "azurerm_role_definition" "main" {
#       name              = "app-operator"
#       scope             = "/subscriptions/00000000-0000-0000-0000-000000000000"
#       assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
#
#       permissions {
#         actions     = ["Microsoft.Web/sites/read"]
#         not_actions = []
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.iam.custom_role_creation

import rego.v1

import data.lib.tf

dangerous := {
	"*", "microsoft.authorization/*", "microsoft.authorization/*/write",
	"microsoft.authorization/roledefinitions/write", "microsoft.authorization/roledefinitions/*",
}

deny contains tf.finding(r, ["permissions", i, "actions"], sprintf("%s can write role definitions (%s)", [r.address, a])) if {
	some r in tf.resources("azurerm_role_definition")
	some i, p in tf.list(r.values, "permissions")
	some a in tf.list(p, "actions")
	lower(a) in dangerous
}
