# METADATA
# title: MQ broker does not publish its general log
# description: >-
#   The general log records broker activity, connections and errors. An
#   aws_mq_broker is reported when logs.general is false or left out, or when
#   there is no logs block (general logging is off by default).
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#logs
# custom:
#   id: TFW-AWS-0372
#   severity: LOW
#   category: security
#   resource_types: [aws_mq_broker]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_48
#     trivy: AWS-0071
#   remediation: |
#     Publish the logs to CloudWatch Logs:
#     ```hcl
#     logs {
#       general = true
#       audit   = true
#     }
#     ```
#   aliases: []
package tfward.aws.mq.general_log_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["logs", i, "general"], sprintf("%s does not publish its general log", [r.address])) if {
	some r in tf.resources("aws_mq_broker")

	some i, l in tf.list(r.values, "logs")
	not tf.is_true(tf.val(l, "general", false))
}

deny contains tf.finding(r, ["logs"], sprintf("%s does not publish its general log (no logs block)", [r.address])) if {
	some r in tf.resources("aws_mq_broker")

	count(tf.list(r.values, "logs")) == 0
	not tf.is_unknown(r, ["logs"])
}
