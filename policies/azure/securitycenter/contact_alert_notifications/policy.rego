# METADATA
# title: Defender for Cloud does not email alert notifications
# description: >-
#   `alert_notifications = false` on the azurerm_security_center_contact
#   stops Defender for Cloud from emailing the security contact about high-
#   severity alerts, so attacks are noticed only by someone watching the
#   portal.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact
# custom:
#   id: TFW-AZU-0200
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_security_center_contact]
#   frameworks:
#     soc2: [CC7.3]
#     nist-800-53-r5: [IR-6]
#   equivalents:
#     checkov: CKV_AZURE_21
#     trivy: AZU-0044
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
package tfward.azure.securitycenter.contact_alert_notifications

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["alert_notifications"], sprintf("%s does not email alert notifications", [r.address])) if {
	some r in tf.resources("azurerm_security_center_contact")
	tf.is_false(tf.val(r.values, "alert_notifications", false))
}
