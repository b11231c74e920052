/*
 * batch.c - the batch runner and its two printers, text and JSON.
 *
 * The runner applies operations one at a time and hands each access's
 * events to the printer, which boils them down to one row (summarize)
 * and prints it at once.  The text printer formats rows by hand into a
 * line buffer (a million rows must cost little more than the engine
 * does); the JSON printer writes each row with cJSON_PrintUnformatted
 * between brackets of its own, so the document streams.  With --quiet no
 * row is even summarized: only the machine's statistics are printed, and
 * accesses are gathered (a trace's read in runs, trace_next_accesses) and
 * handed to the engine hundreds at a time.
 * With --events each event of every operation is printed instead of the
 * rows: its step, its label and event_explain()'s line, the UI's words.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "batch.h"
#include "cgroup.h"
#include "engine.h"
#include "future.h"
#include "json.h"
#include "number.h"
#include "op_queue.h"
#include "plural.h"
#include "policy.h"
#include "session.h"
#include "xalloc.h"

enum tlb_result { TLB_OFF, TLB_HIT, TLB_MISS };
enum access_result { RES_HIT, RES_FAULT, RES_SEGFAULT, RES_PROTECTION, RES_OOM, RES_OOM_KILL };

static const char *const tlb_words[] = { "off", "hit", "miss" };
static const char *const result_words[] = {
	"hit", "fault", "segfault", "protection", "oom", "oom-kill",
};

/* What one access came to, from its events. */
struct row {
	uint64_t step, vaddr, vpn, paddr, victim_vpn;
	int pid, frame, victim_pid;         /* frame NO_FRAME, victim_pid 0: none */
	char op;
	enum tlb_result tlb;
	enum access_result result;
	bool writeback;
};

struct run;

struct printer {
	void (*begin)(struct run *);
	void (*access)(struct run *, const struct row *);
	void (*event)(struct run *, const struct event *);
	void (*end)(struct run *);
};

/* How many accesses --quiet gathers to hand the engine in one call. */
#define GATHER_MAX 256

struct run {
	struct machine *m;
	const struct batch_options *opt;
	const struct printer *pr;
	FILE *out;
	uint64_t rows;                      /* accesses or events printed so far */
	struct event_list ev;
	const char *error;                  /* why the run stopped early, or NULL */
	struct op_access gathered[GATHER_MAX];  /* --quiet: accesses not yet applied, */
	uint64_t gathered_at[GATHER_MAX];   /* where each came from (as run_op's `at`) */
	size_t ngathered;
	uint64_t refused_at;                /* where an operation the engine refused came from */
};

/* What an event says of the access's TLB lookup and outcome (0: nothing). */
static const enum tlb_result tlb_of[EV_COUNT] = {
	[EV_TLB_HIT] = TLB_HIT, [EV_TLB_MISS] = TLB_MISS,
};
static const enum access_result result_of[EV_COUNT] = {
	[EV_SEGFAULT] = RES_SEGFAULT, [EV_PROTECTION_FAULT] = RES_PROTECTION, [EV_OUT_OF_MEMORY] = RES_OOM,
	[EV_OOM_KILL] = RES_OOM_KILL,
};

static void
summarize(const struct event_list *l, struct row *r)
{
	const struct event *ev = &l->ev[0];
	unsigned i;

	*r = (struct row){ .step = ev->step, .pid = ev->pid, .op = ev->access,
		.vaddr = ev->vaddr, .vpn = ev->vpn, .frame = NO_FRAME };
	/* A working-set trim after the access is not the fault's: it and what
	 * follows it show only among the events. */
	for (i = 0; i < l->n && l->ev[i].kind != EV_TRIM; i++) {
		ev = &l->ev[i];
		if (tlb_of[ev->kind] != TLB_OFF)
			r->tlb = tlb_of[ev->kind];
		if (event_kind_faults(ev->kind))
			r->result = RES_FAULT;
		else if (result_of[ev->kind] != RES_HIT)
			r->result = result_of[ev->kind];
		if (ev->kind == EV_WRITEBACK)
			r->writeback = true;
		else if (ev->kind == EV_VICTIM) {
			r->victim_pid = ev->other_pid;
			r->victim_vpn = ev->other_vpn;
		} else if (ev->kind == EV_ACCESS) {
			r->frame = ev->frame;
			r->paddr = ev->paddr;
		}
	}
}

