/* core/strerror.c - English text for the MCC_E* values of mcc/error.h. */
#include "mcc/error.h"

static const char *const mcc_errtext[MCC_E_LAST] = {
	[MCC_OK] = "success",
	[MCC_EINVAL] = "invalid argument",
	[MCC_ENOMEM] = "out of memory",
	[MCC_EIO] = "input/output error",
	[MCC_ENOENT] = "no such file, key or device",
	[MCC_EAGAIN] = "resource temporarily unavailable",
	[MCC_ECONNREFUSED] = "connection refused",
	[MCC_ECONNRESET] = "connection reset by peer",
	[MCC_ETIMEDOUT] = "timed out",
	[MCC_EADDRINUSE] = "address already in use",
	[MCC_ECLOSED] = "flow is closed",
	[MCC_ECANCELED] = "job cancelled",
	[MCC_ENOTSUP] = "operation not supported",
	[MCC_ENOSPC] = "no space left on device",
	[MCC_EROFS] = "read-only device",
	[MCC_ERANGE] = "offset or sector out of range",
	[MCC_EISDIR] = "is a directory",
	[MCC_ENOTDIR] = "not a directory",
	[MCC_EMSGSIZE] = "message too large",
	[MCC_EHOSTUNREACH] = "host unreachable",
	[MCC_ENETDOWN] = "network is down",
	[MCC_EPERM] = "operation not permitted",
};

const char *mcc_strerror(int err)
{
	/* Errors travel negated; accept both signs.  -INT_MIN overflows, so
	 * compare before negating. */
	if (err < 0 && err > -MCC_E_LAST)
		err = -err;
	if (err >= 0 && err < MCC_E_LAST && mcc_errtext[err])
		return mcc_errtext[err];
	return "unknown error";
}
