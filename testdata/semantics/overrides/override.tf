variable "env" {
  default = "prod"
}

locals {
  prefix = "over"
}

resource "aws_s3_bucket" "b" {
  acl = "public-read"

  versioning {
    enabled = false
  }

  lifecycle {
    create_before_destroy = true
  }
}
