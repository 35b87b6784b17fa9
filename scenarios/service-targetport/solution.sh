#!/bin/sh
# Point Service web's targetPort at the name container web gives its port, web (JSON patch).
set -eu
kubectl -n "$NS" patch service web --type=json -p '[
  {"op": "replace", "path": "/spec/ports/0/targetPort", "value": "web"}
]'
