/* mcc_main.c - the command line: parse options, load the stdlib and the
 * config, check, evaluate for the target, and run the command. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mcc.h"
#include "parse.h"

static const char usage[] =
"usage: mcc [COMMAND] [OPTIONS] [CONFIG] [-- ARGS...]\n"
"\n"
"Compiles a unikernel configuration (config.mcfg) for a target.\n"
"\n"
"Commands:\n"
"  configure        write the glue and build files into DIR (the default)\n"
"  build            configure, then build DIR/NAME (unix) or DIR/NAME.xen\n"
"  run              (unix) compile in memory with libtcc and run; ARGS after\n"
"                   `--' go to the unikernel\n"
"  check            parse and type-check only\n"
"  describe         print the device graph (--dot: Graphviz)\n"
"  query WHAT       print WHAT: keys, targets, sources, files, devices, name\n"
"  clean            remove DIR\n"
"\n"
"Options:\n"
"  -t, --target T   unix (default), xen-x86, xen-arm, xen-arm64\n"
"  -f, --file F     the configuration (default ./config.mcfg)\n"
"  -o, --output DIR output directory (default _build/TARGET beside CONFIG)\n"
"  -k NAME=VALUE    set a key at configure time (repeatable)\n"
"  --stdlib DIR     use the stdlib in DIR (also MCC_STDLIB)\n"
"  --diagnostics-format=text|json|sarif\n"
"  --color=auto|always|never\n"
"  --dot            describe as Graphviz\n"
"  -h, --help       this text\n"
"  --version        print the version\n"
"\n"
"Exit status: 0 success, 1 configuration errors, 2 usage or I/O error,\n"
"3 the generated C failed to build; `run' returns the unikernel's status.\n";

static bool parse_command(const char *s, mcc_command *c)
{
	static const struct { const char *name; mcc_command cmd; } cmds[] = {
		{ "configure", CMD_CONFIGURE }, { "build", CMD_BUILD },
		{ "run", CMD_RUN }, { "check", CMD_CHECK },
		{ "describe", CMD_DESCRIBE }, { "query", CMD_QUERY },
		{ "clean", CMD_CLEAN },
	};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		if (!strcmp(s, cmds[i].name)) {
			*c = cmds[i].cmd;
			return true;
		}
	}
	return false;
}

/* Usage errors are diagnostics too, so an editor asking for JSON gets
 * JSON even when the command line is wrong. */
static int usage_error(diag_list *dl, const char *fmt, const char *arg)
{
	diag *d = diag_error(dl, D_NONE, loc_none, fmt, arg);
	diag_note(dl, d, loc_none, "try `mcc --help'");
	return EXIT_USAGE;
}

