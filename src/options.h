/*
 * options.h - the command line: what vmscope was asked to do, read with
 * getopt_long from one table that also writes --help.
 */
#ifndef VMSCOPE_OPTIONS_H
#define VMSCOPE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "compare.h"
#include "exercise.h"
#include "machine.h"
#include "trace.h"

enum run_mode {
	RUN_UI,             /* the default */
	RUN_BATCH,          /* --batch */
	RUN_CHECK,          /* --check FILE... */
	RUN_LIST_LESSONS,   /* --list-lessons */
	RUN_EXERCISE,       /* --exercise KIND */
	RUN_GRADE,          /* --grade FILE */
	RUN_EXPORT,         /* --export md|txt|svg FILE */
	RUN_HELP,           /* --help */
	RUN_VERSION,        /* --version */
};

struct options {
	enum run_mode mode;
	bool ascii, no_color, projector, quiz;  /* UI */
	bool json, quiet, events;               /* batch */
	const char *compare;                    /* --compare LIST */
	const char *sweep;                      /* --sweep-frames FIRST-LAST */
	struct compare_plan plan;               /* what those two ask for (for a
						 * session, frames_first is 0 without
						 * --sweep-frames: the session's own) */
	const char *session;                    /* FILE.json */
	const char *lesson;                     /* --lesson NAME */
	const char *pages;                      /* --pages LIST */
	const char *script;                     /* --script FILE */
	const char *trace;                      /* --trace FILE */
	enum trace_format trace_format;         /* --trace-format, default pages */
	struct machine_config cfg;              /* defaults plus machine options */
	bool machine_given;                     /* any machine option was given */
	const char *exercise;                   /* --exercise KIND */
	bool answers, blank;                    /* --answers, --blank */
	unsigned count;                         /* --count, default 1 */
	const char *snapshot;                   /* --snapshot TABLE */
	const char *export_format;              /* --export FMT (gift, md, txt, svg) */
	const char *export_file;                /* its FILE: the word after FMT */
	const struct ex_kind *kind;             /* the exercise's kind */
	struct ex_params ex;                    /* its parameters, as given */
	const char *grade;                      /* --grade FILE */
	char **files;                           /* --check: the files (argv's) */
	int nfiles;
	uint64_t given;                         /* which options were given */
};

/*
 * Reads argv into *o, applies the machine defaults and growth rules (a
 * page list or a trace without --va-bits grows the address space; without
 * --swap-slots, swap) and checks that the options make sense together.
 * Returns 0, or -1 with a one-line message in err: a usage error, for
 * which the caller adds the --help hint and exits 2.
 */
int options_parse(int argc, char **argv, struct options *o, char *err, size_t size);

/* Writes --help: every option, grouped, GNU style, with examples. */
void options_help(FILE *out);

/* Whether operations come from --pages, --script or --trace. */
bool options_have_ops(const struct options *o);

/*
 * Opens the source of operations (--pages, --script or --trace).  Returns
 * NULL with a message if its file cannot be opened.
 */
struct trace *options_open_ops(const struct options *o, char *err, size_t size);

/*
 * A title for a session of queued operations (options_have_ops): "pages
 * 1,2,3,..." (cut to fit), or the script's or trace's file name.
 */
void options_title(const struct options *o, char *buf, size_t size);

/*
 * The machine those operations run on: process 1 ("app") with its whole
 * address space mapped rw (rwx for a lackey trace, which executes).
 */
struct machine *options_machine(const struct options *o);

#endif
