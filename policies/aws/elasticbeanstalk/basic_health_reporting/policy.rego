# METADATA
# title: Elastic Beanstalk environment uses basic health reporting
# description: >-
#   Enhanced health reporting collects request, latency and OS metrics from
#   every instance and explains why an environment is degraded; basic health
#   only watches load balancer checks. Fires on an
#   aws_elastic_beanstalk_environment or
#   aws_elastic_beanstalk_configuration_template whose setting
#   aws:elasticbeanstalk:healthreporting:system SystemType is not enhanced,
#   or that has no such setting and no template_name (the option's default
#   is basic). Silent when the settings or the value are not known.
# related_resources:
#   - https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/health-enhanced.html
#   - https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/command-options-general.html#command-options-general-elasticbeanstalkhealthreporting
# custom:
#   id: TFW-AWS-0575
#   severity: LOW
#   category: reliability
#   resource_types: [aws_elastic_beanstalk_environment, aws_elastic_beanstalk_configuration_template]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [SI-4]
#   remediation: |
#     Report enhanced health:
#     ```hcl
#     setting {
#       namespace = "aws:elasticbeanstalk:healthreporting:system"
#       name      = "SystemType"
#       value     = "enhanced"
#     }
#     ```
#   aliases: []
package tfward.aws.elasticbeanstalk.basic_health_reporting

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s reports basic health only", [r.address])) if {
	some r in tf.of_types(["aws_elastic_beanstalk_environment", "aws_elastic_beanstalk_configuration_template"])
	count([s | some s in tf.list(r.values, "setting"); s.namespace == "aws:elasticbeanstalk:healthreporting:system"; s.name == "SystemType"]) == 0
	not tf.is_unknown(r, ["setting"])
	not tf.is_set(r, ["template_name"])
	not tf.is_unknown(r, ["template_name"])
}

deny contains tf.finding(r, ["setting", i, "value"], sprintf("%s reports basic health only", [r.address])) if {
	some r in tf.of_types(["aws_elastic_beanstalk_environment", "aws_elastic_beanstalk_configuration_template"])
	some i, s in tf.list(r.values, "setting")
	s.namespace == "aws:elasticbeanstalk:healthreporting:system"
	s.name == "SystemType"
	not lower(tf.val(s, "value", "")) == "enhanced"
}
