/*
 * probe_pages.c - a limit probe for `make bench`: about the least work a
 * page-list replay needs, to measure vmscope's batch mode against.
 *
 * usage: probe_pages fifo|lru|clock|random FRAMES FILE
 *
 * Maps FILE and reads its decimal page numbers in place; each page has one
 * entry in a direct array (its frame, or -1); the frames sit on an
 * intrusive list in load order (fifo) or use order (lru), or on a circle
 * with reference bits (clock); random draws the victim with splitmix64
 * seeded 1, as vmscope does.  Prints the fault count, which must equal
 * vmscope's.  It checks nothing a benchmark input (genpages) cannot break.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rng.h"

enum policy { FIFO, LRU, CLOCK, RANDOM };

struct frames {
	unsigned n, used;
	uint64_t *page;             /* the page in each frame */
	unsigned *prev, *next;      /* a circle through the sentinel n; next[n] is the next victim */
	unsigned char *ref;         /* clock's reference bits */
	unsigned hand;
	uint64_t seed;
};

static void *
must(void *p)
{
	if (p == NULL) {
		perror("probe_pages");
		exit(1);
	}
	return p;
}

static void
list_append(struct frames *fr, unsigned f)
{
	unsigned last = fr->prev[fr->n];

	fr->prev[f] = last;
	fr->next[f] = fr->n;
	fr->next[last] = f;
	fr->prev[fr->n] = f;
}

static void
list_unlink(struct frames *fr, unsigned f)
{
	fr->next[fr->prev[f]] = fr->next[f];
	fr->prev[fr->next[f]] = fr->prev[f];
}

/* The frame a fault takes once every frame is used. */
static unsigned
victim(struct frames *fr, enum policy pol)
{
	unsigned f;

	switch (pol) {
	case CLOCK:
		while (fr->ref[fr->hand]) {
			fr->ref[fr->hand] = 0;
			fr->hand = (fr->hand + 1) % fr->n;
		}
		f = fr->hand;
		fr->hand = (fr->hand + 1) % fr->n;
		return f;
	case RANDOM:
		return (unsigned)(rng_next(&fr->seed) % fr->n);
	default:
		f = fr->next[fr->n];
		list_unlink(fr, f);
		return f;
	}
}

int
main(int argc, char **argv)
{
	static const char *const names[] = { "fifo", "lru", "clock", "random" };
	struct frames fr = { .seed = 1 };
	enum policy pol = FIFO;
	int32_t *frame_of = NULL;   /* by page: its frame, or -1 */
	uint64_t cap = 0, faults = 0;
	const char *p, *end;
	struct stat st;
	int fd;

	while (argc == 4 && pol <= RANDOM && strcmp(argv[1], names[pol]) != 0)
		pol++;
	if (argc != 4 || pol > RANDOM || (fr.n = (unsigned)atoi(argv[2])) == 0) {
		fprintf(stderr, "usage: probe_pages fifo|lru|clock|random FRAMES FILE\n");
		return 2;
	}
	fd = open(argv[3], O_RDONLY);
	if (fd < 0 || fstat(fd, &st) != 0) {
		perror(argv[3]);
		return 1;
	}
	p = st.st_size ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : "";
	if (p == MAP_FAILED) {
		perror(argv[3]);
		return 1;
	}
	end = p + st.st_size;
	fr.page = must(calloc(fr.n, sizeof *fr.page));
	fr.prev = must(calloc(fr.n + 1, sizeof *fr.prev));
	fr.next = must(calloc(fr.n + 1, sizeof *fr.next));
	fr.prev[fr.n] = fr.next[fr.n] = fr.n;
	fr.ref = must(calloc(fr.n, 1));
	for (;;) {
		uint64_t page = 0;
		unsigned f;

		while (p < end && (unsigned)(*p - '0') > 9)
			p++;
		if (p == end)
			break;
		while (p < end && (unsigned)(*p - '0') <= 9)
			page = page * 10 + (unsigned)(*p++ - '0');
		if (page >= cap) {
			uint64_t grown = page * 2 + 1024;

			frame_of = must(realloc(frame_of, grown * sizeof *frame_of));
			memset(frame_of + cap, 0xff, (grown - cap) * sizeof *frame_of);
			cap = grown;
		}
		if (frame_of[page] >= 0) {
			f = (unsigned)frame_of[page];
			fr.ref[f] = 1;
			if (pol == LRU) {
				list_unlink(&fr, f);
				list_append(&fr, f);
			}
			continue;
		}
		faults++;
		if (fr.used < fr.n)
			f = fr.used++;
		else {
			f = victim(&fr, pol);
			frame_of[fr.page[f]] = -1;
		}
		fr.page[f] = page;
		fr.ref[f] = 1;
		frame_of[page] = (int32_t)f;
		if (pol == FIFO || pol == LRU)
			list_append(&fr, f);
	}
	printf("faults %" PRIu64 "\n", faults);
	return 0;
}
