#!/bin/sh
# Store the settings under another key (web.conf) and map it to settings.conf with items: in the volume.
set -eu
kubectl -n "$NS" create configmap web-settings --from-literal=web.conf=mode=production
kubectl -n "$NS" patch deployment web -p '{"spec":{"template":{"spec":{"volumes":[{
  "name": "settings",
  "configMap": {"name": "web-settings", "items": [{"key": "web.conf", "path": "settings.conf"}]}
}]}}}}'
