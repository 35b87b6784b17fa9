#!/bin/sh
# Select on both labels webapp's pods carry, app=webapp and tier=web (a JSON patch of the whole selector): web-preview's pods lack app=webapp.
set -eu
kubectl -n "$NS" patch service web --type=json -p '[
  {"op": "replace", "path": "/spec/selector", "value": {"app": "webapp", "tier": "web"}}
]'
