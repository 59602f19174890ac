/* errno.h - errno and the few values the libc subset sets. */
#ifndef MCC_LIBC_ERRNO_H
#define MCC_LIBC_ERRNO_H

extern int errno;
#define EINVAL 22
#define ENOMEM 12
#define ERANGE 34

#endif
