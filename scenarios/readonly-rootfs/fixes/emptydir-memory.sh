#!/bin/sh
# Mount a memory-backed emptyDir (tmpfs, medium: Memory) at /var/run through a strategic merge patch.
set -eu
kubectl -n "$NS" patch deployment web -p '{"spec":{"template":{"spec":{
  "volumes": [{"name": "run", "emptyDir": {"medium": "Memory", "sizeLimit": "1Mi"}}],
  "containers": [{"name": "web", "volumeMounts": [{"name": "run", "mountPath": "/var/run"}]}]
}}}}'
