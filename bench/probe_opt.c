/*
 * probe_opt.c - a limit probe for `make bench`: about the least work an
 * OPT (Belady's MIN) replay of a page list needs, to measure vmscope's
 * batch mode against.
 *
 * usage: probe_opt FRAMES FILE
 *
 * Maps FILE and reads its decimal page numbers in place into one array;
 * one backward pass with a direct array per page ("the access that uses
 * it next") turns it into next uses; then each access looks its page up
 * in a direct array, and a fault with every frame used scans the frames
 * for the next use furthest ahead (ties, among pages never used again,
 * to the page loaded earliest, as vmscope).  Prints the fault count,
 * which must equal vmscope's.  It checks nothing a benchmark input
 * (genpages) cannot break; pages must be below 2^32.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NEVER UINT32_MAX

static void *
must(void *p)
{
	if (p == NULL) {
		perror("probe_opt");
		exit(1);
	}
	return p;
}

/* The page numbers of [p, end), parsed in place; *n of them, *top the largest + 1. */
static uint32_t *
read_pages(const char *p, const char *end, size_t *n, uint32_t *top)
{
	size_t cap = 1 << 16;
	uint32_t *pages = must(malloc(cap * sizeof *pages));

	*n = 0;
	*top = 0;
	for (;;) {
		uint32_t page = 0;

		while (p < end && (unsigned)(*p - '0') > 9)
			p++;
		if (p == end)
			return pages;
		while (p < end && (unsigned)(*p - '0') <= 9)
			page = page * 10 + (unsigned)(*p++ - '0');
		if (*n == cap)
			pages = must(realloc(pages, (cap *= 2) * sizeof *pages));
		pages[(*n)++] = page;
		if (page >= *top)
			*top = page + 1;
	}
}

/* next[i]: the access after i to the same page, or NEVER; in one backward pass. */
static uint32_t *
next_uses(const uint32_t *pages, size_t n, uint32_t top)
{
	uint32_t *next = must(malloc((n ? n : 1) * sizeof *next));
	uint32_t *seen = must(malloc((top ? top : 1) * sizeof *seen));

	memset(seen, 0xff, (size_t)top * sizeof *seen);
	for (size_t i = n; i-- > 0;) {
		next[i] = seen[pages[i]];
		seen[pages[i]] = (uint32_t)i;
	}
	free(seen);
	return next;
}

int
main(int argc, char **argv)
{
	unsigned nframes, used = 0;
	uint32_t *pages, *next, *frame_page, *frame_next, *frame_loaded, top;
	int32_t *frame_of;
	uint64_t faults = 0;
	const char *p;
	struct stat st;
	size_t n;
	int fd;

	if (argc != 3 || (nframes = (unsigned)atoi(argv[1])) == 0) {
		fprintf(stderr, "usage: probe_opt FRAMES FILE\n");
		return 2;
	}
	fd = open(argv[2], O_RDONLY);
	if (fd < 0 || fstat(fd, &st) != 0) {
		perror(argv[2]);
		return 1;
	}
	p = st.st_size ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : "";
	if (p == MAP_FAILED) {
		perror(argv[2]);
		return 1;
	}
	pages = read_pages(p, p + st.st_size, &n, &top);
	next = next_uses(pages, n, top);
	frame_of = must(malloc((top ? top : 1) * sizeof *frame_of));
	memset(frame_of, 0xff, (size_t)top * sizeof *frame_of);
	frame_page = must(calloc(nframes, sizeof *frame_page));
	frame_next = must(calloc(nframes, sizeof *frame_next));
	frame_loaded = must(calloc(nframes, sizeof *frame_loaded));
	for (size_t i = 0; i < n; i++) {
		uint32_t page = pages[i];
		unsigned f;

		if (frame_of[page] >= 0) {
			frame_next[frame_of[page]] = next[i];
			continue;
		}
		faults++;
		if (used < nframes) {
			f = used++;
		} else {
			f = 0;
			for (unsigned g = 1; g < nframes; g++)
				if (frame_next[g] > frame_next[f] ||
				    (frame_next[g] == frame_next[f] &&
				     frame_loaded[g] < frame_loaded[f]))
					f = g;
			frame_of[frame_page[f]] = -1;
		}
		frame_page[f] = page;
		frame_next[f] = next[i];
		frame_loaded[f] = (uint32_t)i;
		frame_of[page] = (int32_t)f;
	}
	printf("faults %" PRIu64 "\n", faults);
	return 0;
}
