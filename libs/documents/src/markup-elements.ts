// The element table of the markup: what each element may contain, where it may appear, which
// attributes it takes. The builder enforces it; the template check reads MARKUP_ELEMENTS at load.

export type Content =
  'root' | 'sections' | 'blocks' | 'cell' | 'inline' | 'list' | 'table' | 'row' | 'empty';

export interface ElementRule {
  readonly allowedIn: readonly Content[];
  readonly content: Content;
  readonly attributes: readonly string[];
}

const CHANGE_ATTRIBUTES = ['change', 'author', 'date'] as const;
const BLOCK_PARENTS: readonly Content[] = ['blocks', 'cell'];
const INLINE_PARENTS: readonly Content[] = ['inline', 'cell'];

/** Paragraph elements and the style each one gives its paragraph. */
export const PARAGRAPH_ELEMENT_STYLES = new Map<string, string>([
  ['p', 'Normal'],
  ['title', 'Title'],
  ['subtitle', 'Subtitle'],
  ['h1', 'Heading1'],
  ['h2', 'Heading2'],
  ['h3', 'Heading3'],
  ['preamble', 'Preamble'],
  ['operative', 'Operative'],
  ['item', 'ListItem'],
]);

export const ELEMENTS = new Map<string, ElementRule>([
  [
    'document',
    {
      allowedIn: ['root'],
      content: 'sections',
      attributes: [
        'language',
        'symbol',
        'distribution',
        'date',
        'draft',
        'draft-label',
        'title',
        'revision-author',
        'revision-date',
      ],
    },
  ],
  ['page-header', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  ['first-page-header', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  ['page-footer', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  ['first-page-footer', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  ['body', { allowedIn: ['sections'], content: 'blocks', attributes: [] }],
  [
    'p',
    {
      allowedIn: BLOCK_PARENTS,
      content: 'inline',
      attributes: ['style', 'align', 'keep-with-next', ...CHANGE_ATTRIBUTES],
    },
  ],
  [
    'title',
    { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] },
  ],
  [
    'subtitle',
    { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] },
  ],
  ['h1', { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] }],
  ['h2', { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] }],
  ['h3', { allowedIn: ['blocks'], content: 'inline', attributes: ['align', ...CHANGE_ATTRIBUTES] }],
  ['preamble', { allowedIn: ['blocks'], content: 'inline', attributes: [...CHANGE_ATTRIBUTES] }],
  [
    'operative',
    { allowedIn: ['blocks'], content: 'inline', attributes: ['level', ...CHANGE_ATTRIBUTES] },
  ],
  ['list', { allowedIn: BLOCK_PARENTS, content: 'list', attributes: ['type'] }],
  ['item', { allowedIn: ['list'], content: 'inline', attributes: ['level', ...CHANGE_ATTRIBUTES] }],
  ['table', { allowedIn: ['blocks'], content: 'table', attributes: ['widths', 'borders'] }],
  ['row', { allowedIn: ['table'], content: 'row', attributes: ['header'] }],
  ['cell', { allowedIn: ['row'], content: 'cell', attributes: ['span', 'align', 'style'] }],
  ['rule', { allowedIn: BLOCK_PARENTS, content: 'empty', attributes: ['weight'] }],
  ['page-break', { allowedIn: ['blocks'], content: 'empty', attributes: [] }],
  ['b', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: [] }],
  ['i', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: [] }],
  ['u', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: [] }],
  ['bracket', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: [] }],
  ['ins', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: ['author', 'date'] }],
  ['del', { allowedIn: INLINE_PARENTS, content: 'inline', attributes: ['author', 'date'] }],
  ['br', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['tab', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['symbol', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['distribution', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['date', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['page-number', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
  ['page-count', { allowedIn: INLINE_PARENTS, content: 'empty', attributes: [] }],
]);

/** The element names and attributes, for the template check at load time and for the README. */
export const MARKUP_ELEMENTS: ReadonlyMap<string, readonly string[]> = new Map(
  [...ELEMENTS].map(([name, rule]) => [name, rule.attributes]),
);
