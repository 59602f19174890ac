/* test_graph.c - evaluation to the device graph (compiler/eval.c): sharing
 * of structurally equal applications, a deterministic dependencies-first
 * order, keys from -k, match picking arms per target, and laziness. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tc_session.h"

static int setup(void **state)
{
	tc *t = test_calloc(1, sizeof *t);
	if (!tc_open(t)) {
		tc_close(t);
		test_free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	tc *t = *state;
	tc_close(t);
	test_free(t);
	return 0;
}

/* Checks cfg, applies the -k assignments (NULL-terminated) and evaluates
 * for tgt; fails the test on any error. */
static graph *eval_ok(tc *t, const char *cfg, target tgt, const char *const *keys)
{
	tc_config(t, cfg);
	for (; keys && *keys; keys++)
		assert_true(tc_key(t, *keys));
	graph *g = tc_eval(t, tgt);
	if (!g || t->dl.errors)
		tc_dump(t);
	assert_non_null(g);
	assert_int_equal(t->dl.errors, 0);
	return g;
}

/* Every node comes after the nodes it takes; index is its position. */
static void assert_topological(const graph *g)
{
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		assert_int_equal(n->index, i);
		for (int k = 0; k < n->nargs; k++)
			if (n->args[k].kind == GA_NODE)
				assert_true(n->args[k].node->index < i);
	}
}

static gnode *arg_node(const gnode *n, int k)
{
	assert_true(k < n->nargs);
	assert_int_equal(n->args[k].kind, GA_NODE);
	return n->args[k].node;
}

static const char web[] =
	"let stack = generic_stackv4 default_network\n"
	"let main = foreign \"web\" (http @-> http @-> conduit @-> job)\n"
	"register \"web\" [ main (http_server 80 (conduit_direct stack))\n"
	"                      (http_server 81 (conduit_direct stack))\n"
	"                      (conduit_direct stack) ]\n";

/* The same stack, and the same conduit over it, used three times are one
 * node each. */
static void test_sharing_socket_stack(void **state)
{
	tc *t = *state;
	graph *g = eval_ok(t, web, T_UNIX, NULL);
	assert_topological(g);
	assert_int_equal(tc_nodes_of(g, "socket_stackv4"), 1);
	assert_int_equal(tc_nodes_of(g, "conduit_direct"), 1);
	assert_int_equal(tc_nodes_of(g, "http_server"), 2);
	assert_int_equal(g->nodes.len, 5);
	gnode *c = tc_node_of(g, "conduit_direct");
	assert_int_equal(c->users, 3);
	gnode *main = tc_node_of(g, "web");
	assert_non_null(main);
	assert_true(main->is_job);
	assert_ptr_equal(arg_node(main, 2), c);
	assert_ptr_equal(arg_node(arg_node(main, 0), 1), c);
	assert_int_equal(g->jobs.len, 1);
	/* The config's `let' names the node. */
	assert_string_equal(tc_node_of(g, "socket_stackv4")->label, "stack");
}

/* With -k net=direct the stack is built by stdlib functions: ethif over
 * the same network is one device used by ARP and IPv4, and IPv4 is one
 * device used by UDP, TCP and the stack. */
static void test_sharing_direct_stack(void **state)
{
	tc *t = *state;
	static const char *const keys[] = { "net=direct", NULL };
	graph *g = eval_ok(t, web, T_UNIX, keys);
	assert_topological(g);
	assert_int_equal(tc_nodes_of(g, "netif"), 1);
	assert_int_equal(tc_nodes_of(g, "ethif"), 1);
	assert_int_equal(tc_nodes_of(g, "arp"), 1);
	assert_int_equal(tc_nodes_of(g, "dhcp_ipv4"), 1);
	assert_int_equal(tc_nodes_of(g, "static_ipv4"), 0);
	assert_int_equal(tc_nodes_of(g, "stackv4_of"), 1);
	assert_int_equal(tc_node_of(g, "ethif")->users, 2);
	assert_int_equal(tc_node_of(g, "dhcp_ipv4")->users, 3);
	/* `net' decided a match: it is a configure-time key of the graph. */
	bool has_net = false;
	for (int i = 0; i < g->keys.len; i++) {
		keyinfo *k = g->keys.v[i];
		if (!strcmp(k->name, "net")) {
			has_net = true;
			assert_true(k->fixed);
		}
	}
	assert_true(has_net);
}

/* Two stacks over different networks share nothing below the stack but
 * are still one node each when written twice. */
