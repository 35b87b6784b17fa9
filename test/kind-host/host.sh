#!/usr/bin/env bash
# The kind test host: a Docker engine for kind on machines like ours (Debian 12,
# root, cgroup v1, no container registry, no CAP_SYS_RESOURCE), kept away from
# the host: its own network namespace, its own containerd, cgroups under
# /kubedrill-kind, a runc wrapper for privileged containers, and a node image
# built offline for the Kubernetes release the local provider builds.
# ../shared/KIND-HERE.md has the facts this stands on; README "kind test host".
#
#   host.sh up      install, build what is missing, start the engine, load images (idempotent)
#   host.sh engine  only start the engine (no builds, no images)
#   host.sh down    stop everything and remove what up made on the host (the build cache stays)
#   host.sh env     the environment a kind phase needs (eval "$(host.sh env)")
#   host.sh run CMD run CMD in the engine's network namespace with that environment
#   host.sh status  is the engine up?
#
# This is test infrastructure, not the product: on a machine with Docker and a
# network, kind needs none of it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/versions.sh"

NETNS=kubedrill-kind
STATE=/run/kubedrill-kind
DATA=/var/lib/kubedrill-kind
CACHE=${KUBEDRILL_CACHE:-$HOME/.cache/kubedrill}
HOSTCACHE=$CACHE/kind-host
SOCK=$STATE/docker.sock
# The "kind" docker network, made before kind does so the node's registry
# mirror has a fixed address: the bridge's gateway, inside the namespace only.
SUBNET=172.30.0.0/24
GATEWAY=172.30.0.1
MIRROR=$GATEWAY:5000
K8S=$(sed -n "s/^ *kubernetes: '\(v[0-9.]*\)',/\1/p" "$repo/cluster/local/settings.ts")
# The node image is named after everything it is built from (this script, the
# pins, the files baked into it), so a change to any of them builds a new one.
NODE_TAG=$K8S-$(cat "$here/host.sh" "$here/versions.sh" "$here"/node/* | sha256sum | cut -c1-10)
NODE_IMAGE=kubedrill/node:$NODE_TAG
NODE_ARCHIVE=$HOSTCACHE/node-$NODE_TAG.tar
# Debian packages: the engine, the node's root filesystem, the runc build, the mirror.
PACKAGES=(docker.io debootstrap jq curl libseccomp-dev docker-registry skopeo umoci busybox-static iproute2 gcc libc6-dev)
# Files outside $STATE/$DATA that dockerd, its containerd or kind create whatever roots they are given.
TRACES=(/etc/docker/key.json /run/docker /lib/modules /etc/netns /etc/netns/$NETNS /run/netns /run/containerd)

log() { printf '[kind-host] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
dockerc() { DOCKER_HOST=unix://$SOCK docker "$@"; }
in_ns() { nsenter --net=/run/netns/$NETNS "$@"; }

# ---------------------------------------------------------------- packages
install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  # No daemon may start on the default socket: a policy-rc.d that refuses
  # (ours only if the machine has none; theirs stays as it was).
  local policy=/usr/sbin/policy-rc.d made=""
  if [ ! -e $policy ]; then printf '#!/bin/sh\nexit 101\n' >$policy && chmod 755 $policy && made=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$HOSTCACHE/apt.log" 2>&1 ||
    { [ -n "$made" ] && rm -f $policy; die "apt-get install failed; see $HOSTCACHE/apt.log"; }
  [ -n "$made" ] && rm -f $policy
  return 0
}

# ---------------------------------------------------------------- Go builds
# go_build NAME MODULE VERSION CGO TAGS PACKAGE...: into $HOSTCACHE/NAME-VERSION, once.
go_build() {
  local name=$1 module=$2 version=$3 cgo=$4 tags=$5
  shift 5
  local out=$HOSTCACHE/$name-$version dir
  [ -e "$out/.complete" ] && return 0
  log "build $name $version (cold: a minute or more)"
  dir=$(go mod download -json "$module@$version" | jq -r .Dir)
  rm -rf "$out.partial" && mkdir -p "$out.partial"
  (cd "$dir" && CGO_ENABLED=$cgo GOFLAGS="-buildvcs=false -mod=mod -modcacherw" \
    go build -trimpath -tags "$tags" -ldflags "-s -w" -o "$out.partial/" "$@") >"$HOSTCACHE/build-$name.log" 2>&1 ||
    die "building $name failed; see $HOSTCACHE/build-$name.log"
  touch "$out.partial/.complete"
  rm -rf "$out" && mv "$out.partial" "$out"
}

build_tools() {
  go_build kind sigs.k8s.io/kind "$KIND_VERSION" 0 "" .
  go_build cni-plugins github.com/containernetworking/plugins "$CNI_PLUGINS_VERSION" 0 "" \
    ./plugins/main/ptp ./plugins/ipam/host-local ./plugins/main/loopback ./plugins/meta/portmap
  go_build runc github.com/opencontainers/runc "$RUNC_VERSION" 1 seccomp .
  go_build crictl sigs.k8s.io/cri-tools "$CRICTL_VERSION" 0 "" ./cmd/crictl
  go_build containerd github.com/containerd/containerd/v2 "$CONTAINERD_VERSION" 0 "no_aufs no_zfs no_btrfs no_devmapper" \
    ./cmd/containerd ./cmd/ctr ./cmd/containerd-shim-runc-v2
  # Kubernetes, etcd, CoreDNS, kube-router and the pause/busybox images: the local provider's own build and cache.
  (cd "$repo" && node_modules/.bin/node test/kind-host/local-build.ts) || die "the local provider's build failed"
}

# kind and a kubectl of the cluster's release, first on PATH in the kind phase
# (a learner with kind brings their own kubectl; kubedrill warns on a skew).
kind_bin() {
  local bin=$HOSTCACHE/bin
  mkdir -p "$bin"
  ln -sfn "$HOSTCACHE/kind-$KIND_VERSION/kind" "$bin/kind"
  ln -sfn "$CACHE/k8s-$K8S/kubectl" "$bin/kubectl"
  echo "$bin"
}

# ---------------------------------------------------------------- the engine
engine_up() { [ -S "$SOCK" ] && dockerc info >/dev/null 2>&1; }

# The host's cgroup hierarchies as mount commands, to repeat them where `ip netns exec` hid them.
cgroup_mounts() {
  awk '{ for (i = 7; $i != "-"; i++); fs = $(i + 1); if (fs != "cgroup" && fs != "cgroup2") next
    n = split($(i + 3), o, ","); opts = ""
    for (j = 1; j <= n; j++) if (o[j] != "rw" && o[j] != "ro") opts = opts (opts ? "," : "") o[j]
    printf "mkdir -p %s && mount -t %s -o %s %s %s\n", $5, fs, (opts ? opts : "rw"), fs, $5 }' /proc/self/mountinfo
}

start_engine() {
  engine_up && return 0
  mkdir -p "$STATE" "$DATA"
  # What exists before us stays; what does not is ours to remove at down.
  if [ ! -e "$STATE/traces" ]; then
    local t
    for t in "${TRACES[@]}"; do [ -e "$t" ] || echo "$t"; done >"$STATE/traces"
  fi
  ip netns list | grep -qw "^$NETNS" || ip netns add $NETNS
  # dockerd's resolver upstream (it reads /etc/resolv.conf): the bridge's
  # gateway, where nothing answers port 53, so no DNS query leaves the namespace.
  mkdir -p /etc/netns/$NETNS
  echo "nameserver $GATEWAY" >/etc/netns/$NETNS/resolv.conf
  ip netns exec $NETNS ip link set lo up
  cat >"$STATE/containerd.toml" <<EOF
version = 2
root = "$DATA/containerd"
state = "$STATE/containerd"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$STATE/containerd.sock"
EOF
  cat >"$STATE/daemon.json" <<EOF
{
  "cgroup-parent": "/kubedrill-kind",
  "exec-opts": ["native.cgroupdriver=cgroupfs"],
  "runtimes": { "kubedrill-runc": { "path": "$here/runtime-wrapper" } },
  "default-runtime": "kubedrill-runc",
  "storage-driver": "overlay2",
  "log-driver": "json-file",
  "features": { "buildkit": false }
}
EOF
  # `ip netns exec` gives a private mount namespace with /sys remounted and
  # /sys/fs/cgroup empty: mount the v1 hierarchies again there (only there).
  cat >"$STATE/launch.sh" <<EOF
set -e
mount -t tmpfs -o mode=755 cgroup /sys/fs/cgroup
$(cgroup_mounts)
setsid containerd --config $STATE/containerd.toml >$STATE/containerd.log 2>&1 </dev/null & echo \$! >$STATE/containerd.pid
for i in \$(seq 50); do [ -S $STATE/containerd.sock ] && break; sleep 0.2; done
setsid dockerd --config-file $STATE/daemon.json --data-root $DATA/docker --exec-root $STATE/docker \\
  --pidfile $STATE/docker.pid -H unix://$SOCK --containerd $STATE/containerd.sock >$STATE/dockerd.log 2>&1 </dev/null &
EOF
  log "start containerd and dockerd in network namespace $NETNS"
  ip netns exec $NETNS bash "$STATE/launch.sh"
  local i
  for i in $(seq 60); do engine_up && break; sleep 0.5; done
  engine_up || die "dockerd did not answer on $SOCK; see $STATE/dockerd.log"
  dockerc network inspect kind >/dev/null 2>&1 ||
    dockerc network create kind --subnet $SUBNET --gateway $GATEWAY \
      -o com.docker.network.bridge.enable_ip_masquerade=true -o com.docker.network.driver.mtu=1500 >/dev/null
}

# ---------------------------------------------------------------- images
# The local provider's busybox (Debian's busybox-static) as busybox:1.36 and the decoy busybox:1.37.
busybox_layout() { echo "$HOSTCACHE/images/busybox"; }

start_mirror() {
  # A registry in the namespace, on the kind bridge's gateway: the node's
  # containerd asks it for docker.io images. A tag it lacks answers "not found"
  # at once, as the local provider's registry does, instead of a DNS timeout.
  if ! in_ns curl -fsS -o /dev/null "http://$MIRROR/v2/" 2>/dev/null; then
    mkdir -p "$DATA/registry"
    cat >"$STATE/registry.yml" <<EOF
version: 0.1
log: { level: warn, fields: { service: registry } }
storage: { filesystem: { rootdirectory: $DATA/registry }, delete: { enabled: true } }
http: { addr: "$MIRROR" }
EOF
    in_ns setsid /usr/bin/docker-registry serve "$STATE/registry.yml" >"$STATE/registry.log" 2>&1 </dev/null &
    echo $! >"$STATE/registry.pid"
    local i
    for i in $(seq 50); do in_ns curl -fsS -o /dev/null "http://$MIRROR/v2/" 2>/dev/null && break; sleep 0.2; done
  fi
  local tag
  for tag in 1.36 1.37; do
    in_ns skopeo copy --quiet --dest-tls-verify=false "oci:$(busybox_layout):latest" "docker://$MIRROR/library/busybox:$tag"
    # And in the engine, where `kubedrill up --preload` finds it without pulling.
    if ! dockerc image inspect "busybox:$tag" >/dev/null 2>&1; then
      rm -f "$STATE/busybox.tar"
      skopeo copy --quiet "oci:$(busybox_layout):latest" "docker-archive:$STATE/busybox.tar:busybox:$tag"
      dockerc load -q -i "$STATE/busybox.tar" >/dev/null && rm -f "$STATE/busybox.tar"
    fi
  done
}

# ---------------------------------------------------------------- the node image
rootfs() {
  local dir=$HOSTCACHE/rootfs-$NODE_SUITE
  if [ ! -e "$dir/.kubedrill-complete" ]; then
    log "debootstrap $NODE_SUITE (cold: about a minute)"
    rm -rf "$dir" "$dir.partial"
    debootstrap --variant=minbase \
      --include=systemd,systemd-sysv,dbus,iptables,nftables,conntrack,iproute2,ethtool,kmod,libseccomp2,pigz,e2fsprogs,ca-certificates,procps,ipset,jq \
      "$NODE_SUITE" "$dir.partial" http://deb.debian.org/debian >"$HOSTCACHE/debootstrap.log" 2>&1 ||
      die "debootstrap failed; see $HOSTCACHE/debootstrap.log"
    touch "$dir.partial/.kubedrill-complete"
    mv "$dir.partial" "$dir"
  fi
  echo "$dir"
}

# copy_with_libs ROOT FILE...: each binary and the shared libraries it needs, at the same paths under ROOT.
copy_with_libs() {
  local root=$1 f
  shift
  for f in "$@" $(ldd "$@" 2>/dev/null | grep -v ':$' | grep -o '/[^ ]*' | sort -u); do
    mkdir -p "$root$(dirname "$f")" && cp -L "$f" "$root$f"
  done
}

# component_image IMAGE DIR ARCHIVE [ENTRYPOINT]: a one-layer image (docker import) holding DIR, saved to ARCHIVE.
component_image() {
  local name=$1 dir=$2 archive=$3 entry=${4:-}
  local changes=(-c 'ENV PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
  [ -n "$entry" ] && changes+=(-c "ENTRYPOINT [\"$entry\"]")
  tar -C "$dir" -c . | dockerc import "${changes[@]}" - "$name" >/dev/null
  dockerc save -o "$archive" "$name"
  dockerc rmi "$name" >/dev/null
}

build_node_image() {
  dockerc image inspect "$NODE_IMAGE" >/dev/null 2>&1 && return 0
  if [ -e "$NODE_ARCHIVE" ]; then
    log "load node image $NODE_IMAGE from the build cache"
    dockerc load -q -i "$NODE_ARCHIVE" >/dev/null
    return 0
  fi
  log "assemble node image $NODE_IMAGE (cold: a minute or two)"
  # What an interrupted assembly left.
  rm -rf "$HOSTCACHE"/assemble.*
  dockerc rm -f kubedrill-node-build >/dev/null 2>&1 || true
  dockerc rmi -f "$NODE_IMAGE-base" >/dev/null 2>&1 || true
  local root kindsrc k8s work stage
  root=$(rootfs)
  kindsrc=$(go mod download -json "sigs.k8s.io/kind@$KIND_VERSION" | jq -r .Dir)/images/base/files
  k8s=$CACHE/k8s-$K8S
  work=$(mktemp -d "$HOSTCACHE/assemble.XXXXXX")
  stage=$work/rootfs
  cp -a "$root" "$stage"
  rm -f "$stage/.kubedrill-complete"
  # kind's base image files, as its Dockerfile lays them out.
  cp -r "$kindsrc/usr/local/bin/." "$stage/usr/local/bin/"
  mkdir -p "$stage/kind/bin" "$stage/kind/manifests" "$stage/etc/containerd" "$stage/etc/kubernetes/manifests"
  cp -r "$kindsrc/kind/." "$stage/kind/"
  cp "$kindsrc/etc/crictl.yaml" "$stage/etc/"
  cp "$kindsrc/etc/default/kubelet" "$stage/etc/default/"
  cp "$kindsrc/etc/sysctl.d/"* "$stage/etc/sysctl.d/"
  cp -r "$kindsrc/etc/systemd/system/." "$stage/etc/systemd/system/"
  chmod 755 "$stage/usr/local/bin/"* "$stage/kind/bin/"*
  # systemd as kind trims it: no units it does not need, journald off the kernel log.
  rm -f "$stage"/lib/systemd/system/sysinit.target.wants/systemd-tmpfiles-setup.service \
    "$stage"/lib/systemd/system/multi-user.target.wants/* "$stage"/etc/systemd/system/*.wants/* \
    "$stage"/lib/systemd/system/local-fs.target.wants/* "$stage"/lib/systemd/system/sockets.target.wants/*udev* \
    "$stage"/lib/systemd/system/sockets.target.wants/*initctl* "$stage"/lib/systemd/system/basic.target.wants/*
  echo "ReadKMsg=no" >>"$stage/etc/systemd/journald.conf"
  # Non-network sysctl files the node must not apply to the host (the guard makes them fail anyway).
  local f
  for f in 50-pid-max.conf 99-protect-links.conf 50-default.conf; do ln -sf /dev/null "$stage/etc/sysctl.d/$f"; done
  # Binaries: the node's runtime from our Go builds, Kubernetes from the local provider's.
  cp "$HOSTCACHE/containerd-$CONTAINERD_VERSION/"{containerd,ctr,containerd-shim-runc-v2} "$stage/usr/local/bin/"
  cp "$HOSTCACHE/runc-$RUNC_VERSION/runc" "$stage/usr/local/sbin/runc"
  cp "$HOSTCACHE/crictl-$CRICTL_VERSION/crictl" "$stage/usr/local/bin/"
  mkdir -p "$stage/opt/cni/bin"
  cp "$HOSTCACHE/cni-plugins-$CNI_PLUGINS_VERSION/"{ptp,host-local,loopback,portmap} "$stage/opt/cni/bin/"
  cp "$k8s/"{kubelet,kubeadm,kubectl} "$stage/usr/bin/"
  cp "$CACHE"/kube-router-*/kube-router "$stage/usr/local/bin/"
  echo "$K8S" >"$stage/kind/version"
  # Enable what kind's Dockerfile enables (systemctl enable, as symlinks), plus kube-router.
  mkdir -p "$stage/etc/systemd/system/multi-user.target.wants"
  for f in kubelet containerd undo-mount-hacks kube-router; do
    ln -sf "/etc/systemd/system/$f.service" "$stage/etc/systemd/system/multi-user.target.wants/$f.service"
  done
  ln -sf /dev/null "$stage/etc/systemd/system/systemd-binfmt.service"
  cp "$here/node/kube-router.service" "$stage/etc/systemd/system/"
  # Pod network: ptp + host-local, baked in; NetworkPolicy: kube-router (above).
  mkdir -p "$stage/etc/cni/net.d"
  cp "$here/node/10-kubedrill.conflist" "$stage/etc/cni/net.d/"
  cp "$here/node/default-cni.yaml" "$stage/kind/manifests/default-cni.yaml"
  # The host guard, run by the entrypoint just before systemd.
  cp "$here/node/host-guard.sh" "$stage/kind/bin/kubedrill-host-guard.sh"
  sed -i "s|^log_info 'starting init'|. /kind/bin/kubedrill-host-guard.sh\n&|" "$stage/usr/local/bin/entrypoint"
  grep -q kubedrill-host-guard "$stage/usr/local/bin/entrypoint" || die "kind's entrypoint changed: the host guard has no place"
  # containerd: kind's config, with the sandbox image kubeadm names, the oom_score_adj
  # setting this host needs, and a registry mirror for docker.io.
  local images pause
  images=$("$k8s/kubeadm" config images list --kubernetes-version "$K8S")
  pause=$(grep /pause: <<<"$images")
  sed -e "s|restrict_oom_score_adj = false|restrict_oom_score_adj = true|" \
    -e "s|sandbox_image = .*|sandbox_image = \"$pause\"|" "$kindsrc/etc/containerd/config.toml" >"$stage/etc/containerd/config.toml"
  printf '\n[plugins."io.containerd.grpc.v1.cri".registry]\n  config_path = "/etc/containerd/certs.d"\n' >>"$stage/etc/containerd/config.toml"
  mkdir -p "$stage/etc/containerd/certs.d/docker.io"
  printf 'server = "https://registry-1.docker.io"\n\n[host."http://%s"]\n  capabilities = ["pull", "resolve"]\n' "$MIRROR" \
    >"$stage/etc/containerd/certs.d/docker.io/hosts.toml"
  "$HOSTCACHE/containerd-$CONTAINERD_VERSION/ctr" oci spec |
    jq '.hooks.createContainer[.hooks.createContainer | length] |= . + {"path": "/kind/bin/mount-product-files.sh"}' |
    jq 'del(.process.rlimits)' >"$stage/etc/containerd/cri-base.json"
  mkdir -p "$stage/etc/kubernetes/manifests"

  # The node's base image, then the component images imported into its containerd.
  tar -C "$stage" -c . | dockerc import -c 'ENV container=docker' \
    -c 'ENTRYPOINT ["/usr/local/bin/entrypoint", "/sbin/init"]' - "$NODE_IMAGE-base" >/dev/null
  local image tree name entry
  mkdir -p "$work/images"
  for image in $images; do
    name=${image##*/}
    name=${name%%:*}
    tree=$work/tree-$name
    mkdir -p "$tree/usr/local/bin" "$tree/etc" "$tree/tmp"
    entry=""
    case $name in
      kube-apiserver | kube-controller-manager | kube-scheduler) cp "$k8s/$name" "$tree/usr/local/bin/" ;;
      kube-proxy)
        # iptables mode shells out to iptables-restore & co: the host's nft build, its libraries and extensions.
        cp "$k8s/kube-proxy" "$tree/usr/local/bin/"
        copy_with_libs "$tree" /usr/sbin/xtables-nft-multi /usr/lib/x86_64-linux-gnu/xtables/*.so
        for f in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
          ln -s xtables-nft-multi "$tree/usr/sbin/$f"
        done
        ;;
      etcd) cp "$CACHE/etcd-"*/etcd "$tree/usr/local/bin/" ;;
      coredns) cp "$CACHE/coredns-"*/coredns "$tree/coredns" && entry=/coredns ;;
      pause) cp "$(skopeo_pause)" "$tree/pause" && entry=/pause ;;
      *) die "kubeadm names an image this host cannot build: $image" ;;
    esac
    echo 'root:x:0:0:root:/root:/bin/sh' >"$tree/etc/passwd"
    echo 'nobody:x:65534:65534:nobody:/:/bin/false' >>"$tree/etc/passwd"
    component_image "$image" "$tree" "$work/images/$name.tar" "$entry"
  done
  log "import $(wc -w <<<"$images") component images into the node's containerd"
  local box=kubedrill-node-build
  dockerc rm -f $box >/dev/null 2>&1 || true
  dockerc run -d --name $box --privileged --entrypoint sleep -v "$work/images:/images:ro" "$NODE_IMAGE-base" infinity >/dev/null
  dockerc exec $box sh -c 'containerd >/tmp/containerd.log 2>&1 & for i in $(seq 100); do ctr version >/dev/null 2>&1 && break; sleep 0.2; done
    for t in /images/*.tar; do ctr -n k8s.io images import --all-platforms --no-unpack --digests "$t" >/dev/null || exit 1; done
    for i in $(ctr -n k8s.io images ls -q 2>/dev/null); do ctr -n k8s.io images label "$i" io.cri-containerd.pinned=pinned >/dev/null 2>&1; done
    pkill containerd; sleep 1; rm -rf /tmp/* /run/containerd' || die "importing the component images failed"
  dockerc commit -c 'ENV container=docker' -c 'ENTRYPOINT ["/usr/local/bin/entrypoint", "/sbin/init"]' -c 'CMD []' \
    $box "$NODE_IMAGE" >/dev/null
  dockerc rm -f $box >/dev/null
  dockerc rmi "$NODE_IMAGE-base" >/dev/null
  rm -f "$HOSTCACHE"/node-*.tar
  dockerc save -o "$NODE_ARCHIVE.partial" "$NODE_IMAGE" && mv "$NODE_ARCHIVE.partial" "$NODE_ARCHIVE"
  rm -rf "$work"
}

# The pause binary the local provider built (its OCI layout's single layer).
skopeo_pause() {
  local out=$HOSTCACHE/pause-bin
  if [ ! -x "$out/pause" ]; then
    rm -rf "$out.bundle" && umoci unpack --image "$HOSTCACHE/images/pause:latest" "$out.bundle" >/dev/null
    mkdir -p "$out" && cp "$out.bundle/rootfs/pause" "$out/pause" && rm -rf "$out.bundle"
  fi
  echo "$out/pause"
}

# ---------------------------------------------------------------- down
# Running, and not a zombie waiting for its parent to reap it.
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}
stop_pidfile() { # file
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || return 0
  local i
  for i in $(seq 100); do alive "$pid" || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

down() {
  if engine_up; then
    local ids
    ids=$(dockerc ps -aq)
    [ -n "$ids" ] && dockerc rm -f $ids >/dev/null
  fi
  stop_pidfile "$STATE/registry.pid"
  stop_pidfile "$STATE/docker.pid"
  stop_pidfile "$STATE/containerd.pid"
  # Anything still in the namespace (a shim, a node's processes) goes with it.
  local pids
  if [ -e /run/netns/$NETNS ]; then
    pids=$(ip netns pids $NETNS 2>/dev/null || true)
    [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
    sleep 0.5
    ip netns del $NETNS 2>/dev/null || true
  fi
  # The cgroups every container was created under, deepest first.
  local hierarchy
  for hierarchy in /sys/fs/cgroup/*/kubedrill-kind /sys/fs/cgroup/kubedrill-kind; do
    [ -d "$hierarchy" ] && find "$hierarchy" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
  if [ -e "$STATE/traces" ]; then
    local t
    # /run/netns only if no other namespace lives there now.
    while read -r t; do
      case $t in
        "") ;;
        /run/netns) [ -z "$(ls -A /run/netns 2>/dev/null)" ] && { umount /run/netns 2>/dev/null || true; rmdir /run/netns 2>/dev/null || true; } ;;
        # containerd 1.6 keeps shim sockets in /run/containerd/s whatever its root; ours are gone
        # with their shims, and a local cluster started meanwhile may have its own there.
        /run/containerd) rmdir /run/containerd/s /run/containerd 2>/dev/null || true ;;
        *) rm -rf "$t" ;;
      esac
    done <"$STATE/traces"
  fi
  rm -rf "$STATE" "$DATA"
  log "down: engine stopped, namespace $NETNS, $STATE and $DATA removed (cache $HOSTCACHE kept)"
}

env_lines() {
  echo "export DOCKER_HOST=unix://$SOCK"
  echo "export PATH=$(kind_bin):\$PATH"
  echo "export KUBEDRILL_KIND_NODE_IMAGE=$NODE_IMAGE"
}

case ${1:-} in
  up)
    mkdir -p "$HOSTCACHE"
    install_packages
    build_tools
    start_engine
    start_mirror
    build_node_image
    log "up: engine on $SOCK in namespace $NETNS, node image $NODE_IMAGE"
    ;;
  engine) mkdir -p "$HOSTCACHE" && install_packages && start_engine ;;
  down) down ;;
  env) env_lines ;;
  run)
    shift
    [ -e /run/netns/$NETNS ] || die "the kind test host is not up: bash test/kind-host/host.sh up"
    eval "$(env_lines)"
    exec nsenter --net=/run/netns/$NETNS "$@"
    ;;
  status) engine_up && echo "up: $SOCK" || { echo down; exit 1; } ;;
  *) echo "usage: host.sh up|down|env|run CMD...|status" >&2; exit 2 ;;
esac
