# METADATA
# title: Cloud SQL for PostgreSQL turns checkpoint logging off
# description: >-
#   Fires on a PostgreSQL instance with log_checkpoints = off. Checkpoint
#   records show write bursts and recovery points, which matter when
#   reconstructing what happened to the data. The flag's default is on, so an
#   instance that does not set it stays silent. Only PostgreSQL instances
#   (database_version POSTGRES*) are checked; an unknown database_version or
#   flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0237
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     nist-800-53-r5: ["AU-2"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_51
#     trivy: GCP-0025
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_checkpoints"
#           value = "on"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_checkpoints

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_checkpoints"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s turns checkpoint logging off (log_checkpoints is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "on")
	v == "off"
}
