# METADATA
# title: S3 bucket policy does not deny requests over plain HTTP
# description: >-
#   S3 accepts both HTTP and HTTPS requests unless the bucket policy denies the
#   ones where aws:SecureTransport is false. Without that statement a
#   misconfigured client or SDK can send credentials-signed requests and object
#   data in clear text. A bucket is reported when no bucket policy applies to
#   it, or when the policy (JSON or aws_iam_policy_document) has no Deny
#   statement on aws:SecureTransport = false. A policy whose content is unknown
#   is not judged.
# related_resources:
#   - https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
# custom:
#   id: TFW-AWS-0012
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, aws_iam_policy_document]
#   frameworks:
#     cis-aws-1.5: ["2.1.2"]
#     cis-aws-2.0: ["2.1.1"]
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     cwe: [CWE-319]
#   remediation: |
#     Deny every request that does not use TLS:
#     ```hcl
#     data "aws_iam_policy_document" "data" {
#       statement {
#         sid       = "DenyInsecureTransport"
#         effect    = "Deny"
#         actions   = ["s3:*"]
#         resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
#
#         principals {
#           type        = "*"
#           identifiers = ["*"]
#         }
#
#         condition {
#           test     = "Bool"
#           variable = "aws:SecureTransport"
#           values   = ["false"]
#         }
#       }
#     }
#
#     resource "aws_s3_bucket_policy" "data" {
#       bucket = aws_s3_bucket.data.id
#       policy = data.aws_iam_policy_document.data.json
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_secure_transport

import rego.v1
import data.lib.aws
import data.lib.tf

# No bucket policy at all.
deny contains tf.finding(r, [], msg) if {
	some r in tf.resources("aws_s3_bucket")
	count(holders(r)) == 0
	not aws.bucket_config_undecided(r, "aws_s3_bucket_policy")
	not inline_unknown(r)
	msg := sprintf("%s has no bucket policy denying requests without TLS (aws:SecureTransport)", [r.address])
}

# A readable bucket policy without the deny.
deny contains tf.finding(p, ["policy"], msg) if {
	some r in tf.resources("aws_s3_bucket")
	count(holders(r)) > 0
	every h in holders(r) {
		aws.policy_readable(h, "policy")
		not denies_insecure(h)
	}
	some p in holders(r)
	msg := sprintf("%s does not deny requests to %s without TLS (aws:SecureTransport = false)", [p.address, r.address])
}

holders(r) := array.concat(
	[r | r.values.policy],
	array.concat([r | r.references.policy], aws.bucket_config(r, "aws_s3_bucket_policy")),
)

inline_unknown(r) if {
	input.source == "config"
	tf.is_unknown(r, ["policy"])
}

denies_insecure(h) if {
	some x in aws.policy_statements(h, "policy")
	x.stmt.Effect == "Deny"
	some v in aws.as_array(x.stmt.Condition.Bool["aws:SecureTransport"])
	lower(sprintf("%v", [v])) == "false"
}

denies_insecure(h) if {
	some x in aws.policy_statements(h, "policy")
	x.stmt.Effect == "Deny"
	some v in aws.as_array(x.stmt.Condition.NumericLessThan["s3:TlsVersion"])
	to_number(v) >= 1.2
}
