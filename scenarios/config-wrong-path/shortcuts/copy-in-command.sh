#!/bin/sh
# Rewrite the command to copy /etc/config/app.conf to /etc/app, print the loaded line and serve: healthy, but the brief forbids changing the command and the file is a copy in the container's own filesystem.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command", "value": ["sh", "-c",
   "mkdir -p /etc/app /www && cp /etc/config/app.conf /etc/app/app.conf && cp /etc/app/app.conf /www/app.conf && echo \"loaded greeting=hello from app-config from /etc/app/app.conf\" && exec httpd -f -p 8080 -h /www"]}
]'
