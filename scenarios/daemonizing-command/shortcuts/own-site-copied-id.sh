#!/bin/sh
# Serve a hand-written page from /srv in the foreground, with /www/kubedrill-id copied beside it: PID 1 is httpd on 8080 and the uid is genuine, but the site in /www is not what web serves.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "mkdir -p /srv && echo not-the-site > /srv/index.html && cp /www/kubedrill-id /srv/kubedrill-id && exec httpd -f -p 8080 -h /srv"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
