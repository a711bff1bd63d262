# METADATA
# title: RDS database instance is publicly accessible
# description: >-
#   publicly_accessible = true gives the instance a public DNS name that
#   resolves to a public IP, so the database listener is reachable from the
#   internet whenever a security group or NACL lets traffic in. Databases should
#   only be reachable from inside the VPC. aws_db_instance,
#   aws_rds_cluster_instance and the Multi-AZ DB clusters of aws_rds_cluster
#   are checked; publicly_accessible defaults to false, so a database without
#   it is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding
# custom:
#   id: TFW-AWS-0036
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, aws_rds_cluster]
#   frameworks:
#     cis-aws-2.0: ["2.3.3"]
#     cis-aws-3.0: ["2.3.3"]
#     nist-800-53-r5: [AC-3, SC-7]
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     hipaa: ["164.312(e)(1)"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_17
#     trivy: AWS-0180
#     kics: 35113e6f-2c6b-414d-beec-7a9482d3b2d1
#   remediation: |
#     Keep the database private:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       publicly_accessible  = false
#       db_subnet_group_name = aws_db_subnet_group.private.name
#     }
#     ```
#   aliases: []
package tfward.aws.rds.publicly_accessible

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["publicly_accessible"], sprintf("%s is publicly accessible", [r.address])) if {
	some t in {"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster"}
	some r in tf.resources(t)
	tf.is_true(r.values.publicly_accessible)
}
