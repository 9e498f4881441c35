"""Refuse catalogues on network shares: SQLite's WAL needs shared memory that SMB and NFS do
not provide, so two desks on one share would corrupt the file sooner or later."""

from __future__ import annotations

import os
from pathlib import Path

NETWORK_FILESYSTEMS = frozenset(
    {"cifs", "smb", "smbfs", "smb2", "smb3", "nfs", "nfs4", "afs", "9p", "davfs", "fuse.sshfs",
     "ncpfs", "coda", "ceph", "glusterfs", "fuse.glusterfs", "lustre", "webdav"}
)


def is_network_filesystem(fstype: str) -> bool:
    return fstype.lower() in NETWORK_FILESYSTEMS


def filesystem_type(path: Path) -> str:
    """The type of the filesystem holding path ('' when it cannot be told)."""
    if os.name == "nt" and str(path.resolve()).startswith("\\\\"):
        return "smb"  # a UNC path is a share whatever the mapping
    import psutil

    target = str(path.resolve())
    best, best_type = "", ""
    for part in psutil.disk_partitions(all=True):
        mount = part.mountpoint
        inside = target == mount or target.startswith(mount.rstrip(os.sep) + os.sep)
        if inside and len(mount) > len(best):
            best, best_type = mount, part.fstype
    return best_type
