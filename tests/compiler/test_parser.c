/* test_parser.c - the grammar (grammar/parser.y): the tree built for every
 * construct, precedence and associativity, locations, and recovery that
 * reports several syntax errors in one run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "parse.h"

typedef struct parsed {
	arena a;
	src_set src;
	diag_list dl;
	ast_file *f;
} parsed;

/* Parses text as a stdlib file (so interface, component and platform
 * declarations are in place; the parser itself accepts them anywhere). */
static parsed *parse(const char *text)
{
	parsed *P = test_calloc(1, sizeof *P);
	arena_init(&P->a);
	diag_init(&P->dl, &P->a, &P->src);
	int file = src_add(&P->a, &P->src, "t.mcfg", text, strlen(text), true);
	P->f = parse_file(&P->a, &P->dl, file);
	return P;
}

static void done(parsed *P)
{
	arena_free(&P->a);
	test_free(P);
}

static decl *D(parsed *P, int i)
{
	assert_true(i < P->f->decls.len);
	return P->f->decls.v[i];
}

static void assert_loc(loc at, int line, int col, int end_line, int end_col)
{
	assert_int_equal(at.line, line);
	assert_int_equal(at.col, col);
	assert_int_equal(at.end_line, end_line);
	assert_int_equal(at.end_col, end_col);
}

/* The tree keeps compact locations: lines and columns on demand. */
static void assert_sloc(parsed *P, sloc at, int line, int col, int end_line,
			int end_col)
{
	assert_loc(src_loc(&P->src, at), line, col, end_line, end_col);
}

static void assert_name(const expr *e, const char *name)
{
	assert_int_equal(e->kind, E_NAME);
	assert_string_equal(e->s, name);
}

static void test_let_and_application(void **state)
{
	(void)state;
	/* Juxtaposition binds tighter than `$'; both associate to the left:
	 * f a b $ g c $ d  is  ((f a b) (g c)) d. */
	parsed *P = parse("let x = f a b $ g c $ d");
	assert_int_equal(P->dl.errors, 0);
	decl *d = D(P, 0);
	assert_int_equal(d->kind, DECL_LET);
	assert_string_equal(d->name, "x");
	assert_sloc(P, d->name_at, 1, 5, 1, 5);
	assert_sloc(P, d->at, 1, 1, 1, 23);
	expr *e = d->value;
	assert_int_equal(e->kind, E_APP);
	assert_true(e->b);			/* written with `$' */
	assert_name(e->arg, "d");
	expr *l = e->fn;
	assert_int_equal(l->kind, E_APP);
	assert_true(l->b);
	expr *gc = l->arg;
	assert_int_equal(gc->kind, E_APP);
	assert_false(gc->b);
	assert_name(gc->fn, "g");
	assert_name(gc->arg, "c");
	expr *fab = l->fn;
	assert_int_equal(fab->kind, E_APP);
	assert_false(fab->b);
	assert_name(fab->arg, "b");
	assert_int_equal(fab->fn->kind, E_APP);
	assert_name(fab->fn->fn, "f");
	assert_name(fab->fn->arg, "a");
	assert_sloc(P, fab->at, 1, 9, 1, 13);
	assert_sloc(P, e->at, 1, 9, 1, 23);
	done(P);
}

static void test_parentheses_and_literals(void **state)
{
	(void)state;
	parsed *P = parse("let x = f (g \"s\") 42 true false (h)");
	assert_int_equal(P->dl.errors, 0);
	expr *e = D(P, 0)->value;
	/* ((((f (g "s")) 42) true) false) h */
	assert_name(e->arg, "h");
	assert_int_equal(e->fn->arg->kind, E_BOOL);
	assert_false(e->fn->arg->b);
	assert_int_equal(e->fn->fn->arg->kind, E_BOOL);
	assert_true(e->fn->fn->arg->b);
	assert_int_equal(e->fn->fn->fn->arg->kind, E_INT);
	assert_int_equal(e->fn->fn->fn->arg->i, 42);
	expr *g = e->fn->fn->fn->fn->arg;
	assert_int_equal(g->kind, E_APP);
	assert_name(g->fn, "g");
	assert_int_equal(g->arg->kind, E_STRING);
	assert_string_equal(g->arg->s, "s");
	done(P);
}

