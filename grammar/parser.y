/* parser.y - the .mcfg grammar: a pure parser with locations.  Syntax
 * errors are reported with the tokens that were expected; the parser
 * resynchronises at the next declaration keyword so one run reports
 * several errors. */
%code top {
#include "config.h"
}
%code requires {
#include "parse.h"
typedef void *yyscan_t;
/* Bison's lines and columns (syntax errors are reported with them) plus
 * the byte offsets the tree keeps (see sloc in mcc_src.h). */
typedef struct YYLTYPE {
	int first_line, first_column, last_line, last_column;
	uint32_t first_off, last_off;
} YYLTYPE;
#define YYLTYPE_IS_DECLARED 1
/* Bison's default, offsets included: a rule spans its first and last
 * symbols; an empty rule is the end of the symbol before it. */
#define YYLLOC_DEFAULT(Cur, Rhs, N) do { \
	if (N) { \
		(Cur).first_line = YYRHSLOC(Rhs, 1).first_line; \
		(Cur).first_column = YYRHSLOC(Rhs, 1).first_column; \
		(Cur).first_off = YYRHSLOC(Rhs, 1).first_off; \
		(Cur).last_line = YYRHSLOC(Rhs, N).last_line; \
		(Cur).last_column = YYRHSLOC(Rhs, N).last_column; \
		(Cur).last_off = YYRHSLOC(Rhs, N).last_off; \
	} else { \
		(Cur).first_line = (Cur).last_line = YYRHSLOC(Rhs, 0).last_line; \
		(Cur).first_column = (Cur).last_column = \
			YYRHSLOC(Rhs, 0).last_column; \
		(Cur).first_off = (Cur).last_off = YYRHSLOC(Rhs, 0).last_off; \
	} \
} while (0)
}
%code provides {
int mcc_yylex(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner);
}
%code {
#include <string.h>
#define yylex mcc_yylex

/* A diagnostic's location. */
static loc L(parse_ctx *c, YYLTYPE l)
{
	return (loc){ c->file, l.first_line, l.first_column, l.last_line,
		      l.last_column };
}

/* The tree's location. */
static sloc S(YYLTYPE l)
{
	return (sloc){ l.first_off, l.last_off };
}

static void yyerror(YYLTYPE *l, yyscan_t s, parse_ctx *c, const char *msg)
{
	(void)s;
	diag_error(c->dl, D_SYNTAX, L(c, *l), "%s", msg);
}

static expr *mk(parse_ctx *c, expr_kind k, YYLTYPE l)
{
	expr *e = arena_alloc(c->a, expr_size(k));
	e->kind = k;
	e->at = S(l);
	if (expr_size(k) > offsetof(expr, s_at))
		e->s_at = e->at;
	return e;
}

static ptrvec *pv_new(parse_ctx *c)
{
	return arena_alloc(c->a, sizeof(ptrvec));
}

static decl *mkdecl(parse_ctx *c, decl_kind k, YYLTYPE l)
{
	decl *d = arena_alloc(c->a, decl_size(k));
	d->kind = k;
	d->at = S(l);
	d->file = c->file;
	return d;
}

static pattern *mkpat(parse_ctx *c, int kind, YYLTYPE l)
{
	pattern *p = arena_alloc(c->a, sizeof *p);
	p->kind = kind;
	p->at = S(l);
	return p;
}

static bool is_decl_start(int tok);
}

%define api.pure full
%locations
/* Before the first token: line 1, column 1 (bison's own default). */
%initial-action {
	@$ = (YYLTYPE){ 1, 1, 1, 1, ctx->off, ctx->off };
}
%define parse.error custom
%param {yyscan_t scanner}
%parse-param {parse_ctx *ctx}
/* One shift/reduce conflict, resolved by shifting as in OCaml: a `|`
 * after a nested match's arm continues the nested match. */
%expect 1

%union {
	long long i;
	const char *s;
	expr *e;
	type_expr *t;
	decl *d;
	pattern *p;
	match_arm *arm;
	ptrvec *pv;
	impl_decl *impl;
}

