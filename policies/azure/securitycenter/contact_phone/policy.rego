# METADATA
# title: Defender for Cloud security contact has no phone number
# description: >-
#   An azurerm_security_center_contact without `phone` gives Microsoft no
#   way to call the security team when it detects a compromise of the
#   subscription.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact
# custom:
#   id: TFW-AZU-0202
#   severity: LOW
#   category: security
#   resource_types: [azurerm_security_center_contact]
#   frameworks:
#     soc2: [CC7.3]
#   equivalents:
#     checkov: CKV_AZURE_20
#     trivy: AZU-0046
#   remediation: |
#     ```hcl
#     resource "azurerm_security_center_contact" "main" {
#       name                = "security"
#       email               = "secops@example.com"
#       phone               = "+1-555-0100"
#       alert_notifications = true
#       alerts_to_admins    = true
#     }
#     ```
#   aliases: []
package tfward.azure.securitycenter.contact_phone

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["phone"], sprintf("%s has no phone number", [r.address])) if {
	some r in tf.unset(["azurerm_security_center_contact"], ["phone"])
}
