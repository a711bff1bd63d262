# METADATA
# title: Application Gateway SSL policy accepts TLS versions below 1.2
# description: >-
#   An `ssl_policy` that allows TLS 1.0 or 1.1 on the listeners: a
#   Predefined policy AppGwSslPolicy20150501 or AppGwSslPolicy20170401, or a
#   Custom/CustomV2 policy whose `min_protocol_version` is TLSv1_0 or
#   TLSv1_1. A gateway without an ssl_policy block uses the default policy
#   of its API version, which Azure moved to TLS 1.2
#   (AppGwSslPolicy20220101) in 2023; the rule stays silent then.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway
#   - https://learn.microsoft.com/en-us/azure/application-gateway/application-gateway-ssl-policy-overview
# custom:
#   id: TFW-AZU-0139
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_application_gateway]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
#   remediation: |
#     ```hcl
#       ssl_policy {
#         policy_type = "Predefined"
#         policy_name = "AppGwSslPolicy20220101S"
#       }
#     ```
#   aliases: []
package tfward.azure.appgateway.ssl_policy_tls

import rego.v1

import data.lib.tf

weak_predefined := {"appgwsslpolicy20150501", "appgwsslpolicy20170401"}

weak_versions := {"tlsv1_0", "tlsv1_1"}

deny contains tf.finding(r, ["ssl_policy", i, "policy_name"], sprintf("%s uses SSL policy %v, which accepts TLS below 1.2", [r.address, p.policy_name])) if {
	some r in tf.resources("azurerm_application_gateway")
	some i, p in tf.list(r.values, "ssl_policy")
	lower(tf.val(p, "policy_name", "")) in weak_predefined
}

deny contains tf.finding(r, ["ssl_policy", i, "min_protocol_version"], sprintf("%s SSL policy accepts %v", [r.address, p.min_protocol_version])) if {
	some r in tf.resources("azurerm_application_gateway")
	some i, p in tf.list(r.values, "ssl_policy")
	lower(tf.val(p, "min_protocol_version", "")) in weak_versions
}
