# Override files, merged as Terraform merges them
# (https://developer.hashicorp.com/terraform/language/files/override):
# override.tf and *_override.tf(.json) apply after the other files, in
# lexical order; an override block replaces arguments one by one, a nested
# block type it writes replaces every block of that type, lifecycle merges
# argument by argument, locals and variable defaults are replaced by name.
variable "env" {
  type    = string
  default = "dev" # "prod" in override.tf
}

locals {
  prefix = "base" # "over" in override.tf
  kept   = "kept"
}

resource "aws_s3_bucket" "b" {
  bucket = "${local.prefix}-${var.env}"
  acl    = "private" # "public-read" in override.tf
  tags = {
    Name = local.kept
  }

  versioning {
    enabled = true
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_security_group" "sg" {
  name = "sg"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
