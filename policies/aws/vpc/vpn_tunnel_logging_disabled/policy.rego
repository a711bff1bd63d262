# METADATA
# title: Site-to-Site VPN tunnel does not log to CloudWatch
# description: >-
#   Without tunnel logs, IKE negotiation failures, dead peer detection and
#   tunnel flaps of a Site-to-Site VPN leave no trace, so outages and tampering
#   attempts on the link cannot be investigated. Fires on an aws_vpn_connection
#   whose tunnel1_log_options or tunnel2_log_options lacks
#   cloudwatch_log_options { log_enabled = true } (the provider default is
#   false), once per tunnel.
# related_resources:
#   - https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-logs.html
# custom:
#   id: TFW-AWS-0212
#   severity: LOW
#   category: compliance
#   resource_types: [aws_vpn_connection]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Send both tunnels' logs to CloudWatch:
#     ```hcl
#     resource "aws_vpn_connection" "office" {
#       tunnel1_log_options {
#         cloudwatch_log_options {
#           log_enabled   = true
#           log_group_arn = aws_cloudwatch_log_group.vpn.arn
#         }
#       }
#       tunnel2_log_options {
#         cloudwatch_log_options {
#           log_enabled   = true
#           log_group_arn = aws_cloudwatch_log_group.vpn.arn
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.vpn_tunnel_logging_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [attr], msg) if {
	some r in tf.resources("aws_vpn_connection")
	some attr in ["tunnel1_log_options", "tunnel2_log_options"]
	not tf.is_true(tf.at(r, [attr, 0, "cloudwatch_log_options", 0, "log_enabled"], false))
	not tf.is_unknown(r, [attr, 0, "cloudwatch_log_options", 0, "log_enabled"])
	msg := sprintf("%s does not log %s to CloudWatch", [r.address, trim_suffix(attr, "_log_options")])
}
