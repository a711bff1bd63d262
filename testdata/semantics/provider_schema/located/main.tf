# `tfward scan located --plan ../plan/plan.json --provider-schema
# ../schema.json`: a finding on a plan resource points at the HCL written
# for the plan's path. Terraform's plan holds each block where the schema
# puts it (a "map" block at listener.LABEL, a "single" block at timeouts,
# set blocks without duplicates; see ../blocks/main.tf), so the spans of
# the configuration follow the same schema: the finding at
# listener.admin.port is the admin block's port line, not the resource.

resource "example_service" "api" {
  name = "api"

  listener "public" {
    port = 443
  }

  listener "admin" {
    port = 22
  }
}
