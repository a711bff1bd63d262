# METADATA
# title: Service Bus namespace accepts TLS versions below 1.2
# description: >-
#   `minimum_tls_version` "1.0" or "1.1" on azurerm_servicebus_namespace
#   lets clients negotiate deprecated TLS versions. The azurerm default is
#   "1.2", so the rule fires only on an explicit older value.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace
#   - https://learn.microsoft.com/en-us/azure/service-bus-messaging/transport-layer-security-configure-minimum-version
# custom:
#   id: TFW-AZU-0134
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_servicebus_namespace]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_AZURE_205
#   remediation: |
#     ```hcl
#     resource "azurerm_servicebus_namespace" "main" {
#       name                = "sb-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "Premium"
#       capacity            = 1
#       premium_messaging_partitions = 1
#
#       minimum_tls_version = "1.2"
#     }
#     ```
#   aliases: []
package tfward.azure.servicebus.min_tls

import rego.v1

import data.lib.tf

weak := {w | some w in ["1.0", "1.1"]}

deny contains tf.finding(r, ["minimum_tls_version"], sprintf("%s accepts TLS below 1.2 (minimum_tls_version = %v)", [r.address, r.values["minimum_tls_version"]])) if {
	some r in tf.of_types(["azurerm_servicebus_namespace"])
	lower(sprintf("%v", [tf.val(r.values, "minimum_tls_version", "")])) in weak
}
