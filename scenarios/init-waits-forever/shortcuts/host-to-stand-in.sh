#!/bin/sh
# Start a bare stand-in pod answering "ok" on 5432 behind a Service fake-db, and point DB_HOST at it: the init container finishes, but never heard from the real database.
set -eu
kubectl -n "$NS" run fake-db --image=busybox:1.36 --labels=role=fake-db --port=5432 --overrides='{"spec":{"terminationGracePeriodSeconds":2}}' \
  -- sh -c 'mkdir -p /d && echo ok > /d/kubedrill-id && exec httpd -f -p 5432 -h /d'
kubectl -n "$NS" expose pod fake-db --port 5432
kubectl -n "$NS" set env deployment/app -c wait-for-db DB_HOST=fake-db
