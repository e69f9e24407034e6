import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Layout of every template's canvas: a sticky note is read on the canvas, so no node may sit on it, and its
// text must fit inside it (n8n clips what does not). The geometry is n8n 2.41's canvas: nodes are 100 × 100
// at their position with the name below; the e2e suite checks the same on the rendered editor.
const TEMPLATE_DIR = join(__dirname, '..', '..', '..', 'templates');

interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}
interface CanvasNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: Record<string, unknown>;
}

const NOTE_TYPE = 'n8n-nodes-base.stickyNote';
/** The node's square plus its name under it: up to two lines, wider than the node. */
const nodeBox = ({ position: [x, y] }: CanvasNode): Box => ({ left: x - 40, top: y, right: x + 140, bottom: y + 150 });
const noteBox = ({ position: [x, y], parameters }: CanvasNode): Box => ({
	left: x,
	top: y,
	right: x + Number(parameters.width ?? 240),
	bottom: y + Number(parameters.height ?? 160),
});
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A generous estimate of the rendered height of a note's markdown: ~7.5 px per character at n8n's sticky
 * font, 20 px lines, headings 30 px, 10 px between blocks, 16 px padding each side.
 */
function textHeight(markdown: string, width: number): number {
	const charsPerLine = Math.max(10, Math.floor((width - 32) / 7.5));
	let height = 32;
	for (const block of markdown.split('\n')) {
		const line = block.trim();
		if (line === '') {
			height += 10;
			continue;
		}
		const visible = line.replace(/\*\*|`|^#+\s*|^[-*]\s+|^\d+\.\s+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
		const wrapped = Math.max(1, Math.ceil(visible.length / charsPerLine));
		height += /^#/.test(line) ? 30 + (wrapped - 1) * 20 : wrapped * 20;
	}
	return height;
}

const templates = readdirSync(TEMPLATE_DIR)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, nodes: (JSON.parse(readFileSync(join(TEMPLATE_DIR, file), 'utf8')) as { nodes: CanvasNode[] }).nodes }));

describe.each(templates)('template canvas $file', ({ nodes }) => {
	const notes = nodes.filter((node) => node.type === NOTE_TYPE);
	const others = nodes.filter((node) => node.type !== NOTE_TYPE);

	it('places no node on a sticky note', () => {
		const covered = notes.flatMap((note) =>
			others.filter((node) => overlaps(nodeBox(node), noteBox(note))).map((node) => `"${node.name}" covers note "${note.name}"`),
		);
		expect(covered).toEqual([]);
	});

	it('gives every sticky note room for its text', () => {
		const cramped = notes
			.map((note) => ({ note, needed: textHeight(String(note.parameters.content ?? ''), Number(note.parameters.width ?? 240)) }))
			.filter(({ note, needed }) => needed > Number(note.parameters.height ?? 160))
			.map(({ note, needed }) => `"${note.name}" needs about ${needed} px, has ${String(note.parameters.height)}`);
		expect(cramped).toEqual([]);
	});

	it('keeps sticky notes apart from each other', () => {
		const clashes = notes.flatMap((note, index) =>
			notes.slice(index + 1).filter((other) => overlaps(noteBox(note), noteBox(other))).map((other) => `"${note.name}" / "${other.name}"`),
		);
		expect(clashes).toEqual([]);
	});
});
