#!/bin/sh
# Replace the CPU request with a JSON patch, written as a decimal number of cores ("0.02" = 20m).
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/resources/requests/cpu", "value": "0.02"}
]'
