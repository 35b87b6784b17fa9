#!/bin/sh
# Take the 20 s warm-up out of the command so the app serves within the 8 s budget: green pods, but the app was changed.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "mkdir -p /www && echo \"app: hello from the warmed-up app\" > /www/index.html && echo \"$POD_UID\" > /www/kubedrill-id && exec httpd -f -p 8080 -h /www"]}
]'
