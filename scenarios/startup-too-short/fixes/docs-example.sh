#!/bin/sh
# Use the startup probe budget of the Kubernetes documentation's example (failureThreshold 30 × periodSeconds 10 = 5 min) with a strategic merge patch.
set -eu
kubectl -n "$NS" patch deployment app -p '{"spec":{"template":{"spec":{"containers":[
  {"name": "app", "startupProbe": {"failureThreshold": 30, "periodSeconds": 10}}
]}}}}'
