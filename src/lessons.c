/*
 * lessons.c - finding, ordering and listing the lessons (see lessons.h).
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "lessons.h"
#include "session.h"
#include "xalloc.h"

#ifndef SRCDATADIR
#define SRCDATADIR "data"
#endif
#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/vmscope"
#endif

#define SUFFIX ".json"
#define TITLE_FILE_MAX (1u << 20)   /* a lesson larger than this shows no title */

struct lesson {
	char *stem;                 /* file name without ".json" */
	unsigned long number;       /* its leading number */
	bool numbered;
};

struct shelf {
	char *dir;
	struct lesson *v;
	size_t n;
};

static int
by_number(const void *a, const void *b)
{
	const struct lesson *x = a, *y = b;

	if (x->numbered != y->numbered)
		return x->numbered ? -1 : 1;
	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return strcmp(x->stem, y->stem);
}

static void
add_lesson(struct shelf *sh, const char *file)
{
	size_t len = strlen(file), n = strlen(SUFFIX);
	struct lesson *l;

	if (len <= n || strcmp(file + len - n, SUFFIX) != 0 || file[0] == '.')
		return;
	sh->v = xrealloc(sh->v, sh->n + 1, sizeof *sh->v);
	l = &sh->v[sh->n++];
	l->stem = xmemdup(file, len - n + 1);
	l->stem[len - n] = '\0';
	l->numbered = isdigit((unsigned char)file[0]) != 0;
	l->number = l->numbered ? strtoul(file, NULL, 10) : 0;
}

/* The lessons in dir, sorted; 0 if there is at least one. */
static int
shelf_scan(struct shelf *sh, const char *dir)
{
	struct dirent *e;
	DIR *d;

	memset(sh, 0, sizeof *sh);
	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		add_lesson(sh, e->d_name);
	closedir(d);
	sh->dir = xstrdup(dir);
	if (sh->n)
		qsort(sh->v, sh->n, sizeof *sh->v, by_number);
	return sh->n ? 0 : -1;
}

static void
shelf_free(struct shelf *sh)
{
	size_t i;

	for (i = 0; i < sh->n; i++)
		free(sh->v[i].stem);
	free(sh->v);
	free(sh->dir);
	memset(sh, 0, sizeof *sh);
}

/*
 * The library: the first of these folders that holds lessons.
 * $VMSCOPE_DATADIR wins; then the installed data; last the source tree
 * vmscope was built from, so a freshly built src/vmscope finds them too.
 */
static int
shelf_open(struct shelf *sh)
{
	const char *env = getenv("VMSCOPE_DATADIR");
	const char *const places[] = { env && *env ? env : NULL, PKGDATADIR, SRCDATADIR };

	for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
		char *dir;
		int rc;

		if (!places[i])
			continue;
		dir = xmalloc(strlen(places[i]) + sizeof "/lessons");
		strcpy(dir, places[i]);
		strcat(dir, "/lessons");
		rc = shelf_scan(sh, dir);
		free(dir);
		if (rc == 0)
			return 0;
		shelf_free(sh);
	}
	return -1;
}

static int
path_of(const struct shelf *sh, const struct lesson *l, char *path, size_t size)
{
	int n = snprintf(path, size, "%s/%s%s", sh->dir, l->stem, SUFFIX);

	return n >= 0 && (size_t)n < size ? 0 : -1;
}

/* "01-two-apps" answers to itself, to "two-apps" and to "1". */
static bool
answers_to(const struct lesson *l, const char *name)
{
	const char *rest = l->stem;
	char *end;

	if (strcmp(l->stem, name) == 0)
		return true;
	if (!l->numbered)
		return false;
	while (isdigit((unsigned char)*rest))
		rest++;
	if (*rest == '-' && strcmp(rest + 1, name) == 0)
		return true;
	return isdigit((unsigned char)*name) && strtoul(name, &end, 10) == l->number &&
	    *end == '\0';
}

int
lesson_find(const char *name, char *path, size_t size)
{
	struct shelf sh;
	size_t i;
	int rc = -1;

	if (shelf_open(&sh) < 0)
		return -1;
	for (i = 0; i < sh.n && rc < 0; i++)
		if (answers_to(&sh.v[i], name))
			rc = path_of(&sh, &sh.v[i], path, size);
	shelf_free(&sh);
	return rc;
}

int
lesson_first(char *path, size_t size)
{
	struct shelf sh;
	int rc;

	if (shelf_open(&sh) < 0)
		return -1;
	rc = path_of(&sh, &sh.v[0], path, size);
	shelf_free(&sh);
	return rc;
}

/* The lesson's title, or a note saying why there is none; the caller frees it. */
static char *
title_of(const char *path)
{
	struct json_reader quiet = { NULL, NULL, 0, false };
	const char *title = NULL;
	struct cJSON *doc = NULL;
	char *buf = xmalloc(TITLE_FILE_MAX), *out, why[128];
	int fd = session_open(path, why, sizeof why);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	size_t len;

	if (f) {
		len = fread(buf, 1, TITLE_FILE_MAX, f);
		fclose(f);
		doc = json_parse(&quiet, buf, len);
	} else if (fd >= 0)
		close(fd);
	if (doc)
		json_get_string(&quiet, doc, "", "title", JSON_OPTIONAL, 200, &title);
	out = xstrdup(title ? title : doc ? "(no title)" : "(not a readable lesson)");
	json_free(doc);
	free(buf);
	return out;
}

void
lessons_list(FILE *out)
{
	char path[4096], *title;
	struct shelf sh;
	size_t i, width = 0;

	if (shelf_open(&sh) < 0) {
		fprintf(out, "no lessons found in $VMSCOPE_DATADIR/lessons, %s/lessons "
		    "or %s/lessons\n", PKGDATADIR, SRCDATADIR);
		return;
	}
	for (i = 0; i < sh.n; i++)
		if (strlen(sh.v[i].stem) > width)
			width = strlen(sh.v[i].stem);
	for (i = 0; i < sh.n; i++) {
		title = path_of(&sh, &sh.v[i], path, sizeof path) == 0 ?
		    title_of(path) : xstrdup("(path too long)");
		fprintf(out, "%-*s  %s\n", (int)width, sh.v[i].stem, title);
		free(title);
	}
	shelf_free(&sh);
}
