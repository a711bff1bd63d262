# METADATA
# title: IAM grants a role to a personal (consumer) email account
# description: >-
#   Fires on a grant to user:<address> whose domain is a consumer mail
#   provider (gmail.com, googlemail.com, yahoo.com, hotmail.com, outlook.com,
#   live.com, aol.com, icloud.com, me.com, protonmail.com, proton.me,
#   mail.com, gmx.com, zoho.com, yandex.com) at project, folder or
#   organization level or on a resource (buckets, datasets, topics, functions,
#   keys and the other resource IAM types of lib.gcp resource_iam_prefixes),
#   in member, binding or policy form. Personal accounts are outside the
#   organization's identity controls (no enforced MFA, no offboarding, no
#   audit in Cloud Identity), so access survives the person leaving. Use
#   corporate identities or groups. Unknown members stay silent.
# related_resources:
#   - https://cloud.google.com/iam/docs/principals-overview
#   - https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains
# custom:
#   id: TFW-GCP-0154
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_project_iam_member
#     - google_project_iam_binding
#     - google_project_iam_policy
#     - google_folder_iam_member
#     - google_folder_iam_binding
#     - google_folder_iam_policy
#     - google_organization_iam_member
#     - google_organization_iam_binding
#     - google_organization_iam_policy
#     - google_pubsub_topic_iam_member
#     - google_pubsub_topic_iam_binding
#     - google_pubsub_topic_iam_policy
#     - google_pubsub_subscription_iam_member
#     - google_pubsub_subscription_iam_binding
#     - google_pubsub_subscription_iam_policy
#     - google_bigquery_table_iam_member
#     - google_bigquery_table_iam_binding
#     - google_bigquery_table_iam_policy
#     - google_artifact_registry_repository_iam_member
#     - google_artifact_registry_repository_iam_binding
#     - google_artifact_registry_repository_iam_policy
#     - google_cloud_run_service_iam_member
#     - google_cloud_run_service_iam_binding
#     - google_cloud_run_service_iam_policy
#     - google_cloud_run_v2_service_iam_member
#     - google_cloud_run_v2_service_iam_binding
#     - google_cloud_run_v2_service_iam_policy
#     - google_cloud_run_v2_job_iam_member
#     - google_cloud_run_v2_job_iam_binding
#     - google_cloud_run_v2_job_iam_policy
#     - google_cloudfunctions_function_iam_member
#     - google_cloudfunctions_function_iam_binding
#     - google_cloudfunctions_function_iam_policy
#     - google_cloudfunctions2_function_iam_member
#     - google_cloudfunctions2_function_iam_binding
#     - google_cloudfunctions2_function_iam_policy
#     - google_secret_manager_secret_iam_member
#     - google_secret_manager_secret_iam_binding
#     - google_secret_manager_secret_iam_policy
#     - google_dataproc_cluster_iam_member
#     - google_dataproc_cluster_iam_binding
#     - google_dataproc_cluster_iam_policy
#     - google_spanner_instance_iam_member
#     - google_spanner_instance_iam_binding
#     - google_spanner_instance_iam_policy
#     - google_spanner_database_iam_member
#     - google_spanner_database_iam_binding
#     - google_spanner_database_iam_policy
#     - google_service_account_iam_member
#     - google_service_account_iam_binding
#     - google_service_account_iam_policy
#     - google_compute_image_iam_member
#     - google_compute_image_iam_binding
#     - google_compute_image_iam_policy
#     - google_compute_disk_iam_member
#     - google_compute_disk_iam_binding
#     - google_compute_disk_iam_policy
#     - google_compute_region_disk_iam_member
#     - google_compute_region_disk_iam_binding
#     - google_compute_region_disk_iam_policy
#     - google_compute_snapshot_iam_member
#     - google_compute_snapshot_iam_binding
#     - google_compute_snapshot_iam_policy
#     - google_compute_instance_iam_member
#     - google_compute_instance_iam_binding
#     - google_compute_instance_iam_policy
#     - google_compute_machine_image_iam_member
#     - google_compute_machine_image_iam_binding
#     - google_compute_machine_image_iam_policy
#     - google_compute_subnetwork_iam_member
#     - google_compute_subnetwork_iam_binding
#     - google_compute_subnetwork_iam_policy
#     - google_notebooks_instance_iam_member
#     - google_notebooks_instance_iam_binding
#     - google_notebooks_instance_iam_policy
#     - google_notebooks_runtime_iam_member
#     - google_notebooks_runtime_iam_binding
#     - google_notebooks_runtime_iam_policy
#     - google_workbench_instance_iam_member
#     - google_workbench_instance_iam_binding
#     - google_workbench_instance_iam_policy
#     - google_healthcare_dataset_iam_member
#     - google_healthcare_dataset_iam_binding
#     - google_healthcare_dataset_iam_policy
#     - google_healthcare_dicom_store_iam_member
#     - google_healthcare_dicom_store_iam_binding
#     - google_healthcare_dicom_store_iam_policy
#     - google_healthcare_fhir_store_iam_member
#     - google_healthcare_fhir_store_iam_binding
#     - google_healthcare_fhir_store_iam_policy
#     - google_healthcare_hl7_v2_store_iam_member
#     - google_healthcare_hl7_v2_store_iam_binding
#     - google_healthcare_hl7_v2_store_iam_policy
#     - google_healthcare_consent_store_iam_member
#     - google_healthcare_consent_store_iam_binding
#     - google_healthcare_consent_store_iam_policy
#     - google_sourcerepo_repository_iam_member
#     - google_sourcerepo_repository_iam_binding
#     - google_sourcerepo_repository_iam_policy
#     - google_data_catalog_entry_group_iam_member
#     - google_data_catalog_entry_group_iam_binding
#     - google_data_catalog_entry_group_iam_policy
#     - google_data_catalog_tag_template_iam_member
#     - google_data_catalog_tag_template_iam_binding
#     - google_data_catalog_tag_template_iam_policy
#     - google_data_catalog_taxonomy_iam_member
#     - google_data_catalog_taxonomy_iam_binding
#     - google_data_catalog_taxonomy_iam_policy
#     - google_data_catalog_policy_tag_iam_member
#     - google_data_catalog_policy_tag_iam_binding
#     - google_data_catalog_policy_tag_iam_policy
#     - google_endpoints_service_iam_member
#     - google_endpoints_service_iam_binding
#     - google_endpoints_service_iam_policy
#     - google_cloud_tasks_queue_iam_member
#     - google_cloud_tasks_queue_iam_binding
#     - google_cloud_tasks_queue_iam_policy
#     - google_bigtable_instance_iam_member
#     - google_bigtable_instance_iam_binding
#     - google_bigtable_instance_iam_policy
#     - google_bigtable_table_iam_member
#     - google_bigtable_table_iam_binding
#     - google_bigtable_table_iam_policy
#     - google_privateca_ca_pool_iam_member
#     - google_privateca_ca_pool_iam_binding
#     - google_privateca_ca_pool_iam_policy
#     - google_privateca_certificate_template_iam_member
#     - google_privateca_certificate_template_iam_binding
#     - google_privateca_certificate_template_iam_policy
#     - google_api_gateway_api_iam_member
#     - google_api_gateway_api_iam_binding
#     - google_api_gateway_api_iam_policy
#     - google_api_gateway_gateway_iam_member
#     - google_api_gateway_gateway_iam_binding
#     - google_api_gateway_gateway_iam_policy
#     - google_iap_web_iam_member
#     - google_iap_web_iam_binding
#     - google_iap_web_iam_policy
#     - google_iap_web_backend_service_iam_member
#     - google_iap_web_backend_service_iam_binding
#     - google_iap_web_backend_service_iam_policy
#     - google_iap_tunnel_iam_member
#     - google_iap_tunnel_iam_binding
#     - google_iap_tunnel_iam_policy
#     - google_iap_tunnel_instance_iam_member
#     - google_iap_tunnel_instance_iam_binding
#     - google_iap_tunnel_instance_iam_policy
#     - google_dataplex_lake_iam_member
#     - google_dataplex_lake_iam_binding
#     - google_dataplex_lake_iam_policy
#     - google_dataplex_zone_iam_member
#     - google_dataplex_zone_iam_binding
#     - google_dataplex_zone_iam_policy
#     - google_dataplex_asset_iam_member
#     - google_dataplex_asset_iam_binding
#     - google_dataplex_asset_iam_policy
#     - google_binary_authorization_attestor_iam_member
#     - google_binary_authorization_attestor_iam_binding
#     - google_binary_authorization_attestor_iam_policy
#     - google_container_analysis_note_iam_member
#     - google_container_analysis_note_iam_binding
#     - google_container_analysis_note_iam_policy
#     - google_service_directory_namespace_iam_member
#     - google_service_directory_namespace_iam_binding
#     - google_service_directory_namespace_iam_policy
#     - google_service_directory_service_iam_member
#     - google_service_directory_service_iam_binding
#     - google_service_directory_service_iam_policy
#     - google_tags_tag_key_iam_member
#     - google_tags_tag_key_iam_binding
#     - google_tags_tag_key_iam_policy
#     - google_tags_tag_value_iam_member
#     - google_tags_tag_value_iam_binding
#     - google_tags_tag_value_iam_policy
#     - google_runtimeconfig_config_iam_member
#     - google_runtimeconfig_config_iam_binding
#     - google_runtimeconfig_config_iam_policy
#     - google_pubsub_schema_iam_member
#     - google_pubsub_schema_iam_binding
#     - google_pubsub_schema_iam_policy
#     - google_storage_managed_folder_iam_member
#     - google_storage_managed_folder_iam_binding
#     - google_storage_managed_folder_iam_policy
#     - google_dataproc_job_iam_member
#     - google_dataproc_job_iam_binding
#     - google_dataproc_job_iam_policy
#     - google_cloudbuildv2_connection_iam_member
#     - google_cloudbuildv2_connection_iam_binding
#     - google_cloudbuildv2_connection_iam_policy
#     - google_dataform_repository_iam_member
#     - google_dataform_repository_iam_binding
#     - google_dataform_repository_iam_policy
#     - google_gke_hub_membership_iam_member
#     - google_gke_hub_membership_iam_binding
#     - google_gke_hub_membership_iam_policy
#     - google_cloud_run_v2_worker_pool_iam_member
#     - google_cloud_run_v2_worker_pool_iam_binding
#     - google_cloud_run_v2_worker_pool_iam_policy
#     - google_storage_bucket_iam_member
#     - google_storage_bucket_iam_binding
#     - google_storage_bucket_iam_policy
#     - google_kms_crypto_key_iam_member
#     - google_kms_crypto_key_iam_binding
#     - google_kms_crypto_key_iam_policy
#     - google_kms_key_ring_iam_member
#     - google_kms_key_ring_iam_binding
#     - google_kms_key_ring_iam_policy
#     - google_bigquery_dataset_iam_member
#     - google_bigquery_dataset_iam_binding
#     - google_bigquery_dataset_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.2"]
#     nist-800-53-r5: ["AC-2"]
#     cwe: ["CWE-284"]
#   equivalents:
#     trivy: GCP-0069
#     kics: 9356962e-4a4f-4d06-ac59-dc8008775eaa
#   remediation: |
#     ```hcl
#     resource "google_project_iam_member" "analyst" {
#       project = "acme-prod"
#       role    = "roles/bigquery.dataViewer"
#       member  = "group:analysts@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.personal_accounts

import rego.v1

import data.lib.gcp
import data.lib.tf

personal_domains := {"gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "aol.com", "icloud.com", "me.com", "protonmail.com", "proton.me", "mail.com", "gmx.com", "zoho.com", "yandex.com"}

personal(m) if {
	startswith(lower(m), "user:")
	parts := split(lower(m), "@")
	count(parts) == 2
	parts[1] in personal_domains
}

grants := [g | some g in gcp.iam_grants(data.lib.gcp.all_iam_prefixes); personal(g.member)]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s on the %s to the personal account %s", [g.resource.address, gcp.role_text(g.roles), gcp.target_name(g.prefix), concat(", ", g.members)])) if {
	some g in gcp.grouped(grants)
}
