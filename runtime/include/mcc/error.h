/* mcc/error.h - error values shared by every interface.
 *
 * Operations return 0 (or a non-negative count) on success and a negative
 * MCC_E* value on failure.  Nothing in the runtime exits the process on an
 * error: connect functions and operations return the error to the caller. */
#ifndef MCC_ERROR_H
#define MCC_ERROR_H

enum {
	MCC_OK = 0,
	MCC_EINVAL = 1,      /* bad argument */
	MCC_ENOMEM = 2,      /* out of memory */
	MCC_EIO = 3,         /* device or host I/O failure */
	MCC_ENOENT = 4,      /* no such key, file or device */
	MCC_EAGAIN = 5,      /* try again (non-blocking paths only) */
	MCC_ECONNREFUSED = 6,
	MCC_ECONNRESET = 7,
	MCC_ETIMEDOUT = 8,
	MCC_EADDRINUSE = 9,
	MCC_ECLOSED = 10,    /* operation on a closed flow */
	MCC_ECANCELED = 11,  /* the calling job was cancelled while blocked */
	MCC_ENOTSUP = 12,    /* operation not supported by this device */
	MCC_ENOSPC = 13,
	MCC_EROFS = 14,      /* write to a read-only device */
	MCC_ERANGE = 15,     /* offset or sector out of range */
	MCC_EISDIR = 16,
	MCC_ENOTDIR = 17,
	MCC_EMSGSIZE = 18,   /* frame or datagram too large */
	MCC_EHOSTUNREACH = 19,
	MCC_ENETDOWN = 20,
	MCC_EPERM = 21,
	MCC_E_LAST
};

/* A short English description of err (positive or negative). */
const char *mcc_strerror(int err);

#endif
