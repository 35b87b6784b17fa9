#!/bin/sh
# Mark the configMapKeyRef optional so the pods start without it: DATABASE_HOST is unset and the app exits 1.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/optional", "value": true}
]'
