# METADATA
# title: Cloud SQL instance has no point-in-time recovery
# description: >-
#   Fires on a primary Cloud SQL instance without point-in-time recovery: for
#   MySQL, backup_configuration.binary_log_enabled not true; for PostgreSQL
#   and SQL Server, backup_configuration.point_in_time_recovery_enabled not
#   true (both default to false, and an absent backup_configuration block
#   fires too). Daily backups alone lose up to a day of writes after a bad
#   migration, an accidental delete or ransomware. Read replicas, and
#   instances whose engine, replica status or backup settings are unknown,
#   stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#point_in_time_recovery_enabled
#   - https://cloud.google.com/sql/docs/postgres/backup-recovery/pitr
# custom:
#   id: TFW-GCP-0250
#   severity: MEDIUM
#   category: reliability
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     soc2: ["A1.2"]
#     nist-800-53-r5: ["CP-9", "CP-10"]
#   equivalents:
#     checkov: CKV2_GCP_20
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         backup_configuration {
#           enabled                        = true
#           point_in_time_recovery_enabled = true
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.point_in_time_recovery

import rego.v1

import data.lib.gcp
import data.lib.tf

attr(r) := "binary_log_enabled" if gcp.is_mysql(r)

attr(r) := "point_in_time_recovery_enabled" if gcp.is_postgres(r)

attr(r) := "point_in_time_recovery_enabled" if gcp.is_sqlserver(r)

deny contains tf.finding(r, path, sprintf("%s has no point-in-time recovery (%s is not true)", [r.address, a])) if {
	some r in data.lib.gcp.sql_instances
	not gcp.sql_replica(r)
	not tf.is_unknown(r, ["database_version"])
	a := attr(r)
	some s, _ in tf.list(r.values, "settings")
	not tf.is_unknown(r, ["settings", s, "backup_configuration"])
	path := pitr_path(r, s, a)
	not tf.is_true(tf.at(r, path, false))
}

pitr_path(r, s, a) := ["settings", s, "backup_configuration", 0, a] if count(tf.list(r.values.settings[s], "backup_configuration")) > 0

pitr_path(r, s, a) := ["settings", s] if count(tf.list(r.values.settings[s], "backup_configuration")) == 0
