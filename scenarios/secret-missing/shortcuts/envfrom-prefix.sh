#!/bin/sh
# Create the Secret and import it whole with envFrom and prefix DB_ instead of the env entry: keys keep their case, so the app gets DB_password, DB_PASSWORD is unset and it exits 1.
set -eu
kubectl -n "$NS" create secret generic db-creds --from-literal=password=s3cr3t-pw
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/env"},
  {"op": "add", "path": "/spec/template/spec/containers/0/envFrom",
   "value": [{"prefix": "DB_", "secretRef": {"name": "db-creds"}}]}
]'
