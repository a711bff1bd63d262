# METADATA
# title: Defender for Cloud does not email alerts to subscription owners
# description: >-
#   `alerts_to_admins = false` on the azurerm_security_center_contact keeps
#   Defender for Cloud alerts from the subscription's owners and service
#   administrators.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact
# custom:
#   id: TFW-AZU-0201
#   severity: LOW
#   category: security
#   resource_types: [azurerm_security_center_contact]
#   frameworks:
#     soc2: [CC7.3]
#     nist-800-53-r5: [IR-6]
#   equivalents:
#     checkov: CKV_AZURE_22
#     trivy: AZU-0063
#   remediation: |
#     ```hcl
#     resource "azurerm_security_center_contact" "main" {
#       name                = "security"
#       email               = "secops@example.com"
#       alert_notifications = true
#       alerts_to_admins    = true
#     }
#     ```
#   aliases: []
package tfward.azure.securitycenter.contact_alerts_to_admins

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["alerts_to_admins"], sprintf("%s does not email alerts to admins", [r.address])) if {
	some r in tf.resources("azurerm_security_center_contact")
	tf.is_false(tf.val(r.values, "alerts_to_admins", false))
}
