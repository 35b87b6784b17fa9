#!/bin/sh
# Rename the ConfigMap's key db_host to database_host (JSON patch move), no restart: the kubelet retries the stuck pods on its own.
set -eu
kubectl -n "$NS" patch configmap app-config --type=json -p '[
  {"op": "move", "from": "/data/db_host", "path": "/data/database_host"}
]'
