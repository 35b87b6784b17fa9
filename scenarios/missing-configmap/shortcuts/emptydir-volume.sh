#!/bin/sh
# Swap the ConfigMap volume for an emptyDir so the mount succeeds: no settings.conf, and web no longer mounts web-settings.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0", "value": {"name": "settings", "emptyDir": {}}}
]'
