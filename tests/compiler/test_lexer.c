/* test_lexer.c - the scanner alone (grammar/lexer.l): token kinds, values
 * and locations, which count code points, not bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parse.h"
#include "parser.h"

/* Defined by the flex scanner; parse.c declares them the same way. */
int mcc_yylex_init_extra(parse_ctx *extra, yyscan_t *scanner);
int mcc_yylex_destroy(yyscan_t scanner);

enum { MAXTOK = 64 };

typedef struct tok {
	int kind;
	YYLTYPE at;
	const char *s;
	long long i;
} tok;

typedef struct lexed {
	arena a;
	src_set src;
	diag_list dl;
	tok t[MAXTOK];
	int n;		/* tokens before end of file */
} lexed;

/* Scans text to the end (at most MAXTOK tokens). */
static void lex(lexed *L, const char *text, size_t len)
{
	memset(L, 0, sizeof *L);
	arena_init(&L->a);
	diag_init(&L->dl, &L->a, &L->src);
	int file = src_add(&L->a, &L->src, "t.mcfg", text, len, false);
	src_file *f = src_get(&L->src, file);
	parse_ctx ctx = { .a = &L->a, .dl = &L->dl, .file = file, .text = f->text,
			  .len = f->len, .line = 1, .col = 1 };
	yyscan_t sc;
	assert_int_equal(mcc_yylex_init_extra(&ctx, &sc), 0);
	for (;;) {
		YYSTYPE v;
		YYLTYPE at;
		memset(&v, 0, sizeof v);
		int k = mcc_yylex(&v, &at, sc);
		if (k == YYEOF)
			break;
		assert_true(L->n < MAXTOK);
		tok *t = &L->t[L->n++];
		t->kind = k;
		t->at = at;
		if (k == IDENT || k == STRING)
			t->s = v.s;
		if (k == INT)
			t->i = v.i;
	}
	mcc_yylex_destroy(sc);
	free(ctx.buf);
	free(ctx.idents);
}

static void lex_str(lexed *L, const char *text)
{
	lex(L, text, strlen(text));
}

static void done(lexed *L)
{
	arena_free(&L->a);
}

static void assert_at(const tok *t, int line, int col, int end_line, int end_col)
{
	assert_int_equal(t->at.first_line, line);
	assert_int_equal(t->at.first_column, col);
	assert_int_equal(t->at.last_line, end_line);
	assert_int_equal(t->at.last_column, end_col);
}

static void test_keywords_and_punctuation(void **state)
{
	(void)state;
	lexed L;
	lex_str(&L, "let in key register foreign match with fun interface includes "
		    "component platform sources true false @-> -> = : [ ] , ( ) | { } $");
	static const int want[] = {
		LET, IN, KEY, REGISTER, FOREIGN, MATCH, WITH, FUN, INTERFACE,
		INCLUDES, COMPONENT, PLATFORM, SOURCES, TRUE, FALSE, FARROW,
		ARROW, EQ, COLON, LBRACK, RBRACK, COMMA, LPAREN, RPAREN, BAR,
		LBRACE, RBRACE, DOLLAR,
	};
	assert_int_equal(L.n, (int)(sizeof want / sizeof want[0]));
	for (int i = 0; i < L.n; i++)
		assert_int_equal(L.t[i].kind, want[i]);
	assert_int_equal(L.dl.errors, 0);
	done(&L);
}

/* A keyword is only a keyword as a whole word; names may contain `-'
 * between parts (target names like xen-x86). */
