#!/bin/sh
# Recreate strategy and the largest request 3 replicas fit in: 280Mi / 3 rounded down to whole bytes, 97867093 (93.33Mi); 3 x 97867093 = 293601279 <= 293601280 bytes.
set -eu
kubectl -n "$NS" patch deployment api -p '{"spec":{
  "strategy": {"type": "Recreate", "rollingUpdate": null},
  "template": {"spec": {"containers": [{"name": "api", "resources": {"requests": {"memory": "97867093"}}}]}}
}}'
kubectl -n "$NS" rollout status deployment/api --timeout=120s