/* ---- text --------------------------------------------------------------- */

enum column {
	COL_STEP, COL_PID, COL_OP, COL_VADDR, COL_VPN, COL_TLB, COL_RESULT,
	COL_FRAME, COL_VICTIM, COL_WB, COL_PADDR, COL_COUNT,
};

static const struct column_spec {
	const char *title;
	unsigned width;
	bool right;
} columns[COL_COUNT] = {
	[COL_STEP] = { "#   step", 8, true },
	[COL_PID] = { "pid", 5, true },
	[COL_OP] = { "op", 2, false },
	[COL_VADDR] = { "vaddr", 14, false },
	[COL_VPN] = { "vpn", 11, false },
	[COL_TLB] = { "tlb", 4, false },
	[COL_RESULT] = { "result", 10, false },
	[COL_FRAME] = { "frame", 5, true },
	[COL_VICTIM] = { "victim", 12, false },
	[COL_WB] = { "wb", 3, false },
	[COL_PADDR] = { "paddr", 0, false },
};

struct line {
	size_t n;
	char buf[256];
};

/* Writes v in base 10 or 16 at dst; returns the length. */
static size_t
digits(char *dst, uint64_t v, unsigned base)
{
	char tmp[24];
	size_t n = 0, i;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	for (i = 0; i < n; i++)
		dst[i] = tmp[n - 1 - i];
	return n;
}

static size_t
hex(char *dst, uint64_t v)
{
	dst[0] = '0';
	dst[1] = 'x';
	return 2 + digits(dst + 2, v, 16);
}

/* Appends one column, padded to its width, and the space after it. */
static void
put(struct line *l, enum column c, const char *s, size_t len)
{
	size_t pad = columns[c].width > len ? columns[c].width - len : 0;

	if (columns[c].right) {
		memset(l->buf + l->n, ' ', pad);
		l->n += pad;
	}
	memcpy(l->buf + l->n, s, len);
	l->n += len;
	if (!columns[c].right) {
		memset(l->buf + l->n, ' ', pad);
		l->n += pad;
	}
	if (c + 1 < COL_COUNT)
		l->buf[l->n++] = ' ';
}

static void
put_word(struct line *l, enum column c, const char *s)
{
	put(l, c, s, strlen(s));
}

static void
put_number(struct line *l, enum column c, uint64_t v, bool as_hex)
{
	char tmp[24];

	put(l, c, tmp, as_hex ? hex(tmp, v) : digits(tmp, v, 10));
}

static void
put_victim(struct line *l, const struct row *r)
{
	char tmp[48];
	size_t n;

	if (r->victim_pid == 0) {
		put_word(l, COL_VICTIM, "-");
		return;
	}
	n = digits(tmp, (uint64_t)r->victim_pid, 10);
	tmp[n++] = ':';
	n += hex(tmp + n, r->victim_vpn);
	put(l, COL_VICTIM, tmp, n);
}

static void
text_access(struct run *run, const struct row *r)
{
	struct line l = { 0 };
	bool in_frame = r->frame != NO_FRAME;

	put_number(&l, COL_STEP, r->step, false);
	put_number(&l, COL_PID, (uint64_t)r->pid, false);
	put(&l, COL_OP, &r->op, 1);
	put_number(&l, COL_VADDR, r->vaddr, true);
	put_number(&l, COL_VPN, r->vpn, true);
	put_word(&l, COL_TLB, tlb_words[r->tlb]);
	put_word(&l, COL_RESULT, result_words[r->result]);
	if (in_frame)
		put_number(&l, COL_FRAME, (uint64_t)r->frame, false);
	else
		put_word(&l, COL_FRAME, "-");
	put_victim(&l, r);
	put_word(&l, COL_WB, r->victim_pid ? (r->writeback ? "yes" : "no") : "-");
	if (in_frame)
		put_number(&l, COL_PADDR, r->paddr, true);
	else
		put_word(&l, COL_PADDR, "-");
	l.buf[l.n++] = '\n';
	fwrite(l.buf, 1, l.n, run->out);
}

