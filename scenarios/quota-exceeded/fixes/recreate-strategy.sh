#!/bin/sh
# Switch Deployment api to the Recreate strategy and request 64Mi: the old pods go first, then 3 x 64Mi = 192Mi fits the 280Mi quota.
set -eu
kubectl -n "$NS" patch deployment api -p '{"spec":{
  "strategy": {"type": "Recreate", "rollingUpdate": null},
  "template": {"spec": {"containers": [{"name": "api", "resources": {"requests": {"memory": "64Mi"}}}]}}
}}'
