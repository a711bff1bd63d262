# tfward:ignore TFW-AWS-0001 reason="until the CDN migration" until=2025-12-31
resource "aws_s3_bucket_acl" "website" {
  bucket = "acme-website"
  acl    = "public-read"
}
