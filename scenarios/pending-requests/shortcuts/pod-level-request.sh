#!/bin/sh
# Move the CPU request from container api to the pod level (spec.resources: 20m for the whole pod): container api itself requests nothing.
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/resources/requests/cpu"},
  {"op": "add", "path": "/spec/template/spec/resources", "value": {"requests": {"cpu": "20m"}}}
]'
