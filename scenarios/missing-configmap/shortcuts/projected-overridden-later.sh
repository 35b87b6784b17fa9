#!/bin/sh
# Create web-settings with mode=development and project web-config (mode=production) after it into /etc/web: the later source wins the path, so settings.conf comes from web-config.
set -eu
kubectl -n "$NS" create configmap web-settings --from-literal=settings.conf=mode=development
kubectl -n "$NS" create configmap web-config --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0", "value": {"name": "settings", "projected": {"sources": [{"configMap": {"name": "web-settings"}}, {"configMap": {"name": "web-config"}}]}}}
]'
