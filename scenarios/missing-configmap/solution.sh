#!/bin/sh
# Create ConfigMap web-settings with key settings.conf, then restart the rollout instead of waiting for the kubelet's mount retry.
set -eu
kubectl -n "$NS" create configmap web-settings --from-literal=settings.conf=mode=production
kubectl -n "$NS" rollout restart deployment/web
