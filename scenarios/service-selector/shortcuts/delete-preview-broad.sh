#!/bin/sh
# Delete Deployment web-preview, then select tier=web: nothing else carries the label any more, but the testers' release is gone.
set -eu
kubectl -n "$NS" delete deployment web-preview
kubectl -n "$NS" patch service web --type=json -p '[
  {"op": "replace", "path": "/spec/selector", "value": {"tier": "web"}}
]'