static void test_names(void **state)
{
	(void)state;
	lexed L;
	lex_str(&L, "letter let_ xen-x86 a->b _ in2 default_console");
	assert_int_equal(L.n, 9);
	assert_int_equal(L.t[0].kind, IDENT);
	assert_string_equal(L.t[0].s, "letter");
	assert_string_equal(L.t[1].s, "let_");
	assert_int_equal(L.t[2].kind, IDENT);
	assert_string_equal(L.t[2].s, "xen-x86");
	assert_at(&L.t[2], 1, 13, 1, 19);
	/* `a->b' is a, ->, b: a `-' must be followed by a name part. */
	assert_int_equal(L.t[3].kind, IDENT);
	assert_string_equal(L.t[3].s, "a");
	assert_int_equal(L.t[4].kind, ARROW);
	assert_string_equal(L.t[5].s, "b");
	assert_string_equal(L.t[6].s, "_");
	assert_string_equal(L.t[7].s, "in2");
	assert_string_equal(L.t[8].s, "default_console");
	done(&L);
}

static void test_integers(void **state)
{
	(void)state;
	lexed L;
	lex_str(&L, "0 80 -5 2147483647 -2147483648");
	assert_int_equal(L.n, 5);
	assert_int_equal(L.t[0].i, 0);
	assert_int_equal(L.t[1].i, 80);
	assert_int_equal(L.t[2].kind, INT);
	assert_int_equal(L.t[2].i, -5);
	assert_int_equal(L.t[3].i, 2147483647LL);
	assert_int_equal(L.t[4].i, -2147483648LL);
	assert_int_equal(L.dl.errors, 0);
	done(&L);

	lex_str(&L, "x 2147483648 99999999999999999999999");
	assert_int_equal(L.n, 3);
	assert_int_equal(L.t[1].kind, INT);
	assert_int_equal(L.dl.errors, 2);
	diag *d = L.dl.items.v[0];
	assert_int_equal(d->code, D_LEX_INT);
	assert_int_equal(d->at.line, 1);
	assert_int_equal(d->at.col, 3);
	done(&L);
}

static void test_strings_and_escapes(void **state)
{
	(void)state;
	lexed L;
	lex_str(&L, "\"htdocs\" \"a\\\"b\\\\c\\nd\\te\" \"\"");
	assert_int_equal(L.n, 3);
	assert_int_equal(L.t[0].kind, STRING);
	assert_string_equal(L.t[0].s, "htdocs");
	assert_at(&L.t[0], 1, 1, 1, 8);
	assert_string_equal(L.t[1].s, "a\"b\\c\nd\te");
	assert_string_equal(L.t[2].s, "");
	assert_int_equal(L.dl.errors, 0);
	done(&L);
}

static void test_bad_strings(void **state)
{
	(void)state;
	lexed L;
	/* Unknown escape: reported at the escape, the string goes on. */
	lex_str(&L, "x \"a\\qb\" y");
	assert_int_equal(L.n, 3);
	assert_string_equal(L.t[1].s, "ab");
	assert_int_equal(L.dl.errors, 1);
	diag *d = L.dl.items.v[0];
	assert_int_equal(d->code, D_LEX_STRING);
	assert_int_equal(d->at.col, 5);
	assert_string_equal(L.t[2].s, "y");
	assert_at(&L.t[2], 1, 10, 1, 10);
	done(&L);

	/* Unterminated at end of line: reported at the opening quote, and
	 * scanning resumes on the next line. */
	lex_str(&L, "let s = \"abc\nlet t");
	assert_int_equal(L.n, 6);
	assert_int_equal(L.t[3].kind, STRING);
	assert_string_equal(L.t[3].s, "abc");
	d = L.dl.items.v[0];
	assert_int_equal(d->code, D_LEX_STRING);
	assert_int_equal(d->at.line, 1);
	assert_int_equal(d->at.col, 9);
	assert_int_equal(L.t[4].kind, LET);
	assert_at(&L.t[4], 2, 1, 2, 3);
	done(&L);

	/* Unterminated at end of file. */
	lex_str(&L, "x \"abc");
	assert_int_equal(L.n, 2);
	assert_int_equal(L.dl.errors, 1);
	assert_int_equal(((diag *)L.dl.items.v[0])->at.col, 3);
	done(&L);

	/* A NUL byte inside a string is an error, not the end of the text. */
	lex(&L, "\"a\0b\" z", 7);
	assert_int_equal(L.n, 2);
	assert_int_equal(L.dl.errors, 1);
	assert_int_equal(((diag *)L.dl.items.v[0])->code, D_LEX_STRING);
	assert_string_equal(L.t[1].s, "z");
	done(&L);
}

