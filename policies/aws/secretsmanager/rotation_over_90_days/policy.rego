# METADATA
# title: Secrets Manager secret rotates less often than every 90 days
# description: >-
#   A rotation schedule longer than 90 days keeps a leaked secret usable for
#   months; PCI DSS and most internal standards ask for 90 days or less.
#   Reported for an aws_secretsmanager_secret_rotation whose rotation_rules set
#   automatically_after_days above 90, or a schedule_expression rate() longer
#   than 90 days; cron() schedules and unknown values are not judged. Secrets
#   without any rotation are TFW-AWS-0099.
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html
# custom:
#   id: TFW-AWS-0411
#   severity: LOW
#   category: compliance
#   resource_types: [aws_secretsmanager_secret_rotation]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.3.9"]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-262]
#   equivalents:
#     checkov: CKV_AWS_304
#   remediation: |
#     Rotate at least every 90 days:
#     ```hcl
#     resource "aws_secretsmanager_secret_rotation" "db" {
#       secret_id           = aws_secretsmanager_secret.db.id
#       rotation_lambda_arn = aws_lambda_function.rotate.arn
#
#       rotation_rules {
#         automatically_after_days = 30
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.secretsmanager.rotation_over_90_days

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["rotation_rules", 0, "automatically_after_days"], msg) if {
	some r in tf.resources("aws_secretsmanager_secret_rotation")
	some rule in tf.list(r.values, "rotation_rules")
	is_number(rule.automatically_after_days)
	rule.automatically_after_days > 90
	msg := sprintf("%s rotates every %v days (at most 90)", [r.address, rule.automatically_after_days])
}

deny contains tf.finding(r, ["rotation_rules", 0, "schedule_expression"], msg) if {
	some r in tf.resources("aws_secretsmanager_secret_rotation")
	some rule in tf.list(r.values, "rotation_rules")
	is_string(rule.schedule_expression)
	days := rate_days(rule.schedule_expression)
	days > 90
	msg := sprintf("%s rotates on %s, more than 90 days apart", [r.address, rule.schedule_expression])
}

# Days between runs of a rate() expression.
rate_days(expr) := to_number(m[1]) * factor[m[2]] if {
	m := regex.find_all_string_submatch_n(`^rate\(\s*([0-9]+)\s+(day|days|hour|hours)\s*\)$`, lower(expr), 1)[0]
	factor := {"day": 1, "days": 1, "hour": 1 / 24, "hours": 1 / 24}
}
