# METADATA
# title: CodeBuild project runs builds in privileged mode
# description: >-
#   privileged_mode = true gives the build container root access to the
#   host's Docker daemon. Anything the build runs - dependencies, pull-
#   request code - can escape the container. Needed only to build Docker
#   images; prefer a dedicated project for that. Fires when
#   environment.privileged_mode is true; silent when it is false, absent
#   (the default is false) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/codebuild/latest/userguide/sample-docker.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#privileged_mode
# custom:
#   id: TFW-AWS-0555
#   severity: HIGH
#   category: security
#   resource_types: [aws_codebuild_project]
#   frameworks:
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-250]
#   equivalents:
#     checkov: CKV_AWS_316
#   remediation: |
#     Build without privileges:
#     ```hcl
#     environment {
#       compute_type    = "BUILD_GENERAL1_SMALL"
#       image           = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
#       type            = "LINUX_CONTAINER"
#       privileged_mode = false
#     }
#     ```
#   aliases: []
package tfward.aws.codebuild.privileged_mode

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["environment", i, "privileged_mode"], sprintf("%s runs builds with root access to the Docker host", [r.address])) if {
	some r in tf.resources("aws_codebuild_project")
	some i, e in tf.list(r.values, "environment")
	tf.is_true(tf.val(e, "privileged_mode", false))
}
