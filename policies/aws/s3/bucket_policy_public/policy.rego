# METADATA
# title: S3 bucket policy allows access to any principal
# description: >-
#   A bucket policy statement that allows an action to Principal "*" (or {"AWS":
#   "*"}) without a Condition grants that action to every AWS account and to
#   anonymous callers on the internet. Unless the bucket is deliberately public,
#   such a statement exposes or lets strangers modify its data. Statements
#   narrowed by a Condition (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn,
#   ...) are not reported. Both JSON policies and aws_iam_policy_document data
#   sources are read.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy
# custom:
#   id: TFW-AWS-0010
#   severity: HIGH
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1", "7.2.1"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_70
#     kics: 7af43613-6bb9-4a0e-8c4d-1314b799425e
#   remediation: |
#     Name the principals that need access, or narrow the statement with a condition:
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
	some r in policy_holders
	some x in aws.policy_statements(r, "policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s allows %v to any principal without a condition", [r.address, x.stmt.Action])
}

policy_holders contains r if some r in tf.resources("aws_s3_bucket_policy")

policy_holders contains r if {
	some r in tf.resources("aws_s3_bucket")
	r.values.policy
}

policy_holders contains r if {
	some r in tf.resources("aws_s3_bucket")
	r.references.policy
}
