# METADATA
# title: Cloud SQL for PostgreSQL logs statement texts by duration
# description: >-
#   Fires on a PostgreSQL instance whose log_min_duration_statement is not -1:
#   every statement slower than the threshold (or every one at 0) is logged
#   with its full text, bind values included, which can write passwords and
#   personal data to the logs. The flag's default is -1, so an instance that
#   does not set it stays silent. Only PostgreSQL instances (database_version
#   POSTGRES*) are checked; an unknown database_version or flag list stays
#   silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0235
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.2.7"]
#     nist-800-53-r5: ["AU-9"]
#     cwe: ["CWE-532"]
#   equivalents:
#     checkov: CKV_GCP_57
#     trivy: GCP-0021
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_min_duration_statement"
#           value = "-1"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_min_duration_statement

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_min_duration_statement"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s logs statement texts (log_min_duration_statement is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "-1")
	v != "-1"
}
