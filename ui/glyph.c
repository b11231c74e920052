/*
 * glyph.c - the Unicode and ASCII glyph sets.
 */
#include "glyph.h"

static const struct glyphs unicode = {
	.ascii = false,
	.untouched = "\u00b7", .resident = "\u25a0", .current = "\u25a3",
	.swapped = "\u25cb", .dropped = "\u25cc", .refused = "\u2717", .free = "\u00b7",
	.in_ws = "\u2022",
	.cow = "\u25b2", .cow_swapped = "\u25b3", .shared = "\u25c6", .shared_swapped = "\u25c7",
	.split = "\u2502", .arrow = "\u2192",
	.pointer = "\u25b6", .prompt = "\u203a", .marker = "\u25c0", .hand = "\u2192", .sep = " \u00b7 ",
	.bullet = "\u25b8", .playing = "\u25b6", .paused = "\u2016",
	.times = "\u00d7", .enter = "\u23ce", .more = "\u2026",
	.struck_before = "", .struck_each = "\u0336",
	.bar = { " ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587",
		 "\u2588" },
	.fits = "\u2500", .over = "\u2501", .stops = "\u25b2",
	.h = "\u2500", .v = "\u2502", .tl = "\u250c", .tr = "\u2510",
	.bl = "\u2514", .br = "\u2518",
};

static const struct glyphs ascii = {
	.ascii = true,
	.untouched = ".", .resident = "#", .current = "@", .swapped = "o",
	.dropped = "~", .refused = "!", .free = ".", .in_ws = "*",
	.cow = "C", .cow_swapped = "c", .shared = "S", .shared_swapped = "s",
	.split = "|", .arrow = "->",
	.pointer = ">", .prompt = ">", .marker = "<", .hand = ">", .sep = " - ",
	.bullet = ">", .playing = ">", .paused = "||",
	.times = "x", .enter = "Enter", .more = "...",
	.struck_before = "-", .struck_each = "",
	.bar = { " ", "_", ".", "-", ":", "=", "+", "*", "#" },
	.fits = "-", .over = "=", .stops = "^",
	.h = "-", .v = "|", .tl = "+", .tr = "+", .bl = "+", .br = "+",
};

size_t
glyphs_legend(const struct glyphs *g, struct glyph_meaning *out, size_t max)
{
	const struct glyph_meaning all[] = {
		{ g->untouched, "page mapped, never touched (zero-filled when first used)" },
		{ g->resident, "page in a frame" },
		{ g->current, "the page being accessed" },
		{ g->swapped, "page in swap (read back on its next use)" },
		{ g->dropped, "page evicted clean, never written: no copy anywhere" },
		{ g->refused, "an access refused: no page is mapped there" },
		{ g->in_ws, "before a page (key w): in the working set (the last tau "
		    "accesses)" },
		{ g->cow, "copy-on-write page in a frame (a write traps; copies if others "
		    "map it)" },
		{ g->cow_swapped, "copy-on-write page in swap" },
		{ g->shared, "shared-mapping page in a frame (others map it too)" },
		{ g->shared_swapped, "shared-mapping page in swap" },
		{ g->ascii ? "x2" : "\u00d72", "frame or slot that 2 page tables map (coloured "
		    "as its pages)" },
		{ g->free, "free frame, swap slot or TLB entry" },
		{ g->pointer, "the row or cell the event is about (the page being "
		    "accessed, all through its access)" },
		{ g->marker, "the frame, slot or TLB entry the event touches" },
		{ g->hand, "the clock hand (clock, wsclock): the frame it looks at next" },
		{ "D", "dirty: written since it was loaded (a write-back on eviction)" },
	};
	size_t i, n = sizeof all / sizeof all[0];

	for (i = 0; i < n && i < max; i++)
		out[i] = all[i];
	return (n);
}

const struct glyphs *
glyphs_get(bool want_ascii)
{
	return (want_ascii ? &ascii : &unicode);
}
