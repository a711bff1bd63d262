# tfward:ignore TFW-AWS-0001
resource "aws_s3_bucket_acl" "website" {
  bucket = "acme-website"
  acl    = "public-read"
}
