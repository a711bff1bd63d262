resource "aws_s3_bucket_acl" "website" {
  bucket = "acme-website"
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = "acme-uploads"
  acl    = "public-read-write"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = "acme-private"
  acl    = "private"
}
