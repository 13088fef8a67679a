#ifndef SLASITE_CSYSTEMSHIMS_H
#define SLASITE_CSYSTEMSHIMS_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL/ENOSYS where unsupported).
int slasite_exchange_paths(const char *a, const char *b);

/// Marks a folder as the top of a directory hierarchy (ext2/3/4 FS_TOPDIR_FL), so the
/// file system spreads its subfolders over free inode groups instead of packing them next to
/// the inodes an old output folder just freed. Best effort: -1 with errno where unsupported.
int slasite_mark_top_directory(const char *path);

/// Renames `from` to `to` unless `to` exists (Linux renameat2 RENAME_NOREPLACE). Returns 0 on
/// success, -1 with errno set otherwise: EEXIST when `to` exists, EINVAL/ENOSYS where unsupported.
int slasite_move_path_noreplace(const char *from, const char *to);

#endif
