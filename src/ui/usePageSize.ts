import { useEffect } from 'react';

export type Paper = 'a4' | 'a5';

const PAGE_RULES: Record<Paper, string> = {
  a4: '@page { size: A4 portrait; margin: 12mm; }',
  a5: '@page { size: A5 portrait; margin: 8mm; }',
};

/**
 * Prints on the chosen paper while the certificate is open. A constructed style sheet (CSSOM)
 * sets the page size: the page's policy rightly forbids inline style elements.
 */
export function usePageSize(paper: Paper): void {
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PAGE_RULES[paper]);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [paper]);
}
