# METADATA
# title: SageMaker notebook instance allows IMDSv1
# description: >-
#   IMDSv1 answers plain GET requests, so a server-side request forgery in
#   notebook code or a library can read the instance role's credentials.
#   Fires on an aws_sagemaker_notebook_instance whose instance_metadata_serv
#   ice_configuration.minimum_instance_metadata_service_version is 1, or
#   that has no such block (the service's default minimum is 1). Silent when
#   it is 2 or not known.
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-update-imds.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#instance_metadata_service_configuration
# custom:
#   id: TFW-AWS-0565
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_sagemaker_notebook_instance]
#   frameworks:
#     nist-800-53-r5: [AC-3, SC-7]
#     cwe: [CWE-918]
#   equivalents:
#     checkov: CKV_AWS_371
#   remediation: |
#     Require IMDSv2:
#     ```hcl
#     instance_metadata_service_configuration {
#       minimum_instance_metadata_service_version = "2"
#     }
#     ```
#   aliases: []
package tfward.aws.sagemaker.notebook_imdsv1

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["instance_metadata_service_configuration", i, "minimum_instance_metadata_service_version"], sprintf("%s lets code read instance credentials over IMDSv1", [r.address])) if {
	some r in tf.resources("aws_sagemaker_notebook_instance")
	some i, c in tf.list(r.values, "instance_metadata_service_configuration")
	sprintf("%v", [tf.val(c, "minimum_instance_metadata_service_version", "1")]) != "2"
}

deny contains tf.finding(r, ["instance_metadata_service_configuration"], sprintf("%s lets code read instance credentials over IMDSv1", [r.address])) if {
	some r in tf.resources("aws_sagemaker_notebook_instance")
	count(tf.list(r.values, "instance_metadata_service_configuration")) == 0
	not tf.is_unknown(r, ["instance_metadata_service_configuration"])
}
