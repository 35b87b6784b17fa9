#!/bin/sh
# Lower container api's CPU request to the 20m the app needs (kubectl set resources), so both replicas fit on a node.
set -eu
kubectl -n "$NS" set resources deployment api -c api --requests=cpu=20m
kubectl -n "$NS" rollout status deployment/api --timeout=120s
