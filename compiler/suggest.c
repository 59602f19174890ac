/* suggest.c - see suggest.h. */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

int edit_distance(const char *a, const char *b)
{
	int n = (int)strlen(a), m = (int)strlen(b);
	if (n > 64 || m > 64)	/* names that long are never typos of each other */
		return abs(n - m) + 64;
	int d[65][65];
	for (int i = 0; i <= n; i++)
		d[i][0] = i;
	for (int j = 0; j <= m; j++)
		d[0][j] = j;
	for (int i = 1; i <= n; i++) {
		for (int j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[n][m];
}

void suggest_init(suggester *s, const char *name)
{
	s->name = name;
	s->best = NULL;
	s->best_dist = 1 << 30;
}

void suggest_add(suggester *s, const char *candidate)
{
	if (!strcmp(candidate, s->name))
		return;
	int d = edit_distance(s->name, candidate);
	/* Ties go to the alphabetically first name, so output is stable
	 * whatever order the candidates come in. */
	if (d < s->best_dist || (d == s->best_dist && s->best &&
				 strcmp(candidate, s->best) < 0)) {
		s->best = candidate;
		s->best_dist = d;
	}
}

const char *suggest_best(const suggester *s)
{
	int len = (int)strlen(s->name);
	int limit = len / 3;
	if (limit < 1)
		limit = 1;
	if (limit > 3)
		limit = 3;
	return s->best && s->best_dist <= limit ? s->best : NULL;
}
