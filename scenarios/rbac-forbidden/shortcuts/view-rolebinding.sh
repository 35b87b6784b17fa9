#!/bin/sh
# Bind pod-watcher to the built-in view ClusterRole in rbac only: it lists pods, but also reads ConfigMaps, Services, Deployments and pod logs.
set -eu
kubectl -n "$NS" create rolebinding pod-watcher-view --clusterrole=view --serviceaccount="$NS:pod-watcher"
