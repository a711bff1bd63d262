# METADATA
# title: Cloud SQL for MySQL allows LOAD DATA LOCAL INFILE
# description: >-
#   With the `local_infile` flag on, the server asks clients to upload local
#   files for LOAD DATA LOCAL. A malicious or compromised server, or SQL
#   injection in an application, can use it to read arbitrary files from
#   client machines. Keep the flag off unless a workload really needs it.
# related_resources:
#   - https://cloud.google.com/sql/docs/mysql/flags
# custom:
#   id: TFW-GCP-0030
#   severity: MEDIUM
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.1.3"]
#     soc2: [CC6.8]
#     cwe: [CWE-73]
#   equivalents:
#     checkov: CKV_GCP_50
#     trivy: GCP-0026
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "MYSQL_8_0"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#         database_flags {
#           name  = "local_infile"
#           value = "off"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.mysql_local_infile

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["settings", s, "database_flags", i, "value"], sprintf("%s sets local_infile to %v", [r.address, f.value])) if {
	some r in gcp.sql_instances
	gcp.is_mysql(r)
	some s, settings in tf.list(r.values, "settings")
	some i, f in tf.list(settings, "database_flags")
	f.name == "local_infile"
	lower(sprintf("%v", [object.get(f, "value", "")])) in {"on", "1", "true"}
}
