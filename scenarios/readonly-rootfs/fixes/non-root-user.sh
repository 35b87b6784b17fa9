#!/bin/sh
# Also run the pod as a non-root user (1000) with an emptyDir at /var/run: an emptyDir is writable by any user, the root stays read-only.
set -eu
kubectl -n "$NS" patch deployment web -p '{"spec":{"template":{"spec":{
  "securityContext": {"runAsUser": 1000, "runAsGroup": 1000, "runAsNonRoot": true},
  "volumes": [{"name": "run", "emptyDir": {}}],
  "containers": [{"name": "web", "volumeMounts": [{"name": "run", "mountPath": "/var/run"}]}]
}}}}'
