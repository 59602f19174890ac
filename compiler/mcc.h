/* mcc.h - the driver's view of one invocation: options, the loaded
 * program, and what commands and backends share. */
#ifndef MCC_H
#define MCC_H

#include "graph.h"

typedef enum {
	CMD_CONFIGURE, CMD_BUILD, CMD_RUN, CMD_CHECK, CMD_DESCRIBE, CMD_QUERY,
	CMD_CLEAN
} mcc_command;

/* Exit statuses (DESIGN.md section 2). */
enum { EXIT_OK = 0, EXIT_CONFIG = 1, EXIT_USAGE = 2, EXIT_CBUILD = 3 };

typedef struct mcc_opts {
	mcc_command cmd;
	target tgt;
	const char *config;	/* path as given */
	const char *config_dir;	/* its directory */
	const char *outdir;	/* -o, or _build/TARGET beside the config */
	const char *stdlib_dir;
	const char *runtime_dir;
	const char *libdir;	/* where libmccrt.a is (mcc run) */
	ptrvec keys;		/* "NAME=VALUE" */
	diag_format fmt;
	int color;
	bool dot;
	const char *query;
	int run_argc;		/* arguments after -- */
	char **run_argv;
	bool verbose;
} mcc_opts;

typedef struct mcc_session {
	arena a;
	src_set src;
	diag_list dl;
	program prog;
	mcc_opts o;
} mcc_session;

/* Finds the stdlib and runtime directories (build tree, install, or
 * overrides).  Returns false with a message on failure. */
bool mcc_find_dirs(mcc_opts *o);

/* Backends (backends/): write the glue and build files into o->outdir.
 * Return an EXIT_* status; errors are reported through the session. */
int backend_unix_configure(mcc_session *s, graph *g);
int backend_xen_configure(mcc_session *s, graph *g);
/* Run make in outdir; EXIT_CBUILD if it fails. */
int backend_build(mcc_session *s, graph *g);
/* mcc run: compile with libtcc in memory and run; returns the
 * unikernel's status, or EXIT_CBUILD. */
int jit_run(mcc_session *s, graph *g);

/* query files|sources|keys|targets|... */
int mcc_query(mcc_session *s, graph *g, const char *what);

#endif