/* "       5  VICTIM: no free frame: ...", as the UI's narration says it. */
static void
text_event(struct run *run, const struct event *ev)
{
	char text[512];

	event_explain(ev, run->m, text, sizeof text);
	fprintf(run->out, "%8llu  %s: %s\n", (unsigned long long)ev->step,
		event_label(ev->kind), text);
}

/* "# levels 2: 5+5+5, pte_bytes 1", for a machine that is not one flat table. */
static void
text_levels(struct run *run)
{
	const struct machine_config *c = &run->m->cfg;
	char split[64];

	if (c->levels == 1 && c->pte_bytes == PTE_BYTES_DEFAULT)
		return;
	va_split_describe(&run->m->split, split, sizeof split);
	fprintf(run->out, "# levels %u: %s, pte_bytes %u\n", c->levels, split, c->pte_bytes);
}

static void
text_begin(struct run *run)
{
	const struct machine_config *c = &run->m->cfg;
	struct line l = { 0 };
	enum column i;

	if (run->opt->quiet)
		return;
	fprintf(run->out, "# machine: page_size %u, va_bits %u%s, frames %u, "
		"swap_slots %u%s, tlb_entries %u, policy %s, scope %s, seed %llu\n",
		c->page_size, c->va_bits, c->grow_va ? " (grows)" : "", c->frames,
		c->swap_slots, c->grow_swap ? " (grows)" : "", c->tlb_entries,
		policy_at(c->policy)->name, c->scope == SCOPE_LOCAL ? "local" : "global",
		(unsigned long long)c->seed);
	text_levels(run);
	if (run->opt->events) {
		fputs("#   step  event: narration\n", run->out);
		return;
	}
	for (i = 0; i < COL_COUNT; i++)
		put_word(&l, i, columns[i].title);
	l.buf[l.n++] = '\n';
	fwrite(l.buf, 1, l.n, run->out);
}

/* "label:  N", and "(R%)" of `of` when `of` is not zero. */
static void
summary_line(FILE *out, const char *label, uint64_t v, uint64_t of)
{
	fprintf(out, "%-19s%llu", label, (unsigned long long)v);
	if (of)
		fprintf(out, " (%.1f%% of %llu)", 100.0 * (double)v / (double)of,
			(unsigned long long)of);
	fputc('\n', out);
}

/* "TLB reach:         2056 KiB (516 pages in 4 entries)", if there is a TLB. */
static void
text_tlb_reach(struct run *run)
{
	const struct tlb *t = &run->m->tlb;
	char reach[32];

	if (!t->n)
		return;
	number_bytes_text(machine_tlb_reach(run->m), reach, sizeof reach);
	fprintf(run->out, "%-19s%s (%llu page%s in %u entr%s)\n", "TLB reach:", reach,
		(unsigned long long)tlb_reach_pages(t), tlb_reach_pages(t) == 1 ? "" : "s",
		t->n - t->empty, t->n - t->empty == 1 ? "y" : "ies");
}

/*
 * On a multi-level machine: "memory refs:       23 (2.30 per access)" and
 * "page-table frames: 3 (1: 2, 2: 1)", in total and by live process.
 */
static void
text_tables(struct run *run)
{
	const struct machine *m = run->m;
	const char *sep = " (";

	if (m->cfg.levels == 1)
		return;
	fprintf(run->out, "%-19s%llu (%.2f per access)\n", "memory refs:",
		(unsigned long long)stats_mem_refs(&m->stats), stats_refs_per_access(&m->stats));
	fprintf(run->out, "%-19s%u", "page-table frames:", m->table_frames);
	for (size_t pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		if (p) {
			fprintf(run->out, "%s%zu: %u", sep, pid, p->table_frames);
			sep = ", ";
		}
	}
	fputs(*sep == ',' ? ")\n" : "\n", run->out);
	text_tlb_reach(run);
}

/* A process's minor or major faults. */
static uint64_t
minor_of(const struct process *p)
{
	return p->minor_faults;
}

