/* mcc_dirs.c - where the stdlib and the runtime are.  In order: --stdlib /
 * MCC_STDLIB (and MCC_RUNTIME), the source tree when this mcc is the one
 * in the build tree (so `make && ./mcc` works uninstalled), else the
 * installed data directory. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mcc.h"

static bool is_dir(const char *p)
{
	struct stat st;
	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* True when the running executable sits in the build directory. */
static bool running_uninstalled(void)
{
	char exe[PATH_MAX], bdir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = 0;
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = 0;
	if (!realpath(MCC_ABS_BUILDDIR, bdir))
		return false;
	return !strcmp(exe, bdir);
}

bool mcc_find_dirs(mcc_opts *o)
{
	bool uninst = running_uninstalled();
	if (!o->stdlib_dir)
		o->stdlib_dir = getenv("MCC_STDLIB");
	if (!o->stdlib_dir)
		o->stdlib_dir = uninst ? MCC_ABS_SRCDIR "/stdlib" : MCC_PKGDATADIR "/stdlib";
	if (!o->runtime_dir)
		o->runtime_dir = getenv("MCC_RUNTIME");
	if (!o->runtime_dir)
		o->runtime_dir = uninst ? MCC_ABS_SRCDIR "/runtime" : MCC_PKGDATADIR "/runtime";
	if (!o->libdir)
		o->libdir = getenv("MCC_LIBDIR");
	if (!o->libdir)
		o->libdir = uninst ? MCC_ABS_BUILDDIR : MCC_LIBDIR;
	if (!is_dir(o->stdlib_dir)) {
		fprintf(stderr, "mcc: error: stdlib directory `%s' not found "
			"(use --stdlib DIR or MCC_STDLIB)\n", o->stdlib_dir);
		return false;
	}
	return true;
}
