#!/bin/sh
# Give container web a second port entry named http on 8080, beside web: Service web matches, but the brief keeps Deployment web as it is.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/ports/-", "value": {"name": "http", "containerPort": 8080}}
]'
