#!/bin/sh
# Delete Deployment redis and create a new one under the same name, then set the env: api runs, but redis was replaced.
set -eu
kubectl -n "$NS" delete deployment redis --wait=true
kubectl -n "$NS" create deployment redis --image=busybox:1.36 --port=6379 -- httpd -f -p 6379 -h /
kubectl -n "$NS" patch deployment redis -p '{"spec":{"template":{"spec":{"terminationGracePeriodSeconds":2}}}}'
kubectl -n "$NS" set env deployment/api --from=configmap/api-config
