#!/bin/sh
# Recreate claim data with no storageClassName and 1Gi: it waits for a default class (or gets a new empty volume from it), never inventory-pv.
set -eu
kubectl -n "$NS" delete pvc data
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ['ReadWriteOnce']
  resources:
    requests:
      storage: 1Gi
YAML
