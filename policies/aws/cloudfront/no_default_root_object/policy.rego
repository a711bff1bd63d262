# METADATA
# title: CloudFront distribution has no default root object
# description: >-
#   Without default_root_object a request for the distribution's root URL is
#   forwarded to the origin as is; an S3 origin then lists or errors instead of
#   serving a page, which can expose the bucket's contents. Fires when
#   default_root_object is absent or empty (the provider sets none by default);
#   silent when it is set or not known.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#default_root_object
# custom:
#   id: TFW-AWS-0519
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-548]
#   equivalents:
#     checkov: CKV_AWS_305
#   remediation: |
#     Serve a page at the root URL:
#     ```hcl
#     resource "aws_cloudfront_distribution" "site" {
#       # ...
#       default_root_object = "index.html"
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.no_default_root_object

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["default_root_object"], sprintf("%s has no default root object", [r.address])) if {
	some r in tf.unset(["aws_cloudfront_distribution"], ["default_root_object"])
}
