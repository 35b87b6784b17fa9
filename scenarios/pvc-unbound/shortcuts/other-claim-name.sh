#!/bin/sh
# Re-point inventory-pv's claimRef at a new claim inventory (class manual, 1Gi) and report's volume at it: claim data is abandoned and the volume modified.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: inventory
spec:
  accessModes: ['ReadWriteOnce']
  storageClassName: manual
  resources:
    requests:
      storage: 1Gi
YAML
kubectl patch pv "inventory-pv$KD_SUFFIX" --type=json -p '[{"op":"replace","path":"/spec/claimRef","value":{"namespace":"'"$NS"'","name":"inventory"}}]'
kubectl -n "$NS" patch deployment report --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/persistentVolumeClaim/claimName","value":"inventory"}]'
kubectl -n "$NS" delete pvc data --wait=false
