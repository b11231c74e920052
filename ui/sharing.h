/*
 * sharing.h - how a page, frame or swap slot is shared, as the screen
 * marks it: copy-on-write (a fork's page, read-only until written) or a
 * shared mapping (share) that more than one page table still maps.  Read
 * from the page tables and the reverse map; nothing is decided here.
 */
#ifndef VMSCOPE_UI_SHARING_H
#define VMSCOPE_UI_SHARING_H

#include <stddef.h>

#include "glyph.h"
#include "machine.h"
#include "theme.h"

enum sharing { SHARING_NONE, SHARING_COW, SHARING_SHARED };

/*
 * A page's: copy-on-write if its entry says so (even when no other page
 * table shares it any more: a write still traps), shared if it is in a
 * shared mapping that another page table maps too.
 */
enum sharing pte_sharing(const struct machine *m, const struct pte *e);

/* A frame's or slot's: that of its mappings (copy-on-write first). */
enum sharing rmap_sharing(const struct machine *m, const struct rmap *r);

/* The element that colours it: EL_COW, EL_SHARED, or `plain`. */
enum element sharing_element(enum sharing s, enum element plain);

/* Its glyph in g, for a page in a frame (or else in swap); NULL for none. */
const char *sharing_glyph(const struct glyphs *g, enum sharing s, bool in_frame);

/*
 * What a click says of page e's sharing, after its other facts (empty if
 * none): ", copy-on-write, shared by 2 page tables (a write copies it)".
 */
void sharing_page_text(const struct machine *m, const struct pte *e, char *buf,
		       size_t size);

/* The same of a frame or slot that holds r: ", copy-on-write". */
void sharing_rmap_text(const struct machine *m, const struct rmap *r, char *buf,
		       size_t size);

#endif