static uint64_t
major_of(const struct process *p)
{
	return p->major_faults;
}

/*
 * "minor faults:      3 (1: 2, 2: 1)": the total, then each process that
 * took any (exited ones too), as ps -o min_flt,maj_flt reports them.
 */
static void
text_faults(struct run *run, const char *label, uint64_t total,
	    uint64_t (*of)(const struct process *))
{
	const struct machine *m = run->m;
	const char *sep = " (";

	fprintf(run->out, "%-19s%llu", label, (unsigned long long)total);
	for (size_t pid = 1; pid < m->procs_cap; pid++) {
		if (m->procs[pid] && of(m->procs[pid])) {
			fprintf(run->out, "%s%zu: %llu", sep, pid,
				(unsigned long long)of(m->procs[pid]));
			sep = ", ";
		}
	}
	fputs(*sep == ',' ? ")\n" : "\n", run->out);
}

/* "working sets:      1: 3 pages, 2: 1 page (tau 10)", the live processes'. */
static void
text_working_sets(struct run *run)
{
	const struct machine *m = run->m;
	const char *sep = "";

	fprintf(run->out, "%-19s", "working sets:");
	for (size_t pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		if (!p)
			continue;
		fprintf(run->out, "%s%zu: %u page%s", sep, pid, p->ws.size,
			plural(p->ws.size));
		sep = ", ";
	}
	fprintf(run->out, "%s (tau %u)\n", *sep ? "" : "none: no process is left",
		m->cfg.tau);
}

/* "cgroups: web frames 2/2, swap 1/1; db frames 0/3", when there are named groups. */
static void
text_groups(struct run *run)
{
	const struct machine *m = run->m;
	const char *sep = "";
	char usage[128];

	if (!cgroup_named(m))
		return;
	fprintf(run->out, "%-19s", "cgroups:");
	for (unsigned id = 1; id <= m->ncgroups; id++) {
		if (cgroup_at(m, id)->owner)
			continue;
		cgroup_usage_text(m, id, usage, sizeof usage);
		fprintf(run->out, "%s%s", sep, usage);
		sep = "; ";
	}
	fputc('\n', run->out);
}

static void
text_end(struct run *run)
{
	const struct stats *s = &run->m->stats;
	FILE *out = run->out;

	if (!run->opt->quiet)
		fputc('\n', out);
	if (run->error)         /* stopped part-way: say so before the figures */
		fprintf(out, "# stopped: %s\n# the summary counts what ran before it\n",
			run->error);
	summary_line(out, "accesses:", s->accesses, 0);
	summary_line(out, "hits:", s->hits, s->accesses);
	summary_line(out, "faults:", s->faults, s->accesses);
	summary_line(out, "evictions:", s->evictions, 0);
	summary_line(out, "write-backs:", s->writebacks, 0);
	if (run->m->cfg.tlb_entries)
		summary_line(out, "TLB hits:", s->tlb_hits, s->tlb_hits + s->tlb_misses);
	else
		fprintf(out, "%-19s%s\n", "TLB hits:", "off (no TLB)");
	summary_line(out, "segfaults:", s->segfaults, 0);
	summary_line(out, "protection faults:", s->protection_faults, 0);
	summary_line(out, "out of memory:", s->out_of_memory, 0);
	if (s->oom_kills)       /* only once a group has had one: older outputs stay */
		summary_line(out, "OOM kills:", s->oom_kills, 0);
	summary_line(out, "zero-fills:", s->zero_fills, 0);
	summary_line(out, "swap-ins:", s->swap_ins, 0);
	text_faults(run, "minor faults:", s->minor_faults, minor_of);
	text_faults(run, "major faults:", s->major_faults, major_of);
	text_tables(run);
	text_working_sets(run);
	text_groups(run);
}

static const struct printer text_printer = {
	text_begin, text_access, text_event, text_end,
};

/* ---- JSON --------------------------------------------------------------- */

static void
put_null(struct cJSON *obj, const char *key)
{
	xnonnull(cJSON_AddNullToObject(obj, key));
}

