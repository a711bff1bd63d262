# METADATA
# title: Vertex AI Workbench instance disks are not encrypted with a customer-managed key
# description: >-
#   Fires on a google_workbench_instance without a customer-managed Cloud KMS
#   key (gce_setup.0.boot_disk.0.kms_key): Google then encrypts it with a key
#   it manages, and you cannot audit each use of the key, rotate it on your
#   schedule, or make the data unreadable by disabling it, as some regulations
#   require. The boot disk and every data disk need disk_encryption = "CMEK"
#   with a kms_key. The key comes from a variable or another resource in most
#   modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance
#   - https://cloud.google.com/vertex-ai/docs/workbench/instances/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0138
#   severity: LOW
#   category: compliance
#   resource_types: [google_workbench_instance]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV2_GCP_27
#   remediation: |
#     ```hcl
#     resource "google_workbench_instance" "this" {
#       # ...
#       gce_setup {
#         boot_disk {
#           kms_key = google_kms_crypto_key.key.id
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.workbench_instance_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, array.concat(["gce_setup", 0], path), sprintf("%s %s is encrypted with Google-managed keys (no kms_key)", [r.address, what])) if {
	some r in tf.resources("google_workbench_instance")
	not tf.is_unknown(r, ["gce_setup"])
	some [path, what] in disks(r)
	key := array.concat(["gce_setup", 0], array.concat(path, ["kms_key"]))
	not tf.is_set(r, key)
	not tf.is_unknown(r, key)
}

disks(r) := array.concat(boot(r), data_disks(r))

boot(r) := [[["boot_disk", 0], "boot disk"]] if count(tf.list(tf.at(r, ["gce_setup", 0], {}), "boot_disk")) > 0

boot(r) := [[["boot_disk"], "boot disk"]] if count(tf.list(tf.at(r, ["gce_setup", 0], {}), "boot_disk")) == 0

data_disks(r) := [[["data_disks", i], sprintf("data disk %d", [i])] | some i, _ in tf.list(tf.at(r, ["gce_setup", 0], {}), "data_disks")]
