#!/bin/sh
# Serve a hand-written page from /srv in the foreground instead of the site in /www: Ready pods, but not the site (or the pod's identity) behind Service web.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "mkdir -p /srv && echo ok > /srv/index.html && exec httpd -f -p 8080 -h /srv"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
