import type { TextBlock } from '../protocol/content';

export interface TextBlocksProps {
  blocks: TextBlock[];
}

/** Lesson text: paragraphs and bulleted lists, never raw HTML. */
export function TextBlocks({ blocks }: TextBlocksProps) {
  return (
    <div className="text-blocks">
      {blocks.map((block, i) =>
        block.kind === 'p' ? (
          <p key={i}>{block.text}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

/** The blocks as plain lines, e.g. to read them aloud. */
export function blocksText(blocks: TextBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'p' ? [block.text] : block.items));
}
