#!/bin/sh
# Rename container web's port to http (and its readiness probe with it) so Service web matches: web answers, but Service web-internal, which targets the name web, stops answering.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/ports/0/name", "value": "http"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/port", "value": "http"}
]'
