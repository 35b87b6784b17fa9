#!/bin/sh
# Create web-settings with mode=development: the mount works, but the app refuses the wrong mode and exits 1.
set -eu
kubectl -n "$NS" create configmap web-settings --from-literal=settings.conf=mode=development
kubectl -n "$NS" rollout restart deployment/web
