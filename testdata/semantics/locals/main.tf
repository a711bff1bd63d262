# Locals in any order, referring to each other, and a cycle.
locals {
  full_name = "${local.prefix}-${local.suffix}"
  suffix    = upper(local.env)
  cycle_a   = local.cycle_b
}

locals {
  prefix  = "acme"
  env     = terraform.workspace
  cycle_b = local.cycle_a
}

resource "aws_s3_bucket" "b" {
  bucket = local.full_name
  policy = local.cycle_a
  path   = "${path.module}/policy.json"
}
