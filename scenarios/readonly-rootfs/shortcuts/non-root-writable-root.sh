#!/bin/sh
# Mount an emptyDir at /var/run, run as user 1000 and set readOnlyRootFilesystem: false: that user cannot write /, but the root filesystem is mounted writable again.
set -eu
kubectl -n "$NS" patch deployment web -p '{"spec":{"template":{"spec":{
  "securityContext": {"runAsUser": 1000, "runAsGroup": 1000},
  "volumes": [{"name": "run", "emptyDir": {}}],
  "containers": [{"name": "web", "securityContext": {"readOnlyRootFilesystem": false},
    "volumeMounts": [{"name": "run", "mountPath": "/var/run"}]}]
}}}}'
