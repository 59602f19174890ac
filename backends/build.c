/* build.c - `mcc build': make in the output directory.  The compiler's own
 * messages pass through; a failure is exit status 3 (DESIGN.md 2). */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "emit.h"

int backend_build(mcc_session *s, graph *g)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if (ncpu < 1)
		ncpu = 1;
	const char *cmd = arena_printf(&s->a, "make -s -C '%s' -j%ld", s->o.outdir, ncpu);
	fflush(stdout);
	int rc = system(cmd);
	if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0) {
		diag_error(&s->dl, D_C_COMPILE, loc_none,
			   "building %s in `%s' failed (make exited with status %d)",
			   g->name, s->o.outdir, WIFEXITED(rc) ? WEXITSTATUS(rc) : -1);
		return EXIT_CBUILD;
	}
	if (s->o.verbose)
		fprintf(stderr, "mcc: built %s/%s%s\n", s->o.outdir, g->name,
			g->tgt == T_UNIX ? "" : ".xen");
	return EXIT_OK;
}