static void test_key(void **state)
{
	(void)state;
	parsed *P = parse("key port : int = 80 \"TCP port\"\n"
			  "key name : string = \"www\"\n"
			  "key debug : bool = false");
	assert_int_equal(P->dl.errors, 0);
	assert_int_equal(P->f->decls.len, 3);
	decl *d = D(P, 0);
	assert_int_equal(d->kind, DECL_KEY);
	assert_string_equal(d->name, "port");
	assert_int_equal(d->te->kind, TE_NAME);
	assert_string_equal(d->te->name, "int");
	assert_int_equal(d->value->kind, E_INT);
	assert_int_equal(d->value->i, 80);
	assert_string_equal(d->doc, "TCP port");
	assert_string_equal(D(P, 1)->doc, "");	/* the doc is optional */
	assert_string_equal(D(P, 1)->value->s, "www");
	assert_int_equal(D(P, 2)->value->kind, E_BOOL);
	assert_sloc(P, D(P, 2)->at, 3, 1, 3, 24);
	done(P);
}

static void test_register(void **state)
{
	(void)state;
	parsed *P = parse("register \"www\" [ main $ a $ b, noop, ]\nregister \"e\" [ ]");
	assert_int_equal(P->dl.errors, 0);
	decl *d = D(P, 0);
	assert_int_equal(d->kind, DECL_REGISTER);
	assert_string_equal(d->name, "www");
	assert_sloc(P, d->name_at, 1, 10, 1, 14);
	assert_int_equal(d->jobs.len, 2);	/* trailing comma allowed */
	assert_name(((expr *)d->jobs.v[1]), "noop");
	assert_int_equal(D(P, 1)->jobs.len, 0);
	done(P);
}

static void test_foreign(void **state)
{
	(void)state;
	parsed *P = parse("let m = foreign \"hello_start\" (console @-> time @-> job)\n"
			  "let n = foreign \"s\" job sources [\"a.c\", \"b/c.c\"]\n"
			  "let o = foreign \"t\" (int @-> job) sources []");
	assert_int_equal(P->dl.errors, 0);
	expr *e = D(P, 0)->value;
	assert_int_equal(e->kind, E_FOREIGN);
	assert_string_equal(e->s, "hello_start");
	assert_sloc(P, e->s_at, 1, 17, 1, 29);
	/* @-> is right-associative: console @-> (time @-> job). */
	type_expr *t = e->te;
	assert_int_equal(t->kind, TE_ARROW);
	assert_string_equal(t->from->name, "console");
	assert_int_equal(t->to->kind, TE_ARROW);
	assert_string_equal(t->to->from->name, "time");
	assert_string_equal(t->to->to->name, "job");
	assert_int_equal(e->sources.len, 0);
	expr *n = D(P, 1)->value;
	assert_int_equal(n->te->kind, TE_NAME);
	assert_int_equal(n->sources.len, 2);
	assert_string_equal(n->sources.v[1], "b/c.c");
	assert_int_equal(D(P, 2)->value->sources.len, 0);
	done(P);
}

static void test_arrow_types(void **state)
{
	(void)state;
	/* Parentheses group a functor argument: (a @-> b) @-> c. */
	parsed *P = parse("key k : ((a @-> b) @-> c) = 1");
	assert_int_equal(P->dl.errors, 0);
	type_expr *t = D(P, 0)->te;
	assert_int_equal(t->kind, TE_ARROW);
	assert_int_equal(t->from->kind, TE_ARROW);
	assert_string_equal(t->from->from->name, "a");
	assert_string_equal(t->to->name, "c");
	done(P);
}

static void test_match(void **state)
{
	(void)state;
	parsed *P = parse("let fs = match target with\n"
			  "  | unix -> direct_kv_ro \"htdocs\"\n"
			  "  | xen-x86 | xen-arm -> crunch \"htdocs\"\n"
			  "  | _    -> crunch \"x\"\n"
			  "let s = match store with | \"a\" | \"b\" -> x | _ -> y\n"
			  "let b = match debug with | true -> x | false -> y");
	assert_int_equal(P->dl.errors, 0);
	expr *m = D(P, 0)->value;
	assert_int_equal(m->kind, E_MATCH);
	assert_string_equal(m->s, "target");
	assert_int_equal(m->arms.len, 3);
	match_arm *a1 = m->arms.v[1];
	assert_int_equal(a1->pats.len, 2);	/* or-pattern */
	pattern *p0 = a1->pats.v[0];
	assert_int_equal(p0->kind, PAT_NAME);
	assert_string_equal(p0->s, "xen-x86");
	assert_sloc(P, p0->at, 3, 5, 3, 11);
	assert_int_equal(((pattern *)((match_arm *)m->arms.v[2])->pats.v[0])->kind,
			 PAT_WILD);
	expr *s = D(P, 1)->value;
	assert_string_equal(s->s, "store");
	pattern *ps = ((match_arm *)s->arms.v[0])->pats.v[1];
	assert_int_equal(ps->kind, PAT_STRING);
	assert_string_equal(ps->s, "b");
	expr *b = D(P, 2)->value;
	pattern *pb = ((match_arm *)b->arms.v[1])->pats.v[0];
	assert_int_equal(pb->kind, PAT_BOOL);
	assert_false(pb->b);
	done(P);
}

