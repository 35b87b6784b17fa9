#!/bin/sh
# Add envFrom with the whole ConfigMap api-config to container api (JSON patch).
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/envFrom",
   "value": [{"configMapRef": {"name": "api-config"}}]}
]'
