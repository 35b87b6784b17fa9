#!/bin/sh
# Create an empty web-settings and a web-config with settings.conf, and project both into /etc/web: the pods run, but settings.conf comes from web-config, not web-settings.
set -eu
kubectl -n "$NS" create configmap web-settings
kubectl -n "$NS" create configmap web-config --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0", "value": {"name": "settings", "projected": {"sources": [{"configMap": {"name": "web-config"}}, {"configMap": {"name": "web-settings"}}]}}}
]'
