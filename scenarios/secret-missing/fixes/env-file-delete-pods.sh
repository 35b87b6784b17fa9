#!/bin/sh
# Create the Secret from an env file (password=s3cr3t-pw), then delete the stuck pods so new ones start at once.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'password=s3cr3t-pw\n' > "$dir/db.env"
kubectl -n "$NS" create secret generic db-creds --from-env-file="$dir/db.env"
kubectl -n "$NS" delete pod -l app=app --wait=false
