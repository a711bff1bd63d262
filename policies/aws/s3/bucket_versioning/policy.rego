# METADATA
# title: S3 bucket versioning is not enabled
# description: >-
#   Without versioning, an overwrite or a delete - by mistake, by a buggy job or
#   by ransomware using stolen credentials - destroys the only copy of an
#   object. Versioning keeps previous versions so they can be restored, and it
#   is a prerequisite for replication, MFA delete and Object Lock. The check
#   reads the inline versioning block and aws_s3_bucket_versioning; a bucket
#   with neither, or with versioning suspended, is reported.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning
# custom:
#   id: TFW-AWS-0008
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning]
#   frameworks:
#     soc2: [A1.2]
#     pci-dss-4.0: ["10.5.1"]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_AWS_21
#     trivy: AWS-0090
#     kics: 568a4d22-3517-44a6-a7ad-6a7eed88722c
#   remediation: |
#     Enable versioning with the split-out resource:
#     ```hcl
#     resource "aws_s3_bucket_versioning" "data" {
#       bucket = aws_s3_bucket.data.id
#
#       versioning_configuration {
#         status = "Enabled"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_versioning

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(v, ["versioning_configuration", 0, "status"], msg) if {
	some r in tf.resources("aws_s3_bucket")
	some v in aws.bucket_config(r, "aws_s3_bucket_versioning")
	some cfg in tf.list(v.values, "versioning_configuration")
	is_string(cfg.status)
	cfg.status != "Enabled"
	msg := sprintf("%s leaves versioning of %s %v", [v.address, r.address, lower(cfg.status)])
}

deny contains tf.finding(r, ["versioning", 0, "enabled"], msg) if {
	some r in tf.resources("aws_s3_bucket")
	count(aws.bucket_config(r, "aws_s3_bucket_versioning")) == 0
	some blk in tf.list(r.values, "versioning")
	not tf.is_true(object.get(blk, "enabled", false))
	msg := sprintf("%s does not enable versioning", [r.address])
}

deny contains tf.finding(r, [], msg) if {
	some r in tf.resources("aws_s3_bucket")
	count(tf.list(r.values, "versioning")) == 0
	count(aws.bucket_config(r, "aws_s3_bucket_versioning")) == 0
	not aws.bucket_config_undecided(r, "aws_s3_bucket_versioning")
	not inline_unknown(r)
	msg := sprintf("%s has no versioning configuration (versioning is off)", [r.address])
}

inline_unknown(r) if {
	input.source == "config"
	tf.is_unknown(r, ["versioning"])
}
