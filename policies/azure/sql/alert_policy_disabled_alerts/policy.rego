# METADATA
# title: SQL server threat detection has alert types disabled
# description: >-
#   `disabled_alerts` on an azurerm_mssql_server_security_alert_policy
#   switches off detection types (Sql_Injection,
#   Sql_Injection_Vulnerability, Access_Anomaly, Data_Exfiltration,
#   Unsafe_Action, Brute_Force). Leave the list empty so every threat type
#   alerts.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_security_alert_policy
# custom:
#   id: TFW-AZU-0195
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mssql_server_security_alert_policy]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [SI-4]
#   equivalents:
#     checkov: CKV_AZURE_25
#     trivy: AZU-0028
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server_security_alert_policy" "main" {
#       resource_group_name = "rg-app"
#       server_name         = "sql-acme"
#       state               = "Enabled"
#       email_account_admins = true
#       email_addresses      = ["secops@example.com"]
#     }
#     ```
#   aliases: []
package tfward.azure.sql.alert_policy_disabled_alerts

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["disabled_alerts"], sprintf("%s disables alert types %v", [r.address, r.values.disabled_alerts])) if {
	some r in tf.resources("azurerm_mssql_server_security_alert_policy")
	count(tf.list(r.values, "disabled_alerts")) > 0
}
