resource "google_storage_bucket_iam_member" "public_read" {
  bucket = "acme-staging-public"
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "azurerm_storage_account" "logs" {
  name                       = "acmestaginglogs"
  resource_group_name        = "acme-staging"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false
  min_tls_version            = "TLS1_0"
}
