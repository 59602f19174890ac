/* parse.c - runs the reentrant scanner and the pure parser on one file. */
#include "parse.h"

#include <stdlib.h>
#include "parser.h"

typedef void *yyscan_t;
int mcc_yylex_init_extra(parse_ctx *extra, yyscan_t *scanner);
int mcc_yylex_destroy(yyscan_t scanner);

ast_file *parse_file(arena *a, diag_list *dl, int file)
{
	src_file *f = src_get(dl->src, file);
	parse_ctx ctx = { .a = a, .dl = dl, .file = file, .text = f->text,
			  .len = f->len, .line = 1, .col = 1,
			  .off = f->base, .last_pos = f->base };
	ctx.out = arena_alloc(a, sizeof *ctx.out);
	ctx.out->file = file;
	yyscan_t scanner;
	if (mcc_yylex_init_extra(&ctx, &scanner))
		abort();
	yyparse(scanner, &ctx);
	mcc_yylex_destroy(scanner);
	free(ctx.buf);
	free(ctx.idents);
	return ctx.out;
}
