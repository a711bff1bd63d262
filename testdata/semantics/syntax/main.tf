terraform {
  required_version = ">= 1.7"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

moved {
  from = aws_s3_bucket.old
  to   = aws_s3_bucket.new
}

import {
  to = aws_s3_bucket.new
  id = "acme-new"
}

removed {
  from = aws_s3_bucket.gone
  lifecycle {
    destroy = false
  }
}

check "health" {
  data "http" "site" {
    url = "https://example.com"
  }
  assert {
    condition     = data.http.site.status_code == 200
    error_message = "site down"
  }
}

ephemeral "random_password" "db" {
  length = 16
}

resource "aws_s3_bucket" "new" {
  bucket = provider::aws::arn_build("aws", "s3", "", "", "acme-new")
}
