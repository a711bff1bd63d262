# METADATA
# title: Cloud SQL for PostgreSQL does not log statement durations
# description: >-
#   Fires on a PostgreSQL instance whose log_duration flag is not on: the
#   duration of each completed statement is then not logged, which makes slow,
#   abusive or exfiltrating queries harder to spot. The flag defaults to off,
#   so an instance that does not set it fires. Only PostgreSQL instances
#   (database_version POSTGRES*) are checked; an unknown database_version or
#   flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0240
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     nist-800-53-r5: ["AU-2"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV2_GCP_13
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_duration"
#           value = "on"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_duration

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_duration"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s does not log statement durations (log_duration is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "off")
	v != "on"
}
