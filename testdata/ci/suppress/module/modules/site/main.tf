variable "name" {
  type    = string
  default = "acme-website"
}

resource "aws_s3_bucket_acl" "this" {
  bucket = var.name
  # tfward:ignore TFW-AWS-0001 reason="this module serves public websites"
  acl = "public-read"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = "${var.name}-logs"
  acl    = "public-read"
}
