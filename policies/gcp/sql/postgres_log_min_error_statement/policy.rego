# METADATA
# title: Cloud SQL for PostgreSQL does not log the statements that cause errors
# description: >-
#   Fires on a PostgreSQL instance whose log_min_error_statement is less
#   verbose than error (log, fatal or panic): the SQL text of failing
#   statements is then not logged, which hides injection attempts that end in
#   errors. The flag's default is error, so an instance that does not set it
#   stays silent. Only PostgreSQL instances (database_version POSTGRES*) are
#   checked; an unknown database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0234
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.2.6"]
#     nist-800-53-r5: ["AU-3"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_109
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_min_error_statement"
#           value = "error"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_min_error_statement

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_min_error_statement"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s does not log failing statements (log_min_error_statement is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "error")
	v in {"log", "fatal", "panic"}
}
