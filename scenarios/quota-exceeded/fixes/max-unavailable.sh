#!/bin/sh
# Let the rolling update take one old pod down before it adds a new one (maxSurge 0, maxUnavailable 1), and request 64Mi.
set -eu
kubectl -n "$NS" patch deployment api -p '{"spec":{
  "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 0, "maxUnavailable": 1}},
  "template": {"spec": {"containers": [{"name": "api", "resources": {"requests": {"memory": "64Mi"}}}]}}
}}'
