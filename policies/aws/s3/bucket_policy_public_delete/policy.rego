# METADATA
# title: S3 bucket policy lets any principal delete from the bucket (s3:Delete*)
# description: >-
#   A bucket policy statement that lets a public principal ("*", {"AWS": "*"},
#   a list holding "*", "arn:aws:iam::*:root", or Allow with NotPrincipal)
#   delete objects, versions or the bucket (s3:Delete*) with no condition narrowing who may call. The statement
#   is reported when one of its actions starts with s3:Delete or is a pattern
#   matching such an action ("s3:*", "*", "s3:Delete*"), or when it allows every
#   action except a NotAction list that leaves s3:Delete* in. Conditions on the
#   caller (aws:SourceVpce, aws:SourceIp, aws:PrincipalOrgID, aws:SourceAccount,
#   aws:SourceArn, ...) silence it; aws:SecureTransport, s3:x-amz-acl, Not and IfExists operators
#   do not. JSON policies and aws_iam_policy_document data sources are read;
#   an unknown policy is not judged. TFW-AWS-0010 reports a public statement
#   whatever its actions.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
#   - https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy
# custom:
#   id: TFW-AWS-0313
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1", "7.2.1"]
#     nist-800-53-r5: [AC-3, AC-6]
#     cwe: [CWE-284]
#   equivalents:
#     kics: ffdf4b37-7703-4dfe-a682-9d2e99bc6c09
#   remediation: |
#     Grant the actions to named principals, or narrow the statement to your network or organisation:
#     ```hcl
#     data "aws_iam_policy_document" "data" {
#       statement {
#         actions   = ["s3:DeleteObject"]
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
package tfward.aws.s3.bucket_policy_public_delete

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some x in data.lib.aws.s3_public_statements
	aws.action_reaches(x.stmt, "s3:delete")
	msg := sprintf("%s lets anyone delete %s to any principal (%v)", [x.holder.address, "Delete actions", object.get(x.stmt, "Action", [])])
}
