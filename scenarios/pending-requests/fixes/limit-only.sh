#!/bin/sh
# Drop the written CPU request and set a CPU limit of 30m instead: the API server defaults the missing request to the limit, so each pod requests 30m.
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/resources/requests/cpu"},
  {"op": "add", "path": "/spec/template/spec/containers/0/resources/limits", "value": {"cpu": "30m"}}
]'
