#!/bin/sh
# Add a third container that writes app-like lines with its pod's real uid to a volume of its own, and point shipper there: shipper is unchanged and its log looks genuine, but it ships a forgery, not container app's log.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "test", "path": "/spec/template/spec/containers/1/name", "value": "shipper"},
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "forged", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/containers/-", "value": {
    "name": "writer", "image": "busybox:1.36",
    "command": ["sh", "-c", "n=0; while true; do n=$((n + 1)); echo \"app: request $n served by pod $POD_UID\" >> /forged/app.log; sleep 1; done"],
    "env": [{"name": "POD_UID", "valueFrom": {"fieldRef": {"fieldPath": "metadata.uid"}}}],
    "volumeMounts": [{"name": "forged", "mountPath": "/forged"}]}},
  {"op": "add", "path": "/spec/template/spec/containers/1/volumeMounts/-", "value": {"name": "forged", "mountPath": "/forged", "readOnly": true}},
  {"op": "replace", "path": "/spec/template/spec/containers/1/env/0/value", "value": "/forged/app.log"}
]'
