#!/bin/sh
# Project settings.conf from web-config beside an empty web-settings, let the pods start, then delete web-config: the pods keep the stale file, but web-settings never supplied it.
set -eu
kubectl -n "$NS" create configmap web-settings
kubectl -n "$NS" create configmap web-config --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0", "value": {"name": "settings", "projected": {"sources": [{"configMap": {"name": "web-config"}}, {"configMap": {"name": "web-settings"}}]}}}
]'
kubectl -n "$NS" rollout status deployment/web --timeout=120s
kubectl -n "$NS" delete configmap web-config
