#!/bin/sh
# Remove the probe's path: the API server defaults it to /, the site's root page.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/path"}
]'
