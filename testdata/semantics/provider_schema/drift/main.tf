# `tfward drift --state ../state/terraform.tfstate --provider-schema
# ../schema.json`: the configuration's values follow the schema before
# they are compared with the state, because the state holds what Terraform
# decoded against the same schema (the value of each attribute converted
# to its type by cty's convert package, sets without duplicates, a
# "single" block an object, "map" blocks an object keyed by their labels;
# see ../blocks/main.tf). Without the schema, each of these reads as drift
# though Terraform would plan no change.

resource "aws_db_instance" "db" {
  instance_class = "db.t3.micro"
  # A number written as a string with a fraction: 20 once converted.
  allocated_storage = "20.0"
  # A set: each element once.
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade", "postgresql"]
  # Drifted for real: the state has 5433.
  port = 5432

  # nesting_mode "single": an object in the state.
  timeouts {
    create = "60m"
  }
}

resource "example_service" "api" {
  name = "api"

  # nesting_mode "map": keyed by the label in the state.
  listener "public" {
    port = "443"
  }
}
