resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  tags = {
    owner = "data"
  }
}

resource "aws_s3_bucket_acl" "website" {
  bucket = "acme-website"
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "legacy_reports" {
  bucket = "acme-reports"
  acl    = "public-read"
}
