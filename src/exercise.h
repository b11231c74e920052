/*
 * exercise.h - seeded paging exercises with worked answers.
 *
 * An exercise is a problem (lines of text) and its questions, each with
 * the right answer and the reason for it.  It is made from a kind, a seed
 * and the machine parameters the kind uses: whatever parameter was not
 * given is drawn from the seed first, then the problem is drawn from the
 * seed and those parameters, with the project's own generator (rng.h), so
 * the same kind, seed and parameters give the same problem on every
 * machine.  An answer sheet (exercise_write_sheet) records all of them, so
 * grading a sheet (grade.h) makes the very same exercise again.
 *
 * Answers come from the engine where the simulator has the answer (a
 * translation, a TLB hit, a policy's victim: the kind runs the operations
 * through engine_apply and reads the events); kinds about arithmetic the
 * simulator does not do (effective access time) say their rule in the
 * problem.
 */
#ifndef VMSCOPE_EXERCISE_H
#define VMSCOPE_EXERCISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "machine.h"

/* The parameters an exercise can be given; a kind uses some of them. */
enum ex_param {
	EXP_PAGE_SIZE, EXP_VA_BITS, EXP_LEVELS, EXP_PTE_BYTES, EXP_FRAMES, EXP_TLB, EXP_POLICY,
	EXP_TAU, EXP_TICK, EXP_PAGES, EXP_SNAPSHOT, EXP_COUNT
};
#define EXP_BIT(p) (1u << (p))

#define EX_REFS_MAX 40          /* references in a page list */
#define EX_SNAPSHOT_MAX 8       /* pages in a snapshot */
#define EX_SNAPSHOT_PAGE_MAX 255
#define EX_SNAPSHOT_STEP_MAX 9999

/* One row of a snapshot's table (the kind "snapshot"). */
struct ex_snapshot_page {
	unsigned page, loaded, last_used;       /* steps: loaded <= last_used */
	bool r, m;                              /* referenced, modified (dirty) */
};

struct ex_params {
	uint64_t seed;
	unsigned page_size, va_bits, levels, pte_bytes, frames, tlb, tau, tick;
	int policy;                     /* index into the policy table */
	unsigned nrefs;
	uint64_t refs[EX_REFS_MAX];     /* EXP_PAGES: page numbers */
	unsigned nsnapshot;
	struct ex_snapshot_page snapshot[EX_SNAPSHOT_MAX];     /* EXP_SNAPSHOT */
	unsigned given;                 /* EXP_BIT()s of those set by the user */
};

/* How a wrong value is wrong: the note shown when a student answers `value`. */
struct ex_note {
	char value[16];
	char text[96];
};

#define EX_NOTES_MAX 8

struct ex_question {
	char id[40];            /* the sheet's key: "3 victim", "0x3a7f vpn" */
	char answer[80];        /* the right answer, as the sheet writes it */
	char reason[400];       /* why, in one line */
	double tolerance;       /* numbers within this are right; 0: exact */
	unsigned nnotes;
	struct ex_note notes[EX_NOTES_MAX];
};

struct ex_kind;

struct exercise {
	const struct ex_kind *kind;
	struct ex_params p;
	char **lines;           /* the problem */
	size_t nlines, lines_cap;
	struct ex_question *q;
	size_t nq, q_cap;
};

/* The kinds, for messages and --help (a test holds it to the table). */
#define EX_KINDS "bits, split, translate, multilevel, tlb, eat, policy, working-set, " \
	"snapshot, cow"
#define EX_COUNT_MAX 1000       /* --count */

/* The kind called name, or NULL. */
const struct ex_kind *ex_kind_find(const char *name);
const char *ex_kind_name(const struct ex_kind *k);
/* The kind at index i (0 ..), or NULL past the last. */
const struct ex_kind *ex_kind_at(size_t i);
/* Which parameters (EXP_BIT()s) the kind reads; the others are refused. */
unsigned ex_kind_params(const struct ex_kind *k);
/* The option or sheet key of a parameter ("page-size"). */
const char *ex_param_name(enum ex_param p);

/* Parameters with nothing given: seed 1. */
void ex_params_init(struct ex_params *p);

/*
 * Reads a page list "7,0,1,2" (blanks allowed) into p->refs.  Returns 0,
 * or -1 with a message naming the item that is wrong.
 */
int ex_params_read_pages(struct ex_params *p, const char *list, char *err, size_t size);

/*
 * Reads a snapshot "PAGE:LOADED:LAST:R:M,..." ("0:126:280:1:0,1:230:265:0:1")
 * into p->snapshot: 2 to EX_SNAPSHOT_MAX different pages, each loaded at a
 * step no later than its last use, no two events at one step.  Returns 0,
 * or -1 with a message naming the item that is wrong.
 */