static void
put_hex(struct cJSON *obj, const char *key, uint64_t v)
{
	char tmp[24];

	tmp[hex(tmp, v)] = '\0';
	json_put_string(obj, key, tmp);
}

/* Prints obj on one line and frees it. */
static void
json_emit(FILE *out, struct cJSON *obj)
{
	char *s = xnonnull(cJSON_PrintUnformatted(obj));

	fputs(s, out);
	cJSON_free(s);
	cJSON_Delete(obj);
}

static void
json_begin(struct run *run)
{
	struct cJSON *machine = json_new_object();

	fputs("{\"machine\":", run->out);
	session_put_machine(machine, &run->m->cfg);
	json_emit(run->out, machine);
	if (!run->opt->quiet)
		fputs(run->opt->events ? ",\"events\":[" : ",\"accesses\":[", run->out);
}

static void
json_access(struct run *run, const struct row *r)
{
	struct cJSON *o = json_new_object(), *v;
	char op[2] = { r->op, '\0' };

	json_put_uint(o, "step", r->step);
	json_put_uint(o, "pid", (uint64_t)r->pid);
	json_put_string(o, "op", op);
	put_hex(o, "vaddr", r->vaddr);
	json_put_uint(o, "vpn", r->vpn);
	json_put_string(o, "tlb", tlb_words[r->tlb]);
	json_put_bool(o, "fault", r->result == RES_FAULT || r->result == RES_OOM ||
		      r->result == RES_OOM_KILL);
	json_put_string(o, "result", result_words[r->result]);
	if (r->frame != NO_FRAME)
		json_put_uint(o, "frame", (uint64_t)r->frame);
	else
		put_null(o, "frame");
	if (r->victim_pid) {
		v = json_put_object(o, "victim");
		json_put_uint(v, "pid", (uint64_t)r->victim_pid);
		json_put_uint(v, "vpn", r->victim_vpn);
	} else
		put_null(o, "victim");
	json_put_bool(o, "writeback", r->writeback);
	if (r->frame != NO_FRAME)
		put_hex(o, "paddr", r->paddr);
	else
		put_null(o, "paddr");
	fputs(run->rows++ ? ",\n" : "\n", run->out);
	json_emit(run->out, o);
}

/* {"step":5,"pid":1,"event":"victim","text":"no free frame: ..."} */
static void
json_event(struct run *run, const struct event *ev)
{
	struct cJSON *o = json_new_object();
	char text[512];

	event_explain(ev, run->m, text, sizeof text);
	json_put_uint(o, "step", ev->step);
	json_put_uint(o, "pid", (uint64_t)ev->pid);
	json_put_string(o, "event", event_key(ev->kind));
	json_put_string(o, "text", text);
	fputs(run->rows++ ? ",\n" : "\n", run->out);
	json_emit(run->out, o);
}

/* {"1":{"minor":2,"major":1}}: each process that took a fault, exited ones too. */
static void
json_faults(struct cJSON *o, const struct machine *m)
{
	char pid[24];

	for (size_t i = 1; i < m->procs_cap; i++) {
		const struct process *p = m->procs[i];
		struct cJSON *f;

		if (!p || !(p->minor_faults || p->major_faults))
			continue;
		snprintf(pid, sizeof pid, "%zu", i);
		f = json_put_object(o, pid);
		json_put_uint(f, "minor", p->minor_faults);
		json_put_uint(f, "major", p->major_faults);
	}
}

/*
 * "memory_refs":23,"table_frames":{"total":3,"1":2,"2":1}, on a
 * multi-level machine, and with a TLB "tlb_reach":2105344 (bytes).
 */
static void
json_tables(struct cJSON *o, const struct machine *m)
{
	struct cJSON *t;
	char pid[24];

	json_put_uint(o, "memory_refs", stats_mem_refs(&m->stats));
	if (m->cfg.tlb_entries)
		json_put_uint(o, "tlb_reach", machine_tlb_reach(m));
	t = json_put_object(o, "table_frames");
	json_put_uint(t, "total", m->table_frames);
	for (size_t i = 1; i < m->procs_cap; i++) {
		const struct process *p = machine_process(m, (int)i);

		if (p) {
			snprintf(pid, sizeof pid, "%zu", i);
			json_put_uint(t, pid, p->table_frames);
		}
	}
}

