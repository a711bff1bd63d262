# METADATA
# title: CloudFront reaches a custom origin over plain HTTP
# description: >-
#   Between an edge location and a custom origin (a load balancer, an instance,
#   an S3 website endpoint) traffic crosses the internet. Fires per origin whose
#   custom_origin_config.origin_protocol_policy is http-only, or match-viewer
#   while a cache behaviour that targets the origin lets viewers use HTTP
#   (viewer_protocol_policy = allow-all): CloudFront then forwards those
#   requests in clear text. Silent for https-only, for match-viewer behind
#   HTTPS-only behaviours, and when the policy is not known. S3 REST origins
#   (s3_origin_config, origin access control) always use HTTPS.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#origin_protocol_policy
# custom:
#   id: TFW-AWS-0515
#   severity: HIGH
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   remediation: |
#     Reach the origin over HTTPS only:
#     ```hcl
#     origin {
#       domain_name = "origin.example.com"
#       origin_id   = "app"
#
#       custom_origin_config {
#         http_port              = 80
#         https_port             = 443
#         origin_protocol_policy = "https-only"
#         origin_ssl_protocols   = ["TLSv1.2"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.origin_http

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["origin", i, "custom_origin_config", j, "origin_protocol_policy"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, o in tf.list(r.values, "origin")
	some j, c in tf.list(o, "custom_origin_config")
	tf.val(c, "origin_protocol_policy", "") == "http-only"
	msg := sprintf("%s forwards requests to origin %q over HTTP (origin_protocol_policy = http-only)", [r.address, tf.val(o, "origin_id", "")])
}

deny contains tf.finding(r, ["origin", i, "custom_origin_config", j, "origin_protocol_policy"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, o in tf.list(r.values, "origin")
	some j, c in tf.list(o, "custom_origin_config")
	tf.val(c, "origin_protocol_policy", "") == "match-viewer"
	some blk in ["default_cache_behavior", "ordered_cache_behavior"]
	some b in tf.list(r.values, blk)
	tf.val(b, "target_origin_id", "") == tf.val(o, "origin_id", null)
	tf.val(b, "viewer_protocol_policy", "") == "allow-all"
	msg := sprintf("%s forwards HTTP viewer requests to origin %q over HTTP (match-viewer behind an allow-all behaviour)", [r.address, o.origin_id])
}
