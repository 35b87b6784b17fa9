#!/bin/sh
# Project a defaults ConfigMap (mode=development) and then web-settings (mode=production) into /etc/web: the later source wins settings.conf, so the file comes from web-settings.
set -eu
kubectl -n "$NS" create configmap web-defaults --from-literal=settings.conf=mode=development
kubectl -n "$NS" create configmap web-settings --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0", "value": {"name": "settings", "projected": {"sources": [{"configMap": {"name": "web-defaults"}}, {"configMap": {"name": "web-settings"}}]}}}
]'
