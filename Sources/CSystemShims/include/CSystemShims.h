#ifndef SLASITE_CSYSTEMSHIMS_H
#define SLASITE_CSYSTEMSHIMS_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL/ENOSYS where unsupported).
int slasite_exchange_paths(const char *a, const char *b);

#endif
