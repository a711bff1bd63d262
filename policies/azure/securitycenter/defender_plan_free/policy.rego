# METADATA
# title: Microsoft Defender for Cloud plan is on the Free tier
# description: >-
#   An azurerm_security_center_subscription_pricing with `tier = "Free"`
#   turns the Defender plan for its `resource_type` (VirtualMachines by
#   default; AppServices, SqlServers, SqlServerVirtualMachines,
#   StorageAccounts, Containers, KeyVaults, Arm, Dns,
#   OpenSourceRelationalDatabases, CosmosDbs ...) off: no threat detection,
#   vulnerability assessment or just-in-time access for those resources. Use
#   Standard for every resource type you run.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_subscription_pricing
#   - https://learn.microsoft.com/en-us/azure/defender-for-cloud/defender-for-cloud-introduction
# custom:
#   id: TFW-AZU-0199
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_security_center_subscription_pricing]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [SI-4, RA-5]
#   equivalents:
#     checkov: CKV_AZURE_19
#     trivy: AZU-0045
#   remediation: |
#     ```hcl
#     resource "azurerm_security_center_subscription_pricing" "virtualmachines" {
#       tier          = "Standard"
#       resource_type = "VirtualMachines"
#     }
#     ```
#   aliases: []
package tfward.azure.securitycenter.defender_plan_free

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["tier"], sprintf("%s leaves Defender for %s on the Free tier", [r.address, tf.val(r.values, "resource_type", "VirtualMachines")])) if {
	some r in tf.resources("azurerm_security_center_subscription_pricing")
	lower(tf.val(r.values, "tier", "")) == "free"
}