/* {"1":3,"2":1}: each live process's working set, by pid. */
static void
json_working_sets(struct cJSON *o, const struct machine *m)
{
	char pid[24];

	for (size_t i = 1; i < m->procs_cap; i++) {
		const struct process *p = machine_process(m, (int)i);

		if (p) {
			snprintf(pid, sizeof pid, "%zu", i);
			json_put_uint(o, pid, p->ws.size);
		}
	}
}

/*
 * {"web":{"frames":2,"frames_max":2,"swap":1,"swap_max":1}}: each named
 * group's usage, a limit left out when there is none.
 */
static void
json_groups(struct cJSON *o, const struct machine *m)
{
	for (unsigned id = 1; id <= m->ncgroups; id++) {
		const struct cgroup *g = cgroup_at(m, id);
		struct cJSON *u;

		if (g->owner)
			continue;
		u = json_put_object(o, g->name);
		json_put_uint(u, "frames", cgroup_frames(m, id));
		if (g->frames_max != LIMIT_NONE)
			json_put_uint(u, "frames_max", g->frames_max);
		json_put_uint(u, "swap", cgroup_slots(m, id));
		if (g->swap_max != SWAP_LIMIT_NONE)
			json_put_uint(u, "swap_max", g->swap_max);
	}
}

static void
json_end(struct run *run)
{
	const struct stats *s = &run->m->stats;
	struct cJSON *o = json_new_object();

	if (!run->opt->quiet)
		fputs(run->rows ? "\n]" : "]", run->out);
	json_put_uint(o, "accesses", s->accesses);
	json_put_uint(o, "hits", s->hits);
	json_put_uint(o, "faults", s->faults);
	json_put_uint(o, "evictions", s->evictions);
	json_put_uint(o, "writebacks", s->writebacks);
	json_put_uint(o, "tlb_hits", s->tlb_hits);
	json_put_uint(o, "tlb_misses", s->tlb_misses);
	json_put_uint(o, "segfaults", s->segfaults);
	json_put_uint(o, "protection_faults", s->protection_faults);
	json_put_uint(o, "out_of_memory", s->out_of_memory);
	if (s->oom_kills)
		json_put_uint(o, "oom_kills", s->oom_kills);
	json_put_uint(o, "zero_fills", s->zero_fills);
	json_put_uint(o, "swap_ins", s->swap_ins);
	json_put_uint(o, "minor_faults", s->minor_faults);
	json_put_uint(o, "major_faults", s->major_faults);
	json_faults(json_put_object(o, "faults_by_pid"), run->m);
	if (run->m->cfg.levels > 1)
		json_tables(o, run->m);
	json_working_sets(json_put_object(o, "working_sets"), run->m);
	if (cgroup_named(run->m))
		json_groups(json_put_object(o, "cgroups"), run->m);
	if (run->error) {
		fputs(",\"error\":", run->out);
		json_emit(run->out, xnonnull(cJSON_CreateString(run->error)));
	}
	fputs(",\"summary\":", run->out);
	json_emit(run->out, o);
	fputs("}\n", run->out);
}

static const struct printer json_printer = {
	json_begin, json_access, json_event, json_end,
};

/* ---- running ------------------------------------------------------------ */

static void
run_begin(struct run *run, struct machine *m, const struct batch_options *opt, FILE *out)
{
	*run = (struct run){ .m = m, .opt = opt, .out = out,
		.pr = opt->json ? &json_printer : &text_printer };
	if (opt->quiet)         /* read only by the summary */
		machine_defer_working_sets(m);
	run->pr->begin(run);
}

/* The summary: the machine's statistics, working sets counted. */
static void
run_summary(struct run *run)
{
	machine_count_working_sets(run->m);
	run->pr->end(run);
}

static int
write_error(char *err, size_t size)
{
	snprintf(err, size, "cannot write the output: %s", strerror(errno ? errno : EIO));
	return -1;
}

/*
 * A full disk or a closed pipe stops the run at once, not at the end.
 * With --quiet nothing is written before the end (run_end checks then).
 */
