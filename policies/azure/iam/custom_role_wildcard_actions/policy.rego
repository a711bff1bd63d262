# METADATA
# title: Custom role grants every action ("*")
# description: >-
#   A custom azurerm_role_definition whose `permissions.actions` contains
#   "*" grants every management-plane action on its assignable scopes, which
#   makes it an Owner-equivalent role (including role assignment) under
#   another name, outside the reviews that built-in Owner assignments get.
#   Scope custom roles to the resource provider actions they need.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/custom-roles
# custom:
#   id: TFW-AZU-0160
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_role_definition]
#   frameworks:
#     soc2: [CC6.3]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   equivalents:
#     checkov: CKV_AZURE_39
#   remediation: |
#     ```hcl
#     resource "azurerm_role_definition" "main" {
#       name              = "app-operator"
#       scope             = "/subscriptions/00000000-0000-0000-0000-000000000000"
#       assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
#
#       permissions {
#         actions     = ["Microsoft.Web/sites/restart/action", "Microsoft.Web/sites/read"]
#         not_actions = []
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.iam.custom_role_wildcard_actions

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["permissions", i, "actions"], sprintf("%s grants every action (\"*\")", [r.address])) if {
	some r in tf.resources("azurerm_role_definition")
	some i, p in tf.list(r.values, "permissions")
	"*" in tf.list(p, "actions")
}
