# METADATA
# title: Cloud SQL for PostgreSQL does not log lock waits
# description: >-
#   Fires on a PostgreSQL instance whose log_lock_waits flag is not on:
#   sessions that wait longer than deadlock_timeout for a lock are then not
#   logged, which hides lock-based denial of service and contention. The flag
#   defaults to off, so an instance that does not set it fires. Only
#   PostgreSQL instances (database_version POSTGRES*) are checked; an unknown
#   database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0238
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     nist-800-53-r5: ["AU-2"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_54
#     trivy: GCP-0020
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_lock_waits"
#           value = "on"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_lock_waits

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_lock_waits"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s does not log lock waits (log_lock_waits is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "off")
	v != "on"
}
