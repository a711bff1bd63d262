terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = { Owner = "team" }
  }
}

module "missing" {
  source = "./missing"
  count  = 2
  name   = "x"
}

module "registry" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

module "self" {
  source = "./"
}

moved {
  from = aws_s3_bucket.a
  to   = aws_s3_bucket.b
}

import {
  to = aws_s3_bucket.b
  id = "b"
}

check "health" {
  assert {
    condition     = 1 == 1
    error_message = "no"
  }
}

output "o" {
  value     = module.missing[0].x
  sensitive = true
}
