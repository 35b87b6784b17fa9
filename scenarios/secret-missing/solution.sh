#!/bin/sh
# Create Secret db-creds with key password; the kubelet retries the stuck containers on its own.
set -eu
kubectl -n "$NS" create secret generic db-creds --from-literal=password=s3cr3t-pw
