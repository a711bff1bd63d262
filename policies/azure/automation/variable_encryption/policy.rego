# METADATA
# title: Automation account variable is not encrypted
# description: >-
#   Automation variables are stored in clear text unless `encrypted = true`
#   (default false); runbooks and anyone with read access to the account can
#   then see values that often hold connection strings or tokens. Encryption
#   can only be chosen when the variable is created.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/automation_variable_string
#   - https://learn.microsoft.com/en-us/azure/automation/shared-resources/variables
# custom:
#   id: TFW-AZU-0157
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_automation_variable_bool, azurerm_automation_variable_datetime, azurerm_automation_variable_int, azurerm_automation_variable_string, azurerm_automation_variable_object]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_73
#   remediation: |
#     ```hcl
#     resource "azurerm_automation_variable_string" "main" {
#       name                    = "setting"
#       resource_group_name     = "rg-app"
#       automation_account_name = "aa-acme"
#       value                   = "not-a-secret"
#       encrypted               = true
#     }
#     ```
#   aliases: []
package tfward.azure.automation.variable_encryption

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["encrypted"], sprintf("%s is stored unencrypted (encrypted is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_automation_variable_bool", "azurerm_automation_variable_datetime", "azurerm_automation_variable_int", "azurerm_automation_variable_string", "azurerm_automation_variable_object"], ["encrypted"], false)
}
