# METADATA
# title: S3 bucket policy gives any principal every S3 action
# description: >-
#   A bucket policy statement that allows every S3 action (s3:* or *) to a
#   public principal ("*", {"AWS": "*"}, a list holding "*",
#   "arn:aws:iam::*:root", or Allow with NotPrincipal) with no condition narrowing who may call. The statement
#   is reported when its Action is "s3:*" or "*", or when it allows every
#   action but a NotAction list. Conditions on the caller (aws:SourceVpce,
#   aws:SourceIp, aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn, ...)
#   silence it; aws:SecureTransport, s3:x-amz-acl, Not and IfExists operators
#   do not. JSON policies and aws_iam_policy_document data sources are read;
#   an unknown policy is not judged. TFW-AWS-0010 reports a public statement
#   whatever its actions.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
#   - https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy
# custom:
#   id: TFW-AWS-0315
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1", "7.2.1"]
#     nist-800-53-r5: [AC-3, AC-6]
#     cwe: [CWE-284]
#   remediation: |
#     Grant the actions to named principals, or narrow the statement to your network or organisation:
#     ```hcl
#     data "aws_iam_policy_document" "data" {
#       statement {
#         actions   = ["s3:*"]
#         resources = ["${aws_s3_bucket.data.arn}/*"]
#
#         principals {
#           type        = "*"
#           identifiers = ["*"]
#         }
#
#         condition {
#           test     = "StringEquals"
#           variable = "aws:PrincipalOrgID"
#           values   = ["o-abc123"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_policy_public_all

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some x in data.lib.aws.s3_public_statements
	aws.action_all(x.stmt, "s3")
	msg := sprintf("%s gives anyone every S3 action on %s to any principal (%v)", [x.holder.address, "every S3 action", object.get(x.stmt, "Action", [])])
}
