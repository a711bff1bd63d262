# METADATA
# title: Application Gateway listener accepts plain HTTP
# description: >-
#   An http_listener with `protocol = "Http"` serves the application
#   unencrypted. Listen on Https and, if needed, redirect HTTP with a
#   redirect_configuration instead of routing it to the backends.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway
# custom:
#   id: TFW-AZU-0236
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_application_gateway]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_AZURE_217
#   remediation: |
#     ```hcl
#       http_listener {
#         name                           = "https"
#         frontend_ip_configuration_name = "public"
#         frontend_port_name             = "https"
#         protocol                       = "Https"
#         ssl_certificate_name           = "acme"
#       }
#     ```
#   aliases: []
package tfward.azure.appgateway.http_listener

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["http_listener", i, "protocol"], sprintf("%s listener %v accepts plain HTTP", [r.address, tf.val(l, "name", i)])) if {
	some r in tf.resources("azurerm_application_gateway")
	some i, l in tf.list(r.values, "http_listener")
	lower(tf.val(l, "protocol", "")) == "http"
}
