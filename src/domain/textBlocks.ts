import type { TextBlock } from '../protocol/content.ts';

/**
 * Turns authored lesson text into blocks: paragraphs are separated by blank lines and a run of
 * lines starting with "- " is a bulleted list. Nothing else is markup, so no HTML ever reaches
 * the page.
 */
export function parseTextBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of source.trim().split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    let items: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ kind: 'p', text: paragraph.join(' ') });
      paragraph = [];
    };
    const flushItems = () => {
      if (items.length) blocks.push({ kind: 'ul', items });
      items = [];
    };
    for (const line of lines) {
      if (line.startsWith('- ')) {
        flushParagraph();
        items.push(line.slice(2).trim());
      } else {
        flushItems();
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushItems();
  }
  return blocks;
}
