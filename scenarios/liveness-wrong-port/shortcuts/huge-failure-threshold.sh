#!/bin/sh
# Keep the probe on 8081 but let it fail 100000 times before the kubelet acts: the kills stop, the probe still checks the wrong port.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/failureThreshold", "value": 100000}
]'
