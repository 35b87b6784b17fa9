#!/bin/sh
# Set DB_HOST to Service database's fully qualified name with a JSON patch of the init container's env.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"replace\", \"path\": \"/spec/template/spec/initContainers/0/env/0\",
   \"value\": {\"name\": \"DB_HOST\", \"value\": \"database.$NS.svc.cluster.local\"}}
]"
