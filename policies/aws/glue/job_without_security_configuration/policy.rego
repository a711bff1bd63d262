# METADATA
# title: Glue job, crawler or dev endpoint has no security configuration
# description: >-
#   Without security_configuration, a Glue job, crawler or development endpoint
#   writes its S3 output, CloudWatch logs and job bookmarks without the
#   encryption a security configuration sets. aws_glue_job, aws_glue_crawler and
#   aws_glue_dev_endpoint without security_configuration are reported.
# related_resources:
#   - https://docs.aws.amazon.com/glue/latest/dg/console-security-configurations.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_job#security_configuration
# custom:
#   id: TFW-AWS-0389
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_glue_job, aws_glue_crawler, aws_glue_dev_endpoint]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_195
#   remediation: |
#     Attach a security configuration:
#     ```hcl
#     resource "aws_glue_job" "etl" {
#       # ...
#       security_configuration = aws_glue_security_configuration.etl.name
#     }
#     ```
#   aliases: []
package tfward.aws.glue.job_without_security_configuration

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["security_configuration"], sprintf("%s runs without a security configuration", [r.address])) if {
	some r in tf.unset(["aws_glue_job", "aws_glue_crawler", "aws_glue_dev_endpoint"], ["security_configuration"])
}
