#!/bin/sh
# Apply a Secret manifest with stringData (a username beside the password), then restart the rollout.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: db-creds
type: Opaque
stringData:
  username: app
  password: s3cr3t-pw
YAML
kubectl -n "$NS" rollout restart deployment/app