static int
output_failed(const struct run *run, char *err, size_t size)
{
	return !run->opt->quiet && ferror(run->out) ? write_error(err, size) : 0;
}

static int
run_end(struct run *run, char *err, size_t size)
{
	run_summary(run);
	if (fflush(run->out) != 0 || ferror(run->out))
		return write_error(err, size);
	return 0;
}

/*
 * A bad operation part-way: the summary of what ran before it is still
 * printed, after a line saying where the run stopped (text), or with the
 * error in the document, which still ends validly (JSON).  Returns -1.
 */
static int
run_stop(struct run *run, const char *err)
{
	if (!ferror(run->out)) {
		run->error = err;
		run_summary(run);
		fflush(run->out);
	}
	return -1;
}

/*
 * --quiet applies the accesses gathered so far.  Returns 0, or -1 with
 * the engine's message and run->refused_at set.
 */
static int
run_gathered(struct run *run, char *err, size_t size)
{
	size_t n = engine_apply_accesses(run->m, run->gathered, run->ngathered, err, size);

	if (n < run->ngathered) {
		run->refused_at = run->gathered_at[n];
		return -1;
	}
	run->ngathered = 0;
	return 0;
}

/*
 * Applies op, which came from `at` (a trace position or an index, said
 * back in run->refused_at if the engine refuses it).  With --quiet an
 * access is only gathered, for the engine's fastest way (no events, no
 * call per access): run_gathered must follow the last operation.
 */
static int
run_op(struct run *run, const struct op *op, uint64_t at, char *err, size_t size)
{
	struct row r;

	if (run->opt->quiet && op->kind == OP_ACCESS) {
		run->gathered[run->ngathered] = (struct op_access){
			.addr = op->addr, .pid = op->pid, .access = op->access };
		run->gathered_at[run->ngathered++] = at;
		return run->ngathered == GATHER_MAX ? run_gathered(run, err, size) : 0;
	}
	if (run->opt->quiet && run_gathered(run, err, size))
		return -1;
	run->refused_at = at;
	if (run->opt->quiet)    /* the engine's fastest way: no events */
		return engine_apply(run->m, op, NULL, err, size);
	if (engine_apply(run->m, op, &run->ev, err, size))
		return -1;
	if (run->opt->events) {
		for (unsigned i = 0; i < run->ev.n; i++)
			run->pr->event(run, &run->ev.ev[i]);
	} else if (op->kind == OP_ACCESS && run->ev.n > 0) {
		summarize(&run->ev, &r);
		run->pr->access(run, &r);
	}
	return 0;
}

/* Runs the operations of src on m, giving OPT its look-ahead first. */
static int
run_ops(struct machine *m, const struct op_source *src, const struct locator *loc,
	const struct batch_options *opt, FILE *out, char *err, size_t size)
{
	struct run run;
	struct op scratch;
	size_t i, n = src->n;
	int rc = 0;

	if (policy_looks_ahead(m->cfg.policy)) {
		struct future *f = future_build(src, m->current_pid, m->next_pid,
						machine_page_bits(m));
		machine_set_future(m, f);
		future_unref(f);
	}
	run_begin(&run, m, opt, out);
	for (i = 0; i < n && (rc = run_op(&run, src->at(src->ctx, i, &scratch), i, err, size)) == 0 &&
	    (rc = output_failed(&run, err, size)) == 0; i++)
		continue;
	if (rc == 0)
		rc = run_gathered(&run, err, size);
	machine_set_future(m, NULL);
	if (rc)
		return ferror(out) ? rc : (loc->blame(loc->ctx, run.refused_at, err, size),
					   run_stop(&run, err));
	return run_end(&run, err, size);
}

/* ---- sources ------------------------------------------------------------ */

static int
blame_collected(const void *ctx, size_t i, char *err, size_t size)
{
	const struct collected *c = ctx;

	return trace_blame(c->t, op_queue_position(c->q, i), err, size);
}

struct locator
batch_locate_collected(const struct collected *c)
{
	return (struct locator){ blame_collected, c };
}

