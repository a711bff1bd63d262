# METADATA
# title: SQL server threat alerts have no recipient addresses
# description: >-
#   An azurerm_mssql_server_security_alert_policy without `email_addresses`
#   sends threat alerts to nobody outside the portal (unless admins are
#   emailed). List the security team's addresses.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_security_alert_policy
# custom:
#   id: TFW-AZU-0197
#   severity: LOW
#   category: security
#   resource_types: [azurerm_mssql_server_security_alert_policy]
#   frameworks:
#     soc2: [CC7.3]
#     nist-800-53-r5: [IR-6]
#   equivalents:
#     checkov: CKV_AZURE_26
#     trivy: AZU-0018
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server_security_alert_policy" "main" {
#       resource_group_name = "rg-app"
#       server_name         = "sql-acme"
#       state               = "Enabled"
#       email_addresses = ["secops@example.com"]
#     }
#     ```
#   aliases: []
package tfward.azure.sql.alert_policy_email_addresses

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["email_addresses"], sprintf("%s has no alert recipients (email_addresses)", [r.address])) if {
	some r in tf.unset(["azurerm_mssql_server_security_alert_policy"], ["email_addresses"])
}
