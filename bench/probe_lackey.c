/*
 * probe_lackey.c - a limit probe for `make bench`: about the least work
 * replaying a valgrind lackey trace needs, to measure vmscope against.
 *
 * usage: probe_lackey FRAMES FILE
 *
 * Maps FILE and parses its lines in place: "==PID==" lines are skipped;
 * "I", "L", "S" and "M" lines touch each 4 KiB page their bytes span (M
 * reads, then writes).  The resident pages sit in a small open-addressing
 * hash (page -> frame, linear probing, deletion by backward shift), the
 * frames on an intrusive LRU list; a dirty victim counts a write-back.
 * Prints the access, fault and write-back counts, which must equal
 * vmscope's.  It checks nothing a real lackey trace cannot break.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PAGE_BITS 12

struct memory {
	unsigned n, used;
	uint64_t *page;             /* by frame */
	bool *dirty;
	unsigned *prev, *next;      /* LRU circle through the sentinel n; next[n] is the victim */
	uint64_t *key;              /* the hash: page + 1, 0 for an empty cell */
	unsigned *val;
	unsigned mask;
	uint64_t accesses, faults, writebacks;
};

static void *
must(void *p)
{
	if (p == NULL) {
		perror("probe_lackey");
		exit(1);
	}
	return p;
}

static unsigned
hash_home(const struct memory *m, uint64_t page)
{
	return (unsigned)((page * 0x9e3779b97f4a7c15ull) >> 40) & m->mask;
}

/* The cell holding page, or the empty cell where it would go. */
static unsigned
hash_cell(const struct memory *m, uint64_t page)
{
	unsigned i = hash_home(m, page);

	while (m->key[i] && m->key[i] != page + 1)
		i = (i + 1) & m->mask;
	return i;
}

static void
hash_delete(struct memory *m, uint64_t page)
{
	unsigned hole = hash_cell(m, page), i = hole;

	for (;;) {
		unsigned home;

		i = (i + 1) & m->mask;
		if (!m->key[i])
			break;
		home = hash_home(m, m->key[i] - 1);
		/* Move i into the hole unless its home lies cyclically in (hole, i]. */
		if (((i - home) & m->mask) >= ((i - hole) & m->mask)) {
			m->key[hole] = m->key[i];
			m->val[hole] = m->val[i];
			hole = i;
		}
	}
	m->key[hole] = 0;
}

static void
lru_append(struct memory *m, unsigned f)
{
	unsigned last = m->prev[m->n];

	m->prev[f] = last;
	m->next[f] = m->n;
	m->next[last] = f;
	m->prev[m->n] = f;
}

static void
lru_unlink(struct memory *m, unsigned f)
{
	m->next[m->prev[f]] = m->next[f];
	m->prev[m->next[f]] = m->prev[f];
}

static void
touch(struct memory *m, uint64_t page, bool write)
{
	unsigned cell = hash_cell(m, page), f;

	m->accesses++;
	if (m->key[cell]) {
		f = m->val[cell];
		lru_unlink(m, f);
	} else {
		m->faults++;
		if (m->used < m->n)
			f = m->used++;
		else {
			f = m->next[m->n];
			lru_unlink(m, f);
			m->writebacks += m->dirty[f];
			hash_delete(m, m->page[f]);
			cell = hash_cell(m, page);
		}
		m->key[cell] = page + 1;
		m->val[cell] = f;
		m->page[f] = page;
		m->dirty[f] = false;
	}
	m->dirty[f] |= write;
	lru_append(m, f);
}

static unsigned
hex_digit(char c)
{
	if ((unsigned)(c - '0') <= 9)
		return (unsigned)(c - '0');
	return (unsigned)((c | 0x20) - 'a' + 10);
}

int
main(int argc, char **argv)
{
	struct memory m = { 0 };
	const char *p, *end;
	struct stat st;
	unsigned cells = 4;
	int fd;

	if (argc != 3 || (m.n = (unsigned)atoi(argv[1])) == 0) {
		fprintf(stderr, "usage: probe_lackey FRAMES FILE\n");
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
	end = p + st.st_size;
	while (cells < 2 * m.n)
		cells *= 2;
	m.mask = cells - 1;
	m.key = must(calloc(cells, sizeof *m.key));
	m.val = must(calloc(cells, sizeof *m.val));
	m.page = must(calloc(m.n, sizeof *m.page));
	m.dirty = must(calloc(m.n, sizeof *m.dirty));
	m.prev = must(calloc(m.n + 1, sizeof *m.prev));
	m.next = must(calloc(m.n + 1, sizeof *m.next));
	m.prev[m.n] = m.next[m.n] = m.n;
	while (p < end) {
		uint64_t addr = 0, bytes = 0, first, last, page;
		char kind;

		while (p < end && *p == ' ')
			p++;
		kind = p < end ? *p++ : '=';
		if (kind == 'I' || kind == 'L' || kind == 'S' || kind == 'M') {
			while (*p == ' ')
				p++;
			while (*p != ',')
				addr = addr << 4 | hex_digit(*p++);
			for (p++; (unsigned)(*p - '0') <= 9; p++)
				bytes = bytes * 10 + (unsigned)(*p - '0');
			first = addr >> PAGE_BITS;
			last = (addr + bytes - 1) >> PAGE_BITS;
			for (page = first; page <= last; page++)
				touch(&m, page, kind == 'S');
			for (page = first; kind == 'M' && page <= last; page++)
				touch(&m, page, true);
		}
		while (p < end && *p++ != '\n')
			continue;
	}
	printf("accesses %" PRIu64 " faults %" PRIu64 " writebacks %" PRIu64 "\n",
	       m.accesses, m.faults, m.writebacks);
	return 0;
}
