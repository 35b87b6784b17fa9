#!/bin/sh
# Copy app.conf from the ConfigMap volume into an emptyDir at /etc/app with an init container: the content is right at start, but /etc/app is an emptyDir, a stale copy that no longer follows app-config.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "app-dir", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "app-dir", "mountPath": "/etc/app"}},
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{
    "name": "copy-conf", "image": "busybox:1.36",
    "command": ["cp", "/etc/config/app.conf", "/etc/app/app.conf"],
    "volumeMounts": [{"name": "config", "mountPath": "/etc/config"}, {"name": "app-dir", "mountPath": "/etc/app"}]
  }]}
]'
