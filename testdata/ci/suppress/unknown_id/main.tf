# tfward:ignore TFW-AWS-9999 reason="public website bucket"
resource "aws_s3_bucket_acl" "website" {
  bucket = "acme-website"
  acl    = "public-read"
}
