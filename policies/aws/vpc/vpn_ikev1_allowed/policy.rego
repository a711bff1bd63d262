# METADATA
# title: Site-to-Site VPN tunnel accepts IKEv1
# description: >-
#   IKEv1 is the older, weaker key exchange (aggressive mode, no built-in anti-
#   DoS, weaker authentication); AWS accepts both IKEv1 and IKEv2 unless the
#   tunnel's ike_versions restrict it, so an aws_vpn_connection with
#   tunnel1_ike_versions or tunnel2_ike_versions absent, or listing "ikev1", can
#   be negotiated down. Restrict both tunnels to ["ikev2"] (the customer gateway
#   must support it).
# related_resources:
#   - https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html
# custom:
#   id: TFW-AWS-0213
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_vpn_connection]
#   frameworks:
#     nist-800-53-r5: [SC-8, SC-13]
#     cwe: [CWE-327]
#   remediation: |
#     Use IKEv2 only:
#     ```hcl
#     resource "aws_vpn_connection" "office" {
#       tunnel1_ike_versions = ["ikev2"]
#       tunnel2_ike_versions = ["ikev2"]
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.vpn_ikev1_allowed

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [attr], msg) if {
	some r in tf.resources("aws_vpn_connection")
	some attr in ["tunnel1_ike_versions", "tunnel2_ike_versions"]
	versions := tf.list(r.values, attr)
	ikev1(versions)
	msg := sprintf("%s lets %s negotiate IKEv1", [r.address, trim_suffix(attr, "_ike_versions")])
}

ikev1(versions) if count(versions) == 0

ikev1(versions) if "ikev1" in versions