%token <s> IDENT "name" STRING "string"
%token <i> INT "integer"
%token LET "`let'" IN "`in'" KEY "`key'" REGISTER "`register'"
%token FOREIGN "`foreign'" MATCH "`match'" WITH "`with'" FUN "`fun'"
%token INTERFACE "`interface'" INCLUDES "`includes'"
%token COMPONENT "`component'" PLATFORM "`platform'" SOURCES "`sources'"
%token TRUE "`true'" FALSE "`false'" ARROW "`->'" FARROW "`@->'"
%token EQ "`='" COLON "`:'" LBRACK "`['" RBRACK "`]'" COMMA "`,'"
%token LPAREN "`('" RPAREN "`)'" BAR "`|'" LBRACE "`{'" RBRACE "`}'"
%token DOLLAR "`$'"

%type <e> expr dexpr app atom literal
%type <t> type tatom
%type <d> decl
%type <p> pat tpat
%type <arm> arm
%type <pv> arms pats jobs exprs names strs strlist srcs_opt fields_targets impls
%type <impl> impl fields
%type <s> docopt
%type <pv> fparams
%type <e> fparam

%%

file:	  %empty
	| file decl		{ ptrvec_push(ctx->a, &ctx->out->decls, $2); }
	| file error		{ if (is_decl_start(yychar)) yyerrok; }
	;

decl:	  kw_let IDENT EQ expr {
		$$ = mkdecl(ctx, DECL_LET, @$);
		$$->name = $2; $$->name_at = S(@2); $$->value = $4;
	}
	| kw_key IDENT COLON type EQ literal docopt {
		$$ = mkdecl(ctx, DECL_KEY, @$);
		$$->name = $2; $$->name_at = S(@2);
		$$->te = $4; $$->value = $6; $$->doc = $7;
	}
	| kw_register STRING LBRACK jobs RBRACK {
		$$ = mkdecl(ctx, DECL_REGISTER, @$);
		$$->name = $2; $$->name_at = S(@2); $$->jobs = *$4;
	}
	| kw_interface IDENT EQ STRING {
		$$ = mkdecl(ctx, DECL_INTERFACE, @$);
		$$->name = $2; $$->name_at = S(@2); $$->ctype = $4;
	}
	| kw_interface IDENT EQ STRING INCLUDES names {
		$$ = mkdecl(ctx, DECL_INTERFACE, @$);
		$$->name = $2; $$->name_at = S(@2); $$->ctype = $4;
		$$->includes = *$6;
	}
	| kw_component IDENT COLON type LBRACE impls RBRACE {
		$$ = mkdecl(ctx, DECL_COMPONENT, @$);
		$$->name = $2; $$->name_at = S(@2); $$->te = $4;
		$$->impls = *$6;
	}
	| kw_platform impl {
		$$ = mkdecl(ctx, DECL_PLATFORM, @$);
		ptrvec_push(ctx->a, &$$->impls, $2);
	}
	;

/* A declaration keyword ends error recovery at once, so an error right
 * after it is reported (bison otherwise stays silent for three tokens). */
kw_let:		LET		{ yyerrok; } ;
kw_key:		KEY		{ yyerrok; } ;
kw_register:	REGISTER	{ yyerrok; } ;
kw_interface:	INTERFACE	{ yyerrok; } ;
kw_component:	COMPONENT	{ yyerrok; } ;
kw_platform:	PLATFORM	{ yyerrok; } ;

docopt:	  %empty		{ $$ = ""; }
	| STRING		{ $$ = $1; }
	;

literal:  INT			{ $$ = mk(ctx, E_INT, @$); $$->i = $1; }
	| STRING		{ $$ = mk(ctx, E_STRING, @$); $$->s = $1; }
	| TRUE			{ $$ = mk(ctx, E_BOOL, @$); $$->b = true; }
	| FALSE			{ $$ = mk(ctx, E_BOOL, @$); $$->b = false; }
	;

jobs:	  %empty		{ $$ = pv_new(ctx); }
	| exprs			{ $$ = $1; }
	| exprs COMMA		{ $$ = $1; }
	;

exprs:	  expr			{ $$ = pv_new(ctx); ptrvec_push(ctx->a, $$, $1); }
	| exprs COMMA expr	{ $$ = $1; ptrvec_push(ctx->a, $$, $3); }
	;

