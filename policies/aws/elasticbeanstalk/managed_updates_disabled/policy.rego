# METADATA
# title: Elastic Beanstalk environment does not apply managed platform updates
# description: >-
#   Managed platform updates apply patch and minor platform versions -
#   operating system, language runtime, web server fixes - in a weekly
#   maintenance window. Fires on an aws_elastic_beanstalk_environment or
#   aws_elastic_beanstalk_configuration_template whose setting
#   aws:elasticbeanstalk:managedactions ManagedActionsEnabled is not true,
#   or that has no such setting and no template_name (the option's default
#   is false). Silent when the settings or the value are not known, and for
#   environments built from a configuration template (the template is
#   checked). Settings made in .ebextensions of the source bundle are not
#   seen.
# related_resources:
#   - https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elastic_beanstalk_environment#option-settings
# custom:
#   id: TFW-AWS-0574
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_elastic_beanstalk_environment, aws_elastic_beanstalk_configuration_template]
#   frameworks:
#     soc2: [CC7.1]
#     pci-dss-4.0: ["6.3.3"]
#     nist-800-53-r5: [SI-2]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_340
#   remediation: |
#     Turn managed updates on:
#     ```hcl
#     setting {
#       namespace = "aws:elasticbeanstalk:managedactions"
#       name      = "ManagedActionsEnabled"
#       value     = "true"
#     }
#
#     setting {
#       namespace = "aws:elasticbeanstalk:managedactions"
#       name      = "PreferredStartTime"
#       value     = "Sun:02:00"
#     }
#
#     setting {
#       namespace = "aws:elasticbeanstalk:managedactions:platformupdate"
#       name      = "UpdateLevel"
#       value     = "minor"
#     }
#     ```
#   aliases: []
package tfward.aws.elasticbeanstalk.managed_updates_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s does not apply managed platform updates", [r.address])) if {
	some r in tf.of_types(["aws_elastic_beanstalk_environment", "aws_elastic_beanstalk_configuration_template"])
	count([s | some s in tf.list(r.values, "setting"); s.namespace == "aws:elasticbeanstalk:managedactions"; s.name == "ManagedActionsEnabled"]) == 0
	not tf.is_unknown(r, ["setting"])
	not tf.is_set(r, ["template_name"])
	not tf.is_unknown(r, ["template_name"])
}

deny contains tf.finding(r, ["setting", i, "value"], sprintf("%s does not apply managed platform updates", [r.address])) if {
	some r in tf.of_types(["aws_elastic_beanstalk_environment", "aws_elastic_beanstalk_configuration_template"])
	some i, s in tf.list(r.values, "setting")
	s.namespace == "aws:elasticbeanstalk:managedactions"
	s.name == "ManagedActionsEnabled"
	not tf.is_true(tf.val(s, "value", ""))
}
