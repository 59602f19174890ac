/* suggest.h - "did you mean" by edit distance. */
#ifndef SUGGEST_H
#define SUGGEST_H

/* Optimal string alignment distance (Levenshtein plus transpositions). */
int edit_distance(const char *a, const char *b);

/* Collects candidates and keeps the closest one within a threshold that
 * grows with the name's length (a third of it, at least 1, at most 3). */
typedef struct suggester {
	const char *name;
	const char *best;
	int best_dist;
} suggester;

void suggest_init(suggester *s, const char *name);
void suggest_add(suggester *s, const char *candidate);
/* NULL when nothing is close enough. */
const char *suggest_best(const suggester *s);

#endif
