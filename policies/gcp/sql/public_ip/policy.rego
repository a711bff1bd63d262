# METADATA
# title: Cloud SQL instance has a public IP address
# description: >-
#   Cloud SQL assigns a public IPv4 address unless `ipv4_enabled = false`.
#   Even with no authorized networks, the instance is then addressable from
#   the internet and a single broad authorized network exposes it. Private IP
#   (or Private Service Connect) keeps database traffic inside the VPC.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/configure-private-ip
# custom:
#   id: TFW-GCP-0031
#   severity: MEDIUM
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.6"]
#     pci-dss-4.0: ["1.4.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_60
#     trivy: GCP-0017
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#         ip_configuration {
#           ipv4_enabled    = false
#           private_network = google_compute_network.vpc.id
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.public_ip

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["settings", s, "ip_configuration", c, "ipv4_enabled"], sprintf("%s has a public IPv4 address", [r.address])) if {
	some r in data.lib.gcp.sql_instances
	some s, settings in tf.list(r.values, "settings")
	some c, ipc in tf.list(settings, "ip_configuration")
	not tf.is_false(tf.val(ipc, "ipv4_enabled", true))
}

deny contains tf.finding(r, ["settings", s, "ip_configuration"], sprintf("%s has a public IPv4 address (ipv4_enabled defaults to true)", [r.address])) if {
	some r in data.lib.gcp.sql_instances
	some s, settings in tf.list(r.values, "settings")
	count(tf.list(settings, "ip_configuration")) == 0
	not tf.is_unknown(r, ["settings", s, "ip_configuration"])
}
