# syntax=docker/dockerfile:1
# The tfward container image: the static (musl) release binary and nothing
# else, run as a non-root user.
#
# Built by .github/workflows/release.yml for linux/amd64 and linux/arm64
# from a context folder holding amd64/tfward and arm64/tfward (the
# binaries of the release archives), and pushed to ghcr.io:
#
#   docker buildx build --platform linux/amd64,linux/arm64 -f Dockerfile CONTEXT
#
# Use: docker run --rm -v "$PWD:/src:ro" ghcr.io/OWNER/tfward scan .
FROM scratch

ARG TARGETARCH
ARG SOURCE=https://github.com/OWNER/tfward
ARG VERSION=unreleased
ARG REVISION=unknown

LABEL org.opencontainers.image.title="tfward" \
      org.opencontainers.image.description="Terraform / OpenTofu policy, drift, cost and risk analyser" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.url="${SOURCE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="Apache-2.0"

COPY --chmod=0555 ${TARGETARCH}/tfward /usr/local/bin/tfward

# distroless's "nonroot" uid/gid; nothing in the image is writable by it,
# and tfward needs no home, /tmp or /etc.
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/tfward"]
CMD ["scan", "."]
