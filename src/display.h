/*
 * display.h - what a session asks the screen to show, beyond the machine:
 * the frames-by-time table, the thrashing view, the working-set marks,
 * the page-table tree, and the comparison of policies it opens in.
 * Hints only: the machine and its events never depend on them.
 *
 * In a session file: "display": {"table": true, "thrash": true,
 * "working_sets": true, "tree": true, "compare": ["opt", "lru"]}.
 */
#ifndef VMSCOPE_DISPLAY_H
#define VMSCOPE_DISPLAY_H

#include <stdbool.h>

#define DISPLAY_COMPARE_MIN 2           /* policies a comparison shows */
#define DISPLAY_COMPARE_MAX 4

struct display {
	bool table;                 /* the frames-by-time table is on screen */
	bool thrash;                /* the thrashing view is on screen */
	bool working_sets;          /* the pages of each working set are marked */
	bool tree;                  /* the page-table panel shows the whole tree */
	unsigned ncompare;          /* 0, or DISPLAY_COMPARE_MIN..DISPLAY_COMPARE_MAX: open in */
	int compare[DISPLAY_COMPARE_MAX];   /* the comparison of these policies */
};

struct json_reader;
struct cJSON;

/*
 * Reads the "display" object v at path into *d, reporting every problem
 * by its JSON path ("display.compare[1]: \"lfu2\" is not a policy; ...").
 */
void display_read(struct json_reader *r, const struct cJSON *v, const char *path,
		  struct display *d);

/* Adds "display" to a session document, only if a hint is set. */
void display_write(struct cJSON *doc, const struct display *d);

/*
 * Reads a list of policies ("opt,lru,fifo"): DISPLAY_COMPARE_MIN to DISPLAY_COMPARE_MAX
 * names, each a policy, none twice.  Returns how many, or 0 with why.
 */
unsigned display_parse_policies(const char *list, int *out, char *err, size_t size);

#endif
