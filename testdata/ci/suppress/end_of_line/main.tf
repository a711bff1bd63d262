resource "aws_s3_bucket_acl" "website" {
  bucket = "acme-website"
  acl    = "public-read" // tfward:ignore TFW-AWS-0001 reason="public website bucket"
}

resource "aws_s3_bucket_acl" "docs" { # tfward:ignore TFW-AWS-0001 reason="public docs site"
  bucket = "acme-docs"
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = "acme-uploads"
  acl    = "public-read"
}