static int
run_trace_whole(struct machine *m, struct trace *t, const struct batch_options *opt,
		FILE *out, char *err, size_t size)
{
	struct collected c = { t, op_queue_new() };
	struct locator loc = batch_locate_collected(&c);
	struct op_source ops;
	int rc = trace_read_all(t, c.q, FUTURE_OPS_MAX, err, size);

	if (rc == 0) {
		ops = op_queue_source(c.q);
		rc = run_ops(m, &ops, &loc, opt, out, err, size);
	}
	op_queue_free(c.q);
	return rc;
}

/*
 * --quiet: gathers the plain accesses next in the trace, the reader's and
 * the engine's fastest way, applying them whenever the room is full.
 * Returns 0, or -1 as run_gathered.
 */
static int
gather_trace(struct run *run, struct trace *t, char *err, size_t size)
{
	size_t n;

	while ((n = trace_next_accesses(t, run->gathered + run->ngathered,
					run->gathered_at + run->ngathered,
					GATHER_MAX - run->ngathered)) > 0) {
		run->ngathered += n;
		if (run->ngathered == GATHER_MAX && run_gathered(run, err, size))
			return -1;
	}
	return 0;
}

/* The engine refused an operation of the trace: says where. */
static int
trace_refused(struct run *run, const struct trace *t, char *err, size_t size)
{
	trace_blame(t, run->refused_at, err, size);
	return run_stop(run, err);
}

static int
trace_end(struct run *run, const struct trace *t, char *err, size_t size)
{
	if (run_gathered(run, err, size))
		return trace_refused(run, t, err, size);
	return run_end(run, err, size);
}

/*
 * The trace has a bad line (its message in err): what was read before it
 * runs first, and the engine may refuse some of it first.
 */
static int
trace_bad(struct run *run, const struct trace *t, char *err, size_t size)
{
	char *bad = xstrdup(err);

	if (run_gathered(run, err, size))
		trace_blame(t, run->refused_at, err, size);
	else
		snprintf(err, size, "%s", bad);
	free(bad);
	return run_stop(run, err);
}

int
batch_run_trace(struct machine *m, struct trace *t, const struct batch_options *opt,
		FILE *out, char *err, size_t size)
{
	struct run run;
	struct op op;
	int rc;

	if (policy_looks_ahead(m->cfg.policy))
		return run_trace_whole(m, t, opt, out, err, size);
	run_begin(&run, m, opt, out);
	for (;;) {
		if (opt->quiet && gather_trace(&run, t, err, size))
			return trace_refused(&run, t, err, size);
		if ((rc = trace_next(t, &op, err, size)) <= 0)
			break;
		if (run_op(&run, &op, trace_position(t), err, size))
			return trace_refused(&run, t, err, size);
		if (output_failed(&run, err, size))
			return -1;
	}
	return rc < 0 ? trace_bad(&run, t, err, size) : trace_end(&run, t, err, size);
}

static int
blame_history(const void *ctx, size_t i, char *err, size_t size)
{
	const struct history_source *hs = ctx;
	char msg[512];

	snprintf(msg, sizeof msg, "%s", err);
	snprintf(err, size, "%s: ops[%zu]: %s", hs->label, i, msg);
	return -1;
}

static const struct op *
op_in_history(const void *ctx, size_t i, struct op *scratch)
{
	(void)scratch;
	return history_op(((const struct history_source *)ctx)->h, i + 1);
}

struct locator
batch_locate_history(const struct history_source *hs)
{
	return (struct locator){ blame_history, hs };
}

struct op_source
batch_history_ops(const struct history_source *hs)
{
	return (struct op_source){ history_length(hs->h), op_in_history, hs };
}

int
batch_run_history(const struct history *h, const char *label,
		  const struct batch_options *opt, FILE *out, char *err, size_t size)
{
	struct history_source hs = { h, label };
	struct locator loc = batch_locate_history(&hs);
	struct op_source ops = batch_history_ops(&hs);
	struct machine *m = machine_clone(history_initial(h));
	int rc = run_ops(m, &ops, &loc, opt, out, err, size);

	machine_free(m);
	return rc;
}