/* Value of "--opt=VALUE" or "--opt VALUE" / "-o VALUE". */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (!strcmp(argv[*i], name) && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int parse_args(arena *ar, diag_list *dl, mcc_opts *o, int argc, char **argv)
{
	bool have_cmd = false;
	o->color = -1;
	/* The format first, so errors in earlier options are rendered in it. */
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		const char *v = opt_value(argc, argv, &i, "--diagnostics-format");
		if (v && !strcmp(v, "json"))
			o->fmt = DFMT_JSON;
		else if (v && !strcmp(v, "sarif"))
			o->fmt = DFMT_SARIF;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (!strcmp(a, "--")) {
			o->run_argc = argc - i - 1;
			o->run_argv = argv + i + 1;
			break;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage, stdout);
			exit(0);
		} else if (!strcmp(a, "--version")) {
			printf("mcc %s\n", PACKAGE_VERSION);
			exit(0);
		} else if ((v = opt_value(argc, argv, &i, "-t")) ||
			   (v = opt_value(argc, argv, &i, "--target"))) {
			if (!target_parse(v, &o->tgt))
				return usage_error(dl, "unknown target `%s' (expected unix, "
						   "xen-x86, xen-arm or xen-arm64)", v);
		} else if ((v = opt_value(argc, argv, &i, "-f")) ||
			   (v = opt_value(argc, argv, &i, "--file"))) {
			o->config = v;
		} else if ((v = opt_value(argc, argv, &i, "-o")) ||
			   (v = opt_value(argc, argv, &i, "--output"))) {
			o->outdir = v;
		} else if ((v = opt_value(argc, argv, &i, "-k")) ||
			   (v = opt_value(argc, argv, &i, "--key"))) {
			ptrvec_push(ar, &o->keys, (void *)v);
		} else if ((v = opt_value(argc, argv, &i, "--stdlib"))) {
			o->stdlib_dir = v;
		} else if ((v = opt_value(argc, argv, &i, "--diagnostics-format"))) {
			if (!strcmp(v, "text")) o->fmt = DFMT_TEXT;
			else if (!strcmp(v, "json")) o->fmt = DFMT_JSON;
			else if (!strcmp(v, "sarif")) o->fmt = DFMT_SARIF;
			else return usage_error(dl, "unknown diagnostics format `%s'", v);
		} else if ((v = opt_value(argc, argv, &i, "--color")) ||
			   (v = opt_value(argc, argv, &i, "--colour"))) {
			if (!strcmp(v, "auto")) o->color = -1;
			else if (!strcmp(v, "always")) o->color = 1;
			else if (!strcmp(v, "never")) o->color = 0;
			else return usage_error(dl, "--color takes auto, always or never, not `%s'", v);
		} else if (!strcmp(a, "--dot")) {
			o->dot = true;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			o->verbose = true;
		} else if (a[0] == '-' && a[1]) {
			return usage_error(dl, "unknown option `%s'", a);
		} else if (!have_cmd && !o->config && parse_command(a, &o->cmd)) {
			have_cmd = true;
		} else if (o->cmd == CMD_QUERY && !o->query) {
			o->query = a;
		} else if (!o->config) {
			o->config = a;
		} else {
			return usage_error(dl, "unexpected argument `%s'", a);
		}
	}
	if (o->cmd == CMD_QUERY && !o->query)
		return usage_error(dl, "%s", "query needs WHAT: keys, targets, sources, files, "
				   "devices or name");
	if (o->run_argc && o->cmd != CMD_RUN)
		return usage_error(dl, "%s", "arguments after `--' are for `mcc run'");
	return -1;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads every *.mcfg of the stdlib directory in name order. */
static bool load_stdlib(mcc_session *s)
{
	DIR *d = opendir(s->o.stdlib_dir);
	if (!d) {
		fprintf(stderr, "mcc: error: cannot open stdlib `%s': %s\n",
			s->o.stdlib_dir, strerror(errno));
		return false;
	}
	ptrvec names = { 0 };
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n > 5 && !strcmp(e->d_name + n - 5, ".mcfg"))
			ptrvec_push(&s->a, &names, arena_strdup(&s->a, e->d_name));
	}
	closedir(d);
	if (names.len)
		qsort(names.v, (size_t)names.len, sizeof(void *), cmp_names);
	for (int i = 0; i < names.len; i++) {
		const char *full = arena_printf(&s->a, "%s/%s", s->o.stdlib_dir,
						(char *)names.v[i]);
		int id = src_load(&s->a, &s->src, full, true);
		if (id < 0) {
			fprintf(stderr, "mcc: error: cannot read `%s': %s\n", full,
				strerror(errno));
			return false;
		}
		/* Diagnostics name stdlib files the same on every machine. */
		src_file *f = src_get(&s->src, id);
		f->path = arena_printf(&s->a, "stdlib/%s", (char *)names.v[i]);
		check_file(&s->prog, parse_file(&s->a, &s->dl, id));
	}
	return true;
}

static void render(mcc_session *s)
{
	diag_list *dl = &s->dl;
	switch (s->o.fmt) {
	case DFMT_TEXT:
		diag_render_text(dl, stderr, s->o.color >= 0 ? s->o.color :
				 isatty(2) && getenv("TERM") && strcmp(getenv("TERM"), "dumb"));
		break;
	case DFMT_JSON:
		diag_render_json(dl, stderr);
		break;
	case DFMT_SARIF:
		diag_render_sarif(dl, stderr, PACKAGE_VERSION);
		break;
	}
}

static const char *dir_of(arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	if (slash == path)
		return "/";
	return arena_strndup(a, path, (size_t)(slash - path));
}

