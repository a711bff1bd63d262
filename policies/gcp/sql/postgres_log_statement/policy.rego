# METADATA
# title: Cloud SQL for PostgreSQL does not log DDL statements
# description: >-
#   Fires on a PostgreSQL instance whose log_statement flag is none (the
#   default) or not one of ddl, mod or all. Without it, schema changes
#   (CREATE, ALTER, DROP) leave no record for forensics; CIS recommends ddl.
#   The flag defaults to none, so an instance that does not set it fires. Only
#   PostgreSQL instances (database_version POSTGRES*) are checked; an unknown
#   database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0232
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.2.4"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_111
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_statement"
#           value = "ddl"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_statement

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_statement"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s does not log DDL statements (log_statement is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "none")
	not v in {"ddl", "mod", "all"}
}
