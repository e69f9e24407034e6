import type { Page } from 'playwright-core';

/** What the rendered canvas shows wrongly of one sticky note: text under a node, or cut off by the note's edge. */
export interface NoteProblem {
	note: string;
	problem: string;
}

/**
 * Reads the rendered canvas: every line of every sticky note's text against every node's box (the node,
 * its name and icons: the union of the element and what it draws), and against the note's own bottom edge.
 * Runs in the page; n8n 2.41 marks notes `data-test-id="sticky"` and nodes `data-test-id="canvas-node"`.
 */
export async function stickyNoteProblems(page: Page): Promise<NoteProblem[]> {
	return await page.evaluate(() => {
		type Box = { left: number; top: number; right: number; bottom: number };
		const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
		const overlaps = (a: Box, b: Box) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
		const nodeBoxes = Array.from(document.querySelectorAll('[data-test-id="canvas-node"]'))
			.filter((node) => !node.querySelector('[data-test-id="sticky"]') && !node.closest('[data-test-id="sticky"]'))
			.map((node) => {
				// Drawn parts only: the toolbar a node shows on hover is in the DOM all the time, invisible.
				const drawn = (element: Element) => {
					for (let at: Element | null = element; at && at !== node.parentElement; at = at.parentElement) {
						const style = getComputedStyle(at);
						if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
					}
					return true;
				};
				const parts = [node, ...Array.from(node.querySelectorAll('*'))]
					.filter(drawn)
					.map((element) => element.getBoundingClientRect())
					.filter((r) => r.width > 0 && r.height > 0);
				return {
					name: (node.querySelector('[data-test-id="canvas-node-box-title"], .title')?.textContent ?? node.textContent ?? '').trim().slice(0, 40),
					box: {
						left: Math.min(...parts.map((r) => r.left)),
						top: Math.min(...parts.map((r) => r.top)),
						right: Math.max(...parts.map((r) => r.right)),
						bottom: Math.max(...parts.map((r) => r.bottom)),
					},
				};
			});
		const problems: Array<{ note: string; problem: string }> = [];
		for (const sticky of Array.from(document.querySelectorAll('[data-test-id="sticky"]'))) {
			const noteBox = box(sticky.getBoundingClientRect());
			const title = (sticky.textContent ?? '').trim().slice(0, 40);
			const walker = document.createTreeWalker(sticky, NodeFilter.SHOW_TEXT);
			for (let text = walker.nextNode(); text; text = walker.nextNode()) {
				const words = (text.textContent ?? '').trim();
				if (words === '') continue;
				const range = document.createRange();
				range.selectNodeContents(text);
				for (const line of Array.from(range.getClientRects()).map(box)) {
					if (line.bottom > noteBox.bottom + 1) problems.push({ note: title, problem: `"${words.slice(0, 30)}" runs past the note's bottom` });
					for (const node of nodeBoxes) {
						if (overlaps(line, node.box)) {
							const where = `text at x ${Math.round(line.left)}..${Math.round(line.right)}, node at x ${Math.round(node.box.left)}..${Math.round(node.box.right)}`;
							problems.push({ note: title, problem: `"${words.slice(0, 30)}" is under node "${node.name}" (${where})` });
						}
					}
				}
			}
		}
		return problems;
	});
}
