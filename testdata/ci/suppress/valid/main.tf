resource "aws_s3_bucket_acl" "site" {
  bucket = "acme-site"
  acl    = "private"
}

# Serves the public website; reviewed in SEC-142.
# tfward:ignore TFW-AWS-0001 reason="public website bucket" until=2027-03-31
resource "aws_s3_bucket_acl" "website" {
  bucket = "acme-website"
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = "acme-uploads"
  acl    = "public-read"
}
