# METADATA
# title: Transfer Family server uses the 2018 security policy
# description: >-
#   TransferSecurityPolicy-2018-11 still offers SHA-1 key exchange and MACs
#   and CBC ciphers. Fires on an aws_transfer_server whose
#   security_policy_name is TransferSecurityPolicy-2018-11 or absent (the
#   provider's default); silent for later policies (2020-06 and newer, FIPS
#   and PQ variants) and when the value is not known.
# related_resources:
#   - https://docs.aws.amazon.com/transfer/latest/userguide/security-policies.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_server#security_policy_name
# custom:
#   id: TFW-AWS-0584
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_transfer_server]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8, SC-13]
#     cwe: [CWE-327]
#   remediation: |
#     Use a current security policy:
#     ```hcl
#     resource "aws_transfer_server" "partners" {
#       # ...
#       security_policy_name = "TransferSecurityPolicy-2024-01"
#     }
#     ```
#   aliases: []
package tfward.aws.transfer.outdated_security_policy

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["security_policy_name"], sprintf("%s offers SHA-1 and CBC algorithms (TransferSecurityPolicy-2018-11)", [r.address])) if {
	some r in tf.value_in(["aws_transfer_server"], ["security_policy_name"], {"TransferSecurityPolicy-2018-11"}, "TransferSecurityPolicy-2018-11")
}
