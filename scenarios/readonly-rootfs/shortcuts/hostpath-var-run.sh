#!/bin/sh
# Mount a hostPath volume at /var/run: the baseline level refuses every new web pod, so the old ones keep crashing.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "run", "hostPath": {"path": "/tmp/kubedrill-readonly-run", "type": "DirectoryOrCreate"}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "run", "mountPath": "/var/run"}}
]'
