resource "aws_s3_bucket" "site" {
  bucket = "acme-public-site"
}

# tfward:ignore TFW-AWS-0001 reason="public website"
resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}

resource "aws_s3_bucket" "private" {
  bucket = "acme-private"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.private.id
  acl    = "private"
}
