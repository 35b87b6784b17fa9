#!/bin/sh
# Create db-creds with a made-up password and store that password's hash in the db's ConfigMap: the app logs in, but db-config was modified and the Secret holds the wrong password.
set -eu
kubectl -n "$NS" create secret generic db-creds --from-literal=password=changeme
hash=$(printf '%s' 'changeme' | sha256sum | cut -d' ' -f1)
kubectl -n "$NS" patch configmap db-config -p "{\"data\":{\"password.sha256\":\"$hash\"}}"
kubectl -n "$NS" rollout restart deployment/db
