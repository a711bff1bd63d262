# The same two accepted findings, with the blocks swapped and reformatted,
# plus one new public bucket.

resource "aws_s3_bucket_acl" "private" {
  bucket = "acme-private"
  acl = "private"
}

resource "aws_s3_bucket_acl" "new_site" {
  bucket = "acme-new-site"
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "uploads" {
    # reformatted: four-space indent, no alignment
    bucket="acme-uploads"

    acl="public-read-write"
}


resource   "aws_s3_bucket_acl"   "website"   {
	bucket   =   "acme-website"
	acl      =   "public-read"   # tab-indented
}
