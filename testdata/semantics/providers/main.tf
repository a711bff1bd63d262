# Each provider configuration has its own default_tags, aliases included
# (Terraform: a resource uses the configuration its `provider` names);
# child modules get the configurations of `providers = {...}`, or without it
# the caller's default configurations (implicit inheritance).
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { team = "core" }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
  default_tags {
    tags = { team = "west" }
  }
}

provider "google" {
  default_labels = { owner = "data" }
}

resource "aws_s3_bucket" "default" {
  bucket = "default"
}

resource "aws_s3_bucket" "west" {
  provider = aws.west
  bucket   = "west"
}

module "passed" {
  source    = "./child"
  providers = { aws = aws.west }
}

module "inherited" {
  source = "./child"
}
