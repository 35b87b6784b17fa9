#!/bin/sh
# Store the password under key password and again under key pw, and point the secretKeyRef at pw: the brief says DB_PASSWORD comes from key password of db-creds.
set -eu
kubectl -n "$NS" create secret generic db-creds --from-literal=password=s3cr3t-pw --from-literal=pw=s3cr3t-pw
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/key", "value": "pw"}
]'
