#!/bin/sh
# Pause the rollout before setting the env: the template is right but no new pod ever starts, the old ones keep crashing.
set -eu
kubectl -n "$NS" rollout pause deployment/api
kubectl -n "$NS" set env deployment/api --from=configmap/api-config