static int run_command(mcc_session *s, graph *g)
{
	mcc_opts *o = &s->o;
	switch (o->cmd) {
	case CMD_CHECK:
		return EXIT_OK;
	case CMD_DESCRIBE:
		if (o->dot)
			describe_dot(g, stdout);
		else
			describe_text(g, stdout);
		return EXIT_OK;
	case CMD_QUERY:
		return mcc_query(s, g, o->query);
	case CMD_CONFIGURE:
	case CMD_BUILD: {
		int st = o->tgt == T_UNIX ? backend_unix_configure(s, g)
					  : backend_xen_configure(s, g);
		if (st != EXIT_OK || o->cmd == CMD_CONFIGURE)
			return st;
		return backend_build(s, g);
	}
	case CMD_RUN:
		if (o->tgt != T_UNIX) {
			fprintf(stderr, "mcc: error: `mcc run' runs unix unikernels; for %s "
				"use `mcc build -t %s' and boot DIR/%s.xen\n",
				target_name(o->tgt), target_name(o->tgt), g->name);
			return EXIT_USAGE;
		}
		return jit_run(s, g);
	case CMD_CLEAN:
		break;
	}
	return EXIT_OK;
}

static int run(mcc_session *s, int argc, char **argv)
{
	int st = parse_args(&s->a, &s->dl, &s->o, argc, argv);
	if (st >= 0) {
		render(s);
		return st;
	}
	mcc_opts *o = &s->o;
	if (!o->config)
		o->config = "config.mcfg";
	o->config_dir = dir_of(&s->a, o->config);
	if (!o->outdir)
		o->outdir = arena_printf(&s->a, "%s/_build/%s", o->config_dir,
					 target_name(o->tgt));
	if (o->cmd == CMD_CLEAN) {
		char *cmd = arena_printf(&s->a, "rm -rf -- '%s'", o->outdir);
		return system(cmd) == 0 ? EXIT_OK : EXIT_USAGE;
	}
	if (!mcc_find_dirs(o))
		return EXIT_USAGE;
	if (!load_stdlib(s))
		return EXIT_USAGE;
	int id = src_load(&s->a, &s->src, o->config, false);
	if (id < 0) {
		diag_error(&s->dl, D_IO, loc_none, "cannot read `%s': %s", o->config,
			   strerror(errno));
		render(s);
		return EXIT_USAGE;
	}
	int before = s->dl.errors;
	ast_file *af = parse_file(&s->a, &s->dl, id);
	s->prog.parse_failed = s->dl.errors > before;
	check_file(&s->prog, af);
	check_finish(&s->prog);
	if (!s->dl.errors)
		for (int i = 0; i < o->keys.len; i++)
			prog_set_key(&s->prog, o->keys.v[i]);
	graph *g = NULL;
	if (!s->dl.errors)
		g = eval_program(&s->prog, o->tgt);
	if (s->dl.errors || !g) {
		render(s);
		return EXIT_CONFIG;
	}
	st = run_command(s, g);
	render(s);
	return st;
}

typedef struct run_args {
	int argc;
	char **argv;
	int status;
} run_args;

static void *run_thread(void *p)
{
	run_args *ra = p;
	mcc_session s;
	memset(&s, 0, sizeof s);
	arena_init(&s.a);
	diag_init(&s.dl, &s.a, &s.src);
	prog_init(&s.prog, &s.a, &s.dl, &s.src);
	ra->status = run(&s, ra->argc, ra->argv);
	prog_free(&s.prog);
	arena_free(&s.a);
	return NULL;
}

/* The passes recurse over the program (a chain of 100k `let's is 100k
 * frames deep), so they run on a thread with a large stack: only the
 * pages actually used are ever committed. */
enum { MCC_STACK = 1 << 30 };

int main(int argc, char **argv)
{
	run_args ra = { argc, argv, EXIT_USAGE };
	pthread_attr_t attr;
	pthread_t t;
	if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, MCC_STACK) ||
	    pthread_create(&t, &attr, run_thread, &ra)) {
		run_thread(&ra);	/* fall back to the main stack */
		return ra.status;
	}
	pthread_join(t, NULL);
	pthread_attr_destroy(&attr);
	return ra.status;
}
