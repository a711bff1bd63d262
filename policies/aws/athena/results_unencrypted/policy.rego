# METADATA
# title: Athena query results are not encrypted
# description: >-
#   Athena writes every query result (and the copy of the data it returns) to
#   S3; the results are encrypted with SSE-S3, SSE-KMS or CSE-KMS only when an
#   encryption_configuration says so. An aws_athena_workgroup whose
#   configuration.result_configuration has no encryption_configuration (or no
#   result_configuration at all), and an aws_athena_database without
#   encryption_configuration, are reported.
# related_resources:
#   - https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_workgroup#encryption_configuration
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_database#encryption_configuration
# custom:
#   id: TFW-AWS-0379
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_athena_workgroup, aws_athena_database]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_159, CKV_AWS_77]
#     trivy: AWS-0006
#   remediation: |
#     Encrypt query results (with your own key):
#     ```hcl
#     result_configuration {
#       output_location = "s3://acme-athena-results/output/"
#       encryption_configuration {
#         encryption_option = "SSE_KMS"
#         kms_key_arn       = aws_kms_key.athena.arn
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.athena.results_unencrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s does not encrypt query results", [r.address])) if {
	some r in tf.resources("aws_athena_workgroup")
	some path in unencrypted_workgroup(r)
}

deny contains tf.finding(r, ["encryption_configuration"], sprintf("%s does not encrypt query results", [r.address])) if {
	some r in tf.resources("aws_athena_database")
	count(tf.list(r.values, "encryption_configuration")) == 0
	not tf.is_unknown(r, ["encryption_configuration"])
}

unencrypted_workgroup(r) := [["configuration"]] if {
	count(tf.list(r.values, "configuration")) == 0
	not tf.is_unknown(r, ["configuration"])
} else := [p |
	some i, c in tf.list(r.values, "configuration")
	count(tf.list(c, "result_configuration")) == 0
	not tf.is_unknown(r, ["configuration", i, "result_configuration"])
	p := ["configuration", i]
] if {
	count([c | some c in tf.list(r.values, "configuration"); count(tf.list(c, "result_configuration")) == 0]) > 0
} else := [p |
	some i, c in tf.list(r.values, "configuration")
	some j, rc in tf.list(c, "result_configuration")
	count(tf.list(rc, "encryption_configuration")) == 0
	not tf.is_unknown(r, ["configuration", i, "result_configuration", j, "encryption_configuration"])
	p := ["configuration", i, "result_configuration", j]
]
