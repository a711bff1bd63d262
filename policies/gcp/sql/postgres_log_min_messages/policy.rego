# METADATA
# title: Cloud SQL for PostgreSQL logs too few server messages
# description: >-
#   Fires on a PostgreSQL instance whose log_min_messages is less verbose than
#   warning (error, log, fatal or panic): warnings, and with the higher levels
#   errors, are then dropped from the server log. CIS asks for warning or more
#   verbose. The flag's default is warning, so an instance that does not set
#   it stays silent. Only PostgreSQL instances (database_version POSTGRES*)
#   are checked; an unknown database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0233
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.2.5"]
#     nist-800-53-r5: ["AU-2"]
#     cwe: ["CWE-778"]
#   equivalents:
#     trivy: GCP-0018
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_min_messages"
#           value = "warning"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_min_messages

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_min_messages"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s logs too few messages (log_min_messages is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "warning")
	v in {"error", "log", "fatal", "panic"}
}
