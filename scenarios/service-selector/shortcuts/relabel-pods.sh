#!/bin/sh
# Relabel webapp's running pods app=web-app to match the Service: they leave their ReplicaSet (now bare pods), which starts new pods the Service does not select.
set -eu
kubectl -n "$NS" label pods -l app=webapp app=web-app --overwrite