/* A `|' after a nested match's arm continues the nested match (as in
 * OCaml); parentheses close it. */
static void test_nested_match(void **state)
{
	(void)state;
	parsed *P = parse("let a = match target with | unix -> match net with | \"d\" -> x "
			  "| _ -> y\n"
			  "let b = match target with | unix -> (match net with | _ -> x) "
			  "| _ -> y");
	assert_int_equal(P->dl.errors, 0);
	expr *a = D(P, 0)->value;
	assert_int_equal(a->arms.len, 1);
	expr *inner = ((match_arm *)a->arms.v[0])->body;
	assert_int_equal(inner->kind, E_MATCH);
	assert_int_equal(inner->arms.len, 2);
	expr *b = D(P, 1)->value;
	assert_int_equal(b->arms.len, 2);
	done(P);
}

static void test_fun_and_let_in(void **state)
{
	(void)state;
	parsed *P = parse("let f = fun (n : network) (s : string) ->\n"
			  "  let e = ethif n in\n"
			  "  g e s");
	assert_int_equal(P->dl.errors, 0);
	expr *f = D(P, 0)->value;
	/* fun (n) (s) -> e  is  fun (n) -> fun (s) -> e */
	assert_int_equal(f->kind, E_FUN);
	assert_string_equal(f->s, "n");
	assert_string_equal(f->te->name, "network");
	assert_sloc(P, f->at, 1, 9, 3, 7);
	expr *f2 = f->body;
	assert_int_equal(f2->kind, E_FUN);
	assert_string_equal(f2->s, "s");
	expr *l = f2->body;
	assert_int_equal(l->kind, E_LET);
	assert_string_equal(l->s, "e");
	assert_sloc(P, l->s_at, 2, 7, 2, 7);
	assert_int_equal(l->value->kind, E_APP);
	assert_int_equal(l->body->kind, E_APP);
	done(P);
}

static void test_interface_component_platform(void **state)
{
	(void)state;
	parsed *P = parse(
		"interface device = \"mcc_device\"\n"
		"interface tcpv4 = \"mcc_tcpv4\" includes device, flow\n"
		"component crunch : string @-> kv_ro {\n"
		"  unix | xen-x86 { prefix \"mcc_crunch_kv\" header \"core/crunch_kv.h\"\n"
		"         sources \"core/crunch_kv.c\" \"core/kvpath.c\" crunch\n"
		"         cflags \"-DX\" libs \"-lm\" }\n"
		"  _ { prefix \"p\" header \"h.h\" }\n"
		"}\n"
		"platform unix { sources \"core/sched.c\" \"unix/main.c\" }\n"
		"platform xen { }");
	assert_int_equal(P->dl.errors, 0);
	assert_int_equal(P->f->decls.len, 5);
	decl *i0 = D(P, 0), *i1 = D(P, 1);
	assert_int_equal(i0->kind, DECL_INTERFACE);
	assert_string_equal(i0->ctype, "mcc_device");
	assert_int_equal(i0->includes.len, 0);
	assert_int_equal(i1->includes.len, 2);
	assert_name(i1->includes.v[1], "flow");
	assert_sloc(P, ((expr *)i1->includes.v[1])->at, 2, 48, 2, 51);
	decl *c = D(P, 2);
	assert_int_equal(c->kind, DECL_COMPONENT);
	assert_string_equal(c->name, "crunch");
	assert_int_equal(c->te->kind, TE_ARROW);
	assert_int_equal(c->impls.len, 2);
	impl_decl *im = c->impls.v[0];
	assert_int_equal(im->targets.len, 2);
	assert_string_equal(((pattern *)im->targets.v[1])->s, "xen-x86");
	assert_string_equal(im->prefix, "mcc_crunch_kv");
	assert_string_equal(im->header, "core/crunch_kv.h");
	assert_int_equal(im->sources.len, 2);
	assert_true(im->crunch);
	assert_int_equal(im->cflags.len, 1);
	assert_string_equal(im->libs.v[0], "-lm");
	impl_decl *wild = c->impls.v[1];
	assert_int_equal(((pattern *)wild->targets.v[0])->kind, PAT_WILD);
	assert_false(wild->crunch);
	decl *pl = D(P, 3);
	assert_int_equal(pl->kind, DECL_PLATFORM);
	assert_int_equal(pl->impls.len, 1);
	assert_int_equal(((impl_decl *)pl->impls.v[0])->sources.len, 2);
	assert_int_equal(((impl_decl *)D(P, 4)->impls.v[0])->sources.len, 0);
	done(P);
}

