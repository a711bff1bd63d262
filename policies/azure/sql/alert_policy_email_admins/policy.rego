# METADATA
# title: SQL server threat alerts are not sent to admins
# description: >-
#   With `email_account_admins` false (the default) on an
#   azurerm_mssql_server_security_alert_policy, threat detection alerts do
#   not reach the subscription's administrators and owners, only the listed
#   addresses (if any).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_security_alert_policy
# custom:
#   id: TFW-AZU-0196
#   severity: LOW
#   category: security
#   resource_types: [azurerm_mssql_server_security_alert_policy]
#   frameworks:
#     soc2: [CC7.3]
#     nist-800-53-r5: [IR-6]
#   equivalents:
#     checkov: CKV_AZURE_27
#     trivy: AZU-0023
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server_security_alert_policy" "main" {
#       resource_group_name = "rg-app"
#       server_name         = "sql-acme"
#       state               = "Enabled"
#       email_account_admins = true
#     }
#     ```
#   aliases: []
package tfward.azure.sql.alert_policy_email_admins

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["email_account_admins"], sprintf("%s does not email threat alerts to admins", [r.address])) if {
	some r in tf.not_true(["azurerm_mssql_server_security_alert_policy"], ["email_account_admins"], false)
}
