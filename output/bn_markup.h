/* Escaping text for HTML and XML (the report page, GEXF, and the HTML
 * fields of the dashboard formats). */
#ifndef BN_MARKUP_H
#define BN_MARKUP_H

#include <stdio.h>

/* Writes s with & < > " ' escaped; returns -1 on a write error. */
int bn_markup_put(FILE *f, const char *s);

/* The same into a new string (malloc; NULL when out of memory). */
char *bn_markup_escape(const char *s);

#endif
