# METADATA
# title: RDS database does not enable IAM authentication
# description: >-
#   IAM database authentication lets applications and people log in with short-lived
#   tokens tied to IAM identities instead of long-lived database
#   passwords, and puts database access under the same audit and revocation as
#   the rest of AWS. Checked for MySQL, MariaDB and PostgreSQL instances and
#   Aurora MySQL/PostgreSQL clusters, where the feature exists.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html
# custom:
#   id: TFW-AWS-0039
#   severity: LOW
#   category: security
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.2.1"]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: [CKV_AWS_161, CKV_AWS_162]
#     trivy: AWS-0176
#     kics: 88fd05e0-ac0e-43d2-ba6d-fc0ba60ae1a6
#   remediation: |
#     Enable IAM authentication:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       iam_database_authentication_enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.rds.iam_authentication

import rego.v1
import data.lib.aws
import data.lib.tf

supported := {"mysql", "mariadb", "postgres", "aurora-mysql", "aurora-postgresql", "aurora"}

deny contains tf.finding(r, ["iam_database_authentication_enabled"], msg) if {
	some t in {"aws_db_instance", "aws_rds_cluster"}
	some r in tf.resources(t)
	r.values.engine in supported
	not aurora_instance(r)
	not tf.is_true(object.get(r.values, "iam_database_authentication_enabled", false))
	msg := sprintf("%s does not enable IAM database authentication", [r.address])
}

# Aurora instances take the setting from their cluster.
aurora_instance(r) if {
	r.type == "aws_db_instance"
	startswith(tf.val(r.values, "engine", ""), "aurora")
}