names:	  IDENT {
		$$ = pv_new(ctx);
		expr *e = mk(ctx, E_NAME, @1); e->s = $1;
		ptrvec_push(ctx->a, $$, e);
	}
	| names COMMA IDENT {
		$$ = $1;
		expr *e = mk(ctx, E_NAME, @3); e->s = $3;
		ptrvec_push(ctx->a, $$, e);
	}
	;

impls:	  %empty		{ $$ = pv_new(ctx); }
	| impls impl		{ $$ = $1; ptrvec_push(ctx->a, $$, $2); }
	;

impl:	  fields_targets LBRACE fields RBRACE {
		$$ = $3; $$->targets = *$1; $$->at = S(@$);
	}
	;

fields_targets:
	  tpat			{ $$ = pv_new(ctx); ptrvec_push(ctx->a, $$, $1); }
	| fields_targets BAR tpat { $$ = $1; ptrvec_push(ctx->a, $$, $3); }
	;

tpat:	  IDENT {
		$$ = mkpat(ctx, strcmp($1, "_") ? PAT_NAME : PAT_WILD, @1);
		$$->s = $1;
	}
	;

fields:	  %empty		{ $$ = arena_alloc(ctx->a, sizeof(impl_decl)); }
	| fields IDENT strs {
		$$ = $1;
		const char *f = $2;
		ptrvec *v = $3;
		if (!strcmp(f, "crunch") && v->len == 0) {
			$$->crunch = true;
		} else if (!strcmp(f, "hostpath") && v->len == 0) {
			$$->hostpath = true;
		} else if ((!strcmp(f, "prefix") || !strcmp(f, "header")) && v->len == 1) {
			if (f[0] == 'p') {
				$$->prefix = v->v[0];
				$$->prefix_at = S(@3);
			} else {
				$$->header = v->v[0];
			}
		} else if (!strcmp(f, "cflags")) {
			for (int i = 0; i < v->len; i++)
				ptrvec_push(ctx->a, &$$->cflags, v->v[i]);
		} else if (!strcmp(f, "libs")) {
			for (int i = 0; i < v->len; i++)
				ptrvec_push(ctx->a, &$$->libs, v->v[i]);
		} else {
			diag_error(ctx->dl, D_BAD_COMPONENT, L(ctx, @2),
				   "unknown implementation field `%s' (expected prefix, "
				   "header, sources, cflags, libs, crunch or hostpath)", f);
		}
	}
	| fields SOURCES strs {
		$$ = $1;
		for (int i = 0; i < $3->len; i++)
			ptrvec_push(ctx->a, &$$->sources, $3->v[i]);
	}
	;

strs:	  %empty		{ $$ = pv_new(ctx); }
	| strs STRING		{ $$ = $1; ptrvec_push(ctx->a, $$, (void *)$2); }
	;

type:	  tatom			{ $$ = $1; }
	| tatom FARROW type {
		$$ = arena_alloc(ctx->a, sizeof *$$);
		$$->kind = TE_ARROW; $$->at = S(@$);
		$$->from = $1; $$->to = $3;
	}
	;

tatom:	  IDENT {
		$$ = arena_alloc(ctx->a, sizeof *$$);
		$$->kind = TE_NAME; $$->at = S(@$); $$->name = $1;
	}
	| LPAREN type RPAREN	{ $$ = $2; }
	;

expr:	  dexpr			{ $$ = $1; }
	| MATCH IDENT WITH arms {
		$$ = mk(ctx, E_MATCH, @$);
		$$->s = $2; $$->s_at = S(@2); $$->arms = *$4;
	}
	| FUN fparams ARROW expr {
		/* fun (a : A) (b : B) -> e  is  fun (a : A) -> fun (b : B) -> e */
		expr *body = $4;
		for (int i = $2->len - 1; i >= 0; i--) {
			expr *f = $2->v[i];
			f->body = body;
			f->at = sloc_span(f->at, body->at);
			body = f;
		}
		body->at = S(@$);
		$$ = body;
	}
	| LET IDENT EQ expr IN expr {
		$$ = mk(ctx, E_LET, @$);
		$$->s = $2; $$->s_at = S(@2); $$->value = $4; $$->body = $6;
	}
	;

fparams:  fparam		{ $$ = pv_new(ctx); ptrvec_push(ctx->a, $$, $1); }
	| fparams fparam	{ $$ = $1; ptrvec_push(ctx->a, $$, $2); }
	;

