# METADATA
# title: MWAA web server is reachable from the internet
# description: >-
#   With webserver_access_mode = "PUBLIC_ONLY" the Airflow UI - which can
#   trigger DAGs and read connections - is published on the internet,
#   protected by IAM sign-in only. Fires when webserver_access_mode is
#   PUBLIC_ONLY; silent when it is PRIVATE_ONLY, absent (the provider's
#   default is PRIVATE_ONLY) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/mwaa/latest/userguide/configuring-networking.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mwaa_environment#webserver_access_mode
# custom:
#   id: TFW-AWS-0577
#   severity: HIGH
#   category: security
#   resource_types: [aws_mwaa_environment]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7, AC-3]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV2_AWS_66
#   remediation: |
#     Serve the UI inside the VPC:
#     ```hcl
#     resource "aws_mwaa_environment" "airflow" {
#       # ...
#       webserver_access_mode = "PRIVATE_ONLY"
#     }
#     ```
#   aliases: []
package tfward.aws.mwaa.public_webserver

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["webserver_access_mode"], sprintf("%s publishes the Airflow UI on the internet", [r.address])) if {
	some r in tf.value_in(["aws_mwaa_environment"], ["webserver_access_mode"], {"PUBLIC_ONLY"}, "PRIVATE_ONLY")
}
