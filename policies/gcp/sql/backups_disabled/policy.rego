# METADATA
# title: Cloud SQL instance has automated backups disabled
# description: >-
#   Automated backups (and, with them, point-in-time recovery) are what lets
#   you restore a Cloud SQL instance after data is deleted, corrupted or
#   encrypted by ransomware. They are off unless
#   `settings.backup_configuration.enabled = true`. Read replicas, which
#   cannot have backups, are skipped.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/backup-recovery/backups
# custom:
#   id: TFW-GCP-0027
#   severity: MEDIUM
#   category: reliability
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.7"]
#     soc2: [A1.2]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_GCP_14
#     trivy: GCP-0024
#     kics: cf3c7631-cd1e-42f3-8801-a561214a6e79
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#         backup_configuration {
#           enabled                        = true
#           point_in_time_recovery_enabled = true
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.backups_disabled

import rego.v1

import data.lib.gcp
import data.lib.tf

replica(r) if tf.val(r.values, "master_instance_name", "") != ""

replica(r) if tf.is_unknown(r, ["master_instance_name"])

deny contains tf.finding(r, ["settings", s, "backup_configuration"], sprintf("%s has no automated backups", [r.address])) if {
	some r in data.lib.gcp.sql_instances
	not replica(r)
	some s, settings in tf.list(r.values, "settings")
	count(tf.list(settings, "backup_configuration")) == 0
	not tf.is_unknown(r, ["settings", s, "backup_configuration"])
}

deny contains tf.finding(r, ["settings", s, "backup_configuration", b, "enabled"], sprintf("%s has automated backups disabled", [r.address])) if {
	some r in data.lib.gcp.sql_instances
	not replica(r)
	some s, settings in tf.list(r.values, "settings")
	some b, bc in tf.list(settings, "backup_configuration")
	not tf.is_true(tf.val(bc, "enabled", false))
}
