# Pinned versions of the kind test host (sourced by host.sh). The node's
# components follow kind v0.32.0's images/base/Dockerfile; Kubernetes itself
# comes from the local provider's build (cluster/local/settings.ts), so both
# providers run the same release.
KIND_VERSION=v0.32.0
CONTAINERD_VERSION=v2.3.1
RUNC_VERSION=v1.4.2
CRICTL_VERSION=v1.36.0
CNI_PLUGINS_VERSION=v1.9.1
# Debian release debootstrap builds the node's root filesystem from.
NODE_SUITE=bookworm
