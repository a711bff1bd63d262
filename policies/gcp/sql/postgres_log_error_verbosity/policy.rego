# METADATA
# title: Cloud SQL for PostgreSQL logs errors verbosely
# description: >-
#   Fires on a PostgreSQL instance with log_error_verbosity = verbose. Verbose
#   entries add the source file, function and line of every message, which
#   bloats logs and can record internal detail; CIS asks for default or terse.
#   The flag's default is default, so an instance that does not set it stays
#   silent. Only PostgreSQL instances (database_version POSTGRES*) are
#   checked; an unknown database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0231
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.2.1"]
#     nist-800-53-r5: ["AU-3"]
#     cwe: ["CWE-532"]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_error_verbosity"
#           value = "default"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_error_verbosity

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_error_verbosity"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s sets log_error_verbosity to %s", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "default")
	v == "verbose"
}
