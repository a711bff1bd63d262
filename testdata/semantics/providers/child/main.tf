resource "aws_s3_bucket" "c" {
  bucket = "child"
}

data "aws_region" "here" {}

output "region" {
  value = data.aws_region.here.name
}
