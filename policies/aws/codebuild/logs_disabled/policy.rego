# METADATA
# title: CodeBuild project keeps no build logs
# description: >-
#   Build logs show what a build ran and fetched - the record needed after a
#   supply-chain compromise. Fires on an aws_codebuild_project whose
#   logs_config turns CloudWatch Logs off (status DISABLED) and leaves S3
#   logs off (absent or DISABLED, the provider's default). Silent when
#   either destination is enabled, when logs_config is absent (CloudWatch
#   Logs are on by default), and when a status is not known.
# related_resources:
#   - https://docs.aws.amazon.com/codebuild/latest/userguide/change-project-console-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#logs_config
# custom:
#   id: TFW-AWS-0556
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_codebuild_project]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Send build logs to CloudWatch Logs:
#     ```hcl
#     logs_config {
#       cloudwatch_logs {
#         status     = "ENABLED"
#         group_name = "/codebuild/app"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.codebuild.logs_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["logs_config", i, "cloudwatch_logs", 0, "status"], sprintf("%s keeps no build logs", [r.address])) if {
	some r in tf.resources("aws_codebuild_project")
	some i, l in tf.list(r.values, "logs_config")
	some c in tf.list(l, "cloudwatch_logs")
	upper(tf.val(c, "status", "ENABLED")) == "DISABLED"
	count([s | some s in tf.list(l, "s3_logs"); upper(tf.val(s, "status", "DISABLED")) != "DISABLED"]) == 0
	count([j | some j, _ in tf.list(l, "s3_logs"); tf.is_unknown(r, ["logs_config", i, "s3_logs", j, "status"])]) == 0
}