static void test_sharing_by_structure_not_by_name(void **state)
{
	tc *t = *state;
	graph *g = eval_ok(t,
		"let a = direct_stackv4 (netif \"tap0\")\n"
		"let b = direct_stackv4 (netif \"tap1\")\n"
		"let c = direct_stackv4 (netif \"tap0\")\n"
		"let main = foreign \"m\" (stackv4 @-> stackv4 @-> stackv4 @-> kv_ro @-> kv_ro @-> job)\n"
		"register \"x\" [ main a b c (crunch \"d\") (crunch \"d\") ]", T_UNIX, NULL);
	assert_int_equal(tc_nodes_of(g, "netif"), 2);
	assert_int_equal(tc_nodes_of(g, "stackv4_of"), 2);
	assert_int_equal(tc_nodes_of(g, "crunch"), 1);
	gnode *m = tc_node_of(g, "m");
	assert_ptr_equal(arg_node(m, 0), arg_node(m, 2));
	assert_ptr_not_equal(arg_node(m, 0), arg_node(m, 1));
	assert_ptr_equal(arg_node(m, 3), arg_node(m, 4));
}

static void labels(const graph *g, char *buf, size_t size)
{
	buf[0] = 0;
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		strncat(buf, n->label, size - strlen(buf) - 2);
		strncat(buf, " ", size - strlen(buf) - 1);
	}
}

/* The order is a function of the config: the same in two evaluations of
 * one program and in two separate runs. */
static void test_deterministic_order(void **state)
{
	tc *t = *state;
	static const char *const keys[] = { "net=direct", NULL };
	graph *g1 = eval_ok(t, web, T_UNIX, keys);
	char a[1024], b[1024], c[1024];
	labels(g1, a, sizeof a);
	graph *g2 = tc_eval(t, T_UNIX);
	assert_non_null(g2);
	labels(g2, b, sizeof b);
	assert_string_equal(a, b);
	tc t2;
	assert_true(tc_open(&t2));
	graph *g3 = eval_ok(&t2, web, T_UNIX, keys);
	labels(g3, c, sizeof c);
	tc_close(&t2);
	assert_string_equal(a, c);
	/* Dependencies first, in the order the job's arguments name them. */
	assert_string_equal(a, "netif ethif arp dhcp_ipv4 direct_udp direct_tcp stack "
			       "conduit_direct http_server http_server_2 web ");
}

static void test_jobs_in_register_order(void **state)
{
	tc *t = *state;
	graph *g = eval_ok(t,
		"let a = foreign \"a\" (console @-> job)\n"
		"let b = foreign \"b\" job\n"
		"register \"x\" [ b, a default_console, noop, b ]", T_UNIX, NULL);
	assert_int_equal(g->jobs.len, 3);	/* `b' twice is one job */
	assert_string_equal(((gnode *)g->jobs.v[0])->label, "b");
	assert_string_equal(((gnode *)g->jobs.v[1])->label, "a");
	assert_string_equal(((gnode *)g->jobs.v[2])->label, "noop");
	assert_topological(g);
}

static void test_key_values(void **state)
{
	tc *t = *state;
	static const char *const keys[] = { "port=8080", NULL };
	graph *g = eval_ok(t,
		"key port : int = 80 \"the port\"\n"
		"let main = foreign \"m\" (http @-> job)\n"
		"register \"x\" [ main (http_server port (conduit_direct socket_stackv4)) ]",
		T_UNIX, keys);
	gnode *h = tc_node_of(g, "http_server");
	assert_int_equal(h->args[0].kind, GA_KEY);
	assert_string_equal(h->args[0].key->name, "port");
	assert_int_equal(h->args[0].key->i, 8080);
	assert_true(h->args[0].key->as_arg);
	assert_int_equal(g->keys.len, 1);
	assert_string_equal(((keyinfo *)g->keys.v[0])->name, "port");
}

/* A key matched in the stdlib (ipv4_address) picks the arm from -k. */
static void test_key_picks_arm(void **state)
{
	tc *t = *state;
	static const char *const keys[] = { "net=direct", "ipv4_address=10.0.0.2/24", NULL };
	graph *g = eval_ok(t, web, T_UNIX, keys);
	assert_int_equal(tc_nodes_of(g, "static_ipv4"), 1);
	assert_int_equal(tc_nodes_of(g, "dhcp_ipv4"), 0);
	gnode *ip = tc_node_of(g, "static_ipv4");
	assert_int_equal(ip->args[0].kind, GA_KEY);
	assert_string_equal(ip->args[0].key->s, "10.0.0.2/24");
}

static void test_bool_and_string_key_match(void **state)
{
	tc *t = *state;
	static const char *cfg =
		"key store : string = \"baked\"\n"
		"key live : bool = false\n"
		"let fs = match store with | \"disk\" -> direct_kv_ro \"d\" | _ -> crunch \"d\"\n"
		"let c = match live with | true -> fs | false -> crunch \"e\"\n"
		"let main = foreign \"m\" (kv_ro @-> job)\n"
		"register \"x\" [ main c ]";
	static const char *const k1[] = { "store=disk", "live=true", NULL };
	graph *g = eval_ok(t, cfg, T_UNIX, k1);
	assert_int_equal(tc_nodes_of(g, "direct_kv_ro"), 1);
	assert_int_equal(tc_nodes_of(g, "crunch"), 0);
	tc_close(t);
	assert_true(tc_open(t));
	g = eval_ok(t, cfg, T_UNIX, NULL);
	gnode *c = tc_node_of(g, "crunch");
	assert_non_null(c);
	assert_string_equal(c->args[0].s, "e");
}

