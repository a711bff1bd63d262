# METADATA
# title: Cloud SQL instance accepts unencrypted connections
# description: >-
#   Unless `ssl_mode` is ENCRYPTED_ONLY or
#   TRUSTED_CLIENT_CERTIFICATE_REQUIRED (or the older `require_ssl = true`),
#   Cloud SQL accepts plain-text connections on its IP addresses, and
#   passwords and query results can be captured on the network. The default
#   mode, ALLOW_UNENCRYPTED_AND_ENCRYPTED, leaves the choice to each client.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/configure-ssl-instance
# custom:
#   id: TFW-GCP-0026
#   severity: HIGH
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.4"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     soc2: [CC6.7]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_GCP_6
#     trivy: GCP-0015
#     kics: 02474449-71aa-40a1-87ae-e14497747b00
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#         ip_configuration {
#           ssl_mode = "ENCRYPTED_ONLY"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.require_ssl

import rego.v1

import data.lib.gcp
import data.lib.tf

strict_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

encrypted(ipc) if upper(tf.val(ipc, "ssl_mode", "")) in strict_modes

encrypted(ipc) if {
	tf.val(ipc, "ssl_mode", "") == ""
	tf.is_true(tf.val(ipc, "require_ssl", false))
}

deny contains tf.finding(r, ["settings", s, "ip_configuration", c, attr], sprintf("%s accepts unencrypted connections", [r.address])) if {
	some r in data.lib.gcp.sql_instances
	some s, settings in tf.list(r.values, "settings")
	some c, ipc in tf.list(settings, "ip_configuration")
	not encrypted(ipc)
	not tf.is_unknown(r, ["settings", s, "ip_configuration", c, "ssl_mode"])
	not tf.is_unknown(r, ["settings", s, "ip_configuration", c, "require_ssl"])
	attr := decisive(ipc)
}

decisive(ipc) := "ssl_mode" if tf.val(ipc, "ssl_mode", "") != ""

decisive(ipc) := "require_ssl" if {
	tf.val(ipc, "ssl_mode", "") == ""
	object.get(ipc, "require_ssl", null) != null
}

decisive(ipc) := "ssl_mode" if {
	tf.val(ipc, "ssl_mode", "") == ""
	object.get(ipc, "require_ssl", null) == null
}

deny contains tf.finding(r, ["settings", s, "ip_configuration"], sprintf("%s accepts unencrypted connections (no ip_configuration, so ssl_mode defaults to ALLOW_UNENCRYPTED_AND_ENCRYPTED)", [r.address])) if {
	some r in data.lib.gcp.sql_instances
	some s, settings in tf.list(r.values, "settings")
	count(tf.list(settings, "ip_configuration")) == 0
	not tf.is_unknown(r, ["settings", s, "ip_configuration"])
}