/* Columns count code points: a multi-byte character in a string or a
 * comment is one column, and comments end at the newline. */
static void test_utf8_columns(void **state)
{
	(void)state;
	lexed L;
	lex_str(&L, "let s = \"h\xc3\xa9llo w\xc3\xb6rld \xe2\x82\xac \xf0\x9f\x90\xab\" $ zz");
	assert_int_equal(L.n, 6);
	assert_int_equal(L.t[3].kind, STRING);
	/* "héllo wörld € 🐫" is 15 code points plus 2 quotes. */
	assert_at(&L.t[3], 1, 9, 1, 25);
	assert_int_equal(L.t[4].kind, DOLLAR);
	assert_at(&L.t[4], 1, 27, 1, 27);
	assert_at(&L.t[5], 1, 29, 1, 30);
	done(&L);

	lex_str(&L, "# \xc3\xa9t\xc3\xa9 \xe2\x82\xac comment\n  let # \xc3\xbc\xc3\xbc\n\xc3\xa9");
	/* `let', then two bytes of a stray é outside a string. */
	assert_int_equal(L.n, 1);
	assert_int_equal(L.t[0].kind, LET);
	assert_at(&L.t[0], 2, 3, 2, 5);
	assert_true(L.dl.errors >= 1);
	diag *d = L.dl.items.v[0];
	assert_int_equal(d->code, D_LEX_CHAR);
	assert_int_equal(d->at.line, 3);
	assert_int_equal(d->at.col, 1);
	done(&L);
}

static void test_lines_and_whitespace(void **state)
{
	(void)state;
	lexed L;
	lex_str(&L, "\n\n  \t key\r\n\r\n   port # c\n:");
	assert_int_equal(L.n, 3);
	assert_at(&L.t[0], 3, 5, 3, 7);
	assert_at(&L.t[1], 5, 4, 5, 7);
	assert_at(&L.t[2], 6, 1, 6, 1);
	done(&L);
}

static void test_invalid_characters(void **state)
{
	(void)state;
	lexed L;
	lex_str(&L, "let @ x ; y");
	assert_int_equal(L.n, 3);
	assert_int_equal(L.dl.errors, 2);
	diag *d0 = L.dl.items.v[0], *d1 = L.dl.items.v[1];
	assert_int_equal(d0->code, D_LEX_CHAR);
	assert_int_equal(d0->at.col, 5);
	assert_non_null(strstr(d0->msg, "`@'"));
	assert_int_equal(d1->at.col, 9);
	assert_at(&L.t[2], 1, 11, 1, 11);
	done(&L);

	lex(&L, "a\0b\x01" "c", 5);
	assert_int_equal(L.n, 3);
	assert_int_equal(L.dl.errors, 2);
	assert_non_null(strstr(((diag *)L.dl.items.v[1])->msg, "0x01"));
	done(&L);
}

static void test_empty_input(void **state)
{
	(void)state;
	lexed L;
	lex_str(&L, "");
	assert_int_equal(L.n, 0);
	done(&L);
	lex_str(&L, "# only a comment");
	assert_int_equal(L.n, 0);
	assert_int_equal(L.dl.errors, 0);
	done(&L);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords_and_punctuation),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_strings_and_escapes),
		cmocka_unit_test(test_bad_strings),
		cmocka_unit_test(test_utf8_columns),
		cmocka_unit_test(test_lines_and_whitespace),
		cmocka_unit_test(test_invalid_characters),
		cmocka_unit_test(test_empty_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
