/* unix_backend.c - `mcc configure -t unix': main.c, crunch data and the
 * Makefile for a Linux process. */
#include "emit.h"
#include "makefile_gen.h"

int backend_unix_configure(mcc_session *s, graph *g)
{
	if (!emit_mkdirs(s, s->o.outdir))
		return EXIT_USAGE;
	int st = emit_crunch_all(s, g);
	if (st)
		return st;
	st = emit_glue(s, g);
	if (st)
		return st;
	return mkgen_unix(s, g);
}
