#!/bin/sh
# Roll back to revision 1, then slip the unreviewed build back in as a native sidecar (an init container with restartPolicy Always, busybox:1.37, MODE=experimental): the api container matches revision 1, the pod template does not.
set -eu
kubectl -n "$NS" rollout undo deployment/api --to-revision=1
kubectl -n "$NS" patch deployment api --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/initContainers", "value": [{"name": "api-next", "image": "busybox:1.37", "restartPolicy": "Always",
    "env": [{"name": "MODE", "value": "experimental"}],
    "command": ["sh", "-c", "mkdir -p /www && echo \"mode=$MODE\" > /www/index.html && exec httpd -f -p 8081 -h /www"]}]}
]'