fparam:	  LPAREN IDENT COLON type RPAREN {
		$$ = mk(ctx, E_FUN, @$);
		$$->s = $2; $$->s_at = S(@2); $$->te = $4;
	}
	;

arms:	  arm			{ $$ = pv_new(ctx); ptrvec_push(ctx->a, $$, $1); }
	| arms arm		{ $$ = $1; ptrvec_push(ctx->a, $$, $2); }
	;

arm:	  BAR pats ARROW expr {
		$$ = arena_alloc(ctx->a, sizeof *$$);
		$$->at = S(@$); $$->pats = *$2; $$->body = $4;
	}
	;

pats:	  pat			{ $$ = pv_new(ctx); ptrvec_push(ctx->a, $$, $1); }
	| pats BAR pat		{ $$ = $1; ptrvec_push(ctx->a, $$, $3); }
	;

pat:	  IDENT {
		$$ = mkpat(ctx, strcmp($1, "_") ? PAT_NAME : PAT_WILD, @1);
		$$->s = $1;
	}
	| STRING		{ $$ = mkpat(ctx, PAT_STRING, @1); $$->s = $1; }
	| TRUE			{ $$ = mkpat(ctx, PAT_BOOL, @1); $$->b = true; }
	| FALSE			{ $$ = mkpat(ctx, PAT_BOOL, @1); $$->b = false; }
	;

dexpr:	  app			{ $$ = $1; }
	| dexpr DOLLAR app {
		$$ = mk(ctx, E_APP, @$);
		$$->fn = $1; $$->arg = $3; $$->b = true;
	}
	;

app:	  atom			{ $$ = $1; }
	| app atom {
		$$ = mk(ctx, E_APP, @$);
		$$->fn = $1; $$->arg = $2;
	}
	;

atom:	  IDENT			{ $$ = mk(ctx, E_NAME, @$); $$->s = $1; }
	| literal		{ $$ = $1; }
	| LPAREN expr RPAREN	{ $$ = $2; }
	| FOREIGN STRING tatom srcs_opt {
		$$ = mk(ctx, E_FOREIGN, @$);
		$$->s = $2; $$->s_at = S(@2); $$->te = $3;
		if ($4) {
			$$->sources = *$4;
			$$->b = true;
		}
	}
	;

srcs_opt: %empty		{ $$ = NULL; }
	| SOURCES LBRACK strlist RBRACK { $$ = $3; }
	;

strlist:  %empty		{ $$ = pv_new(ctx); }
	| STRING		{ $$ = pv_new(ctx); ptrvec_push(ctx->a, $$, (void *)$1); }
	| strlist COMMA STRING	{ $$ = $1; ptrvec_push(ctx->a, $$, (void *)$3); }
	;

%%

static bool is_decl_start(int tok)
{
	return tok == LET || tok == KEY || tok == REGISTER || tok == INTERFACE ||
	       tok == COMPONENT || tok == PLATFORM || tok == YYEOF;
}

/* "unexpected `]'; expected a name, a string or `('" */
static int yyreport_syntax_error(const yypcontext_t *pc, yyscan_t scanner,
				 parse_ctx *ctx)
{
	(void)scanner;
	enum { MAX = 6 };
	yysymbol_kind_t exp[MAX];
	int n = yypcontext_expected_tokens(pc, exp, MAX);
	yysymbol_kind_t got = yypcontext_token(pc);
	char msg[512];
	size_t len = 0;
	if (got == YYSYMBOL_YYEOF)
		len += (size_t)snprintf(msg, sizeof msg, "unexpected end of file");
	else
		len += (size_t)snprintf(msg, sizeof msg, "unexpected %s", yysymbol_name(got));
	if (n > 0 && n < MAX) {
		len += (size_t)snprintf(msg + len, sizeof msg - len, "; expected ");
		for (int i = 0; i < n && len < sizeof msg; i++)
			len += (size_t)snprintf(msg + len, sizeof msg - len, "%s%s",
						i == 0 ? "" : i == n - 1 ? " or " : ", ",
						exp[i] == YYSYMBOL_YYEOF ? "end of file" :
						yysymbol_name(exp[i]));
	}
	diag_error(ctx->dl, D_SYNTAX, L(ctx, *yypcontext_location(pc)), "%s", msg);
	return 0;
}
