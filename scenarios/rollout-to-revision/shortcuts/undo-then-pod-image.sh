#!/bin/sh
# Roll back to revision 1, then set the unreviewed image busybox:1.37 on each running api pod directly (a pod's image is mutable): the Deployment's template is revision 1's, but the pods run the unreviewed build.
set -eu
kubectl -n "$NS" rollout undo deployment/api --to-revision=1
kubectl -n "$NS" rollout status deployment/api --timeout=120s
sleep 5
for p in $(kubectl -n "$NS" get pods -l app=api --field-selector=status.phase=Running -o jsonpath='{range .items[*]}{.metadata.name}{" "}{end}'); do
  kubectl -n "$NS" set image pod/"$p" api=busybox:1.37 || echo "could not set the image of pod $p (being replaced?)"
done
sleep 15
kubectl -n "$NS" get pods -l app=api -o jsonpath='{range .items[*]}{.metadata.name}{" spec="}{.spec.containers[0].image}{" running="}{.status.containerStatuses[0].image}{" restarts="}{.status.containerStatuses[0].restartCount}{"\n"}{end}'
