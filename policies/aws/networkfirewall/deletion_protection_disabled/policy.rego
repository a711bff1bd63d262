# METADATA
# title: Network Firewall can be deleted without first lifting protection
# description: >-
#   Deleting the firewall removes inspection of all traffic through it.
#   delete_protection makes a deletion fail until the flag is switched off,
#   which stops accidental or hurried removals. Fires on an
#   aws_networkfirewall_firewall whose delete_protection is false or absent
#   (the provider's default is false); silent when it is true or not known.
# related_resources:
#   - https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/networkfirewall_firewall#delete_protection
# custom:
#   id: TFW-AWS-0585
#   severity: LOW
#   category: reliability
#   resource_types: [aws_networkfirewall_firewall]
#   frameworks:
#     nist-800-53-r5: [CM-5, SC-7]
#   equivalents:
#     checkov: CKV_AWS_344
#   remediation: |
#     Protect the firewall from deletion:
#     ```hcl
#     resource "aws_networkfirewall_firewall" "egress" {
#       # ...
#       delete_protection = true
#     }
#     ```
#   aliases: []
package tfward.aws.networkfirewall.deletion_protection_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["delete_protection"], sprintf("%s can be deleted in one step", [r.address])) if {
	some r in tf.not_true(["aws_networkfirewall_firewall"], ["delete_protection"], false)
}
