#!/bin/sh
# Delete both NetworkPolicies: nothing restricts backend any more, and the kept default-deny-ingress is gone.
set -eu
kubectl -n "$NS" delete networkpolicy backend-allow-frontend default-deny-ingress