static void test_unknown_impl_field(void **state)
{
	(void)state;
	parsed *P = parse("component c : job {\n  _ { prefix \"p\" header \"h\" colour \"x\" }\n}");
	assert_int_equal(P->dl.errors, 1);
	diag *d = P->dl.items.v[0];
	assert_int_equal(d->code, D_BAD_COMPONENT);
	assert_int_equal(d->at.line, 2);
	assert_int_equal(d->at.col, 29);
	assert_int_equal(P->f->decls.len, 1);
	done(P);
}

static void test_syntax_error_message(void **state)
{
	(void)state;
	parsed *P = parse("let x = ]");
	assert_int_equal(P->dl.errors, 1);
	diag *d = P->dl.items.v[0];
	assert_int_equal(d->code, D_SYNTAX);
	assert_loc(d->at, 1, 9, 1, 9);
	assert_non_null(strstr(d->msg, "unexpected `]'"));
	done(P);

	P = parse("let x = f (a");
	d = P->dl.items.v[0];
	assert_int_equal(d->code, D_SYNTAX);
	assert_non_null(strstr(d->msg, "end of file"));
	done(P);
}

/* Recovery restarts at the next declaration keyword: every bad
 * declaration is reported, and the good ones around them are kept. */
static void test_recovery_several_errors(void **state)
{
	(void)state;
	parsed *P = parse("let a = ]\n"
			  "let ok1 = x\n"
			  "let b = f (\n"
			  "register \"r\" [ noop ]\n"
			  "let c = = 3\n"
			  "let ok2 = y");
	assert_int_equal(P->dl.errors, 3);
	assert_int_equal(((diag *)P->dl.items.v[0])->at.line, 1);
	assert_int_equal(((diag *)P->dl.items.v[1])->at.line, 4);
	assert_int_equal(((diag *)P->dl.items.v[2])->at.line, 5);
	assert_int_equal(((diag *)P->dl.items.v[2])->at.col, 9);
	int lets = 0;
	for (int i = 0; i < P->f->decls.len; i++) {
		decl *d = P->f->decls.v[i];
		if (d->kind == DECL_LET && (!strcmp(d->name, "ok1") || !strcmp(d->name, "ok2")))
			lets++;
	}
	assert_int_equal(lets, 2);
	done(P);
}

/* A second error right at the start of the declaration after a bad one
 * (within bison's three-token error window) must be reported too. */
static void test_recovery_error_early_in_next_decl(void **state)
{
	(void)state;
	parsed *P = parse("let a = ]\n"
			  "key k int = 1\n"
			  "let ok = x");
	assert_int_equal(P->dl.errors, 2);
	diag *d = P->dl.items.v[1];
	assert_int_equal(d->code, D_SYNTAX);
	assert_int_equal(d->at.line, 2);
	assert_int_equal(d->at.col, 7);
	done(P);
}

static void test_empty_file(void **state)
{
	(void)state;
	parsed *P = parse("# nothing but a comment\n\n");
	assert_int_equal(P->dl.errors, 0);
	assert_int_equal(P->f->decls.len, 0);
	done(P);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_let_and_application),
		cmocka_unit_test(test_parentheses_and_literals),
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_foreign),
		cmocka_unit_test(test_arrow_types),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_nested_match),
		cmocka_unit_test(test_fun_and_let_in),
		cmocka_unit_test(test_interface_component_platform),
		cmocka_unit_test(test_unknown_impl_field),
		cmocka_unit_test(test_syntax_error_message),
		cmocka_unit_test(test_recovery_several_errors),
		cmocka_unit_test(test_recovery_error_early_in_next_decl),
		cmocka_unit_test(test_empty_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
