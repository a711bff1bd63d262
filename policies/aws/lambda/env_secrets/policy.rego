# METADATA
# title: Lambda environment variables hold hard-coded secrets
# description: >-
#   Environment variables are shown in the console, returned by
#   GetFunctionConfiguration to anyone with read access, and stored in Terraform
#   state. A variable whose name says password, secret, token or key with a
#   literal value, or any value that looks like an AWS access key, leaks that
#   way. Store secrets in Secrets Manager or SSM Parameter Store and read them
#   at run time.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html
# custom:
#   id: TFW-AWS-0068
#   severity: HIGH
#   category: security
#   resource_types: [aws_lambda_function]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.3.2"]
#     cwe: [CWE-798]
#   equivalents:
#     kics: 1402afd8-a95c-4e84-8b0b-6fb43758e6ce
#   remediation: |
#     Pass the secret's name, not its value:
#     ```hcl
#     resource "aws_lambda_function" "worker" {
#       function_name = "worker"
#       role          = "arn:aws:iam::111122223333:role/worker"
#       runtime       = "python3.12"
#       handler       = "app.handler"
#       filename      = "worker.zip"
#
#       tracing_config {
#         mode = "Active"
#       }
#
#       dead_letter_config {
#         target_arn = "arn:aws:sqs:eu-west-1:111122223333:worker-dlq"
#       }
#
#       environment {
#         variables = {
#           LOG_LEVEL   = "info"
#           SECRET_NAME = "worker/db"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.env_secrets

import rego.v1
import data.lib.tf

# Name parts that mark a secret; names that only point at one are fine.
secret_words := ["password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "access_key"]

reference_suffixes := ["_name", "_arn", "_id", "_path", "_param", "_parameter", "_secret_id"]

deny contains tf.finding(r, ["environment", 0, "variables", name], msg) if {
	some r in tf.resources("aws_lambda_function")
	some env in tf.list(r.values, "environment")
	some name, value in tf.val(env, "variables", {})
	is_string(value)
	secret_name(name)
	count(value) >= 8
	not startswith(value, "arn:")
	msg := sprintf("%s sets the secret-looking variable %s to a literal value", [r.address, name])
}

deny contains tf.finding(r, ["environment", 0, "variables", name], msg) if {
	some r in tf.resources("aws_lambda_function")
	some env in tf.list(r.values, "environment")
	some name, value in tf.val(env, "variables", {})
	is_string(value)
	regex.match(`(AKIA|ASIA)[0-9A-Z]{16}`, value)
	msg := sprintf("%s has an AWS access key id in variable %s", [r.address, name])
}

secret_name(name) if {
	n := lower(name)
	some w in secret_words
	contains(n, w)
	not points_elsewhere(n)
}

points_elsewhere(n) if {
	some s in reference_suffixes
	endswith(n, s)
}
