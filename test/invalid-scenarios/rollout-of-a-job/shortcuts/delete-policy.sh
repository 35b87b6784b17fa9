#!/bin/sh
# Delete the policy: client reaches web, but also everything else.
set -eu
kubectl -n "$NS" delete networkpolicy client-egress
