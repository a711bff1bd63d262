# METADATA
# title: S3 bucket policy allows access to any principal
# description: >-
#   A bucket policy statement that allows an action to Principal "*" (or
#   {"AWS": "*"}, a list holding "*", "arn:aws:iam::*:root", or Allow with
#   NotPrincipal) grants that action to every AWS account and to anonymous
#   callers on the internet. Unless the bucket is deliberately public, such a
#   statement exposes or lets strangers modify its data. A statement is not
#   reported when a condition narrows who may call (aws:SourceVpce,
#   aws:SourceVpc, aws:SourceIp, aws:PrincipalOrgID, aws:PrincipalAccount,
#   aws:SourceAccount, aws:SourceArn, aws:PrincipalArn, ... with a positive
#   operator and no wildcard value); other conditions (aws:SecureTransport,
#   s3:x-amz-acl, a StringNotEquals or ...IfExists test) do not narrow it.
#   JSON policies, jsonencode and aws_iam_policy_document data sources are
#   read; a policy whose content is unknown is not judged. The action-specific
#   variants are TFW-AWS-0311 to TFW-AWS-0315.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy
# custom:
#   id: TFW-AWS-0010
#   severity: HIGH
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1", "7.2.1"]
#     nist-800-53-r5: [AC-3, AC-6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_70
#     kics: 7af43613-6bb9-4a0e-8c4d-1314b799425e
#   remediation: |
#     Name the principals that need access, or narrow the statement with a condition on the caller:
#     ```hcl
#     data "aws_iam_policy_document" "data" {
#       statement {
#         actions   = ["s3:GetObject"]
#         resources = ["${aws_s3_bucket.data.arn}/*"]
#
#         principals {
#           type        = "AWS"
#           identifiers = [aws_iam_role.reader.arn]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_policy_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some x in data.lib.aws.s3_public_statements
	msg := sprintf("%s allows %v to any principal without a condition on the caller", [x.holder.address, actions(x.stmt)])
}

actions(s) := s.Action if count(s.Action) > 0

else := sprintf("every action except %v", [s.NotAction])
