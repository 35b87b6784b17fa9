#!/bin/sh
# Do the solution (request 20m), then change the image of each running api pod in place (kubectl set image pod/…): the template keeps busybox:1.36, the pods run busybox:1.37.
set -eu
kubectl -n "$NS" set resources deployment api -c api --requests=cpu=20m
kubectl -n "$NS" rollout status deployment/api --timeout=120s
for p in $(kubectl -n "$NS" get pods -l app=api -o name); do
  kubectl -n "$NS" set image "$p" api=busybox:1.37
done
kubectl -n "$NS" wait pod -l app=api --for=condition=Ready --timeout=60s
