#!/bin/sh
# Patch the limit to the highest value the task allows (1Gi) with a JSON patch.
set -eu
kubectl -n "$NS" patch deployment worker --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/resources/limits/memory", "value": "1Gi"}
]'
