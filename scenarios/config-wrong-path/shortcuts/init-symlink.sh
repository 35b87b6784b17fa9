#!/bin/sh
# Leave the ConfigMap at /etc/config and have an init container link /etc/app/app.conf to it inside an emptyDir: a symlink workaround, ConfigMap app-config is still not mounted where the app reads.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "app-dir", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "app-dir", "mountPath": "/etc/app"}},
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{
    "name": "link-conf", "image": "busybox:1.36",
    "command": ["ln", "-s", "/etc/config/app.conf", "/etc/app/app.conf"],
    "volumeMounts": [{"name": "app-dir", "mountPath": "/etc/app"}]
  }]}
]'
