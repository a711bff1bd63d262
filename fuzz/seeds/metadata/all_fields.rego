# METADATA
# title: S3 bucket grants public read access
# description: >-
#   A folded description
#   over two lines.
# related_resources:
#   - https://example.com/a
#   - ref: https://example.com/b
# scope: package
# custom:
#   id: TFW-AWS-9999
#   severity: HIGH
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl]
#   frameworks: { cis-aws-1.5: ["2.1.5"], soc2: CC6.1 }
#   remediation: |
#     Set the ACL to private.
#   equivalents: { checkov: CKV_AWS_20, trivy: [AWS-0092, AWS-0093] }
#   aliases: [TFW-AWS-0000]
#   deprecated: false
package tfward.aws.s3.bucket_public_read

import rego.v1

deny contains f if {
	some r in input.resources
	f := {"address": r.address, "path": ["acl"], "msg": "x"}
}
