# METADATA
# title: EMR cluster has no security configuration
# description: >-
#   Encryption at rest and in transit, Kerberos and Lake Formation integration
#   of an EMR cluster are all set through a security configuration; a cluster
#   without security_configuration has none of them. An aws_emr_cluster without
#   security_configuration is reported.
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security-configurations.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_cluster#security_configuration
# custom:
#   id: TFW-AWS-0385
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_emr_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV2_AWS_55
#   remediation: |
#     Attach a security configuration:
#     ```hcl
#     resource "aws_emr_cluster" "etl" {
#       # ...
#       security_configuration = aws_emr_security_configuration.etl.name
#     }
#     ```
#   aliases: []
package tfward.aws.emr.cluster_without_security_configuration

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["security_configuration"], sprintf("%s has no security configuration (no encryption at rest or in transit)", [r.address])) if {
	some r in tf.unset(["aws_emr_cluster"], ["security_configuration"])
}
