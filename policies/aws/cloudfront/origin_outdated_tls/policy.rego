# METADATA
# title: CloudFront accepts SSLv3 or TLS 1.0/1.1 towards a custom origin
# description: >-
#   custom_origin_config.origin_ssl_protocols lists the protocols CloudFront
#   may negotiate with a custom origin over HTTPS. SSLv3, TLSv1 and TLSv1.1
#   have known weaknesses; allowing them lets a downgraded connection carry
#   viewer data. Fires per origin whose list holds one of them, unless the
#   origin is reached over HTTP only (then TFW-AWS-0515 reports it). Silent
#   when the list is not known.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#origin_ssl_protocols
# custom:
#   id: TFW-AWS-0516
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8, SC-13]
#     cwe: [CWE-327]
#   remediation: |
#     Allow TLS 1.2 only:
#     ```hcl
#     custom_origin_config {
#       http_port              = 80
#       https_port             = 443
#       origin_protocol_policy = "https-only"
#       origin_ssl_protocols   = ["TLSv1.2"]
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.origin_outdated_tls

import rego.v1
import data.lib.tf

weak := {"SSLv3", "TLSv1", "TLSv1.1"}

deny contains tf.finding(r, ["origin", i, "custom_origin_config", j, "origin_ssl_protocols"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, o in tf.list(r.values, "origin")
	some j, c in tf.list(o, "custom_origin_config")
	tf.val(c, "origin_protocol_policy", "") != "http-only"
	found := [p | some p in tf.list(c, "origin_ssl_protocols"); p in weak]
	count(found) > 0
	msg := sprintf("%s may negotiate %s with origin %q", [r.address, concat(", ", found), tf.val(o, "origin_id", "")])
}
