# METADATA
# title: MQ broker does not take minor engine upgrades automatically
# description: >-
#   auto_minor_version_upgrade defaults to false on aws_mq_broker, so a broker
#   stays on its minor engine version (and its vulnerabilities) until someone
#   upgrades it. A broker is reported when the setting is false or left out.
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#auto_minor_version_upgrade
# custom:
#   id: TFW-AWS-0374
#   severity: LOW
#   category: security
#   resource_types: [aws_mq_broker]
#   frameworks:
#     nist-800-53-r5: [SI-2]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_207
#   remediation: |
#     Take minor upgrades in the maintenance window:
#     ```hcl
#     resource "aws_mq_broker" "events" {
#       # ...
#       auto_minor_version_upgrade = true
#     }
#     ```
#   aliases: []
package tfward.aws.mq.minor_version_upgrade_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["auto_minor_version_upgrade"], sprintf("%s does not take minor engine upgrades automatically (the default is false)", [r.address])) if {
	some r in tf.not_true(["aws_mq_broker"], ["auto_minor_version_upgrade"], false)
}
