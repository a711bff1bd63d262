# METADATA
# title: Classic load balancer negotiates TLS with an outdated policy
# description: >-
#   A classic load balancer (aws_elb) with an HTTPS or SSL listener negotiates
#   TLS according to its SSL negotiation policy; with none attached it uses
#   ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1. Fires on an
#   aws_lb_ssl_negotiation_policy or an aws_load_balancer_policy of type
#   SSLNegotiationPolicyType that enables Protocol-SSLv3, Protocol-TLSv1 or
#   Protocol-TLSv1.1 or references an outdated predefined policy (Reference-
#   Security-Policy), and on an aws_elb with an https/ssl listener that no
#   aws_lb_ssl_negotiation_policy or aws_load_balancer_listener_policy of the
#   module points at. Reference ELBSecurityPolicy-TLS-1-2-2017-01, or move to an
#   Application Load Balancer.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/ssl-config-update.html
# custom:
#   id: TFW-AWS-0235
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_elb, aws_lb_ssl_negotiation_policy, aws_load_balancer_policy, aws_load_balancer_listener_policy]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8, SC-13]
#     cwe: [CWE-326]
#   remediation: |
#     Reference a TLS 1.2 policy:
#     ```hcl
#     resource "aws_load_balancer_policy" "tls12" {
#       load_balancer_name = aws_elb.web.name
#       policy_name        = "tls12"
#       policy_type_name   = "SSLNegotiationPolicyType"
#
#       policy_attribute {
#         name  = "Reference-Security-Policy"
#         value = "ELBSecurityPolicy-TLS-1-2-2017-01"
#       }
#     }
#
#     resource "aws_load_balancer_listener_policy" "https" {
#       load_balancer_name = aws_elb.web.name
#       load_balancer_port = 443
#       policy_names       = [aws_load_balancer_policy.tls12.policy_name]
#     }
#     ```
#   aliases: []
package tfward.aws.elb.classic_outdated_tls_policy

import rego.v1
import data.lib.tf

weak_protocols := {"protocol-sslv2", "protocol-sslv3", "protocol-tlsv1", "protocol-tlsv1.1"}

modern_references := {"ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "ELBSecurityPolicy-FS-1-2-2019-08", "ELBSecurityPolicy-FS-1-2-Res-2019-08", "ELBSecurityPolicy-FS-1-2-Res-2020-10"}

weak_attribute(a) if {
	lower(tf.val(a, "name", "")) in weak_protocols
	tf.is_true(tf.val(a, "value", "false"))
}

weak_attribute(a) if {
	tf.val(a, "name", "") == "Reference-Security-Policy"
	v := tf.val(a, "value", "")
	v != ""
	not v in modern_references
}

deny contains tf.finding(r, ["attribute", i], msg) if {
	some r in tf.resources("aws_lb_ssl_negotiation_policy")
	some i, a in tf.list(r.values, "attribute")
	weak_attribute(a)
	msg := sprintf("%s enables %s=%v, an outdated TLS setting", [r.address, a.name, a.value])
}

deny contains tf.finding(r, ["policy_attribute", i], msg) if {
	some r in tf.resources("aws_load_balancer_policy")
	tf.val(r.values, "policy_type_name", "") == "SSLNegotiationPolicyType"
	some i, a in tf.list(r.values, "policy_attribute")
	weak_attribute(a)
	msg := sprintf("%s sets %s=%v, an outdated TLS setting", [r.address, a.name, a.value])
}

deny contains tf.finding(r, ["listener", i, "lb_protocol"], msg) if {
	some r in tf.resources("aws_elb")
	some i, l in tf.list(r.values, "listener")
	lower(l.lb_protocol) in {"https", "ssl"}
	not has_policy(r)
	msg := sprintf("%s has a %s listener on port %v with no SSL negotiation policy, so it uses ELBSecurityPolicy-2016-08 (TLS 1.0 and 1.1)", [r.address, l.lb_protocol, l.lb_port])
}

policy_links := {"aws_lb_ssl_negotiation_policy": "load_balancer", "aws_load_balancer_listener_policy": "load_balancer_name"}

has_policy(r) if {
	some t, attr in policy_links
	tf.has_linked(r, t, attr)
}

has_policy(r) if {
	some t, attr in policy_links
	tf.maybe_linked(r, t, attr)
}
