#!/bin/sh
# Write the password to a file (no trailing newline), render the Secret with --from-file=password=... --dry-run=client, apply it, and restart the rollout.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%s' 's3cr3t-pw' > "$dir/pw"
kubectl -n "$NS" create secret generic db-creds --from-file=password="$dir/pw" --dry-run=client -o yaml | kubectl -n "$NS" apply -f -
kubectl -n "$NS" rollout restart deployment/app