int ex_params_read_snapshot(struct ex_params *p, const char *text, char *err, size_t size);
/* The snapshot of p as ex_params_read_snapshot reads it. */
void ex_snapshot_text(const struct ex_params *p, char *buf, size_t size);

/*
 * Makes the exercise of kind k from p (what is not given is drawn from
 * p->seed).  Returns 0, or -1 with a message if the given parameters do
 * not make a machine or a problem of this kind (ex is then empty).
 */
int exercise_make(struct exercise *ex, const struct ex_kind *k, const struct ex_params *p,
		  char *err, size_t size);
void exercise_free(struct exercise *ex);

/* The question with this id, or NULL. */
const struct ex_question *exercise_question(const struct exercise *ex, const char *id);

/* The problem as a person reads it, its questions each followed by "?". */
void exercise_write_problem(const struct exercise *ex, FILE *out);

/*
 * The answer sheet: a header naming kind, seed and parameters, the problem
 * as '#' comments, then one "ID:" line per question, filled in with the
 * answer and followed by its reason as a comment when `answers` is true.
 */
void exercise_write_sheet(const struct exercise *ex, bool answers, FILE *out);

/* Appends the exercise (parameters, problem, answers, reasons) to a JSON array. */
struct cJSON;
void exercise_to_json(const struct exercise *ex, struct cJSON *array);

enum ex_output { EX_PROBLEM, EX_ANSWERS, EX_BLANK, EX_JSON };

/*
 * Prints `count` exercises of kind k, with seeds p->seed, p->seed + 1, ...
 * (a blank line between two), as problems, answer sheets or one JSON
 * document {"exercises": [...]}.  Returns 0, or -1 with a message.
 */
int exercise_print(const struct ex_kind *k, const struct ex_params *p, unsigned count,
		   enum ex_output how, FILE *out, char *err, size_t size);

/* ---- for the kinds (exercise_*.c) --------------------------------------- */

struct ex_kind {
	const char *name;
	const char *summary;
	unsigned params;        /* EXP_BIT()s it reads */
	/* Draws the parameters it reads that were not given. */
	void (*draw)(struct ex_params *p, uint64_t *rng);
	/* Fills in problem and questions; -1 with a message if p cannot be one. */
	int (*build)(struct exercise *ex, uint64_t *rng, char *err, size_t size);
	/*
	 * Optional (NULL: all it reads): the parameters its sheet and JSON
	 * state, those that decide this problem's answers.
	 */
	unsigned (*states)(const struct ex_params *p);
};

extern const struct ex_kind ex_bits, ex_split, ex_translate, ex_multilevel, ex_tlb, ex_eat,
	ex_policy, ex_working_set, ex_snapshot, ex_cow;

/* A number below n drawn from rng (n > 0). */
unsigned ex_draw(uint64_t *rng, unsigned n);
/* A number of `bits` bits (1..64), drawn. */
uint64_t ex_draw_bits(uint64_t *rng, unsigned bits);
/* One of choices[0..n), drawn. */
unsigned ex_pick(uint64_t *rng, const unsigned *choices, unsigned n);

/* Draws a reference string of pages below `pages`, with some reuse, into p. */
void ex_draw_references(struct ex_params *p, uint64_t *rng, unsigned pages);

/* "7 0 1 2": the reference string of p, for the problem. */
void ex_refs_text(const struct ex_params *p, char *buf, size_t size);

/* Adds a line to the problem. */
void ex_say(struct exercise *ex, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Adds a question; returns it for notes and tolerance. */
struct ex_question *ex_ask(struct exercise *ex, const char *id, const char *answer,
			   const char *reason);
/* Records why answering `value` is wrong. */
void ex_note(struct ex_question *q, const char *value, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The machine settings of p, the rest default; the whole space fits in memory. */
void ex_machine_config(const struct ex_params *p, struct machine_config *cfg);
/* A flat machine (machine_new_flat) on those settings; NULL with a message. */
struct machine *ex_machine(const struct ex_params *p, char *err, size_t size);

struct event_list;
/*
 * Runs a read of addr (pid 0: the current process) through the engine,
 * its events into *ev.  Returns 0, or -1 with the engine's message.
 */
int ex_read(struct machine *m, int pid, uint64_t addr, struct event_list *ev,
	    char *err, size_t size);
/* The first event of this kind in ev, or NULL. */
const struct event *ex_event(const struct event_list *ev, int kind);

#endif
