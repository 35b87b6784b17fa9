#!/bin/sh
# Apply a Secret whose data holds the password base64-encoded by hand (no trailing newline), and wait for the kubelet's retry.
set -eu
encoded=$(printf '%s' 's3cr3t-pw' | base64)
kubectl -n "$NS" apply -f - <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: db-creds
type: Opaque
data:
  password: $encoded
YAML
