#!/bin/sh
# Create the Secret, let the pods start, then delete it: the running pods keep the password they read, but the next pod would be stuck again.
set -eu
kubectl -n "$NS" create secret generic db-creds --from-literal=password=s3cr3t-pw
kubectl -n "$NS" delete pod -l app=app --wait=false
kubectl -n "$NS" rollout status deployment/app --timeout=120s
kubectl -n "$NS" delete secret db-creds