static const char kv[] =
	"let baked  = crunch \"secrets\"\n"
	"let direct = match target with\n"
	"  | unix -> direct_kv_ro \"secrets\"\n"
	"  | _    -> crunch \"secrets\"\n"
	"let main = foreign \"kv_start\" (console @-> kv_ro @-> kv_ro @-> job)\n"
	"register \"kv_ro\" [ main $ default_console $ baked $ direct ]\n";

/* match target picks the arm per target; on Xen both names denote the
 * same application, so they are one device. */
static void test_match_target_per_target(void **state)
{
	tc *t = *state;
	graph *g = eval_ok(t, kv, T_UNIX, NULL);
	assert_int_equal(tc_nodes_of(g, "direct_kv_ro"), 1);
	assert_int_equal(tc_nodes_of(g, "crunch"), 1);
	assert_string_equal(tc_node_of(g, "default_console")->impl->prefix,
			    "mcc_unix_console");
	for (int tg = T_XEN_X86; tg < T_COUNT; tg++) {
		g = tc_eval(t, (target)tg);
		assert_non_null(g);
		assert_int_equal(g->tgt, tg);
		assert_int_equal(tc_nodes_of(g, "direct_kv_ro"), 0);
		assert_int_equal(tc_nodes_of(g, "crunch"), 1);
		gnode *m = tc_node_of(g, "kv_start");
		assert_ptr_equal(arg_node(m, 1), arg_node(m, 2));
		assert_string_equal(tc_node_of(g, "default_console")->impl->prefix,
				    "mcc_xen_console");
		assert_topological(g);
	}
}

/* An unused binding, or a match arm not taken, with no implementation
 * on the target is no error: top-level lets are evaluated on demand. */
static void test_laziness(void **state)
{
	tc *t = *state;
	tc_config(t, "let unused = direct_kv_ro \"only-on-unix\"\n"
		     "let _disk = block_of_file \"disk.img\"\n"
		     "let main = foreign \"m\" (console @-> job)\n"
		     "register \"x\" [ main default_console ]");
	assert_int_equal(t->dl.errors, 0);
	for (int tg = 0; tg < T_COUNT; tg++) {
		graph *g = tc_eval(t, (target)tg);
		assert_non_null(g);
		assert_int_equal(g->nodes.len, 2);
	}
	assert_int_equal(t->dl.errors, 0);
}

/* A crunch directory given by a key is baked in at configure time. */
static void test_crunch_key_is_configure_time(void **state)
{
	tc *t = *state;
	static const char *const keys[] = { "dir=www", NULL };
	graph *g = eval_ok(t, "key dir : string = \"htdocs\"\n"
			      "let main = foreign \"m\" (kv_ro @-> job)\n"
			      "register \"x\" [ main (crunch dir) ]", T_XEN_ARM64, keys);
	gnode *c = tc_node_of(g, "crunch");
	assert_int_equal(c->args[0].kind, GA_STRING);
	assert_string_equal(c->args[0].s, "www");
	/* So the key is fixed, not a boot-time argument. */
	assert_int_equal(g->keys.len, 1);
	assert_true(((keyinfo *)g->keys.v[0])->fixed);
	assert_false(((keyinfo *)g->keys.v[0])->as_arg);
}

/* Labels are unique C identifiers: the let name, else the component
 * with a numeric suffix on a clash. */
static void test_labels(void **state)
{
	tc *t = *state;
	graph *g = eval_ok(t,
		"let fs = crunch \"a\"\n"
		"let main = foreign \"m\" (kv_ro @-> kv_ro @-> kv_ro @-> job)\n"
		"register \"x\" [ main fs (crunch \"b\") (crunch \"c\") ]", T_UNIX, NULL);
	assert_non_null(tc_node(g, "fs"));
	assert_non_null(tc_node(g, "crunch"));
	assert_non_null(tc_node(g, "crunch_2"));
	for (int i = 0; i < g->nodes.len; i++)
		assert_true(is_c_ident(((gnode *)g->nodes.v[i])->label));
}

static void test_describe_marks_shared(void **state)
{
	tc *t = *state;
	graph *g = eval_ok(t, web, T_UNIX, NULL);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	describe_text(g, f);
	fclose(f);
	assert_non_null(strstr(buf, "unikernel \"web\" for unix"));
	assert_non_null(strstr(buf, "conduit_direct (shared"));
	assert_non_null(strstr(buf, "[mcc_socket_stack]"));
	free(buf);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_sharing_socket_stack),
		T(test_sharing_direct_stack),
		T(test_sharing_by_structure_not_by_name),
		T(test_deterministic_order),
		T(test_jobs_in_register_order),
		T(test_key_values),
		T(test_key_picks_arm),
		T(test_bool_and_string_key_match),
		T(test_match_target_per_target),
		T(test_laziness),
		T(test_crunch_key_is_configure_time),
		T(test_labels),
		T(test_describe_marks_shared),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
