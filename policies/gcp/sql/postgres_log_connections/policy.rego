# METADATA
# title: Cloud SQL for PostgreSQL does not log connections
# description: >-
#   Without the `log_connections` flag set to on, PostgreSQL does not log
#   connection attempts, successful or not, so brute-force attempts and
#   logins from unexpected clients leave no trace in Cloud Logging.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
# custom:
#   id: TFW-GCP-0028
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_GCP_52
#     trivy: GCP-0016
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#         database_flags {
#           name  = "log_connections"
#           value = "on"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_connections

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_connections"

deny contains tf.finding(r, path, msg) if {
	some r in gcp.sql_instances
	gcp.is_postgres(r)
	not gcp.sql_flags_unknown(r)
	not on(gcp.sql_flags(r))
	path := flag_path(r)
	msg := sprintf("%s does not set the %s flag to on", [r.address, flag])
}

on(flags) if lower(sprintf("%v", [flags[flag]])) == "on"

# Point at the flag when it is written with another value, else at settings.
# (Comprehensions, not loops, before each `else`: regorus's VM skips an
# `else` after a body whose loop found nothing.)
flag_path(r) := paths[0] if {
	paths := [["settings", s, "database_flags", i, "value"] |
		some s, settings in tf.list(r.values, "settings")
		some i, f in tf.list(settings, "database_flags")
		f.name == flag
	]
	count(paths) > 0
} else := ["settings", 0, "database_flags"] if {
	with_flags := [s |
		some s in tf.list(r.values, "settings")
		count(tf.list(s, "database_flags")) > 0
	]
	count(with_flags) > 0
} else := ["settings", 0]
