# METADATA
# title: CodeBuild project passes a secret as a plaintext environment variable
# description: >-
#   A PLAINTEXT environment variable is stored in the project definition and
#   shown to anyone who can read the project. Fires on an
#   environment_variable of an aws_codebuild_project whose type is PLAINTEXT
#   (the provider's default) and whose name marks a secret (password,
#   secret, token, api key, private or access key), when its value is
#   written in the configuration. Silent for PARAMETER_STORE and
#   SECRETS_MANAGER variables, for names that only point at a secret
#   (..._ARN, ..._NAME, ..._ID, ..._PATH), and when the value or type is not
#   known.
# related_resources:
#   - https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#environment_variable
# custom:
#   id: TFW-AWS-0558
#   severity: HIGH
#   category: security
#   resource_types: [aws_codebuild_project]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.3.2"]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-798]
#   remediation: |
#     Read the secret from Secrets Manager at build time:
#     ```hcl
#     environment_variable {
#       name  = "NPM_TOKEN"
#       type  = "SECRETS_MANAGER"
#       value = "ci/npm-token"
#     }
#     ```
#   aliases: []
package tfward.aws.codebuild.plaintext_secret_env

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["environment", i, "environment_variable", j, "value"], sprintf("%s passes %s in plain text", [r.address, v.name])) if {
	some r in tf.resources("aws_codebuild_project")
	some i, e in tf.list(r.values, "environment")
	some j, v in tf.list(e, "environment_variable")
	upper(tf.val(v, "type", "PLAINTEXT")) == "PLAINTEXT"
	not tf.is_unknown(r, ["environment", i, "environment_variable", j, "type"])
	aws.secret_name(tf.val(v, "name", ""))
	is_string(v.value)
	v.value != ""
}
