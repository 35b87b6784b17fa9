#!/bin/sh
# Keep BACKEND_HOST=backend and pin the name backend to the Service's ClusterIP in the client's /etc/hosts (hostAliases): DNS is bypassed.
set -eu
ip=$(kubectl -n "$NS_SERVER" get service backend -o jsonpath='{.spec.clusterIP}')
kubectl -n "$NS" patch deployment client -p "{\"spec\":{\"template\":{\"spec\":{\"hostAliases\":[{\"ip\":\"$ip\",\"hostnames\":[\"backend\"]}]}}}}"
